# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import os
import shutil
import subprocess
import tempfile
import unittest
from unittest.mock import patch

from odoo.tests.common import at_install, post_install
from odoo.tools import config

from .common import CoopSavepointCase, ensure_http_server


@at_install(False)
@post_install(True)
class TestReportLayout(CoopSavepointCase):

    def _pdf_text(self, pdf, page=None):
        """The text of the PDF, or of one page (numbered from 1)."""
        folder = tempfile.mkdtemp(prefix="coop-pdf-")
        self.addCleanup(shutil.rmtree, folder, True)
        path = os.path.join(folder, "report.pdf")
        with open(path, "wb") as f:
            f.write(pdf)
        pages = ["-f", str(page), "-l", str(page)] if page else []
        result = subprocess.run(["pdftotext", "-layout"] + pages + [path, "-"],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        if page and result.returncode:  # no such page
            return ""
        result.check_returncode()
        out = result.stdout
        return out.decode("utf-8")

    def _invoice(self, name, amount):
        company = self.env.ref("base.main_company")
        partner = self.env["res.partner"].create({
            "name": name, "street": "Dorpsstraat 1", "zip": "9000",
            "city": "Gent", "country_id": self.env.ref("base.be").id, "lang": "nl_BE"})
        income = self.env["account.account"].search([
            ("company_id", "=", company.id),
            ("user_type_id", "=", self.env.ref("account.data_account_type_revenue").id)], limit=1)
        invoice = self.env["account.invoice"].create({
            "partner_id": partner.id,
            "date_invoice": "2026-01-15",
            "invoice_line_ids": [(0, 0, {
                "name": "Lidmaatschapsbijdrage 2026", "quantity": 1, "price_unit": amount,
                "account_id": income.id})],
        })
        invoice.action_invoice_open()
        return invoice

    def _render_pdf(self, report, records):
        """The PDF as a person gets it: Odoo renders HTML instead of PDF under
        --test-enable unless a report directory is set; wkhtmltopdf fetches the
        report's styles from this server."""
        ensure_http_server()
        folder = tempfile.mkdtemp(prefix="coop-reports-")
        self.addCleanup(shutil.rmtree, folder, True)
        self.env["ir.config_parameter"].set_param(
            "report.url", "http://127.0.0.1:%s" % config["http_port"])
        with patch.dict(config.options, {"test_report_directory": folder}):
            pdf, fmt = report.render_qweb_pdf(records.ids)
        self.assertEqual(fmt, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        return pdf

    @unittest.skipUnless(shutil.which("pdftotext") and shutil.which("wkhtmltopdf"),
                         "needs wkhtmltopdf and poppler-utils")
    def test_invoice_pdf_carries_identity(self):
        """An invoice PDF shows Coopkracht's name, address, company number and page numbers."""
        company = self.env.ref("base.main_company")
        company.company_registry = "0477563266"
        invoice = self._invoice("Coöperatie Testhof cv", 250.0)
        text = self._pdf_text(self._render_pdf(self.env.ref("account.account_invoices"), invoice))
        self.assertIn("Coopkracht", text)
        self.assertIn("Posthoflei 3 bus 3", text)
        self.assertIn("0477.563.266", text)
        self.assertIn("Ondernemingsnummer", text)
        if company.coop_report_inline_frame():
            self.assertIn("Coopkracht vzw", text.split("Factuur")[0])
        self.assertRegex(text, r"1 ?/ ?1\s*$")

    @unittest.skipUnless(shutil.which("pdftotext") and shutil.which("wkhtmltopdf"),
                         "needs wkhtmltopdf and poppler-utils")
    def test_several_records_in_one_pdf(self):
        """Printing several invoices at once gives every invoice, each page numbered
        within its invoice, and Odoo still stores the PDF of each invoice (the report's attachment).
        (Debian's wkhtmltopdf converts one document per run: it gave an empty PDF.)"""
        invoices = self._invoice("Coöperatie Eén cv", 100.0) \
            | self._invoice("Coöperatie Twee cv", 200.0) \
            | self._invoice("Coöperatie Drie cv", 300.0)
        report = self.env.ref("account.account_invoices")
        self.assertTrue(report.attachment)  # Odoo keeps a PDF of each open invoice
        pdf = self._render_pdf(report, invoices)
        pages = [self._pdf_text(pdf, page) for page in (1, 2, 3)]
        for page, invoice in zip(pages, invoices):
            self.assertIn(invoice.number, page)
            self.assertIn(invoice.partner_id.name, page)
            self.assertRegex(page, r"1 ?/ ?1\s*$")
        self.assertEqual(self._pdf_text(pdf, 4), "")
        attachments = self.env["ir.attachment"].search([
            ("res_model", "=", "account.invoice"), ("res_id", "in", invoices.ids)])
        self.assertEqual(sorted(attachments.mapped("res_id")), sorted(invoices.ids))
        for attachment in attachments:
            invoice = invoices.browse(attachment.res_id)
            text = self._pdf_text(base64.b64decode(attachment.datas))
            self.assertIn(invoice.number, text)
            self.assertNotIn((invoices - invoice)[0].number, text)

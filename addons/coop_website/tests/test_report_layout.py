# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
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

    def _pdf_text(self, pdf):
        folder = tempfile.mkdtemp(prefix="coop-pdf-")
        self.addCleanup(shutil.rmtree, folder, True)
        path = os.path.join(folder, "report.pdf")
        with open(path, "wb") as f:
            f.write(pdf)
        out = subprocess.check_output(["pdftotext", "-layout", path, "-"])
        return out.decode("utf-8")

    @unittest.skipUnless(shutil.which("pdftotext") and shutil.which("wkhtmltopdf"),
                         "needs wkhtmltopdf and poppler-utils")
    def test_invoice_pdf_carries_identity(self):
        """An invoice PDF shows Coopkracht's name, address, company number and page numbers."""
        company = self.env.ref("base.main_company")
        company.company_registry = "0477563266"
        partner = self.env["res.partner"].create({
            "name": "Coöperatie Testhof cv", "street": "Dorpsstraat 1", "zip": "9000",
            "city": "Gent", "country_id": self.env.ref("base.be").id, "lang": "nl_BE"})
        income = self.env["account.account"].search([
            ("company_id", "=", company.id),
            ("user_type_id", "=", self.env.ref("account.data_account_type_revenue").id)], limit=1)
        invoice = self.env["account.invoice"].create({
            "partner_id": partner.id,
            "date_invoice": "2026-01-15",
            "invoice_line_ids": [(0, 0, {
                "name": "Lidmaatschapsbijdrage 2026", "quantity": 1, "price_unit": 250.0,
                "account_id": income.id})],
        })
        invoice.action_invoice_open()
        # Odoo renders HTML instead of PDF under --test-enable unless a report
        # directory is set; wkhtmltopdf fetches the report's styles from this server.
        ensure_http_server()
        folder = tempfile.mkdtemp(prefix="coop-reports-")
        self.addCleanup(shutil.rmtree, folder, True)
        self.env["ir.config_parameter"].set_param(
            "report.url", "http://127.0.0.1:%s" % config["http_port"])
        with patch.dict(config.options, {"test_report_directory": folder}):
            pdf, fmt = self.env.ref("account.account_invoices").render_qweb_pdf(invoice.ids)
        self.assertEqual(fmt, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        text = self._pdf_text(pdf)
        self.assertIn("Coopkracht", text)
        self.assertIn("Posthoflei 3 bus 3", text)
        self.assertIn("0477.563.266", text)
        self.assertIn("Ondernemingsnummer", text)
        if company.coop_report_inline_frame():
            # wkhtmltopdf without patched Qt prints no footer, hence no page numbers
            self.assertIn("Coopkracht vzw", text.split("Factuur")[0])
        else:
            self.assertIn("1 / 1", text)

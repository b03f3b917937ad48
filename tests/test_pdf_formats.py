# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every PDF of the coop addons prints Belgian Dutch formats (issue 25.11): amounts as
`1.234,56 €`, dates as `15/03/2017`, the share-class texts in Dutch; never `500.00`,
`2017-03-15` or `15-03-2017`. The PDFs are made by wkhtmltopdf and read back with
pdftotext, as a reader gets them."""
import html
import os
import re
import shutil
import subprocess
import tempfile
import unittest
from unittest.mock import patch

from odoo.tests.common import at_install, post_install
from odoo.tools import config

from odoo.addons.coop_compass.tests.common import CompassCase
from odoo.addons.coop_membership.tests.common import MembershipCase
from odoo.addons.coop_share_register.tests.common import DarCase
from odoo.addons.coop_website.tests.common import as_user, ensure_http_server, new_user

# the forms a reader in Flanders must not see
WRONG_FORMS = {
    "amount with a decimal point": re.compile(r"(?<![\d.,])\d+\.\d{2}(?![\d.,])"),
    "ISO date": re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)"),
    "date with dashes": re.compile(r"(?<!\d)\d{2}-\d{2}-\d{4}(?!\d)"),
    "thousands without separator": re.compile(r"(?<![\d.,])\d{4,},\d{2}(?!\d)"),
}
NEEDS_TOOLS = unittest.skipUnless(shutil.which("pdftotext") and shutil.which("wkhtmltopdf"),
                                  "needs wkhtmltopdf and poppler-utils")


class PdfTextMixin(object):
    """Render a report to PDF with wkhtmltopdf and read its text back."""

    def pdf_text(self, xmlid, records, user=None, data=None):
        """The text of the report printed from a Dutch-speaking user's screen (the web
        client prints in the user's language)."""
        ensure_http_server()
        report = self.env.ref(xmlid).with_context(lang="nl_BE")
        if user:
            report = as_user(report, user)
        folder = tempfile.mkdtemp(prefix="coop-pdf-formats-")
        self.addCleanup(shutil.rmtree, folder, True)
        self.env["ir.config_parameter"].sudo().set_param(
            "report.url", "http://127.0.0.1:%s" % config["http_port"])
        # Odoo renders HTML instead of a PDF under --test-enable without a report directory
        with patch.dict(config.options, {"test_report_directory": folder}):
            pdf, fmt = report.render_qweb_pdf(records.ids, data=data)
        self.assertEqual(fmt, "pdf")
        path = os.path.join(folder, "report.pdf")
        with open(path, "wb") as handle:
            handle.write(pdf)
        text = subprocess.run(["pdftotext", "-layout", path, "-"], stdout=subprocess.PIPE,
                              check=True).stdout.decode("utf-8")
        # one space for the non-breaking ones between an amount and its currency sign
        return re.sub(r"[ \xa0]+", " ", text)

    def assertBelgianFormats(self, text):
        """None of the wrong forms appears in text (the offending strings are listed)."""
        found = {name: sorted(set(pattern.findall(text)))
                 for name, pattern in WRONG_FORMS.items() if pattern.search(text)}
        self.assertFalse(found, "not in Belgian Dutch format: %s\n%s" % (found, text))


@at_install(False)
@post_install(True)
class TestShareRegisterPdfs(PdfTextMixin, DarCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clerk = new_user(cls.env, "dar_pdf_clerk", ["coop_share_register.group_dar_manager"],
                             lang="nl_BE", coop_register_ids=[(6, 0, cls.reg_a.ids)])
        # a class created by a Dutch-speaking manager, with the default rights
        cls.class_x = as_user(cls.env["coop.share.class"], cls.clerk).create({
            "register_id": cls.reg_a.id, "code": "X", "name": "Klasse X",
            "nominal_value": 1234.56}).sudo()
        cls.ann.lang = "nl_BE"
        cls.sub = cls.make_entry("subscription", cls.class_x, 2, holder_to=cls.ann,
                                 date="2017-03-15")
        cls.Payment.create({"entry_id": cls.sub.id, "date": "2017-03-20", "amount": 2000.0})
        cls.make_entry("subscription", cls.class_a, 2, holder_to=cls.bart, date="2017-03-15")

    @NEEDS_TOOLS
    def test_register_extract(self):
        """The register extract: the date, the nominal value, paid and unpaid amounts in
        Belgian Dutch, the default share-class rights in Dutch."""
        text = self.pdf_text("coop_share_register.report_register_extract_action",
                             self.reg_a, user=self.clerk, data={"date": "2017-12-31"})
        self.assertIn("Aandelenregister van Zonnecoop A", text)
        self.assertIn("31/12/2017", text)
        self.assertIn("1.234,56 €", text)  # nominal value (t-field)
        self.assertIn("2.000,00 €", text)  # paid (t-esc)
        self.assertIn("469,12 €", text)  # unpaid: 2 x 1.234,56 - 2.000
        self.assertIn("500,00 €", text)  # Bart's unpaid class A shares
        # the default rights of a class made by a Dutch-speaking manager (the table's
        # cells wrap the texts over several lines)
        for words in ("1 stem per", "Dividend naar", "verhouding van de", "aangehouden"):
            self.assertIn(words, text)
        self.assertNotIn("1 vote per", text)
        self.assertBelgianFormats(text)

    @NEEDS_TOOLS
    def test_certificate(self):
        """The certificate, in the holder's language: dates of the entries and the
        situation, amounts of the positions."""
        text = self.pdf_text("coop_share_register.report_shareholder_certificate_action",
                             self.ann, user=self.clerk, data={"date": "2018-01-01"})
        self.assertIn("Bewijs van inschrijving", text)
        self.assertIn("15/03/2017", text)  # the entry's date (t-field)
        self.assertIn("01/01/2018", text)  # the situation's date (t-esc)
        self.assertIn("2.469,12 €", text)
        self.assertIn("2.000,00 €", text)
        self.assertBelgianFormats(text)

    @NEEDS_TOOLS
    def test_yearly_statement(self):
        """The yearly statement: the payment's date and amount."""
        text = self.pdf_text("coop_share_register.report_shareholder_statement_action",
                             self.ann, user=self.clerk, data={"year": 2017})
        self.assertIn("20/03/2017", text)
        self.assertIn("2.000,00 €", text)
        self.assertIn("469,12 €", text)
        self.assertBelgianFormats(text)

    @NEEDS_TOOLS
    def test_assembly_result(self):
        """The result sheet of a general assembly: its date and record date."""
        assembly = self.env["coop.share.assembly"].create({
            "register_id": self.reg_a.id, "date": "2017-06-15 12:00:00",
            "record_date": "2017-04-30"})
        text = self.pdf_text("coop_share_register.report_assembly_result_action",
                             assembly, user=self.clerk)
        self.assertIn("15/06/2017", text)
        self.assertIn("30/04/2017", text)
        self.assertBelgianFormats(text)

    def test_payment_request_letter(self):
        """The payment request of a subscription, in the holder's Dutch: the amount to
        pay in Belgian Dutch format (it said "2469.12 EUR")."""
        template = self.env.ref("coop_share_register.mail_template_payment_request")
        body = template.generate_email(self.sub.id)["body_html"]
        text = re.sub(r"[ \xa0]+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body)))
        self.assertIn("Gelieve 2.469,12 € te storten", text)
        self.assertBelgianFormats(text)

    def test_demo_share_class_in_dutch(self):
        """The demo's share classes read in Dutch for a Dutch-speaking user, in English
        for an English-speaking one."""
        register = self.env.ref("coop_share_register.register_ecopower_demo",
                                raise_if_not_found=False)
        if not register:
            self.skipTest("the database has no demo data")
        share_class = register.class_ids[:1]
        dutch = share_class.with_context(lang="nl_BE")
        self.assertEqual(dutch.voting_rights, "1 stem per aandeelhouder")
        self.assertEqual(dutch.name, "Aandelen van klasse A")
        self.assertIn("gestorte kapitaal", dutch.profit_rights)
        self.assertIn("raad van bestuur", dutch.transfer_restrictions)
        self.assertEqual(share_class.with_context(lang="en_US").voting_rights,
                         "1 vote per shareholder")


@at_install(False)
@post_install(True)
class TestMembershipPdfs(PdfTextMixin, MembershipCase):

    @NEEDS_TOOLS
    def test_fee_invoice(self):
        """The fee invoice of a member: invoice date, due date and amounts."""
        category = self.env["coop.membership.category"].create(
            {"name": "Test formaat", "size": "large", "fee": 1234.56, "sequence": 9})
        member = self.make_member("Formaat cv", join_date="2017-03-15", category=category)
        invoice = member._coop_create_fee_invoice(2017)
        invoice.date_due = "2017-04-14"
        invoice.action_invoice_open()
        text = self.pdf_text("account.account_invoices", invoice)
        self.assertIn("15/03/2017", text)
        self.assertIn("14/04/2017", text)
        self.assertIn("1.234,56 €", text)
        self.assertBelgianFormats(text)

    def test_fee_reminder_letter(self):
        """The fee reminder, in the member's Dutch: the invoice's date and amount in
        Belgian Dutch formats."""
        category = self.env["coop.membership.category"].create(
            {"name": "Test herinnering", "size": "large", "fee": 1234.56, "sequence": 9})
        member = self.make_member("Herinnering cv", join_date="2017-03-15", category=category)
        invoice = member._coop_create_fee_invoice(2017)
        invoice.action_invoice_open()
        template = self.env.ref("coop_membership.mail_template_fee_reminder")
        body = template.generate_email(invoice.id)["body_html"]
        text = re.sub(r"[ \xa0]+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body)))
        self.assertIn("lidmaatschapsbijdrage", text)
        self.assertIn("15/03/2017 (1.234,56 €)", text)
        self.assertBelgianFormats(text)

    @NEEDS_TOOLS
    def test_assembly_attendance_and_minutes(self):
        """The attendance list and the minutes annex: the date and the quorum."""
        self.make_member("Aanwezig cv", join_date="2016-01-01")
        assembly = self.env["coop.general.assembly"].create(
            {"name": "AV 2017", "date": "2017-06-24", "quorum_percent": 66.5})
        assembly.action_load_members()
        text = self.pdf_text("coop_membership.report_assembly_attendance", assembly)
        self.assertIn("24/06/2017", text)
        self.assertBelgianFormats(text)
        text = self.pdf_text("coop_membership.report_assembly_minutes", assembly)
        self.assertIn("24/06/2017", text)
        self.assertIn("66,50 %", text)
        self.assertBelgianFormats(text)


@at_install(False)
@post_install(True)
class TestCompassPdf(PdfTextMixin, CompassCase):

    @NEEDS_TOOLS
    def test_compass_report(self):
        """The compass report of a Dutch-speaking person: the submission date."""
        self.author.partner_id.lang = "nl_BE"
        scan = as_user(self.env["coop.compass.scan"], self.author).action_start(
            self.org_a).sudo()
        scan.set_answers(self._full_answers())
        scan.action_submit()
        text = self.pdf_text("coop_compass.compass_scan_report", scan)
        self.assertRegex(text, r"Ingediend op: \d{2}/\d{2}/\d{4}\b")
        self.assertBelgianFormats(text)

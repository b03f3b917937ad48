# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The register manager's dividend run in a real browser: compute, confirm, SEPA file."""
import base64

from lxml import etree

from odoo.addons.coop_website.tests.common import CoopBrowserCase, SharedCursorMixin, as_user, new_user

from ..models.coop_share_dividend_sepa import pain_schema
from .common import company_number


class TestDividendJourney(SharedCursorMixin, CoopBrowserCase):

    def setUp(self):
        super().setUp()
        env = self.env(context={"tracking_disable": True})
        partner = env["res.partner"].create({"name": "Zonnedak", "is_company": True})
        self.register = env["coop.share.register"].create({
            "name": "Zonnedak", "partner_id": partner.id, "service_start": "2020-01-01",
            "company_number": company_number("08123458"), "dividend_enabled": True,
            "bank_iban": "BE71096123456769", "bank_bic": "GKCCBEBB"})
        share_class = env["coop.share.class"].create({
            "register_id": self.register.id, "code": "A", "name": "Aandelen A",
            "nominal_value": 250})
        holder = env["coop.shareholder"].create({
            "register_id": self.register.id, "name": "Vandenberghe", "firstname": "Lotte",
            "city": "Gent", "iban": "BE68539007547034"})
        entry = env["coop.share.entry"].create({
            "register_id": self.register.id, "entry_type": "subscription",
            "class_id": share_class.id, "quantity": 4, "date": "2023-01-01",
            "holder_to_id": holder.id})
        entry.action_confirm()
        env["coop.share.payment"].create({"entry_id": entry.id, "date": "2023-01-01",
                                          "amount": 1000.0})
        self.user = new_user(env, "dar_dividend", ["coop_share_register.group_dar_manager"],
                             password="dar_dividend", lang="nl_BE",
                             coop_register_ids=[(6, 0, self.register.ids)])
        self.run = as_user(env["coop.share.dividend.run"], self.user).create({
            "register_id": self.register.id, "year": 2023, "rate": 4.0,
            "payment_date": "2024-06-28"})
        # authenticating through the registry's cursor keeps the data for the server
        uid = self.registry["res.users"].authenticate(
            self.cr.dbname, "dar_dividend", "dar_dividend", None)
        self.assertEqual(uid, self.user.id, "the server's cursor sees the new user")

    def test_manager_computes_confirms_and_makes_sepa_file(self):
        """The manager computes the dividends, confirms the run and makes the SEPA file,
        which is valid against the pain.001.001.03 schema."""
        b = self.browser
        b.login(self.base_url, "dar_dividend", "dar_dividend")
        b.wait_css(".o_web_client", timeout=90)
        b.get(self.base_url + "/web#id=%s&model=coop.share.dividend.run&view_type=form"
              % self.run.id)
        b.click_text(".o_form_statusbar button", "Dividenden berekenen", timeout=90)
        b.wait_text(".o_field_one2many tbody tr", "Vandenberghe", timeout=60)
        b.screenshot("dar-dividend-01-computed")
        b.click_text(".o_form_statusbar button", "Bevestigen")
        b.wait_text(".o_statusbar_status .btn-primary", "Bevestigd")
        b.click_text(".o_form_statusbar button", "SEPA-betaalbestand")
        b.wait_text(".o_form_view", "pain.001.xml", timeout=60)
        b.screenshot("dar-dividend-02-sepa-file")
        self.run.invalidate_cache()
        self.assertEqual(self.run.state, "confirmed")
        line = self.run.line_ids
        self.assertAlmostEqual(line.gross, 40.0)          # 4 % of 1,000 paid all year
        doc = etree.fromstring(base64.b64decode(self.run.sepa_file))
        self.assertTrue(pain_schema().validate(doc))
        self.assertEqual(doc.findtext(".//{*}CtrlSum"), "%.2f" % line.net)

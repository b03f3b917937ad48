# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The register manager's journey in a real browser: record a subscription, confirm it,
see the positions."""
from odoo.addons.coop_website.tests.common import CoopBrowserCase, SharedCursorMixin, new_user

from .common import company_number


class TestManagerJourney(SharedCursorMixin, CoopBrowserCase):

    def setUp(self):
        super().setUp()
        env = self.env(context={"tracking_disable": True})
        partner = env["res.partner"].create({"name": "Stroomcoop", "is_company": True})
        self.register = env["coop.share.register"].create({
            "name": "Stroomcoop", "partner_id": partner.id,
            "company_number": company_number("08123456")})
        env["coop.share.class"].create({
            "register_id": self.register.id, "code": "A", "name": "Aandelen A",
            "nominal_value": 125})
        self.holder = env["coop.shareholder"].create({
            "register_id": self.register.id, "name": "Vandenberghe", "firstname": "Lotte",
            "city": "Gent"})
        other = env["coop.share.register"].create({
            "name": "Andere coop", "partner_id": partner.id,
            "company_number": company_number("08123457")})
        env["coop.shareholder"].create({"register_id": other.id, "name": "Onzichtbaar"})
        self.entry_action = env.ref("coop_share_register.coop_share_entry_action").id
        self.wizard_action = env.ref("coop_share_register.coop_share_position_wizard_action").id
        self.user = new_user(env, "dar_browser", ["coop_share_register.group_dar_manager"],
                             password="dar_browser", lang="nl_BE",
                             coop_register_ids=[(6, 0, self.register.ids)])
        uid = self.registry["res.users"].authenticate(
            self.cr.dbname, "dar_browser", "dar_browser", None)
        self.assertEqual(uid, self.user.id, "the server's cursor sees the new user")

    def test_manager_records_subscription_and_sees_positions(self):
        """The manager records and confirms a subscription and finds it in the positions;
        the other cooperative's holder is nowhere."""
        b = self.browser
        # through the login form, as the manager does
        b.login(self.base_url, "dar_browser", "dar_browser")
        b.wait_css(".o_web_client", timeout=90)
        b.get(self.base_url + "/web#action=%s&view_type=form" % self.entry_action)
        b.wait_css('.o_form_view .o_field_widget[name="quantity"]', timeout=90)
        b.pick_many2one("class_id", "A")
        b.pick_many2one("holder_to_id", "Vandenberghe")
        qty = b.wait_css('input.o_field_widget[name="quantity"]')
        qty.clear()
        qty.send_keys("8")
        b.screenshot("dar-01-subscription-form")
        b.css(".o_form_button_save")[0].click()
        b.click_text(".o_form_statusbar button", "Bevestigen")
        b.wait_text(".o_statusbar_status .btn-primary", "Bevestigd")
        b.wait_text(".oe_title h1", "R/000001")
        b.screenshot("dar-02-subscription-confirmed")
        with self.server_env() as env:  # holds the cursor's lock: the web client may still call
            entry = env["coop.share.entry"].search([("register_id", "=", self.register.id)])
            self.assertEqual((entry.state, entry.quantity, entry.holder_to_id.id), (
                "confirmed", 8, self.holder.id))
        b.get(self.base_url + "/web#action=%s" % self.wizard_action)
        b.click_text(".modal-footer button", "Posities tonen", timeout=60)
        row = b.wait_text(".o_list_view tbody tr", "Vandenberghe")
        self.assertIn("8", row.text)
        self.assertIn("1.000,00", b.css(".o_list_view tbody tr")[0].text)
        self.assertNotIn("Onzichtbaar", b.driver.page_source)
        b.screenshot("dar-03-positions")

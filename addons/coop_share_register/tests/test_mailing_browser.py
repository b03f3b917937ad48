# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The register manager's journey in a real browser: send a yearly statement to the
shareholders and open a general assembly's session."""
from odoo.addons.coop_website.tests.common import CoopBrowserCase, SharedCursorMixin, new_user

from .common import company_number


class TestCommunicationJourney(SharedCursorMixin, CoopBrowserCase):

    def setUp(self):
        super().setUp()
        env = self.env(context={"tracking_disable": True})
        partner = env["res.partner"].create({"name": "Stroomcoop", "is_company": True,
                                             "email": "info@stroomcoop.be"})
        self.register = env["coop.share.register"].create({
            "name": "Stroomcoop", "partner_id": partner.id,
            "company_number": company_number("08123456")})
        share_class = env["coop.share.class"].create({
            "register_id": self.register.id, "code": "A", "name": "Aandelen A",
            "nominal_value": 125})
        for name, first in (("Vandenberghe", "Lotte"), ("Desmet", "Pieter")):
            holder = env["coop.shareholder"].create({
                "register_id": self.register.id, "name": name, "firstname": first,
                "email": "%s@example.org" % first.lower()})
            env["coop.share.entry"].create({
                "register_id": self.register.id, "entry_type": "subscription",
                "class_id": share_class.id, "quantity": 4, "holder_to_id": holder.id,
                "date": "2024-01-10"}).action_confirm()
        self.mailing = env["coop.share.mailing"].create({
            "register_id": self.register.id, "date": "2024-12-31",
            "mailing_template_id": env.ref("coop_share_register.mailing_template_statement").id})
        self.assembly = env["coop.share.assembly"].create({
            "register_id": self.register.id, "name": "Algemene vergadering 2024",
            "date": "2024-06-15 12:00:00", "record_date": "2024-04-30", "location": "Gent"})
        self.mailing_action = env.ref("coop_share_register.coop_share_mailing_action").id
        self.assembly_action = env.ref("coop_share_register.coop_share_assembly_action").id
        user = new_user(env, "dar_comms_browser", ["coop_share_register.group_dar_manager"],
                        password="dar_comms_browser", lang="nl_BE",
                        coop_register_ids=[(6, 0, self.register.ids)])
        uid = self.registry["res.users"].authenticate(
            self.cr.dbname, "dar_comms_browser", "dar_comms_browser", None)
        self.assertEqual(uid, user.id, "the server's cursor sees the new user")

    def test_manager_sends_statement_and_opens_assembly(self):
        """The manager sends the yearly statement (queued, with progress) and opens the
        assembly's session, which makes the voting roll."""
        b = self.browser
        b.login(self.base_url, "dar_comms_browser", "dar_comms_browser")
        b.wait_css(".o_web_client", timeout=90)
        b.get(self.base_url + "/web#id=%s&action=%s&view_type=form" % (
            self.mailing.id, self.mailing_action))
        b.wait_text(".oe_title h1", "Uw aandelen in", timeout=90)
        b.screenshot("dar-comms-01-mailing-draft")
        b.click_text(".o_form_statusbar button", "Versturen")
        b.click_text(".modal-footer button", "Ok")
        b.wait_text(".o_statusbar_status .btn-primary", "Wordt verzonden", timeout=60)
        b.screenshot("dar-comms-02-mailing-queued")
        self.mailing.invalidate_cache()
        self.assertEqual(self.mailing.state, "sending")
        self.assertEqual(self.mailing.recipient_count, 2)
        self.assertEqual(self.mailing.batch_count, 1)
        b.get(self.base_url + "/web#id=%s&action=%s&view_type=form" % (
            self.assembly.id, self.assembly_action))
        b.wait_text(".oe_title h1", "Algemene vergadering 2024", timeout=90)
        b.click_text(".o_form_statusbar button", "Vergadering openen")
        b.click_text(".modal-footer button", "Ok")
        b.wait_text(".o_statusbar_status .btn-primary", "In zitting", timeout=60)
        b.screenshot("dar-comms-03-assembly-in-session")
        self.assembly.invalidate_cache()
        self.assertEqual(self.assembly.holder_count, 2)
        self.assertEqual(self.assembly.votes_total, 8.0)

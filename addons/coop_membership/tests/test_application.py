# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.coop_website.tests.common import as_user

from .common import MembershipCase, kbo


class TestApplication(MembershipCase):

    def setUp(self):
        super().setUp()
        # With coop_compass installed, submitting needs a submitted compass scan; these
        # tests are about the application itself (coop_compass tests that requirement).
        # Patched on the registry's class, so that overrides of other addons are covered.
        patcher = patch.object(type(self.env["coop.membership.application"]), "_check_submission_requirements",
                               return_value=True)
        patcher.start()
        self.addCleanup(patcher.stop)

    def test_create_links_organisation_and_contact(self):
        """An application creates its organisation and contact person."""
        app = self.make_application("Aanvrager cv", 100, sector_ids=[(6, 0, self.sector_energy.ids)])
        self.assertEqual(app.state, "draft")
        self.assertTrue(app.partner_id.is_company)
        self.assertEqual(app.partner_id.coop_kbo_number, app.kbo_number)
        self.assertEqual(app.partner_id.coop_sector_ids, self.sector_energy)
        self.assertEqual(app.contact_id.parent_id, app.partner_id)
        user = app._create_portal_user()
        self.assertTrue(user.has_group("base.group_portal"))
        self.assertEqual(user.partner_id, app.contact_id)

    def test_submit_calls_hook(self):
        """Submitting runs _check_submission_requirements and makes the partner an applicant."""
        app = self.make_application("Hook cv", 101)
        with patch.object(type(self.env["coop.membership.application"]), "_check_submission_requirements",
                          autospec=True, return_value=True) as hook:
            app.action_submit()
        self.assertTrue(hook.called)
        self.assertEqual(app.state, "submitted")
        self.assertEqual(app.partner_id.coop_membership_state, "applicant")
        self.assertEqual(app.category_id.size, "small")

    def test_submit_refused_by_hook(self):
        """When the hook refuses (the compass), the application stays draft."""
        app = self.make_application("Nocompass cv", 102)
        with patch.object(type(self.env["coop.membership.application"]), "_check_submission_requirements",
                          side_effect=UserError("Compass missing")):
            with self.assertRaisesRegex(UserError, "Compass missing"):
                app.action_submit()
        self.assertEqual(app.state, "draft")
        self.assertEqual(app.partner_id.coop_membership_state, "none")

    def test_approve(self):
        """The board's approval makes a member with join date, category and a first invoice."""
        app = self.make_application("Welkom cv", 103)
        app.action_submit()
        app.write({"category_id": self.cat_large.id, "join_date": "2030-03-01"})
        as_user(app, self.user_board).action_approve()
        partner = app.partner_id
        self.assertEqual(app.state, "approved")
        self.assertEqual(partner.coop_membership_state, "member")
        self.assertEqual(partner.coop_join_date, "2030-03-01")
        self.assertEqual(partner.coop_category_id, self.cat_large)
        self.assertEqual(app.invoice_id.partner_id, partner)
        self.assertEqual(app.invoice_id.coop_fee_year, 2030)
        self.assertEqual(app.invoice_id.amount_total, 1000.0)
        self.assertEqual(app.invoice_id.reference_type, "bba")
        self.assertTrue(partner.coop_is_member_on("2030-03-01"))
        self.assertEqual(app.decision_user_id, self.user_board)

    def test_approve_without_compass_refused(self):
        """Approving while the submission requirements fail changes nothing."""
        app = self.make_application("Halfweg cv", 104)
        app.action_submit()
        with patch.object(type(self.env["coop.membership.application"]), "_check_submission_requirements",
                          side_effect=UserError("Complete the ICA compass first")):
            with self.assertRaisesRegex(UserError, "ICA compass"):
                as_user(app, self.user_board).action_approve()
        self.assertEqual(app.state, "submitted")
        self.assertEqual(app.partner_id.coop_membership_state, "applicant")
        self.assertFalse(self.env["account.invoice"].search([("partner_id", "=", app.partner_id.id)]))

    def test_refuse_needs_reason(self):
        """Refusing needs a reason, which is kept; the organisation is no applicant any more."""
        app = self.make_application("Neen cv", 105)
        app.action_submit()
        with self.assertRaisesRegex(UserError, "reason for the refusal|reden van de weigering"):
            as_user(app, self.user_board).action_refuse()
        self.assertEqual(app.state, "submitted")
        app.refuse_reason = "Geen coöperatieve werking"
        as_user(app, self.user_board).action_refuse()
        self.assertEqual(app.state, "refused")
        self.assertEqual(app.partner_id.coop_membership_state, "none")

    def test_second_application_of_member_refused(self):
        """An organisation that is a member cannot apply again: nothing is written."""
        member = self.make_member("Al lid cv", coop_kbo_number=kbo(106))
        apps, partners = self.Application.search_count([]), self.Partner.search_count([])
        with self.assertRaisesRegex(ValidationError, "already a member|is al lid van"):
            self.make_application("Al lid cv", 106)
        with self.assertRaisesRegex(ValidationError, "already a member|is al lid van"):
            self.Application.create({"name": "Al lid", "partner_id": member.id})
        self.assertEqual(self.Application.search_count([]), apps)
        self.assertEqual(self.Partner.search_count([]), partners)

    def test_second_open_application_refused(self):
        """One open application per organisation."""
        self.make_application("Dubbel cv", 107)
        with self.assertRaisesRegex(ValidationError, "open membership application|openstaande lidmaatschapsaanvraag"):
            self.make_application("Dubbel cv", 107, contact_email="other@example.org")

    def test_invalid_kbo_refused(self):
        """An application with an invalid company number is refused; nothing is written."""
        partners = self.Partner.search_count([])
        with self.assertRaisesRegex(
                ValidationError, "not a valid Belgian company number|geen geldig Belgisch ondernemingsnummer"):
            self.Application.create({"name": "Fout cv", "kbo_number": "0123.456.788",
                                     "contact_name": "X", "contact_email": "x@example.org"})
        self.assertEqual(self.Partner.search_count([]), partners)

    def test_staff_cannot_decide(self):
        """Staff and plain employees cannot approve; portal users cannot read others' applications."""
        app = self.make_application("Beslissing cv", 108)
        app.action_submit()
        with self.assertRaises(AccessError):
            as_user(app, self.user_coop).action_approve()
        with self.assertRaises(AccessError):
            as_user(app, self.user_internal).read(["state"])
        with self.assertRaises(AccessError):
            as_user(app, self.user_portal).read(["state"])
        self.assertEqual(app.state, "submitted")

    def test_manager_decides_board_reads(self):
        """The manager approves too; the board reads the application and its organisation."""
        app = self.make_application("Manager cv", 114)
        app.action_submit()
        self.assertEqual(as_user(app, self.user_board).read(["state"])[0]["state"], "submitted")
        self.assertTrue(as_user(app.partner_id, self.user_board).coop_kbo_number)
        as_user(app, self.user_manager).action_approve()
        self.assertEqual(app.state, "approved")
        self.assertEqual(app.decision_user_id, self.user_manager)

    def test_portal_reads_own_application(self):
        """The applicant's portal user reads its own application."""
        app = self.make_application("Eigen cv", 109)
        user = app._create_portal_user()
        self.assertEqual(as_user(app, user).read(["state"])[0]["state"], "draft")

    def test_decided_application_kept(self):
        """A decided application cannot be deleted."""
        app = self.make_application("Historiek cv", 110)
        app.action_submit()
        with self.assertRaisesRegex(UserError, "history|geschiedenis"):
            app.unlink()

    def test_mails_sent(self):
        """Each step sends its mail to the contact person."""
        app = self.make_application("Post cv", 111)
        app.action_submit()
        app.refuse_reason = "Test"
        app.action_refuse()
        subjects = self.env["mail.mail"].search(
            [("model", "=", app._name), ("res_id", "=", app.id)], order="id").mapped("subject")
        self.assertEqual(subjects, ["Je aanvraag om lid te worden van Coopkracht",
                                    "Je aanvraag om lid te worden van Coopkracht werd ingediend",
                                    "Je aanvraag om lid te worden van Coopkracht"])
        approved = self.make_application("Welkom post cv", 112)
        approved.action_submit()
        as_user(approved, self.user_board).action_approve()
        mail = self.env["mail.mail"].search(
            [("model", "=", app._name), ("res_id", "=", approved.id)], order="id desc", limit=1)
        self.assertEqual(mail.subject, "Welkom bij Coopkracht")

    def test_received_mail_invites_to_choose_password(self):
        """The web form's "received" mail carries a link (with the contact's own sign-up
        token) to choose the new portal account's password, in Dutch."""
        app = self.make_application("Uitnodiging cv", 113)
        user = app._create_portal_user()
        app._send_received_mail()
        mail = self.env["mail.mail"].search(
            [("model", "=", app._name), ("res_id", "=", app.id)], order="id desc", limit=1)
        self.assertIn("/web/signup?", mail.body_html)
        self.assertIn("kies je wachtwoord", mail.body_html)
        token = user.partner_id.sudo().signup_token
        self.assertTrue(token)
        self.assertIn(token, mail.body_html)
        self.assertEqual(self.Partner.sudo()._signup_retrieve_partner(token), user.partner_id)

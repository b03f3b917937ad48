# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.coop_website.tests.common import as_user, new_user

from .common import DarCase

IBAN_OK = "BE68539007547034"


class PortalCase(DarCase):
    """Ann (register A) and Cleo (register B) have a portal login each."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_entry("subscription", cls.class_a, 4, holder_to=cls.ann)
        cls.make_entry("subscription", cls.class_b, 3, holder_to=cls.cleo)
        cls.portal_ann = new_user(cls.env, "portal_ann", ["base.group_portal"])
        cls.portal_cleo = new_user(cls.env, "portal_cleo", ["base.group_portal"])
        cls.ann.write({"partner_id": cls.portal_ann.partner_id.id, "email": "ann@example.org"})
        cls.cleo.write({"partner_id": cls.portal_cleo.partner_id.id})


class TestPortalAccess(PortalCase):

    def test_portal_sees_only_own(self):
        """A portal user finds only his own holder, entries, register and classes."""
        self.assertEqual(as_user(self.Holder, self.portal_ann).search([]), self.ann)
        entries = as_user(self.Entry, self.portal_ann).search([])
        self.assertTrue(entries)
        self.assertEqual(entries.mapped("holder_to_id").ids, self.ann.ids)
        self.assertEqual(as_user(self.Register, self.portal_ann).search([]), self.reg_a)
        self.assertEqual(as_user(self.env["coop.share.class"], self.portal_ann).search([]),
                         self.class_a | self.class_a2)

    def test_portal_other_holder_refused(self):
        """Reading another shareholder (same or other register) raises AccessError."""
        for other in (self.bart, self.cleo):
            with self.assertRaises(AccessError):
                as_user(other, self.portal_ann).read(["name"])

    def test_portal_cannot_write(self):
        """A portal user cannot write his holder record directly (only via the portal)."""
        with self.assertRaises(AccessError):
            as_user(self.ann, self.portal_ann).write({"iban": IBAN_OK})

    def test_portal_positions(self):
        """The portal user's positions are computed through the rules: 4 shares of A."""
        positions = as_user(self.ann, self.portal_ann).positions()
        self.assertEqual([(p["class_id"], p["shares"]) for p in positions],
                         [(self.class_a.id, 4)])

    def test_statement_report_refused_for_other(self):
        """The yearly statement of another holder is refused to a portal user."""
        report = as_user(self.env["report.coop_share_register.report_shareholder_statement"],
                         self.portal_ann)
        with self.assertRaises(AccessError):
            report.get_report_values(self.cleo.ids, {"year": 2024})
        values = report.get_report_values(self.ann.ids, {"year": 2024})
        self.assertEqual(values["closing"][self.ann.id][0]["shares"], 4)
        self.assertEqual(values["opening"][self.ann.id], [])


class TestPortalChanges(PortalCase):

    def test_change_applied_with_audit(self):
        """Without approval setting the change is applied, audited and managers notified."""
        self.reg_a.write({"user_ids": [(4, self.manager_a.id)]})
        holder = self.ann.with_context(tracking_disable=False)
        result = holder.portal_update(
            {"street": "Veldstraat 9", "iban": "be68 5390 0754 7034", "email": "ann@example.org"},
            self.portal_ann.partner_id)
        self.assertFalse(result)
        self.assertEqual(self.ann.street, "Veldstraat 9")
        self.assertEqual(self.ann.iban, IBAN_OK)
        message = self.ann.message_ids.filtered(
            lambda m: m.author_id == self.portal_ann.partner_id)
        self.assertEqual(len(message), 1)
        self.assertIn("Veldstraat 9", message.body)
        self.assertIn(self.manager_a.partner_id, message.partner_ids)

    def test_invalid_iban_refused(self):
        """An invalid IBAN is refused with a clear message and nothing is written."""
        with self.assertRaisesRegex(ValidationError, "BE68539007547035"):
            self.ann.portal_update({"street": "Elders 1", "iban": "BE68539007547035"},
                                   self.portal_ann.partner_id)
        self.assertEqual(self.ann.street, "Kerkstraat 1")
        self.assertFalse(self.ann.iban)

    def test_invalid_email_refused(self):
        """An invalid e-mail address is refused."""
        with self.assertRaisesRegex(ValidationError, "e-mail"):
            self.ann.portal_update({"email": "not-an-address"}, self.portal_ann.partner_id)
        self.assertEqual(self.ann.email, "ann@example.org")

    def test_change_with_approval(self):
        """With approval required, a request waits; the manager of the register approves."""
        self.reg_a.write({"portal_change_approval": True,
                          "user_ids": [(4, self.manager_a.id)]})
        request = self.ann.portal_update({"city": "Brugge", "zip": "8000"},
                                         self.portal_ann.partner_id)
        self.assertTrue(request)
        self.assertEqual(self.ann.city, "Gent")
        self.assertEqual(request.state, "pending")
        self.assertEqual(request.activity_ids.user_id, self.manager_a)
        # the manager of the other register neither sees nor decides it
        with self.assertRaises(AccessError):
            as_user(request, self.manager_b).action_approve()
        as_user(request, self.manager_a).action_approve()
        self.assertEqual(request.state, "approved")
        self.assertEqual((self.ann.city, self.ann.zip), ("Brugge", "8000"))
        self.assertFalse(request.activity_ids)

    def test_refuse_keeps_data(self):
        """A refused change request leaves the holder unchanged."""
        self.reg_a.write({"portal_change_approval": True,
                          "user_ids": [(4, self.manager_a.id)]})
        request = self.ann.portal_update({"city": "Brugge"}, self.portal_ann.partner_id)
        as_user(request, self.manager_a).action_refuse()
        self.assertEqual(request.state, "refused")
        self.assertEqual(self.ann.city, "Gent")
        with self.assertRaises(UserError):
            as_user(request, self.manager_a).action_approve()
        self.assertEqual(self.ann.city, "Gent")


class TestPortalInvite(DarCase):

    def _invite(self, holders, user=None):
        Wizard = self.env["coop.share.portal.invite"]
        if user:
            Wizard = as_user(Wizard, user)
        wizard = Wizard.create({"register_id": holders[:1].register_id.id,
                                "holder_ids": [(6, 0, holders.ids)]})
        wizard.action_invite()
        return wizard

    def test_invite_mails_a_token_and_makes_no_user(self):
        """An invitation mails a personal link with a token in the holder's language; no
        user is made or looked up, the token is kept only as its hash."""
        self.env.ref("base.lang_en").write({"active": True})
        self.ann.write({"email": "ann.peeters@example.org", "lang": "en_US"})
        self.bart.write({"email": False})
        users = self.env["res.users"].with_context(active_test=False).search_count([])
        wizard = self._invite(self.ann | self.bart, self.manager_a)
        self.assertEqual((wizard.invited_count, wizard.skipped_count), (1, 1))
        self.assertFalse(self.ann.partner_id)
        self.assertEqual(
            self.env["res.users"].with_context(active_test=False).search_count([]), users)
        mail = self.env["mail.mail"].search([("email_to", "=", "ann.peeters@example.org")])
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.subject, "Zonnecoop A: your shares online")
        self.assertIn("/my/aandelen/uitnodiging?token=", mail.body_html)
        token = mail.body_html.split("token=", 1)[1].split('"', 1)[0]
        invitation = self.env["coop.shareholder.invitation"].search(
            [("holder_id", "=", self.ann.id)])
        self.assertEqual(invitation.state, "pending")
        self.assertNotIn(token, invitation.token_hash)
        self.assertEqual(invitation.token_hash, invitation._token_hash(token))

    def test_invite_in_dutch(self):
        """A Dutch-speaking holder gets the invitation in Dutch."""
        self.ann.write({"email": "ann.nl@example.org", "lang": "nl_BE"})
        self._invite(self.ann, self.manager_a)
        mail = self.env["mail.mail"].search([("email_to", "=", "ann.nl@example.org")])
        self.assertEqual(mail.subject, "Zonnecoop A: je aandelen online")
        self.assertIn("Voeg je aandelen toe aan je account", mail.body_html)

    def test_same_person_two_cooperatives(self):
        """One user who accepts the invitations of two cooperatives sees both holdings."""
        Invitation = self.env["coop.shareholder.invitation"]
        user = new_user(self.env, "twee_coops", ["base.group_portal"])
        for holder in (self.ann, self.cleo):
            holder.write({"email": "same@example.org"})
            _invitation, token = Invitation._new_for(holder)
            Invitation._accept(token, user)
        self.assertEqual(self.ann.partner_id, user.partner_id)
        self.assertEqual(self.cleo.partner_id, user.partner_id)
        self.assertEqual(as_user(self.Holder, user).search([]), self.ann | self.cleo)

    def test_invite_other_register_refused(self):
        """A manager cannot invite another cooperative's shareholders."""
        self.cleo.write({"email": "cleo@example.org"})
        with self.assertRaises(AccessError):
            self._invite(self.cleo, self.manager_a)
        self.assertFalse(self.cleo.partner_id)

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.coop_website.tests.common import as_user

from .common import MembershipCase


class TestLeave(MembershipCase):

    def leave(self, partner, date, user=None):
        Wizard = self.env["coop.membership.leave"]
        if user:
            Wizard = as_user(Wizard, user)
        return Wizard.create({"partner_id": partner.id, "leave_date": date,
                              "reason_id": self.reason.id}).action_confirm()

    def test_leave(self):
        """Staff record a leave: former member with date and reason; later fees are flagged."""
        org = self.make_member("Vertrek cv", join_date="2018-01-01", coop_directory_published=True)
        old = org._coop_create_fee_invoice(2025, post=True)
        later = org._coop_create_fee_invoice(2026)
        self.leave(org, "2025-09-30", user=self.user_coop)
        self.assertEqual(org.coop_membership_state, "former")
        self.assertEqual(org.coop_leave_date, "2025-09-30")
        self.assertEqual(org.coop_leave_reason_id, self.reason)
        self.assertFalse(org.coop_directory_published)
        self.assertTrue(later.coop_after_leave)
        self.assertFalse(old.coop_after_leave)
        self.assertTrue(old.exists() and later.exists())
        self.assertFalse(org.coop_is_member_on("2025-10-01"))
        self.assertTrue(org.coop_is_member_on("2025-09-29"))

    def test_future_leave(self):
        """A leave recorded with a future date keeps the organisation a member until that
        day (the year's fee run still bills it); the daily job ends the membership on the
        date, not before."""
        org = self.make_member("Later weg cv", join_date="2018-01-01",
                               coop_directory_published=True)
        next_year = fields.Date.from_string(fields.Date.context_today(org)).year + 1
        leave_date = "%d-03-31" % next_year
        self.leave(org, leave_date, user=self.user_coop)
        self.assertEqual(org.coop_membership_state, "member")
        self.assertEqual(org.coop_leave_date, leave_date)
        self.assertTrue(org.coop_directory_published)
        self.assertTrue(org.coop_is_member_on("%d-03-30" % next_year))
        self.assertFalse(org.coop_is_member_on(leave_date))
        run = self.env["coop.membership.fee.run"].sudo(self.user_manager).create(
            {"year": next_year})
        self.assertIn(org, run._members_for_year(next_year))
        Partner = self.env["res.partner"]
        with patch.object(fields.Date, "context_today",
                          return_value="%d-03-30" % next_year):
            Partner._cron_coop_end_memberships()
        self.assertEqual(org.coop_membership_state, "member")
        with patch.object(fields.Date, "context_today", return_value=leave_date):
            Partner._cron_coop_end_memberships()
        self.assertEqual(org.coop_membership_state, "former")
        self.assertFalse(org.coop_directory_published)
        self.assertTrue(self.env.ref("coop_membership.ir_cron_end_memberships").active)

    def test_leave_before_join_refused(self):
        """A leave date before the join date is refused and nothing changes."""
        org = self.make_member("Te vroeg cv", join_date="2025-01-01")
        with self.assertRaisesRegex(ValidationError, "before the join date|vóór de toetredingsdatum"):
            self.leave(org, "2024-12-31")
        self.assertEqual(org.coop_membership_state, "member")
        self.assertFalse(org.coop_leave_date)

    def test_leave_of_non_member_refused(self):
        """Only a member can leave."""
        org = self.make_org("Geen lid cv")
        with self.assertRaisesRegex(UserError, "not a member|geen lid"):
            self.leave(org, "2025-01-01")

    def test_internal_user_cannot_leave(self):
        """A plain employee cannot record a leave."""
        org = self.make_member("Beschermd cv")
        with self.assertRaises(AccessError):
            self.leave(org, "2025-01-01", user=self.user_internal)

    def test_history_kept(self):
        """Membership lines of a former member cannot be deleted."""
        org = self.make_member("Archief cv", join_date="2018-01-01")
        invoice = org._coop_create_fee_invoice(2019)
        self.leave(org, "2019-06-30")
        lines = self.env["membership.membership_line"].search([("partner", "=", org.id)])
        self.assertTrue(lines)
        self.assertEqual(lines.date_cancel, "2019-06-30")
        with self.assertRaisesRegex(UserError, "history|geschiedenis"):
            lines.unlink()
        self.assertTrue(invoice.exists())

    def test_seeded_reasons(self):
        """The managed reason list is seeded with the annual report's reasons."""
        names = self.env["coop.membership.leave.reason"].with_context(lang="nl_BE").search(
            []).mapped("name")
        for name in ("andere vennootschapsvorm", "moeilijke financiële situatie",
                     "stopzetting van de werking", "geen interesse meer", "fusie"):
            self.assertIn(name, [n.lower() for n in names])

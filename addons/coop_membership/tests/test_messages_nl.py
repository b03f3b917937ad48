# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Each bad input of the issue, made by a Dutch-speaking user: a clear Dutch message, and
nothing written."""
from unittest.mock import patch

from odoo.exceptions import UserError, ValidationError

from .common import MembershipCase, kbo


class TestDutchMessages(MembershipCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="nl_BE"))
        cls.Partner = cls.env["res.partner"]
        cls.Application = cls.env["coop.membership.application"]
        cls.member = cls.make_member("Lid cv", join_date="2040-01-01", coop_kbo_number=kbo(140))
        cls.second = cls.make_member("Tweede lid cv", join_date="2040-01-01")
        cls.third = cls.make_member("Derde lid cv", join_date="2040-01-01")
        cls.outsider = cls.make_org("Buitenstaander cv")
        cls.assembly = cls.env["coop.general.assembly"].create(
            {"name": "AV 2041", "date": "2041-06-24", "quorum_percent": 50})
        cls.assembly.action_load_members()
        cls.assembly.action_open()  # votes only while in session
        cls.resolution = cls.env["coop.assembly.resolution"].create(
            {"assembly_id": cls.assembly.id, "name": "Jaarrekening"})

    def attendance(self, partner):
        return self.assembly.attendance_ids.filtered(lambda a: a.partner_id == partner)

    def vote(self, partner, value="for"):
        return self.env["coop.assembly.vote"].create(
            {"resolution_id": self.resolution.id, "partner_id": partner.id, "value": value})

    def test_invalid_company_number(self):
        """An invalid company number, on an organisation or an application."""
        partners = self.Partner.search_count([])
        with self.assertRaisesRegex(ValidationError, "Het ondernemingsnummer 0123.456.788 is geen "
                                                     "geldig Belgisch ondernemingsnummer"):
            self.make_org("Fout cv", coop_kbo_number="0123.456.788")
        with self.assertRaisesRegex(ValidationError, "geen geldig Belgisch ondernemingsnummer"):
            self.make_application("Fout cv", 0, kbo_number="0123.456.788")
        self.assertEqual(self.Partner.search_count([]), partners)

    def test_second_application_of_member(self):
        """A second application for an organisation that is already a member."""
        applications = self.Application.search_count([])
        with self.assertRaisesRegex(ValidationError, "Lid cv is al lid van Coopkracht."):
            self.make_application("Lid cv", 140)
        self.assertEqual(self.Application.search_count([]), applications)

    def test_approval_without_compass(self):
        """Approving an application without a completed compass."""
        if "coop.compass.scan" not in self.env:
            self.skipTest("the compass requirement comes with coop_compass")
        app = self.make_application("Zonder kompas cv", 141)
        with patch.object(type(self.Application), "_check_submission_requirements", return_value=True):
            app.action_submit()
        with self.assertRaisesRegex(UserError, "ICA-kompas"):
            app.action_approve()
        self.assertEqual(app.state, "submitted")
        self.assertFalse(app.invoice_id)

    def test_fee_run_without_category(self):
        """A fee run for a year with no fee category."""
        self.env["coop.membership.category"].search([]).write({"active": False})
        with self.assertRaisesRegex(UserError, "Er is geen bijdragecategorie"):
            self.env["coop.membership.fee.run"].create({"year": 2041}).action_run()
        self.assertFalse(self.env["account.invoice"].search([("coop_fee_year", "=", 2041)]))

    def test_votes(self):
        """A vote from a non-member, a second vote from the same member."""
        self.attendance(self.member).state = "present"
        with self.assertRaisesRegex(ValidationError, "Buitenstaander cv is geen lid van Coopkracht op de "
                                                     "datum van de algemene vergadering"):
            self.vote(self.outsider)
        self.vote(self.member)
        with self.assertRaisesRegex(ValidationError, "Lid cv heeft al gestemd over deze beslissing: "
                                                     "één lid, één stem."):
            self.vote(self.member, "against")
        self.assertEqual(self.resolution.vote_ids.mapped("value"), ["for"])

    def test_too_many_proxies(self):
        """More proxies than allowed."""
        self.attendance(self.member).state = "present"
        self.attendance(self.second).write({"state": "proxy", "proxy_partner_id": self.member.id})
        with self.assertRaisesRegex(ValidationError, "Lid cv zou 2 volmachten dragen; er zijn er "
                                                     "maximaal 1 toegestaan."):
            with self.env.cr.savepoint():
                self.attendance(self.third).write({"state": "proxy", "proxy_partner_id": self.member.id})
        self.attendance(self.third).invalidate_cache()
        self.assertEqual(self.attendance(self.third).state, "absent")

    def test_leave_before_join(self):
        """A leave date before the join date."""
        with self.assertRaisesRegex(ValidationError, "De uittredingsdatum kan niet vóór de "
                                                     "toetredingsdatum liggen."):
            self.env["coop.membership.leave"].create({
                "partner_id": self.member.id, "leave_date": "2039-12-31",
                "reason_id": self.reason.id}).action_confirm()
        self.assertEqual(self.member.coop_membership_state, "member")
        self.assertFalse(self.member.coop_leave_date)

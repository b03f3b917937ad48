# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.coop_website.tests.common import as_user

from .common import MembershipCase


class TestAssembly(MembershipCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.members = cls.Partner
        for i in range(5):
            cls.members |= cls.make_member("Stem %d cv" % i, join_date="2040-01-01")
        cls.late = cls.make_member("Laat cv", join_date="2041-09-01")
        cls.outsider = cls.make_org("Buiten cv")
        cls.assembly = cls.env["coop.general.assembly"].create(
            {"name": "AV 2041", "date": "2041-06-24", "quorum_percent": 50})
        cls.assembly.action_load_members()
        cls.assembly.action_open()  # votes only while in session
        cls.att = {a.partner_id: a for a in cls.assembly.attendance_ids}
        cls.resolution = cls.env["coop.assembly.resolution"].create(
            {"assembly_id": cls.assembly.id, "name": "Goedkeuring financieel verslag"})

    def vote(self, partner, value="for", user=None):
        Vote = self.env["coop.assembly.vote"]
        if user:
            Vote = as_user(Vote, user)
        return Vote.create({"resolution_id": self.resolution.id, "partner_id": partner.id,
                            "value": value})

    def test_only_members_on_date_listed(self):
        """Loading the members lists those of the assembly date only."""
        self.assertEqual(set(self.att), set(self.members))
        self.assertEqual(self.assembly.member_count, 5)
        with self.assertRaisesRegex(ValidationError, "not a member|geen lid"):
            self.env["coop.assembly.attendance"].create(
                {"assembly_id": self.assembly.id, "partner_id": self.late.id})

    def test_quorum_and_result(self):
        """Quorum counts present and represented members; the majority decides."""
        m = self.members
        self.att[m[0]].state = "present"
        self.att[m[1]].state = "present"
        self.assertFalse(self.assembly.quorum_reached)
        self.att[m[2]].write({"state": "proxy", "proxy_partner_id": m[0].id})
        self.assertTrue(self.assembly.quorum_reached)
        self.assertEqual(self.assembly.voting_count, 3)
        self.vote(m[0], "for")
        self.vote(m[1], "against")
        proxy_vote = self.vote(m[2], "for")
        self.assertTrue(proxy_vote.by_proxy)
        self.assertEqual((self.resolution.votes_for, self.resolution.votes_against), (2, 1))
        self.assertEqual(self.resolution.result, "adopted")

    def test_no_quorum(self):
        """Without quorum a resolution is not adopted."""
        self.att[self.members[0]].state = "present"
        self.vote(self.members[0], "for")
        self.assertEqual(self.resolution.result, "no_quorum")

    def test_votes_only_in_session(self):
        """A vote is refused while the assembly is still planned and once it is closed
        (also a change of a vote), in Dutch; in session it is accepted."""
        planned = self.env["coop.general.assembly"].create(
            {"name": "AV gepland", "date": "2041-06-24", "quorum_percent": 50})
        planned.action_load_members()
        resolution = self.env["coop.assembly.resolution"].create(
            {"assembly_id": planned.id, "name": "Statutenwijziging"})
        member = self.members[0]
        planned.attendance_ids.filtered(lambda a: a.partner_id == member).state = "present"
        Vote = self.env["coop.assembly.vote"].with_context(lang="nl_BE")
        with self.assertRaisesRegex(ValidationError, "enkel mogelijk terwijl de algemene "
                                                     "vergadering in zitting is"):
            Vote.create({"resolution_id": resolution.id, "partner_id": member.id,
                         "value": "for"})
        self.assertFalse(resolution.vote_ids)
        planned.action_open()
        vote = Vote.create({"resolution_id": resolution.id, "partner_id": member.id,
                            "value": "for"})
        planned.action_close()
        with self.assertRaises((UserError, ValidationError)):
            vote.write({"value": "against"})
        self.assertEqual(vote.value, "for")

    def test_non_member_vote_refused(self):
        """An organisation that is not a member on the date cannot vote."""
        for partner in (self.outsider, self.late):
            with self.assertRaisesRegex(ValidationError, "not a member|geen lid"):
                self.vote(partner)
        self.assertFalse(self.resolution.vote_ids)

    def test_second_vote_refused(self):
        """One member, one vote: a second vote is refused and the first one stays."""
        self.att[self.members[0]].state = "present"
        self.vote(self.members[0], "for")
        with self.assertRaisesRegex(ValidationError, "already voted|al gestemd"):
            self.vote(self.members[0], "against")
        self.assertEqual(self.resolution.vote_ids.mapped("value"), ["for"])

    def test_absent_vote_refused(self):
        """An absent member cannot vote."""
        with self.assertRaisesRegex(
                ValidationError, "neither present nor represented|niet aanwezig of vertegenwoordigd"):
            self.vote(self.members[3])

    def test_too_many_proxies_refused(self):
        """A member carries at most the allowed number of proxies (setting)."""
        m = self.members
        self.att[m[0]].state = "present"
        self.att[m[1]].write({"state": "proxy", "proxy_partner_id": m[0].id})
        with self.assertRaisesRegex(ValidationError, "at most 1|maximaal 1"):
            with self.env.cr.savepoint():
                self.att[m[2]].write({"state": "proxy", "proxy_partner_id": m[0].id})
        self.att[m[2]].invalidate_cache()
        self.assertEqual(self.att[m[2]].state, "absent")
        self.set_param("coop_membership.max_proxies", "2")
        self.att[m[2]].write({"state": "proxy", "proxy_partner_id": m[0].id})
        self.assertEqual(len(self.att[m[0]].proxy_ids), 2)

    def test_proxy_to_absent_refused(self):
        """A proxy goes to a present member only."""
        with self.assertRaisesRegex(ValidationError, "present|aanwezig"):
            with self.env.cr.savepoint():
                self.att[self.members[1]].write(
                    {"state": "proxy", "proxy_partner_id": self.members[4].id})

    def test_votes_kept(self):
        """Votes cannot be deleted."""
        self.att[self.members[0]].state = "present"
        vote = self.vote(self.members[0])
        with self.assertRaisesRegex(UserError, "cannot be deleted|niet verwijderd"):
            vote.unlink()
        with self.assertRaises(UserError):
            self.resolution.unlink()

    def test_board_reads_only(self):
        """The board reads assemblies but does not record votes; portal users see nothing."""
        self.att[self.members[0]].state = "present"
        self.assertTrue(as_user(self.assembly, self.user_board).name)
        with self.assertRaises(AccessError):
            self.vote(self.members[0], user=self.user_board)
        with self.assertRaises(AccessError):
            as_user(self.assembly, self.user_portal).read(["name"])
        self.vote(self.members[0], user=self.user_coop)

    def test_pdf_reports(self):
        """The attendance list and the minutes annex render in the external layout
        (Odoo renders the HTML of a PDF report when running tests)."""
        m = self.members
        self.att[m[0]].write({"state": "present", "representative": "Jan Peeters"})
        self.att[m[1]].write({"state": "present"})
        self.att[m[2]].write({"state": "proxy", "proxy_partner_id": m[0].id})
        self.vote(m[0], "for")
        report = self.env.ref("coop_membership.report_assembly_attendance")
        self.assertEqual(report.paperformat_id.format, "A4")
        html = report.render_qweb_html(self.assembly.ids)[0].decode()
        self.assertIn("Stem 0 cv", html)
        self.assertIn("Jan Peeters", html)
        self.assertIn("The quorum is reached", html)
        html = self.env.ref("coop_membership.report_assembly_minutes").render_qweb_html(
            self.assembly.ids)[0].decode()
        self.assertIn("Goedkeuring financieel verslag", html)
        self.assertIn("Adopted", html)

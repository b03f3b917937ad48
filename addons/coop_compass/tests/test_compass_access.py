# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError

from odoo.addons.coop_website.tests.common import as_user

from .common import CompassCase


class TestAccess(CompassCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.scan = as_user(cls.env["coop.compass.scan"], cls.author).action_start(cls.org_a)
        cls.scan.set_answers({cls.q1a.id: "2"})
        cls.scan = cls.scan.sudo()

    def _read(self, user):
        return as_user(self.scan, user).read(["name", "score_overall"])

    def test_author_reads_and_answers(self):
        """The author reads their scan and changes its answers."""
        self.assertTrue(self._read(self.author))
        as_user(self.scan, self.author).set_answers({self.q1a.id: "3"})
        self.assertEqual(self.scan.answer_ids.value_scale, 3)

    def test_organisation_users_read_when_shared(self):
        """A colleague of the organisation reads a shared scan, not an unshared one, and never edits it."""
        self.scan.write({"share_with_organisation": True})
        self.assertTrue(self._read(self.colleague))
        self.assertTrue(as_user(self.scan.answer_ids, self.colleague).read(["value_scale"]))
        with self.assertRaises(AccessError):
            as_user(self.scan, self.colleague).set_answers({self.q1a.id: "4"})
        with self.assertRaises(AccessError):
            as_user(self.scan, self.colleague).action_submit()
        self.scan.write({"share_with_organisation": False})
        self.scan.invalidate_cache()
        with self.assertRaises(AccessError):
            self._read(self.colleague)

    def test_other_portal_users_see_nothing(self):
        """A portal user of another organisation cannot read, search, answer or reopen the scan."""
        self.scan.write({"share_with_organisation": True})
        with self.assertRaises(AccessError):
            self._read(self.stranger)
        Scan = as_user(self.env["coop.compass.scan"], self.stranger)
        self.assertFalse(Scan.search([("id", "=", self.scan.id)]))
        with self.assertRaises(AccessError):
            as_user(self.scan.answer_ids, self.stranger).read(["value_scale"])
        with self.assertRaises(AccessError):
            as_user(self.env["coop.compass.answer"], self.stranger).create(
                {"scan_id": self.scan.id, "question_id": self.q1b.id, "value_scale": 1, "scale_set": True})
        with self.assertRaises(AccessError):
            as_user(self.scan.answer_ids, self.stranger).write({"value_scale": 0})

    def test_answer_of_another_scan(self):
        """The author of one scan cannot move an answer to someone else's scan, nor change or
        take over an answer of that scan through their own scan."""
        own = as_user(self.env["coop.compass.scan"], self.stranger).action_start(self.org_b)
        own.set_answers({self.q1a.id: "1"})
        foreign = self.scan.answer_ids
        with self.assertRaises(UserError):
            as_user(own.answer_ids, self.stranger).write({"scan_id": self.scan.id})
        with self.assertRaises(AccessError):
            own.write({"answer_ids": [(1, foreign.id, {"value_scale": 4})]})
        with self.assertRaises((UserError, AccessError)):
            own.write({"answer_ids": [(4, foreign.id)]})
        self.assertEqual(own.answer_ids.scan_id, own)
        self.assertEqual((foreign.scan_id, foreign.value_scale), (self.scan, 2))

    def test_staff_and_board(self):
        """Staff and board read every scan; the board cannot change one; other employees see nothing."""
        self.assertTrue(self._read(self.user_coop))
        self.assertTrue(self._read(self.user_board))
        self.assertTrue(self._read(self.user_manager))
        with self.assertRaises(AccessError):
            as_user(self.scan, self.user_board).set_answers({self.q1a.id: "4"})
        with self.assertRaises(AccessError):
            self._read(self.user_internal)

    def test_author_cannot_forge_fields(self):
        """An author cannot set state, scores, owner or organisation directly (only through actions)."""
        mine = as_user(self.scan, self.author)
        for vals in ({"state": "submitted"}, {"score_overall": 100}, {"organisation_id": self.org_b.id},
                     {"user_id": self.stranger.id}, {"version": 9}):
            with self.assertRaises(AccessError):
                mine.write(vals)
        with self.assertRaises(AccessError):
            as_user(self.env["coop.compass.scan"], self.author).create({"partner_id": self.author.partner_id.id})

    def test_start_only_for_own_organisation(self):
        """A portal user cannot start a scan in the name of another organisation."""
        with self.assertRaises(AccessError):
            as_user(self.env["coop.compass.scan"], self.author).action_start(self.org_b)

    def test_scores_follow_the_scan(self):
        """Score lines are readable by the author and staff, not by other portal users."""
        as_user(self.scan, self.author).set_answers(self._full_answers())
        as_user(self.scan, self.author).action_submit()
        lines = self.scan.score_ids
        self.assertEqual(len(as_user(lines, self.author).read(["score"])), 3)
        self.assertEqual(len(as_user(lines, self.user_board).read(["score"])), 3)
        with self.assertRaises(AccessError):
            as_user(lines, self.stranger).read(["score"])

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The backend: staff and board aggregate principle scores (pivot and graph through
read_group) and filter scans by organisation; nobody else sees other people's scores."""
from odoo.addons.coop_website.tests.common import as_user

from .common import CompassCase


class TestBackend(CompassCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Scan = cls.env["coop.compass.scan"]
        cls.scan_a = as_user(Scan, cls.author).action_start(cls.org_a)
        cls.scan_a.set_answers(cls._full_answers(cls))  # P1 68.75, P2 25, P3 100
        cls.scan_a.action_submit()
        cls.scan_b = as_user(Scan, cls.stranger).action_start(cls.org_b)
        cls.scan_b.set_answers(cls._full_answers(cls, q1a="1", q1b="1", q1c="no", q2a="0", q3a="2"))
        cls.scan_b.action_submit()  # P1 (2 * 1/4 + 1/4 + 0) / 4 = 18.75, P2 0, P3 50
        cls.domain = [("scan_id", "in", (cls.scan_a | cls.scan_b).ids)]

    def _averages(self, user, domain=None):
        groups = as_user(self.env["coop.compass.score"], user).read_group(
            self.domain + (domain or []), ["principle_id", "score"], ["principle_id"])
        return {group["principle_id"][0]: round(group["score"], 2) for group in groups}

    def test_staff_and_board_aggregate_principle_scores(self):
        """Staff and board get the average score per principle over all scans, and per organisation."""
        expected = {self.p1.id: 43.75, self.p2.id: 12.5, self.p3.id: 75.0}
        for user in (self.user_coop, self.user_board):
            self.assertEqual(self._averages(user), expected, user.login)
            self.assertEqual(self._averages(user, [("organisation_id", "=", self.org_b.id)]),
                             {self.p1.id: 18.75, self.p2.id: 0.0, self.p3.id: 50.0}, user.login)
            scans = as_user(self.env["coop.compass.scan"], user).search(
                [("organisation_id", "=", self.org_a.id), ("id", "in", (self.scan_a | self.scan_b).ids)])
            self.assertEqual(scans.ids, self.scan_a.ids, user.login)

    def test_others_aggregate_only_what_they_may_read(self):
        """A portal user's aggregate only holds their own scan; another employee's holds nothing."""
        self.assertEqual(self._averages(self.author), {self.p1.id: 68.75, self.p2.id: 25.0, self.p3.id: 100.0})
        self.assertEqual(self._averages(self.user_internal), {})

    def test_pivot_and_graph_views(self):
        """The scores action opens on the pivot and offers the graph; both views load for staff."""
        action = self.env.ref("coop_compass.coop_compass_score_action")
        self.assertEqual(action.view_mode.split(",")[:2], ["pivot", "graph"])
        Score = as_user(self.env["coop.compass.score"], self.user_coop)
        for view_type in ("pivot", "graph"):
            arch = Score.fields_view_get(view_type=view_type)["arch"]
            self.assertIn('name="principle_id"', arch, view_type)
            self.assertIn('name="score"', arch, view_type)

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

from odoo.addons.coop_website.tests.common import as_user

from ..tools.radar import radar_svg
from .common import CompassCase


class TestScoring(CompassCase):

    def _start(self, user=None, organisation=None):
        return as_user(self.env["coop.compass.scan"], user or self.author).action_start(organisation)

    def test_scores_match_hand_computed_values(self):
        """Principle and overall scores are the weighted means computed by hand."""
        scan = self._start()
        scan.set_answers(self._full_answers())
        scan.action_submit()
        # P1: (2 * 3/4 + 1 * 1/4 + 1 * yes) / (2 + 1 + 1) = 2.75 / 4 = 68.75
        # P2: (1 * 2/4 + 1 * no) / 2 = 25;  P3: 4/4 = 100
        # overall: (2 * 68.75 + 1 * 25 + 1 * 100) / 4 = 65.625
        scores = {line.principle_id: line.score for line in scan.score_ids}
        self.assertAlmostEqual(scores[self.p1], 68.75, places=2)
        self.assertAlmostEqual(scores[self.p2], 25.0, places=2)
        self.assertAlmostEqual(scores[self.p3], 100.0, places=2)
        self.assertAlmostEqual(scan.score_overall, 65.63, places=2)
        self.assertEqual(scan.state, "submitted")
        self.assertTrue(scan.date_submitted)
        self.assertTrue(scan.is_last_submitted)

    def test_unanswered_optional_question_is_left_out(self):
        """An optional scored question left empty does not count as 0 in its principle."""
        scan = self._start()
        scan.set_answers(self._full_answers(q2b=""))
        scan.action_submit()
        score_p2 = scan.score_ids.filtered(lambda line: line.principle_id == self.p2).score
        self.assertAlmostEqual(score_p2, 50.0, places=2)  # only Q2a: 2/4
        # overall: (2 * 68.75 + 50 + 100) / 4 = 71.875
        self.assertAlmostEqual(scan.score_overall, 71.88, places=2)

    def test_strengths_and_improvements(self):
        """The strongest and weakest principles are named with their guidance texts."""
        scan = self._start()
        scan.set_answers(self._full_answers())
        scan.action_submit()
        best, worst = scan.strengths_and_improvements()
        # three principles: one strength and one point of improvement each
        self.assertEqual([p for p, _s in best], [self.p3])
        self.assertEqual([p for p, _s in worst], [self.p2])
        self.assertEqual(worst[0][0].guidance_improvement, "Work on P2")

    def test_tied_scores_never_both_strength_and_improvement(self):
        """With equal scores a principle is a strength or a point of improvement, never both."""
        scan = self._start()
        scan.set_answers(self._full_answers(q1a="4", q1b="4", q2a="4", q2b="yes", q3a="4"))
        scan.action_submit()
        self.assertEqual(set(scan.score_ids.mapped("score")), {100.0})
        best, worst = scan.strengths_and_improvements()
        # ties are broken by the principles' order: P1 is the strength, P2 the point of improvement
        self.assertEqual([p for p, _s in best], [self.p1])
        self.assertEqual([p for p, _s in worst], [self.p2])

    def test_submit_requires_the_required_answers(self):
        """Submitting with a required question unanswered fails and names the question."""
        scan = self._start()
        answers = self._full_answers()
        del answers[self.q3a.id]
        scan.set_answers(answers)
        self.assertEqual(scan.missing_required_questions(), self.q3a)
        with self.assertRaisesRegex(UserError, "Q3a scale"):
            scan.action_submit()
        self.assertEqual(scan.state, "draft")

    def test_score_outside_scale_refused(self):
        """A level outside 0-4, or a non-number, is refused by the form path and by the database."""
        scan = self._start()
        for bad in ("5", "-1", "x"):
            with self.assertRaises(ValidationError):
                scan.set_answers({self.q1a.id: bad})
        with self.assertRaises(ValidationError):
            scan.set_answers({self.q1c.id: "maybe"})
        self.assertFalse(scan.answer_ids)
        with mute_logger("odoo.sql_db"), self.assertRaises((ValidationError, IntegrityError)), \
                self.env.cr.savepoint():
            as_user(self.env["coop.compass.answer"], self.author).create({
                "scan_id": scan.id, "question_id": self.q1a.id, "value_scale": 7, "scale_set": True})

    def test_level_zero_is_an_answer(self):
        """Level 0 counts as answered (and scores 0), unlike an empty answer."""
        scan = self._start()
        scan.set_answers({self.q1a.id: "0"})
        answer = scan.answer_ids
        self.assertTrue(answer.is_answered)
        scan.set_answers({self.q1a.id: ""})
        self.assertFalse(answer.is_answered)

    def test_submitted_version_is_immutable(self):
        """Answers and fields of a submitted version cannot change, not even by staff."""
        scan = self._start()
        scan.set_answers(self._full_answers())
        scan.action_submit()
        with self.assertRaises(UserError):
            scan.set_answers({self.q1a.id: "0"})
        with self.assertRaises(UserError):
            as_user(scan.answer_ids[0], self.user_coop).write({"value_text": "changed"})
        with self.assertRaises(UserError):
            as_user(scan, self.user_coop).write({"date_submitted": "2020-01-01"})
        with self.assertRaises(UserError):
            scan.action_submit()

    def test_reopen_keeps_history(self):
        """Reopening makes version 2 with the same answers; changing it leaves version 1 intact."""
        v1 = self._start()
        v1.set_answers(self._full_answers())
        v1.action_submit()
        v2 = v1.action_reopen()
        self.assertEqual((v2.version, v2.state, v2.previous_id, v2.root_id), (2, "draft", v1, v1))
        self.assertEqual(len(v2.answer_ids), len(v1.answer_ids))
        self.assertEqual(v1.action_reopen(), v2, "reopening again resumes the open version")
        v2.set_answers({self.q3a.id: "0"})
        v2.action_submit()
        self.assertAlmostEqual(v1.score_ids.filtered(lambda s: s.principle_id == self.p3).score, 100.0)
        self.assertAlmostEqual(v2.score_ids.filtered(lambda s: s.principle_id == self.p3).score, 0.0)
        self.assertFalse(v1.is_last_submitted)
        self.assertTrue(v2.is_last_submitted)
        self.assertEqual(v2.previous_submitted(), v1)
        self.assertEqual(v1.version_ids, v2 | v1)
        with self.assertRaises(UserError):
            as_user(v2.action_reopen(), self.author).action_reopen()  # a draft cannot be reopened

    def test_first_version_not_deleted_with_its_history(self):
        """Deleting the first version of a scan does not take the later versions with it: refused
        with a message (the database refuses too); the whole scan can still be deleted by a manager."""
        v1 = self._start()
        v1.set_answers(self._full_answers())
        v1.action_submit()
        v2 = v1.action_reopen()
        v2.set_answers({self.q3a.id: "0"})
        v2.action_submit()
        manager = as_user(self.env["coop.compass.scan"], self.user_manager)
        with self.assertRaisesRegex(UserError, "latere versies"):  # the manager reads Dutch
            manager.browse(v1.id).unlink()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.env.cr.execute("DELETE FROM coop_compass_scan WHERE id = %s", (v1.id,))
        self.assertEqual(sorted(manager.search([("root_id", "=", v1.id)]).ids), sorted((v1 | v2).ids))
        manager.browse((v1 | v2).ids).unlink()
        self.assertFalse(manager.search([("id", "in", (v1 | v2).ids)]))

    def test_one_open_scan_per_organisation(self):
        """A second organisation scan while one is in progress resumes it (author) or is refused."""
        scan = self._start(organisation=self.org_a)
        self.assertEqual(self._start(organisation=self.org_a), scan)
        with self.assertRaisesRegex(UserError, r"Compass Author \(Coop A\)"):
            self._start(user=self.colleague, organisation=self.org_a)
        with self.assertRaises(ValidationError):
            self.env["coop.compass.scan"].create({
                "partner_id": self.colleague.partner_id.id, "user_id": self.colleague.id,
                "organisation_id": self.org_a.id})

    def test_one_open_scan_per_organisation_in_the_database(self):
        """The database itself refuses a second scan in progress for one organisation (a race
        of two starts passes the Python constraint); a submitted one next to it is fine."""
        open_a = self._start(organisation=self.org_a)
        open_b = self._start(user=self.stranger, organisation=self.org_b)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.env.cr.execute("UPDATE coop_compass_scan SET organisation_id = %s WHERE id = %s",
                                (self.org_a.id, open_b.id))
        open_a.set_answers(self._full_answers())
        open_a.action_submit()
        self.env.cr.execute("UPDATE coop_compass_scan SET organisation_id = %s WHERE id = %s",
                            (self.org_a.id, open_b.id))
        self.env["coop.compass.scan"].invalidate_cache()
        self.assertEqual(open_b.sudo().organisation_id, self.org_a)

    def test_reopen_refused_while_colleague_has_open_organisation_scan(self):
        """Reopening an organisation scan while a colleague's scan of that organisation is in
        progress is refused with a message naming the colleague, and makes no new version."""
        v1 = self._start(organisation=self.org_a)
        v1.set_answers(self._full_answers())
        v1.action_submit()
        self._start(user=self.colleague, organisation=self.org_a)
        with self.assertRaisesRegex(UserError, r"Compass Colleague \(Coop A\)"):
            v1.action_reopen()
        self.assertEqual(self.env["coop.compass.scan"].sudo().search_count([("root_id", "=", v1.id)]), 1)

    def test_radar_chart(self):
        """The SVG has one axis per principle; the previous version appears after a reopen."""
        svg = radar_svg(["A", "B", "C", "D"], [("now", [100, 50, 0, 25], "current")])
        root = etree.fromstring(svg.encode())
        ns = {"s": "http://www.w3.org/2000/svg"}
        self.assertEqual(len(root.findall("s:line", ns)), 4 + 1)  # 4 axes + 1 legend line
        points = root.find("s:polygon[@class='o_radar_current']", ns).get("points").split()
        self.assertEqual(points[0], "260.0,90.0")   # 100 on the upward axis: radius 170
        self.assertEqual(points[2], "260.0,260.0")  # 0 is the centre
        v1 = self._start()
        v1.set_answers(self._full_answers())
        v1.action_submit()
        self.assertNotIn("o_radar_previous", v1.radar_chart())
        v2 = v1.action_reopen()
        v2.set_answers({self.q1a.id: "4"})
        v2.action_submit()
        self.assertIn("o_radar_previous", v2.radar_chart())

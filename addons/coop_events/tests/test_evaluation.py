# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.coop_website.tests.common import as_user

from .common import CoopEventCase


class TestEvaluation(CoopEventCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.soiree = cls.make_event("Soirée Antwerpen", kind="soiree",
                                    begin="2021-11-18 17:00:00", end="2021-11-18 21:00:00")
        cls.regs = cls.env["event.registration"]
        for i in range(6):
            cls.regs |= cls.register(cls.soiree, "Deelnemer %d" % i, "d%d@example.org" % i)
        cls.regs[:5].action_coop_mark_attended()
        cls.regs[5].action_coop_mark_no_show()
        cls.soiree.action_coop_send_evaluations()
        cls.evaluations = cls.soiree.coop_evaluation_ids

    def test_one_evaluation_per_attendee(self):
        """Attendees get an evaluation with their own token and a mail; no-shows none;
        sending again adds nothing."""
        self.assertEqual(self.evaluations.mapped("registration_id"), self.regs[:5])
        self.assertEqual(len(set(self.evaluations.mapped("token"))), 5)
        mails = self.env["mail.mail"].search([("model", "=", "coop.event.evaluation"),
                                              ("res_id", "in", self.evaluations.ids)])
        self.assertEqual(len(mails), 5)
        self.assertIn("/evaluatie/%s" % self.evaluations[0].token, mails.filtered(
            lambda m: m.res_id == self.evaluations[0].id).body_html)
        self.soiree.action_coop_send_evaluations()
        self.assertEqual(len(self.soiree.coop_evaluation_ids), 5)

    def test_figures_hand_computed(self):
        """Scores 7, 8, 9, 10 of five attendees: 4 responses, 80 % response rate, average
        8.5, min 7, max 10, distribution per score."""
        for evaluation, score, network in zip(self.evaluations, (7, 8, 9, 10),
                                              ("little", "strong", "strong", "little")):
            evaluation.coop_submit({"score": score, "network": network,
                                    "best_ids": [self.env.ref("coop_events.aspect_one_on_one").id]})
        self.soiree.invalidate_cache()
        self.assertEqual(self.soiree.coop_eval_count, 4)
        self.assertAlmostEqual(self.soiree.coop_eval_response_rate, 80.0)
        self.assertAlmostEqual(self.soiree.coop_eval_average, 8.5)
        self.assertEqual((self.soiree.coop_eval_min, self.soiree.coop_eval_max), (7, 10))
        figures = self.env["coop.event.evaluation"]._coop_figures_by_event(self.soiree.ids)
        self.assertEqual(figures[self.soiree.id]["distribution"][7], 1)
        self.assertEqual(figures[self.soiree.id]["distribution"][5], 0)
        answers = self.env["coop.event.evaluation"].coop_answer_distribution(self.soiree.id)
        self.assertEqual(answers["network"], {"little": 2, "strong": 2})
        self.assertEqual(answers["best"], {self.env.ref("coop_events.aspect_one_on_one").id: 4})

    def test_summary_and_distribution_on_the_event(self):
        """The event shows the figures in short ("5 participants, scores between 7 and 10,
        average 8.5/10", in Dutch too) and the answers' distribution: scores, network
        grew, what was best (hand-counted); nothing before the first answer."""
        self.soiree.invalidate_cache()
        self.assertFalse(self.soiree.coop_eval_summary)
        self.assertFalse(self.soiree.coop_eval_distribution)
        one_on_one = self.env.ref("coop_events.aspect_one_on_one")
        atmosphere = self.env.ref("coop_events.aspect_atmosphere")
        for evaluation, score, network, best in zip(
                self.evaluations, (7, 8, 9, 10), ("little", "strong", "strong", False),
                ([one_on_one], [one_on_one, atmosphere], [one_on_one], [])):
            evaluation.coop_submit({"score": score, "network": network,
                                    "best_ids": [a.id for a in best]})
        self.soiree.invalidate_cache()
        self.assertEqual(self.soiree.coop_eval_summary,
                         "5 participants, scores between 7 and 10, average 8.5/10")
        html = self.soiree.coop_eval_distribution
        self.assertIn("7: 1, 8: 1, 9: 1, 10: 1", html)
        self.assertIn("A little: 1, Strongly: 2", html)
        self.assertIn("The one-on-one conversations: 3, The atmosphere: 1", html)
        dutch = self.soiree.with_context(lang="nl_BE")
        self.assertEqual(dutch.coop_eval_summary,
                         "5 deelnemers, beoordelingen tussen 7 en 10, gemiddeld 8.5/10")
        self.assertIn("Een beetje: 1, Sterk: 2", dutch.coop_eval_distribution)

    def test_average_one_decimal(self):
        """Scores 7, 8, 8 average 7.7 (one decimal)."""
        for evaluation, score in zip(self.evaluations, (7, 8, 8)):
            evaluation.coop_submit({"score": score})
        self.soiree.invalidate_cache()
        self.assertAlmostEqual(self.soiree.coop_eval_average, 7.7)

    def test_score_out_of_range(self):
        """A score below 0, above 10 or not a number is refused, also in the database."""
        for bad in (-1, 11, "tien", None):
            with self.assertRaises(ValidationError):
                self.evaluations[0].coop_submit({"score": bad})
        with self.assertRaises(Exception), self.env.cr.savepoint():
            self.evaluations[0].write({"score": 12})

    def test_token_single_use(self):
        """A token can be used once; its second use is refused."""
        evaluation = self.env["coop.event.evaluation"]._coop_by_token(
            self.evaluations[0].token, self.soiree.id)
        evaluation.coop_submit({"score": 9})
        with self.assertRaisesRegex(UserError, "already been answered"):
            self.env["coop.event.evaluation"]._coop_by_token(
                self.evaluations[0].token, self.soiree.id)
        with self.assertRaises(UserError):
            evaluation.coop_submit({"score": 3})

    def test_token_for_another_event(self):
        """A token presented for another event, or an unknown token, is refused."""
        other = self.make_event("Ander event", kind="webinar")
        with self.assertRaisesRegex(UserError, "not valid"):
            self.env["coop.event.evaluation"]._coop_by_token(
                self.evaluations[0].token, other.id)
        with self.assertRaisesRegex(UserError, "not valid"):
            self.env["coop.event.evaluation"]._coop_by_token("nope", self.soiree.id)

    def test_access(self):
        """Board reads evaluations; plain employees and portal users cannot; the token is
        hidden from the board."""
        self.assertTrue(as_user(self.evaluations[0], self.user_board).event_id)
        for user in (self.user_internal, self.user_portal):
            with self.assertRaises(AccessError):
                as_user(self.evaluations[0], user).read(["score"])
        with self.assertRaises(AccessError):
            as_user(self.evaluations[0], self.user_board).read(["token"])
        with self.assertRaises(AccessError):
            as_user(self.evaluations[0], self.user_board).write({"score": 3})

    def test_cron_after_the_event(self):
        """The daily cron sends the evaluations of events that ended in the last two weeks
        to their attendees; not for older or future events, nor for a general assembly."""
        now = datetime.utcnow().replace(microsecond=0)

        def event(name, kind, days_ago):
            record = self.make_event(
                name, kind=kind, begin=fields.Datetime.to_string(now - timedelta(days=days_ago, hours=3)),
                end=fields.Datetime.to_string(now - timedelta(days=days_ago)))
            registration = self.register(record, "Gast", "gast@example.org")
            registration.action_coop_mark_attended()
            return record

        recent = event("Workshop gisteren", "workshop", 1)
        old = event("Webinar lang geleden", "webinar", 20)
        assembly = event("Algemene vergadering", "general_assembly", 1)
        future = self.make_event("Webinar volgende maand", begin="2030-03-31 14:00:00",
                                 end="2030-03-31 15:00:00")
        self.register(future, "Gast", "gast@example.org")
        self.env["event.event"]._cron_send_evaluations()
        (recent | old | assembly | future).invalidate_cache()
        self.assertEqual(len(recent.coop_evaluation_ids), 1)
        self.assertTrue(self.env["mail.mail"].search([
            ("model", "=", "coop.event.evaluation"),
            ("res_id", "=", recent.coop_evaluation_ids.id)]))
        self.assertFalse((old | assembly | future).mapped("coop_evaluation_ids"))

    def test_attendance_rules(self):
        """Only confirmed registrations can be marked attended or no-show."""
        self.regs[0].button_reg_cancel()
        with self.assertRaises(UserError):
            self.regs[0].action_coop_mark_attended()
        self.assertEqual(self.regs[1].state, "done")
        self.assertEqual(self.regs[5].coop_attendance, "no_show")

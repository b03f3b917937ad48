# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A Soirée and a webinar end to end, for Dutch-speaking registrants: price, reminder,
online link, pairing, attendance, evaluation, recording and the figures of the year."""
from datetime import datetime, timedelta

from odoo import fields

from .common import CoopEventCase


class TestJourney(CoopEventCase):

    def _mail(self, model, record):
        return self.env["mail.mail"].search([("model", "=", model), ("res_id", "=", record.id)],
                                            order="id")

    def test_soiree_and_webinar_in_dutch(self):
        """Members register for free and the non-member pays; the reminder, the online
        link, the evaluation and the recording reach them in Dutch; the figures of the
        year agree with the hand-computed values."""
        now = datetime.utcnow().replace(microsecond=0, second=0)
        to_string = fields.Datetime.to_string
        (self.anna | self.bert | self.carl).write({"lang": "nl_BE"})
        soiree = self.make_event("Soirée Gent", kind="soiree", coop_city="Gent", price=15.0,
                                 begin=to_string(now + timedelta(days=1)),
                                 end=to_string(now + timedelta(days=1, hours=4)))
        webinar = self.make_event("Je aandeelhouders digitaal beheren", price=30.0,
                                  coop_online_url="https://meet.example.org/aandeelhouders",
                                  begin=to_string(now + timedelta(hours=5)),
                                  end=to_string(now + timedelta(hours=6)))
        # registration with the right price: members free, the non-member pays
        regs = {}
        for event in (soiree, webinar):
            for contact in (self.anna, self.bert, self.carl):
                regs[event, contact] = self.register(event, contact.name, contact.email,
                                                     partner=contact)
        self.assertEqual([regs[soiree, c].event_ticket_id.price
                          for c in (self.anna, self.bert, self.carl)], [0.0, 0.0, 15.0])
        self.assertEqual([regs[webinar, c].event_ticket_id.price
                          for c in (self.anna, self.bert, self.carl)], [0.0, 0.0, 30.0])
        # reminders: the Soirée two days before, the webinar's link the day before
        self.env["event.mail"].run()
        self.env["event.event"]._cron_send_online_links()
        reminder = self._mail("event.registration", regs[soiree, self.carl])
        self.assertEqual(reminder.subject, "Herinnering: Soirée Gent")
        self.assertIn("Beste Carl De Smet", reminder.body_html)
        link = self._mail("event.registration", regs[webinar, self.anna]).filtered(
            lambda m: "meet.example.org" in m.body_html)
        self.assertEqual(link.subject, "Je link voor het webinar Je aandeelhouders digitaal "
                                       "beheren")
        # the Soirée: pairing (three people of three organisations: one table of three,
        # one round, a second one would repeat a pair), attendance
        soiree.coop_pairing_rounds = 1
        soiree.action_coop_make_pairing(seed=1)
        self.assertEqual(len(soiree.coop_pairing_ids.registration_ids), 3)
        for contact in (self.anna, self.bert):
            regs[soiree, contact].action_coop_mark_attended()
        regs[soiree, self.carl].action_coop_mark_no_show()
        (regs[webinar, self.anna] | regs[webinar, self.carl]).action_coop_mark_attended()
        # evaluations in Dutch, answered without login through the token
        (soiree | webinar).action_coop_send_evaluations()
        evaluation = soiree.coop_evaluation_ids.filtered(
            lambda e: e.registration_id == regs[soiree, self.anna])
        mail = self._mail("coop.event.evaluation", evaluation)
        self.assertEqual(mail.subject, "Hoe was Soirée Gent?")
        self.assertIn("/evaluatie/%s" % evaluation.token, mail.body_html)
        self.assertIn("Bedankt voor je deelname", mail.body_html)
        Evaluation = self.env["coop.event.evaluation"]
        for event, scores in ((soiree, (9, 8)), (webinar, (7, 10))):
            for evaluation, score in zip(event.coop_evaluation_ids, scores):
                Evaluation._coop_by_token(evaluation.token, event.id).coop_submit(
                    {"score": score})
        # the webinar's recording, in Dutch, with a personal link
        webinar.coop_recording_url = "https://video.example.org/aandeelhouders"
        webinar.action_coop_send_recording()
        recording = self._mail("event.registration", regs[webinar, self.bert]).filtered(
            lambda m: "recording?token=" in m.body_html)
        self.assertEqual(recording.subject,
                         "De opname van het webinar Je aandeelhouders digitaal beheren")
        # the figures, hand-computed: Soirée 2 participants (no-show left out), 8.5;
        # webinar 3 registrants confirmed or attended, (7 + 10) / 2 = 8.5
        soiree.invalidate_cache()
        self.assertEqual(soiree.with_context(lang="nl_BE").coop_eval_summary,
                         "2 deelnemers, beoordelingen tussen 8 en 9, gemiddeld 8.5/10")
        Event = self.env["event.event"]
        figures = Event.coop_year_figures(int(webinar.date_begin[:4]))
        mine = [w for w in figures["webinars"] if w["id"] == webinar.id]
        self.assertEqual([(w["participants"], w["satisfaction"]) for w in mine], [(3, 8.5)])
        figures = Event.coop_year_figures(int(soiree.date_begin[:4]))
        soirees = [s for s in figures["soirees"]["events_detail"] if s["id"] == soiree.id]
        self.assertEqual([(s["participants"], s["satisfaction"], s["city"]) for s in soirees],
                         [(2, 8.5, "Gent")])

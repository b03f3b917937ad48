# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import CoopEventCase


class TestFigures(CoopEventCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        year = "2031"
        cls.w1 = cls.make_event("Webinar A", begin=year + "-03-31 12:00:00",
                                end=year + "-03-31 13:00:00")
        cls.w2 = cls.make_event("Webinar B", begin=year + "-06-22 12:00:00",
                                end=year + "-06-22 13:00:00")
        cls.s1 = cls.make_event("Soirée Gent", kind="soiree", begin=year + "-10-14 17:00:00",
                                end=year + "-10-14 21:00:00", coop_city="Gent")
        cls.t1 = cls.make_event("Wonen 1", kind="thematic", begin=year + "-05-04 10:00:00",
                                end=year + "-05-04 12:00:00")
        cls.make_event("Other year", begin="2032-01-02 10:00:00", end="2032-01-02 11:00:00")
        for i in range(3):
            cls.register(cls.w1, "W1 %d" % i, "w1_%d@example.org" % i)
        regs = cls.env["event.registration"]
        for i in range(2):
            regs |= cls.register(cls.w2, "W2 %d" % i, "w2_%d@example.org" % i)
        cls.register(cls.w2, "Cancelled", "cancel@example.org").button_reg_cancel()
        soiree_regs = cls.env["event.registration"]
        for i in range(4):
            soiree_regs |= cls.register(cls.s1, "S %d" % i, "s_%d@example.org" % i)
        soiree_regs[:3].action_coop_mark_attended()
        soiree_regs[3].action_coop_mark_no_show()
        cls.s1.action_coop_send_evaluations()
        for evaluation, score in zip(cls.s1.coop_evaluation_ids, (7, 9, 10)):
            evaluation.coop_submit({"score": score})
        regs.action_coop_mark_attended()
        cls.w2.action_coop_send_evaluations()
        cls.w2.coop_evaluation_ids[0].coop_submit({"score": 8})
        cls.register(cls.t1, "Anna", "anna@zonnecoop.example", partner=cls.anna)
        cls.register(cls.t1, "Bert", "bert@brouwcoop.example", partner=cls.bert)
        cls.register(cls.t1, "Anna's collega", "anna2@zonnecoop.example", partner=cls.anna)
        # mailings: 2 newsletters and 1 flash in 2031, one newsletter in 2032
        Mailing = cls.env["mail.mass_mailing"]
        Stat = cls.env["mail.mail.statistics"]
        cls.mailings = []
        for kind, date, sent, opened in (("newsletter", "2031-02-01 09:00:00", 10, 3),
                                         ("newsletter", "2031-05-01 09:00:00", 10, 4),
                                         ("flash", "2031-07-01 09:00:00", 10, 2),
                                         ("newsletter", "2032-02-01 09:00:00", 10, 10)):
            mailing = Mailing.create({"name": "%s %s" % (kind, date), "coop_mailing_kind": kind,
                                      "sent_date": date, "state": "done"})
            for i in range(sent):
                Stat.create({"mass_mailing_id": mailing.id, "model": "res.partner",
                             "res_id": 1000 + i, "sent": date,
                             "opened": date if i < opened else False})

    def test_year_figures(self):
        """The dict for the reporting addon matches hand-computed values."""
        figures = self.env["event.event"].coop_year_figures(2031)
        kinds = figures["kinds"]
        self.assertEqual(kinds["webinar"]["events"], 2)
        self.assertEqual(kinds["webinar"]["participants"], 5, "cancelled not counted")
        self.assertEqual(kinds["webinar"]["average_score"], 8.0)
        self.assertEqual(kinds["soiree"]["participants"], 3, "no-show not counted")
        self.assertEqual(kinds["soiree"]["average_score"], 8.7)
        self.assertEqual((kinds["soiree"]["score_min"], kinds["soiree"]["score_max"]), (7, 10))
        self.assertEqual(kinds["workshop"]["events"], 0)
        self.assertEqual([(w["name"], w["date"], w["participants"], w["satisfaction"])
                          for w in figures["webinars"]],
                         [("Webinar A", "2031-03-31", 3, None), ("Webinar B", "2031-06-22", 2, 8.0)])
        self.assertEqual(figures["soirees"]["events_detail"][0]["city"], "Gent")
        self.assertEqual(figures["thematic"]["events"], 1)
        self.assertEqual(figures["thematic"]["organisations"], 2, "Zonnecoop counted once")

    def test_newsletter_figures(self):
        """Newsletters and flashes of one year: counts, e-mails, open rate (hand-computed)."""
        news = self.env["mail.mass_mailing"].coop_year_figures(2031)
        self.assertEqual(news["newsletter"]["mailings"], 2)
        self.assertEqual(news["flash"]["mailings"], 1)
        self.assertEqual(news["newsletter"]["sent"], 20)
        self.assertAlmostEqual(news["newsletter"]["open_rate"], 35.0)
        self.assertAlmostEqual(news["flash"]["open_rate"], 20.0)
        self.assertEqual(news["total"]["mailings"], 3)
        self.assertEqual(news["total"]["recipients"], 10)
        self.assertAlmostEqual(news["total"]["open_rate"], 30.0)
        self.assertEqual(self.env["event.event"].coop_year_figures(2031)["newsletters"], news)
        empty = self.env["mail.mass_mailing"].coop_year_figures(2040)
        self.assertEqual(empty["total"]["mailings"], 0)

    def test_figures_report_model(self):
        """The exportable figures (pivot/list) per year and kind agree with the dict."""
        Figures = self.env["coop.event.figures"]
        groups = Figures.read_group([("year", "=", "2031")], ["kind", "participants", "responses"],
                                    ["kind"])
        by_kind = {g["kind"]: g for g in groups}
        self.assertEqual(by_kind["webinar"]["participants"], 5)
        self.assertEqual(by_kind["soiree"]["responses"], 3)
        line = Figures.search([("event_id", "=", self.s1.id)])
        self.assertEqual((line.score_min, line.score_max), (7, 10))
        self.assertAlmostEqual(line.average_score, 8.7)
        exported = line.export_data(["event_id", "year", "kind", "participants"])["datas"]
        self.assertEqual(exported[0][:2], ["Soirée Gent (2031-10-14)", "2031"])

    def test_kind_average_weighs_every_score(self):
        """Grouped per kind or year, the exportable figures give the average of all the
        scores (as coop_year_figures and the annual report), not the average of the
        events' averages: Soirée Gent 7, 9, 10 and a second Soirée with one 4 give
        (7 + 9 + 10 + 4) / 4 = 7.5 (the events' averages would give 6.4)."""
        s2 = self.make_event("Soirée Antwerpen", kind="soiree", begin="2031-11-18 17:00:00",
                             end="2031-11-18 21:00:00", coop_city="Antwerpen")
        self.register(s2, "T 0", "t_0@example.org").action_coop_mark_attended()
        s2.action_coop_send_evaluations()
        s2.coop_evaluation_ids.coop_submit({"score": 4})
        Figures = self.env["coop.event.figures"]
        groups = {g["kind"]: g for g in Figures.read_group(
            [("year", "=", "2031")], ["kind", "average_score", "score_min", "score_max"],
            ["kind"])}
        self.assertEqual(groups["soiree"]["average_score"], 7.5)
        self.assertEqual((groups["soiree"]["score_min"], groups["soiree"]["score_max"]), (4, 10))
        self.assertNotIn("score_sum", groups["soiree"])
        self.assertEqual(groups["webinar"]["average_score"], 8.0)
        self.assertFalse(groups["thematic"]["average_score"], "no evaluations, no average")
        self.assertEqual(self.env["event.event"].coop_year_figures(2031)["kinds"]["soiree"]
                         ["average_score"], groups["soiree"]["average_score"])
        year = Figures.read_group([("year", "=", "2031")], ["year", "average_score"], ["year"])
        self.assertEqual(year[0]["average_score"], 7.6, "(7 + 9 + 10 + 4 + 8) / 5")

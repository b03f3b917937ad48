# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import CompassCase


class TestYearFigures(CompassCase):

    def _scan(self, partner, versions, organisation=None):
        """A scan of partner with one version per (date started, date submitted or None)."""
        Scan = self.env["coop.compass.scan"]
        scan = Scan.browse()
        for start, submitted in versions:
            if scan:
                scan = scan.action_reopen()
                scan.write({"date_start": start})
            else:
                scan = Scan.create({"partner_id": partner.id, "organisation_id": organisation and organisation.id,
                                    "date_start": start, "user_id": False})
            scan.set_answers(self._full_answers())
            if submitted:
                scan._submit(submitted)
        return scan

    def _person(self, name):
        return self.env["res.partner"].create({"name": name})

    def test_first_time_and_returning(self):
        """First-time completions and returning persons per year, as the annual report counts them."""
        year = 2041
        a, b, c, d, e, f = [self._person(n) for n in "ABCDEF"]
        self._scan(a, [("2041-01-10", "2041-01-12")])                        # first time in 2041
        self._scan(b, [("2041-02-10", "2041-02-11"), ("2041-06-01", None)])  # first time, and came back
        self._scan(c, [("2040-03-01", "2040-03-02"), ("2041-03-05", "2041-03-06")])  # came back only
        self._scan(d, [("2040-12-20", "2041-01-05")])                        # started 2040, first submit 2041
        self._scan(e, [("2041-04-01", None)])                                # never submitted
        self._scan(f, [("2040-05-01", "2040-05-02")])                        # earlier year only
        self._scan(f, [("2041-05-01", "2041-05-02")])                        # a second scan, not a first time
        figures = self.env["coop.compass.scan"].coop_year_figures(year)
        self.assertEqual(figures, {"first_time": 3, "returning": 2})
        self.assertEqual(self.env["coop.compass.scan"].coop_year_figures(2040), {"first_time": 2, "returning": 0})

    def test_anonymous_average_needs_five(self):
        """The average of all scans stays hidden below five organisations/persons, then appears."""
        self.env.cr.execute("UPDATE coop_compass_scan SET is_last_submitted = FALSE")
        self.env["coop.compass.scan"].invalidate_cache()
        scans = [self._scan(self._person("P%d" % n), [("2041-01-01", "2041-01-02")]) for n in range(4)]
        self.assertEqual(self.env["coop.compass.scan"].anonymous_average(), {})
        self.assertNotIn("o_radar_average", scans[0].radar_chart())
        scans.append(self._scan(self._person("P4"), [("2041-01-01", "2041-01-02")]))
        average = self.env["coop.compass.scan"].anonymous_average()
        self.assertAlmostEqual(average[self.p1.id], 68.75, places=2)
        self.assertIn("o_radar_average", scans[0].radar_chart())

    def test_average_counts_organisations_not_versions(self):
        """Versions of one scan, and scans of one organisation, count once towards the threshold."""
        self.env.cr.execute("UPDATE coop_compass_scan SET is_last_submitted = FALSE")
        self.env["coop.compass.scan"].invalidate_cache()
        person = self._person("Many versions")
        self._scan(person, [("2041-01-01", "2041-01-02"), ("2041-02-01", "2041-02-02"),
                            ("2041-03-01", "2041-03-02")])
        for n in range(3):
            self._scan(self._person("Org member %d" % n), [("2041-01-01", "2041-01-02")], organisation=self.org_b)
        for n in range(2):
            self._scan(self._person("Other %d" % n), [("2041-01-01", "2041-01-02")])
        # 6 latest versions but 4 subjects: the person, organisation B and two others
        self.assertEqual(self.env["coop.compass.scan"].anonymous_average(), {})
        self._scan(self._person("Fifth"), [("2041-01-01", "2041-01-02")])
        self.assertTrue(self.env["coop.compass.scan"].anonymous_average())

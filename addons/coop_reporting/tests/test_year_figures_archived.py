# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The rule of the year figures: an organisation counts for a year when it was a member
during that year, whether or not it is archived now (readme/USAGE.rst)."""
from .common import ReportingCase

YEAR = 1965  # a test year of its own, long before any demo data


class TestYearFiguresArchived(ReportingCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.sector = env["coop.membership.sector"].create({"name": "Archief (test)"})
        cls.reason = env["coop.membership.leave.reason"].create({"name": "Gearchiveerd (test)"})
        large = env.ref("coop_membership.category_large")

        def org(name, state, joined, left=False, archived=False):
            partner = env["res.partner"].create({
                "name": name, "is_company": True, "coop_membership_state": state,
                "coop_join_date": joined, "coop_leave_date": left,
                "coop_leave_reason_id": cls.reason.id if left else False,
                "coop_category_id": large.id, "coop_sector_ids": [(6, 0, cls.sector.ids)]})
            if archived:
                partner.active = False
            return partner

        cls.active_member = org("Actief 1965 cv", "member", "1963-01-01")
        cls.archived_member = org("Archief lid 1965 cv", "member", "1963-01-01", archived=True)
        cls.archived_new = org("Archief nieuw 1965 cv", "member", "1965-04-01", archived=True)
        cls.archived_left = org("Archief weg 1965 cv", "former", "1963-01-01", "1965-09-30", archived=True)
        cls.archived_before = org("Archief weg 1964 cv", "former", "1963-01-01", "1964-06-30", archived=True)
        cls.large = large

    def figures(self):
        wizard = self.env["coop.year.figures"].create({"year": YEAR})
        wizard.action_compute()
        return {line.key: line for line in wizard.line_ids}

    def test_archived_members_count_for_their_years(self):
        """Archived organisations count in members, new, leavers, their breakdowns and
        the records behind each figure, for the years they were members; not after."""
        lines = self.figures()
        self.assertEqual(lines["members"].value, 3)
        self.assertEqual(lines["members_start"].value, 3)
        self.assertEqual(lines["new"].value, 1)
        self.assertEqual(lines["left"].value, 1)
        self.assertEqual(lines["size_%d" % self.large.id].value, 3)
        self.assertEqual(lines["left_reason_%d" % self.reason.id].value, 1)
        self.assertEqual(lines["sectors"].value, 1)
        expected = {
            "members": self.active_member | self.archived_member | self.archived_new,
            "new": self.archived_new,
            "left": self.archived_left,
        }
        for key, partners in expected.items():
            action = lines[key].action_open_records()
            found = self.env["res.partner"].with_context(**action["context"]).search(action["domain"])
            self.assertEqual(found, partners, key)

    def test_dashboard_and_year_over_year(self):
        """The dashboard's members per year and the year-over-year screen count them too."""
        row = self.env["coop.report.members"].search([("year", "=", str(YEAR))])
        self.assertEqual((row.member_count, row.new_count, row.leaver_count), (3, 1, 1))
        comparison = self.env["coop.year.comparison"].create({"year_from": YEAR - 1, "year_to": YEAR})
        rows = comparison._comparison([YEAR - 1, YEAR])
        label = self.figures()["members"].label
        members = [r for r in rows if r["label"] == label][0]
        self.assertEqual([cell["value"] for cell in members["cells"]], [3, 3])

    def test_joins_and_leaves_report(self):
        """coop_membership's joins-and-leaves report (Leden > Cijfers) counts them too."""
        rows = self.env["coop.membership.event.report"].read_group(
            [("year", "=", str(YEAR))], ["event_type", "count"], ["event_type"])
        self.assertEqual({r["event_type"]: r["count"] for r in rows}, {"join": 1, "leave": 1})

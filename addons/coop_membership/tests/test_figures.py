# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from odoo.addons.coop_website.tests.common import as_user

from .common import MembershipCase


class TestFigures(MembershipCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for i in range(3):
            cls.make_member("Oud %d" % i, join_date="2035-02-01")
        cls.make_member("Nieuw", join_date="2036-05-01", category=cls.cat_large)
        cls.make_member("Weg", join_date="2035-01-01", coop_membership_state="former",
                        coop_leave_date="2036-07-01", coop_leave_reason_id=cls.reason.id)

    def test_members_at_date(self):
        """The members-at-a-date wizard counts and lists the members of that date."""
        wizard = as_user(self.env["coop.membership.at.date"], self.user_board).create(
            {"date": "2036-12-31"})
        self.assertEqual(wizard.member_count, 4)
        action = wizard.action_open()
        self.assertEqual(self.Partner.search_count(action["domain"]), 4)
        wizard.date = "2036-06-30"
        self.assertEqual(wizard.member_count, 5)

    def test_joins_and_leaves(self):
        """The event report counts joins and leaves per year, category and reason."""
        Report = as_user(self.env["coop.membership.event.report"], self.user_coop)
        rows = Report.read_group([("year", "=", "2036")], ["event_type", "count"], ["event_type"])
        counts = {r["event_type"]: r["count"] for r in rows}
        self.assertEqual(counts, {"join": 1, "leave": 1})
        rows = Report.read_group([("year", "=", "2036"), ("event_type", "=", "leave")],
                                 ["leave_reason_id", "count"], ["leave_reason_id"])
        self.assertEqual(rows[0]["leave_reason_id"][0], self.reason.id)

    def test_figures_not_for_portal(self):
        """Portal users and plain employees cannot read the figures."""
        for user in (self.user_portal, self.user_internal):
            with self.assertRaises(AccessError):
                as_user(self.env["coop.membership.event.report"], user).search([])

    def test_member_list_export(self):
        """The member list exports as an Excel file."""
        members = self.Partner.search([("name", "like", "Oud ")])
        content, fmt = self.env.ref("coop_membership.report_member_list_xlsx").render_xlsx(
            members.ids, {})
        self.assertEqual(fmt, "xlsx")
        self.assertTrue(content.startswith(b"PK"))

    def test_split_by_category_in_pivot_and_graph(self):
        """Joins and leaves split by fee category, in the pivot and graph views staff open;
        the members at a date split by category too."""
        Report = as_user(self.env["coop.membership.event.report"], self.user_coop)
        rows = Report.read_group([("year", "=", "2036"), ("event_type", "=", "join")],
                                 ["category_id", "count"], ["category_id"])
        self.assertEqual({r["category_id"][0]: r["count"] for r in rows}, {self.cat_large.id: 1})
        action = self.env.ref("coop_membership.coop_membership_event_report_action")
        self.assertEqual(action.view_mode.split(",")[:2], ["pivot", "graph"])
        for view_type in ("pivot", "graph"):
            arch = Report.fields_view_get(view_type=view_type)["arch"]
            self.assertIn('name="count"', arch)
        search = Report.fields_view_get(view_type="search")["arch"]
        self.assertIn("'group_by': 'category_id'", search)
        wizard = as_user(self.env["coop.membership.at.date"], self.user_coop).create(
            {"date": "2036-12-31"})
        rows = as_user(self.Partner, self.user_coop).read_group(
            wizard.action_open()["domain"], ["coop_category_id"], ["coop_category_id"])
        self.assertEqual({r["coop_category_id"][0]: r["coop_category_id_count"] for r in rows},
                         {self.cat_small.id: 3, self.cat_large.id: 1})

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Jaarcijfers opens as a dashboard: the menu's action shows the last complete year with
its figures computed, in read mode; choosing another year recomputes (issue 25.9)."""
from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError

from odoo.addons.coop_website.tests.common import as_user

from .common import ReportingCase


class TestYearFiguresDashboard(ReportingCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.last_year = fields.Date.from_string(fields.Date.context_today(cls.env.user)).year - 1
        partner = cls.env["res.partner"]
        cls.org_last = partner.create({
            "name": "Coop Nieuw vorig jaar (test)", "is_company": True, "coop_membership_state": "member",
            "coop_join_date": "%d-03-01" % cls.last_year})
        cls.org_before = partner.create({
            "name": "Coop Nieuw eerder (test)", "is_company": True, "coop_membership_state": "member",
            "coop_join_date": "%d-06-15" % (cls.last_year - 1)})

    def run_menu_action(self, user):
        menu = self.env.ref("coop_reporting.coop_year_figures_menu")
        self.assertEqual(menu.action._name, "ir.actions.server")
        return as_user(menu.action, user).run()

    @staticmethod
    def new_members(figures):
        line = figures.line_ids.filtered(lambda l: l.key == "new")
        action = line.action_open_records()
        return figures.env["res.partner"].with_context(**action["context"]).search(action["domain"])

    def test_menu_opens_last_complete_year_computed(self):
        """The menu's action returns the form of a record of the last complete year whose
        figures are already there (no "Compute"), in read mode without Create/Edit."""
        action = self.run_menu_action(self.user_coop)
        self.assertEqual(action["res_model"], "coop.year.figures")
        self.assertEqual(action["view_mode"], "form")
        self.assertTrue(action["res_id"])
        figures = as_user(self.env["coop.year.figures"], self.user_coop).browse(action["res_id"])
        self.assertEqual(figures.year, self.last_year)
        self.assertEqual(figures.year_choice, "y%d" % self.last_year)
        expected = figures._collect(self.last_year)
        self.assertEqual(figures.line_ids.mapped("key"), [row["key"] for row in expected])
        members = figures.line_ids.filtered(lambda l: l.key == "members")
        self.assertEqual(members.value, next(r["value"] for r in expected if r["key"] == "members"))
        self.assertIn(self.org_last, self.new_members(figures))
        self.assertNotIn(self.org_before, self.new_members(figures))
        # a dashboard: the form has no Create/Edit/Delete and no Compute button
        view_id = action["views"][0][0]
        arch = etree.fromstring(self.env["coop.year.figures"].fields_view_get(view_id, "form")["arch"])
        self.assertEqual((arch.get("create"), arch.get("edit"), arch.get("delete")), ("false",) * 3)
        self.assertFalse(arch.xpath("//button[@name='action_compute']"))
        self.assertTrue(arch.xpath("//field[@name='year_choice'][@widget='statusbar'][@clickable='1']"))

    def test_changing_the_year_recomputes(self):
        """Choosing the year before in the year bar (a write) recomputes the figures."""
        action = self.run_menu_action(self.user_board)
        figures = as_user(self.env["coop.year.figures"], self.user_board).browse(action["res_id"])
        figures.write({"year_choice": "y%d" % (self.last_year - 1)})
        self.assertEqual(figures.year, self.last_year - 1)
        self.assertEqual(figures.name, "Annual figures %d" % (self.last_year - 1))
        new = self.new_members(figures)
        self.assertIn(self.org_before, new)
        self.assertNotIn(self.org_last, new)
        # a year outside the bar, written directly, recomputes too
        figures.write({"year": 1975})
        self.assertFalse(figures.year_choice)
        self.assertEqual(figures.line_ids.filtered(lambda l: l.key == "members").value,
                         figures.env["res.partner"].with_context(active_test=False).search_count(
                             figures._member_domain_on("1975-12-31")))

    def test_year_bar_offers_complete_years(self):
        """The year bar offers the last ten complete years, oldest first, not the current one."""
        keys = [key for key, _label in self.env["coop.year.figures"]._selection_year_choice()]
        self.assertEqual(keys, ["y%d" % year for year in range(self.last_year - 9, self.last_year + 1)])

    def test_other_users_may_not_open_it(self):
        """An employee without a Coopkracht staff or board group gets an AccessError."""
        with self.assertRaises(AccessError):
            self.run_menu_action(self.user_internal)

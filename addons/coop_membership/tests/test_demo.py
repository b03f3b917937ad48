# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo data tells the story of 2021 from the annual report."""
import unittest

from odoo.tests.common import SavepointCase


class TestDemoData(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env.ref("coop_membership.assembly_2021_demo", raise_if_not_found=False):
            raise unittest.SkipTest("installed without demo data")
        cls.Partner = cls.env["res.partner"].with_context(active_test=False)
        cls.demo = cls.Partner.browse(cls.env["ir.model.data"].search([
            ("module", "=", "coop_membership"), ("model", "=", "res.partner"),
            "|", ("name", "=like", "partner_member_%"),
            ("name", "=like", "partner_former_%")]).mapped("res_id"))

    def test_members_of_2021(self):
        """92 members at the end of 2021, about 90 % small and 10 % large, each with sectors
        and a valid company number."""
        members = self.demo.filtered(lambda p: p.coop_is_member_on("2021-12-31"))
        self.assertEqual(len(members), 92)
        large = members.filtered(lambda p: p.coop_category_id.size == "large")
        self.assertTrue(7 <= len(large) <= 12, len(large))
        self.assertFalse(members.filtered(lambda p: not p.coop_sector_ids))
        self.assertFalse(members.filtered(lambda p: not p.coop_kbo_number))
        self.assertGreaterEqual(len(members.mapped("coop_sector_ids")), 13)

    def test_joins_and_leaves_2021(self):
        """10 joins and 7 leaves in 2021, each leave with its reason; the report agrees."""
        joins = self.demo.filtered(lambda p: (p.coop_join_date or "")[:4] == "2021")
        leaves = self.demo.filtered(lambda p: (p.coop_leave_date or "")[:4] == "2021")
        self.assertEqual(len(joins), 10)
        self.assertEqual(len(leaves), 7)
        self.assertEqual(set(leaves.mapped("coop_membership_state")), {"former"})
        self.assertFalse(leaves.filtered(lambda p: not p.coop_leave_reason_id))
        rows = self.env["coop.membership.event.report"].read_group(
            [("year", "=", "2021"), ("partner_id", "in", self.demo.ids)],
            ["event_type", "count"], ["event_type"])
        self.assertEqual({r["event_type"]: r["count"] for r in rows}, {"join": 10, "leave": 7})

    def test_general_assembly_2021(self):
        """The general assembly of 24 June 2021 with its attendance and resolutions."""
        assembly = self.env.ref("coop_membership.assembly_2021_demo")
        self.assertEqual(assembly.date, "2021-06-24")
        self.assertTrue(assembly.attendance_ids)
        self.assertFalse(assembly.attendance_ids.mapped("partner_id").filtered(
            lambda p: not p.coop_is_member_on("2021-06-24")))

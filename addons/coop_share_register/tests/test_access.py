# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError

from .common import DarCase, as_user


class TestIsolation(DarCase):
    """Every model is invisible across registers, whatever the way of asking."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sub_a = cls.make_entry("subscription", cls.class_a, 4, holder_to=cls.ann)
        cls.sub_b = cls.make_entry("subscription", cls.class_b, 5, holder_to=cls.cleo)
        cls.env["coop.share.payment"].create({
            "entry_id": cls.sub_a.id, "date": "2024-03-02", "amount": 100.0})
        cls.pay_b = cls.env["coop.share.payment"].create({
            "entry_id": cls.sub_b.id, "date": "2024-03-02", "amount": 100.0})

    def test_search_and_read_group(self):
        """Lists, searches and grouped totals only show the user's own register."""
        for model in ("coop.share.register", "coop.share.class", "coop.shareholder",
                      "coop.share.entry", "coop.share.payment"):
            records = as_user(self.env[model], self.manager_a).search([])
            regs = records.mapped("register_id") if model != "coop.share.register" else records
            self.assertEqual(regs, self.reg_a, model)
        groups = as_user(self.Entry, self.manager_a).read_group(
            [], ["quantity", "register_id"], ["register_id"])
        self.assertEqual([g["register_id"][0] for g in groups], self.reg_a.ids)
        groups = as_user(self.Holder, self.manager_a).read_group([], ["number", "state"], ["state"])
        self.assertEqual(sum(g["state_count"] for g in groups), 2)

    def test_name_search(self):
        """name_search on many2one fields finds nothing of another register."""
        self.assertFalse(as_user(self.Holder, self.manager_a).name_search("Maes"))
        self.assertTrue(as_user(self.Holder, self.manager_b).name_search("Maes"))
        self.assertFalse(as_user(self.env["coop.share.class"], self.manager_b).name_search(
            "B", args=[("register_id", "=", self.reg_a.id)]))
        self.assertFalse(as_user(self.Register, self.manager_a).name_search("Windcoop"))

    def test_read_write_unlink_other_register(self):
        """Reading, writing or deleting a record of another register raises AccessError."""
        for record in (self.cleo, self.sub_b, self.pay_b, self.class_b, self.reg_b):
            with self.assertRaises(AccessError):
                as_user(record, self.manager_a).read(["display_name"])
        with self.assertRaises(AccessError):
            as_user(self.cleo, self.manager_a).write({"city": "Brugge"})
        with self.assertRaises(AccessError):
            as_user(self.sub_b, self.manager_a).action_confirm()
        with self.assertRaises(AccessError):
            as_user(self.cleo, self.manager_a).export_data(["name"])

    def test_create_in_other_register(self):
        """A manager cannot create holders or entries in another register."""
        with self.assertRaises(AccessError):
            as_user(self.Holder, self.manager_a).create({"register_id": self.reg_b.id,
                                                         "name": "Indringer"})
        with self.assertRaises(AccessError):
            self.make_entry("subscription", self.class_b, 1, holder_to=self.cleo,
                            confirm=False, user=self.manager_a)

    def test_positions_reports_and_exports_of_other_register(self):
        """Positions, the XLSX export and the reports refuse another register."""
        with self.assertRaises(AccessError):
            as_user(self.Position, self.manager_a).compute_positions(self.reg_b)
        with self.assertRaises(AccessError):
            as_user(self.env["coop.share.export.wizard"], self.manager_a).export_xlsx(
                self.reg_b, "entries")
        with self.assertRaises(AccessError):
            as_user(self.env["report.coop_share_register.report_register_extract"],
                    self.manager_a).get_report_values(self.reg_b.ids, {})
        with self.assertRaises(AccessError):
            as_user(self.env["report.coop_share_register.report_shareholder_certificate"],
                    self.manager_a).get_report_values(self.cleo.ids, {})
        with self.assertRaises(AccessError):
            as_user(self.env["coop.share.import.wizard"], self.manager_a).import_files(
                self.reg_b, b"ref,type,name\nX1,person,Test\n", None, dry_run=True)

    def test_viewer_reads_only(self):
        """A register viewer reads his register and can change nothing."""
        self.assertEqual(as_user(self.Holder, self.viewer_a).search([]), self.ann | self.bart)
        with self.assertRaises(AccessError):
            as_user(self.ann, self.viewer_a).write({"city": "Brugge"})
        with self.assertRaises(AccessError):
            self.make_entry("subscription", self.class_a, 1, holder_to=self.ann,
                            confirm=False, user=self.viewer_a)

    def test_helpdesk_helps_but_never_confirms(self):
        """The helpdesk reads the registers it serves, prepares drafts, but cannot confirm
        or import for real."""
        self.assertEqual(as_user(self.Register, self.helpdesk).search([]), self.reg_b)
        self.assertFalse(as_user(self.Holder, self.helpdesk).search(
            [("register_id", "=", self.reg_a.id)]))
        draft = self.make_entry("subscription", self.class_b, 1, holder_to=self.cleo,
                                confirm=False, user=self.helpdesk)
        with self.assertRaises(AccessError):
            draft.action_confirm()
        self.assertEqual(draft.state, "draft")
        wizard = as_user(self.env["coop.share.import.wizard"], self.helpdesk)
        result = wizard.import_files(self.reg_b, b"ref,type,name\nX1,person,Test\n", None,
                                     dry_run=True)
        self.assertFalse(result["problems"])
        with self.assertRaises(AccessError):
            wizard.import_files(self.reg_b, b"ref,type,name\nX1,person,Test\n", None,
                                dry_run=False)

    def test_admin_sees_all(self):
        """The DAR administrator sees every register."""
        regs = as_user(self.Register, self.admin_dar).search([])
        self.assertTrue(self.reg_a | self.reg_b <= regs)

    def test_manager_cannot_give_himself_registers(self):
        """A register manager cannot add registers to his own user."""
        with self.assertRaises((AccessError, UserError)):
            as_user(self.manager_a, self.manager_a).write(
                {"coop_register_ids": [(4, self.reg_b.id)]})

    def test_menu_visible_to_dar_groups(self):
        """The DAR menu is visible to every DAR group, not to other employees."""
        menu = self.env.ref("coop_share_register.menu_root")
        for user in (self.manager_a, self.viewer_a, self.helpdesk, self.admin_dar):
            self.assertTrue(menu.groups_id & user.groups_id)
        self.assertFalse(menu.groups_id & self.user_internal.groups_id)

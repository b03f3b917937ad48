# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.coop_website.tests.common import CoopSavepointCase


class TestMenu(CoopSavepointCase):

    def test_menu_reserved_to_staff_and_board(self):
        """The addon's main menu is for Coopkracht staff and board, not for other employees."""
        menu = self.env.ref("coop_membership.menu_root")
        self.assertTrue(menu.groups_id & self.user_coop.groups_id)
        self.assertTrue(menu.groups_id & self.user_board.groups_id)
        self.assertFalse(menu.groups_id & self.user_internal.groups_id)

    def test_menu_in_dutch(self):
        """The main menu has a Dutch name."""
        menu = self.env.ref("coop_membership.menu_root").with_context(lang="nl_BE")
        self.assertNotEqual(menu.name, self.env.ref("coop_membership.menu_root").with_context(lang="en_US").name)

    def test_fee_invoices_use_the_customer_views(self):
        """The fee invoice list is Odoo's customer invoice list ("Klant"), not the
        supplier one ("Leverancier", "Leveranciers referentie")."""
        action = self.env.ref("coop_membership.coop_fee_invoice_action")
        views = dict((mode, view_id) for view_id, mode in action.read(["views"])[0]["views"])
        self.assertEqual(views["tree"], self.env.ref("account.invoice_tree").id)
        self.assertEqual(views["form"], self.env.ref("account.invoice_form").id)
        arch = self.env["account.invoice"].with_context(lang="nl_BE").fields_view_get(
            view_id=views["tree"], view_type="tree")["arch"]
        self.assertNotIn("Leverancier", arch)

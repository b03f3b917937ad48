# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.coop_website.tests.common import CoopSavepointCase, as_user


class TestMenu(CoopSavepointCase):

    def test_menu_visible_to_staff_only(self):
        """The addon's main menu shows for Coopkracht staff and board, not for other employees."""
        menu = self.env.ref("coop_membership.menu_root")
        Menu = self.env["ir.ui.menu"]
        self.assertIn(menu, as_user(Menu, self.user_coop).search([("id", "=", menu.id)]))
        self.assertIn(menu, as_user(Menu, self.user_board).search([("id", "=", menu.id)]))
        self.assertNotIn(menu, as_user(Menu, self.user_internal).search([("id", "=", menu.id)]))

    def test_menu_in_dutch(self):
        """The main menu has a Dutch name."""
        menu = self.env.ref("coop_membership.menu_root").with_context(lang="nl_BE")
        self.assertNotEqual(menu.name, self.env.ref("coop_membership.menu_root").with_context(lang="en_US").name)

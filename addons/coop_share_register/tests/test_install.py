# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.coop_website.tests.common import CoopSavepointCase


class TestMenu(CoopSavepointCase):

    def test_menu_in_dutch(self):
        """The main menu has a Dutch name (DAR)."""
        menu = self.env.ref("coop_share_register.menu_root")
        self.assertEqual(menu.with_context(lang="nl_BE").name, "DAR")
        self.assertEqual(menu.with_context(lang="en_US").name, "Share Register")

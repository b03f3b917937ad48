# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Smoke test of the platform in a real browser: the backend loads with our menus."""
import os

from odoo.addons.coop_website.tests.common import CoopBrowserCase


class TestBackendSmoke(CoopBrowserCase):

    def test_admin_opens_members_menu(self):
        """Admin logs in through the login form, opens the Leden menu, and the page shows it."""
        self.browser.login(self.base_url, "admin", "admin")
        self.browser.wait_css(".o_main_navbar, .o_web_client", timeout=60)
        menu = self.env.ref("coop_membership.menu_root")
        self.browser.get(self.base_url + "/web#menu_id=%d" % menu.id)
        brand = self.browser.wait_css(".o_menu_brand", timeout=60)
        path = self.browser.screenshot("backend-members-menu")
        self.assertTrue(os.path.getsize(path) > 1000)
        self.assertEqual(brand.text.strip(), menu.with_context(lang=self.env.user.lang).name)

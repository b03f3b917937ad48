# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Smoke test of the platform in a real browser: the backend loads with our menus."""
import os

from odoo.addons.coop_website.tests.common import CoopBrowserCase


class TestBackendSmoke(CoopBrowserCase):

    def test_admin_opens_members_menu(self):
        """Admin logs in through the login form, opens the Leden menu, and the page shows it."""
        self.browser.login(self.base_url, "admin", "admin")
        menu = self.env.ref("coop_membership.menu_root")
        top = self.browser.wait_css('.oe_application_menu_placeholder a[data-menu="%d"]' % menu.id, timeout=90)
        lang = self.env.ref("base.user_root").lang
        self.assertEqual(top.text.strip(), menu.with_context(lang=lang).name)
        top.click()
        action = self.env.ref("coop_membership.res_partner_action_organisations")
        title = action.with_context(lang=lang).name
        crumb = self.browser.wait_text(".o_control_panel .breadcrumb li", title, timeout=60)
        self.assertEqual(crumb.text.strip(), title)
        path = self.browser.screenshot("backend-members-menu")
        self.assertTrue(os.path.getsize(path) > 1000)

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Smoke test of the platform in a real browser: the backend loads with our menus."""
import os
import time

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

    def test_year_shown_without_thousands_separator(self):
        """A year field in the backend reads 2025, not Odoo 11's "2.025" (the option
        format false that coop_website backports to Odoo 11's integer fields)."""
        self.browser.login(self.base_url, "admin", "admin")
        self.browser.wait_css(".o_main_navbar, .o_web_client", timeout=90)
        action = self.env.ref("coop_reporting.coop_reporting_dashboard_action")
        self.browser.get(self.base_url + "/web#action=%d" % action.id)
        year = self.browser.wait_css(".o_form_view input[name=year]", timeout=60)
        expected = str(self.env["coop.year.figures"]._default_year())  # the dashboard's year too
        self.assertEqual(year.get_attribute("value"), expected)
        self.browser.screenshot("backend-year-figures")

    def test_backend_tab_shows_coopkracht(self):
        """The backend's browser tab carries Coopkracht's name and mark, not Odoo's."""
        self.browser.login(self.base_url, "admin", "admin")
        self.browser.wait_css(".o_main_navbar, .o_web_client", timeout=90)
        deadline = time.time() + 60  # the title gets the action's name once it is loaded
        while " - " not in self.browser.driver.title and time.time() < deadline:
            time.sleep(0.5)
        title = self.browser.driver.title
        self.assertIn("Coopkracht", title)
        self.assertNotIn("Odoo", title)
        icon = self.browser.css("link[rel='shortcut icon']")[0].get_attribute("href")
        self.assertIn("/coop_website/static/src/img/coopkracht_mark.png", icon)

    def test_user_menu_without_odoo_links(self):
        """The backend's user menu offers Preferences and Log out, and no links to
        Odoo's documentation, support or odoo.com account."""
        self.browser.login(self.base_url, "admin", "admin")
        self.browser.wait_css(".o_main_navbar, .o_web_client", timeout=90)
        self.browser.wait_css(".o_user_menu > a", timeout=60).click()
        self.browser.wait_css(".o_user_menu a[data-menu='logout']", timeout=30)
        menus = [a.get_attribute("data-menu") for a in self.browser.css(".o_user_menu a[data-menu]")]
        self.assertEqual(menus, ["settings", "logout"])
        self.browser.screenshot("backend-user-menu")
        self.assertFalse(self.browser.css(".o_sub_menu_footer"), "no 'Powered by Odoo' in the side menu")

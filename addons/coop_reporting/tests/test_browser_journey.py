# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The key journeys in a real browser: an accountant exports a month; staff open the
annual figures and click through to the members behind a figure."""
from selenium.webdriver.common.by import By

from odoo import fields

from odoo.addons.coop_website.tests.common import CoopBrowserCase, SharedCursorMixin, new_user

from .common import ReportingFactory


class TestReportingJourney(SharedCursorMixin, CoopBrowserCase, ReportingFactory):

    share_class_env = True  # the reporting factories are class methods

    def setUp(self):
        super().setUp()
        with self.locked():
            self.setup_reporting_data()
            self.user_accountant.write({"password": "accountant-pw", "lang": "nl_BE"})
        self.share_with_server()

    def login(self, login, password):
        self.browser.login(self.base_url, login, password)
        self.browser.wait_css(".o_web_client .o_main_navbar, .o_web_client .o_main", timeout=90)

    def open_action(self, xmlid):
        with self.locked():
            action = self.env.ref(xmlid)
        self.browser.get("%s/web#action=%d" % (self.base_url, action.id))

    def test_accountant_exports_a_month(self):
        """The accountant picks March 2019 in the wizard, exports, and sees the stored export."""
        self.make_invoice(self.org_vat, "2019-03-04", [("Lidgeld 2019", 250.0, True)], bba=True)
        self.share_with_server()
        self.login("coop_accountant", "accountant-pw")
        self.open_action("coop_reporting.coop_accounting_export_wizard_action")
        year = self.browser.wait_css(".modal input[name=year]", timeout=90)
        year.clear()
        year.send_keys("2019")
        self.browser.driver.execute_script(
            "var s = document.querySelector('.modal select[name=month]');"
            "s.value = '\"3\"'; s.dispatchEvent(new Event('change', {bubbles: true}));")
        self.browser.screenshot("reporting-export-wizard")
        self.browser.click_text(".modal button[name=action_export]", "")
        self.browser.wait_text(".o_form_view", "coopfabrik_", timeout=60)
        self.browser.screenshot("reporting-export-done")
        with self.locked():
            self.check_export()

    def check_export(self):
        export = self.env["coop.accounting.export"].search([], limit=1)
        self.assertEqual((export.date_from, export.date_to), ("2019-03-01", "2019-03-31"))
        self.assertEqual(export.user_id, self.user_accountant)
        self.assertTrue(export.xlsx_attachment_id and export.csv_attachment_id)
        self.assertEqual(export.move_count, 1)
        self.assertIn(export.xlsx_attachment_id.name, self.browser.driver.page_source)

    def test_staff_open_annual_figures_and_click_through(self):
        """Staff open Jaarcijfers from the menu and see the last complete year's figures
        at once (no "Berekenen", no Save/Discard), open the members behind 'New members',
        then choose the year before in the year bar and see its figures."""
        last = fields.Date.from_string(fields.Date.context_today(self.env.user)).year - 1
        for name, joined in (("Coop Nieuw 1", "%d-02-01" % last), ("Coop Nieuw 2", "%d-09-01" % last),
                             ("Coop Nieuw 3", "%d-05-01" % (last - 1))):
            self.env["res.partner"].create({"name": name, "is_company": True, "coop_membership_state": "member",
                                            "coop_join_date": joined})
        new_user(self.env, "coop_staff_browser", ["coop_website.group_coop_user"],
                 password="staff-pw", lang="nl_BE")
        self.share_with_server()
        self.login("coop_staff_browser", "staff-pw")
        with self.locked():
            menu = self.env.ref("coop_reporting.coop_year_figures_menu")
            root = self.env.ref("coop_reporting.menu_root")
        # the app opens on its first menu, Jaarcijfers; then the menu itself is clicked
        self.browser.get("%s/web#menu_id=%d" % (self.base_url, root.id))
        self.browser.wait_text(".o_form_view .o_data_row", "Nieuwe leden", timeout=90)
        self.browser.driver.execute_script("document.querySelector('.o_form_view').classList.add('o_coop_old')")
        self.browser.click_text('a[data-menu="%d"]' % menu.id, "Jaarcijfers")  # the side menu
        self.browser.wait_text(".o_form_view:not(.o_coop_old) .o_data_row", "Nieuwe leden", timeout=60)
        self.browser.wait_text(".o_form_view h1", "Jaarcijfers %d" % last)
        self.browser.screenshot("reporting-annual-figures")
        self.assertEqual(self.browser.css(".o_statusbar_status button.btn-primary")[0].text.strip(), str(last))
        buttons = [b.text.strip() for b in self.browser.css(".o_control_panel button") if b.is_displayed()]
        for word in ("Opslaan", "Verwerpen", "Bewerken", "Aanmaken", "Berekenen"):
            self.assertNotIn(word, buttons)
        self.assertNotIn("Berekenen", self.browser.css(".o_form_statusbar")[0].text)
        self.open_new_members()
        self.browser.wait_text(".o_list_view", "Coop Nieuw 2", timeout=60)
        self.browser.screenshot("reporting-annual-figures-click-through")
        self.assertIn("Coop Nieuw 1", self.browser.driver.page_source)
        self.assertNotIn("Coop Nieuw 3", self.browser.driver.page_source)
        self.browser.click_text(".o_control_panel .breadcrumb li a", "Jaarcijfers")
        self.browser.click_text(".o_statusbar_status button", str(last - 1), timeout=60)
        self.browser.wait_text(".o_form_view h1", "Jaarcijfers %d" % (last - 1), timeout=60)
        self.browser.screenshot("reporting-annual-figures-year-before")
        self.open_new_members()
        self.browser.wait_text(".o_list_view", "Coop Nieuw 3", timeout=60)
        self.assertNotIn("Coop Nieuw 2", self.browser.driver.page_source)

    def open_new_members(self):
        rows = [row for row in self.browser.css(".o_form_view .o_data_row")
                if "Nieuwe leden" in row.text and "procent" not in row.text]
        self.assertTrue(rows, "a row 'Nieuwe leden'")
        rows[0].find_elements(By.CSS_SELECTOR, "button")[0].click()

    def test_board_sees_dashboard_and_year_over_year_of_the_demo(self):
        """A board member opens the dashboard of 2021 (three charts: members, event
        participants, the demo's 88 vacancies per month) and compares 2020 with 2021."""
        if not self.env.ref("coop_membership.assembly_2021_demo", raise_if_not_found=False):
            self.skipTest("the database has no demo data")
        new_user(self.env, "coop_board_browser", ["coop_website.group_coop_board"],
                 password="board-pw", lang="nl_BE")
        self.share_with_server()
        self.login("coop_board_browser", "board-pw")
        self.open_action("coop_reporting.coop_reporting_dashboard_action")
        self.browser.wait_css(".o_form_view input[name=year]", timeout=90)
        self.browser.driver.execute_script(
            "var i = document.querySelector('.o_form_view input[name=year]');"
            "i.value = '2021'; i.dispatchEvent(new Event('change', {bubbles: true}));")
        self.browser.wait_text(".o_coop_dashboard", "Vacatures per maand in 2021", timeout=60)
        self.browser.screenshot("reporting-dashboard-2021")
        charts = self.browser.css(".o_coop_dashboard > div")
        self.assertEqual(len(charts), 3)
        vacancy_cells = charts[2].find_elements(By.CSS_SELECTOR, "td.text-right")
        self.assertEqual(sum(int(cell.text) for cell in vacancy_cells), 88)
        self.assertIn("2021", charts[0].text)
        self.open_action("coop_reporting.coop_year_comparison_action")
        self.browser.click_text(".modal-footer button.btn-primary", "OK")  # leave the unsaved dashboard
        year_from = self.browser.wait_css(".o_form_view input[name=year_from]", timeout=90)
        year_from.clear()
        year_from.send_keys("2020")
        year_to = self.browser.wait_css(".o_form_view input[name=year_to]")
        year_to.clear()
        year_to.send_keys("2021")
        self.browser.click_text(".o_form_statusbar .o_statusbar_buttons button.btn-primary", "")
        self.browser.wait_css(".o_coop_year_comparison", timeout=60)
        self.browser.screenshot("reporting-year-over-year-2020-2021")
        members = [row for row in self.browser.css(".o_coop_year_comparison tbody tr")
                   if "Leden op het einde van het jaar" in row.text]
        self.assertTrue(members, "the members row")
        self.assertIn("92", members[0].text)
        self.assertIn("+3 (+3,4 %)", members[0].text)

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The key journeys in a real browser: an accountant exports a month; staff open the
annual figures and click through to the members behind a figure."""
from odoo.addons.coop_website.tests.common import CoopBrowserCase, new_user

from .common import ReportingFactory


class TestReportingJourney(CoopBrowserCase, ReportingFactory):

    def setUp(self):
        super().setUp()
        type(self).env = self.env
        self.setup_reporting_data()
        self.user_accountant.write({"password": "accountant-pw", "lang": "nl_BE"})

    def open_action(self, xmlid):
        action = self.env.ref(xmlid)
        self.browser.get("%s/web#action=%d" % (self.base_url, action.id))

    def test_accountant_exports_a_month(self):
        """The accountant picks March 2019 in the wizard, exports, and sees the stored export."""
        self.make_invoice(self.org_vat, "2019-03-04", [("Lidgeld 2019", 250.0, True)], bba=True)
        self.browser_login("coop_accountant", "accountant-pw")
        self.open_action("coop_reporting.coop_accounting_export_wizard_action")
        year = self.browser.wait_css(".modal input[name=year]", timeout=90)
        year.clear()
        year.send_keys("2019")
        self.browser.driver.execute_script(
            "var s = document.querySelector('.modal select[name=month]');"
            "s.value = '\"3\"'; s.dispatchEvent(new Event('change', {bubbles: true}));")
        self.browser.screenshot("reporting-export-wizard")
        self.browser.css(".modal button[name=action_export]")[0].click()
        self.browser.wait_css(".o_form_view button[name=action_send_mail]", timeout=60)
        self.browser.screenshot("reporting-export-done")
        export = self.env["coop.accounting.export"].search([], limit=1)
        self.assertEqual((export.date_from, export.date_to), ("2019-03-01", "2019-03-31"))
        self.assertEqual(export.user_id, self.user_accountant)
        self.assertTrue(export.xlsx_attachment_id and export.csv_attachment_id)
        page = self.browser.driver.page_source
        self.assertIn(export.xlsx_attachment_id.name, page)

    def test_staff_open_annual_figures_and_click_through(self):
        """Staff compute the figures of a year and open the members behind 'New members'."""
        for name, joined in (("Coop Nieuw 1", "1975-02-01"), ("Coop Nieuw 2", "1975-09-01")):
            self.env["res.partner"].create({"name": name, "is_company": True, "coop_membership_state": "member",
                                            "coop_join_date": joined})
        new_user(self.env, "coop_staff_browser", ["coop_website.group_coop_user"],
                 password="staff-pw", lang="nl_BE")
        self.browser_login("coop_staff_browser", "staff-pw")
        self.open_action("coop_reporting.coop_year_figures_action")
        year = self.browser.wait_css(".o_form_view input[name=year]", timeout=90)
        year.clear()
        year.send_keys("1975")
        self.browser.css(".o_form_view button[name=action_compute]")[0].click()
        self.browser.wait_text(".o_form_view .o_data_row", "Nieuwe leden", timeout=60)
        self.browser.screenshot("reporting-annual-figures")
        rows = [row for row in self.browser.css(".o_form_view .o_data_row")
                if "Nieuwe leden" in row.text and "%" not in row.text]
        self.assertTrue(rows, "a row 'Nieuwe leden'")
        rows[0].find_elements_by_css_selector("button[name=action_open_records]")[0].click()
        self.browser.wait_text(".o_list_view", "Coop Nieuw 2", timeout=60)
        self.browser.screenshot("reporting-annual-figures-click-through")
        self.assertIn("Coop Nieuw 1", self.browser.driver.page_source)

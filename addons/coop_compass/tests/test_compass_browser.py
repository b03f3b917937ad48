# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The key journey in a real browser, in Dutch: a visitor starts a scan, saves halfway,
comes back, submits, sees the radar chart and the report, reopens, changes an answer
and sees both versions."""
import os

from odoo.addons.coop_website.tests.common import CoopBrowserCase

ANSWER_PAGE_JS = """
var offset = arguments[0];
document.querySelectorAll('fieldset.o_compass_question_scale').forEach(function (f, i) {
    f.querySelector('input[value="' + (offset + i) % 5 + '"]').click();
});
document.querySelectorAll('fieldset.o_compass_question_yesno').forEach(function (f) {
    f.querySelector('input[value="yes"]').click();
});
"""


class TestCompassJourney(CoopBrowserCase):

    def _shot(self, name):
        path = self.browser.screenshot("compass-%s" % name)
        self.assertGreater(os.path.getsize(path), 1000)

    def _answer_page(self, offset=2):
        self.browser.wait_css(".o_compass_questionnaire")
        self.browser.driver.execute_script(ANSWER_PAGE_JS, offset)

    def _click(self, selector):
        self.browser.wait_css(selector).click()

    def test_visitor_journey(self):
        """Start as a visitor, save halfway, come back, submit, chart + PDF, reopen, change, two versions."""
        b = self.browser
        b.get(self.base_url + "/kompas")
        b.wait_css("form.o_compass_signup")
        self.assertIn("Start de scan", b.driver.page_source)
        self._shot("01-start")
        b.css("#compass_name")[0].send_keys("Vera Visser")
        b.css("#compass_email")[0].send_keys("vera.visser@example.org")
        b.css("#compass_password")[0].send_keys("kompas-2021")
        b.css("#compass_organisation")[0].send_keys("Coöperatie De Kiem")
        self._click("button.o_compass_start")
        b.wait_text(".o_compass_step_label", "Stap 1 van 8")
        self._shot("02-step1")
        # page 1 and 2 answered, then save and leave
        self._answer_page()
        self._click("button.o_compass_next")
        b.wait_text(".o_compass_step_label", "Stap 2 van 8")
        self._answer_page()
        self._click("button.o_compass_save")
        b.wait_css(".o_compass_scans")
        self._shot("03-saved")
        # come back later: a fresh session, log in, resume
        b.driver.delete_all_cookies()
        b.login(self.base_url, "vera.visser@example.org", "kompas-2021")
        b.wait_css("#wrapwrap")
        b.get(self.base_url + "/my/compass")
        self._click("a.o_compass_resume")
        b.wait_text(".o_compass_step_label", "Stap 1 van 8")
        checked = b.driver.execute_script(
            "return document.querySelectorAll('fieldset.o_compass_question input:checked').length;")
        self.assertEqual(checked, 4, "the answers of page 1 are kept")
        # phone width: no horizontal scrolling on a questionnaire page
        b.set_width(390)
        self.assertEqual(b.horizontal_overflow(), 0)
        self._shot("04-phone")
        b.set_width(1280)
        for step in range(1, 8):
            b.wait_text(".o_compass_step_label", "Stap %d van 8" % step)
            if step > 2:
                self._answer_page()
            self._click("button.o_compass_next")
        b.wait_text(".o_compass_step_label", "Stap 8 van 8")
        b.css(".o_compass_nrc input[type=checkbox]")[0].click()
        self._click("button.o_compass_submit")
        b.wait_css(".o_compass_chart svg")
        self.assertIn("Sterktes", b.driver.page_source)
        self._shot("05-result")
        overall_v1 = b.css(".o_compass_overall_score")[0].text
        # the report, fetched in the browser's session
        href = b.css("a.o_compass_pdf")[0].get_attribute("href")
        b.driver.set_script_timeout(180)  # a fresh database compiles the report's assets first
        fetched = b.driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "fetch(arguments[0], {credentials: 'same-origin'})"
            ".then(function (r) { done(r.status + ' ' + r.headers.get('Content-Type')); })"
            ".catch(function (e) { done(String(e)); });", href)
        self.assertEqual(fetched, "200 application/pdf")
        # reopen, change the first answer to 0, submit version 2
        self._click("button.o_compass_reopen")
        b.wait_text(".o_compass_step_label", "Stap 1 van 8")
        b.css("fieldset.o_compass_question_scale input[value='0']")[0].click()
        b.css("button[name=go][value=step_8]")[0].click()
        b.wait_text(".o_compass_step_label", "Stap 8 van 8")
        self._click("button.o_compass_submit")
        b.wait_css(".o_compass_chart svg .o_radar_previous")
        rows = b.css(".o_compass_versions tbody tr")
        self.assertEqual(len(rows), 2)
        self.assertNotEqual(b.css(".o_compass_overall_score")[0].text, overall_v1)
        self._shot("06-two-versions")
        with self.server_env() as env:
            scans = env["coop.compass.scan"].search([("partner_id.email", "=", "vera.visser@example.org")])
            self.assertEqual(sorted(scans.mapped("version")), [1, 2])
            self.assertEqual(set(scans.mapped("state")), {"submitted"})
            self.assertEqual(scans.mapped("organisation_id").name, "Coöperatie De Kiem")

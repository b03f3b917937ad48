# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The key journey in a real browser: post, publish, see it listed, a view counted."""
import time

from odoo.addons.coop_website.tests.common import CoopBrowserCase, SharedCursorMixin, as_user, new_user

from .common import make_contact_user, make_org, set_params


class TestVacancyJourney(SharedCursorMixin, CoopBrowserCase):

    def setUp(self):
        super().setUp()
        self.org = make_org(self.env, "Zonnewind Browser cv", city="Mechelen")
        self.poster = make_contact_user(self.env, self.org, "browser_poster", password="browser_poster",
                                        lang="nl_BE")
        self.staff = new_user(self.env, "browser_staff", ["coop_website.group_coop_user"])
        set_params(self.env, review_members=1, expiry_days=60, nonmember_price=0)

    def login(self, login):
        """Log in through Odoo's login form, as a person would."""
        self.share_with_server()
        self.browser.login(self.base_url, login, login)
        deadline = time.time() + 60
        while "/web/login" in self.browser.driver.current_url and time.time() < deadline:
            time.sleep(0.2)
        self.assertNotIn("/web/login", self.browser.driver.current_url, "login failed")

    def open(self, path):
        self.share_with_server()
        self.browser.get(self.base_url + path)

    def test_member_posts_staff_publishes_visitor_counted(self):
        """A member contact posts in the portal, staff publish, the vacancy is on /vacatures
        and a visitor's view is counted and shown to the poster."""
        self.login("browser_poster")
        self.open("/my/vacatures/new")
        self.browser.wait_css("form.o_coop_vacancy_form input[name=name]").send_keys("Energiecoach Mechelen (m/v/x)")
        self.browser.css("input[name=city]")[0].send_keys("Mechelen")
        self.browser.css("textarea[name=description]")[0].send_keys("Je begeleidt leden bij hun energietransitie.")
        self.browser.css("input[name=apply_url]")[0].send_keys("https://zonnewind.example.be/jobs")
        self.browser.screenshot("vacancy-1-portal-form")
        self.browser.css("button.o_coop_vacancy_save")[0].click()
        self.browser.wait_css(".o_coop_vacancy_actions button.o_coop_vacancy_submit")
        self.browser.screenshot("vacancy-2-preview")
        self.browser.css("button.o_coop_vacancy_submit")[0].click()
        self.browser.wait_text(".o_coop_vacancy_actions", "Coopkracht")
        with self.locked() as env:
            vacancy = env["coop.vacancy"].search([("name", "=", "Energiecoach Mechelen (m/v/x)")])
            self.assertEqual(vacancy.partner_id, self.org)
            self.assertEqual(vacancy.state, "to_review")
            as_user(vacancy, self.staff).action_publish()
            self.assertEqual(vacancy.state, "published")
        self.browser.screenshot("vacancy-3-submitted")

        self.browser.driver.delete_all_cookies()
        self.open("/vacatures")
        link = self.browser.wait_text(".o_coop_vacancy_card a", "Energiecoach Mechelen")
        self.browser.screenshot("vacancy-4-overview")
        link.click()
        self.browser.wait_css("a.o_coop_vacancy_apply")
        self.assertEqual(self.browser.css("a.o_coop_vacancy_apply")[0].get_attribute("href"),
                         "https://zonnewind.example.be/jobs")
        self.browser.screenshot("vacancy-5-page")
        with self.locked():
            self.assertEqual(vacancy.unique_view_count, 1)
        self.browser.set_width(375, 800)
        with self.locked():
            url = vacancy.website_url
        self.open(url)
        self.assertEqual(self.browser.horizontal_overflow(), 0)
        self.browser.screenshot("vacancy-6-page-phone")
        with self.locked():
            self.assertEqual(vacancy.unique_view_count, 1, "a reload by the same visitor is not counted again")
        self.open("/vacatures")
        self.browser.wait_text(".o_coop_vacancy_card a", "Energiecoach Mechelen")
        self.assertEqual(self.browser.horizontal_overflow(), 0)
        self.browser.screenshot("vacancy-6b-overview-phone")

        self.browser.set_width(1280)
        self.browser.driver.delete_all_cookies()
        self.login("browser_poster")
        self.open("/my/vacatures")
        cell = self.browser.wait_css(".o_coop_my_vacancies td.o_coop_vacancy_views")
        self.assertEqual(cell.text.strip(), "1")
        self.browser.screenshot("vacancy-7-portal-views")

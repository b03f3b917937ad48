# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The filters of /vacatures fold behind a "Filters" button on a phone (issue 25.6)."""
from odoo.addons.coop_website.tests.common import CoopBrowserCase, SharedCursorMixin
from odoo.addons.coop_website.tests.filters import filters_panel

from .common import make_org, make_vacancy, set_params
from .test_vacancy_http import VacancyHttpCase


class TestVacancyFiltersHttp(VacancyHttpCase):

    def test_filters_in_collapse_with_toggle(self):
        """The filter form of /vacatures, with the feed and posting links, is inside the
        collapsible panel whose toggle button says "Filters"; the results are not."""
        page = self.get("/vacatures").text
        _button, panel = filters_panel(
            self, page, "//form[contains(@class, 'o_coop_vacancy_filters')]")
        self.assertTrue(panel.xpath(".//a[@href='/vacatures/feed']"))
        self.assertFalse(panel.xpath(".//*[contains(@class, 'o_coop_vacancy_card')]"))
        self.assertIn("Zichtbare energiecoach", page)


class TestVacancyFiltersPhone(SharedCursorMixin, CoopBrowserCase):

    def setUp(self):
        super().setUp()
        set_params(self.env, review_members=0, expiry_days=60, nonmember_price=0)
        org = make_org(self.env, "Filtercoop Browser cv")
        vacancy = make_vacancy(self.env, org, name="Coördinator buurtenergie (m/v/x)")
        vacancy.action_submit()
        self.assertEqual(vacancy.state, "published")

    def open(self, path):
        self.share_with_server()
        self.browser.get(self.base_url + path)

    def _top(self, element):
        return self.browser.driver.execute_script(
            "return arguments[0].getBoundingClientRect().top;", element)

    def test_first_result_on_first_phone_screen(self):
        """At phone size (375x812) the filters are folded and the first vacancy starts on
        the first screen; the "Filters" button opens them (aria-expanded follows). On a
        desktop the filters are open and the button is hidden."""
        self.browser.set_width(375, 812)
        self.open("/vacatures")
        card = self.browser.wait_css(".o_coop_vacancy_card")
        height = self.browser.driver.execute_script("return window.innerHeight;")
        self.assertLess(self._top(card) + 40, height, "the first result is below the first screen")
        form = self.browser.css("form.o_coop_vacancy_filters")[0]
        self.assertFalse(form.is_displayed())
        self.assertEqual(self.browser.horizontal_overflow(), 0)
        self.browser.screenshot("vacancy-filters-phone-closed")
        button = self.browser.wait_css("button.o_coop_filters_toggle")
        self.assertEqual(button.get_attribute("aria-expanded"), "false")
        button.send_keys(" ")  # the keyboard opens it too
        self.browser.wait_css("form.o_coop_vacancy_filters")
        self.assertEqual(button.get_attribute("aria-expanded"), "true")
        self.browser.screenshot("vacancy-filters-phone-open")
        self.browser.set_width(1280, 900)
        self.open("/vacatures")
        self.browser.wait_css("form.o_coop_vacancy_filters")
        self.assertFalse(self.browser.css("button.o_coop_filters_toggle")[0].is_displayed())
        self.browser.screenshot("vacancy-filters-desktop")

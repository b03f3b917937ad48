# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.coop_website.tests.common import CoopBrowserCase, SharedCursorMixin

from .common import EventFactoryMixin


class TestEventListPhone(SharedCursorMixin, EventFactoryMixin, CoopBrowserCase):

    share_class_env = True

    def setUp(self):
        super().setUp()
        self.make_event("Webinar op een telefoon", begin="2099-01-15 12:00:00",
                        end="2099-01-15 13:00:00", website_published=True).button_confirm()
        self.share_with_server()

    def test_first_event_on_first_phone_screen(self):
        """At phone size (375x812) the date filters of /event are folded behind the
        "Filters" button and the first event starts on the first screen (issue 25.6)."""
        self.browser.set_width(375, 812)
        self.browser.get(self.base_url + "/event")
        first = self.browser.wait_css("#middle_column ul.media-list > li")
        top = self.browser.driver.execute_script(
            "return arguments[0].getBoundingClientRect().top;", first)
        height = self.browser.driver.execute_script("return window.innerHeight;")
        self.assertLess(top + 40, height, "the first event is below the first screen")
        self.assertFalse(self.browser.css("#left_column")[0].is_displayed())
        self.browser.screenshot("events-filters-phone-closed")
        button = self.browser.wait_css("button.o_coop_filters_toggle")
        button.click()
        self.browser.wait_css("#left_column")
        self.assertEqual(button.get_attribute("aria-expanded"), "true")
        self.browser.screenshot("events-filters-phone-open")

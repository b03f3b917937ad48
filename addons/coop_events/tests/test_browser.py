# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import time

from odoo.addons.coop_website.tests.common import CoopBrowserCase, SharedCursorMixin, new_user

from .common import EventFactoryMixin


class TestWebinarRegistrationBrowser(SharedCursorMixin, EventFactoryMixin, CoopBrowserCase):
    """The key journey: a member and a non-member register for a paid webinar on the
    website and see their own price."""

    share_class_env = True

    def setUp(self):
        super().setUp()
        org_member = self.make_org("Zonnecoop cv", member=True, join_date="2020-01-01")
        anna = self.make_contact(org_member, "Anna Peeters", "anna@zonnecoop.example")
        new_user(self.env, "anna_portal", ["base.group_portal"], partner_id=anna.id,
                 password="anna_portal")
        self.webinar = self.make_event("Twee tools voor digitale aandeelhoudersregistratie",
                                       begin="2030-12-09 13:00:00", end="2030-12-09 14:00:00",
                                       price=30.0, website_published=True)
        self.share_with_server()

    def _register(self, name, email, shot):
        from selenium.webdriver.support.ui import Select
        browser = self.browser
        browser.get("%s/event/%d/register" % (self.base_url, self.webinar.id))
        notice = browser.wait_css(".coop-member-price")
        self.assertIn("30,00", notice.text)
        browser.screenshot("%s-1-tickets" % shot)
        Select(browser.css("select[name^='nb_register-']")[0]).select_by_visible_text("1")
        browser.css("#registration_form button[type=submit]")[0].click()
        browser.wait_css("#modal_attendees_registration input[name='1-name']").send_keys(name)
        browser.css("#modal_attendees_registration input[name='1-email']")[0].send_keys(email)
        browser.screenshot("%s-2-attendee" % shot)
        browser.css("#modal_attendees_registration button[type=submit]")[0].click()

    def test_member_and_non_member_prices(self):
        """Anna (member organisation, logged in) is registered for free, whatever ticket
        she picked; Dirk (not logged in) gets the non-member price of € 30 in his cart."""
        self.browser_login("anna_portal", "anna_portal")
        self._register("Anna Peeters", "anna@zonnecoop.example", "events-member")
        attendee = self.browser.wait_css(".coop-attendee")
        self.assertIn("anna@zonnecoop.example", attendee.text)
        self.assertEqual(self.browser.css(".coop-attendee .coop-price")[0].text.strip(), "gratis")
        self.browser.screenshot("events-member-3-free")

        self.browser.driver.delete_all_cookies()
        self._register("Dirk Nieuwkomer", "dirk@nieuwkomer.example", "events-non-member")
        # the shop's checkout after the registration (not the attendee form still shown)
        deadline = time.time() + 60
        while "/shop" not in self.browser.driver.current_url and time.time() < deadline:
            time.sleep(0.2)
        self.assertIn("/shop", self.browser.driver.current_url)
        self.browser.get(self.base_url + "/shop/cart")
        line = self.browser.wait_text("#cart_products tr", "30,00")
        self.assertIn("Niet-lid", line.text)
        self.browser.screenshot("events-non-member-3-cart")
        with self.server_env() as env:  # holds the cursor's lock: the cart page may still call
            registrations = env["event.registration"].search(
                [("event_id", "=", self.webinar.id)], order="id")
            self.assertEqual(registrations.mapped("event_ticket_id.price"), [0.0, 30.0])

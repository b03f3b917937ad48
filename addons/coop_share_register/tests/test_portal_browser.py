# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The shareholder's journey in a real browser: log in, see the shares in two
cooperatives, change the address, see the confirmation."""
from selenium.webdriver.common.by import By

from odoo.addons.coop_website.tests.common import CoopBrowserCase

from .test_portal_http import PortalHttpMixin


class TestShareholderJourney(PortalHttpMixin, CoopBrowserCase):

    def test_shareholder_portal_journey(self):
        """The shareholder sees exactly his holdings and updates his details."""
        b = self.browser
        self.browser_login("portal_http_ann", "portal_http_ann")
        b.get(self.base_url + "/my/home")
        b.wait_css(".o_portal_my_home", timeout=60)
        b.get(self.base_url + "/my/aandelen")
        b.wait_css(".o_coop_shareholding", timeout=60)
        cards = b.css(".o_coop_shareholding")
        self.assertEqual(len(cards), 2)
        texts = " ".join(card.text for card in cards)
        self.assertIn("Zonnecoop X", texts)
        self.assertIn("Windcoop Y", texts)
        card_x = [card for card in cards if "Zonnecoop X" in card.text][0]
        self.assertNotIn("Geheimhouder", b.driver.page_source)
        b.screenshot("dar-portal-01-my-shares")
        card_x.find_element(By.CSS_SELECTOR, ".o_coop_share_edit").click()
        street = b.wait_css("input[name=street]")
        street.clear()
        street.send_keys("Veldstraat 9")
        b.css("input[name=iban]")[0].send_keys("BE68539007547034")
        b.screenshot("dar-portal-02-details")
        b.css(".o_coop_share_details_form button[type=submit]")[0].click()
        b.wait_css(".o_coop_share_saved")
        b.screenshot("dar-portal-03-saved")
        self.ann_x.invalidate_cache()
        self.assertEqual((self.ann_x.street, self.ann_x.iban),
                         ("Veldstraat 9", "BE68539007547034"))
        b.set_width(375)
        b.get(self.base_url + "/my/aandelen")
        b.wait_css(".o_coop_shareholding")
        self.assertLessEqual(b.horizontal_overflow(), 0)
        b.screenshot("dar-portal-04-mobile")

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A visitor sees ticket prices in euro, as Coopkracht charges them (the public pricelist
of Odoo's demo was in US dollars: "$ 45,87" for a 30 € ticket)."""
from odoo.addons.coop_website.tests.common import CoopHttpCase

from .common import EventFactoryMixin


class TestTicketCurrency(EventFactoryMixin, CoopHttpCase):

    share_class_env = True

    def test_visitor_sees_euro_prices(self):
        event = self.make_event("Webinar over coöperatief ondernemen", price=30.0,
                                website_published=True)
        self.assertEqual(self.env.ref("product.list0").currency_id, self.env.ref("base.EUR"))
        page = self.url_open(event.website_url).text
        self.assertIn("30,00", page)
        self.assertNotRegex(page, r"\$(\s|&nbsp;)*\d", "a price in dollars")

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import HttpCase, at_install, post_install
from odoo.tools import mute_logger

from odoo.addons.coop_website.tests.common import SharedCursorMixin, as_user, new_user
from odoo.addons.coop_website.tools.validators import is_valid_structured_communication

from .common import DarCase, company_number

IBAN_COOP = "BE71096123456769"


class TestSubscribeOnline(DarCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reg_a.write({"slug": "zonnecoop", "subscription_open": True,
                         "bank_iban": "be71 0961 2345 6769", "max_shares": 20})

    def values(self, **kw):
        vals = {"holder_type": "person", "name": "Claes", "firstname": "Dirk",
                "street": "Markt 1", "zip": "9000", "city": "Gent",
                "email": "dirk@example.org", "class_id": str(self.class_a.id),
                "quantity": "4"}
        vals.update(kw)
        return vals

    def test_subscription_creates_draft(self):
        """A subscription gives a candidate holder, a draft entry with an OGM and a mail."""
        entry = self.reg_a._subscribe_online(self.values())
        self.assertEqual((entry.state, entry.quantity, entry.nominal_amount, entry.online),
                         ("draft", 4, 1000.0, True))
        self.assertEqual(entry.holder_to_id.state, "candidate")
        self.assertTrue(is_valid_structured_communication(entry.payment_reference))
        self.assertEqual(self.reg_a.bank_iban, IBAN_COOP)
        mail = self.env["mail.mail"].search([("email_to", "=", "dirk@example.org")])
        self.assertEqual(len(mail), 1)
        self.assertIn(entry.payment_reference, mail.body_html)
        self.assertIn(IBAN_COOP, mail.body_html)

    def test_manager_confirms_and_registers_payment(self):
        """The register manager confirms the online subscription and registers the payment."""
        entry = self.reg_a._subscribe_online(self.values())
        as_user(entry, self.manager_a).action_confirm()
        with self.assertRaises(AccessError):
            as_user(entry, self.manager_b).action_register_payment(1000.0)
        as_user(entry, self.manager_a).action_register_payment(1000.0, fields_today(self))
        self.assertEqual(entry.state, "confirmed")
        self.assertEqual(entry.amount_unpaid, 0.0)
        self.assertEqual(entry.holder_to_id.state, "active")

    def test_above_maximum_refused(self):
        """More shares than the register's maximum: refused, nothing written."""
        count = self.Holder.search_count([])
        with self.assertRaisesRegex(UserError, "20"):
            self.reg_a._subscribe_online(self.values(quantity="21"))
        self.assertEqual(self.Holder.search_count([]), count)

    def test_below_minimum_refused(self):
        """Fewer shares than the register's minimum: refused."""
        self.reg_a.min_shares = 2
        with self.assertRaises(UserError):
            self.reg_a._subscribe_online(self.values(quantity="1"))

    def test_closed_or_foreign_class_refused(self):
        """A class closed for subscription, or of another register: refused."""
        self.class_a2.open_for_subscription = False
        for share_class in (self.class_a2, self.class_b):
            with self.assertRaises(UserError):
                self.reg_a._subscribe_online(self.values(class_id=str(share_class.id)))

    def test_closed_register_refused(self):
        """A register that does not accept online subscriptions refuses them."""
        with self.assertRaises(UserError):
            self.reg_b._subscribe_online(self.values(class_id=str(self.class_b.id)))

    def test_invalid_iban_refused(self):
        """The subscriber's invalid IBAN is refused."""
        with self.assertRaises(ValidationError):
            self.reg_a._subscribe_online(self.values(iban="BE71096123456768"))

    def test_open_needs_bank_account(self):
        """Opening online subscription needs a web name and a valid bank account."""
        with self.assertRaises(ValidationError):
            self.reg_b.write({"subscription_open": True, "slug": "windcoop"})
        with self.assertRaises(ValidationError):
            self.reg_b.write({"bank_iban": "BE00123"})
        with self.assertRaises(ValidationError):
            self.reg_b.write({"slug": "Wind Coop!"})


def fields_today(case):
    from odoo import fields
    return fields.Date.context_today(case.env["coop.share.entry"])


@at_install(False)
@post_install(True)
class TestSubscriptionHttp(SharedCursorMixin, HttpCase):
    """The public form through HTTP: honeypot, rate limit, limits, success page."""

    def setUp(self):
        super().setUp()
        env = self.env(context={"tracking_disable": True})
        partner = env["res.partner"].create({"name": "Zonnecoop", "is_company": True,
                                             "email": "info@zonnecoop.example.org"})
        self.register = env["coop.share.register"].create({
            "name": "Zonnecoop", "partner_id": partner.id, "max_shares": 10,
            "company_number": company_number("07654329"), "slug": "zonnecoop-http",
            "subscription_open": True, "bank_iban": IBAN_COOP,
            "articles_url": "https://example.org/statuten.pdf"})
        self.share_class = env["coop.share.class"].create({
            "register_id": self.register.id, "code": "A", "name": "Aandelen A",
            "nominal_value": 250})
        env["coop.share.register"].create({
            "name": "Gesloten coop", "partner_id": partner.id, "slug": "gesloten-coop",
            "company_number": company_number("07654330"), "subscription_open": False,
            "bank_iban": IBAN_COOP})
        self.url = "/aandelen/zonnecoop-http/intekenen"
        # anonymous HttpCase requests of this harness do not see the test cursor's data:
        # the visitor is a portal user without any shareholding
        new_user(env, "sub_visitor", ["base.group_portal"], password="sub_visitor")
        self.authenticate("sub_visitor", "sub_visitor")

    def form(self, **kw):
        page = self.url_open(self.url).text
        data = {"csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', page).group(1),
                "website_url": "", "holder_type": "person", "name": "Claes",
                "firstname": "Dirk", "street": "Markt 1", "zip": "9000", "city": "Gent",
                "email": "dirk@example.org", "class_id": str(self.share_class.id),
                "quantity": "4", "accept_documents": "1"}
        data.update(kw)
        return {k: v for k, v in data.items() if v is not None}

    def entries(self):
        return self.env["coop.share.entry"].search([("register_id", "=", self.register.id)])

    def test_subscribe(self):
        """A valid subscription shows the payment request with the OGM."""
        page = self.url_open(self.url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("statuten.pdf", page.text)
        response = self.url_open(self.url, data=self.form())
        self.assertEqual(response.status_code, 200)
        entry = self.entries()
        self.assertEqual((entry.state, entry.quantity), ("draft", 4))
        self.assertIn(entry.payment_reference, response.text)
        self.assertIn(IBAN_COOP, response.text)

    @mute_logger("odoo.addons.coop_share_register.controllers.subscription")
    def test_honeypot(self):
        """A filled or missing honeypot field: refused, nothing written."""
        response = self.url_open(self.url, data=self.form(website_url="http://spam"))
        self.assertEqual(response.status_code, 400)
        response = self.url_open(self.url, data=self.form(website_url=None))
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self.entries())

    def test_above_maximum(self):
        """Above the register's maximum: the form says so, nothing written."""
        response = self.url_open(self.url, data=self.form(quantity="11"))
        self.assertEqual(response.status_code, 400)
        self.assertIn("o_coop_share_error", response.text)
        self.assertFalse(self.entries())
        self.assertFalse(self.env["coop.shareholder"].search(
            [("register_id", "=", self.register.id)]))

    def test_documents_must_be_accepted(self):
        """Without accepting the documents: refused."""
        response = self.url_open(self.url, data=self.form(accept_documents=None))
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self.entries())

    def test_rate_limit(self):
        """More posts than the limit from one client within the window: 429."""
        limit = self.env["coop.share.subscription.throttle"]._limit()[0]
        for i in range(limit):
            response = self.url_open(self.url, data=self.form(
                email="p%s@example.org" % i, quantity="1"))
            self.assertEqual(response.status_code, 200)
        response = self.url_open(self.url, data=self.form(email="late@example.org"))
        self.assertEqual(response.status_code, 429)
        self.assertEqual(len(self.entries()), limit)
        # the client address is not stored in clear
        hashes = self.env["coop.share.subscription.throttle"].search([]).mapped("client_hash")
        self.assertNotIn("127.0.0.1", hashes)

    def test_unknown_register(self):
        """An unknown web name: 404."""
        self.assertEqual(self.url_open("/aandelen/bestaat-niet/intekenen").status_code, 404)

    def test_closed_register(self):
        """A register closed for online subscription: 404."""
        self.assertEqual(self.url_open("/aandelen/gesloten-coop/intekenen").status_code, 404)

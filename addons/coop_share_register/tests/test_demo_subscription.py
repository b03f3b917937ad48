# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo database has a public share subscription, reachable from /dar (issue 25.2)."""
import re

from lxml import html as lxml_html

from odoo.addons.coop_website.tests.common import CoopHttpCase, page_text


class TestDemoSubscription(CoopHttpCase):

    def setUp(self):
        super().setUp()
        self.register = self.env.ref("coop_share_register.register_ecopower_demo",
                                     raise_if_not_found=False)
        if not self.register:
            self.skipTest("the database has no demo data")

    def subscription_links(self):
        response = self.url_open("/dar")
        self.assertEqual(response.status_code, 200)
        doc = lxml_html.fromstring(response.content)
        return [href for href in doc.xpath("//a/@href")
                if re.match(r"^/aandelen/[a-z0-9-]+/intekenen$", href)]

    def test_dar_links_to_open_subscription(self):
        """/dar links to the subscription form of every demo register that is open for it,
        and to no other."""
        self.assertTrue(self.register.subscription_open)
        open_registers = self.env["coop.share.register"].search(
            [("subscription_open", "=", True)])
        self.assertEqual(set(self.subscription_links()),
                         {"/aandelen/%s/intekenen" % r.slug for r in open_registers})
        self.assertIn("/aandelen/ecopower/intekenen", self.subscription_links())

    def test_subscription_page_in_dutch_with_form(self):
        """The linked page answers 200 in Dutch with the subscription form and the
        register's open share class."""
        url = self.subscription_links()[0]
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn('lang="nl-BE"', response.text)
        text = page_text(response.content)
        self.assertIn("Word aandeelhouder van Ecopower", text)
        self.assertIn("Intekenen op aandelen", response.text)  # the tab's title
        doc = lxml_html.fromstring(response.content)
        form = doc.xpath("//form[contains(@class, 'o_coop_share_subscription_form')]")
        self.assertEqual(len(form), 1)
        self.assertEqual(form[0].get("action"), url)
        classes = doc.xpath("//select[@name='class_id']/option/@value")
        self.assertEqual(classes, [str(c.id) for c in self.register.class_ids])

    def test_visitor_subscription_creates_pending_entry(self):
        """A visitor who submits the form gets a candidate holder and a draft
        subscription with its structured communication; the register's confirmed
        entries stay as they were."""
        url = "/aandelen/ecopower/intekenen"
        page = self.url_open(url).text
        confirmed = self.env["coop.share.entry"].search_count(
            [("register_id", "=", self.register.id), ("state", "=", "confirmed")])
        data = {
            "csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', page).group(1),
            "website_url": "", "holder_type": "person", "name": "Verbiest",
            "firstname": "Hanne", "street": "Lindelei 4", "zip": "2500", "city": "Lier",
            "email": "hanne.verbiest@example.org", "class_id": str(self.register.class_ids[0].id),
            "quantity": "3", "accept_documents": "1"}
        response = self.url_open(url, data=data)
        self.assertEqual(response.status_code, 200)
        entry = self.env["coop.share.entry"].search([
            ("register_id", "=", self.register.id),
            ("holder_to_id.email", "=", "hanne.verbiest@example.org")])
        self.assertEqual((entry.state, entry.quantity, entry.online), ("draft", 3, True))
        self.assertEqual(entry.holder_to_id.state, "candidate")
        self.assertIn(entry.payment_reference, response.text)
        self.assertIn("Bedankt voor je inschrijving", page_text(response.content))
        self.assertEqual(self.env["coop.share.entry"].search_count(
            [("register_id", "=", self.register.id), ("state", "=", "confirmed")]), confirmed)

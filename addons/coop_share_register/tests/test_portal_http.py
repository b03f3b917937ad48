# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from lxml import html as lxml_html

from odoo.tests.common import HttpCase, at_install, post_install
from odoo.tools import mute_logger

from odoo.addons.coop_website.tests.common import SharedCursorMixin, new_user

from .common import company_number


class PortalHttpMixin(SharedCursorMixin):
    """Two cooperatives; Ann holds shares in X and Y, Bob holds shares in X."""

    def setUp(self):
        super().setUp()
        env = self.env(context={"tracking_disable": True})
        env.ref("base.lang_en").write({"active": True})
        partner = env["res.partner"].create({"name": "Coop X", "is_company": True})
        self.reg_x = env["coop.share.register"].create({
            "name": "Zonnecoop X", "partner_id": partner.id,
            "company_number": company_number("07654321")})
        self.reg_y = env["coop.share.register"].create({
            "name": "Windcoop Y", "partner_id": partner.id,
            "company_number": company_number("07654322")})
        cls_x = env["coop.share.class"].create({
            "register_id": self.reg_x.id, "code": "A", "name": "Gewone aandelen",
            "nominal_value": 250})
        cls_y = env["coop.share.class"].create({
            "register_id": self.reg_y.id, "code": "B", "name": "Burgeraandelen",
            "nominal_value": 100})
        self.ann_user = new_user(env, "portal_http_ann", ["base.group_portal"],
                                 password="portal_http_ann", lang="en_US")
        self.bob_user = new_user(env, "portal_http_bob", ["base.group_portal"],
                                 password="portal_http_bob", lang="en_US")
        Holder = env["coop.shareholder"]
        self.ann_x = Holder.create({"register_id": self.reg_x.id, "name": "Peeters",
                                    "firstname": "Ann", "street": "Kerkstraat 1",
                                    "partner_id": self.ann_user.partner_id.id})
        self.ann_y = Holder.create({"register_id": self.reg_y.id, "name": "Peeters",
                                    "firstname": "Ann", "partner_id": self.ann_user.partner_id.id})
        self.bob_x = Holder.create({"register_id": self.reg_x.id, "name": "Geheimhouder",
                                    "firstname": "Bob", "partner_id": self.bob_user.partner_id.id})
        Entry = env["coop.share.entry"]
        sub = Entry.create({"register_id": self.reg_x.id, "entry_type": "subscription",
                            "class_id": cls_x.id, "quantity": 4, "date": "2024-01-10",
                            "holder_to_id": self.ann_x.id})
        sub.action_confirm()
        env["coop.share.payment"].create({"entry_id": sub.id, "amount": 600,
                                          "date": "2024-02-01"})
        Entry.create({"register_id": self.reg_y.id, "entry_type": "subscription",
                      "class_id": cls_y.id, "quantity": 3, "date": "2024-01-10",
                      "holder_to_id": self.ann_y.id}).action_confirm()
        Entry.create({"register_id": self.reg_x.id, "entry_type": "subscription",
                      "class_id": cls_x.id, "quantity": 7, "date": "2024-01-11",
                      "holder_to_id": self.bob_x.id}).action_confirm()

    def csrf(self, url):
        page = self.url_open(url).text
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


@at_install(False)
@post_install(True)
class TestPortalHttp(PortalHttpMixin, HttpCase):
    """The shareholder portal through HTTP, and crafted URLs to other holders."""

    def test_my_shares_page(self):
        """/my/aandelen shows both cooperatives with holdings, value, paid and unpaid."""
        self.authenticate("portal_http_ann", "portal_http_ann")
        page = self.url_open("/my/aandelen")
        self.assertEqual(page.status_code, 200)
        html = page.text
        self.assertIn("Zonnecoop X", html)
        self.assertIn("Windcoop Y", html)
        self.assertIn("Gewone aandelen", html)
        self.assertIn("1.000,00", html)   # value of 4 x 250 (the website speaks Dutch)
        self.assertIn("600,00", html)     # paid
        self.assertIn("400,00", html)     # unpaid
        self.assertIn("R/000001", html)   # entry number
        self.assertNotIn("Geheimhouder", html)
        home = self.url_open("/my/home").text
        self.assertIn("/my/aandelen", home)

    def _home_tiles(self):
        """{title: badge} of the tiles on /my/home."""
        doc = lxml_html.fromstring(self.url_open("/my/home").content)
        return {li.xpath("string(./a)").strip(): li.xpath("string(./span[@class='badge'])").strip()
                for li in doc.xpath("//li[contains(@class, 'o_coop_tile')]")}

    def test_home_tile_per_cooperative(self):
        """/my/home shows one tile per cooperative the user holds shares in, with the number
        of shares held there; never another holder's."""
        self.authenticate("portal_http_ann", "portal_http_ann")
        tiles = self._home_tiles()
        self.assertEqual(tiles.get("Zonnecoop X"), "4", tiles)
        self.assertEqual(tiles.get("Windcoop Y"), "3", tiles)
        self.authenticate("portal_http_bob", "portal_http_bob")
        tiles = self._home_tiles()
        self.assertEqual(tiles.get("Zonnecoop X"), "7", tiles)
        self.assertNotIn("Windcoop Y", tiles)

    def test_certificate_and_statement(self):
        """The holder downloads his certificate and yearly statement."""
        self.authenticate("portal_http_ann", "portal_http_ann")
        cert = self.url_open("/my/aandelen/%s/certificaat" % self.ann_x.id, timeout=120)
        self.assertEqual(cert.status_code, 200)
        self.assertIn("Peeters", cert.text)
        statement = self.url_open("/my/aandelen/%s/jaaroverzicht/2024" % self.ann_x.id,
                                  timeout=120)
        self.assertEqual(statement.status_code, 200)
        self.assertIn("2024", statement.text)
        self.assertIn("600,00", statement.text)  # Belgian Dutch amounts (issue 25.11)

    @mute_logger("odoo.http", "odoo.addons.base.ir.ir_rule", "odoo.models")
    def test_crafted_urls_refused(self):
        """Another holder's certificate, statement, details form or report URL: refused."""
        self.authenticate("portal_http_ann", "portal_http_ann")
        for url in ("/my/aandelen/%s/certificaat" % self.bob_x.id,
                    "/my/aandelen/%s/jaaroverzicht/2024" % self.bob_x.id,
                    "/my/aandelen/%s/gegevens" % self.bob_x.id,
                    "/my/aandelen/999999/certificaat"):
            response = self.url_open(url, timeout=60)
            self.assertEqual(response.status_code, 404, url)
            self.assertNotIn("Geheimhouder", response.text)
        response = self.url_open(
            "/report/html/coop_share_register.report_shareholder_certificate/%s"
            % self.bob_x.id, timeout=120)
        self.assertNotIn("Geheimhouder", response.text)
        # a POST to another holder's details changes nothing
        token = self.csrf("/my/aandelen/%s/gegevens" % self.ann_x.id)
        response = self.url_open("/my/aandelen/%s/gegevens" % self.bob_x.id, data={
            "csrf_token": token, "street": "Hacked 1"})
        self.assertEqual(response.status_code, 404)
        self.bob_x.invalidate_cache()
        self.assertNotEqual(self.bob_x.street, "Hacked 1")

    def test_anonymous_redirected(self):
        """Without login /my/aandelen asks to log in."""
        response = self.url_open("/my/aandelen")
        self.assertIn("/web/login", response.url)

    def test_update_details(self):
        """The holder changes address and IBAN; an invalid IBAN is refused on the form."""
        self.authenticate("portal_http_ann", "portal_http_ann")
        url = "/my/aandelen/%s/gegevens" % self.ann_x.id
        token = self.csrf(url)
        response = self.url_open(url, data={
            "csrf_token": token, "street": "Veldstraat 9", "zip": "9000", "city": "Gent",
            "email": "ann@example.org", "phone": "", "iban": "BE68539007547035"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_coop_share_error", response.text)
        self.assertIn("BE68539007547035", response.text)
        self.ann_x.invalidate_cache()
        self.assertEqual(self.ann_x.street, "Kerkstraat 1")
        response = self.url_open(url, data={
            "csrf_token": token, "street": "Veldstraat 9", "zip": "9000", "city": "Gent",
            "email": "ann@example.org", "phone": "", "iban": "BE68 5390 0754 7034"})
        self.assertIn("o_coop_share_saved", response.text)
        self.ann_x.invalidate_cache()
        self.assertEqual((self.ann_x.street, self.ann_x.iban),
                         ("Veldstraat 9", "BE68539007547034"))
        self.assertTrue(self.ann_x.message_ids.filtered(
            lambda m: m.author_id == self.ann_user.partner_id))

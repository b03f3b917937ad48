# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo's public website shows Coopkracht's own events and no Odoo sample record
(issue 25.1). These tests read the demo data on purpose: they check what a visitor of a
freshly made demo database sees."""
import os
from datetime import datetime

from lxml import etree, html as lxml_html

from odoo import fields
from odoo.modules.module import get_module_path, load_information_from_description_file

from odoo.addons.coop_website.tests.common import CoopHttpCase, page_text

UPCOMING = ("coop_events.webinar_from_vzw_demo", "coop_events.soiree_leuven_demo",
            "coop_events.workshop_assembly_demo", "coop_events.webinar_register_practice_demo")
# Odoo's modules whose demo XML holds the sample records, and the models they show
SAMPLE_MODULES = ("base", "product", "event", "website_event", "event_sale", "website_sale")
SAMPLE_MODELS = ("res.partner", "event.event", "product.template", "product.product")
# names in that XML that are ordinary words, not the mark of a sample record
NOT_DISTINCTIVE = {"Repair", "Server", "Cleaning", "Deposit"}
PUBLIC_PATHS = ("/", "/event", "/events", "/event?date=old", "/vacatures", "/leden", "/dar",
                "/over-ons", "/contactus", "/lid-worden", "/shop")
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def odoo_sample_names(env):
    """The names (and partners' cities) of the records in the demo XML of Odoo's own
    modules, as written there and as the database holds them in Dutch; not the names
    Coopkracht gave to Odoo's own company and users."""
    kept = env["res.company"].search([]).mapped("partner_id") | \
        env["res.users"].with_context(active_test=False).search([]).mapped("partner_id")
    names = {"YourCompany", "My Company"}
    for module in SAMPLE_MODULES:
        path = get_module_path(module)
        for filename in load_information_from_description_file(module).get("demo", []):
            if not filename.endswith(".xml"):
                continue
            for record in etree.parse(os.path.join(path, filename)).iter("record"):
                if record.get("model") not in SAMPLE_MODELS:
                    continue
                for field in record.iterfind("field"):
                    if field.get("name") in ("name", "city") and (field.text or "").strip():
                        names.add(field.text.strip())
                xmlid = record.get("id")
                found = env.ref(xmlid if "." in xmlid else "%s.%s" % (module, xmlid),
                                raise_if_not_found=False)
                if not found or found._name == "res.users" or (
                        found._name == "res.partner" and found in kept):
                    continue
                names.add(found.with_context(lang="nl_BE").name)
    return sorted(name for name in names if name and name not in NOT_DISTINCTIVE)


class TestDemoWebsite(CoopHttpCase):

    def get(self, path):
        response = self.url_open(path)
        self.assertEqual(response.status_code, 200, path)
        return response.text

    def test_event_list_shows_coop_upcoming_events(self):
        """/event (and /events) list the demo's four coming Coopkracht events (a Soirée,
        two webinars, a workshop), all in the future, and no Odoo sample event."""
        upcoming = [self.env.ref(xmlid) for xmlid in UPCOMING]
        self.assertEqual(sorted(e.coop_kind for e in upcoming),
                         ["soiree", "webinar", "webinar", "workshop"])
        now = datetime.utcnow()
        for event in upcoming:
            self.assertGreater(fields.Datetime.from_string(event.date_begin), now, event.name)
            self.assertTrue(event.website_published)
        samples = [name for name in self.env["event.event"].with_context(lang="nl_BE").search(
            [("id", "in", [self.env.ref("event.event_%d" % n).id for n in range(4)])]
        ).mapped("name")]
        self.assertIn("Open dagen in Los Angeles", samples)
        for path in ("/event", "/events"):
            doc = lxml_html.fromstring(self.get(path))
            listed = [" ".join(h.text_content().split())
                      for h in doc.xpath("//ul[contains(@class, 'media-list')]//h4")]
            for event in upcoming:
                self.assertTrue([h for h in listed if event.name in h], (path, event.name))
            for name in samples:
                self.assertFalse([h for h in listed if name in h], (path, name))

    def test_upcoming_event_pages_described_and_open(self):
        """Each coming demo event's page has a description in its main column and its
        registration form; the Soirée gives its address, the webinars say they are
        online."""
        for xmlid in UPCOMING:
            event = self.env.ref(xmlid)
            doc = lxml_html.fromstring(self.get("/event/%d/register" % event.id))
            description = doc.xpath("string(//div[@itemprop='description'])").strip()
            self.assertGreater(len(description), 100, event.name)
            self.assertTrue(doc.xpath("//form[@id='registration_form']"), event.name)
            if event.coop_kind == "webinar":
                self.assertTrue(event.is_online and event.coop_online_url)
            else:
                self.assertTrue(event.address_id.city)
                self.assertIn(event.address_id.city, page_text(etree.tostring(doc)))

    def test_past_demo_events(self):
        """The 2021 events are past: no registration form; the webinar links its
        recording, the Soirée Antwerpen shows its evaluation and a description."""
        webinar = self.env.ref("coop_events.webinar_crowdfunding_demo")
        doc = lxml_html.fromstring(self.get("/event/%d/register" % webinar.id))
        self.assertFalse(doc.xpath("//form[@id='registration_form']"))
        self.assertTrue(doc.xpath("//a[contains(@class, 'coop-recording-link')]"))
        soiree = self.env.ref("coop_events.soiree_antwerpen_demo")
        page = self.get("/event/%d/register" % soiree.id)
        doc = lxml_html.fromstring(page)
        self.assertFalse(doc.xpath("//form[@id='registration_form']"))
        self.assertNotIn("Registreer nu", page)
        self.assertTrue(doc.xpath("string(//div[@itemprop='description'])").strip())
        self.assertEqual(
            doc.xpath("string(//dd[contains(@class, 'coop-eval-count')])"), str(soiree.coop_eval_count))
        self.assertGreater(soiree.coop_eval_count, 0)

    def test_odoo_samples_kept_but_unpublished(self):
        """Odoo's sample events, products and partners still exist (Odoo's own tests
        name them) but none is published."""
        for xmlid in ("event.event_0", "event.event_1", "event.event_2", "event.event_3",
                      "product.product_product_4_product_template", "base.res_partner_2"):
            record = self.env.ref(xmlid)
            self.assertTrue(record.exists(), xmlid)
            self.assertFalse(record.website_published, xmlid)
        self.assertTrue(self.env.ref("base.main_partner").website_published)

    def _sitemap_paths(self, path="/sitemap.xml", depth=0):
        response = self.url_open(path)
        self.assertEqual(response.status_code, 200, path)
        root = etree.fromstring(response.content)
        paths = []
        for loc in root.xpath("//s:loc/text()", namespaces=SITEMAP_NS):
            local = "/" + loc.split("/", 3)[3] if loc.count("/") >= 3 else "/"
            if root.tag.endswith("sitemapindex") and depth < 2:
                paths += self._sitemap_paths(local, depth + 1)
            else:
                paths.append(local)
        return paths

    def test_no_odoo_sample_on_public_pages(self):
        """No public page (the main pages, /shop when it answers, every page of the
        sitemap) shows the name of a record of Odoo's own demo XML ("Agrolait",
        "YourCompany", "Open dagen in Los Angeles", "Fremont", "iPad Mini", ...)."""
        names = odoo_sample_names(self.env)
        for expected in ("Agrolait", "YourCompany", "Open dagen in Los Angeles", "Fremont",
                         "iPad Mini", "Los Angeles"):
            self.assertTrue([n for n in names if expected in n], expected)
        # the scan sees a sample record that is published
        sample = self.env.ref("event.event_0")
        sample.website_published = True
        text = page_text(self.get("/event/%d/register" % sample.id))
        self.assertTrue([name for name in names if name in text])
        sample.website_published = False
        sitemap = self._sitemap_paths()
        self.assertIn("/event", " ".join(sitemap))
        found = {}
        for path in sorted(set(PUBLIC_PATHS) | set(sitemap[:150])):
            response = self.url_open(path)
            if path not in PUBLIC_PATHS or path == "/shop":
                # (Odoo's sitemap also names routes that need a token, e.g. mass_mailing's
                # /unsubscribe_from_list: only what answers is a page to read)
                if response.status_code != 200:
                    continue
            self.assertEqual(response.status_code, 200, path)
            if "html" not in response.headers.get("Content-Type", ""):
                continue
            text = page_text(response.content)
            shown = [name for name in names if name in text]
            if shown:
                found[path] = shown
        self.assertFalse(found, "Odoo sample records on public pages: %s" % found)

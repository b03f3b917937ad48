# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Articles and events on the site through HTTP: their sharing tags (OpenGraph, Twitter
card), an unpublished article, the visit counter's section, the menu."""
from urllib.parse import parse_qs, urlsplit

from lxml import html as lxml_html

from odoo.addons.coop_website.tests.common import (PLACEHOLDER_TEXTS, CoopHttpCase, page_text,
                                                   sharing_tags)

from .common import EventFactoryMixin

BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"
OG_KEYS = {"og:type", "og:title", "og:description", "og:image", "og:url", "og:site_name",
           "og:locale", "twitter:card", "twitter:title", "twitter:description", "twitter:image"}


class TestSharingHttp(EventFactoryMixin, CoopHttpCase):

    share_class_env = True

    def setUp(self):
        super().setUp()
        self.opener.headers["User-Agent"] = BROWSER_UA
        self.base = self.env["ir.config_parameter"].get_param("web.base.url").rstrip("/")
        self.blog = self.env.ref("coop_events.blog_articles")
        long_text = "Een avond vol één-op-één gesprekken over coöperatief ondernemen. " * 6
        self.post = self.env["blog.post"].create({
            "blog_id": self.blog.id, "name": "Soirée in Gent: dertig deelnemers",
            "website_published": True,
            "cover_properties": '{"background-image": "url(/coop_events/static/src/img/article_soirees.jpg)"}',
            "content": "<p><b>%s</b></p><script>alert(1)</script>" % long_text})
        self.draft = self.env["blog.post"].create({
            "blog_id": self.blog.id, "name": "Geheim concept", "website_published": False,
            "content": "<p>Nog niet klaar.</p>"})
        self.event = self.make_event("Steun- en financieringsmaatregelen", website_published=True,
                                     description="<p>Een overzicht van de <i>steunmaatregelen</i>.</p>")

    def get(self, url, status=200):
        response = self.url_open(url)
        self.assertEqual(response.status_code, status, url)
        return response

    def assert_tags(self, tags, expected):
        self.assertEqual(set(tags), OG_KEYS)
        for key, values in tags.items():
            self.assertEqual(len(values), 1, "%s is there %d times" % (key, len(values)))
        for key, value in expected.items():
            self.assertEqual(tags[key], [value], key)
        for key in ("og:site_name",):
            self.assertTrue(tags[key][0])
        self.assertEqual(tags["og:locale"], ["nl_BE"])
        self.assertEqual(tags["twitter:card"], ["summary_large_image"])
        self.assertEqual(tags["twitter:title"], tags["og:title"])
        self.assertEqual(tags["twitter:description"], tags["og:description"])
        description = tags["og:description"][0]
        self.assertLessEqual(len(description), 200)
        self.assertNotIn("<", description)
        self.assertTrue(tags["og:image"][0].startswith(self.base + "/"))
        # the image is really there for LinkedIn to fetch
        self.assertEqual(self.get(tags["og:image"][0][len(self.base):]).status_code, 200)

    def test_article_tags(self):
        """A published article's head has each sharing tag once: its title, its text
        without HTML (at most 200 characters), its cover, its absolute address, article."""
        response = self.get(self.post.website_url)
        tags = sharing_tags(response.text)
        self.assert_tags(tags, {
            "og:type": "article",
            "og:title": "Soirée in Gent: dertig deelnemers",
            "og:image": self.base + "/coop_events/static/src/img/article_soirees.jpg",
            # the page is in Dutch: the address with its Dutch slug
            "og:url": self.base + self.post.with_context(lang="nl_BE").website_url,
        })
        self.assertTrue(tags["og:description"][0].startswith(
            "Een avond vol één-op-één gesprekken over coöperatief ondernemen. Een avond"))
        self.assertTrue(tags["og:description"][0].endswith("\u2026"))
        self.assertNotIn("alert", tags["og:description"][0])

    def test_event_tags(self):
        """An event page's head has each sharing tag once, with the default image."""
        response = self.get("/event/%d/register" % self.event.id)
        tags = sharing_tags(response.text)
        self.assert_tags(tags, {
            "og:type": "website",
            "og:title": "Steun- en financieringsmaatregelen",
            "og:description": "Een overzicht van de steunmaatregelen.",
            "og:image": self.base + "/coop_website/static/src/img/coopkracht_share.png",
            "og:url": self.base + self.event.with_context(lang="nl_BE").website_url,
        })

    def test_unpublished_article_not_found(self):
        """An article that is not published is 404 for a visitor, without its tags or text."""
        response = self.get(self.draft.website_url, status=404)
        self.assertNotIn("Geheim concept", response.text)
        tags = sharing_tags(response.text)
        self.assertFalse([v for v in tags.get("og:title", []) if "Geheim" in (v or "")])
        self.assertNotIn("og:type", tags)

    def test_article_counted_as_articles(self):
        """An article's page carries the visit beacon, counted in the section articles,
        for that post."""
        response = self.get(self.post.website_url)
        doc = lxml_html.fromstring(response.text)
        url = doc.xpath("//script[@id='coop_visit_beacon']/@data-url")[0]
        query = parse_qs(urlsplit(url).query)
        self.assertEqual(query["s"], ["articles"])
        self.assertEqual(query["m"], ["blog.post"])
        self.assertEqual(query["i"], [str(self.post.id)])

    def test_menu_entry_artikels(self):
        """The site's main menu links the articles as "Artikels", and not Odoo's blog."""
        response = self.get("/")
        menu = response.text[response.text.index('id="top_menu"'):]
        menu = menu[:menu.index("</ul>")]
        self.assertRegex(menu, r'href="/blog/%d"[^>]*>\s*(<span>)?Artikels' % self.blog.id)
        self.assertNotRegex(menu, r">\s*(<span>)?Blog\s*<")

    def test_article_pages_without_placeholders(self):
        """The articles' list and an article's page show no English placeholder of Odoo,
        and the list shows the published article but not the draft."""
        for url in ("/blog/%d" % self.blog.id, self.post.website_url):
            response = self.get(url)
            text = page_text(response.content)
            found = [p for p in PLACEHOLDER_TEXTS if p in text]
            self.assertFalse(found, "%s shows %s" % (url, found))
            self.assertIn("Soirée in Gent: dertig deelnemers", text)
            self.assertNotIn("Geheim concept", text)

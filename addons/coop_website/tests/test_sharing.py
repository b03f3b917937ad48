# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The sharing tags (OpenGraph, Twitter card) built from a page's dict."""
from odoo.tests.common import SavepointCase

from ..tools.sharing import absolute_url, plain_text


class TestSharingText(SavepointCase):

    def test_plain_text_strips_html_and_scripts(self):
        """The description is the text of the HTML: no tags, no script, one space."""
        text = plain_text("<p>Een <b>Soirée</b>\n in   Gent</p><script>alert(1)</script>"
                          "<style>p{color:red}</style>&amp; Antwerpen")
        self.assertEqual(text, "Een Soirée in Gent& Antwerpen")

    def test_plain_text_is_cut_at_a_word(self):
        """A long text is cut to at most 200 characters, at a word, with an ellipsis."""
        text = plain_text("<p>%s</p>" % ("coöperatie " * 60))
        self.assertLessEqual(len(text), 200)
        self.assertTrue(text.endswith("coöperatie\u2026"), text)

    def test_plain_text_of_nothing(self):
        """No description gives an empty text, not an error."""
        self.assertEqual(plain_text(False), "")
        self.assertEqual(plain_text("<p> </p>"), "")

    def test_absolute_url_is_canonical(self):
        """The page's address is absolute on the site's root, without query or fragment."""
        self.assertEqual(absolute_url("https://coopkracht.be/", "/blog/artikels-1/post/x-2?a=1#c"),
                         "https://coopkracht.be/blog/artikels-1/post/x-2")
        self.assertEqual(absolute_url("https://coopkracht.be", "https://elders.example/x"),
                         "https://elders.example/x")


class TestSharingTags(SavepointCase):

    def setUp(self):
        super().setUp()
        self.env["ir.config_parameter"].set_param("web.base.url", "https://coopkracht.example")
        self.website = self.env.ref("website.default_website")

    def tags(self, values):
        result = {}
        for _attribute, name, content in self.website.coop_sharing_tags(values):
            result.setdefault(name, []).append(content)
        return result

    def test_every_tag_once_with_its_value(self):
        """Each OpenGraph and Twitter tag is there once, from the page's dict, absolute."""
        tags = self.tags({"title": "MeMO-gids", "description": "<p>6078 <i>bedrijven</i></p>",
                          "image": "/coop_events/static/src/img/article_memo.jpg",
                          "path": "/blog/artikels-3/post/memo-gids-7", "type": "article"})
        base = "https://coopkracht.example"
        self.assertEqual(tags, {
            "og:type": ["article"], "og:title": ["MeMO-gids"],
            "og:description": ["6078 bedrijven"],
            "og:image": [base + "/coop_events/static/src/img/article_memo.jpg"],
            "og:url": [base + "/blog/artikels-3/post/memo-gids-7"],
            "og:site_name": [self.website.name], "og:locale": ["nl_BE"],
            "twitter:card": ["summary_large_image"], "twitter:title": ["MeMO-gids"],
            "twitter:description": ["6078 bedrijven"],
            "twitter:image": [base + "/coop_events/static/src/img/article_memo.jpg"],
        })

    def test_defaults(self):
        """Without an image the page shares Coopkracht's image; an unknown type is a
        website; without a description the title stands in."""
        tags = self.tags({"title": "Vacatures", "path": "/vacatures", "type": "other"})
        self.assertEqual(tags["og:image"],
                         ["https://coopkracht.example/coop_website/static/src/img/coopkracht_share.png"])
        self.assertEqual(tags["og:type"], ["website"])
        self.assertEqual(tags["og:description"], ["Vacatures"])

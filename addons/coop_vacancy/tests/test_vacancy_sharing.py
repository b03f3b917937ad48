# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A vacancy's page carries the sharing tags (OpenGraph, Twitter card), through HTTP."""
from odoo.addons.coop_website.tests.common import CoopHttpCase, sharing_tags

from .common import make_org, make_vacancy, set_params

BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"


class TestVacancySharing(CoopHttpCase):

    def setUp(self):
        super().setUp()
        self.opener.headers["User-Agent"] = BROWSER_UA
        self.base = self.env["ir.config_parameter"].get_param("web.base.url").rstrip("/")
        set_params(self.env, review_members=0, expiry_days=60, nonmember_price=0)
        org = make_org(self.env, "Ecopower Deelbaar")
        self.vacancy = make_vacancy(
            self.env, org, name="Energiecoach Antwerpen", city="Antwerpen", province="antwerpen",
            description="<p>Je <b>begeleidt</b> burgers bij hun <i>renovatie</i>.</p>")
        self.vacancy.action_submit()
        self.assertEqual(self.vacancy.state, "published")

    def test_vacancy_tags(self):
        """The vacancy page's head has each sharing tag once: its title, its organisation
        and text without HTML, the default image and its absolute address."""
        response = self.url_open(self.vacancy.website_url)
        self.assertEqual(response.status_code, 200)
        tags = sharing_tags(response.text)
        image = self.base + "/coop_website/static/src/img/coopkracht_share.png"
        description = "Ecopower Deelbaar, Antwerpen \u2013 Je begeleidt burgers bij hun renovatie."
        expected = {
            "og:type": "website", "og:title": "Energiecoach Antwerpen",
            "og:description": description, "og:image": image,
            "og:url": self.base + self.vacancy.website_url, "og:locale": "nl_BE",
            "og:site_name": self.env.ref("website.default_website").name,
            "twitter:card": "summary_large_image", "twitter:title": "Energiecoach Antwerpen",
            "twitter:description": description, "twitter:image": image,
        }
        self.assertEqual(tags, {key: [value] for key, value in expected.items()})

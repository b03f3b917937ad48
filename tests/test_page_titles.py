# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Browser-tab titles are Dutch on every public page and every portal page of the coop
addons (they came from English template names)."""
import re

from odoo.tests.common import at_install, post_install

from odoo.addons.coop_website.tests.common import ENGLISH_TITLE as ENGLISH, CoopHttpCase, new_user

TITLE_RE = re.compile(r"<title>(.*?)</title>", re.S)
PUBLIC = ("/", "/lid-worden", "/leden", "/vacatures", "/kompas", "/event", "/dar",
          "/over-ons", "/contactus")
PORTAL = ("/my/home", "/my/invoices", "/my/events", "/my/compass", "/my/vacatures", "/my/aandelen")


@at_install(False)
@post_install(True)
class TestDutchPageTitles(CoopHttpCase):

    def _title(self, path):
        response = self.url_open(path)
        self.assertEqual(response.status_code, 200, path)
        match = TITLE_RE.search(response.text)
        self.assertTrue(match, "%s has no <title>" % path)
        return " ".join(match.group(1).split())

    def test_public_pages(self):
        titles = {path: self._title(path) for path in PUBLIC}
        english = {path: title for path, title in titles.items() if ENGLISH.search(title)}
        self.assertFalse(english, "English page titles: %s" % english)
        self.assertEqual(titles["/lid-worden"], "Lid worden | Coopkracht")

    def test_portal_pages(self):
        new_user(self.env, "title_portal", ["base.group_portal"], password="title_portal",
                 lang="nl_BE")
        self.authenticate("title_portal", "title_portal")
        titles = {path: self._title(path) for path in PORTAL}
        english = {path: title for path, title in titles.items() if ENGLISH.search(title)}
        self.assertFalse(english, "English page titles: %s" % english)

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The server answers the login page and the website home in Dutch, quickly."""
import re
import time

from odoo.tests.common import HttpCase, at_install, post_install


@at_install(False)
@post_install(True)
class TestPagesInDutch(HttpCase):

    def _get(self, path):
        t0 = time.time()
        response = self.url_open(path, timeout=30)
        return response, time.time() - t0

    def test_login_and_home_in_dutch_within_3s(self):
        """/web/login and / answer 200 with lang nl-BE in under 3 s each."""
        for path in ("/web/login", "/"):
            self._get(path)  # the first request of a worker thread loads the registry
            response, seconds = self._get(path)
            self.assertEqual(response.status_code, 200, path)
            self.assertRegex(response.text, r'<html[^>]* lang="nl-BE"', path)
            self.assertLess(seconds, 3.0, "%s took %.2f s" % (path, seconds))

    def test_login_page_texts_are_dutch(self):
        """The login form's labels are Dutch, not Odoo's English."""
        response, _seconds = self._get("/web/login")
        self.assertIn("Wachtwoord", response.text)
        self.assertFalse(re.search(r">\s*Password\s*<", response.text))

    def test_main_menu_lists_each_page_once(self):
        """Each page of the site is once in the main menu, with its Dutch label."""
        response, _seconds = self._get("/")
        menu = response.text[response.text.index('id="top_menu"'):]
        menu = menu[:menu.index("</ul>")]
        links = re.findall(r'<a[^>]+href="([^"#]+)"', menu)
        self.assertTrue(links)
        self.assertEqual(len(links), len(set(links)), "menu links: %s" % links)
        self.assertEqual(links.count("/vacatures"), 1)

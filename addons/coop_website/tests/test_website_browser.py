# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Coopkracht's public pages and /my in a real browser, on a desktop and a phone:
screenshots, no horizontal scrolling, and axe-core without serious violations."""
from .common import CoopBrowserCase, new_user

DESKTOP, PHONE = 1280, 390
# Pages of other addons that join the check as soon as they exist.
OPTIONAL_PAGES = ("/vacatures", "/kompas", "/lid-worden", "/leden")


class TestWebsiteInBrowser(CoopBrowserCase):

    def _public_pages(self):
        pages = ["/", "/contactus", "/dar"]
        for url in OPTIONAL_PAGES:
            if self.url_open(url, timeout=60).status_code == 200:
                pages.append(url)
        return pages

    def _check(self, url, width, name, axe=True):
        self.browser.set_width(width)
        self.browser.get(self.base_url + url)
        self.browser.wait_css("footer")
        self.browser.screenshot("coop-website-%s-%d" % (name, width))
        self.assertEqual(self.browser.horizontal_overflow(), 0,
                         "%s scrolls sideways at %d px" % (url, width))
        self.assertEqual([], self.browser.cut_off_texts("#wrapwrap"),
                         "%s cuts texts off at %d px" % (url, width))
        if axe:
            violations = self.browser.axe_violations()
            self.assertEqual(
                [], ["%s: %s (%s)" % (v["id"], v["description"],
                                       [n.get("target") for n in v.get("nodes", [])][:3])
                     for v in violations],
                "%s at %d px" % (url, width))

    def test_public_pages_desktop_and_phone(self):
        """Public pages fit a 1280 and a 390 px screen, cut no text off and pass axe-core."""
        for url in self._public_pages():
            name = url.strip("/").replace("/", "-") or "home"
            for width in (DESKTOP, PHONE):
                self._check(url, width, name)

    def test_home_shows_dutch_frame(self):
        """The home page shows the logo, the Dutch title, the services and the footer's
        contact lines on a phone."""
        self.browser.set_width(PHONE)
        self.browser.get(self.base_url + "/")
        title = self.browser.wait_css(".o_coop_hero h1")
        self.assertEqual(title.text.strip(), "Hét netwerk voor coöperaties in Vlaanderen")
        logo = self.browser.css("header .navbar-brand img")[0]
        self.assertEqual(logo.get_attribute("alt"), "Coopkracht vzw")
        self.assertGreaterEqual(len(self.browser.css(".o_coop_services > li")), 8)
        # the footer's e-mail address and phone number stand next to their icons
        misplaced = self.browser.driver.execute_script("""
            var out = [];
            document.querySelectorAll('.o_coop_footer li').forEach(function (li) {
                var icon = li.querySelector('i.fa'), link = li.querySelector('a');
                if (icon && link && Math.abs(icon.getBoundingClientRect().top
                                             - link.getBoundingClientRect().top) > 8) {
                    out.push(link.textContent);
                }
            });
            return out;""")
        self.assertEqual([], misplaced)

    def test_my_home_desktop_and_phone(self):
        """/my fits both screens for a logged-in portal user."""
        with self.server_env() as env:
            new_user(env, "portal_browser", ["base.group_portal"], name="Jan Portaal",
                     password="portal_browser")
        self.browser.login(self.base_url, "portal_browser", "portal_browser")
        self.browser.wait_css("footer", timeout=60)
        for width in (DESKTOP, PHONE):
            self._check("/my/home", width, "my", axe=True)
        self.assertIn("Welkom, Jan Portaal", self.browser.driver.page_source)

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import at_install, post_install

from .common import PLACEHOLDER_TEXTS, CoopHttpCase, new_user, page_text

PUBLIC_PAGES = ("/", "/dar", "/over-ons", "/contactus")
# Public pages of the other coop addons (and Odoo's event calendar), scanned too when
# their addon is installed.
OTHER_PUBLIC_PAGES = ("/lid-worden", "/kompas", "/vacatures", "/leden", "/event")


@at_install(False)
@post_install(True)
class TestPublicPages(CoopHttpCase):

    def _get(self, url):
        response = self.url_open(url, timeout=60)
        return response

    def test_pages_answer_in_dutch(self):
        """Home, DAR, about and contact pages answer 200 in Dutch."""
        expected = {
            "/": ["Hét netwerk voor coöperaties in Vlaanderen", "Onze diensten", "Lid worden",
                  "ICA-kompas", "Vacatures", "Activiteiten", "Digitaal Aandeelhoudersregister",
                  "Ledenlijst", "Nieuwsbrief", "Wat ons drijft", "Samenwerkend",
                  "Toekomstgericht", "Globaal perspectief", "Ongebonden"],
            "/dar": ["Digitaal Aandeelhoudersregister", "Voor welke coöperaties?", "Hoe stap je in?"],
            "/over-ons": ["Over Coopkracht", "Onze doelstellingen", "Een ledenorganisatie"],
            "/contactus": ["Posthoflei 3 bus 3", "Berchem", "info@coopkracht.be"],
        }
        for url, texts in expected.items():
            response = self._get(url)
            self.assertEqual(response.status_code, 200, url)
            self.assertIn('lang="nl-BE"', response.text, url)
            text = page_text(response.content)
            for wanted in texts:
                self.assertIn(wanted, text, "%s lacks %r" % (url, wanted))

    def test_home_links_every_service(self):
        """The home page links each service to its page."""
        html = self._get("/").text
        for url in ("/lid-worden", "/kompas", "/vacatures", "/event", "/dar", "/leden",
                    "#nieuwsbrief", "/contactus"):
            self.assertIn('href="%s"' % url, html, url)
        newsletter = self.env.ref("coop_website.mailing_list_newsletter")
        self.assertIn('data-list-id="%d"' % newsletter.id, html)

    def test_no_placeholders_or_english_boilerplate(self):
        """No public page, ours or those of the other coop addons, shows Odoo's
        placeholders or English boilerplate."""
        pages = list(PUBLIC_PAGES)
        for url in OTHER_PUBLIC_PAGES:
            if self._get(url).status_code != 404:
                pages.append(url)
        for url in pages:
            response = self._get(url)
            self.assertEqual(response.status_code, 200, url)
            text = page_text(response.content)
            for bad in PLACEHOLDER_TEXTS:
                self.assertNotIn(bad, text, "%s shows %r" % (url, bad))
            for english in ("Become a member", "Our services", "Newsletter", "Subscribe",
                            "What drives us", "Job vacancies", "Skip to content", "Company number"):
                self.assertNotIn(english, text, "%s shows %r" % (url, english))

    def test_aboutus_redirects(self):
        """Odoo's placeholder /aboutus page redirects to Coopkracht's /over-ons."""
        response = self.url_open("/aboutus", timeout=60)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.url.endswith("/over-ons"), response.url)

    def test_favicon(self):
        """/favicon.ico leads to the website's icon (an image), not to a 404."""
        response = self.url_open("/favicon.ico", timeout=60)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Type"].startswith("image/"),
                        response.headers["Content-Type"])
        self.assertIn("/favicon", response.url)

    def test_unsubscribe_link(self):
        """The unsubscribe route opts out with a valid token and refuses a wrong one."""
        contact = self.env["mail.mass_mailing.contact"].create({
            "name": "Tom Test", "email": "tom@voorbeeld.be",
            "list_ids": [(6, 0, self.env.ref("coop_website.mailing_list_newsletter").ids)]})
        self.share_with_server()
        bad = self.url_open("/nieuwsbrief/afmelden?email=tom@voorbeeld.be&token=abc", timeout=60)
        self.assertEqual(bad.status_code, 403)
        self.assertFalse(contact.opt_out)
        url = self.env["res.partner"]._coop_unsubscribe_url("tom@voorbeeld.be")
        path = url[url.index("/nieuwsbrief"):]
        good = self.url_open(path, timeout=60)
        self.assertEqual(good.status_code, 200)
        self.assertIn("Je bent afgemeld", page_text(good.content))
        contact.invalidate_cache()
        self.assertTrue(contact.opt_out)

    def test_unsubscribe_matches_the_address_exactly(self):
        """Security: unsubscribing t_m@voorbeeld.be (with its own valid link) opts out that
        address only, in any case, not the look-alike tom@voorbeeld.be ('_' is no
        wildcard)."""
        newsletter = self.env.ref("coop_website.mailing_list_newsletter")
        Contact = self.env["mail.mass_mailing.contact"]
        tom = Contact.create({"name": "Tom", "email": "tom@voorbeeld.be",
                              "list_ids": [(6, 0, newsletter.ids)]})
        other = Contact.create({"name": "T_m", "email": " T_M@voorbeeld.be",
                                "list_ids": [(6, 0, newsletter.ids)]})
        partner = self.env["res.partner"].create({"name": "Tom P", "email": "tom@voorbeeld.be"})
        self.share_with_server()
        url = self.env["res.partner"]._coop_unsubscribe_url("t_m@voorbeeld.be")
        self.assertEqual(self.url_open(url[url.index("/nieuwsbrief"):], timeout=60).status_code,
                         200)
        for record in (tom, other, partner):
            record.invalidate_cache()
        self.assertTrue(other.opt_out)
        self.assertFalse(tom.opt_out)
        self.assertFalse(partner.opt_out)


@at_install(False)
@post_install(True)
class TestPortalHome(CoopHttpCase):

    def test_my_home_in_dutch(self):
        """/my greets a portal user in Dutch inside Coopkracht's frame."""
        user = new_user(self.env, "portal_lid", ["base.group_portal"], name="Els Lid", lang="nl_BE")
        user.password = "portal_lid"
        self.share_with_server()
        self.authenticate("portal_lid", "portal_lid")
        response = self.url_open("/my/home", timeout=60)
        self.assertEqual(response.status_code, 200)
        text = page_text(response.content)
        self.assertIn("Welkom, Els Lid", text)
        self.assertIn("info@coopkracht.be", text)
        for bad in PLACEHOLDER_TEXTS:
            self.assertNotIn(bad, text)

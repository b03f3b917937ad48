# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .common import CoopSavepointCase, as_user


class TestIdentity(CoopSavepointCase):

    def test_company_is_coopkracht(self):
        """The main company carries Coopkracht's name, Berchem address, Belgium and EUR."""
        company = self.env.ref("base.main_company")
        self.assertEqual(company.name, "Coopkracht vzw")
        self.assertEqual(company.street, "Posthoflei 3 bus 3")
        self.assertEqual((company.zip, company.city), ("2600", "Berchem"))
        self.assertEqual(company.country_id, self.env.ref("base.be"))
        self.assertEqual(company.currency_id, self.env.ref("base.EUR"))
        self.assertTrue(company.logo)
        self.assertTrue(company.company_registry)
        self.assertNotIn("555", company.phone or "")
        self.assertNotIn("example", company.email or "")

    def test_apply_identity_is_idempotent(self):
        """Applying the identity again changes nothing and restores a changed address."""
        company = self.env.ref("base.main_company")
        company.street = "Elders 1"
        company.coop_apply_identity()
        self.assertEqual(company.street, "Posthoflei 3 bus 3")
        company.coop_apply_identity()
        self.assertEqual(company.name, "Coopkracht vzw")

    def test_no_contact_shows_odoo_placeholder_company(self):
        """No contact is shown as "YourCompany, ..." (Odoo's admin and demo users carry the
        company's name of before the install), and renaming the company renames it there."""
        Partner = self.env["res.partner"].with_context(active_test=False)
        self.assertFalse(Partner.search(["|", ("display_name", "ilike", "YourCompany"),
                                         ("company_name", "ilike", "YourCompany")]))
        admin = self.env.ref("base.partner_root")
        self.assertEqual(admin.company_name, "Coopkracht vzw")
        company = self.env.ref("base.main_company")
        company.name = "Oude Naam vzw"
        self.assertEqual(admin.company_name, "Oude Naam vzw")
        company.coop_apply_identity()
        self.assertEqual(admin.company_name, "Coopkracht vzw")
        self.assertEqual(admin.display_name, "Coopkracht vzw, %s" % admin.name)

    def test_formatted_registry(self):
        """The company number is printed in KBO notation, whatever was typed."""
        company = self.env.ref("base.main_company")
        company.company_registry = "BE 477563266"
        self.assertEqual(company.coop_formatted_registry(), "0477.563.266")
        company.company_registry = "0477 563 266"
        self.assertEqual(company.coop_formatted_registry(), "0477.563.266")

    def test_settings_write_company(self):
        """Company number, e-mail and phone are settings that write the company."""
        settings = self.env["res.config.settings"].create({
            "coop_company_registry": "0123.456.749",
            "coop_company_email": "hallo@coopkracht.be",
            "coop_company_phone": "+32 3 000 00 01",
        })
        settings.execute()
        company = self.env.ref("base.main_company")
        self.assertEqual(company.company_registry, "0123.456.749")
        self.assertEqual(company.email, "hallo@coopkracht.be")
        self.assertEqual(company.phone, "+32 3 000 00 01")

    def test_staff_cannot_change_company(self):
        """A staff member cannot rewrite the company's identity."""
        with self.assertRaises(AccessError):
            as_user(self.env.ref("base.main_company"), self.user_coop).write({"name": "Iets anders"})

    def test_users_and_website_in_dutch(self):
        """Admin and demo users, and the website's default language, are nl_BE in Brussels time."""
        for xmlid in ("base.user_root", "base.user_demo"):
            user = self.env.ref(xmlid)
            self.assertEqual(user.lang, "nl_BE", xmlid)
            self.assertEqual(user.tz, "Europe/Brussels", xmlid)
        website = self.env.ref("website.default_website")
        self.assertEqual(website.default_lang_code, "nl_BE")
        self.assertIn("nl_BE", website.language_ids.mapped("code"))
        self.assertEqual(website.name, "Coopkracht")

    def test_belgian_chart_loaded(self):
        """The main company uses the Belgian chart of accounts (PCMN)."""
        company = self.env.ref("base.main_company")
        self.assertEqual(company.chart_template_id, self.env.ref("l10n_be.l10nbe_chart_template"))
        self.assertTrue(self.env["account.account"].search_count([("company_id", "=", company.id)]))


class TestWebsiteMenu(CoopSavepointCase):

    def _menus(self):
        website = self.env.ref("website.default_website")
        return self.env["website.menu"].with_context(lang="nl_BE").search(
            [("parent_id", "=", website.menu_id.id)])

    def test_main_menu_has_the_services(self):
        """The main menu links the services, with Dutch names, and no shop."""
        menus = self._menus()
        urls = menus.mapped("url")
        for url in ("/", "/lid-worden", "/event", "/vacatures", "/kompas", "/dar", "/leden", "/contactus"):
            self.assertIn(url, urls)
        self.assertFalse([u for u in urls if u.startswith("/shop")])
        names = menus.mapped("name")
        for name in ("Lid worden", "Activiteiten", "Vacatures", "ICA-kompas", "Ledenlijst"):
            self.assertIn(name, names)
        self.assertEqual(urls.count("/event"), 1)

    def test_odoo_footer_is_off(self):
        """Odoo's placeholder footer and advertisement are switched off."""
        for xmlid in ("website.footer_custom", "website.layout_footer_copyright"):
            self.assertFalse(self.env.ref(xmlid).active, xmlid)


class TestPortalTile(CoopSavepointCase):

    def test_tile_renders_link_count_and_text(self):
        """The portal tile other addons call shows link, count, icon and explanation."""
        html = self.env["ir.qweb"].render("coop_website.portal_tile", {
            "tile_url": "/my/vacancies", "tile_title": "Vacatures", "tile_count": 3,
            "tile_icon": "fa-briefcase", "tile_text": "Je gepubliceerde vacatures",
        })
        html = html.decode("utf-8") if isinstance(html, bytes) else html
        self.assertIn('href="/my/vacancies"', html)
        self.assertIn('<span class="badge">3</span>', html)
        self.assertIn("fa-briefcase", html)
        self.assertIn("Je gepubliceerde vacatures", html)
        self.assertIn("o_coop_tile", html)

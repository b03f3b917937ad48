# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The first-impression walk (issue 25): a real headless Chromium goes through the public
website, every backend menu of the coop apps and the portal of each demo role, as a new
user would after `make run`, with a screenshot of every page at desktop and phone width.

It fails on a server error, an English browser-tab title, a record of Odoo's own demo data
on a public page, a "not found" page without the site's layout, and an error dialog in the
backend. The screenshots are in test-output/screenshots/walk-*.png.
"""
import re
import time

from odoo.addons.coop_website.tests.common import ENGLISH_TITLE as ENGLISH, CoopBrowserCase, page_text

WIDTHS = (("desktop", 1280, 900), ("phone", 375, 812))
PUBLIC = ("/", "/lid-worden", "/leden", "/vacatures", "/kompas", "/event", "/dar",
          "/over-ons", "/contactus", "/aandelen/ecopower/intekenen")
UNKNOWN = ("/dit-bestaat-niet", "/aandelen/bestaat-niet/intekenen", "/vacatures/999999999")
# the demo's portal users (README) and the pages of their role
ROLES = (
    ("aandeelhouder", ("/my/home", "/my/aandelen")),
    ("lid", ("/my/home", "/my/invoices", "/my/vacatures", "/my/compass")),
    ("deelnemer", ("/my/home", "/my/events")),
)
# Odoo's demo records that a visitor could meet on the site, by the modules that make them
SAMPLE_MODELS = (
    ("res.partner", ("base",)),
    ("event.event", ("event", "website_event", "event_sale", "website_event_sale")),
    ("product.template", ("product", "sale", "event_sale", "website_sale")),
)
SERVER_ERROR = re.compile(r"Internal Server Error|Traceback \(most recent call last\)|"
                          r"Odoo Server Error")
ERROR_DIALOGS = ".o_dialog_error, .o_error_detail, .o_dialog_warning, .o_notification.o_error"


class TestFirstImpressionWalk(CoopBrowserCase):

    def setUp(self):
        super().setUp()
        self.sample_names = self._odoo_sample_names(self.env)

    @staticmethod
    def _odoo_sample_names(env):
        """The names (English and Dutch) of the records of Odoo's own demo data that could be
        shown on a public page; short generic names ("Service") are left out."""
        names = set()
        for model, modules in SAMPLE_MODELS:
            data = env["ir.model.data"].search([("model", "=", model), ("module", "in", modules)])
            records = env[model].browse(data.mapped("res_id")).exists()
            if model == "res.partner":  # the company's own partner and the users' are ours
                ours = env["res.users"].with_context(active_test=False).search([]).mapped("partner_id")
                records -= ours | env.ref("base.main_partner")
            for lang in ("en_US", "nl_BE"):
                names.update(r.name for r in records.with_context(lang=lang, active_test=False)
                             if r.name and len(r.name) >= 8)
        return names

    def _visit(self, url, name):
        """Open url, screenshot it as name; return (HTTP status, title, visible text)."""
        self.browser.get(self.base_url + url)
        self.browser.wait_css("body", timeout=60)
        status = self.browser.driver.execute_script(
            "var n = performance.getEntriesByType('navigation')[0];"
            " return n ? n.responseStatus : 0;")
        self.browser.screenshot("walk-%s" % name)
        source = self.browser.driver.page_source
        return status, " ".join(self.browser.driver.title.split()), page_text(source), source

    def _check_page(self, url, name, problems, expect=200):
        status, title, text, source = self._visit(url, name)
        if status != expect:
            problems.append("%s answered %s, expected %s" % (url, status, expect))
        if SERVER_ERROR.search(source):
            problems.append("%s shows a server error" % url)
        if not title or ENGLISH.search(title):
            problems.append("%s has the tab title %r" % (url, title))
        samples = sorted(n for n in self.sample_names if n in text)
        if samples:
            problems.append("%s shows Odoo's demo records %s" % (url, samples))
        return source

    def _styled(self):
        """The page carries the site's layout: its header menu, footer and style sheets."""
        return self.browser.driver.execute_script(
            "return !!document.querySelector('#wrapwrap header #top_menu')"
            " && !!document.querySelector('#wrapwrap footer')"
            " && document.styleSheets.length > 0;")

    def _public_urls(self):
        """The fixed pages, and one vacancy, event and directory entry of the demo."""
        urls = list(PUBLIC)
        with self.server_env() as env:
            vacancy = env["coop.vacancy"].search(env["coop.vacancy"]._website_domain(), limit=1) \
                if hasattr(env["coop.vacancy"], "_website_domain") else \
                env["coop.vacancy"].search([("state", "=", "published")], limit=1)
            event = env["event.event"].search(
                [("website_published", "=", True), ("date_begin", ">=", "2022-01-01")],
                order="date_begin", limit=1)
            self.assertTrue(vacancy and event, "the demo has a published vacancy and event")
            urls += [vacancy.website_url, event.website_url]
        return urls

    def test_public_website(self):
        """Every public page, at desktop and phone width: 200, a Dutch title, no Odoo demo
        record; unknown addresses get the site's own Dutch 404 page."""
        problems = []
        urls = self._public_urls()
        for label, width, height in WIDTHS:
            self.browser.set_width(width, height)
            for url in urls:
                slug = url.strip("/").replace("/", "-") or "home"
                self._check_page(url, "public-%s-%s" % (slug, label), problems)
                if label == "phone" and self.browser.horizontal_overflow() > 1:
                    problems.append("%s scrolls sideways on a phone: %s" % (
                        url, self.browser.overflowing_elements()))
            for url in UNKNOWN:
                slug = url.strip("/").replace("/", "-")
                source = self._check_page(url, "404-%s-%s" % (slug, label), problems, expect=404)
                if not self._styled():
                    problems.append("%s: the 404 page has no site layout" % url)
                if "Not Found" in page_text(source) and "niet gevonden" not in source.lower():
                    problems.append("%s: the 404 page is English" % url)
        self.assertFalse(problems, "\n".join(problems))

    def test_backend_menus(self):
        """Staff open every menu of every coop app, in one web client (as a person clicks
        through the menus): each action shows its view or its wizard, without an error
        dialog, with a Dutch breadcrumb."""
        self.browser_login("admin", "admin")
        self.browser.wait_css(".o_main_navbar, .o_web_client", timeout=90)
        roots = self.env["ir.ui.menu"]
        for module in ("coop_membership", "coop_share_register", "coop_compass", "coop_vacancy",
                       "coop_events", "coop_reporting"):
            roots |= self.env.ref("%s.menu_root" % module)
        menus = self.env["ir.ui.menu"].search([("id", "child_of", roots.ids),
                                               ("action", "!=", False)])
        self.assertGreater(len(menus), 40)
        problems = []
        for menu in menus:
            problem = self._open_menu(menu)
            if problem:
                problems.append("%s: %s" % (menu.complete_name, problem))
        self.assertFalse(problems, "\n".join(problems))

    def _open_menu(self, menu):
        """Open menu's action in the loaded web client; return what went wrong, if anything."""
        driver = self.browser.driver
        driver.execute_script("$('.modal').modal('hide'); $('.modal, .modal-backdrop').remove();"
                              " $('.o_control_panel .breadcrumb li, .o_base_settings').attr('data-walk', 'old');")
        driver.execute_script("window.location.hash = arguments[0];", "menu_id=%d&action=%d" % (
            menu.id, menu.action.id))
        deadline = time.time() + 45
        state = None
        while time.time() < deadline and not state:
            time.sleep(0.3)
            state = driver.execute_script("""
                function shown(sel) { return $(sel).filter(':visible').length > 0; }
                if (shown(arguments[0])) { return 'error'; }
                if (shown('.modal .o_form_view, .modal .o_list_view')) { return 'wizard'; }
                if ($('.o_base_settings:visible').not('[data-walk]').length) { return 'settings'; }
                var fresh = $('.o_control_panel .breadcrumb li:visible').not('[data-walk]');
                if (fresh.length && !shown('.o_loading')) {
                    return 'view';
                }
                return null;""", ERROR_DIALOGS)
        self.browser.screenshot("walk-backend-%s" % re.sub(r"\W+", "-", menu.complete_name))
        if not state:
            return "nothing opened in 45 s"
        if state == "error":
            return "an error dialog: %s" % " ".join(
                el.text for el in self.browser.css(ERROR_DIALOGS) if el.is_displayed())[:300]
        crumbs = " ".join(el.text for el in self.browser.css(".o_control_panel .breadcrumb li"))
        if state == "view" and ENGLISH.search(crumbs):
            return "English breadcrumb %r" % crumbs
        apps = [el.text for el in self.browser.css(".o_base_settings .settings_tab .app_name")]
        if state == "settings" and ENGLISH.search(" ".join(apps)):
            return "English app names in the settings: %s" % apps
        return None

    def test_portal_roles(self):
        """Each demo portal user logs in and sees their pages filled, at desktop and phone
        width, with Dutch titles and no error."""
        problems = []
        for login, paths in ROLES:
            self.browser.driver.delete_all_cookies()
            self.browser_login(login, login)
            for label, width, height in WIDTHS:
                self.browser.set_width(width, height)
                for path in paths:
                    name = "portal-%s-%s-%s" % (login, path.strip("/").replace("/", "-"), label)
                    source = self._check_page(path, name, problems)
                    if "o_portal_my_doc_table" in source and "<tbody>" not in source:
                        problems.append("%s sees an empty list on %s" % (login, path))
        self.assertFalse(problems, "\n".join(problems))

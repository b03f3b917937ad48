# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The key journey in headless Chromium, in Dutch: an organisation applies on the public
form, chooses its password from the mail, fills in the ICA compass on the website,
submits its application from the portal; a board member approves it in the backend;
the first fee invoice exists with a Belgian structured communication."""
import html
import os
import re
import time
import unittest
from urllib.parse import urlsplit

from odoo.addons.coop_website.tests.common import CoopBrowserCase, new_user
from odoo.addons.coop_website.tools.validators import normalise_structured_communication

from .common import kbo

ORG = "Browsercoop cv"
EMAIL = "bram@browsercoop.example.org"
PASSWORD = "browsercoop-2021"


class TestApplicationJourney(CoopBrowserCase):

    def setUp(self):
        super().setUp()
        with self.server_env() as env:
            if "coop.compass.scan" not in env:
                raise unittest.SkipTest("the journey needs coop_compass (its scan is required)")
            env["ir.config_parameter"].set_param("coop_membership.fee_pro_rata", "False")
            self.sector = env["coop.membership.sector"].create({"name": "Browsersector"})
            new_user(env, "bestuur_browser", ["coop_website.group_coop_board"],
                     password="bestuur_browser", lang="nl_BE")

    def shot(self, name):
        path = self.browser.screenshot("membership-%s" % name)
        self.assertGreater(os.path.getsize(path), 1000)

    def application(self, env):
        return env["coop.membership.application"].search([("name", "=", ORG)])

    def state(self, field="state"):
        with self.server_env() as env:
            return self.application(env)[field]

    def wait_state(self, state, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.state() == state:
                return
            time.sleep(0.5)
        self.fail("application not %s after %ss; screenshot %s" % (
            state, timeout, self.browser.screenshot("membership-timeout-%s" % state)))

    def signup_link(self):
        """The 'choose your password' link of the mail the contact person received."""
        with self.server_env() as env:
            app = self.application(env)
            mails = env["mail.mail"].search([("model", "=", app._name), ("res_id", "=", app.id)])
            bodies = " ".join(mails.mapped("body_html"))
        match = re.search(r'href="([^"]*/web/signup\?[^"]+)"', bodies)
        self.assertTrue(match, "no sign-up link in the mails: %s" % bodies[:500])
        url = urlsplit(html.unescape(match.group(1)))
        return "%s%s?%s" % (self.base_url, url.path, url.query)

    def test_application_to_first_invoice(self):
        """Public form -> password from the mail -> compass on the website -> submit in the
        portal -> a board member approves in the backend -> member with a first fee invoice."""
        from odoo.addons.coop_compass.tests.test_compass_browser import ANSWER_PAGE_JS
        from selenium.webdriver.support.ui import Select
        b = self.browser

        # 1. the public form, in Dutch
        b.get(self.base_url + "/lid-worden")
        b.wait_css("form.o_coop_application_form")
        self.assertIn("Word lid van Coopkracht", b.driver.page_source)
        values = {"name": ORG, "kbo_number": kbo(700), "city": "Hasselt", "zip": "3500",
                  "contact_name": "Bram Browser", "contact_email": EMAIL, "employee_count": "2"}
        for name, value in values.items():
            b.css("input[name=%s]" % name)[0].send_keys(value)
        Select(b.css("select[name=legal_form]")[0]).select_by_value("cv")
        b.css("input[name=sector_ids][value='%d']" % self.sector.id)[0].click()
        self.shot("01-application-form")
        b.css("form.o_coop_application_form button[type=submit]")[0].click()
        b.wait_css(".o_coop_application_thanks")
        # the compass is still missing: saved as a draft, the visitor is told why
        b.wait_text(".o_coop_application_thanks .alert-warning", "ICA")
        b.wait_text(".o_coop_application_thanks .alert-warning", "Kies je wachtwoord met de link")
        self.shot("02-application-thanks")
        with self.server_env() as env:
            app = self.application(env)
            self.assertEqual(app.state, "draft")
            self.assertEqual(app.partner_id.coop_membership_state, "none")
            self.assertEqual(app.partner_id.coop_sector_ids.name, "Browsersector")
            self.assertTrue(app.user_id.has_group("base.group_portal"))
            self.assertEqual(app.user_id.partner_id.commercial_partner_id, app.partner_id)

        # 2. the contact person chooses a password through the link in the mail
        b.get(self.signup_link())
        b.wait_css("form.oe_signup_form input[name=password]").send_keys(PASSWORD)
        b.css("input[name=confirm_password]")[0].send_keys(PASSWORD)
        self.shot("03-choose-password")
        b.css("form.oe_signup_form button[type=submit]")[0].click()
        blocker = b.wait_css(".o_coop_my_membership .o_coop_application_blocker")
        self.assertIn("ICA", blocker.text)
        self.shot("04-portal-compass-missing")

        # 3. the ICA compass for the organisation, on the website
        b.get(self.base_url + "/kompas")
        b.wait_text("form[action='/kompas/start'] label", ORG)
        b.wait_css("button.o_compass_start").click()
        for step in range(1, 8):
            b.wait_text(".o_compass_step_label", "Stap %d van 8" % step)
            b.wait_css(".o_compass_questionnaire")
            b.driver.execute_script(ANSWER_PAGE_JS, 2)
            b.wait_css("button.o_compass_next").click()
        b.wait_text(".o_compass_step_label", "Stap 8 van 8")
        b.css(".o_compass_nrc input[type=checkbox]")[0].click()
        b.wait_css("button.o_compass_submit").click()
        b.wait_css(".o_compass_chart svg")
        self.shot("05-compass-submitted")
        with self.server_env() as env:
            scan = env["coop.compass.scan"].search([("organisation_id.name", "=", ORG)])
            self.assertEqual(scan.state, "submitted")

        # 4. submit the application from the portal
        b.get(self.base_url + "/my/membership")
        self.assertFalse(b.css(".o_coop_application_blocker"), "the compass counts now")
        b.wait_css("button.o_coop_application_submit").click()
        b.wait_css(".o_coop_my_membership .o_coop_application_submitted")
        self.shot("06-portal-submitted")
        with self.server_env() as env:
            app = self.application(env)
            self.assertEqual(app.state, "submitted")
            self.assertEqual(app.compass_scan_id.organisation_id, app.partner_id)
            self.assertEqual(app.partner_id.coop_membership_state, "applicant")
            self.assertEqual(app.category_id.size, "small")
            app_id = app.id

        # 5. a board member approves in the backend
        b.driver.delete_all_cookies()
        b.login(self.base_url, "bestuur_browser", "bestuur_browser")
        b.wait_css(".o_main_navbar, .o_web_client", timeout=120)
        b.get(self.base_url + "/web#id=%d&model=coop.membership.application&view_type=form" % app_id)
        b.wait_text(".o_form_view", ORG, timeout=120)
        self.shot("07-board-application")
        b.click_text(".o_statusbar_buttons button", "Goedkeuren")
        self.wait_state("approved")
        b.wait_text(".o_statusbar_status .btn-primary", "Goedgekeurd")
        self.shot("08-board-approved")

        # 6. the organisation is a member, with its first fee invoice
        with self.server_env() as env:
            app = self.application(env)
            partner = app.partner_id
            board = env["res.users"].search([("login", "=", "bestuur_browser")])
            self.assertEqual(app.decision_user_id, board)
            self.assertEqual(partner.coop_membership_state, "member")
            self.assertEqual(partner.coop_join_date, app.decision_date)
            self.assertEqual(partner.coop_category_id, app.category_id)
            invoice = app.invoice_id
            self.assertEqual(invoice.partner_id, partner)
            self.assertEqual(invoice.amount_total, app.category_id.fee)
            self.assertEqual(invoice.coop_fee_year, int(app.join_date[:4]))
            self.assertEqual(invoice.reference_type, "bba")
            self.assertEqual(normalise_structured_communication(invoice.reference),
                             invoice.reference)
            invoice_label = invoice.with_context(lang="nl_BE").name_get()[0][1].strip()
        # the board sees the first fee invoice on the application
        b.wait_text(".o_form_view a", invoice_label)
        self.shot("09-first-fee-invoice-linked")


class TestMyMembershipPage(CoopBrowserCase):

    def test_my_membership_reads_in_full(self):
        """/my/membership of a member fits a desktop and a phone screen, and no label is
        cut off (the long Dutch "Ondernemingsnummer" was shown as "Ondernemingsnumm...")."""
        with self.server_env() as env:
            category = env["coop.membership.category"].create(
                {"name": "Breedbeeld klein", "size": "small", "fee": 250.0})
            org = env["res.partner"].create({
                "name": "Breedbeeld cv", "is_company": True, "coop_membership_state": "member",
                "coop_join_date": "2020-01-01", "coop_category_id": category.id,
                "coop_kbo_number": kbo(701), "lang": "nl_BE"})
            contact = env["res.partner"].create({
                "name": "Bea Breed", "parent_id": org.id, "email": "bea@breedbeeld.example.org"})
            new_user(env, "bea_breed", ["base.group_portal"], partner_id=contact.id,
                     password="bea_breed_2021", lang="nl_BE")
        self.browser_login("bea_breed", "bea_breed_2021")
        b = self.browser
        for width in (1280, 390):
            b.set_width(width)
            b.get(self.base_url + "/my/membership")
            b.wait_css(".o_coop_my_membership dl")
            b.screenshot("membership-my-membership-%d" % width)
            self.assertIn("Ondernemingsnummer", b.css(".o_coop_my_membership dl")[0].text)
            self.assertEqual([], b.cut_off_texts(".o_coop_my_membership"), "at %d px" % width)
            self.assertEqual(0, b.horizontal_overflow(), "at %d px" % width)

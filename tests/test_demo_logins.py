# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo's portal users (issue 25.12): one per role, each logging in through the login
form and finding its own data on its /my pages; the README's table lists exactly them.
These tests read the demo data (they are about the demo), and change nothing."""
import datetime
import os
import re

from lxml import html as lxml_html

from odoo.tests.common import at_install, post_install

from odoo.addons.coop_website.tests.common import CoopHttpCase, new_user, page_text

# the invitation block of a holding (not its agenda, o_coop_share_assembly_agenda)
ASSEMBLY = ".//div[contains(concat(' ', @class, ' '), ' o_coop_share_assembly ')]"
README = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "README.md")
# login: xml id of the demo user
DEMO_LOGINS = {
    "aandeelhouder": "coop_share_register.user_aandeelhouder_demo",
    "lid": "coop_membership.user_lid_demo",
    "deelnemer": "coop_events.user_deelnemer_demo",
}


def readme_demo_logins(text):
    """[(login, password)] of the table that follows "Demo database login" in the README."""
    section = text[text.index("Demo database login"):]
    section = section[:section.index("\n## ")]
    rows = re.findall(r"^\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|", section, re.M)
    return rows


@at_install(False)
@post_install(True)
class TestDemoLogins(CoopHttpCase):

    def _login(self, login, password):
        """Log in through /web/login as a person does (csrf token of the form); returns the
        page the login lands on."""
        form = lxml_html.fromstring(self.url_open("/web/login").content)
        csrf = form.xpath("//form//input[@name='csrf_token']/@value")
        self.assertTrue(csrf, "the login form has no csrf token")
        response = self.url_open("/web/login", data={
            "login": login, "password": password, "csrf_token": csrf[0],
            "redirect": "/my/home"})
        self.assertEqual(response.status_code, 200, login)
        self.assertNotIn("alert-danger", response.text, login)  # Odoo's "Wrong login/password"
        # the session is open now: /my/home (auth="user") answers instead of the login form
        home = self.url_open("/my/home")
        self.assertTrue(home.url.endswith("/my/home"), "%s landed on %s" % (login, home.url))
        self.assertIn("o_coop_portal_intro", home.text)
        return home

    def _page(self, path):
        response = self.url_open(path)
        self.assertEqual(response.status_code, 200, path)
        return response

    def test_demo_users_are_dutch_portal_users(self):
        """Each demo login is a portal user (not staff), in Dutch, in Brussels' time zone."""
        for login, xmlid in DEMO_LOGINS.items():
            user = self.env.ref(xmlid)
            self.assertEqual(user.login, login)
            self.assertTrue(user.has_group("base.group_portal"), login)
            self.assertFalse(user.has_group("base.group_user"), login)
            self.assertEqual(user.lang, "nl_BE", login)
            self.assertEqual(user.tz, "Europe/Brussels", login)

    def test_wrong_password_does_not_log_in(self):
        """The demo passwords are the logins: another password is refused."""
        form = lxml_html.fromstring(self.url_open("/web/login").content)
        response = self.url_open("/web/login", data={
            "login": "lid", "password": "aandeelhouder", "redirect": "/my/home",
            "csrf_token": form.xpath("//form//input[@name='csrf_token']/@value")[0]})
        self.assertIn("alert-danger", response.text)
        self.assertIn("/web/login", self.url_open("/my/home").url)

    def test_shareholder_sees_holdings_certificate_and_assembly(self):
        """aandeelhouder sees his holdings in Ecopower and BeauVent, downloads his
        certificate, and is invited to Ecopower's coming general assembly."""
        home = self._login("aandeelhouder", "aandeelhouder")
        self.assertIn("Ward Aerts", home.text)
        ecopower = self.env.ref("coop_share_register.holder_ward_ecopower_demo")
        beauvent = self.env.ref("coop_share_register.holder_ward_beauvent_demo")
        assembly = self.env.ref("coop_share_register.assembly_ecopower_upcoming_demo")
        self.assertGreater(assembly.date, datetime.datetime.utcnow().strftime("%Y-%m-%d"))
        doc = lxml_html.fromstring(self._page("/my/aandelen").content)
        cards = {int(card.get("data-holder-id")): card
                 for card in doc.xpath("//div[contains(@class, 'o_coop_shareholding')]")}
        self.assertEqual(set(cards), {ecopower.id, beauvent.id})
        for holder, shares in ((ecopower, "8"), (beauvent, "4")):
            card = cards[holder.id]
            self.assertIn(holder.register_id.name, page_text(lxml_html.tostring(card)))
            self.assertEqual(card.xpath(
                "string(.//table[contains(@class, 'o_coop_share_positions')]/tfoot//th[2])"
                ).strip(), shares)
        invited = cards[ecopower.id].xpath(ASSEMBLY)
        self.assertEqual(len(invited), 1)
        self.assertIn("Gewone algemene vergadering", invited[0].text_content())
        self.assertIn("Zaal De Kern", invited[0].text_content())
        self.assertIn("Je bent uitgenodigd", invited[0].text_content())
        self.assertFalse(cards[beauvent.id].xpath(ASSEMBLY))
        link = cards[ecopower.id].xpath(".//a[contains(@class, 'o_coop_share_certificate')]/@href")
        self.assertEqual(link, ["/my/aandelen/%d/certificaat" % ecopower.id])
        # under test Odoo renders reports as HTML instead of through wkhtmltopdf
        certificate = self._page(link[0])
        self.assertEqual(certificate.headers["Content-Type"], "application/pdf")
        self.assertIn("Aerts", certificate.text)
        self.assertIn("Ecopower", certificate.text)

    def test_member_contact_sees_membership_invoice_vacancies_and_scan(self):
        """lid sees Q-bus' membership, this year's fee invoice in /my/invoices, Q-bus'
        vacancies and the compass scan she filled in."""
        home = self._login("lid", "lid")
        self.assertIn("Nele Van Damme", home.text)
        org = self.env.ref("coop_membership.partner_member_q_bus_cv_demo")
        membership = page_text(self._page("/my/membership").content)
        self.assertIn(org.name, membership)
        self.assertIn("Lid", membership)
        invoice = self.env["account.invoice"].search([
            ("partner_id", "=", org.id), ("state", "=", "open"),
            ("coop_fee_year", "=", datetime.date.today().year)])
        self.assertEqual(len(invoice), 1)
        self.assertIn(invoice.number, self._page("/my/invoices").text)
        vacancies = self._page("/my/vacatures").text
        for xmlid in ("coop_vacancy.vacancy_10_demo", "coop_vacancy.vacancy_11_demo"):
            self.assertIn(self.env.ref(xmlid).name, vacancies)
        scan = self.env["coop.compass.scan"].search([
            ("user_id", "=", self.env.ref("coop_membership.user_lid_demo").id)])
        self.assertEqual(len(scan), 1)
        self.assertEqual((scan.state, scan.organisation_id), ("submitted", org))
        self.assertIn('href="/my/compass/%d"' % scan.id, self._page("/my/compass").text)

    def test_participant_sees_registrations_and_open_evaluation(self):
        """deelnemer sees her two past webinars and the coming one, and the link to the
        evaluation she has still to fill in (not to the one she answered)."""
        home = self._login("deelnemer", "deelnemer")
        self.assertIn("Lotte Verhoeven", home.text)
        past = self.env.ref("coop_events.reg_lotte_tools_demo")
        answered = self.env.ref("coop_events.reg_lotte_shareholders_demo")
        coming = self.env.ref("coop_events.reg_lotte_general_assembly_demo")
        self.assertGreater(coming.event_id.date_begin,
                           datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M:%S"))
        page = self._page("/my/events").text
        for registration in (past, answered, coming):
            self.assertIn('href="/my/events/%d"' % registration.id, page)
            self.assertIn(registration.event_id.name, page)
        pending = self.env.ref("coop_events.eval_lotte_tools_demo")
        done = self.env.ref("coop_events.eval_lotte_shareholders_demo")
        self.assertEqual((pending.state, done.state), ("pending", "done"))
        self.assertIn("/evaluatie/%s" % pending.token, page)
        self.assertNotIn("/evaluatie/%s" % done.token, page)
        detail = self._page("/my/events/%d" % past.id).text
        self.assertIn("/evaluatie/%s" % pending.token, detail)
        self.assertIn("Vul de evaluatie in", detail)
        self.assertNotIn("/evaluatie/", self._page("/my/events/%d" % coming.id).text)
        form = self._page("/evaluatie/%s" % pending.token).text
        self.assertIn(past.event_id.name, form)

    def test_other_portal_user_sees_none_of_it(self):
        """Another portal user gets 404 on the participant's registration and the
        shareholder's certificate, and no evaluation link on his own /my/events."""
        new_user(self.env, "demo_outsider", ["base.group_portal"], password="demo_outsider",
                 lang="nl_BE")
        self.authenticate("demo_outsider", "demo_outsider")
        registration = self.env.ref("coop_events.reg_lotte_tools_demo")
        holder = self.env.ref("coop_share_register.holder_ward_ecopower_demo")
        self.assertEqual(self.url_open("/my/events/%d" % registration.id).status_code, 404)
        self.assertEqual(self.url_open(
            "/my/aandelen/%d/certificaat" % holder.id).status_code, 404)
        events = self._page("/my/events").text
        self.assertNotIn("/evaluatie/", events)
        self.assertNotIn(registration.event_id.name, events)
        self.assertNotIn("Gewone algemene vergadering", self._page("/my/aandelen").text)

    def test_readme_lists_exactly_the_demo_logins(self):
        """The README's demo-login table lists the three portal logins, each with its
        password, and no other."""
        with open(README, encoding="utf-8") as readme:
            rows = readme_demo_logins(readme.read())
        self.assertEqual(sorted(rows), sorted((login, login) for login in DEMO_LOGINS))

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The portal page, the public application form and the member directory through HTTP."""
import base64
import re
from unittest.mock import patch

from lxml import html as lxml_html

from odoo import tools
from odoo.exceptions import AccessError, UserError

from odoo.addons.coop_website.tests.common import CoopHttpCase, new_user

from .common import kbo


class WebCase(CoopHttpCase):

    def setUp(self):
        super().setUp()
        self.env["ir.config_parameter"].sudo().set_param("coop_membership.fee_pro_rata", "False")
        self.Partner = self.env["res.partner"]
        self.category = self.env["coop.membership.category"].create(
            {"name": "Web small", "size": "small", "fee": 250.0, "sequence": -1})
        self.sector = self.env["coop.membership.sector"].create({"name": "Websector"})
        self.org = self.Partner.create({
            "name": "Portaal cv", "is_company": True, "coop_membership_state": "member",
            "coop_join_date": "2020-01-01", "coop_category_id": self.category.id,
            "city": "Gent", "lang": "nl_BE", "coop_directory_published": True,
            "coop_sector_ids": [(6, 0, self.sector.ids)]})
        self.other = self.Partner.create({
            "name": "Andere cv", "is_company": True, "coop_membership_state": "member",
            "coop_join_date": "2020-01-01", "coop_category_id": self.category.id,
            "city": "Leuven", "coop_directory_published": False})
        contact = self.Partner.create({"name": "Piet Portaal", "parent_id": self.org.id,
                                       "email": "piet@portaal.example.org"})
        self.user = new_user(self.env, "piet_portaal", ["base.group_portal"],
                             partner_id=contact.id, password="piet_portaal")
        self.invoice = self.org._coop_create_fee_invoice(2020, post=True)
        self.other_invoice = self.other._coop_create_fee_invoice(2020, post=True)
        self.share_with_server()

    def url_open(self, url, data=None, timeout=60):
        return super().url_open(url, data=data, timeout=timeout)

    def csrf(self, url):
        page = self.url_open(url).text
        return re.search(r'name="csrf_token"\s+value="([^"]+)"', page).group(1)


class TestPortal(WebCase):

    def test_my_membership_shows_own_organisation(self):
        """The portal page shows the own organisation and its fee invoices, not another's."""
        self.authenticate("piet_portaal", "piet_portaal")
        page = self.url_open("/my/membership").text
        self.assertIn("Portaal cv", page)
        self.assertIn(self.invoice.reference, page)
        self.assertNotIn("Andere cv", page)
        self.assertNotIn(self.other_invoice.reference, page)
        self.assertIn("/my/membership", self.url_open("/my").text)
        self.assertIn("Web small", page)  # the fee category
        self.assertIn("Te betalen", page)  # the invoice's state, in Dutch
        self.assertIn("Lidmaatschap", page)

    def test_my_home_membership_tile(self):
        """/my shows the membership tile with the organisation's state and the number of its
        fee invoices (not another organisation's, not drafts)."""
        self.org._coop_create_fee_invoice(2021, post=False)
        self.share_with_server()
        self.authenticate("piet_portaal", "piet_portaal")
        doc = lxml_html.fromstring(self.url_open("/my/home").content)
        tiles = doc.xpath("//li[contains(@class, 'o_coop_tile')][a[@href='/my/membership']]")
        self.assertEqual(len(tiles), 1)
        self.assertEqual(tiles[0].xpath("string(./span[@class='badge'])"), "1")
        self.assertEqual(tiles[0].xpath("string(./span[@class='o_coop_tile_text'])"), "Lid")
        self.assertEqual(tiles[0].xpath("string(./a)"), "Lidmaatschap van Coopkracht")

    def test_update_is_tracked(self):
        """The member updates contact data and sectors; the change is logged on the partner."""
        self.authenticate("piet_portaal", "piet_portaal")
        token = self.csrf("/my/membership")
        new_sector = self.env["coop.membership.sector"].create({"name": "Nieuwsector"})
        self.share_with_server()
        response = self.url_open("/my/membership/update", data={
            "csrf_token": token, "phone": "+32 9 123 45 67", "city": "Gent",
            "sector_ids": [str(new_sector.id)], "coop_directory_published": "1"})
        self.assertEqual(response.status_code, 200)
        self.org.invalidate_cache()
        self.assertEqual(self.org.phone, "+32 9 123 45 67")
        self.assertEqual(self.org.coop_sector_ids, new_sector)
        last = self.org.message_ids[0]
        self.assertIn("Nieuwsector", last.body)
        self.assertIn("+32 9 123 45 67", last.body)

    def test_website_must_be_a_web_address(self):
        """Security (stored XSS): a javascript: or data: website typed in the portal is
        refused with a Dutch message and not saved; the member directory links only
        http(s) addresses, also for an address stored before the rule."""
        self.authenticate("piet_portaal", "piet_portaal")
        for url in ("javascript:alert(document.cookie)", "data:text/html,<script>x</script>"):
            token = self.csrf("/my/membership")
            response = self.url_open("/my/membership/update", data={
                "csrf_token": token, "website": url, "city": "Gent"})
            self.assertEqual(response.status_code, 200)
            self.assertRegex(response.text, "geen webadres|not a web address")
            self.org.invalidate_cache()
            self.assertFalse(self.org.website, url)
        self.env.cr.execute("UPDATE res_partner SET website = %s WHERE id = %s",
                            ("javascript:alert(1)", self.org.id))
        self.share_with_server()
        directory = self.url_open("/leden?search=Portaal").text
        self.assertIn("Portaal cv", directory)
        self.assertNotIn("javascript:", directory)

    def test_update_needs_csrf(self):
        """Without the CSRF token the update is refused and nothing changes."""
        self.authenticate("piet_portaal", "piet_portaal")
        response = self.url_open("/my/membership/update", data={"phone": "000"})
        self.assertEqual(response.status_code, 400)
        self.org.invalidate_cache()
        self.assertNotEqual(self.org.phone, "000")

    def test_draft_application_shows_what_is_missing(self):
        """The portal shows what keeps a draft application from being submitted (the
        compass hook's message); submitting is then refused, and works once it is met."""
        Application = self.env["coop.membership.application"]
        app = Application.with_context(coop_defer_received_mail=True).create({
            "name": "Concept cv", "kbo_number": kbo(510), "contact_name": "Carla Concept",
            "contact_email": "carla@concept.example.org", "legal_form": "cv", "city": "Gent"})
        user = app._create_portal_user()
        user.password = "carla_concept"
        self.share_with_server()
        self.authenticate("carla@concept.example.org", "carla_concept")
        hook = "_check_submission_requirements"
        with patch.object(type(Application), hook, side_effect=UserError("Vul eerst het kompas in")):
            page = self.url_open("/my/membership").text
            self.assertRegex(page, r'o_coop_application_blocker">\s*<strong>[^<]*</strong>\s*'
                                   r'Vul eerst het kompas in')
            token = re.search(r'name="csrf_token"\s+value="([^"]+)"', page).group(1)
            response = self.url_open("/my/membership/application/%d/submit" % app.id,
                                     data={"csrf_token": token})
            self.assertIn("Vul eerst het kompas in", response.text)
            app.invalidate_cache()
            self.assertEqual(app.state, "draft")
        with patch.object(type(Application), hook, return_value=True):
            page = self.url_open("/my/membership").text
            self.assertNotIn("o_coop_application_blocker", page)
            response = self.url_open("/my/membership/application/%d/submit" % app.id,
                                     data={"csrf_token": token})
            self.assertIn("o_coop_application_submitted", response.text)
        app.invalidate_cache()
        self.assertEqual(app.state, "submitted")
        self.assertEqual(app.partner_id.coop_membership_state, "applicant")

    def test_public_redirected(self):
        """An anonymous visitor is sent to the login page."""
        response = self.url_open("/my/membership")
        self.assertIn("/web/login", response.url)

    def test_cannot_submit_other_application(self):
        """A portal user cannot submit another organisation's application."""
        other_app = self.env["coop.membership.application"].create(
            {"name": "Vreemd cv", "kbo_number": kbo(500)})
        self.share_with_server()
        self.authenticate("piet_portaal", "piet_portaal")
        token = self.csrf("/my/membership")
        response = self.url_open("/my/membership/application/%d/submit" % other_app.id,
                                 data={"csrf_token": token})
        self.assertEqual(response.status_code, 404)
        other_app.invalidate_cache()
        self.assertEqual(other_app.state, "draft")


class TestWebsite(WebCase):

    def form_data(self, **values):
        data = {"csrf_token": self.csrf("/lid-worden"), "name": "Nieuwe Coöperatie cv",
                "kbo_number": kbo(600), "legal_form": "cv", "city": "Mechelen", "zip": "2800",
                "contact_name": "Ann Nieuw", "contact_email": "ann@nieuw.example.org",
                "sector_ids": [str(self.sector.id)], "employee_count": "4"}
        data.update(values)
        return data

    def test_application_form(self):
        """The public form creates an application, its organisation and a portal user, and
        submits it when nothing is missing (the compass hook passes)."""
        page = self.url_open("/lid-worden").text
        self.assertIn('name="kbo_number"', page)
        with patch.object(type(self.env["coop.membership.application"]),
                          "_check_submission_requirements", return_value=True):
            response = self.url_open("/lid-worden", data=self.form_data())
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_coop_application_thanks", response.text)
        app = self.env["coop.membership.application"].search([("kbo_number", "=", "%s.%s.%s" % (
            kbo(600)[:4], kbo(600)[4:7], kbo(600)[7:]))])
        self.assertEqual(app.state, "submitted")
        self.assertEqual(app.partner_id.coop_membership_state, "applicant")
        self.assertEqual(app.partner_id.coop_sector_ids, self.sector)
        user = self.env["res.users"].search([("login", "=", "ann@nieuw.example.org")])
        self.assertTrue(user.has_group("base.group_portal"))
        self.assertEqual(user.partner_id.commercial_partner_id, app.partner_id)

    def test_application_kept_as_draft_when_incomplete(self):
        """When a requirement is missing (the compass), the application is kept as a draft,
        the visitor reads why, and the mail invites the contact to choose a password."""
        with patch.object(type(self.env["coop.membership.application"]),
                          "_check_submission_requirements",
                          side_effect=UserError("Vul eerst het kompas in")):
            response = self.url_open("/lid-worden", data=self.form_data())
        self.assertIn("o_coop_application_thanks", response.text)
        self.assertIn("Vul eerst het kompas in", response.text)
        app = self.env["coop.membership.application"].search([("name", "=", "Nieuwe Coöperatie cv")])
        self.assertEqual(app.state, "draft")
        self.assertEqual(app.partner_id.coop_membership_state, "none")
        mail = self.env["mail.mail"].search([("model", "=", app._name), ("res_id", "=", app.id)])
        self.assertEqual(len(mail), 1)
        self.assertIn("/web/signup?", mail.body_html)

    def test_invalid_kbo(self):
        """An invalid company number shows the error and creates nothing."""
        count = self.env["coop.membership.application"].search_count([])
        partners = self.Partner.search_count([])
        response = self.url_open("/lid-worden", data=self.form_data(kbo_number="0123.456.788"))
        self.assertIn("o_coop_application_error", response.text)
        self.assertIn("0123.456.788", response.text)
        self.assertRegex(response.text, "geen geldig Belgisch ondernemingsnummer|"
                                        "not a valid Belgian company number")
        self.assertEqual(self.env["coop.membership.application"].search_count([]), count)
        self.assertEqual(self.Partner.search_count([]), partners)

    def test_known_organisation_is_only_proposed(self):
        """Security (attaching oneself to an organisation): an application with the
        company number of a known organisation that is not a member does not make the
        applicant its contact or give them a view of it; staff decide, and only then the
        application and its contact join the organisation."""
        known = self.Partner.create({"name": "Gekende cv", "is_company": True,
                                     "coop_kbo_number": kbo(602), "city": "Brugge"})
        self.share_with_server()
        response = self.url_open("/lid-worden", data=self.form_data(
            kbo_number=kbo(602), name="Gekende cv", contact_email="eve@attacker.example"))
        self.assertIn("o_coop_application_thanks", response.text)
        self.assertRegex(response.text, "kent al een organisatie met het ondernemingsnummer|"
                                        "already knows an organisation")
        app = self.env["coop.membership.application"].search(
            [("contact_email", "=", "eve@attacker.example")])
        self.assertEqual(app.state, "draft")
        self.assertFalse(app.partner_id)
        self.assertEqual(app.proposed_partner_id, known)
        self.assertFalse(app.contact_id.parent_id)
        self.assertNotIn(app.contact_id, known.child_ids)
        user = self.env["res.users"].search([("login", "=", "eve@attacker.example")])
        self.assertTrue(user)
        self.assertNotEqual(user.partner_id.commercial_partner_id, known)
        with self.assertRaises(AccessError):
            known.sudo(user).write({"website": "https://attacker.example"})
        self.assertEqual(known.sudo().coop_membership_state, "none")
        # a portal user cannot take the staff decision
        with self.assertRaises(AccessError):
            app.sudo(user).action_link_proposed_partner()
        staff = new_user(self.env, "web_staff", ["coop_website.group_coop_user"])
        app.sudo(staff).action_link_proposed_partner()
        self.assertEqual(app.partner_id, known)
        self.assertEqual(app.contact_id.parent_id, known)
        self.assertFalse(app.proposed_partner_id)

    def test_member_cannot_apply(self):
        """An organisation that is already a member cannot apply again."""
        self.org.coop_kbo_number = kbo(601)
        self.share_with_server()
        count = self.env["coop.membership.application"].search_count([])
        response = self.url_open("/lid-worden", data=self.form_data(kbo_number=kbo(601)))
        self.assertIn("o_coop_application_error", response.text)
        self.assertRegex(response.text, "is al lid van Coopkracht|is already a member")
        self.assertEqual(self.env["coop.membership.application"].search_count([]), count)

    def test_missing_fields(self):
        """Missing required fields are refused."""
        count = self.env["coop.membership.application"].search_count([])
        response = self.url_open("/lid-worden", data=self.form_data(contact_email=""))
        self.assertIn("o_coop_application_error", response.text)
        self.assertEqual(self.env["coop.membership.application"].search_count([]), count)

    def test_directory(self):
        """The directory lists published members only and filters by sector."""
        with tools.file_open("base/static/src/img/company_image.png", "rb") as logo:
            self.org.write({"website": "https://portaal.example.org",
                            "image": base64.b64encode(logo.read())})
        self.share_with_server()
        # (the demo members fill the first pages: search the test's organisations)
        page = self.url_open("/leden?search=Portaal").text
        self.assertIn("Portaal cv", page)
        self.assertNotIn("Andere cv", self.url_open("/leden?search=Andere").text)
        member = re.search(r'<div class="[^"]*o_coop_member">.*?</div>\s*</div>\s*</div>', page, re.S).group(0)
        for shown in ("Portaal cv", "Gent", "Websector", "https://portaal.example.org",
                      'alt="Portaal cv"'):
            self.assertIn(shown, member)
        other_sector = self.env["coop.membership.sector"].create({"name": "Leeg"})
        self.share_with_server()
        page = self.url_open("/leden?sector=%d" % other_sector.id).text
        self.assertNotIn("Portaal cv", page)
        page = self.url_open("/leden?sector=%d" % self.sector.id).text
        self.assertIn("Portaal cv", page)
        self.assertEqual(len(re.findall(r'class="[^"]*o_coop_member\b', page)), 1)

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

import psycopg2

from odoo.addons.coop_vacancy.controllers.main import VacancyWebsite
from odoo.addons.coop_website.tests.common import as_user
from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from .common import VacancyCase, make_vacancy


class TestConstraints(VacancyCase):

    def test_title_and_organisation_required(self):
        """A vacancy without title or organisation is refused by the database."""
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.IntegrityError), self.cr.savepoint():
            make_vacancy(self.env, self.org_member, name=False)
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.IntegrityError), self.cr.savepoint():
            self.env["coop.vacancy"].create({"name": "Zonder organisatie"})

    def test_closing_before_publication(self):
        """A closing date on or before the publication date is refused (constraint and SQL check)."""
        with self.assertRaises(ValidationError):
            make_vacancy(self.env, self.org_member, date_publication="2026-03-10", date_closing="2026-03-01")
        vacancy = make_vacancy(self.env, self.org_member, date_publication="2026-03-10", date_closing="2026-04-10")
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.IntegrityError), self.cr.savepoint():
            self.cr.execute("UPDATE coop_vacancy SET date_closing = %s WHERE id = %s", ("2026-03-10", vacancy.id))

    def test_description_sanitised(self):
        """Scripts and event handlers in the rich text are stripped."""
        vacancy = make_vacancy(
            self.env, self.org_member,
            description=('<p onclick="steal()">Welkom</p><script>alert("x")</script>'
                         '<iframe src="https://evil"></iframe>'),
            profile="<p>Profiel</p><script>document.cookie</script>")
        self.assertIn("Welkom", vacancy.description)
        for html in (vacancy.description, vacancy.profile):
            self.assertNotIn("<script", html)
            self.assertNotIn("alert", html)
            self.assertNotIn("onclick", html)
            self.assertNotIn("iframe", html)

    def test_apply_url_http_only(self):
        """An apply URL must be http(s): javascript:, ftp: and bare words are refused."""
        for url in ("javascript:alert(1)", "ftp://example.org/job", "www.example.org", "data:text/html,x"):
            with self.assertRaises(ValidationError):
                make_vacancy(self.env, self.org_member, apply_url=url)
        self.assertTrue(make_vacancy(self.env, self.org_member, apply_url="http://example.org/job"))

    def test_apply_email_valid(self):
        """A malformed apply e-mail address is refused."""
        with self.assertRaises(ValidationError):
            make_vacancy(self.env, self.org_member, apply_url=False, apply_email="geen adres")
        self.assertTrue(make_vacancy(self.env, self.org_member, apply_url=False, apply_email="jobs@ecopower.be"))

    def test_hours_plausible(self):
        """Negative or impossible working hours are refused."""
        with self.assertRaises(ValidationError):
            make_vacancy(self.env, self.org_member, hours=-1)
        with self.assertRaises(ValidationError):
            make_vacancy(self.env, self.org_member, hours=80, hours_unit="hours")

    def test_selections(self):
        """Contract types and the five Flemish provinces plus Brussels are offered."""
        fields_info = self.env["coop.vacancy"].fields_get(["contract_type", "province"])
        self.assertEqual({v for v, _l in fields_info["contract_type"]["selection"]},
                         {"permanent", "temporary", "freelance", "volunteer", "internship"})
        self.assertEqual({v for v, _l in fields_info["province"]["selection"]},
                         {"antwerpen", "limburg", "oost_vlaanderen", "vlaams_brabant", "west_vlaanderen", "brussel"})

    def test_json_ld_job_posting(self):
        """The schema.org JobPosting has the fields job search engines need."""
        vacancy = make_vacancy(self.env, self.org_member, date_publication="2026-03-02", date_closing="2026-05-01")
        data = vacancy.schema_org_job_posting()
        self.assertEqual(data["@type"], "JobPosting")
        self.assertEqual(data["title"], vacancy.name)
        self.assertEqual(data["datePosted"], "2026-03-02")
        self.assertEqual(data["validThrough"], "2026-05-01T23:59:59")
        self.assertEqual(data["employmentType"], "FULL_TIME")
        self.assertEqual(data["hiringOrganization"]["name"], self.org_member.name)
        self.assertEqual(data["jobLocation"]["address"]["addressCountry"], "BE")

    def test_contact_of_the_organisation(self):
        """The contact person belongs to the vacancy's organisation: a poster cannot name (and
        mail, and show publicly) a person of another organisation, nor can staff by mistake."""
        vacancy = make_vacancy(self.env, self.org_member)
        stranger = self.poster_other.partner_id
        for user in (self.poster, self.user_coop):
            with self.assertRaisesRegex(ValidationError, "contactpersoon"), self.cr.savepoint():
                as_user(vacancy, user).with_context(lang="nl_BE").write({"contact_id": stranger.id})
        with self.assertRaises(ValidationError), self.cr.savepoint():
            make_vacancy(self.env, self.org_member, contact_id=stranger.id)
        vacancy.invalidate_cache()
        self.assertFalse(vacancy.contact_id)
        colleague = self.env["res.partner"].create({"name": "Collega Test", "parent_id": self.org_member.id})
        as_user(vacancy, self.poster).write({"contact_id": colleague.id})
        self.assertEqual(vacancy.contact_id, colleague)
        vacancy.contact_id = self.org_member
        self.assertEqual(vacancy.contact_id, self.org_member)

    def test_json_ld_cannot_break_out_of_script(self):
        """Whatever a poster types in the title, the JSON-LD holds no "<", ">" or "&" (so no
        "</script>" nor "<!--" in the page's script element) and still gives the same data."""
        title = 'Coach <!--<script>alert(1)</script> & "x"'
        vacancy = make_vacancy(self.env, self.org_member, name=title, date_publication="2026-03-02")
        raw = VacancyWebsite._json_ld(vacancy)
        for char in "<>&":
            self.assertNotIn(char, raw)
        self.assertEqual(json.loads(raw)["title"], title)

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The website and portal through HTTP: sign-up from /kompas, the questionnaire, and
crafted URLs and form posts against other people's scans."""
import re

from lxml import html as lxml_html

from odoo import fields

from odoo.addons.coop_website.tests.common import (CoopHttpCase, as_user, make_org, new_portal_user,
                                                   portal_tile_counts)

from .common import CompassFactoryMixin

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


class TestCompassPortal(CompassFactoryMixin, CoopHttpCase):

    def setUp(self):
        super().setUp()
        type(self)._compass_content(self.env)
        self.org_a = make_org(self.env, "Coop A")
        self.org_b = make_org(self.env, "Coop B")
        self.author = new_portal_user(self.env, "web_author", self.org_a, password="web_author")
        self.colleague = new_portal_user(self.env, "web_colleague", self.org_a, password="web_colleague")
        self.stranger = new_portal_user(self.env, "web_stranger", self.org_b, password="web_stranger")
        self.scan = as_user(self.env["coop.compass.scan"], self.author).action_start(self.org_a).sudo()
        self.scan.write({"share_with_organisation": True})

    def _csrf(self, path):
        response = self.url_open(path)
        self.assertEqual(response.status_code, 200, path)
        return CSRF_RE.search(response.text).group(1)

    def _post(self, path, data, csrf_from=None):
        data = dict(data, csrf_token=self._csrf(csrf_from or path))
        return self.url_open(path, data=data)

    @staticmethod
    def _checked(page, name):
        """The value of the checked radio button called name on the page, or None."""
        values = lxml_html.fromstring(page).xpath('//input[@name="%s"][@checked]/@value' % name)
        return values[0] if values else None

    def _step_url(self, scan, step):
        return "/my/compass/%d/step/%d" % (scan.id, step)

    # ---------------------------------------------------------------- visitor

    def test_home_tile_counts_scans(self):
        """The /my tile of the compass counts the user's scans and those shared by the
        organisation, not another organisation's."""
        for login, count in (("web_author", "1"), ("web_colleague", "1"), ("web_stranger", "0")):
            self.authenticate(login, login)
            tiles = portal_tile_counts(self.url_open("/my/home").content)
            self.assertEqual(tiles.get("/my/compass"), count, login)

    def test_visitor_creates_account_and_starts(self):
        """A visitor fills in the start form: a portal user, its organisation and a scan are made, and
        the visitor lands logged in on the first page of the questionnaire."""
        response = self._post("/kompas/start", {
            "name": "Vera Visser", "email": "Vera@Example.org", "password": "geheim-123",
            "organisation_name": "Coöperatie Nieuw"}, csrf_from="/kompas")
        self.assertEqual(response.status_code, 200)
        self.assertRegex(response.url, r"/my/compass/\d+/step/1$")
        user = self.env["res.users"].search([("login", "=", "vera@example.org")])
        self.assertTrue(user.has_group("base.group_portal"))
        self.assertFalse(user.has_group("base.group_user"))
        scan = self.env["coop.compass.scan"].sudo().search([("user_id", "=", user.id)])
        self.assertEqual(scan.organisation_id.name, "Coöperatie Nieuw")
        self.assertEqual(scan.organisation_id, user.partner_id.parent_id)
        self.assertIn("o_compass_questionnaire", response.text)

    def test_visitor_with_existing_email_or_weak_password(self):
        """An e-mail address that has an account, or a too short password, gives a message and no account."""
        before = self.env["res.users"].search_count([])
        response = self._post("/kompas/start", {"name": "X", "email": "web_author@example.org",
                                                "password": "geheim-123"}, csrf_from="/kompas")
        self.assertIn("alert-danger", response.text)
        self.assertIn("/web/login?redirect=/kompas", response.text)
        response = self._post("/kompas/start", {"name": "Y", "email": "y@example.org", "password": "kort"},
                              csrf_from="/kompas")
        self.assertIn("alert-danger", response.text)
        self.assertEqual(self.env["res.users"].search_count([]), before)

    def test_logged_in_user_resumes_open_organisation_scan(self):
        """A logged-in author who starts again for the organisation lands on the open scan."""
        self.authenticate("web_author", "web_author")
        response = self._post("/kompas/start", {"for_organisation": "1"}, csrf_from="/kompas")
        self.assertTrue(response.url.endswith(self._step_url(self.scan, 1)))
        self.assertEqual(self.env["coop.compass.scan"].sudo().search_count(
            [("organisation_id", "=", self.org_a.id)]), 1)

    def test_colleague_cannot_start_second_organisation_scan(self):
        """A colleague starting an organisation scan while the author's is open gets an explanation."""
        self.authenticate("web_colleague", "web_colleague")
        response = self._post("/kompas/start", {"for_organisation": "1"}, csrf_from="/kompas")
        self.assertIn("alert-danger", response.text)
        self.assertEqual(self.env["coop.compass.scan"].sudo().search_count(
            [("organisation_id", "=", self.org_a.id)]), 1)

    # ---------------------------------------------------------------- questionnaire

    def test_answers_kept_on_back_navigation(self):
        """Answers posted on a page are saved; going back shows them selected."""
        self.authenticate("web_author", "web_author")
        response = self._post(self._step_url(self.scan, 1), {
            "q_%d" % self.q1a.id: "3", "q_%d" % self.q1c.id: "yes",
            "q_%d" % self.q1d.id: "Meer jongeren", "go": "next"})
        self.assertTrue(response.url.endswith(self._step_url(self.scan, 2)))
        self.assertIn("Stap 2 van 4", response.text)  # the users speak Dutch (nl_BE)
        response = self.url_open(self._step_url(self.scan, 1))
        self.assertEqual(self._checked(response.text, "q_%d" % self.q1a.id), "3")
        self.assertEqual(self._checked(response.text, "q_%d" % self.q1c.id), "yes")
        self.assertIsNone(self._checked(response.text, "q_%d" % self.q1b.id))
        self.assertIn("Meer jongeren", response.text)

    def test_level_zero_can_be_chosen(self):
        """The radio button of level 0 carries the value 0 (QWeb drops falsy attribute values)."""
        self.authenticate("web_author", "web_author")
        page = lxml_html.fromstring(self.url_open(self._step_url(self.scan, 1)).text)
        values = page.xpath('//input[@name="q_%d"]/@value' % self.q1a.id)
        self.assertEqual(values, ["0", "1", "2", "3", "4"])

    def test_question_of_another_page_is_ignored(self):
        """A posted answer to a question that is not on the page is not saved."""
        self.authenticate("web_author", "web_author")
        self._post(self._step_url(self.scan, 1), {"q_%d" % self.q3a.id: "4", "go": "next"})
        self.scan.invalidate_cache()
        self.assertFalse(self.scan.answer_ids.filtered(lambda a: a.question_id == self.q3a))

    def test_scale_out_of_range_shows_error(self):
        """A level of 7 is refused with a message; nothing of that page is saved."""
        self.authenticate("web_author", "web_author")
        response = self._post(self._step_url(self.scan, 1), {
            "q_%d" % self.q1b.id: "2", "q_%d" % self.q1a.id: "7", "go": "next"})
        self.assertIn("o_compass_error", response.text)
        self.assertTrue(response.url.endswith(self._step_url(self.scan, 1)))
        self.scan.invalidate_cache()
        self.assertFalse(self.scan.answer_ids)

    def test_submit_with_missing_answers_lists_them(self):
        """Submitting with required questions open shows which ones, with links to their page."""
        self.scan.set_answers(self._full_answers(q3a=""))
        self.authenticate("web_author", "web_author")
        response = self._post(self._step_url(self.scan, 4), {"go": "submit"})
        self.assertIn("o_compass_missing", response.text)
        self.assertIn("Q3a scale", response.text)
        self.assertIn("/step/3#question_%d" % self.q3a.id, response.text)
        self.assertEqual(self.scan.state, "draft")

    def test_submit_result_reopen_and_pdf(self):
        """Submit from the last page, see the chart and scores, download the report, reopen to v2."""
        self.scan.set_answers(self._full_answers())
        self.authenticate("web_author", "web_author")
        nrc = self.env["coop.compass.nrc.condition"].search([], limit=1)
        response = self._post(self._step_url(self.scan, 4), {"go": "submit", "nrc_%d" % nrc.id: "1"})
        self.assertRegex(response.url, r"/my/compass/%d\?submitted=1$" % self.scan.id)
        self.assertIn("<svg", response.text)
        self.assertIn("o_compass_scores", response.text)
        self.assertEqual(self.scan.state, "submitted")
        self.assertEqual(self.scan.nrc_condition_ids, nrc)
        # generous timeout: the first report of a fresh database compiles its asset bundles
        pdf = self.url_open("/my/compass/%d/pdf" % self.scan.id, timeout=180)
        self.assertEqual(pdf.status_code, 200)
        self.assertEqual(pdf.headers["Content-Type"], "application/pdf")
        # in test mode Odoo hands back the report's HTML instead of running wkhtmltopdf
        # (test_compass_report.py checks the real PDF)
        self.assertIn(self.scan.name, pdf.content.decode("utf-8", "replace"))
        response = self._post("/my/compass/%d/reopen" % self.scan.id, {}, csrf_from="/my/compass/%d" % self.scan.id)
        v2 = self.env["coop.compass.scan"].sudo().search([("root_id", "=", self.scan.id), ("version", "=", 2)])
        self.assertTrue(response.url.endswith(self._step_url(v2, 1)))
        listing = lxml_html.fromstring(self.url_open("/my/compass").text)
        row_v1 = listing.xpath('//tr[@data-scan-id="%d"]' % self.scan.id)[0]
        row_v2 = listing.xpath('//tr[@data-scan-id="%d"]' % v2.id)[0]
        # state, score and date of each version, with the PDF of v1 and the resume link of v2
        self.assertIn("Ingediend", row_v1.text_content())
        self.assertIn("66", row_v1.text_content())
        self.assertTrue(row_v1.xpath('.//a[@href="/my/compass/%d/pdf"]' % self.scan.id))
        self.assertIn("In behandeling", row_v2.text_content())
        self.assertTrue(row_v2.xpath('.//a[@href="%s"]' % self._step_url(v2, 1)))
        date_format = self.env["res.lang"]._lang_get(self.author.lang or "nl_BE").date_format
        for row, scan in ((row_v1, self.scan), (row_v2, v2)):
            day = fields.Date.from_string(scan.date_submitted or scan.date_start)
            self.assertIn(day.strftime(date_format), row.text_content())

    # ---------------------------------------------------------------- crafted URLs

    def test_crafted_urls_of_another_scan(self):
        """Another organisation's portal user gets 404 on every URL of the scan, and changes nothing."""
        self.scan.set_answers(self._full_answers())
        self.authenticate("web_stranger", "web_stranger")
        for path in ("/my/compass/%d" % self.scan.id, self._step_url(self.scan, 1),
                     "/my/compass/%d/pdf" % self.scan.id):
            self.assertEqual(self.url_open(path).status_code, 404, path)
        csrf = self._csrf("/my/compass")
        for path, data in ((self._step_url(self.scan, 1), {"q_%d" % self.q1a.id: "0", "go": "save"}),
                           (self._step_url(self.scan, 4), {"go": "submit"}),
                           ("/my/compass/%d/reopen" % self.scan.id, {})):
            response = self.url_open(path, data=dict(data, csrf_token=csrf))
            self.assertEqual(response.status_code, 404, path)
        self.scan.invalidate_cache()
        self.assertEqual(self.scan.state, "draft")
        self.assertEqual(self.scan.answer_ids.filtered(lambda a: a.question_id == self.q1a).value_scale, 3)
        self.assertNotIn(self.scan.name, self.url_open("/my/compass").text)

    def test_colleague_reads_but_cannot_edit(self):
        """A colleague sees the shared scan's page but cannot post answers or reopen."""
        self.scan.set_answers(self._full_answers())
        self.scan.action_submit()
        self.authenticate("web_colleague", "web_colleague")
        self.assertEqual(self.url_open("/my/compass/%d" % self.scan.id).status_code, 200)
        csrf = self._csrf("/my/compass")
        response = self.url_open("/my/compass/%d/reopen" % self.scan.id, data={"csrf_token": csrf})
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.env["coop.compass.scan"].sudo().search_count([("root_id", "=", self.scan.id)]), 1)

    def test_reopen_while_colleague_scan_is_open_shows_why(self):
        """Reopen while a colleague's scan of the organisation is in progress: the result page
        explains it in Dutch (no server error) and no new version is made."""
        self.scan.set_answers(self._full_answers())
        self.scan.action_submit()
        as_user(self.env["coop.compass.scan"], self.colleague).action_start(self.org_a)
        self.authenticate("web_author", "web_author")
        response = self._post("/my/compass/%d/reopen" % self.scan.id, {},
                              csrf_from="/my/compass/%d" % self.scan.id)
        self.assertEqual(response.status_code, 200)
        error = lxml_html.fromstring(response.text).xpath(
            '//div[contains(concat(" ", @class, " "), " o_compass_error ")]')
        self.assertTrue(error, "the page shows why the scan cannot be reopened")
        self.assertIn("Web Colleague (Coop A) heeft al een andere scan", error[0].text_content())
        self.assertIn("o_compass_scores", response.text)
        self.assertEqual(self.env["coop.compass.scan"].sudo().search_count([("root_id", "=", self.scan.id)]), 1)

    def test_public_user_redirected_to_login(self):
        """/my/compass pages ask a visitor to log in."""
        response = self.url_open("/my/compass/%d" % self.scan.id)
        self.assertIn("/web/login", response.url)

    def test_report_urls_of_another_scan(self):
        """Odoo's own report URLs (/report/html|pdf/...) refuse the scan to another organisation's
        portal user (403, nothing of the scan in the page) and give it to its author."""
        self.scan.set_answers(self._full_answers())
        self.scan.action_submit()
        report = "coop_compass.report_compass_scan"
        self.authenticate("web_stranger", "web_stranger")
        for converter in ("html", "pdf"):
            response = self.url_open("/report/%s/%s/%d" % (converter, report, self.scan.id), timeout=180)
            self.assertEqual(response.status_code, 403, converter)
            self.assertNotIn(self.scan.name, response.text)
        self.authenticate("web_author", "web_author")
        response = self.url_open("/report/html/%s/%d" % (report, self.scan.id), timeout=180)
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.scan.name, response.text)

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The public pages and the portal through HTTP."""
import json
import re
import secrets
from datetime import timedelta

from lxml import etree, html

from odoo import fields
from odoo.addons.coop_website.tests.common import CoopHttpCase, new_user, portal_tile_counts

from .common import local_today, make_contact_user, make_org, make_vacancy, set_params

BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"


class VacancyHttpCase(CoopHttpCase):

    def setUp(self):
        super().setUp()
        self.opener.headers["User-Agent"] = BROWSER_UA
        self.org_member = make_org(self.env, "Ecopower Http")
        self.org_other = make_org(self.env, "Vooruit Http")
        self.poster = make_contact_user(self.env, self.org_member, "http_poster", password="http_poster")
        self.poster_other = make_contact_user(self.env, self.org_other, "http_other", password="http_other")
        self.staff = new_user(self.env, "http_staff", ["coop_website.group_coop_user"], password="http_staff")
        set_params(self.env, review_members=0, expiry_days=60, nonmember_price=0)
        self.sector = self.env["coop.membership.sector"].create({"name": "Http energie"})
        self.published = make_vacancy(self.env, self.org_member, name="Zichtbare energiecoach",
                                      sector_id=self.sector.id, city="Antwerpen", province="antwerpen")
        self.published.action_submit()
        self.draft = make_vacancy(self.env, self.org_member, name="Geheime conceptvacature")
        self.foreign = make_vacancy(self.env, self.org_other, name="Andermans vacature", province="limburg",
                                    contract_type="volunteer")
        self.foreign.action_submit()
        # views counted by the test only (the demo database holds the views of 2021)
        self.env.cr.execute("SELECT COALESCE(MAX(id), 0) FROM coop_vacancy_view")
        self.last_view_id = self.env.cr.fetchone()[0]

    def new_visitor(self):
        """A fresh anonymous visitor (its own session)."""
        self.opener.cookies.clear()
        self.opener.cookies["session_id"] = secrets.token_hex(20)

    def authenticate(self, user, password):
        """Log in on the test's own session (a new_visitor() may have replaced the cookie)."""
        self.opener.cookies.clear()
        self.opener.cookies["session_id"] = self.session_id
        return super().authenticate(user, password)

    def get(self, url, status=200):
        response = self.url_open(url, timeout=60)
        self.assertEqual(response.status_code, status, url)
        return response

    def csrf(self, url):
        page = self.get(url).text
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def views(self, vacancy=None):
        domain = [("vacancy_id", "=", vacancy.id)] if vacancy else [("page_key", "=", "overview")]
        domain.append(("id", ">", self.last_view_id))
        return self.env["coop.vacancy.view"].sudo().search_count(domain)


class TestPublicPages(VacancyHttpCase):

    def test_overview_lists_published_only(self):
        """/vacatures shows published vacancies, never drafts."""
        page = self.get("/vacatures").text
        self.assertIn("Zichtbare energiecoach", page)
        self.assertIn("Andermans vacature", page)
        self.assertNotIn("Geheime conceptvacature", page)

    def test_pages_in_dutch(self):
        """The public pages speak Dutch to a Dutch-speaking visitor (the site's language)."""
        self.assertIn("Vacatures bij coöperaties", self.get("/vacatures").text)
        page = self.get(self.published.website_url).text
        self.assertIn("Solliciteer", page)
        self.assertIn("Gepubliceerd", page)

    def test_overview_filters_and_search(self):
        """Filters on sector, province, contract type and the search box narrow the list."""
        page = self.get("/vacatures?sector=%d" % self.sector.id).text
        self.assertIn("Zichtbare energiecoach", page)
        self.assertNotIn("Andermans vacature", page)
        page = self.get("/vacatures?province=limburg").text
        self.assertNotIn("Zichtbare energiecoach", page)
        self.assertIn("Andermans vacature", page)
        page = self.get("/vacatures?contract=volunteer").text
        self.assertNotIn("Zichtbare energiecoach", page)
        page = self.get("/vacatures?search=energiecoach").text
        self.assertIn("Zichtbare energiecoach", page)
        self.assertNotIn("Andermans vacature", page)
        self.get("/vacatures?sector=abc&province=mars&contract=%3Cscript%3E")

    def test_count_is_plural_aware(self):
        """One result reads "1 vacature", two "2 vacatures" (Dutch page)."""
        def count_text(url):
            page = html.fromstring(self.get(url).content)
            node = page.xpath("//*[contains(@class, 'o_coop_vacancy_total')]")[0]
            return " ".join(node.text_content().split())
        self.assertEqual(count_text("/vacatures?search=energiecoach"), "1 vacature")
        self.assertRegex(count_text("/vacatures"), r"^\d+ vacatures$")

    def test_overview_members_filter(self):
        """The member filter hides vacancies of non-members."""
        nonmember = make_org(self.env, "Nietlid Http", member=False)
        vacancy = make_vacancy(self.env, nonmember, name="Niet-lid vacature")
        vacancy.action_submit()
        vacancy.action_publish()
        self.assertIn("Niet-lid vacature", self.get("/vacatures").text)
        self.assertNotIn("Niet-lid vacature", self.get("/vacatures?members=1").text)

    def test_overview_pagination(self):
        """More vacancies than a page holds are spread over /vacatures/page/N."""
        for i in range(13):
            vacancy = make_vacancy(self.env, self.org_member, name="Paginavacature %02d" % i)
            vacancy.action_submit()
        first = self.get("/vacatures").text
        self.assertIn("/vacatures/page/2", first)
        second = self.get("/vacatures/page/2").text
        names = set(re.findall(r"Paginavacature \d\d", first)) | set(re.findall(r"Paginavacature \d\d", second))
        self.assertEqual(len(names), 13)

    def test_vacancy_page_json_ld_logo_apply(self):
        """A vacancy page has an apply button, the logo and valid JobPosting JSON-LD."""
        self.org_member.image = (
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
        page = self.get(self.published.website_url).text
        doc = html.fromstring(page)
        self.assertTrue(doc.xpath(
            '//a[contains(@class, "o_coop_vacancy_apply") and @href="https://jobs.example.org/energie"]'))
        self.assertTrue(doc.xpath('//img[contains(@src, "/web/image/res.partner/%d/")]' % self.org_member.id))
        scripts = doc.xpath('//script[@type="application/ld+json"]')
        data = json.loads(scripts[0].text)
        self.assertEqual(data["@type"], "JobPosting")
        self.assertEqual(data["title"], "Zichtbare energiecoach")
        self.assertEqual(data["hiringOrganization"]["name"], "Ecopower Http")

    def test_only_current_vacancies_newest_first(self):
        """A vacancy whose publication date is still to come, or whose closing date has passed
        (before the nightly job expires it), is not on /vacatures, nor its page, nor in the
        feed; the current ones are listed newest first."""
        today = local_today(self.env)

        def day(offset):
            return fields.Date.to_string(today + timedelta(days=offset))

        future = make_vacancy(self.env, self.org_member, name="Toekomstige vacature", date_publication=day(10))
        future.action_submit()
        self.assertEqual((future.state, future.date_publication), ("published", day(10)))
        passed = make_vacancy(self.env, self.org_member, name="Voorbije vacature")
        passed.write({"state": "published", "date_publication": day(-40), "date_closing": day(-1)})
        older = make_vacancy(self.env, self.org_member, name="Oudere vacature")
        older.write({"state": "published", "date_publication": day(-5), "date_closing": day(30)})
        page = self.get("/vacatures").text
        self.assertNotIn("Toekomstige vacature", page)
        self.assertNotIn("Voorbije vacature", page)
        self.assertLess(page.index("Zichtbare energiecoach"), page.index("Oudere vacature"))
        self.get(future.website_url, status=404)
        self.get(passed.website_url, status=404)
        self.get(older.website_url)
        root = etree.fromstring(self.get("/vacatures/feed").content)
        titles = root.xpath("//a:entry/a:title/text()", namespaces={"a": "http://www.w3.org/2005/Atom"})
        self.assertIn("Oudere vacature", titles)
        self.assertNotIn("Toekomstige vacature", titles)
        self.assertNotIn("Voorbije vacature", titles)

    def test_unpublished_vacancy_not_found(self):
        """Drafts are not reachable on the public site, nor unknown ids."""
        self.get(self.draft.website_url, status=404)
        self.get("/vacatures/iets-999999999", status=404)

    def test_old_slug_redirects(self):
        """A renamed vacancy's old address redirects to the new one."""
        self.get("/vacatures/oude-titel-%d" % self.published.id)
        response = self.opener.get("http://127.0.0.1:%s/vacatures/oude-titel-%d" % (
            self.url_open("/").url.split(":")[2].split("/")[0], self.published.id), allow_redirects=False)
        self.assertEqual(response.status_code, 301)

    def test_feed_is_valid_atom(self):
        """/vacatures/feed is well-formed Atom with the published vacancies."""
        response = self.get("/vacatures/feed")
        self.assertIn("atom+xml", response.headers["Content-Type"])
        root = etree.fromstring(response.content)
        ns = {"a": "http://www.w3.org/2005/Atom"}
        self.assertEqual(root.tag, "{http://www.w3.org/2005/Atom}feed")
        titles = root.xpath("//a:entry/a:title/text()", namespaces=ns)
        self.assertIn("Zichtbare energiecoach", titles)
        self.assertNotIn("Geheime conceptvacature", titles)


class TestCounting(VacancyHttpCase):

    def test_views_counted_once_per_visitor(self):
        """Two visitors, reloading, give two unique views of the overview and of the vacancy."""
        for _visitor in range(2):
            self.new_visitor()
            for _reload in range(3):
                self.get("/vacatures")
                self.get(self.published.website_url)
        self.assertEqual(self.views(), 2)
        self.assertEqual(self.views(self.published), 2)
        self.assertEqual(self.published.unique_view_count, 2)

    def test_bots_not_counted(self):
        """A crawler's visits are not counted."""
        self.new_visitor()
        self.opener.headers["User-Agent"] = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
        self.get("/vacatures")
        self.get(self.published.website_url)
        self.assertEqual(self.views(), 0)
        self.assertEqual(self.views(self.published), 0)

    def test_staff_not_counted_portal_counted(self):
        """Logged-in staff are not counted; a logged-in portal visitor is."""
        self.authenticate("http_staff", "http_staff")
        self.get("/vacatures")
        self.assertEqual(self.views(), 0)
        self.authenticate("http_other", "http_other")
        self.get("/vacatures")
        self.assertEqual(self.views(), 1)

    def test_poster_sees_views_in_portal(self):
        """The poster's list shows each vacancy's unique views."""
        for _visitor in range(3):
            self.new_visitor()
            self.get(self.published.website_url)
        self.authenticate("http_poster", "http_poster")
        doc = html.fromstring(self.get("/my/vacatures").text)
        row = doc.xpath('//tr[.//a[@href="/my/vacatures/%d"]]' % self.published.id)[0]
        self.assertEqual(row.xpath('.//td[contains(@class, "o_coop_vacancy_views")]')[0].text_content().strip(), "3")


class TestPortal(VacancyHttpCase):

    def form(self, **values):
        data = {"name": "Boekhouder (m/v/x)", "city": "Leuven", "province": "vlaams_brabant",
                "contract_type": "temporary", "hours": "19", "hours_unit": "hours",
                "sector_id": str(self.sector.id), "description": "<p>Cijfers en coöperaties</p>",
                "apply_url": "https://ecopower.example.org/jobs", "date_publication": "", "date_closing": ""}
        data.update(values)
        return data

    def test_home_tile_counts_own_vacancies(self):
        """The /my tile of the vacancies counts those of the user's organisation, drafts
        included, not another organisation's; a user without organisation has no such tile."""
        self.authenticate("http_poster", "http_poster")
        self.assertEqual(portal_tile_counts(self.get("/my/home").content).get("/my/vacatures"), "2")
        self.authenticate("http_other", "http_other")
        self.assertEqual(portal_tile_counts(self.get("/my/home").content).get("/my/vacatures"), "1")
        # a person without an organisation posts no vacancies: no tile
        new_user(self.env, "http_private", ["base.group_portal"], password="http_private")
        self.authenticate("http_private", "http_private")
        self.assertNotIn("/my/vacatures", portal_tile_counts(self.get("/my/home").content))

    def test_user_without_organisation_is_told_what_to_do(self):
        """/my/vacatures for a user linked to no organisation: no "Vacatures van" without
        a name, but an explanation and a way to ask to be linked."""
        new_user(self.env, "http_alone", ["base.group_portal"], password="http_alone",
                 lang="nl_BE")
        self.authenticate("http_alone", "http_alone")
        page = self.get("/my/vacatures").text
        self.assertIn("o_coop_vacancy_no_org", page)
        self.assertIn("nog niet aan een organisatie gekoppeld", page)
        self.assertIn("mailto:info@coopkracht.be", page)
        self.assertNotIn("Vacatures van", page)
        self.assertNotIn("o_coop_vacancy_new", page)

    def test_poster_lists_only_own_organisation(self):
        """/my/vacatures lists the organisation's vacancies, drafts included, not others'."""
        self.authenticate("http_poster", "http_poster")
        page = self.get("/my/vacatures").text
        self.assertIn("Geheime conceptvacature", page)
        self.assertNotIn("Andermans vacature", page)

    def test_post_submit_publish(self):
        """A member contact creates a vacancy, previews it and submits it: published at once."""
        self.authenticate("http_poster", "http_poster")
        data = self.form(csrf_token=self.csrf("/my/vacatures/new"))
        response = self.url_open("/my/vacatures/new", data=data)
        self.assertEqual(response.status_code, 200)
        vacancy = self.env["coop.vacancy"].search([("name", "=", "Boekhouder (m/v/x)")])
        self.assertEqual(vacancy.partner_id, self.org_member)
        self.assertEqual(vacancy.state, "draft")
        self.assertTrue(response.url.endswith("/my/vacatures/%d" % vacancy.id))
        self.assertIn("Boekhouder (m/v/x)", response.text)
        self.url_open("/my/vacatures/%d/submit" % vacancy.id,
                      data={"csrf_token": self.csrf("/my/vacatures/%d" % vacancy.id)})
        self.assertEqual(vacancy.state, "published")
        self.assertIn("Boekhouder (m/v/x)", self.get("/vacatures").text)

    def test_bad_input_shows_errors(self):
        """Missing title, closing before publication and a non-http URL are refused with a message."""
        self.authenticate("http_poster", "http_poster")
        for bad in ({"name": ""}, {"date_publication": "2026-05-01", "date_closing": "2026-04-01"},
                    {"apply_url": "javascript:alert(1)"}, {"hours": "veel"}):
            data = self.form(csrf_token=self.csrf("/my/vacatures/new"), **bad)
            response = self.url_open("/my/vacatures/new", data=data)
            self.assertEqual(response.status_code, 200)
            self.assertIn("o_coop_vacancy_error", response.text, bad)
        self.assertFalse(self.env["coop.vacancy"].search([("name", "=", "Boekhouder (m/v/x)")]))

    def test_script_stripped_through_portal(self):
        """A <script> posted in the description never reaches the page."""
        self.authenticate("http_poster", "http_poster")
        data = self.form(csrf_token=self.csrf("/my/vacatures/new"),
                         description='<p>Hallo</p><script>alert("pwned")</script>')
        self.url_open("/my/vacatures/new", data=data)
        vacancy = self.env["coop.vacancy"].search([("name", "=", "Boekhouder (m/v/x)")])
        self.assertNotIn("pwned", vacancy.description)
        self.assertNotIn('alert("pwned")', self.get("/my/vacatures/%d" % vacancy.id).text)

    def test_cannot_post_for_other_organisation(self):
        """A crafted partner_id for another organisation is refused (403), nothing is created."""
        self.authenticate("http_poster", "http_poster")
        data = self.form(csrf_token=self.csrf("/my/vacatures/new"), partner_id=str(self.org_other.id))
        response = self.url_open("/my/vacatures/new", data=data)
        self.assertEqual(response.status_code, 403)
        self.assertFalse(self.env["coop.vacancy"].search([("name", "=", "Boekhouder (m/v/x)")]))

    def test_cannot_edit_other_organisation(self):
        """Another organisation's vacancy cannot be opened, edited, withdrawn through crafted
        URLs; it answers the same 404 as a missing one (same status, same page), so an
        outsider cannot tell that it exists."""
        self.authenticate("http_poster", "http_poster")
        token = self.csrf("/my/vacatures/new")
        foreign = self.get("/my/vacatures/%d" % self.foreign.id, status=404)
        missing = self.get("/my/vacatures/999999999", status=404)

        def main(response):  # the page's content, without per-request tokens
            text = response.text[response.text.index("<main"):response.text.index("</main>")]
            return re.sub(r"(csrf_token\W+|[?&]t=)[0-9a-zA-Z]+", r"\1", text)
        self.assertEqual(main(foreign), main(missing))
        self.get("/my/vacatures/%d/edit" % self.foreign.id, status=404)
        response = self.url_open("/my/vacatures/%d/edit" % self.foreign.id,
                                 data=self.form(csrf_token=token, name="Gekaapt"))
        self.assertEqual(response.status_code, 404)
        response = self.url_open("/my/vacatures/%d/withdraw" % self.foreign.id, data={"csrf_token": token})
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.foreign.name, "Andermans vacature")
        self.assertEqual(self.foreign.state, "published")
        self.get("/my/vacatures/999999999", status=404)

    def test_edit_published_goes_back_to_review(self):
        """With review on, a poster's edit of a published vacancy takes it offline for review."""
        set_params(self.env, review_members=1)
        self.authenticate("http_poster", "http_poster")
        url = "/my/vacatures/%d/edit" % self.published.id
        self.url_open(url, data=self.form(csrf_token=self.csrf(url), name="Energiecoach (aangepast)"))
        self.assertEqual(self.published.name, "Energiecoach (aangepast)")
        self.assertEqual(self.published.state, "to_review")
        self.assertTrue(self.published.date_publication, "the form's empty publication date is ignored")
        self.new_visitor()
        self.get(self.published.website_url, status=404)

    def test_saving_unchanged_form_keeps_vacancy_online(self):
        """With review on, saving the edit form as it is shown, with only a later closing
        date, keeps a published vacancy online (the form posts every field)."""
        set_params(self.env, review_members=1)
        self.authenticate("http_poster", "http_poster")
        url = "/my/vacatures/%d/edit" % self.published.id
        form = html.fromstring(self.get(url).text).xpath('//form[contains(@class, "o_coop_vacancy_form")]')[0]
        data = dict(form.form_values())
        closing = fields.Date.to_string(fields.Date.from_string(self.published.date_closing) + timedelta(days=30))
        data["date_closing"] = closing
        self.assertEqual(self.url_open(url, data=data).status_code, 200)
        self.assertEqual(self.published.date_closing, closing)
        self.assertEqual(self.published.state, "published")
        self.get(self.published.website_url)

    def test_withdraw_and_repost(self):
        """The poster withdraws its vacancy (it leaves /vacatures) and reposts it: the new
        vacancy is shown to the poster and is online, the old one stays closed."""
        self.authenticate("http_poster", "http_poster")
        url = "/my/vacatures/%d" % self.published.id
        self.url_open(url + "/withdraw", data={"csrf_token": self.csrf(url)})
        self.assertEqual(self.published.state, "closed")
        self.assertNotIn("Zichtbare energiecoach", self.get("/vacatures").text)
        response = self.url_open(url + "/repost", data={"csrf_token": self.csrf(url)})
        repost = self.env["coop.vacancy"].search([("name", "=", "Zichtbare energiecoach"),
                                                  ("id", "!=", self.published.id)])
        self.assertEqual(repost.state, "published")
        self.assertTrue(response.url.endswith("/my/vacatures/%d" % repost.id), response.url)
        self.assertEqual(self.published.state, "closed")
        self.assertIn("Zichtbare energiecoach", self.get("/vacatures").text)

    def test_user_without_organisation(self):
        """A portal user without organisation is told so and cannot post."""
        new_user(self.env, "http_loner", ["base.group_portal"], password="http_loner")
        self.authenticate("http_loner", "http_loner")
        page = self.get("/my/vacatures/new").text
        self.assertNotIn("o_coop_vacancy_form", page)

    def test_anonymous_redirected_to_login(self):
        """The portal pages need a login."""
        self.new_visitor()
        response = self.url_open("/my/vacatures")
        self.assertIn("/web/login", response.url)

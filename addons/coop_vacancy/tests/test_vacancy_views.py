# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.coop_vacancy.controllers.main import is_bot
from odoo.addons.coop_website.tests.common import as_user

from .common import VacancyCase, make_vacancy


class TestUniqueViews(VacancyCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.View = cls.env["coop.vacancy.view"]
        cls.vacancy = make_vacancy(cls.env, cls.org_member)

    def test_one_view_per_session_page_day(self):
        """Reloads by one session count once per page and day; another page or day counts again."""
        View = self.View
        self.assertTrue(View.register_view("sess-a", day="2026-03-02"))
        self.assertFalse(View.register_view("sess-a", day="2026-03-02"))
        self.assertTrue(View.register_view("sess-b", day="2026-03-02"))
        self.assertTrue(View.register_view("sess-a", self.vacancy.id, day="2026-03-02"))
        self.assertFalse(View.register_view("sess-a", self.vacancy.id, day="2026-03-02"))
        self.assertTrue(View.register_view("sess-a", day="2026-03-03"))
        self.assertEqual(View.overview_views("2026-03-01", "2026-03-31"), 3)
        self.assertEqual(self.vacancy.unique_view_count, 1)
        self.assertFalse(View.register_view(False))

    def test_no_personal_data_stored(self):
        """Only a sha256 hash is stored, without the session id, and salts differ per day."""
        View = self.View
        View.register_view("secret-session-id", self.vacancy.id, day="2026-03-02")
        row = View.search([("vacancy_id", "=", self.vacancy.id)])
        self.assertEqual(len(row.visitor_hash), 64)
        self.assertNotIn("secret-session-id", row.visitor_hash)
        self.cr.execute("SELECT * FROM coop_vacancy_view WHERE id = %s", (row.id,))
        columns = [d[0] for d in self.cr.description]
        self.assertEqual(sorted(columns), sorted(["id", "day", "page_key", "vacancy_id", "visitor_hash"]))
        self.assertNotEqual(View.visitor_hash_for("2026-03-02", "s"), View.visitor_hash_for("2026-03-03", "s"))

    def test_salt_rotates_daily(self):
        """The stored salt belongs to the current day and is replaced on a new day."""
        View = self.View
        View._salt_cache.clear()
        View.visitor_hash_for("2026-03-02", "s")
        param = self.env["ir.config_parameter"].sudo().get_param("coop_vacancy.view_salt")
        self.assertTrue(param.startswith("2026-03-02:"))
        View._salt_cache.clear()
        View.visitor_hash_for("2026-03-03", "s")
        new = self.env["ir.config_parameter"].sudo().get_param("coop_vacancy.view_salt")
        self.assertTrue(new.startswith("2026-03-03:"))
        self.assertNotEqual(param.split(":")[1], new.split(":")[1])

    def test_no_write_on_vacancy_row(self):
        """Counting a view does not write the vacancy (no row lock under concurrent visitors)."""
        self.env.cr.execute("SELECT xmin FROM coop_vacancy WHERE id = %s", (self.vacancy.id,))
        before = self.env.cr.fetchone()[0]
        self.View.register_view("sess-x", self.vacancy.id)
        self.env.cr.execute("SELECT xmin FROM coop_vacancy WHERE id = %s", (self.vacancy.id,))
        self.assertEqual(before, self.env.cr.fetchone()[0])

    def test_bots_recognised(self):
        """Crawlers and scripts are bots, browsers are not."""
        for agent in ("Mozilla/5.0 (compatible; Googlebot/2.1)", "curl/8.0", "python-requests/2.31",
                      "Mozilla/5.0 (compatible; bingbot/2.0)", "", None):
            self.assertTrue(is_bot(agent), agent)
        self.assertFalse(is_bot("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36"))

    def test_year_figures(self):
        """coop_year_figures gives the annual report's figures from the data of that year only
        (a year of its own: the demo database holds 2021)."""
        orgs = [self.org_member, self.org_other_member, self.org_nonmember]
        for i, org in enumerate(orgs * 2):
            vacancy = make_vacancy(self.env, org, name="Vacature %d" % i)
            vacancy.write({"state": "published" if i % 2 else "closed", "date_publication": "2041-0%d-01" % (i + 1),
                           "member_posting": org != self.org_nonmember})
        refused = make_vacancy(self.env, self.org_member, name="Geweigerd")
        refused.write({"state": "refused", "date_publication": "2041-05-01"})
        other_year = make_vacancy(self.env, self.org_member, name="Vorig jaar")
        other_year.write({"state": "closed", "date_publication": "2040-12-31", "member_posting": True})
        for session in ("a", "b", "c"):
            self.View.register_view(session, day="2041-06-01")
        self.View.register_view("a", day="2041-06-02")
        self.View.register_view("a", day="2042-01-01")
        figures = self.env["coop.vacancy"].coop_year_figures(2041)
        self.assertEqual(figures, {"posted": 6, "member_orgs": 2, "non_member_orgs": 1,
                                   "overview_unique_views": 4})

    def test_staff_see_views_per_vacancy_and_day(self):
        """Staff (and the board) group the unique views by vacancy and by day, as the graph
        and pivot views do; the graph and pivot views load for them."""
        other = make_vacancy(self.env, self.org_other_member, name="Andere vacature")
        for session, vacancy, day in (("a", self.vacancy, "2041-06-01"), ("b", self.vacancy, "2041-06-01"),
                                      ("a", self.vacancy, "2041-06-02"), ("a", other, "2041-06-01")):
            self.View.register_view(session, vacancy.id, day=day)
        for user in (self.user_coop, self.user_board):
            View = as_user(self.View, user).with_context(lang="en_US")
            groups = View.read_group([("day", ">=", "2041-01-01"), ("day", "<=", "2041-12-31")],
                                     ["vacancy_id", "day"], ["vacancy_id", "day:day"], lazy=False)
            counts = {(g["vacancy_id"][0], g["day:day"]): g["__count"] for g in groups}
            self.assertEqual(counts, {(self.vacancy.id, "01 Jun 2041"): 2, (self.vacancy.id, "02 Jun 2041"): 1,
                                      (other.id, "01 Jun 2041"): 1})
            for view_type in ("graph", "pivot"):
                self.assertTrue(View.fields_view_get(view_type=view_type)["arch"])

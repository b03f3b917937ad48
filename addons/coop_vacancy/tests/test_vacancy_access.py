# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.coop_website.tests.common import as_user
from odoo.exceptions import AccessError

from .common import VacancyCase, make_vacancy


class TestAccess(VacancyCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own = make_vacancy(cls.env, cls.org_member, name="Eigen vacature")
        cls.foreign = make_vacancy(cls.env, cls.org_other_member, name="Vreemde vacature")
        cls.foreign.write({"state": "published", "date_publication": "2026-03-02"})

    def test_portal_sees_only_own_organisation(self):
        """A contact sees only its organisation's vacancies, even published ones of others."""
        Vacancy = as_user(self.env["coop.vacancy"], self.poster)
        self.assertEqual(Vacancy.search([("id", "in", (self.own | self.foreign).ids)]), self.own)
        with self.assertRaises(AccessError):
            as_user(self.foreign, self.poster).read(["name"])

    def test_portal_cannot_write_other_organisation(self):
        """Editing another organisation's vacancy is refused."""
        with self.assertRaises(AccessError):
            as_user(self.foreign, self.poster).write({"name": "Gekaapt"})
        with self.assertRaises(AccessError):
            as_user(self.foreign, self.poster).poster_update({"name": "Gekaapt"})
        with self.assertRaises(AccessError):
            as_user(self.foreign, self.poster).action_close()

    def test_portal_cannot_post_for_other_organisation(self):
        """Creating a vacancy for an organisation the user does not belong to is refused."""
        with self.assertRaises(AccessError):
            make_vacancy(as_user(self.env["coop.vacancy"], self.poster).env, self.org_other_member)

    def test_portal_cannot_move_vacancy_to_other_org(self):
        """A poster cannot hand its vacancy to another organisation."""
        with self.assertRaises(AccessError):
            as_user(self.own, self.poster).write({"partner_id": self.org_other_member.id})

    def test_portal_cannot_set_workflow_fields(self):
        """A poster cannot publish by writing the state or the member flag."""
        for vals in ({"state": "published"}, {"member_posting": True}, {"invoice_id": False}):
            with self.assertRaises(AccessError):
                as_user(self.own, self.poster).write(vals)

    def test_portal_cannot_delete(self):
        """A poster withdraws, never deletes."""
        with self.assertRaises(AccessError):
            as_user(self.own, self.poster).unlink()

    def test_internal_employee_no_access(self):
        """An employee outside Coopkracht's groups cannot read vacancies."""
        with self.assertRaises(AccessError):
            as_user(self.own, self.user_internal).read(["name"])

    def test_board_reads_not_writes(self):
        """The board reads vacancies and views but does not change them."""
        self.assertEqual(as_user(self.own, self.user_board).name, "Eigen vacature")
        with self.assertRaises(AccessError):
            as_user(self.own, self.user_board).write({"name": "x"})
        as_user(self.env["coop.vacancy.view"], self.user_board).search([])

    def test_staff_manage_all(self):
        """Staff edit any organisation's vacancy; only managers delete."""
        as_user(self.foreign, self.user_coop).write({"name": "Aangepast"})
        with self.assertRaises(AccessError):
            as_user(self.foreign, self.user_coop).unlink()
        as_user(self.foreign, self.user_manager).unlink()

    def test_views_not_for_portal_nor_writable(self):
        """Page view rows are not readable by posters and not writable by staff."""
        with self.assertRaises(AccessError):
            as_user(self.env["coop.vacancy.view"], self.poster).search([])
        with self.assertRaises(AccessError):
            as_user(self.env["coop.vacancy.view"], self.user_coop).create({
                "day": "2026-03-02", "page_key": "overview", "visitor_hash": "x"})

    def test_views_counted_only_by_website(self):
        """Only the website (through sudo) counts views: a poster, staff or the board calling
        the public method over RPC add no view, and a poster reads no other organisation's
        counts; the poster still sees its own vacancy's views."""
        View = self.env["coop.vacancy.view"]
        for user in (self.poster, self.user_coop, self.user_board):
            with self.assertRaises(AccessError):
                as_user(View, user).register_view("forged-%d" % user.id, self.foreign.id)
        with self.assertRaises(AccessError):
            as_user(View, self.poster).views_per_vacancy(self.foreign.ids)
        with self.assertRaises(AccessError):
            as_user(View, self.poster).overview_views("2026-01-01", "2026-12-31")
        self.assertEqual(self.foreign.unique_view_count, 0)
        View.sudo().register_view("a-visitor", self.own.id)
        self.assertEqual(as_user(self.own, self.poster).unique_view_count, 1)

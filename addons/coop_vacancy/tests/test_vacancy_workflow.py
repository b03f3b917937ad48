# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.addons.coop_website.tests.common import as_user
from odoo.exceptions import AccessError, UserError

from .common import VacancyCase, local_today, make_vacancy, set_params


class TestWorkflow(VacancyCase):

    def _mails(self, vacancy, template):
        """The mails of vacancy made from template (subject rendered in the poster's language)."""
        subject = self.env.ref(template).generate_email(vacancy.id, fields=["subject"])["subject"]
        return self.env["mail.mail"].search([("model", "=", "coop.vacancy"), ("res_id", "=", vacancy.id),
                                             ("subject", "=", subject)])

    def test_member_published_directly_without_review(self):
        """A member's vacancy is published on submit when members are not reviewed; free, mailed."""
        poster_env = as_user(self.env["coop.vacancy"], self.poster).env
        vacancy = make_vacancy(poster_env, self.org_member)
        self.assertEqual(vacancy.user_id, self.poster)
        vacancy.action_submit()
        self.assertEqual(vacancy.state, "published")
        self.assertTrue(vacancy.member_posting)
        self.assertFalse(vacancy.invoice_id)
        self.assertEqual(vacancy.date_publication, fields.Date.to_string(local_today(self.env)))
        self.assertEqual(vacancy.date_closing, fields.Date.to_string(local_today(self.env) + timedelta(days=60)))
        self.assertTrue(self._mails(vacancy, "coop_vacancy.mail_template_vacancy_published"))

    def test_member_reviewed_when_setting_on(self):
        """With review on, a member's vacancy waits for review and the reviewer gets an activity."""
        set_params(self.env, review_members=1)
        vacancy = make_vacancy(self.env, self.org_member)
        as_user(vacancy, self.poster).action_submit()
        self.assertEqual(vacancy.state, "to_review")
        self.assertEqual(vacancy.activity_ids.user_id, self.user_manager)
        as_user(vacancy, self.user_coop).action_publish()
        self.assertEqual(vacancy.state, "published")
        self.assertFalse(vacancy.activity_ids)

    def test_nonmember_always_reviewed_and_invoiced(self):
        """A non-member's vacancy is reviewed even with review off, and invoiced on publication."""
        set_params(self.env, nonmember_price=75)
        vacancy = make_vacancy(self.env, self.org_nonmember)
        as_user(vacancy, self.poster_nonmember).action_submit()
        self.assertEqual(vacancy.state, "to_review")
        self.assertTrue(vacancy.activity_ids)
        as_user(vacancy, self.user_coop).action_publish()
        self.assertEqual(vacancy.state, "published")
        self.assertFalse(vacancy.member_posting)
        invoice = vacancy.invoice_id
        self.assertEqual(invoice.type, "out_invoice")
        self.assertEqual(invoice.partner_id, self.org_nonmember)
        self.assertEqual(invoice.invoice_line_ids.product_id,
                         self.env.ref("coop_vacancy.product_vacancy_nonmember"))
        self.assertAlmostEqual(invoice.amount_untaxed, 75.0)

    def test_nonmember_without_price_not_invoiced(self):
        """Without a non-member price, publication creates no invoice."""
        vacancy = make_vacancy(self.env, self.org_nonmember)
        vacancy.action_submit()
        vacancy.action_publish()
        self.assertFalse(vacancy.invoice_id)

    def test_former_member_counts_as_nonmember(self):
        """Membership is decided on the publication date through coop_is_member_on."""
        self.org_member.write({"coop_membership_state": "former", "coop_leave_date": "2020-01-01"})
        vacancy = make_vacancy(self.env, self.org_member)
        vacancy.action_submit()
        self.assertEqual(vacancy.state, "to_review")

    def test_refuse_needs_reason_and_mails_poster(self):
        """Refusing needs a reason; the poster is mailed and can resubmit."""
        vacancy = make_vacancy(self.env, self.org_nonmember)
        vacancy.action_submit()
        staff_vacancy = as_user(vacancy, self.user_coop)
        with self.assertRaises(UserError):
            staff_vacancy.action_refuse()
        staff_vacancy.action_refuse("Geen coöperatieve vacature")
        self.assertEqual(vacancy.state, "refused")
        self.assertEqual(vacancy.refuse_reason, "Geen coöperatieve vacature")
        self.assertTrue(self._mails(vacancy, "coop_vacancy.mail_template_vacancy_refused"))
        as_user(vacancy, self.poster_nonmember).action_submit()
        self.assertEqual(vacancy.state, "to_review")

    def test_poster_cannot_publish_or_refuse(self):
        """Only staff publish or refuse; a poster gets an AccessError."""
        vacancy = make_vacancy(self.env, self.org_nonmember)
        vacancy.action_submit()
        with self.assertRaises(AccessError):
            as_user(vacancy, self.poster_nonmember).action_publish()
        with self.assertRaises(AccessError):
            as_user(vacancy, self.poster_nonmember).action_refuse("nee")
        with self.assertRaises(AccessError):
            as_user(vacancy, self.poster_nonmember).write({"state": "published"})

    def test_wrong_state_raises(self):
        """Transitions from the wrong state raise a UserError."""
        vacancy = make_vacancy(self.env, self.org_member)
        with self.assertRaises(UserError):
            vacancy.action_publish()
        with self.assertRaises(UserError):
            vacancy.action_repost()
        vacancy.action_submit()
        with self.assertRaises(UserError):
            vacancy.action_submit()

    def test_submit_needs_apply_channel(self):
        """A vacancy without apply URL nor e-mail cannot be submitted."""
        vacancy = make_vacancy(self.env, self.org_member, apply_url=False)
        with self.assertRaises(UserError):
            vacancy.action_submit()

    def test_withdraw_and_repost(self):
        """The poster withdraws a published vacancy and reposts it: a new vacancy with the
        same content and new dates is published, the old one stays closed with its dates."""
        vacancy = make_vacancy(self.env, self.org_member, contact_id=self.poster.partner_id.id)
        poster_vacancy = as_user(vacancy, self.poster)
        poster_vacancy.action_submit()
        poster_vacancy.action_close()
        self.assertEqual(vacancy.state, "closed")
        vacancy.write({"date_publication": "2026-01-05", "date_closing": "2026-03-06"})
        action = poster_vacancy.action_repost()
        repost = self.env["coop.vacancy"].browse(action["res_id"])
        self.assertNotEqual(repost, vacancy)
        self.assertEqual((vacancy.state, vacancy.date_publication, vacancy.date_closing),
                         ("closed", "2026-01-05", "2026-03-06"))
        self.assertEqual((repost.state, repost.date_publication),
                         ("published", fields.Date.to_string(local_today(self.env))))
        self.assertEqual((repost.name, repost.partner_id, repost.contact_id, repost.user_id, repost.apply_url),
                         (vacancy.name, vacancy.partner_id, vacancy.contact_id, self.poster, vacancy.apply_url))
        self.assertEqual(repost.description, vacancy.description)

    def test_repost_keeps_history_and_invoices_again(self):
        """A repost does not move the first posting to another year in the annual figures,
        and a non-member's repost is a new publication with its own invoice."""
        set_params(self.env, nonmember_price=75)
        old = make_vacancy(self.env, self.org_nonmember)
        old.write({"state": "expired", "date_publication": "2041-03-01", "date_closing": "2041-04-30",
                   "member_posting": False})
        self.assertEqual(self.env["coop.vacancy"].coop_year_figures(2041)["posted"], 1)
        repost = self.env["coop.vacancy"].browse(as_user(old, self.poster_nonmember).action_repost()["res_id"])
        self.assertEqual(repost.state, "to_review")
        as_user(repost, self.user_coop).action_publish()
        self.assertEqual(self.env["coop.vacancy"].coop_year_figures(2041)["posted"], 1)
        self.assertEqual((old.state, old.date_publication), ("expired", "2041-03-01"))
        self.assertTrue(repost.invoice_id)
        self.assertAlmostEqual(repost.invoice_id.amount_untaxed, 75.0)

    def _published_with_review(self):
        """A member's vacancy published while review of members' vacancies is on."""
        set_params(self.env, review_members=1)
        vacancy = make_vacancy(self.env, self.org_member)
        vacancy.action_submit()
        vacancy.action_publish()
        return vacancy

    def test_published_edit_goes_back_to_review(self):
        """A published vacancy edited by its poster goes back to review when review applies."""
        vacancy = self._published_with_review()
        as_user(vacancy, self.poster).poster_update({"name": "Nieuwe titel"})
        self.assertEqual(vacancy.state, "to_review")
        self.assertTrue(vacancy.activity_ids)

    def test_published_write_by_poster_goes_back_to_review(self):
        """A poster who changes a published vacancy by writing it directly (RPC), not through
        poster_update, also sends it back to review when review applies."""
        vacancy = self._published_with_review()
        as_user(vacancy, self.poster).write({"description": "<p>Andere inhoud</p>"})
        self.assertEqual(vacancy.state, "to_review")
        self.assertEqual(vacancy.activity_ids.user_id, self.user_manager)

    def test_unchanged_content_or_new_closing_date_stays_online(self):
        """Saving the form unchanged (line ends as a browser sends them) or with only a later
        closing date keeps a published vacancy online, even with review on."""
        set_params(self.env, review_members=1)
        vacancy = make_vacancy(self.env, self.org_member, description="<p>Lijn een</p>\n<p>Lijn twee</p>",
                               sector_id=self.sector.id)
        vacancy.action_submit()
        vacancy.action_publish()
        shown = ("name", "city", "province", "contract_type", "hours", "hours_unit", "profile", "offer",
                 "apply_url", "apply_email", "date_publication")
        form = {name: vacancy[name] for name in shown}
        form.update(description=vacancy.description.replace("\n", "\r\n"), sector_id=self.sector.id,
                    date_closing=fields.Date.to_string(
                        fields.Date.from_string(vacancy.date_closing) + timedelta(days=14)))
        as_user(vacancy, self.poster).poster_update(form)
        self.assertEqual(vacancy.state, "published")
        self.assertFalse(vacancy.activity_ids)
        self.assertEqual(vacancy.date_closing, form["date_closing"])

    def test_new_closing_date_gets_new_reminder(self):
        """After the reminder, a poster who moves the closing date is reminded again a week
        before the new date."""
        vacancy = make_vacancy(self.env, self.org_member)
        vacancy.write({"state": "published", "date_publication": "2026-01-02", "date_closing": "2026-03-08"})
        Vacancy = self.env["coop.vacancy"]
        Vacancy._cron_expire_vacancies(today="2026-03-02")
        self.assertTrue(vacancy.reminder_sent)
        as_user(vacancy, self.poster).poster_update({"date_closing": "2026-04-08"})
        self.assertFalse(vacancy.reminder_sent)
        Vacancy._cron_expire_vacancies(today="2026-03-09")
        self.assertEqual(vacancy.state, "published")
        self.assertFalse(vacancy.reminder_sent)
        Vacancy._cron_expire_vacancies(today="2026-04-02")
        self.assertTrue(vacancy.reminder_sent)
        template = "coop_vacancy.mail_template_vacancy_expiry_reminder"
        self.assertEqual(len(self._mails(vacancy, template)), 1, "one mail per subject (closing date)")
        self.assertIn("2026-04-08", self._mails(vacancy, template).subject)

    def test_poster_cannot_rewrite_history(self):
        """A poster cannot change a closed or expired vacancy (it reposts it) nor move the
        publication date of a published one; nothing is written. Staff still can."""
        vacancy = make_vacancy(self.env, self.org_member)
        vacancy.action_submit()
        published_on = vacancy.date_publication
        poster_vacancy = as_user(vacancy, self.poster)
        with self.assertRaisesRegex(UserError, "publicatiedatum van een gepubliceerde vacature"):
            poster_vacancy.with_context(lang="nl_BE").poster_update({"date_publication": "2019-01-07"})
        with self.assertRaises(UserError):
            poster_vacancy.write({"date_publication": "2019-01-07", "name": "Oud"})
        poster_vacancy.poster_update({"date_publication": published_on, "city": "Brugge"})
        for state in ("closed", "expired"):
            vacancy.state = state
            with self.assertRaisesRegex(UserError, "plaats ze opnieuw"):
                poster_vacancy.with_context(lang="nl_BE").write({"name": "Herschreven"})
        vacancy.invalidate_cache()
        self.assertEqual((vacancy.date_publication, vacancy.city), (published_on, "Brugge"))
        self.assertNotEqual(vacancy.name, "Herschreven")
        as_user(vacancy, self.user_coop).write({"name": "Gecorrigeerd", "date_publication": "2026-01-05"})
        self.assertEqual(vacancy.name, "Gecorrigeerd")

    def test_published_edit_stays_online_without_review(self):
        """Without review for members, the member's edit stays published."""
        vacancy = make_vacancy(self.env, self.org_member)
        vacancy.action_submit()
        as_user(vacancy, self.poster).poster_update({"name": "Nieuwe titel"})
        self.assertEqual(vacancy.state, "published")
        self.assertEqual(vacancy.name, "Nieuwe titel")

    def test_cron_expires_and_reminds(self):
        """The cron expires vacancies past their closing date and reminds a week before, once."""
        old = make_vacancy(self.env, self.org_member)
        soon = make_vacancy(self.env, self.org_member, name="Boekhouder")
        later = make_vacancy(self.env, self.org_member, name="Stagiair")
        (old | soon | later).write({"state": "published", "date_publication": "2026-01-02"})
        old.date_closing = "2026-03-01"
        soon.date_closing = "2026-03-08"
        later.date_closing = "2026-04-30"
        self.env["coop.vacancy"]._cron_expire_vacancies(today="2026-03-02")
        self.assertEqual(old.state, "expired")
        self.assertEqual(soon.state, "published")
        self.assertTrue(soon.reminder_sent)
        self.assertFalse(later.reminder_sent)
        self.assertEqual(len(self._mails(soon, "coop_vacancy.mail_template_vacancy_expiry_reminder")), 1)
        self.env["coop.vacancy"]._cron_expire_vacancies(today="2026-03-03")
        self.assertEqual(len(self._mails(soon, "coop_vacancy.mail_template_vacancy_expiry_reminder")), 1)

    def test_expiry_days_setting(self):
        """The closing date proposed on publication follows the expiry setting."""
        set_params(self.env, expiry_days=30)
        vacancy = make_vacancy(self.env, self.org_member)
        vacancy.action_submit()
        self.assertEqual(vacancy.date_closing, fields.Date.to_string(local_today(self.env) + timedelta(days=30)))

    def test_mail_templates_branded(self):
        """Every mail template of the addon uses Coopkracht's layout."""
        for xmlid in ("published", "refused", "expiry_reminder"):
            self.assertTrue(self.env.ref("coop_vacancy.mail_template_vacancy_%s" % xmlid).coop_layout)

    def test_settings_roundtrip(self):
        """The settings form stores and reads back the vacancy parameters."""
        settings = self.env["res.config.settings"].create({
            "coop_vacancy_review_members": False, "coop_vacancy_expiry_days": 45,
            "coop_vacancy_nonmember_price": 50.0})
        settings.set_values()
        values = self.env["res.config.settings"].get_values()
        self.assertFalse(values["coop_vacancy_review_members"])
        self.assertEqual(values["coop_vacancy_expiry_days"], 45)
        self.assertEqual(values["coop_vacancy_nonmember_price"], 50.0)

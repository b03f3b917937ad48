# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError

from odoo.addons.coop_website.tests.common import as_user

from .common import MembershipCase


class TestFeeRun(MembershipCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.small = cls.make_member("Klein cv", join_date="2019-01-15", lang="nl_BE")
        cls.large = cls.make_member("Groot cv", join_date="2018-06-01", category=cls.cat_large,
                                    lang=False)
        cls.joiner = cls.make_member("Nieuw cv", join_date="2030-04-10")
        cls.gone = cls.make_member("Weg cv", join_date="2015-01-01",
                                   coop_membership_state="former", coop_leave_date="2029-05-01")

    def run_fees(self, year=2030, post=False, user=None):
        Run = self.env["coop.membership.fee.run"]
        if user:
            Run = as_user(Run, user)
        return Run.create({"year": year, "post": post}).action_run()

    def fee_invoices(self, year=2030):
        return self.env["account.invoice"].search([("coop_fee_year", "=", year)])

    def test_one_invoice_per_member(self):
        """The run invoices each member once, at its category's fee, with an OGM/VCS."""
        self.run_fees(post=True)
        invoices = self.fee_invoices()
        by_partner = {inv.partner_id: inv for inv in invoices}
        self.assertIn(self.small, by_partner)
        self.assertIn(self.large, by_partner)
        self.assertNotIn(self.gone, by_partner)
        self.assertEqual(by_partner[self.small].amount_total, 250.0)
        self.assertEqual(by_partner[self.large].amount_total, 1000.0)
        self.assertEqual(by_partner[self.joiner].amount_total, 250.0)
        for invoice in invoices:
            self.assertEqual(invoice.reference_type, "bba")
            self.assertTrue(invoice.check_bbacomm(invoice.reference))
            self.assertEqual(invoice.state, "open")
        line = self.env["membership.membership_line"].search(
            [("account_invoice_line", "in", by_partner[self.small].invoice_line_ids.ids)])
        self.assertEqual((line.date_from, line.date_to), ("2030-01-01", "2030-12-31"))
        self.assertEqual(line.state, "invoiced")

    def test_invoice_in_member_language(self):
        """The invoice line is written in the member's language."""
        self.cat_small.with_context(lang="nl_BE").name = "Kleine testorganisatie"
        self.run_fees()
        invoice = self.fee_invoices().filtered(lambda i: i.partner_id == self.small)
        self.assertIn("Kleine testorganisatie", invoice.invoice_line_ids.name)
        self.assertIn("lidmaatschapsbijdrage", invoice.invoice_line_ids.name)

    def test_twice_creates_nothing(self):
        """Running the fees twice for one year creates no second invoice."""
        self.run_fees()
        count = len(self.fee_invoices())
        self.assertGreaterEqual(count, 3)
        self.run_fees()
        self.assertEqual(len(self.fee_invoices()), count)

    def test_draft_when_asked(self):
        """Without 'validate', the invoices stay draft."""
        self.run_fees(post=False)
        self.assertEqual(set(self.fee_invoices().mapped("state")), {"draft"})

    def test_pro_rata(self):
        """With the pro rata setting, a member joining in April pays 9/12 of the fee."""
        self.set_param("coop_membership.fee_pro_rata", "True")
        self.run_fees()
        invoice = self.fee_invoices().filtered(lambda i: i.partner_id == self.joiner)
        self.assertEqual(invoice.amount_total, 187.5)

    def test_no_category_refused(self):
        """A fee run without any fee category is refused and creates nothing."""
        self.env["coop.membership.category"].search([]).write({"active": False})
        with self.assertRaisesRegex(UserError, "no fee category|geen bijdragecategorie"):
            self.run_fees()
        self.assertFalse(self.fee_invoices())

    def test_member_without_category_refused(self):
        """A member without category stops the whole run before any invoice."""
        self.make_org("Zonder cv", coop_membership_state="member", coop_join_date="2020-01-01")
        with self.assertRaisesRegex(UserError, "Zonder cv"):
            self.run_fees()
        self.assertFalse(self.fee_invoices())

    def test_staff_cannot_run_fees(self):
        """Only the manager runs the fees."""
        with self.assertRaises(AccessError):
            self.run_fees(user=self.user_coop)
        with self.assertRaises(AccessError):
            self.run_fees(user=self.user_board)
        self.assertFalse(self.fee_invoices())
        self.run_fees(user=self.user_manager)
        self.assertTrue(self.fee_invoices())

    def test_reminder(self):
        """Fee invoices unpaid N days after their date get one reminder mail."""
        self.set_param("coop_membership.fee_reminder_days", "10")
        invoice = self.small._coop_create_fee_invoice(2019, post=True)
        reminded = self.env["account.invoice"]._cron_send_fee_reminders()
        self.assertIn(invoice, reminded)
        self.assertTrue(invoice.coop_reminder_date)
        mail = self.env["mail.mail"].search([("model", "=", "account.invoice"),
                                             ("res_id", "=", invoice.id)])
        self.assertTrue(mail)
        self.assertNotIn(invoice, self.env["account.invoice"]._cron_send_fee_reminders())

    def test_reminder_waits_n_days_and_speaks_dutch(self):
        """An invoice younger than N days gets no reminder; the reminder of a Dutch-speaking
        member is in Dutch."""
        self.set_param("coop_membership.fee_reminder_days", "10")
        today = fields.Date.from_string(fields.Date.context_today(self.small))
        invoice = self.small._coop_create_fee_invoice(today.year, post=True)
        invoice.date_invoice = fields.Date.to_string(today - datetime.timedelta(days=9))
        self.assertNotIn(invoice, self.env["account.invoice"]._cron_send_fee_reminders())
        self.assertFalse(invoice.coop_reminder_date)
        invoice.date_invoice = fields.Date.to_string(today - datetime.timedelta(days=10))
        self.assertIn(invoice, self.env["account.invoice"]._cron_send_fee_reminders())
        mail = self.env["mail.mail"].search([("model", "=", "account.invoice"),
                                             ("res_id", "=", invoice.id)])
        self.assertEqual(mail.subject, "Herinnering: lidmaatschapsbijdrage %d" % today.year)
        self.assertIn(invoice.reference, mail.body_html)

    def test_paid_state_from_accounting(self):
        """Paid or unpaid comes from accounting: once the payment is reconciled the fee
        invoice is paid and gets no reminder."""
        self.set_param("coop_membership.fee_reminder_days", "0")
        invoice = self.small._coop_create_fee_invoice(2019, post=True)
        self.assertEqual(invoice.state, "open")
        journal = self.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", invoice.company_id.id)], limit=1)
        invoice.pay_and_reconcile(journal, invoice.amount_total)
        self.assertEqual(invoice.state, "paid")
        self.assertNotIn(invoice, self.env["account.invoice"]._cron_send_fee_reminders())
        self.assertFalse(invoice.coop_reminder_date)

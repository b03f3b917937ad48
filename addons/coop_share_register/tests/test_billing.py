# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import psycopg2

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import DarCase, as_user


class BillingCase(DarCase):
    """Tariffs for 2024: members pay 100 + a band price, clients via the partner 150 +
    another band price. Register A (member) has 3 shareholders, B (via Hefboom) has 1."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Tariff = cls.env["coop.share.billing.tariff"]
        cls.Run = cls.env["coop.share.billing.run"]
        cls.Dashboard = cls.env["coop.share.billing.dashboard"]
        cls.tariff_direct = cls.Tariff.create({
            "name": "Leden", "service_mode": "direct", "year_from": 2021, "base_price": 100.0,
            "band_ids": [(0, 0, {"holders_from": 0, "holders_to": 2, "price": 10.0}),
                         (0, 0, {"holders_from": 3, "holders_to": 1000, "price": 50.0}),
                         (0, 0, {"holders_from": 1001, "holders_to": 0, "price": 500.0})]})
        cls.tariff_partner = cls.Tariff.create({
            "name": "Via Hefboom", "service_mode": "partner", "year_from": 2021,
            "base_price": 150.0,
            "band_ids": [(0, 0, {"holders_from": 0, "holders_to": 1000, "price": 20.0}),
                         (0, 0, {"holders_from": 1001, "holders_to": 0, "price": 400.0})]})
        dave = cls.make_holder(cls.reg_a, "Wouters", firstname="Dave")
        for holder in (cls.ann, cls.bart, dave):
            cls.make_entry("subscription", cls.class_a, 2, holder_to=holder, date="2023-05-01")
        cls.make_entry("subscription", cls.class_b, 2, holder_to=cls.cleo, date="2023-05-01")
        # a shareholder who left before 2024 is not counted
        cls.make_entry("redemption", cls.class_a, 2, holder_from=dave, date="2023-11-01")
        cls.make_entry("subscription", cls.class_a, 1, holder_to=cls.ann, date="2023-06-01")
        # Hefboom's register from another year that is over
        cls.old = cls.make_register("Oude coop", "04555555", service_start="2015-01-01",
                                    service_end="2019-12-31")

    def invoices(self):
        return self.env["account.invoice"].search([
            ("coop_dar_register_id", "in", (self.reg_a | self.reg_b | self.old).ids)])

    def run_year(self, year=2024, user=None):
        run = as_user(self.Run, user or self.admin_dar).create({
            "year": year, "date_invoice": "%s-02-01" % year})
        run.action_run()
        return run


class TestBilling(BillingCase):

    def test_yearly_run_invoices_each_client(self):
        """Each client served in the year gets one invoice: base price plus the price of
        its shareholder band, by way of service, with a Belgian structured communication."""
        run = self.run_year()
        invoices = self.invoices()
        self.assertEqual(invoices.mapped("coop_dar_register_id"), self.reg_a | self.reg_b)
        inv_a = invoices.filtered(lambda i: i.coop_dar_register_id == self.reg_a)
        inv_b = invoices.filtered(lambda i: i.coop_dar_register_id == self.reg_b)
        self.assertAlmostEqual(inv_a.amount_untaxed, 100.0 + 10.0)   # 2 holders on 1/1/2024
        self.assertAlmostEqual(inv_b.amount_untaxed, 150.0 + 20.0)
        self.assertEqual(inv_a.partner_id, self.reg_a.partner_id)
        self.assertEqual(inv_a.coop_dar_year, 2024)
        for invoice in invoices:
            self.assertEqual(invoice.reference_type, "bba")
            self.assertTrue(invoice.check_bbacomm(invoice.reference))
        line_a = run.line_ids.filtered(lambda l: l.register_id == self.reg_a)
        self.assertEqual(line_a.shareholder_count, 2)
        self.assertEqual(line_a.band_id.price, 10.0)
        # every client served in 2024 (other clients of the database too) is billed once
        served = self.env["coop.share.register"].coop_year_figures(2024)["clients"]
        self.assertEqual(run.invoice_count, served)
        self.assertEqual(len(run.line_ids.mapped("invoice_id")), served)
        self.assertAlmostEqual(run.amount_total, sum(run.line_ids.mapped("amount")))
        self.assertEqual(run.state, "done")

    def test_run_is_idempotent(self):
        """Running the year again invoices nothing twice; a client added later is the only
        one invoiced by the next run."""
        run = self.run_year()
        run.action_run()
        self.assertEqual(len(self.invoices()), 2)
        late = self.make_register("Late coop", "04666666", service_start="2024-09-01")
        run.action_run()
        self.assertEqual(len(self.invoices()), 2)   # late is not among these three
        late_inv = self.env["account.invoice"].search([("coop_dar_register_id", "=", late.id)])
        self.assertEqual(len(late_inv), 1)
        self.assertAlmostEqual(late_inv.amount_untaxed, 110.0)
        self.assertEqual(len(run.line_ids.filtered(lambda l: l.register_id == late)), 1)
        with self.assertRaises(ValidationError):
            self.Run.create({"year": 2024})

    def test_validated_invoices(self):
        """With 'validate', the invoices are open and numbered."""
        run = as_user(self.Run, self.admin_dar).create({"year": 2024, "post": True})
        run.action_run()
        self.assertEqual(set(self.invoices().mapped("state")), {"open"})

    @mute_logger("odoo.sql_db")
    def test_one_invoice_per_client_and_year_in_database(self):
        """The database refuses a second billing line or live fee invoice for a client
        and year."""
        run = self.run_year()
        line = run.line_ids[:1]
        with self.assertRaises(psycopg2.IntegrityError), self.cr.savepoint():
            self.cr.execute("""
                INSERT INTO coop_share_billing_line (run_id, year, register_id, service_mode)
                VALUES (%s, 2024, %s, 'direct')""", (run.id, line.register_id.id))
        with self.assertRaises(psycopg2.IntegrityError), self.cr.savepoint():
            line.invoice_id.copy({"coop_dar_register_id": line.register_id.id,
                                  "coop_dar_year": 2024})

    def test_missing_tariff_writes_nothing(self):
        """A client without tariff for the year stops the run before any invoice."""
        run = as_user(self.Run, self.admin_dar).create({"year": 2020})
        with self.assertRaises(UserError):
            run.action_run()
        self.assertFalse(self.invoices())
        self.assertFalse(run.line_ids)

    def test_band_not_covering_writes_nothing(self):
        """A number of shareholders no band covers stops the run with nothing written."""
        self.tariff_partner.band_ids.filtered(lambda b: b.holders_from == 0).holders_from = 5
        run = as_user(self.Run, self.admin_dar).create({"year": 2024})
        with self.assertRaises(UserError):
            run.action_run()
        self.assertFalse(self.invoices())

    def test_overlapping_bands_refused(self):
        """Shareholder bands of a tariff do not overlap."""
        with self.assertRaises(ValidationError):
            self.env["coop.share.billing.band"].create({
                "tariff_id": self.tariff_direct.id, "holders_from": 500, "holders_to": 600,
                "price": 1.0})
        with self.assertRaises(ValidationError):
            self.env["coop.share.billing.band"].create({
                "tariff_id": self.tariff_direct.id, "holders_from": 9, "holders_to": 3,
                "price": 1.0})

    def test_runs_never_deleted(self):
        run = self.run_year()
        with self.assertRaises(UserError):
            as_user(run, self.admin_dar).unlink()


class TestBillingDashboard(BillingCase):

    def test_clients_2021(self):
        """28 clients in 2021: 19 Coopkracht members and 9 via the partner organisation,
        counted by read_group on the dashboard as in the annual report."""
        created = self.reg_a | self.reg_b       # a member and a client via Hefboom
        for i in range(18):
            created |= self.make_register("Lid %s" % i, "0%07d" % (3000000 + i))
        for i in range(8):
            created |= self.make_register("Hefboomklant %s" % i, "0%07d" % (4000000 + i),
                                          service_mode="partner",
                                          partner_org_id=self.hefboom.id)
        created[-1].write({"service_end": "2021-06-30", "active": False})
        groups = as_user(self.Dashboard, self.admin_dar).read_group(
            [("year", "=", 2021), ("register_id", "in", created.ids)],
            ["client_count", "service_mode"], ["service_mode"])
        counts = {g["service_mode"]: g["client_count"] for g in groups}
        self.assertEqual(counts, {"direct": 19, "partner": 9})
        self.assertEqual(sum(counts.values()), 28)

    def test_shareholders_users_activity(self):
        """Per client and year: holders holding shares at the end of the year, its users,
        its last activity, and the fee billed."""
        self.run_year()
        rows = as_user(self.Dashboard, self.admin_dar).search([
            ("register_id", "=", self.reg_a.id)])
        by_year = {r.year: r for r in rows}
        self.assertEqual(sorted(by_year)[:5], [2020, 2021, 2022, 2023, 2024])
        self.assertEqual(by_year[2022].shareholder_count, 0)
        self.assertEqual(by_year[2023].shareholder_count, 2)   # Dave left in November
        self.assertEqual(by_year[2023].user_count, 2)          # manager_a and viewer_a
        self.assertTrue(by_year[2023].last_activity)
        self.assertAlmostEqual(by_year[2024].billed_amount, 110.0)
        self.assertTrue(by_year[2024].invoice_id)
        self.assertFalse(by_year[2023].invoice_id)

    def test_counts_are_one_query(self):
        """Shareholder counts for the billing come from one grouped query per run."""
        counts = self.Run.shareholder_counts(self.reg_a | self.reg_b, "2024-01-01")
        self.assertEqual(counts, {self.reg_a.id: 2, self.reg_b.id: 1})


class TestBillingAccess(BillingCase):

    def test_register_manager_sees_no_billing(self):
        """A register manager sees neither the billing, the tariffs nor the dashboard of
        the clients, and cannot bill."""
        for model in ("coop.share.billing.run", "coop.share.billing.line",
                      "coop.share.billing.tariff", "coop.share.billing.dashboard",
                      "coop.share.billing.band"):
            with self.assertRaises(AccessError):
                as_user(self.env[model], self.manager_a).search([])
        run = self.run_year()
        with self.assertRaises(AccessError):
            as_user(run, self.manager_a).action_run()
        with self.assertRaises(AccessError):
            as_user(run, self.manager_a).read(["year"])
        with self.assertRaises(AccessError):
            as_user(self.Run, self.manager_a).create({"year": 2025})
        with self.assertRaises(AccessError):
            as_user(self.Dashboard, self.manager_a).read_group(
                [], ["client_count", "service_mode"], ["service_mode"])

    def test_register_manager_sees_no_invoice(self):
        """A client's staff reads no DAR fee invoice, neither another client's nor the
        lines that name its number of shareholders; the DAR administrator reads both."""
        self.run_year()
        inv_a, inv_b = [self.env["account.invoice"].search(
            [("coop_dar_register_id", "=", reg.id)]) for reg in (self.reg_a, self.reg_b)]
        for user in (self.manager_a, self.viewer_a, self.helpdesk):
            with self.assertRaises(AccessError):
                as_user(self.env["account.invoice"], user).search(
                    [("coop_dar_register_id", "!=", False)])
            with self.assertRaises(AccessError):
                as_user(inv_b, user).read(["amount_total"])
            with self.assertRaises(AccessError):
                as_user(inv_b.invoice_line_ids, user).read(["name"])
            self.assertFalse(as_user(self.env["account.invoice.line"], user).search(
                [("invoice_id", "in", (inv_a | inv_b).ids)]))
        self.assertEqual(as_user(self.env["account.invoice.line"], self.admin_dar).search(
            [("invoice_id", "in", (inv_a | inv_b).ids)]),
            (inv_a | inv_b).mapped("invoice_line_ids"))
        self.assertEqual(as_user(self.env["account.invoice"], self.admin_dar).search(
            [("id", "in", (inv_a | inv_b).ids)]), inv_a | inv_b)

    def test_helpdesk_and_viewer_see_no_billing(self):
        """Neither the partner's helpdesk nor a viewer sees the billing."""
        for user in (self.helpdesk, self.viewer_a):
            with self.assertRaises(AccessError):
                as_user(self.Dashboard, user).search([])
            with self.assertRaises(AccessError):
                as_user(self.Run, user).search([])

    def test_dar_admin_bills(self):
        """The DAR administrator (Coopkracht) bills: an invoicing user through the group."""
        self.assertTrue(self.admin_dar.has_group("account.group_account_invoice"))
        self.assertFalse(self.manager_a.has_group("account.group_account_invoice"))
        run = self.run_year(user=self.admin_dar)
        self.assertEqual(run.create_uid, self.admin_dar)

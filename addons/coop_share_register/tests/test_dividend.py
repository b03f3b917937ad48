# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import datetime
from decimal import ROUND_HALF_UP, Decimal

import psycopg2
import xlrd
from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.modules.module import get_resource_path
from odoo.tools import mute_logger

from .common import DarCase, as_user, company_number

PAIN = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"
DEBTOR_IBAN = "BE71096123456769"
ANN_IBAN = "BE68539007547034"
BART_IBAN = "BE62510007547061"


def money(value):
    return float(Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def days(start, end):
    return (datetime.date(*end) - datetime.date(*start)).days


class DividendCase(DarCase):
    """Register A pays dividends for 2023: Ann (a person) pays her shares in two parts,
    Coopco (a company) redeems part of its shares during the year."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param("coop_share_register.dividend_max_rate", "6.0")
        params.set_param("coop_share_register.dividend_withholding_rate", "30.0")
        params.set_param("coop_share_register.dividend_exempt_amount", "20.0")
        cls.reg_a.write({"dividend_enabled": True, "bank_iban": DEBTOR_IBAN,
                         "bank_bic": "GKCCBEBB"})
        cls.reg_b.write({"dividend_enabled": True, "bank_iban": "BE43068999999501"})
        cls.ann.write({"iban": ANN_IBAN, "email": "ann@example.org", "lang": "nl_BE"})
        cls.coopco = cls.make_holder(cls.reg_a, "Coopco", holder_type="company",
                                     company_number=company_number("08765432"),
                                     iban=BART_IBAN, email="info@coopco.example",
                                     lang="en_US")
        # Ann: 4 shares of 250 on 1 January 2023, paid 500 then, 500 on 2 July 2023
        sub = cls.make_entry("subscription", cls.class_a, 4, holder_to=cls.ann,
                             date="2023-01-01")
        cls.Payment.create({"entry_id": sub.id, "date": "2023-01-01", "amount": 500.0})
        cls.Payment.create({"entry_id": sub.id, "date": "2023-07-02", "amount": 500.0})
        # Coopco: 10 shares of 500 in 2022, fully paid; 4 redeemed on 1 October 2023
        sub = cls.make_entry("subscription", cls.class_a2, 10, holder_to=cls.coopco,
                             date="2022-06-01")
        cls.Payment.create({"entry_id": sub.id, "date": "2022-06-01", "amount": 5000.0})
        cls.make_entry("redemption", cls.class_a2, 4, holder_from=cls.coopco,
                       date="2023-10-01", amount_paid_out=2000.0)
        # Bart subscribes only in 2024 and gets nothing for 2023
        cls.make_entry("subscription", cls.class_a, 2, holder_to=cls.bart, date="2024-02-01")
        # register B: Cleo holds 5 shares of 100, paid
        sub = cls.make_entry("subscription", cls.class_b, 5, holder_to=cls.cleo,
                             date="2022-01-01")
        cls.Payment.create({"entry_id": sub.id, "date": "2022-01-01", "amount": 500.0})
        cls.Run = cls.env["coop.share.dividend.run"]

    def new_run(self, register=None, year=2023, rate=5.0, user=None):
        return as_user(self.Run, user or self.manager_a).create({
            "register_id": (register or self.reg_a).id, "year": year, "rate": rate,
            "payment_date": "2024-06-30"})

    def confirmed_run(self):
        run = self.new_run()
        run.action_compute()
        run.action_confirm()
        return run

    def line_of(self, run, holder):
        return run.line_ids.filtered(lambda l: l.holder_id == holder)


class TestDividendComputation(DividendCase):

    def test_pro_rata_temporis_on_paid_up_capital(self):
        """The base is the paid-up capital weighted by the days it was paid up (payments'
        dates, redemptions), and gross, exempt, withholding and net follow the settings."""
        run = self.new_run()
        run.action_compute()
        self.assertEqual(run.line_ids.mapped("holder_id"), self.ann | self.coopco)
        year = days((2023, 1, 1), (2024, 1, 1))
        # Ann: 500 the whole year, 500 more from 2 July
        base = 500.0 + 500.0 * days((2023, 7, 2), (2024, 1, 1)) / year
        line = self.line_of(run, self.ann)
        self.assertAlmostEqual(line.base, money(base))
        gross = money(money(base) * 5 / 100)
        self.assertAlmostEqual(line.gross, gross)
        self.assertAlmostEqual(line.exempt, 20.0)           # a person: the exempt amount
        wht = money((gross - 20.0) * 30 / 100)
        self.assertAlmostEqual(line.withholding, wht)
        self.assertAlmostEqual(line.net, gross - wht)
        self.assertEqual(line.iban, ANN_IBAN)
        # Coopco: 5000 until 1 October, 3000 after the redemption; no exemption
        base = (5000.0 * days((2023, 1, 1), (2023, 10, 1))
                + 3000.0 * days((2023, 10, 1), (2024, 1, 1))) / year
        line = self.line_of(run, self.coopco)
        self.assertAlmostEqual(line.base, money(base))
        gross = money(money(base) * 5 / 100)
        self.assertAlmostEqual(line.gross, gross)
        self.assertEqual(line.exempt, 0.0)
        self.assertAlmostEqual(line.withholding, money(gross * 30 / 100))
        self.assertAlmostEqual(run.total_net, sum(run.line_ids.mapped("net")))
        self.assertEqual((run.max_rate, run.withholding_rate, run.exempt_amount),
                         (6.0, 30.0, 20.0))

    def test_unpaid_capital_earns_nothing(self):
        """Shares subscribed but not paid up earn no dividend."""
        self.make_entry("subscription", self.class_a, 2, holder_to=self.bart,
                        date="2023-03-01")
        run = self.new_run()
        run.action_compute()
        self.assertFalse(self.line_of(run, self.bart))

    def test_registers_are_separate(self):
        """A run only counts its own register's shareholders."""
        run = self.new_run(register=self.reg_b, user=self.manager_b)
        run.action_compute()
        self.assertEqual(run.line_ids.mapped("holder_id"), self.cleo)
        self.assertAlmostEqual(run.line_ids.base, 500.0)

    def test_recompute_draft_and_freeze_confirmed(self):
        """A draft run is computed again without duplicates; a confirmed run's lines and
        rate cannot change."""
        run = self.new_run()
        run.action_compute()
        run.action_compute()
        self.assertEqual(len(run.line_ids), 2)
        run.action_confirm()
        self.assertAlmostEqual(run.confirmed_total_net, run.total_net)
        with self.assertRaises(UserError):
            run.line_ids[0].write({"net": 1.0})
        with self.assertRaises(UserError):
            run.write({"rate": 4.0})
        with self.assertRaises(UserError):
            run.action_compute()

    def test_payment_list_xlsx(self):
        """The payment list has a row per shareholder, IBANs and the totals."""
        run = self.confirmed_run()
        run.action_payment_list()
        book = xlrd.open_workbook(file_contents=base64.b64decode(run.xlsx_file))
        sheet = book.sheet_by_index(0)
        self.assertEqual(sheet.nrows, 1 + 2 + 1)
        rows = [sheet.row_values(r) for r in range(1, 3)]
        self.assertEqual(sorted(r[3] for r in rows), sorted([ANN_IBAN, BART_IBAN]))
        self.assertAlmostEqual(sheet.cell_value(3, 8), run.total_net)
        self.assertAlmostEqual(sheet.cell_value(3, 5), run.total_gross)


class TestDividendBadInput(DividendCase):

    def test_second_run_same_year_refused(self):
        """A second run for the same register and year is refused, nothing written;
        after cancelling the first one a new run is possible."""
        first = self.new_run()
        with self.assertRaises(ValidationError):
            self.new_run(rate=4.0)
        self.assertEqual(self.Run.search_count([("register_id", "=", self.reg_a.id),
                                                ("year", "=", 2023)]), 1)
        first.action_cancel()
        second = self.new_run(rate=4.0)
        self.assertEqual(second.state, "draft")
        self.assertEqual(first.state, "cancel")

    @mute_logger("odoo.sql_db")
    def test_second_run_refused_by_database(self):
        """The database itself refuses two live runs for one register and year."""
        run = self.new_run()
        with self.assertRaises(psycopg2.IntegrityError), self.cr.savepoint():
            self.cr.execute("""
                INSERT INTO coop_share_dividend_run (register_id, year, rate, max_rate,
                    state) VALUES (%s, 2023, 1, 6, 'draft')""", (run.register_id.id,))

    def test_rate_above_cap_refused(self):
        """A rate above the cap of the settings is refused with nothing written; the cap
        is the setting, not a constant."""
        with self.assertRaises(ValidationError):
            self.new_run(rate=6.5)
        self.assertFalse(self.Run.search([("register_id", "=", self.reg_a.id)]))
        with self.assertRaises(ValidationError):
            self.new_run(rate=0.0)
        self.env["ir.config_parameter"].sudo().set_param(
            "coop_share_register.dividend_max_rate", "4.0")
        with self.assertRaises(ValidationError):
            self.new_run(rate=5.0)
        run = self.new_run(rate=4.0)
        with self.assertRaises(ValidationError):
            run.write({"rate": 4.5})

    @mute_logger("odoo.sql_db")
    def test_rate_cap_in_database(self):
        """The database refuses a rate above the run's cap even through SQL."""
        run = self.new_run()
        with self.assertRaises(psycopg2.IntegrityError), self.cr.savepoint():
            self.cr.execute("UPDATE coop_share_dividend_run SET rate = 7 WHERE id = %s",
                            (run.id,))

    def test_messages_in_dutch(self):
        """The refusals speak Dutch to a Dutch-speaking manager."""
        Run = as_user(self.Run, self.manager_a).with_context(lang="nl_BE")
        with self.assertRaises(ValidationError) as err:
            Run.create({"register_id": self.reg_a.id, "year": 2023, "rate": 7.0})
        self.assertIn("boven het maximum van 6.0 %", err.exception.name)
        run = Run.create({"register_id": self.reg_a.id, "year": 2023, "rate": 5.0})
        with self.assertRaises(ValidationError) as err:
            Run.create({"register_id": self.reg_a.id, "year": 2023, "rate": 5.0})
        self.assertIn("Er is al een dividendrun", err.exception.name)
        run.action_compute()
        run.action_confirm()
        self.cr.execute("UPDATE coop_share_dividend_line SET iban = 'BE00123456789012' "
                        "WHERE run_id = %s", (run.id,))
        run.invalidate_cache()
        with self.assertRaises(UserError) as err:
            run.action_sepa_file()
        self.assertIn("deze IBAN's zijn niet geldig", err.exception.name)

    def test_register_without_dividends(self):
        """A register that pays no dividends gets no run."""
        self.reg_a.dividend_enabled = False
        with self.assertRaises(UserError):
            self.new_run()
        self.assertFalse(self.Run.search([("register_id", "=", self.reg_a.id)]))

    @mute_logger("odoo.sql_db")
    def test_runs_never_deleted(self):
        """A run is never deleted, not by the ORM nor by SQL; cancelling keeps it."""
        run = self.confirmed_run()
        with self.assertRaises(UserError):
            run.unlink()
        with self.assertRaises(psycopg2.IntegrityError), self.cr.savepoint():
            self.cr.execute("DELETE FROM coop_share_dividend_run WHERE id = %s", (run.id,))
        run.action_cancel()
        self.assertTrue(run.exists())
        self.assertEqual(run.state, "cancel")
        self.assertEqual(len(run.line_ids), 2)
        with self.assertRaises(UserError):
            run.action_cancel()


class TestDividendSepa(DividendCase):

    def parse(self, run):
        xml = base64.b64decode(run.sepa_file)
        path = get_resource_path("coop_share_register", "data", "xsd", "pain.001.001.03.xsd")
        schema = etree.XMLSchema(etree.parse(path))
        doc = etree.fromstring(xml)
        schema.assertValid(doc)
        return doc

    def test_sepa_file_valid_and_complete(self):
        """The SEPA file is valid against the official pain.001.001.03 schema, pays each
        shareholder's net dividend to his IBAN from the cooperative's account, and its
        control sum is the confirmed total."""
        run = self.confirmed_run()
        run.action_sepa_file()
        doc = self.parse(run)
        ns = {"p": PAIN}
        self.assertEqual(doc.findtext(".//p:GrpHdr/p:NbOfTxs", namespaces=ns), "2")
        self.assertEqual(doc.findtext(".//p:GrpHdr/p:CtrlSum", namespaces=ns),
                         "%.2f" % run.confirmed_total_net)
        self.assertEqual(doc.findtext(".//p:DbtrAcct/p:Id/p:IBAN", namespaces=ns),
                         DEBTOR_IBAN)
        self.assertEqual(doc.findtext(".//p:DbtrAgt//p:BIC", namespaces=ns), "GKCCBEBB")
        self.assertEqual(doc.findtext(".//p:ReqdExctnDt", namespaces=ns), "2024-06-30")
        paid = {tx.findtext("p:CdtrAcct/p:Id/p:IBAN", namespaces=ns):
                float(tx.findtext("p:Amt/p:InstdAmt", namespaces=ns))
                for tx in doc.iterfind(".//p:CdtTrfTxInf", namespaces=ns)}
        self.assertEqual(paid, {ANN_IBAN: self.line_of(run, self.ann).net,
                                BART_IBAN: self.line_of(run, self.coopco).net})
        run.action_mark_paid()
        self.assertEqual(run.state, "paid")

    def test_holder_without_iban_left_out(self):
        """A shareholder without IBAN is not in the file, and the run says so: he is
        listed with his amount as "to be paid otherwise" (in the chatter and on the run),
        staff get a to-do activity, and confirmed total = SEPA total + paid otherwise."""
        self.ann.iban = False
        run = self.confirmed_run()
        run.action_sepa_file()
        doc = self.parse(run)
        ann_net = self.line_of(run, self.ann).net
        self.assertEqual(doc.findtext(".//{%s}NbOfTxs" % PAIN), "1")
        self.assertEqual(doc.findtext(".//{%s}CtrlSum" % PAIN),
                         "%.2f" % self.line_of(run, self.coopco).net)
        self.assertGreater(ann_net, 0)
        self.assertEqual(run.otherwise_line_ids, self.line_of(run, self.ann))
        self.assertEqual(run.otherwise_count, 1)
        self.assertAlmostEqual(run.total_otherwise, ann_net, places=2)
        self.assertAlmostEqual(run.total_sepa, float(doc.findtext(".//{%s}CtrlSum" % PAIN)),
                               places=2)
        self.assertAlmostEqual(run.total_sepa + run.total_otherwise,
                               run.confirmed_total_net, places=2)
        note = run.message_ids[0].body
        self.assertIn("%.2f" % ann_net, note)
        self.assertIn(self.ann.display_name, note)
        activity = self.env["mail.activity"].search([("res_model", "=", run._name),
                                                     ("res_id", "=", run.id)])
        self.assertEqual(len(activity), 1)
        self.assertIn("1", activity.summary)

    def test_all_with_iban_no_activity(self):
        """When every shareholder has an IBAN nothing is paid otherwise: no activity."""
        run = self.confirmed_run()
        run.action_sepa_file()
        self.assertEqual(run.total_otherwise, 0.0)
        self.assertFalse(self.env["mail.activity"].search([("res_model", "=", run._name),
                                                           ("res_id", "=", run.id)]))

    def test_invalid_iban_refused(self):
        """A line with an invalid IBAN stops the file: nothing is written."""
        run = self.confirmed_run()
        self.cr.execute("UPDATE coop_share_dividend_line SET iban = 'BE00123456789012' "
                        "WHERE id = %s", (self.line_of(run, self.ann).id,))
        run.invalidate_cache()
        with self.assertRaises(UserError) as err:
            run.action_sepa_file()
        self.assertIn("BE00123456789012", str(err.exception))
        self.assertFalse(run.sepa_file)

    def test_total_mismatch_refused(self):
        """Lines changed behind the run's back (their total no longer the confirmed
        total) stop the file: nothing is written."""
        run = self.confirmed_run()
        self.cr.execute("UPDATE coop_share_dividend_line SET gross = gross + 10, "
                        "net = net + 10 WHERE id = %s", (self.line_of(run, self.ann).id,))
        run.invalidate_cache()
        with self.assertRaises(UserError):
            run.action_sepa_file()
        self.assertFalse(run.sepa_file)

    def test_schema_checked_before_saving(self):
        """A file the schema refuses (a malformed BIC of the cooperative) is not saved."""
        self.reg_a.bank_bic = "GKCC-BE"
        run = self.confirmed_run()
        with self.assertRaises(UserError) as err:
            run.action_sepa_file()
        self.assertIn("pain.001.001.03", str(err.exception))
        self.assertFalse(run.sepa_file)

    def test_sepa_needs_confirmed_run_and_bank_account(self):
        """No file for a draft run or a register without bank account."""
        run = self.new_run()
        run.action_compute()
        with self.assertRaises(UserError):
            run.action_sepa_file()
        run.action_confirm()
        self.reg_a.bank_iban = False
        with self.assertRaises(UserError):
            run.action_sepa_file()
        self.assertFalse(run.sepa_file)


class TestDividendNotices(DividendCase):

    def test_notices_in_each_language(self):
        """Each shareholder with an e-mail gets one notice in his language; sending again
        sends nothing."""
        run = self.confirmed_run()
        before = self.env["mail.mail"].search([]).ids
        self.assertEqual(run.action_send_notices(), 2)
        mails = self.env["mail.mail"].search([("id", "not in", before)])
        self.assertEqual(len(mails), 2)
        by_to = {m.email_to: m for m in mails}
        dutch = by_to["ann@example.org"]
        self.assertIn("dividend voor 2023", dutch.subject)
        self.assertIn("Netto dividend", dutch.body_html)
        english = by_to["info@coopco.example"]
        self.assertIn("your dividend for 2023", english.subject)
        self.assertIn("Net dividend", english.body_html)
        self.assertEqual(run.action_send_notices(), 0)

    def test_no_notice_for_draft(self):
        """Notices only go out for a confirmed run."""
        run = self.new_run()
        run.action_compute()
        with self.assertRaises(UserError):
            run.action_send_notices()


class TestDividendAccess(DividendCase):

    def test_other_register_invisible(self):
        """Another register's staff neither sees nor works on a run and its lines."""
        run = self.confirmed_run()
        with self.assertRaises(AccessError):
            as_user(run, self.manager_b).read(["rate"])
        with self.assertRaises(AccessError):
            as_user(run.line_ids[:1], self.manager_b).read(["net"])
        self.assertFalse(as_user(self.Run, self.manager_b).search([]))
        self.assertFalse(as_user(self.env["coop.share.dividend.line"], self.manager_b).search(
            [("register_id", "=", self.reg_a.id)]))
        with self.assertRaises(AccessError):
            as_user(run, self.manager_b).action_sepa_file()
        with self.assertRaises(AccessError):
            as_user(run, self.manager_b).sepa_credit_transfer()
        with self.assertRaises(AccessError):
            self.new_run(user=self.manager_b)

    def test_viewer_and_helpdesk_cannot_run(self):
        """A viewer reads the runs of his register but makes or computes none; the
        helpdesk neither."""
        run = self.new_run()
        self.assertEqual(as_user(self.Run, self.viewer_a).search([]), run)
        with self.assertRaises(AccessError):
            as_user(run, self.viewer_a).action_compute()
        with self.assertRaises(AccessError):
            self.new_run(year=2022, user=self.viewer_a)
        with self.assertRaises(AccessError):
            self.new_run(register=self.reg_b, user=self.helpdesk)

    def test_settings_for_dar_admin_only(self):
        """Only a DAR administrator changes the dividend settings."""
        Config = self.env["coop.share.dividend.config"]
        with self.assertRaises(AccessError):
            as_user(Config, self.manager_a).create({"max_rate": 10.0})
        config = as_user(Config, self.admin_dar).create({
            "max_rate": 5.5, "withholding_rate": 30.0, "exempt_amount": 833.0})
        config.action_save()
        self.assertEqual(Config.get_values()["max_rate"], 5.5)
        with self.assertRaises(ValidationError):
            as_user(Config, self.admin_dar).create({
                "max_rate": 150.0, "withholding_rate": 30.0, "exempt_amount": 0.0})

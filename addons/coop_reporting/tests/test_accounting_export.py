# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
import zipfile
from collections import defaultdict

import xlrd

from odoo.exceptions import AccessError, UserError

from odoo.addons.coop_website.tests.common import as_user

from .common import ReportingCase


def amount(text):
    return float(text.replace(",", "."))


class TestAccountingExport(ReportingCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # March 2019: three invoices (one with a structured communication, paid in March),
        # one credit note, one invoice paid half in April.
        cls.inv_paid = cls.make_invoice(cls.org_vat, "2019-03-04", [("Lidgeld 2019", 250.0, True)], bba=True)
        cls.inv_two_lines = cls.make_invoice(
            cls.org_number, "2019-03-12", [("Vorming", 100.0, True), ("Boek", 19.99, False)])
        cls.inv_late = cls.make_invoice(cls.org_number, "2018-12-20", [("Vorming 2018", 100.0, True)],
                                        date_due="2019-01-15")
        cls.inv_person = cls.make_invoice(cls.person, "2019-03-28", [("Webinar", 35.0, True)])
        cls.refund = cls.make_invoice(cls.org_vat, "2019-03-20", [("Korting", 50.0, True)], inv_type="out_refund")
        cls.inv_paid.pay_and_reconcile(cls.bank_journal, date="2019-03-25")
        cls.inv_person.pay_and_reconcile(cls.bank_journal, pay_amount=20.0, date="2019-04-10")
        cls.columns = [header for _key, header, _kind in cls.env["coop.accounting.export"].with_context(
            lang=cls.company.partner_id.lang)._columns()]

    def column(self, name_key):
        keys = [key for key, _header, _kind in self.env["coop.accounting.export"]._columns()]
        return keys.index(name_key)

    def test_totals_match_the_journal(self):
        """Debit equals credit per entry and per file, and the totals are the journal's."""
        export = self.export("2019-03-01", "2019-03-31")
        rows = self.csv_rows(export)[1:]
        lines = self.env["account.move.line"].search([
            ("journal_id", "in", (self.sale_journal | self.bank_journal).ids),
            ("date", ">=", "2019-03-01"), ("date", "<=", "2019-03-31")])
        self.assertEqual(len(rows), len(lines))
        self.assertEqual(export.line_count, len(lines))
        self.assertEqual(export.move_count, len(lines.mapped("move_id")))
        debit = sum(amount(r[self.column("debit")]) for r in rows)
        credit = sum(amount(r[self.column("credit")]) for r in rows)
        self.assertAlmostEqual(debit, sum(lines.mapped("debit")), places=2)
        self.assertAlmostEqual(credit, sum(lines.mapped("credit")), places=2)
        self.assertAlmostEqual(debit, credit, places=2)
        self.assertAlmostEqual(export.total_debit, debit, places=2)
        self.assertAlmostEqual(export.total_credit, credit, places=2)
        per_entry = defaultdict(float)
        for r in rows:
            per_entry[r[self.column("move_name")]] += amount(r[self.column("debit")]) - amount(r[self.column("credit")])
        self.assertEqual(len(per_entry), 5, "4 invoices and 1 payment in March")
        for entry, balance in per_entry.items():
            self.assertAlmostEqual(balance, 0.0, places=2, msg=entry)
        # The April payment is outside the period.
        self.assertFalse(any(r[self.column("date")] == "10/04/2019" for r in rows))

    def test_csv_columns_and_values(self):
        """The CSV has every column, decimal commas, Belgian dates, VAT and company numbers,
        tax grids, the structured communication, the reconciliation reference and due dates."""
        export = self.export("2019-03-01", "2019-03-31")
        raw = base64.b64decode(export.csv_attachment_id.datas)
        raw.decode("utf-8")
        self.assertIn(b";", raw.splitlines()[0])
        rows = self.csv_rows(export)
        self.assertEqual(rows[0], self.columns)
        self.assertEqual(len(rows[0]), 15)
        body = rows[1:]
        col = self.column
        paid_move = self.inv_paid.move_id.name
        receivable = [r for r in body if r[col("move_name")] == paid_move and r[col("account_code")] == "400000"]
        self.assertEqual(len(receivable), 1)
        line = receivable[0]
        self.assertEqual(line[col("date")], "04/03/2019")
        self.assertEqual(line[col("journal_code")], "TVK")
        self.assertEqual(line[col("debit")], "302,50")
        self.assertEqual(line[col("credit")], "0,00")
        self.assertEqual(line[col("partner_name")], "Zonnecoop cvba")
        self.assertEqual(line[col("partner_vat")], "BE0477472701")
        self.assertEqual(line[col("partner_company_number")], "0477.472.701")
        self.assertEqual(line[col("structured_communication")], self.inv_paid.reference)
        self.assertRegex(line[col("structured_communication")], r"^\+\+\+\d{3}/\d{4}/\d{5}\+\+\+$")
        full = self.inv_paid.move_id.line_ids.filtered(lambda l: l.account_id == self.acc_receivable).full_reconcile_id
        self.assertTrue(full)
        self.assertEqual(line[col("reconcile_ref")], full.name)
        self.assertEqual(line[col("date_maturity")], "04/03/2019")
        base = [r for r in body if r[col("move_name")] == paid_move and r[col("account_code")] == "700000"][0]
        self.assertEqual(base[col("credit")], "250,00")
        self.assertEqual(base[col("tax_grid")], "03")
        self.assertEqual(base[col("date_maturity")], "", "no due date on an income line")
        tax = [r for r in body if r[col("move_name")] == paid_move and r[col("credit")] == "52,50"][0]
        self.assertEqual(tax[col("tax_grid")], "54")
        refund_move = self.refund.move_id.name
        refund_base = [r for r in body if r[col("move_name")] == refund_move and r[col("account_code")] == "700000"][0]
        self.assertEqual(refund_base[col("tax_grid")], "49")
        refund_tax = [r for r in body if r[col("move_name")] == refund_move and r[col("debit")] == "10,50"][0]
        self.assertEqual(refund_tax[col("tax_grid")], "64")
        no_vat = [r for r in body if r[col("move_name")] == self.inv_two_lines.move_id.name
                  and r[col("label")] == "Boek"][0]
        self.assertEqual(no_vat[col("tax_grid")], "")
        self.assertEqual(no_vat[col("partner_company_number")], "0123.456.749")
        self.assertEqual(no_vat[col("partner_vat")], "")
        # Sorted by date, then journal, then entry.
        keys = [(r[col("date")][6:] + r[col("date")][3:5] + r[col("date")][:2], r[col("journal_code")],
                 r[col("move_name")]) for r in body]
        self.assertEqual(keys, sorted(keys))

    def test_xlsx_workbook(self):
        """The workbook has a summary, a sheet per journal and the aged receivables, with
        real dates and numbers, a currency format, a frozen header row and an autofilter."""
        export = self.export("2019-03-01", "2019-03-31")
        data = self.xlsx_bytes(export)
        book = xlrd.open_workbook(file_contents=data)
        names = book.sheet_names()
        self.assertEqual(len(names), 4)
        self.assertIn("TBK", names)
        self.assertIn("TVK", names)
        sales = book.sheet_by_name("TVK")
        self.assertEqual([c.value for c in sales.row(0)], self.columns)
        self.assertEqual(sales.nrows - 1, self.env["account.move.line"].search_count([
            ("journal_id", "=", self.sale_journal.id), ("date", ">=", "2019-03-01"), ("date", "<=", "2019-03-31")]))
        self.assertEqual(sales.cell(1, 0).ctype, xlrd.XL_CELL_DATE)
        self.assertEqual(xlrd.xldate_as_tuple(sales.cell(1, 0).value, book.datemode)[:3], (2019, 3, 4))
        self.assertEqual(sales.cell(1, self.column("debit")).ctype, xlrd.XL_CELL_NUMBER)
        debit = sum(sales.cell(r, self.column("debit")).value for r in range(1, sales.nrows))
        credit = sum(sales.cell(r, self.column("credit")).value for r in range(1, sales.nrows))
        self.assertAlmostEqual(debit, credit, places=2)
        summary = book.sheet_by_index(0)
        total_row = [r for r in range(summary.nrows) if summary.cell(r, 4).ctype == xlrd.XL_CELL_NUMBER][-1]
        self.assertAlmostEqual(summary.cell(total_row, 4).value, export.total_debit, places=2)
        self.assertAlmostEqual(summary.cell(total_row, 5).value, export.total_credit, places=2)
        self.assertAlmostEqual(summary.cell(total_row, 6).value, 0.0, places=2)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
            self.assertEqual(len(sheets), 4)
            for name in sheets:
                xml = archive.read(name).decode("utf-8")
                self.assertIn('state="frozen"', xml, name)
                self.assertIn("<autoFilter", xml, name)
            styles = archive.read("xl/styles.xml").decode("utf-8")
            self.assertIn("€", styles)
            self.assertIn("dd/mm/yyyy", styles)

    def test_open_receivables_are_aged_on_the_last_day(self):
        """Open receivables at the end of the period: later payments do not count, overdue
        days put the amount in the right age column."""
        export = self.export("2019-03-01", "2019-03-31")
        book = xlrd.open_workbook(file_contents=self.xlsx_bytes(export))
        sheet = book.sheet_by_index(3)
        rows = {sheet.cell(r, 1).value: r for r in range(1, sheet.nrows - 1)}
        self.assertNotIn(self.inv_paid.move_id.name, rows, "paid in March")
        person = rows[self.inv_person.move_id.name]
        self.assertEqual(sheet.cell(person, 5).value, 3, "due on 28/03")
        self.assertAlmostEqual(sheet.cell(person, 7).value, 42.35, places=2, msg="1-30 days, April payment ignored")
        late = rows[self.inv_late.move_id.name]
        self.assertEqual(sheet.cell(late, 5).value, 75)
        self.assertAlmostEqual(sheet.cell(late, 9).value, 121.0, places=2, msg="61-90 days column")
        two_lines = rows[self.inv_two_lines.move_id.name]
        self.assertAlmostEqual(sheet.cell(two_lines, 7).value, 140.99, places=2)
        refund = rows[self.refund.move_id.name]
        self.assertAlmostEqual(sheet.cell(refund, 7).value, -60.5, places=2)
        not_due = self.make_invoice(self.person, "2019-03-30", [("Later", 10.0, False)], date_due="2019-04-30")
        book = xlrd.open_workbook(file_contents=self.xlsx_bytes(self.export("2019-03-01", "2019-03-31")))
        sheet = book.sheet_by_index(3)
        row = [r for r in range(1, sheet.nrows - 1) if sheet.cell(r, 1).value == not_due.move_id.name][0]
        self.assertAlmostEqual(sheet.cell(row, 6).value, 10.0, places=2, msg="not due yet")
        self.assertAlmostEqual(sheet.cell(sheet.nrows - 1, 9).value, 121.0, places=2, msg="column total")

    def test_same_period_gives_identical_files(self):
        """Two exports of the same period are byte-identical (XLSX and CSV)."""
        first = self.export("2019-03-01", "2019-03-31")
        second = self.export("2019-03-01", "2019-03-31", user=self.user_accountant)
        self.assertNotEqual(first, second)
        self.assertEqual(self.xlsx_bytes(first), self.xlsx_bytes(second))
        self.assertEqual(first.csv_attachment_id.datas, second.csv_attachment_id.datas)
        self.assertEqual(first.xlsx_checksum, second.xlsx_checksum)
        self.assertEqual(second.user_id, self.user_accountant)

    def test_check_draft_entries_listed(self):
        """Draft entries in the period stop the export and are listed."""
        self.make_move("2019-03-15", [(self.acc_waiting, 10.0, 0.0), (self.acc_income, 0.0, 10.0)],
                       ref="Draft correction", post=False, journal=self.misc_journal)
        with self.assertRaises(UserError) as error:
            self.export("2019-03-01", "2019-03-31", journals=self.sale_journal | self.misc_journal)
        message = error.exception.name
        self.assertIn("Draft entries in the period", message)
        self.assertIn("Draft correction", message)
        self.assertIn("15/03/2019", message)
        # Outside the chosen journals it does not matter.
        self.assertTrue(self.export("2019-03-01", "2019-03-31", journals=self.sale_journal))

    def test_check_unbalanced_entry(self):
        """An entry whose debit differs from its credit stops the export and is named."""
        move = self.make_move("2019-03-16", [(self.acc_waiting, 100.0, 0.0), (self.acc_income, 0.0, 100.0)])
        # Odoo refuses to write this; an import or a database repair can leave it behind.
        credit_line = move.line_ids.filtered(lambda l: l.credit)
        self.env.cr.execute("UPDATE account_move_line SET credit = 90, balance = -90 WHERE id = %s",
                            (credit_line.id,))
        move.invalidate_cache()
        move.line_ids.invalidate_cache()
        with self.assertRaises(UserError) as error:
            self.export("2019-03-01", "2019-03-31", journals=self.misc_journal)
        self.assertIn("do not balance", error.exception.name)
        self.assertIn(move.name, error.exception.name)

    def test_check_company_without_vat_or_number(self):
        """An invoice of a company without VAT or company number stops the export."""
        org = self.env["res.partner"].create({
            "name": "Naamloze coöperatie", "is_company": True,
            "property_account_receivable_id": self.acc_receivable.id})
        invoice = self.make_invoice(org, "2019-03-18", [("Lidgeld", 100.0, True)])
        with self.assertRaises(UserError) as error:
            self.export("2019-03-01", "2019-03-31")
        self.assertIn("without VAT or company number", error.exception.name)
        self.assertIn("Naamloze coöperatie", error.exception.name)
        self.assertIn(invoice.number, error.exception.name)
        # A person needs neither; a company number is enough.
        org.coop_kbo_number = "0456.789.034"
        self.assertTrue(self.export("2019-03-01", "2019-03-31"))

    def test_messages_in_dutch(self):
        """The check messages reach a Dutch-speaking accountant in Dutch."""
        self.make_move("2019-03-15", [(self.acc_waiting, 10.0, 0.0), (self.acc_income, 0.0, 10.0)],
                       ref="Concept", post=False)
        with self.assertRaises(UserError) as error:
            self.env["coop.accounting.export"].with_context(lang="nl_BE").create_export(
                "month", "2019-03-01", "2019-03-31", self.misc_journal)
        self.assertIn("Boekingen in concept in de periode", error.exception.name)

    def test_wizard_periods(self):
        """Month, quarter, year and dates give the right period; bad dates are refused."""
        wizard = self.env["coop.accounting.export.wizard"].create({
            "period_type": "quarter", "year": 2019, "quarter": "2",
            "journal_ids": [(6, 0, self.sale_journal.ids)]})
        self.assertEqual(wizard._get_period(), ("2019-04-01", "2019-06-30"))
        wizard.write({"period_type": "month", "month": "2"})
        self.assertEqual(wizard._get_period(), ("2019-02-01", "2019-02-28"))
        wizard.write({"period_type": "year"})
        self.assertEqual(wizard._get_period(), ("2019-01-01", "2019-12-31"))
        wizard.write({"period_type": "custom", "date_from": "2019-03-10", "date_to": "2019-03-01"})
        with self.assertRaises(UserError):
            wizard._get_period()

    def test_wizard_check_then_export(self):
        """The wizard's check shows the problems; its export opens the stored export."""
        wizard = as_user(self.env["coop.accounting.export.wizard"], self.user_accountant).create({
            "period_type": "month", "year": 2019, "month": "3",
            "journal_ids": [(6, 0, (self.sale_journal | self.bank_journal).ids)]})
        wizard.action_check()
        self.assertIn("No problems found", wizard.check_result)
        action = wizard.action_export()
        export = self.env["coop.accounting.export"].browse(action["res_id"])
        self.assertEqual((export.date_from, export.date_to, export.period_type), ("2019-03-01", "2019-03-31", "month"))
        self.assertEqual(export.user_id, self.user_accountant)
        self.assertEqual(export.journal_ids, self.sale_journal | self.bank_journal)
        self.assertEqual(export.xlsx_attachment_id.res_model, "coop.accounting.export")
        self.assertEqual(export.xlsx_attachment_id.res_id, export.id)
        self.assertTrue(export.csv_attachment_id.datas_fname.endswith(".csv"))

    def test_access_reserved_to_accountants(self):
        """A user outside 'Accountant export' (staff, employee) cannot export nor read exports."""
        export = self.export("2019-03-01", "2019-03-31")
        for user in (self.user_internal, self.user_coop):
            wizard = as_user(self.env["coop.accounting.export.wizard"], user).create({
                "period_type": "month", "year": 2019, "month": "3",
                "journal_ids": [(6, 0, self.sale_journal.ids)]})
            with self.assertRaises(AccessError):
                wizard.action_export()
            with self.assertRaises(AccessError):
                wizard.action_check()
            with self.assertRaises(AccessError):
                as_user(export, user).read(["name"])
            with self.assertRaises(AccessError):
                self.export("2019-03-01", "2019-03-31", user=user)
        self.assertEqual(as_user(export, self.user_accountant).read(["name"])[0]["id"], export.id)

    def test_send_to_accounting_office(self):
        """The export is mailed with both files to the configured address; without it, a message."""
        export = self.export("2019-03-01", "2019-03-31")
        with self.assertRaises(UserError):
            export.action_send_mail()
        self.env["ir.config_parameter"].sudo().set_param(
            "coop_reporting.accounting_office_email", "boekhouding@coopfabrik.example")
        export.action_send_mail()
        mail = self.env["mail.mail"].search([("model", "=", export._name), ("res_id", "=", export.id)])
        self.assertEqual(len(mail), 1)
        self.assertIn("boekhouding@coopfabrik.example", mail.email_to)
        self.assertEqual(mail.attachment_ids, export.xlsx_attachment_id | export.csv_attachment_id)
        self.assertTrue(export.sent_date)

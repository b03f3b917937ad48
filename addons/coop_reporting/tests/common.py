# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Factories for the reporting tests: journals, partners and invoices of their own, on
fixed dates far from the demo data, with the Belgian chart (l10n_be) of the company."""
import base64
import csv
import io

from odoo.addons.coop_website.tests.common import CoopSavepointCase, as_user, new_user, ogm


class ReportingFactory:
    """Mixin of factories; setup_reporting_data() needs cls.env."""

    @classmethod
    def setup_reporting_data(cls):
        env = cls.env
        cls.company = env.user.company_id
        cls.assertTrue(cls, cls.company.chart_template_id, "the test database has a chart of accounts")
        cls.user_accountant = new_user(env, "coop_accountant", ["coop_reporting.group_accounting_export"])
        account = env["account.account"]
        cls.acc_receivable = account.search([("code", "=", "400000"), ("company_id", "=", cls.company.id)])
        cls.acc_income = account.search([("code", "=", "700000"), ("company_id", "=", cls.company.id)])
        cls.acc_bank = account.search([("code", "=", "550001"), ("company_id", "=", cls.company.id)])
        cls.acc_waiting = account.search([("code", "=", "499000"), ("company_id", "=", cls.company.id)])
        cls.tax_21 = env["account.tax"].search([
            ("company_id", "=", cls.company.id), ("type_tax_use", "=", "sale"), ("amount", "=", 21),
            ("price_include", "=", False), ("amount_type", "=", "percent")], order="id", limit=1)
        journal = env["account.journal"]
        cls.sale_journal = journal.create({
            "name": "Test sales", "code": "TVK", "type": "sale", "company_id": cls.company.id,
            "default_debit_account_id": cls.acc_income.id, "default_credit_account_id": cls.acc_income.id})
        cls.bank_journal = journal.create({
            "name": "Test bank", "code": "TBK", "type": "bank", "company_id": cls.company.id,
            "default_debit_account_id": cls.acc_bank.id, "default_credit_account_id": cls.acc_bank.id})
        cls.misc_journal = journal.create({
            "name": "Test miscellaneous", "code": "TMM", "type": "general", "company_id": cls.company.id})
        partner = env["res.partner"]
        cls.org_vat = partner.create({
            "name": "Zonnecoop cvba", "is_company": True, "vat": "BE0477472701",
            "property_account_receivable_id": cls.acc_receivable.id})
        cls.org_number = partner.create({
            "name": "Buurtwinkel vzw", "is_company": True, "coop_kbo_number": "0123.456.749",
            "property_account_receivable_id": cls.acc_receivable.id})
        cls.person = partner.create({
            "name": "An Peeters", "is_company": False,
            "property_account_receivable_id": cls.acc_receivable.id})
        cls.bba_counter = 9876500000

    @classmethod
    def make_invoice(cls, partner, date, lines, bba=False, inv_type="out_invoice", validate=True,
                     date_due=None, product=None):
        """A customer invoice; lines = [(label, price_unit, with_vat)]."""
        values = {
            "partner_id": partner.id,
            "type": inv_type,
            "journal_id": cls.sale_journal.id,
            "account_id": cls.acc_receivable.id,
            "date_invoice": date,
            "reference_type": "none",
            "invoice_line_ids": [(0, 0, {
                "name": label, "price_unit": price, "quantity": 1, "account_id": cls.acc_income.id,
                "product_id": product.id if product else False,
                "invoice_line_tax_ids": [(6, 0, cls.tax_21.ids)] if with_vat else [],
            }) for label, price, with_vat in lines],
        }
        if date_due:
            values["date_due"] = date_due
        if bba:
            cls.bba_counter += 1
            values.update(reference_type="bba", reference=ogm(cls.bba_counter))
        invoice = cls.env["account.invoice"].create(values)
        if validate:
            invoice.action_invoice_open()
        return invoice

    @classmethod
    def make_move(cls, date, lines, ref="Test entry", post=True, journal=None):
        """A journal entry; lines = [(account, debit, credit)]. Unbalanced lines are
        allowed (check_move_validity off), as an import could produce them."""
        move = cls.env["account.move"].with_context(check_move_validity=False).create({
            "journal_id": (journal or cls.misc_journal).id,
            "date": date,
            "ref": ref,
            "line_ids": [(0, 0, {"name": ref, "account_id": account.id, "debit": debit, "credit": credit})
                         for account, debit, credit in lines],
        })
        if post:
            move.post()
        return move

    def export(self, date_from, date_to, journals=None, period_type="custom", user=None):
        model = self.env["coop.accounting.export"]
        if user:
            model = as_user(model, user)
        return model.create_export(period_type, date_from, date_to,
                                   journals or (self.sale_journal | self.bank_journal))

    @staticmethod
    def csv_rows(export):
        text = base64.b64decode(export.csv_attachment_id.datas).decode("utf-8")
        return list(csv.reader(io.StringIO(text), delimiter=";"))

    @staticmethod
    def xlsx_bytes(export):
        return base64.b64decode(export.xlsx_attachment_id.datas)


class ReportingCase(ReportingFactory, CoopSavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Messages in English in the assertions, whatever the admin's language (Dutch in
        # the demo database); test_messages_in_dutch checks the Dutch.
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.setup_reporting_data()

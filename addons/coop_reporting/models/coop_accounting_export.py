# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""An accounting export for the accounting office (Coopfabrik): journal items of a
period and journals as XLSX and CSV, stored as attachments, reproducible byte for byte."""
import base64
import csv
import datetime
import io
import re

import xlsxwriter

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

PERIOD_TYPES = [
    ("month", "Month"),
    ("quarter", "Quarter"),
    ("year", "Year"),
    ("custom", "Dates"),
]
# Ageing buckets of the open receivables sheet: upper bound in days overdue.
AGE_BUCKETS = [0, 30, 60, 90, None]


def _amount_text(value):
    """An amount the way Belgian accounting packages read it: decimal comma, no thousands."""
    return ("%.2f" % value).replace(".", ",")


def _date_text(value):
    return fields.Date.from_string(value).strftime("%d/%m/%Y") if value else ""


class CoopAccountingExport(models.Model):
    _name = "coop.accounting.export"
    _description = "Accounting export"
    _inherit = ["mail.thread"]
    _order = "create_date desc, id desc"

    name = fields.Char(required=True, readonly=True)
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, readonly=True,
        default=lambda self: self.env.user.company_id)
    user_id = fields.Many2one(
        comodel_name="res.users", string="Made by", required=True, readonly=True,
        default=lambda self: self.env.user)
    period_type = fields.Selection(selection=PERIOD_TYPES, string="Period", required=True, readonly=True)
    date_from = fields.Date(required=True, readonly=True)
    date_to = fields.Date(required=True, readonly=True)
    journal_ids = fields.Many2many(
        comodel_name="account.journal", string="Journals", required=True, readonly=True)
    move_count = fields.Integer(string="Entries", readonly=True)
    line_count = fields.Integer(string="Journal items", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id", readonly=True)
    total_debit = fields.Monetary(readonly=True)
    total_credit = fields.Monetary(readonly=True)
    xlsx_attachment_id = fields.Many2one(comodel_name="ir.attachment", string="XLSX file", readonly=True)
    csv_attachment_id = fields.Many2one(comodel_name="ir.attachment", string="CSV file", readonly=True)
    xlsx_checksum = fields.Char(related="xlsx_attachment_id.checksum", string="XLSX checksum", readonly=True)
    csv_checksum = fields.Char(related="csv_attachment_id.checksum", string="CSV checksum", readonly=True)
    sent_date = fields.Datetime(string="Sent to the accounting office on", readonly=True, copy=False)
    accounting_office_email = fields.Char(compute="_compute_accounting_office_email")

    @api.multi
    def _compute_accounting_office_email(self):
        email = self.env["ir.config_parameter"].sudo().get_param("coop_reporting.accounting_office_email")
        for export in self:
            export.accounting_office_email = email or False

    # ------------------------------------------------------------------ actions

    @api.multi
    def action_send_mail(self):
        """Mail both files to the accounting office's address (a setting)."""
        self.ensure_one()
        if not self.accounting_office_email:
            raise UserError(_("Set the accounting office's e-mail address in the Reporting settings "
                              "before sending an export."))
        template = self.env.ref("coop_reporting.mail_template_accounting_export")
        attachments = self.xlsx_attachment_id | self.csv_attachment_id
        template.send_mail(self.id, force_send=False, email_values={"attachment_ids": attachments.ids})
        self.sent_date = fields.Datetime.now()
        self.message_post(body=_("Export sent to %s.") % self.accounting_office_email)
        return True

    # ------------------------------------------------------------- generation

    @api.model
    def create_export(self, period_type, date_from, date_to, journals):
        """Run the checks, build both files and store them on a new export record.
        Raises UserError listing every problem found when the checks fail."""
        self.check_access_rights("create")
        if not self.env.user.has_group("coop_reporting.group_accounting_export"):
            raise AccessError(_("Only users of the group 'Accountant export' may export the accounting."))
        company = self.env.user.company_id
        problems = self._check_problems(company, date_from, date_to, journals)
        if problems:
            raise UserError(_("The export cannot be made:\n\n%s") % "\n\n".join(problems))
        # Files are written in the company's language so that who exports does not change them.
        writer = self.with_context(lang=company.partner_id.lang or self.env.lang)
        lines = writer._fetch_lines(company, date_from, date_to, journals)
        receivables = writer._fetch_open_receivables(company, date_to)
        xlsx = writer._build_xlsx(company, date_from, date_to, journals, lines, receivables)
        csv_data = writer._build_csv(lines)
        stem = "coopfabrik_%s_%s_%s" % (
            company.partner_id.vat or company.id, date_from.replace("-", ""), date_to.replace("-", ""))
        export = self.create({
            "name": _("Export %(from)s to %(to)s") % {"from": _date_text(date_from), "to": _date_text(date_to)},
            "company_id": company.id,
            "period_type": period_type,
            "date_from": date_from,
            "date_to": date_to,
            "journal_ids": [(6, 0, journals.ids)],
            "move_count": len({line["move_id"] for line in lines}),
            "line_count": len(lines),
            "total_debit": sum(line["debit"] for line in lines),
            "total_credit": sum(line["credit"] for line in lines),
        })
        attachment = self.env["ir.attachment"]
        common = {"res_model": self._name, "res_id": export.id, "type": "binary"}
        xlsx_att = attachment.create(dict(
            common, name=stem + ".xlsx", datas_fname=stem + ".xlsx", datas=base64.b64encode(xlsx),
            mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        csv_att = attachment.create(dict(
            common, name=stem + ".csv", datas_fname=stem + ".csv", datas=base64.b64encode(csv_data),
            mimetype="text/csv"))
        export.write({"xlsx_attachment_id": xlsx_att.id, "csv_attachment_id": csv_att.id})
        return export

    @api.model
    def _check_problems(self, company, date_from, date_to, journals):
        """The reasons not to export this period, each a message for the accountant."""
        problems = []
        period = [("company_id", "=", company.id), ("journal_id", "in", journals.ids),
                  ("date", ">=", date_from), ("date", "<=", date_to)]
        drafts = self.env["account.move"].search(period + [("state", "=", "draft")], order="date, id")
        if drafts:
            problems.append(_("Draft entries in the period (post or delete them first):\n%s") % "\n".join(
                "- %s %s %s" % (_date_text(m.date), m.journal_id.code, m.name if m.name != "/" else (m.ref or m.id))
                for m in drafts))
        # One query: entries whose items do not balance (posting forbids it, imports do not).
        self.env.cr.execute("""
            SELECT m.id FROM account_move m JOIN account_move_line l ON l.move_id = m.id
             WHERE m.company_id = %s AND m.journal_id IN %s AND m.date >= %s AND m.date <= %s
             GROUP BY m.id HAVING ROUND(SUM(l.debit) - SUM(l.credit), 2) != 0
             ORDER BY m.date, m.id""", (company.id, tuple(journals.ids), date_from, date_to))
        unbalanced = self.env["account.move"].browse([r[0] for r in self.env.cr.fetchall()])
        if unbalanced:
            problems.append(_("Entries that do not balance (debit differs from credit):\n%s") % "\n".join(
                "- %s %s %s" % (_date_text(m.date), m.journal_id.code, m.name) for m in unbalanced))
        invoices = self.env["account.invoice"].search(
            period + [("state", "in", ("open", "paid"))], order="date_invoice, number, id")
        missing = invoices.filtered(
            lambda inv: inv.commercial_partner_id.is_company
            and not self._partner_vat(inv.commercial_partner_id)
            and not self._partner_company_number(inv.commercial_partner_id))
        if missing:
            problems.append(_("Companies without VAT or company number on invoices "
                              "(complete the contact):\n%s") % "\n".join(
                "- %s: %s" % (inv.number, inv.commercial_partner_id.name) for inv in missing))
        return problems

    @api.model
    def _partner_vat(self, partner):
        return partner.vat or ""

    @api.model
    def _partner_company_number(self, partner):
        """The company number: coop_membership's ``coop_kbo_number`` (the one company
        number field of the platform), else derived from a Belgian VAT number (for a
        Belgian company the company number is the VAT number without BE)."""
        if partner.coop_kbo_number:
            return partner.coop_kbo_number
        vat = re.sub(r"[^0-9A-Za-z]", "", partner.vat or "").upper()
        if re.match(r"^BE[01]\d{9}$", vat):
            digits = vat[2:]
            return "%s.%s.%s" % (digits[:4], digits[4:7], digits[7:])
        return ""

    @api.model
    def _fetch_lines(self, company, date_from, date_to, journals):
        """The posted journal items of the period as dicts, in a fixed order."""
        items = self.env["account.move.line"].search([
            ("company_id", "=", company.id), ("journal_id", "in", journals.ids),
            ("date", ">=", date_from), ("date", "<=", date_to), ("move_id.state", "=", "posted"),
        ])
        rows = []
        for item in items:
            partner = item.partner_id.commercial_partner_id
            invoice = item.invoice_id
            structured = invoice.reference if invoice and invoice.reference_type == "bba" else ""
            receivable = item.account_id.internal_type in ("receivable", "payable")
            rows.append({
                "id": item.id,
                "move_id": item.move_id.id,
                "date": item.date,
                "journal_code": item.journal_id.code,
                "journal_id": item.journal_id.id,
                "move_name": item.move_id.name,
                "account_code": item.account_id.code,
                "account_name": item.account_id.name,
                "partner_name": partner.name or "",
                "partner_vat": self._partner_vat(partner) if partner else "",
                "partner_company_number": self._partner_company_number(partner) if partner else "",
                "label": item.name or "",
                "debit": item.debit,
                "credit": item.credit,
                "tax_grid": ", ".join(self._tax_grids(item)),
                "structured_communication": structured or "",
                "reconcile_ref": item.full_reconcile_id.name or "",
                "date_maturity": item.date_maturity if receivable else False,
            })
        rows.sort(key=lambda r: (r["date"], r["journal_code"], r["move_name"], r["move_id"], r["id"]))
        return rows

    @api.model
    def _tax_grid_code(self, tag):
        """'Belgium VAT Form: grid 03' -> '03'; 'Belgium VAT Form: base in 87' -> '87'."""
        text = (tag.name or "").split(":")[-1].strip()
        match = re.search(r"(\d+[a-z]?\d*)$", text)
        return match.group(1) if match else text

    @api.model
    def _tax_grids(self, item):
        """The VAT return grids of a journal item, from its taxes' tags.

        In 11.0 a Belgian tax carries the tags of all its grids (base and VAT, invoice
        and credit note); keep those that apply to this item: VAT amount grids for a tax
        line, base grids for a base line, credit note grids only on credit notes."""
        is_tax_line = bool(item.tax_line_id)
        tags = item.tax_line_id.tag_ids if is_tax_line else item.tax_ids.mapped("tag_ids")
        grids = {self._tax_grid_code(tag) for tag in tags if tag.applicability == "taxes"}
        amount_grids, refund_grids = self._tax_amount_grids(), self._tax_refund_grids()
        grids = {g for g in grids if (g in amount_grids) == is_tax_line}
        refund = item.invoice_id.type in ("out_refund", "in_refund")
        if refund and grids & refund_grids:
            grids &= refund_grids
        elif not refund:
            grids -= refund_grids
        return sorted(grids)

    @api.model
    def _tax_amount_grids(self):
        """Grids of the Belgian VAT return that hold VAT amounts (the others hold bases)."""
        return {"54", "55", "56", "57", "59", "61", "62", "63", "64"}

    @api.model
    def _tax_refund_grids(self):
        """Grids of the Belgian VAT return for credit notes."""
        return {"48", "49", "63", "64", "84", "85"}

    @api.model
    def _fetch_open_receivables(self, company, date_to):
        """Receivable items open on date_to (payments after date_to do not count), aged."""
        self.env.cr.execute("""
            SELECT l.id, l.date, l.date_maturity, m.name, COALESCE(p.name, ''), l.name,
                   l.debit - l.credit
                   - COALESCE((SELECT SUM(pr.amount) FROM account_partial_reconcile pr
                                WHERE pr.debit_move_id = l.id AND pr.max_date <= %(date_to)s), 0)
                   + COALESCE((SELECT SUM(pr.amount) FROM account_partial_reconcile pr
                                WHERE pr.credit_move_id = l.id AND pr.max_date <= %(date_to)s), 0)
              FROM account_move_line l
              JOIN account_move m ON m.id = l.move_id
              JOIN account_account a ON a.id = l.account_id
              LEFT JOIN res_partner lp ON lp.id = l.partner_id
              LEFT JOIN res_partner p ON p.id = COALESCE(lp.commercial_partner_id, lp.id)
             WHERE a.internal_type = 'receivable' AND m.state = 'posted'
               AND l.company_id = %(company)s AND l.date <= %(date_to)s
        """, {"company": company.id, "date_to": date_to})
        end = fields.Date.from_string(date_to)
        rows = []
        for line_id, date, maturity, move_name, partner, label, amount in self.env.cr.fetchall():
            amount = company.currency_id.round(amount)
            if company.currency_id.is_zero(amount):
                continue
            due = fields.Date.from_string(maturity or date)
            rows.append({
                "id": line_id, "date": date, "date_maturity": maturity or date, "move_name": move_name,
                "partner_name": partner, "label": label or "", "amount": amount,
                "days_overdue": max((end - due).days, 0), "bucket": self._age_bucket((end - due).days),
            })
        rows.sort(key=lambda r: (r["partner_name"], r["date_maturity"], r["move_name"], r["id"]))
        return rows

    @api.model
    def _age_bucket(self, days_overdue):
        """Index in AGE_BUCKETS of an item that is days_overdue days past its due date."""
        for index, limit in enumerate(AGE_BUCKETS):
            if limit is None or days_overdue <= limit:
                return index
        return len(AGE_BUCKETS) - 1

    @api.model
    def _columns(self):
        """(key, header, kind) of the journal item columns, in file order."""
        return [
            ("date", _("Date"), "date"),
            ("journal_code", _("Journal"), "text"),
            ("move_name", _("Entry number"), "text"),
            ("account_code", _("Account code"), "text"),
            ("account_name", _("Account name"), "text"),
            ("partner_name", _("Partner"), "text"),
            ("partner_vat", _("Partner VAT"), "text"),
            ("partner_company_number", _("Company number"), "text"),
            ("label", _("Label"), "text"),
            ("debit", _("Debit"), "amount"),
            ("credit", _("Credit"), "amount"),
            ("tax_grid", _("Tax grid"), "text"),
            ("structured_communication", _("Structured communication"), "text"),
            ("reconcile_ref", _("Reconciliation reference"), "text"),
            ("date_maturity", _("Due date"), "date"),
        ]

    @api.model
    def _build_csv(self, lines):
        """UTF-8, semicolon separated, decimal comma, dates dd/mm/yyyy."""
        columns = self._columns()
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow([header for _key, header, _kind in columns])
        for line in lines:
            row = []
            for key, _header, kind in columns:
                value = line[key]
                if kind == "amount":
                    row.append(_amount_text(value))
                elif kind == "date":
                    row.append(_date_text(value))
                else:
                    row.append(value or "")
            writer.writerow(row)
        return out.getvalue().encode("utf-8")

    @api.model
    def _build_xlsx(self, company, date_from, date_to, journals, lines, receivables):
        """The workbook: summary, one sheet per journal, open receivables (aged)."""
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        # Fixed document properties: the same period gives the same bytes.
        book.set_properties({
            "title": _("Accounting export"),
            "company": company.name,
            "author": company.name,
            "created": datetime.datetime.combine(fields.Date.from_string(date_to), datetime.time(0, 0)),
        })
        symbol = company.currency_id.symbol or company.currency_id.name
        fmt = {
            "bold": book.add_format({"bold": True}),
            "header": book.add_format({"bold": True, "bg_color": "#D9E1F2", "bottom": 1}),
            "date": book.add_format({"num_format": "dd/mm/yyyy"}),
            "amount": book.add_format({"num_format": '#,##0.00 "%s";-#,##0.00 "%s"' % (symbol, symbol)}),
            "amount_bold": book.add_format({
                "bold": True, "num_format": '#,##0.00 "%s";-#,##0.00 "%s"' % (symbol, symbol)}),
            "int": book.add_format({"num_format": "0"}),
        }
        self._xlsx_summary(book, fmt, company, date_from, date_to, journals, lines)
        used_names = {_("Summary"), _("Open receivables")}
        for journal in journals.sorted(key=lambda j: (j.code, j.id)):
            name = self._sheet_name(journal.code or str(journal.id), used_names)
            self._xlsx_journal(book, fmt, name, [line for line in lines if line["journal_id"] == journal.id])
        self._xlsx_receivables(book, fmt, date_to, receivables)
        book.close()
        return output.getvalue()

    @api.model
    def _sheet_name(self, wanted, used):
        name = re.sub(r"[\[\]:*?/\\]", "_", wanted)[:28] or "_"
        candidate, count = name, 1
        while candidate in used:
            count += 1
            candidate = "%s %d" % (name, count)
        used.add(candidate)
        return candidate

    @api.model
    def _write_cell(self, sheet, row, col, value, kind, fmt):
        if kind == "date":
            if value:
                sheet.write_datetime(row, col, datetime.datetime.combine(
                    fields.Date.from_string(value), datetime.time(0, 0)), fmt["date"])
            else:
                sheet.write_blank(row, col, None, fmt["date"])
        elif kind == "amount":
            sheet.write_number(row, col, value, fmt["amount"])
        elif kind == "int":
            sheet.write_number(row, col, value, fmt["int"])
        else:
            sheet.write_string(row, col, value or "")

    @api.model
    def _xlsx_summary(self, book, fmt, company, date_from, date_to, journals, lines):
        sheet = book.add_worksheet(_("Summary"))
        sheet.write_string(0, 0, _("Accounting export"), fmt["bold"])
        sheet.write_string(1, 0, _("Company"))
        sheet.write_string(1, 1, company.name)
        sheet.write_string(2, 0, _("From"))
        self._write_cell(sheet, 2, 1, date_from, "date", fmt)
        sheet.write_string(3, 0, _("To"))
        self._write_cell(sheet, 3, 1, date_to, "date", fmt)
        headers = [_("Journal"), _("Journal name"), _("Entries"), _("Journal items"),
                   _("Debit"), _("Credit"), _("Difference")]
        top = 5
        for col, header in enumerate(headers):
            sheet.write_string(top, col, header, fmt["header"])
        row = top
        for journal in journals.sorted(key=lambda j: (j.code, j.id)):
            mine = [line for line in lines if line["journal_id"] == journal.id]
            debit = company.currency_id.round(sum(line["debit"] for line in mine))
            credit = company.currency_id.round(sum(line["credit"] for line in mine))
            row += 1
            sheet.write_string(row, 0, journal.code or "")
            sheet.write_string(row, 1, journal.name)
            self._write_cell(sheet, row, 2, len({line["move_id"] for line in mine}), "int", fmt)
            self._write_cell(sheet, row, 3, len(mine), "int", fmt)
            self._write_cell(sheet, row, 4, debit, "amount", fmt)
            self._write_cell(sheet, row, 5, credit, "amount", fmt)
            self._write_cell(sheet, row, 6, company.currency_id.round(debit - credit), "amount", fmt)
        row += 1
        debit = company.currency_id.round(sum(line["debit"] for line in lines))
        credit = company.currency_id.round(sum(line["credit"] for line in lines))
        sheet.write_string(row, 0, _("Total"), fmt["bold"])
        sheet.write_number(row, 2, len({line["move_id"] for line in lines}), fmt["int"])
        sheet.write_number(row, 3, len(lines), fmt["int"])
        sheet.write_number(row, 4, debit, fmt["amount_bold"])
        sheet.write_number(row, 5, credit, fmt["amount_bold"])
        sheet.write_number(row, 6, company.currency_id.round(debit - credit), fmt["amount_bold"])
        sheet.freeze_panes(top + 1, 0)
        sheet.autofilter(top, 0, row - 1, len(headers) - 1)
        sheet.set_column(0, 0, 14)
        sheet.set_column(1, 1, 30)
        sheet.set_column(2, 6, 15)

    @api.model
    def _xlsx_journal(self, book, fmt, name, lines):
        sheet = book.add_worksheet(name)
        columns = self._columns()
        for col, (_key, header, _kind) in enumerate(columns):
            sheet.write_string(0, col, header, fmt["header"])
        for row, line in enumerate(lines, start=1):
            for col, (key, _header, kind) in enumerate(columns):
                self._write_cell(sheet, row, col, line[key], kind, fmt)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(lines), 1), len(columns) - 1)
        widths = {"date": 11, "amount": 14}
        for col, (key, _header, kind) in enumerate(columns):
            sheet.set_column(col, col, widths.get(kind, 30 if key in ("account_name", "partner_name", "label")
                                                  else 16))

    @api.model
    def _xlsx_receivables(self, book, fmt, date_to, receivables):
        sheet = book.add_worksheet(_("Open receivables"))
        headers = [_("Partner"), _("Entry number"), _("Label"), _("Date"), _("Due date"),
                   _("Days overdue"), _("Not due"), _("1-30 days"), _("31-60 days"), _("61-90 days"),
                   _("More than 90 days")]
        for col, header in enumerate(headers):
            sheet.write_string(0, col, header, fmt["header"])
        row = 0
        for row, item in enumerate(receivables, start=1):
            sheet.write_string(row, 0, item["partner_name"])
            sheet.write_string(row, 1, item["move_name"])
            sheet.write_string(row, 2, item["label"])
            self._write_cell(sheet, row, 3, item["date"], "date", fmt)
            self._write_cell(sheet, row, 4, item["date_maturity"], "date", fmt)
            self._write_cell(sheet, row, 5, item["days_overdue"], "int", fmt)
            for index in range(len(AGE_BUCKETS)):
                if index == item["bucket"]:
                    self._write_cell(sheet, row, 6 + index, item["amount"], "amount", fmt)
                else:
                    sheet.write_blank(row, 6 + index, None)
        total_row = row + 1
        sheet.write_string(total_row, 0, _("Total"), fmt["bold"])
        for index in range(len(AGE_BUCKETS)):
            total = sum(item["amount"] for item in receivables if item["bucket"] == index)
            sheet.write_number(total_row, 6 + index, round(total, 2), fmt["amount_bold"])
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(row, 1), len(headers) - 1)
        sheet.set_column(0, 0, 30)
        sheet.set_column(1, 2, 20)
        sheet.set_column(3, 4, 11)
        sheet.set_column(5, len(headers) - 1, 14)

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import os
import tempfile

import xlsxwriter

from odoo import _, api, fields, models
from odoo.exceptions import UserError

BATCH = 5000


class CoopShareExportWizard(models.TransientModel):
    """XLSX export of a register's entries or of its positions as of a date, written by
    xlsxwriter in constant-memory mode from a server-side cursor."""

    _name = "coop.share.export.wizard"
    _description = "Export of a share register"

    register_id = fields.Many2one(
        comodel_name="coop.share.register", string="Register", required=True,
        default=lambda self: self.env.user.coop_register_ids[:1])
    kind = fields.Selection(
        selection=[("entries", "Register entries"), ("positions", "Positions as of a date")],
        required=True, default="entries")
    date = fields.Date(required=True, default=fields.Date.context_today)
    number_from = fields.Integer(
        string="From shareholder number",
        help="Extract of a large register: print it in parts of shareholder numbers.")
    number_to = fields.Integer(string="To shareholder number")
    data = fields.Binary(string="File", readonly=True, attachment=False)
    filename = fields.Char(readonly=True)

    @api.multi
    def action_export(self):
        self.ensure_one()
        content = self.export_xlsx(self.register_id, self.kind, self.date)
        self.write({
            "data": base64.b64encode(content),
            "filename": "%s-%s-%s.xlsx" % (self.register_id.company_number, self.kind,
                                           self.date),
        })
        return {
            "type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id,
            "view_mode": "form", "target": "new",
        }

    @api.multi
    def action_print_extract(self):
        """The register extract PDF as of the date."""
        self.ensure_one()
        limit = self._extract_part_size()
        domain = [("register_id", "=", self.register_id.id)]
        if self.number_from:
            domain.append(("number", ">=", self.number_from))
        if self.number_to:
            domain.append(("number", "<=", self.number_to))
        if self.env["coop.shareholder"].search_count(domain) > limit:
            raise UserError(_(
                "This register is too large for one PDF: print it in parts of at most "
                "%(limit)s shareholders (from/to shareholder number), or print the whole "
                "register in the background.") % {"limit": limit})
        return self.env.ref("coop_share_register.report_register_extract_action").report_action(
            self.register_id, data={"date": self.date, "number_from": self.number_from,
                                    "number_to": self.number_to})

    @api.multi
    def action_extract_job(self):
        """The whole register as of the date, as a background job (queue_job) with its
        progress; the PDF is attached to the job when done."""
        self.ensure_one()
        job_rec = self.env["coop.share.register.job"].start(self.register_id, "extract",
                                                            date=self.date)
        return job_rec.action_open()

    @api.model
    def _extract_part_size(self):
        """The largest number of shareholders in one register extract PDF (a hook)."""
        return 2000

    @api.model
    def export_xlsx(self, register, kind, date=None):
        """The XLSX file (bytes). Rows are streamed: memory stays flat however large the
        register is."""
        register = register.with_env(self.env)
        register.check_access_rights("read")
        register.check_access_rule("read")
        handle, path = tempfile.mkstemp(suffix=".xlsx")
        os.close(handle)
        try:
            workbook = xlsxwriter.Workbook(path, {"constant_memory": True,
                                                  "tmpdir": tempfile.gettempdir()})
            if kind == "entries":
                self._write_entries(workbook, register)
            else:
                self._write_positions(workbook, register, date)
            workbook.close()
            with open(path, "rb") as xlsx:
                return xlsx.read()
        finally:
            os.unlink(path)

    @api.model
    def _sheet(self, workbook, title, headers):
        sheet = workbook.add_worksheet(title[:31])
        bold = workbook.add_format({"bold": True})
        for col, header in enumerate(headers):
            sheet.write_string(0, col, header, bold)
        return sheet

    @api.model
    def _write_rows(self, sheet, query, params, labels=None):
        """Stream the rows of query into sheet through a server-side cursor (DECLARE /
        FETCH in batches); labels maps a column to the labels of its values."""
        row_nr = 1
        labels = labels or {}
        self.env.cr.execute("DECLARE coop_dar_export NO SCROLL CURSOR FOR " + query, params)
        try:
            while True:
                self.env.cr.execute("FETCH %s FROM coop_dar_export", (BATCH,))
                rows = self.env.cr.fetchall()
                if not rows:
                    break
                for row in rows:
                    for col, value in enumerate(row):
                        if value is None:
                            continue
                        if col in labels:
                            value = labels[col].get(value, value)
                        if isinstance(value, (int, float)):
                            sheet.write_number(row_nr, col, value)
                        else:
                            sheet.write_string(row_nr, col, str(value))
                    row_nr += 1
        finally:
            self.env.cr.execute("CLOSE coop_dar_export")
        return row_nr

    @api.model
    def _write_entries(self, workbook, register):
        sheet = self._sheet(workbook, _("Entries"), [
            _("Number"), _("Date"), _("Type"), _("Class"), _("Quantity"),
            _("Nominal amount"), _("From holder"), _("From name"), _("To holder"),
            _("To name"), _("Board decision date"), _("Board decision"),
            _("Amount paid out"), _("Corrects entry"), _("Note")])
        types = dict(self.env["coop.share.entry"]._fields["entry_type"]._description_selection(
            self.env))
        query = """
            SELECT e.number, e.date::text, e.entry_type, c.code, e.quantity,
                   e.nominal_amount::float, hf.number, concat_ws(' ', hf.firstname, hf.name),
                   ht.number, concat_ws(' ', ht.firstname, ht.name),
                   e.board_decision_date::text, e.board_decision_ref,
                   e.amount_paid_out::float, ce.number, e.note
              FROM coop_share_entry e
              JOIN coop_share_class c ON c.id = e.class_id
              LEFT JOIN coop_shareholder hf ON hf.id = e.holder_from_id
              LEFT JOIN coop_shareholder ht ON ht.id = e.holder_to_id
              LEFT JOIN coop_share_entry ce ON ce.id = e.corrected_entry_id
             WHERE e.register_id = %s AND e.state = 'confirmed'
             ORDER BY e.number"""
        sheet.set_column(0, 14, 14)
        self._write_rows(sheet, query, (register.id,), labels={2: types})

    @api.model
    def _write_positions(self, workbook, register, date):
        date = date or fields.Date.context_today(self)
        sheet = self._sheet(workbook, _("Positions %s") % date, [
            _("Holder number"), _("Holder"), _("Class"), _("Shares"), _("Nominal"),
            _("Paid"), _("Unpaid")])
        from ..models.coop_share_position import POSITIONS_SQL
        query = """
            SELECT h.number, concat_ws(' ', h.firstname, h.name), c.code, q.shares,
                   q.nominal::float, q.paid::float, q.unpaid::float
              FROM (""" + POSITIONS_SQL + """) q
              JOIN coop_shareholder h ON h.id = q.holder_id
              JOIN coop_share_class c ON c.id = q.class_id
             ORDER BY h.number, c.code"""
        sheet.set_column(0, 6, 14)
        self._write_rows(sheet, query, {"register": register.id, "date": date,
                                        "holders": None})

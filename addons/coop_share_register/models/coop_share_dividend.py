# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import datetime
import os
import tempfile
from decimal import Decimal

import xlsxwriter

from odoo import _, api, fields, models
from odoo.addons.base_iban.models.res_partner_bank import validate_iban
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html_escape

from .coop_share_dividend_sepa import build_credit_transfer, read_totals, schema_errors

# The average paid-up capital of each holder over one year, pro rata temporis, in one
# query. Every change of a holder's position in a class (a movement of shares, a
# subscription, a payment) starts a period that lasts until the next change; the paid-up
# capital of a period is the nominal value held less the unpaid part (as in the
# positions); each period counts for its days within the year.
DIVIDEND_BASE_SQL = """
    WITH ev AS (
        SELECT m.holder_id, m.class_id, m.date, m.qty AS d_shares,
               0::numeric AS d_sub, 0::numeric AS d_paid
          FROM coop_share_movement m
         WHERE m.register_id = %(register)s AND m.date <= %(end)s
        UNION ALL
        SELECT e.holder_to_id, e.class_id, e.date, 0, e.sign * e.nominal_amount, 0
          FROM coop_share_entry e
         WHERE e.register_id = %(register)s AND e.state = 'confirmed'
           AND e.effect_type = 'subscription' AND e.date <= %(end)s
        UNION ALL
        SELECT p.holder_id, e.class_id, p.date, 0, 0, p.amount
          FROM coop_share_payment p
          JOIN coop_share_entry e ON e.id = p.entry_id AND e.state = 'confirmed'
         WHERE p.register_id = %(register)s AND p.date <= %(end)s
    ), daily AS (
        SELECT holder_id, class_id, date, SUM(d_shares) AS d_shares, SUM(d_sub) AS d_sub,
               SUM(d_paid) AS d_paid
          FROM ev GROUP BY holder_id, class_id, date
    ), running AS (
        SELECT holder_id, class_id, date,
               SUM(d_shares) OVER w AS shares, SUM(d_sub) OVER w AS subscribed,
               SUM(d_paid) OVER w AS paid,
               LEAD(date) OVER w AS next_date
          FROM daily
        WINDOW w AS (PARTITION BY holder_id, class_id ORDER BY date)
    ), periods AS (
        SELECT r.holder_id,
               r.shares * c.nominal_value
                 - LEAST(GREATEST(r.subscribed - r.paid, 0), r.shares * c.nominal_value)
                 AS paid_up,
               GREATEST(0, LEAST(COALESCE(r.next_date, %(after)s), %(after)s)
                           - GREATEST(r.date, %(start)s)) AS days
          FROM running r JOIN coop_share_class c ON c.id = r.class_id
    )
    SELECT holder_id, SUM(paid_up * days) / %(year_days)s AS base
      FROM periods WHERE days > 0 AND paid_up > 0
     GROUP BY holder_id
"""


class CoopShareDividendRun(models.Model):
    """The dividend of one register for one year: a rate (capped by the settings) on the
    paid-up capital, pro rata temporis, less the withholding tax; its payment list (XLSX),
    SEPA credit transfer file and the notices to the shareholders. A run is never
    deleted: it is cancelled."""

    _name = "coop.share.dividend.run"
    _description = "Dividend run"
    _inherit = ["coop.share.register.record", "mail.thread", "mail.activity.mixin"]
    _order = "year desc, register_id"

    name = fields.Char(compute="_compute_name", store=True)
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.from_string(fields.Date.context_today(self)).year - 1,
        help="The financial year whose dividend this is.")
    rate = fields.Float(
        string="Rate (%)", digits=(5, 3), required=True, track_visibility="onchange",
        help="The dividend rate the general assembly decided, on the paid-up capital.")
    max_rate = fields.Float(
        string="Maximum rate (%)", digits=(5, 3), readonly=True,
        help="The cap from the settings when the run was made.")
    withholding_rate = fields.Float(
        string="Withholding tax (%)", digits=(5, 3), readonly=True,
        help="The withholding tax rate from the settings when the run was made.")
    exempt_amount = fields.Monetary(
        currency_field="currency_id", readonly=True,
        help="The yearly exempt amount per natural person from the settings when the run "
             "was made.")
    currency_id = fields.Many2one(related="register_id.currency_id", readonly=True)
    decision_date = fields.Date(string="General assembly decision")
    payment_date = fields.Date(
        string="Payment date", help="The execution date asked in the SEPA payment file.")
    state = fields.Selection(
        selection=[("draft", "Draft"), ("confirmed", "Confirmed"), ("paid", "Paid"),
                   ("cancel", "Cancelled")],
        required=True, default="draft", readonly=True, copy=False, index=True,
        track_visibility="onchange")
    line_ids = fields.One2many(comodel_name="coop.share.dividend.line", inverse_name="run_id",
                               string="Dividends", readonly=True)
    line_count = fields.Integer(compute="_compute_totals")
    total_base = fields.Monetary(compute="_compute_totals", currency_field="currency_id",
                                 string="Total average paid-up capital")
    total_gross = fields.Monetary(compute="_compute_totals", currency_field="currency_id",
                                  string="Total gross")
    total_withholding = fields.Monetary(compute="_compute_totals",
                                        currency_field="currency_id",
                                        string="Total withholding tax")
    total_net = fields.Monetary(compute="_compute_totals", currency_field="currency_id",
                                string="Total net")
    confirmed_total_net = fields.Monetary(
        currency_field="currency_id", readonly=True, copy=False,
        help="The total net amount when the run was confirmed: the payment file must pay "
             "exactly this.")
    total_sepa = fields.Monetary(
        compute="_compute_totals", currency_field="currency_id", string="Total by SEPA",
        help="Net dividends of the shareholders with an IBAN: what the SEPA file pays.")
    total_otherwise = fields.Monetary(
        compute="_compute_totals", currency_field="currency_id", string="Total paid otherwise",
        help="Net dividends of the shareholders without an IBAN: not in the SEPA file, to "
             "be paid otherwise (listed below). Confirmed total = SEPA + paid otherwise.")
    otherwise_count = fields.Integer(compute="_compute_totals",
                                     string="Shareholders paid otherwise")
    otherwise_line_ids = fields.One2many(
        comodel_name="coop.share.dividend.line", inverse_name="run_id",
        domain=[("iban", "=", False)], readonly=True, string="To be paid otherwise")
    confirm_uid = fields.Many2one(comodel_name="res.users", string="Confirmed by",
                                  readonly=True, copy=False)
    xlsx_file = fields.Binary(string="Payment list", readonly=True, attachment=True, copy=False)
    xlsx_filename = fields.Char(readonly=True, copy=False)
    sepa_file = fields.Binary(string="SEPA file", readonly=True, attachment=True, copy=False)
    sepa_filename = fields.Char(readonly=True, copy=False)

    _sql_constraints = [
        ("rate_capped", "CHECK(rate > 0 AND rate <= max_rate)",
         "The dividend rate must be positive and at most the maximum rate."),
        ("year_sane", "CHECK(year BETWEEN 1900 AND 2999)", "The year is not valid."),
    ]

    @api.depends("register_id.name", "year")
    def _compute_name(self):
        for run in self:
            run.name = "%s %s" % (run.register_id.name or "", run.year or "")

    @api.multi
    def _compute_totals(self):
        if not self.ids:
            return
        data = self.env["coop.share.dividend.line"].read_group(
            [("run_id", "in", self.ids)], ["run_id", "base", "gross", "withholding", "net"],
            ["run_id"])
        totals = {d["run_id"][0]: d for d in data}
        otherwise = {d["run_id"][0]: d for d in self.env["coop.share.dividend.line"].read_group(
            [("run_id", "in", self.ids), ("iban", "=", False)], ["run_id", "net"], ["run_id"])}
        for run in self:
            tot = totals.get(run.id, {})
            other = otherwise.get(run.id, {})
            run.otherwise_count = other.get("run_id_count", 0)
            run.total_otherwise = other.get("net", 0.0)
            run.total_sepa = tot.get("net", 0.0) - other.get("net", 0.0)
            run.line_count = tot.get("run_id_count", 0)
            run.total_base = tot.get("base", 0.0)
            run.total_gross = tot.get("gross", 0.0)
            run.total_withholding = tot.get("withholding", 0.0)
            run.total_net = tot.get("net", 0.0)

    @api.constrains("rate", "max_rate")
    def _check_rate(self):
        for run in self:
            run._check_rate_values(run.rate, run.max_rate)

    @api.model
    def _check_rate_values(self, rate, max_rate):
        if rate <= 0:
            raise ValidationError(_("The dividend rate must be positive."))
        if rate > max_rate:
            raise ValidationError(_(
                "A dividend rate of %(rate)s %% is above the maximum of %(max)s %% set in "
                "the dividend settings.") % {"rate": rate, "max": max_rate})

    @api.model
    def _check_new_run(self, register, year):
        """A register pays dividends and has at most one run per year (cancelled ones
        aside)."""
        if not register.dividend_enabled:
            raise UserError(_("%s does not pay dividends: enable dividends on the register "
                              "first.") % register.name)
        other = self.sudo().search([("register_id", "=", register.id), ("year", "=", year),
                                    ("state", "!=", "cancel")], limit=1)
        if other:
            raise ValidationError(_(
                "There is already a dividend run for %(register)s and %(year)s: cancel it "
                "before making a new one.") % {"register": register.name, "year": year})

    @api.model
    def create(self, vals):
        vals = dict(vals)
        register = self.env["coop.share.register"].browse(vals.get("register_id"))
        register.check_access_rule("read")
        if not self.env.user.has_group("coop_share_register.group_dar_manager"):
            raise AccessError(_("Only a register manager makes dividend runs."))
        settings = self.env["coop.share.dividend.config"].get_values()
        vals.update({"max_rate": settings["max_rate"],
                     "withholding_rate": settings["withholding_rate"],
                     "exempt_amount": settings["exempt_amount"]})
        # refused before anything is written
        self._check_rate_values(vals.get("rate") or 0.0, vals["max_rate"])
        self._check_new_run(register, vals.get("year"))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        frozen = set(vals) & {"register_id", "year", "rate", "max_rate", "withholding_rate",
                              "exempt_amount"}
        if frozen and any(run.state != "draft" for run in self):
            raise UserError(_("Only a draft dividend run can be changed."))
        if "rate" in vals:
            for run in self:
                self._check_rate_values(vals["rate"] or 0.0, run.max_rate)
        if "register_id" in vals or "year" in vals:
            for run in self:
                self._check_new_run(
                    self.env["coop.share.register"].browse(
                        vals.get("register_id", run.register_id.id)),
                    vals.get("year", run.year))
        return super().write(vals)

    @api.multi
    def unlink(self):
        if self:
            raise UserError(_("A dividend run is never deleted: cancel it instead."))
        return super().unlink()

    @api.model_cr
    def init(self):
        """One run per register and year that is not cancelled, in the database; runs and
        their lines are never deleted, not even by SQL."""
        cr = self.env.cr
        cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS coop_share_dividend_run_year_uniq
            ON coop_share_dividend_run (register_id, year) WHERE state != 'cancel'""")
        cr.execute("""
            CREATE OR REPLACE FUNCTION coop_share_dividend_protect() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION 'dividend runs are never deleted (% %)', TG_TABLE_NAME, OLD.id
                    USING ERRCODE = 'integrity_constraint_violation';
            END $$ LANGUAGE plpgsql;
            DROP TRIGGER IF EXISTS coop_share_dividend_protect ON coop_share_dividend_run;
            CREATE TRIGGER coop_share_dividend_protect BEFORE DELETE ON coop_share_dividend_run
                FOR EACH ROW EXECUTE PROCEDURE coop_share_dividend_protect();
        """)

    # Computation -------------------------------------------------------------

    @api.multi
    def _check_manager(self):
        if not self.env.user.has_group("coop_share_register.group_dar_manager"):
            raise AccessError(_("Only a register manager works on dividend runs."))
        self.check_access_rule("write")

    @api.multi
    def action_compute(self):
        """(Re)compute the lines of a draft run: one INSERT ... SELECT for all holders."""
        self._check_manager()
        for run in self:
            if run.state != "draft":
                raise UserError(_("Only a draft dividend run can be computed."))
            run._compute_lines()
        return True

    @api.multi
    def _compute_lines(self):
        self.ensure_one()
        start = datetime.date(self.year, 1, 1)
        after = datetime.date(self.year + 1, 1, 1)
        cr = self.env.cr
        cr.execute("DELETE FROM coop_share_dividend_line WHERE run_id = %s", (self.id,))
        params = {
            "register": self.register_id.id, "start": start, "after": after,
            "end": datetime.date(self.year, 12, 31), "year_days": (after - start).days,
            "rate": Decimal(str(self.rate)), "wht": Decimal(str(self.withholding_rate)),
            "exempt": Decimal(str(self.exempt_amount or 0.0)), "run": self.id,
            "uid": self.env.uid,
        }
        cr.execute("""
            INSERT INTO coop_share_dividend_line (
                run_id, register_id, holder_id, holder_number, holder_type, iban, base,
                gross, exempt, withholding, net, notice_sent,
                create_uid, write_uid, create_date, write_date)
            SELECT %(run)s, %(register)s, g.holder_id, h.number, h.holder_type, h.iban,
                   g.base, g.gross, g.exempt, g.withholding, g.gross - g.withholding, false,
                   %(uid)s, %(uid)s, now() at time zone 'UTC', now() at time zone 'UTC'
              FROM (
                SELECT x.holder_id, x.base, x.gross, x.exempt,
                       ROUND((x.gross - x.exempt) * %(wht)s / 100, 2) AS withholding
                  FROM (
                    SELECT y.holder_id, y.base, y.gross,
                           CASE WHEN y.holder_type = 'person'
                                THEN LEAST(y.gross, %(exempt)s) ELSE 0 END AS exempt
                      FROM (
                        SELECT b.holder_id, ROUND(b.base, 2) AS base,
                               ROUND(b.base * %(rate)s / 100, 2) AS gross, hh.holder_type
                          FROM (""" + DIVIDEND_BASE_SQL + """) b
                          JOIN coop_shareholder hh ON hh.id = b.holder_id
                      ) y
                     WHERE y.gross > 0
                  ) x
              ) g
              JOIN coop_shareholder h ON h.id = g.holder_id""", params)
        self.invalidate_cache()
        self.message_post(body=_("Dividends computed: %(count)s shareholders, net total "
                                 "%(net).2f.") % {"count": self.line_count,
                                                  "net": self.total_net})

    @api.multi
    def action_confirm(self):
        """Fix the lines and their net total: the payment file must pay exactly that."""
        self._check_manager()
        for run in self:
            if run.state != "draft":
                raise UserError(_("Only a draft dividend run can be confirmed."))
            if not run.line_count:
                raise UserError(_("Compute the dividends before confirming the run."))
            run.write({"state": "confirmed", "confirmed_total_net": run.total_net,
                       "confirm_uid": self.env.uid})
        return True

    @api.multi
    def action_cancel(self):
        """Cancel a run (it stays, with its lines); a new run for the year is then possible."""
        self._check_manager()
        for run in self:
            if run.state not in ("draft", "confirmed"):
                raise UserError(_("Only a draft or confirmed dividend run can be cancelled."))
            run.write({"state": "cancel"})
        return True

    @api.multi
    def action_mark_paid(self):
        self._check_manager()
        for run in self:
            if run.state != "confirmed" or not run.sepa_file:
                raise UserError(_("A dividend run is paid once it is confirmed and its "
                                  "payment file made."))
            run.write({"state": "paid"})
        return True

    # Outputs -----------------------------------------------------------------

    @api.multi
    def _line_rows(self):
        """The lines with their holders, ordered by shareholder number (one query)."""
        self.ensure_one()
        self.env.cr.execute("""
            SELECT l.id, h.number, h.display_name, h.firstname, h.name, l.holder_type,
                   l.iban, l.base, l.gross, l.exempt, l.withholding, l.net
              FROM coop_share_dividend_line l
              JOIN coop_shareholder h ON h.id = l.holder_id
             WHERE l.run_id = %s ORDER BY h.number, l.id""", (self.id,))
        return self.env.cr.dictfetchall()

    @api.multi
    def payment_list_xlsx(self):
        """The payment list (bytes): one row per shareholder and a total row."""
        self.ensure_one()
        self.check_access_rule("read")
        handle, path = tempfile.mkstemp(suffix=".xlsx")
        os.close(handle)
        try:
            book = xlsxwriter.Workbook(path, {"constant_memory": True})
            sheet = book.add_worksheet(_("Dividends %s") % self.year)
            bold = book.add_format({"bold": True})
            money = book.add_format({"num_format": "#,##0.00"})
            types = dict(self.env["coop.shareholder"]._fields["holder_type"]._description_selection(
                self.env))
            headers = [_("Number"), _("Shareholder"), _("Type"), _("IBAN"),
                       _("Average paid-up capital"), _("Gross dividend"), _("Exempt part"),
                       _("Withholding tax"), _("Net dividend")]
            sheet.write_row(0, 0, headers, bold)
            sheet.set_column(1, 1, 36)
            sheet.set_column(3, 3, 22)
            sheet.set_column(4, 8, 16)
            row = 0
            totals = [0.0] * 5
            for row, line in enumerate(self._line_rows(), start=1):
                sheet.write_number(row, 0, line["number"] or 0)
                sheet.write_string(row, 1, " ".join(
                    p for p in (line["firstname"], line["name"]) if p))
                sheet.write_string(row, 2, types.get(line["holder_type"], ""))
                sheet.write_string(row, 3, line["iban"] or _("no IBAN"))
                for col, key in enumerate(("base", "gross", "exempt", "withholding", "net")):
                    sheet.write_number(row, 4 + col, float(line[key]), money)
                    totals[col] += float(line[key])
            sheet.write_string(row + 1, 1, _("Total"), bold)
            for col, value in enumerate(totals):
                sheet.write_number(row + 1, 4 + col, round(value, 2), money)
            book.close()
            with open(path, "rb") as handle_in:
                return handle_in.read()
        finally:
            os.unlink(path)

    @api.multi
    def action_payment_list(self):
        self.ensure_one()
        self.check_access_rule("read")
        if self.state == "cancel":
            raise UserError(_("A cancelled dividend run has no payment list."))
        content = self.payment_list_xlsx()
        self.write({"xlsx_file": base64.b64encode(content),
                    "xlsx_filename": "dividend-%s-%s.xlsx" % (
                        self.register_id.company_number, self.year)})
        return True

    @api.multi
    def sepa_credit_transfer(self):
        """The SEPA credit transfer file (pain.001.001.03, bytes) of the confirmed run,
        checked before it is returned: every IBAN valid, the file's totals equal to the
        lines and to the total confirmed, and the file valid against the official schema.
        Lines of shareholders without an IBAN are left out (they are paid otherwise)."""
        self.ensure_one()
        self.check_access_rule("read")
        if self.state not in ("confirmed", "paid"):
            raise UserError(_("A SEPA payment file is made for a confirmed dividend run."))
        register = self.register_id
        if not register.bank_iban:
            raise UserError(_("%s has no bank account (IBAN): set it on the register before "
                              "making the payment file.") % register.name)
        rows = self._line_rows()
        invalid = []
        for line in rows:
            if line["iban"]:
                try:
                    validate_iban(line["iban"])
                except ValidationError:
                    invalid.append("%s (%s)" % (line["display_name"], line["iban"]))
        if invalid:
            raise UserError(_("The payment file is not made: these IBANs are not valid: "
                              "%s.") % ", ".join(invalid[:10]))
        cents = Decimal("0.01")
        total_all = sum((Decimal(line["net"]).quantize(cents) for line in rows), Decimal(0))
        confirmed = Decimal(str(self.confirmed_total_net)).quantize(cents)
        if total_all != confirmed:
            raise UserError(_(
                "The payment file is not made: the dividend lines total %(lines)s, not the "
                "%(confirmed)s confirmed. Cancel this run and make a new one.") % {
                    "lines": total_all, "confirmed": confirmed})
        payments = [{
            "end_to_end_id": "DIV%s-%s-%s" % (self.year, register.id, line["number"]),
            "amount": line["net"], "name": line["display_name"], "iban": line["iban"],
            "remittance": _("Dividend %(year)s %(register)s shareholder %(number)s") % {
                "year": self.year, "register": register.name, "number": line["number"]},
        } for line in rows if line["iban"]]
        if not payments:
            raise UserError(_("No shareholder of this run has an IBAN: there is nothing to "
                              "transfer."))
        now = fields.Datetime.from_string(fields.Datetime.now())
        header = {
            "msg_id": "DIV-%s-%s-%s" % (register.id, self.year, now.strftime("%Y%m%d%H%M%S")),
            "batch_id": "DIV-%s-%s" % (register.id, self.year),
            "created": now.strftime("%Y-%m-%dT%H:%M:%S"),
            "execution_date": self.payment_date or fields.Date.context_today(self),
            "debtor_name": register.partner_id.name or register.name,
            "debtor_iban": register.bank_iban.replace(" ", "").upper(),
            "debtor_bic": (register.bank_bic or "").replace(" ", "").upper(),
            "currency": self.currency_id.name,
        }
        xml = build_credit_transfer(header, payments)
        self._check_sepa(xml, payments)
        return xml

    @api.model
    def _check_sepa(self, xml, payments):
        """The file's control sum and count equal its transactions and the lines it pays,
        and the file is valid against the pain.001.001.03 schema."""
        count, ctrl, amounts = read_totals(xml)
        expected = sum((Decimal(p["amount"]).quantize(Decimal("0.01")) for p in payments),
                       Decimal(0))
        if count != len(payments) or ctrl != amounts or amounts != expected:
            raise UserError(_(
                "The payment file is not made: its total %(file)s does not match the "
                "dividends it pays (%(lines)s).") % {"file": ctrl, "lines": expected})
        errors = schema_errors(xml)
        if errors:
            raise UserError(_("The payment file is not made: it does not follow the SEPA "
                              "schema pain.001.001.03: %s") % "; ".join(errors[:5]))

    @api.multi
    def action_sepa_file(self):
        self.ensure_one()
        self._check_manager()
        xml = self.sepa_credit_transfer()
        self.write({"sepa_file": base64.b64encode(xml),
                    "sepa_filename": "dividend-%s-%s-pain.001.xml" % (
                        self.register_id.company_number, self.year)})
        self.message_post(body=_("SEPA payment file made."))
        self._report_paid_otherwise()
        return True

    @api.multi
    def _report_paid_otherwise(self):
        """The shareholders the SEPA file leaves out (no IBAN): listed with their amounts
        in the chatter, and a to-do activity for the staff member who made the file."""
        self.ensure_one()
        rows = [row for row in self._line_rows() if not row["iban"]]
        if not rows:
            return False
        currency = self.currency_id.name
        items = "".join("<li>%s %s: %.2f %s</li>" % (
            html_escape(str(row["number"])), html_escape(row["display_name"] or ""), row["net"],
            currency) for row in rows)
        summary = _("%(count)s shareholders without an IBAN are not in the SEPA file: pay "
                    "them otherwise (%(total).2f %(currency)s).") % {
                        "count": len(rows), "total": self.total_otherwise,
                        "currency": currency}
        body = "<p>%s</p><ul>%s</ul><p>%s</p>" % (
            html_escape(summary), items, html_escape(_(
                "Confirmed total %(confirmed).2f = SEPA %(sepa).2f + paid otherwise "
                "%(otherwise).2f") % {"confirmed": self.confirmed_total_net,
                                      "sepa": self.total_sepa,
                                      "otherwise": self.total_otherwise}))
        self.message_post(body=body)
        self._coop_schedule_activity(summary, "<ul>%s</ul>" % items)
        return True

    @api.multi
    def _coop_schedule_activity(self, summary, note):
        """A to-do activity on the run for the current user (Odoo 11 has no
        activity_schedule; this is its shape)."""
        self.ensure_one()
        activity_type = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        return self.env["mail.activity"].sudo().create({
            "res_model_id": self.env["ir.model"]._get(self._name).id,
            "res_id": self.id,
            "activity_type_id": activity_type.id if activity_type else False,
            "summary": summary[:250],
            "note": note,
            "user_id": self.env.uid,
            "date_deadline": self.payment_date or fields.Date.context_today(self),
        })

    # Notices -----------------------------------------------------------------

    @api.multi
    def action_send_notices(self):
        """Queue the dividend notice of every shareholder with an e-mail address, in his
        language (mail.mail, sent by Odoo's mail queue). A notice is sent once."""
        self._check_manager()
        template = self.env.ref("coop_share_register.mail_template_dividend_notice")
        sent = self.env["coop.share.dividend.line"]
        for run in self:
            if run.state not in ("confirmed", "paid"):
                raise UserError(_("Dividend notices are sent for a confirmed run."))
            lines = self.env["coop.share.dividend.line"].search([
                ("run_id", "=", run.id), ("notice_sent", "=", False),
                ("holder_id.email", "!=", False)])
            for line in lines:
                template.send_mail(line.id, force_send=False)
            lines.write({"notice_sent": True})
            sent |= lines
            run.message_post(body=_("%s dividend notices queued.") % len(lines))
        return len(sent)

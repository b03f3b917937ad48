# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import _, api, fields, models


class AccountInvoice(models.Model):
    _inherit = "account.invoice"

    coop_fee_year = fields.Integer(
        string="Coopkracht fee year", copy=False, index=True, readonly=True,
        help="Set on the yearly membership fee invoices of Coopkracht.")
    coop_after_leave = fields.Boolean(
        string="Issued after the member left", copy=False, readonly=True,
        help="The organisation left Coopkracht before the period of this fee invoice: "
             "check whether it must be cancelled or credited.")
    coop_reminder_date = fields.Date(string="Fee reminder sent on", copy=False, readonly=True)

    @api.model_cr
    def init(self):
        res = super().init()
        # one fee invoice per member and year (a cancelled one may be replaced): the fee
        # run checks it first; the database makes sure under concurrent runs too
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS account_invoice_coop_fee_year_uniq
            ON account_invoice (partner_id, coop_fee_year)
            WHERE coop_fee_year IS NOT NULL AND type = 'out_invoice' AND state != 'cancel'""")
        return res

    @api.model
    def _cron_send_fee_reminders(self):
        """Send the reminder mail for fee invoices still unpaid N days (setting) after
        their date; once per invoice."""
        days = int(self.env["ir.config_parameter"].sudo().get_param(
            "coop_membership.fee_reminder_days", 30))
        today = fields.Date.from_string(fields.Date.context_today(self))
        limit = today - datetime.timedelta(days=days)
        invoices = self.search([
            ("coop_fee_year", "!=", False), ("type", "=", "out_invoice"),
            ("state", "=", "open"), ("coop_reminder_date", "=", False),
            ("date_invoice", "<=", fields.Date.to_string(limit)),
        ])
        template = self.env.ref("coop_membership.mail_template_fee_reminder")
        for invoice in invoices:
            template.send_mail(invoice.id)
        invoices.write({"coop_reminder_date": fields.Date.to_string(today)})
        return invoices

    @api.multi
    def _coop_flag_after_leave(self, leave_date):
        """Flag the unpaid fee invoices whose period starts after leave_date."""
        leave = fields.Date.from_string(leave_date)
        flagged = self.filtered(
            lambda inv: inv.state in ("draft", "open") and inv.coop_fee_year and (
                inv.coop_fee_year > leave.year or (
                    inv.date_invoice and fields.Date.from_string(inv.date_invoice) > leave)))
        flagged.write({"coop_after_leave": True})
        for invoice in flagged:
            invoice.message_post(body=_("The organisation left Coopkracht on %s: check whether "
                                        "this fee invoice must be cancelled.") % leave_date)
        return flagged

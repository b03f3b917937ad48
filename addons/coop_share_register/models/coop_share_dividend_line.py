# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CoopShareDividendLine(models.Model):
    """One shareholder's dividend of a run: the average paid-up capital of the year (pro
    rata temporis), the gross dividend, the exempt part, the withholding tax and the net
    amount paid. Written by the run in one query; fixed once the run is confirmed."""

    _name = "coop.share.dividend.line"
    _inherit = ["coop.share.register.record"]
    _description = "Dividend of a shareholder"
    _order = "run_id, holder_number, id"

    run_id = fields.Many2one(comodel_name="coop.share.dividend.run", string="Dividend run",
                             required=True, index=True, ondelete="restrict")
    holder_id = fields.Many2one(comodel_name="coop.shareholder", string="Shareholder",
                                required=True, index=True, ondelete="restrict")
    holder_number = fields.Integer(string="Shareholder number")
    holder_type = fields.Selection(
        selection=[("person", "Natural person"), ("company", "Legal person")], string="Type")
    iban = fields.Char(string="IBAN", help="The shareholder's IBAN when the run was computed.")
    currency_id = fields.Many2one(related="run_id.currency_id", readonly=True)
    base = fields.Monetary(
        string="Average paid-up capital", currency_field="currency_id",
        help="The paid-up capital of the year, each amount weighted by the days it was "
             "paid up (pro rata temporis).")
    gross = fields.Monetary(string="Gross dividend", currency_field="currency_id")
    exempt = fields.Monetary(string="Exempt part", currency_field="currency_id")
    withholding = fields.Monetary(string="Withholding tax", currency_field="currency_id")
    net = fields.Monetary(string="Net dividend", currency_field="currency_id")
    notice_sent = fields.Boolean(readonly=True, copy=False)
    state = fields.Selection(related="run_id.state", readonly=True)

    _sql_constraints = [
        ("holder_unique", "UNIQUE(run_id, holder_id)",
         "A shareholder has one dividend line per run."),
        ("amounts_consistent",
         "CHECK(gross > 0 AND exempt >= 0 AND exempt <= gross AND withholding >= 0 "
         "AND net = gross - withholding)",
         "A dividend line's net amount is its gross amount less the withholding tax."),
    ]

    @api.multi
    def write(self, vals):
        if set(vals) - {"notice_sent"} and any(line.run_id.state != "draft" for line in self):
            raise UserError(_("The dividend lines of a confirmed or cancelled run cannot be "
                              "changed."))
        return super().write(vals)

    @api.multi
    def unlink(self):
        if any(line.run_id.state != "draft" for line in self):
            raise UserError(_("The dividend lines of a confirmed or cancelled run cannot be "
                              "deleted."))
        return super().unlink()

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .coop_share_billing_tariff import SERVICE_MODES


class CoopShareBillingLine(models.Model):
    """The yearly DAR fee of one client cooperative: what it was billed and why."""

    _name = "coop.share.billing.line"
    _inherit = ["coop.share.register.record"]
    _description = "DAR fee of a client"
    _order = "year desc, register_id"

    run_id = fields.Many2one(comodel_name="coop.share.billing.run", string="Billing run",
                             required=True, index=True, ondelete="restrict")
    year = fields.Integer(required=True, index=True)
    register_id = fields.Many2one(string="Client")
    service_mode = fields.Selection(selection=SERVICE_MODES, required=True)
    shareholder_count = fields.Integer(string="Shareholders billed")
    tariff_id = fields.Many2one(comodel_name="coop.share.billing.tariff", string="Tariff",
                                ondelete="restrict")
    band_id = fields.Many2one(comodel_name="coop.share.billing.band", string="Band",
                              ondelete="restrict")
    currency_id = fields.Many2one(related="tariff_id.currency_id", readonly=True)
    amount = fields.Monetary(currency_field="currency_id")
    invoice_id = fields.Many2one(comodel_name="account.invoice", string="Invoice",
                                 ondelete="restrict")
    invoice_state = fields.Selection(
        related="invoice_id.state", readonly=True, string="Invoice status",
        help="Whether the fee invoice is a draft, open, paid or cancelled.")

    _sql_constraints = [
        ("client_year_unique", "UNIQUE(register_id, year)",
         "A client cooperative is billed the DAR fee once a year."),
    ]

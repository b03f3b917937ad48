# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CoopShareBillingBand(models.Model):
    """A band of numbers of shareholders of a DAR tariff and its yearly price."""

    _name = "coop.share.billing.band"
    _description = "DAR fee shareholder band"
    _order = "tariff_id, holders_from"

    tariff_id = fields.Many2one(comodel_name="coop.share.billing.tariff", string="Tariff",
                                required=True, ondelete="cascade", index=True)
    holders_from = fields.Integer(string="From shareholders", required=True)
    holders_to = fields.Integer(string="To shareholders",
                                help="The last number of shareholders of the band; 0: no limit.")
    currency_id = fields.Many2one(related="tariff_id.currency_id", readonly=True)
    price = fields.Monetary(currency_field="currency_id", required=True)

    _sql_constraints = [
        ("band_sane", "CHECK(holders_from >= 0 AND holders_to >= 0 AND price >= 0)",
         "Numbers of shareholders and prices cannot be negative."),
    ]

    @api.multi
    def name_get(self):
        return [(band.id, "%s-%s" % (band.holders_from, band.holders_to or "..."))
                for band in self]

    @api.constrains("holders_from", "holders_to")
    def _check_limits(self):
        for band in self:
            if band.holders_to and band.holders_to < band.holders_from:
                raise ValidationError(_("A shareholder band ends before it starts."))
        self.mapped("tariff_id")._check_bands()

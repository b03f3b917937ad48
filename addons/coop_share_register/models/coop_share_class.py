# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CoopShareClass(models.Model):
    """A class of shares of one register, with the rights the articles attach to it."""

    _name = "coop.share.class"
    _inherit = ["coop.share.register.record"]
    _description = "Share class"
    _order = "register_id, code"

    code = fields.Char(required=True, help="Short code, e.g. A or B.")
    name = fields.Char(required=True, translate=True)
    nominal_value = fields.Monetary(
        required=True, currency_field="currency_id", help="Nominal value of one share.")
    currency_id = fields.Many2one(related="register_id.currency_id", readonly=True)
    # the rights are texts of the articles: printed in the reader's language (the
    # register extract), with a Dutch default for a Dutch-speaking user
    voting_rights = fields.Char(
        required=True, translate=True, default=lambda self: self._default_voting_rights(),
        help="The voting rights attached to a share of this class.")
    profit_rights = fields.Char(
        required=True, translate=True, default=lambda self: self._default_profit_rights(),
        help="The profit rights attached to a share of this class.")
    liquidation_share = fields.Char(
        translate=True, help="Share in the liquidation surplus, if different.")
    transfer_restrictions = fields.Text(
        translate=True,
        help="The transfer restrictions of the articles of association (and contractual "
             "ones, when asked).")
    open_for_subscription = fields.Boolean(default=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "UNIQUE(register_id, code)",
         "A share class code must be unique within a register."),
        ("nominal_positive", "CHECK(nominal_value > 0)",
         "The nominal value of a share must be positive."),
    ]

    @api.model
    def _default_voting_rights(self):
        return _("1 vote per share")

    @api.model
    def _default_profit_rights(self):
        return _("Dividend pro rata of the shares held")

    @api.model
    def create(self, vals):
        # a class is only added to a register the user works for (AccessError, before the
        # constraints read the new row)
        if vals.get("register_id"):
            self.env["coop.share.register"].browse(vals["register_id"]).check_access_rule(
                "write")
        return super().create(vals)

    @api.multi
    def name_get(self):
        return [(c.id, "%s - %s" % (c.code, c.name)) for c in self]

    @api.constrains("nominal_value")
    def _check_nominal_value(self):
        for share_class in self:
            if share_class.nominal_value <= 0:
                raise ValidationError(_("The nominal value of a share must be positive."))

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

# field: (system parameter, default)
DIVIDEND_PARAMS = {
    "max_rate": ("coop_share_register.dividend_max_rate", 6.0),
    "withholding_rate": ("coop_share_register.dividend_withholding_rate", 30.0),
    "exempt_amount": ("coop_share_register.dividend_exempt_amount", 800.0),
}


class CoopShareDividendConfig(models.TransientModel):
    """The dividend settings of the DAR, for Coopkracht's DAR administrators: the legal
    cap of the rate (the NRC's 6 % for an accredited cooperative), the withholding tax
    rate and the yearly exempt amount per natural person."""

    _name = "coop.share.dividend.config"
    _inherit = ["coop.share.staff.mixin"]
    _description = "Dividend settings"

    max_rate = fields.Float(
        string="Maximum dividend rate (%)", digits=(5, 3),
        help="The highest dividend rate a run may use, e.g. 6 % for a cooperative accredited "
             "by the National Council for Cooperation (NRC).")
    withholding_rate = fields.Float(
        string="Withholding tax rate (%)", digits=(5, 3),
        help="The withholding tax (roerende voorheffing) deducted from dividends.")
    exempt_amount = fields.Float(
        string="Yearly exempt amount", digits=(12, 2),
        help="The part of a natural person's yearly dividend on which no withholding tax "
             "is deducted.")

    @api.model
    def get_values(self):
        """The current settings: {field: float}."""
        self._coop_check_staff()
        params = self.env["ir.config_parameter"].sudo()
        res = {}
        for field, (key, default) in DIVIDEND_PARAMS.items():
            value = params.get_param(key)
            res[field] = float(value) if value not in (None, False, "") else default
        return res

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        res.update({k: v for k, v in self.get_values().items() if k in fields_list})
        return res

    @api.constrains("max_rate", "withholding_rate", "exempt_amount")
    def _check_values(self):
        for config in self:
            if not 0 < config.max_rate <= 100 or not 0 <= config.withholding_rate <= 100:
                raise ValidationError(_("A rate is a percentage between 0 and 100."))
            if config.exempt_amount < 0:
                raise ValidationError(_("The exempt amount cannot be negative."))

    @api.model
    def create(self, vals):
        if not self.env.user.has_group("coop_share_register.group_dar_admin"):
            raise AccessError(_("Only a DAR administrator changes the dividend settings."))
        return super().create(vals)

    @api.multi
    def action_save(self):
        self.ensure_one()
        self._coop_check_staff_records()
        if not self.env.user.has_group("coop_share_register.group_dar_admin"):
            raise AccessError(_("Only a DAR administrator changes the dividend settings."))
        # only DAR administrators get this far (create): write the parameters for them
        params = self.env["ir.config_parameter"].sudo()
        for field, (key, _default) in DIVIDEND_PARAMS.items():
            params.set_param(key, repr(self[field]))
        return {"type": "ir.actions.act_window_close"}

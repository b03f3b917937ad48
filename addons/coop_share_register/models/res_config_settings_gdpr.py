# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

RETENTION_PARAM = "coop_share_register.gdpr_retention_years"
DEFAULT_RETENTION_YEARS = 10


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # Odoo 11 knows no config_parameter= on fields: get_values/set_values below
    coop_share_gdpr_retention_years = fields.Integer(
        string="Retention of former shareholders' data (years)",
        default=DEFAULT_RETENTION_YEARS,
        help="A former shareholder's personal data is anonymised this many years after the "
             "exit date; the register entries keep their numbers.")

    @api.constrains("coop_share_gdpr_retention_years")
    def _check_coop_share_gdpr_retention_years(self):
        for settings in self:
            if settings.coop_share_gdpr_retention_years < 1:
                raise ValidationError(_("The retention period of former shareholders' data "
                                        "is at least one year."))

    @api.model
    def get_values(self):
        res = super().get_values()
        res["coop_share_gdpr_retention_years"] = \
            self.env["coop.shareholder"]._gdpr_retention_years()
        return res

    @api.multi
    def set_values(self):  # pylint: disable=missing-return
        super().set_values()
        self.env["ir.config_parameter"].sudo().set_param(
            RETENTION_PARAM, str(self.coop_share_gdpr_retention_years))

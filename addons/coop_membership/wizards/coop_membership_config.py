# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

# field: (system parameter, conversion, default)
PARAMS = {
    "large_employee_threshold": ("coop_membership.large_employee_threshold", int, 10),
    "large_turnover_threshold": ("coop_membership.large_turnover_threshold", float, 1000000.0),
    "fee_pro_rata": ("coop_membership.fee_pro_rata", lambda v: v == "True", False),
    "fee_reminder_days": ("coop_membership.fee_reminder_days", int, 30),
    "max_proxies": ("coop_membership.max_proxies", int, 1),
}


class CoopMembershipConfig(models.TransientModel):
    """The membership settings, for Coopkracht's manager (who is no Odoo administrator)."""

    _name = "coop.membership.config"
    _description = "Membership settings"

    large_employee_threshold = fields.Integer(
        string="Large organisation from (employees)",
        help="Organisations with at least this many employees fall into the large category "
             "(0: not used).")
    large_turnover_threshold = fields.Float(
        string="Large organisation from (yearly turnover)",
        help="Organisations with at least this turnover fall into the large category "
             "(0: not used).")
    fee_pro_rata = fields.Boolean(
        string="Pro rata fee for joiners",
        help="Members who join during the year pay the fee by the month (from the month they "
             "join); otherwise they pay the full yearly fee.")
    fee_reminder_days = fields.Integer(
        string="Fee reminder after (days)",
        help="Send the reminder mail when a fee invoice is still unpaid this many days after "
             "its date.")
    max_proxies = fields.Integer(
        string="Proxies per member",
        help="How many other member organisations one present member may represent at a "
             "general assembly.")

    @api.model
    def create(self, vals):
        if not self.env.user.has_group("coop_website.group_coop_manager"):
            raise AccessError(_("Only Coopkracht's manager changes the membership settings."))
        return super().create(vals)

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        params = self.env["ir.config_parameter"].sudo()
        for field, (key, convert, default) in PARAMS.items():
            value = params.get_param(key)
            res[field] = convert(value) if value not in (None, False) else default
        return res

    @api.constrains("large_employee_threshold", "large_turnover_threshold",
                    "fee_reminder_days", "max_proxies")
    def _check_values(self):
        for config in self:
            if min(config.large_employee_threshold, config.large_turnover_threshold,
                   config.fee_reminder_days, config.max_proxies) < 0:
                raise ValidationError(_("The membership settings cannot be negative."))

    @api.multi
    def action_save(self):
        self.ensure_one()
        # access to this model is the manager's: the parameters are written for them
        params = self.env["ir.config_parameter"].sudo()
        for field, (key, _convert, _default) in PARAMS.items():
            params.set_param(key, str(self[field]))
        return {"type": "ir.actions.client", "tag": "reload"}

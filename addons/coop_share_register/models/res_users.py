# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    coop_register_ids = fields.Many2many(
        comodel_name="coop.share.register",
        relation="coop_share_register_user_rel",
        column1="user_id",
        column2="register_id",
        string="Share registers",
        help="The client cooperatives' registers this user works for (DAR).",
    )

    def _coop_default_register_id(self):
        """The register a new DAR record of this user belongs to by default: his only
        register, none when he works for several."""
        registers = self.coop_register_ids
        return registers[:1].id if len(registers) == 1 else False

    def write(self, vals):
        res = super().write(vals)
        if "coop_register_ids" in vals:
            # record rules use this field: drop their cache
            self.env["ir.rule"].clear_caches()
        return res

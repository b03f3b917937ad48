# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CoopShareAssemblyProxyWizard(models.TransientModel):
    """Record that a shareholder on the roll is represented by an attending one."""

    _name = "coop.share.assembly.proxy.wizard"
    _inherit = ["coop.share.staff.mixin"]
    _description = "Record a proxy at a general assembly"

    line_id = fields.Many2one(
        comodel_name="coop.share.assembly.holder", string="Represented shareholder",
        required=True)
    assembly_id = fields.Many2one(related="line_id.assembly_id", readonly=True)
    proxy_line_id = fields.Many2one(
        comodel_name="coop.share.assembly.holder", string="Represented by", required=True,
        domain="[('assembly_id', '=', assembly_id), ('attendance', '=', 'present'), "
               "('id', '!=', line_id)]")

    @api.multi
    def _coop_staff_registers(self):
        return self.mapped("line_id.register_id")

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        if self.env.context.get("active_model") == "coop.share.assembly.holder":
            res["line_id"] = self.env.context.get("active_id")
        return res

    @api.multi
    def action_record(self):
        self.ensure_one()
        self._coop_check_staff_records()
        self.line_id.set_proxy(self.proxy_line_id)
        return {"type": "ir.actions.act_window_close"}

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models


class CoopSharePositionWizard(models.TransientModel):
    """Ask a register and a date, then show the positions as of that date."""

    _name = "coop.share.position.wizard"
    _inherit = ["coop.share.staff.mixin"]
    _description = "Positions as of a date"

    register_id = fields.Many2one(
        comodel_name="coop.share.register", string="Register", required=True,
        default=lambda self: self.env.user.coop_register_ids[:1])
    date = fields.Date(required=True, default=fields.Date.context_today)

    @api.multi
    def action_show(self):
        self.ensure_one()
        self._coop_check_staff_records()
        date = self.env["coop.share.position"].fill(self.register_id, self.date)
        action = self.env.ref("coop_share_register.coop_share_position_action").read()[0]
        action["domain"] = [("register_id", "=", self.register_id.id),
                            ("create_uid", "=", self.env.uid)]
        action["display_name"] = action["name"] = _(
            "Positions of %(register)s on %(date)s") % {
                "register": self.register_id.name, "date": date}
        return action

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError


class CoopSharePortalInvite(models.TransientModel):
    """Invite shareholders of one register to the portal, each in their own language."""

    _name = "coop.share.portal.invite"
    _inherit = ["coop.share.staff.mixin"]
    _description = "Invite shareholders to the portal"

    register_id = fields.Many2one(
        comodel_name="coop.share.register", string="Register", required=True)
    holder_ids = fields.Many2many(
        comodel_name="coop.shareholder", string="Shareholders",
        domain="[('register_id', '=', register_id), ('state', '=', 'active')]",
        help="Leave empty to invite every active shareholder with an e-mail address.")
    invited_count = fields.Integer(readonly=True)
    skipped_count = fields.Integer(readonly=True, help="Holders without e-mail address.")

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        if self.env.context.get("active_model") == "coop.shareholder":
            holders = self.env["coop.shareholder"].browse(self.env.context.get("active_ids"))
            res["holder_ids"] = [(6, 0, holders.ids)]
            res["register_id"] = holders[:1].register_id.id
        elif self.env.context.get("active_model") == "coop.share.register":
            res["register_id"] = self.env.context.get("active_id")
        return res

    @api.multi
    def _holders(self):
        self.ensure_one()
        holders = self.holder_ids or self.env["coop.shareholder"].search([
            ("register_id", "=", self.register_id.id), ("state", "=", "active")])
        if holders.filtered(lambda h: h.register_id != self.register_id):
            raise UserError(_("All shareholders invited at once belong to the same register."))
        return holders

    @api.multi
    def action_invite(self):
        self.ensure_one()
        self._coop_check_staff_records()
        if not self.env.user.has_group("coop_share_register.group_dar_manager"):
            raise AccessError(_("Only a register manager can invite shareholders."))
        self.register_id.check_access_rule("write")
        holders = self._holders()
        holders.check_access_rule("write")
        invited = skipped = 0
        for holder in holders:
            if not holder.email:
                skipped += 1
                continue
            holder._portal_invite()
            invited += 1
        self.write({"invited_count": invited, "skipped_count": skipped})
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id,
                "view_mode": "form", "target": "new"}

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class CoopMembershipLeave(models.TransientModel):
    """Record that a member organisation leaves Coopkracht."""

    _name = "coop.membership.leave"
    _description = "Leave Coopkracht"

    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Organisation", required=True,
        default=lambda self: self.env.context.get("active_id"))
    leave_date = fields.Date(required=True, default=fields.Date.context_today)
    reason_id = fields.Many2one(
        comodel_name="coop.membership.leave.reason", string="Reason", required=True)
    note = fields.Text()

    @api.model
    def create(self, vals):
        if not self.env.user.has_group("coop_website.group_coop_user"):
            raise AccessError(_("Only Coopkracht staff record that a member leaves."))
        return super().create(vals)

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        partner = self.partner_id
        if partner.coop_membership_state != "member":
            raise UserError(_("%s is not a member of Coopkracht.") % partner.name)
        if partner.coop_join_date and (fields.Date.from_string(self.leave_date)
                                       < fields.Date.from_string(partner.coop_join_date)):
            raise ValidationError(_("The leave date cannot be before the join date."))
        partner.write({
            "coop_membership_state": "former",
            "coop_leave_date": self.leave_date,
            "coop_leave_reason_id": self.reason_id.id,
            "coop_directory_published": False,
        })
        lines = self.env["membership.membership_line"].sudo().search([
            ("partner", "=", partner.id), ("date_cancel", "=", False),
            ("date_to", ">", self.leave_date)])
        lines.write({"date_cancel": self.leave_date})
        partner.message_post(body=_("Left Coopkracht on %s: %s. %s") % (
            self.leave_date, self.reason_id.name, self.note or ""))
        invoices = self.env["account.invoice"].sudo().search([
            ("partner_id", "=", partner.id), ("coop_fee_year", "!=", False),
            ("state", "in", ("draft", "open"))])
        invoices._coop_flag_after_leave(self.leave_date)
        return True

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
        today = fields.Date.context_today(self)
        partner.write({
            "coop_leave_date": self.leave_date,
            "coop_leave_reason_id": self.reason_id.id,
        })
        if self.leave_date > today:
            # a member until that day (and billed for that year): the daily job
            # "End memberships on their leave date" makes the organisation former then
            partner.message_post(body=_(
                "Leaves Coopkracht on %(date)s: %(reason)s. %(note)s") % {
                    "date": self.leave_date, "reason": self.reason_id.name,
                    "note": self.note or ""})
            return True
        partner.message_post(body=_("Left Coopkracht on %(date)s: %(reason)s. %(note)s") % {
            "date": self.leave_date, "reason": self.reason_id.name, "note": self.note or ""})
        partner._coop_end_membership()
        return True

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .coop_shareholder_portal import PORTAL_FIELDS


class CoopShareholderChangeRequest(models.Model):
    """A shareholder's change of contact data from the portal, waiting for the register
    manager's approval (when the register asks for it)."""

    _name = "coop.shareholder.change.request"
    _description = "Shareholder change request"
    _inherit = ["coop.share.register.bound", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    holder_id = fields.Many2one(
        comodel_name="coop.shareholder", string="Shareholder", required=True, index=True,
        ondelete="cascade", readonly=True)
    register_id = fields.Many2one(
        related="holder_id.register_id", store=True, index=True, readonly=True)
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Asked by", readonly=True, ondelete="set null")
    changed_fields = fields.Char(readonly=True)
    street = fields.Char(readonly=True)
    zip = fields.Char(readonly=True)
    city = fields.Char(readonly=True)
    email = fields.Char(readonly=True)
    phone = fields.Char(readonly=True)
    iban = fields.Char(string="IBAN", readonly=True)
    state = fields.Selection(
        selection=[("pending", "Waiting for approval"), ("approved", "Approved"),
                   ("refused", "Refused")],
        required=True, default="pending", readonly=True, track_visibility="onchange")

    @api.multi
    def name_get(self):
        return [(r.id, _("Change of %s") % r.holder_id.display_name) for r in self]

    @api.multi
    def _requested_values(self):
        self.ensure_one()
        return {name: self[name] for name in (self.changed_fields or "").split(",")
                if name in PORTAL_FIELDS}

    @api.multi
    def _notify_managers(self):
        """A to-do for the register's first manager and a message to all of them."""
        for request in self:
            managers = request.register_id._manager_partners()
            users = managers.mapped("user_ids")
            if users:
                request.activity_schedule_for(users[0])
            request.message_post(
                body=_("%s asks to change contact data in the portal; please approve or "
                       "refuse.") % request.holder_id.display_name,
                partner_ids=managers.ids, subtype="mail.mt_comment",
                message_type="notification")

    @api.multi
    def activity_schedule_for(self, user):
        self.ensure_one()
        self.env["mail.activity"].sudo().create({
            "res_model_id": self.env["ir.model"]._get(self._name).id,
            "res_id": self.id,
            "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
            "summary": _("Approve a shareholder's change of contact data"),
            "user_id": user.id,
        })

    @api.multi
    def _check_manager(self):
        if not self.env.user.has_group("coop_share_register.group_dar_manager"):
            raise AccessError(_("Only a register manager can decide on change requests."))
        self.check_access_rule("write")
        for request in self:
            if request.state != "pending":
                raise UserError(_("This change request has already been decided."))

    @api.multi
    def action_approve(self):
        self._check_manager()
        for request in self:
            holder = request.holder_id
            changes = holder._portal_changes(request._requested_values())
            holder.write({name: new for name, (old, new) in changes.items()})
            holder._post_change_message(
                changes, request.partner_id or self.env.user.partner_id,
                _("Changed by the shareholder in the portal, approved by %s.")
                % self.env.user.name)
            request.write({"state": "approved"})
            request.activity_ids.unlink()
        return True

    @api.multi
    def action_refuse(self):
        self._check_manager()
        self.write({"state": "refused"})
        self.mapped("activity_ids").unlink()
        return True

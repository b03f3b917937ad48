# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class CoopAssemblyAttendance(models.Model):
    _name = "coop.assembly.attendance"
    _description = "Attendance of a member organisation at a general assembly"
    _order = "assembly_id, partner_name"

    assembly_id = fields.Many2one(
        comodel_name="coop.general.assembly", required=True, ondelete="restrict", index=True)
    assembly_date = fields.Date(related="assembly_id.date", store=True, readonly=True)
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Member organisation", required=True,
        ondelete="restrict", index=True, domain=[("is_company", "=", True)])
    partner_name = fields.Char(related="partner_id.name", store=True, readonly=True)
    state = fields.Selection(
        selection=[("present", "Present"), ("proxy", "Represented by proxy"),
                   ("absent", "Absent"), ("excused", "Excused")],
        default="absent", required=True)
    representative = fields.Char(help="The person who attends for the organisation.")
    proxy_partner_id = fields.Many2one(
        comodel_name="res.partner", string="Proxy given to", ondelete="restrict",
        domain=[("is_company", "=", True)],
        help="The present member organisation that carries this organisation's vote.")
    proxy_ids = fields.One2many(
        comodel_name="coop.assembly.attendance", compute="_compute_proxy_ids",
        string="Proxies carried")

    _sql_constraints = [
        ("partner_unique", "unique(assembly_id, partner_id)",
         "An organisation is listed only once per general assembly."),
    ]

    @api.depends("proxy_partner_id", "assembly_id.attendance_ids.proxy_partner_id")
    def _compute_proxy_ids(self):
        for attendance in self:
            attendance.proxy_ids = attendance.assembly_id.attendance_ids.filtered(
                lambda a: a.state == "proxy" and a.proxy_partner_id == attendance.partner_id)

    @api.constrains("partner_id", "assembly_id")
    def _check_member_on_date(self):
        for attendance in self:
            if not attendance.partner_id.coop_is_member_on(attendance.assembly_id.date):
                raise ValidationError(
                    _("%s is not a member of Coopkracht on the date of the general assembly.")
                    % attendance.partner_id.name)

    @api.constrains("state", "proxy_partner_id")
    def _check_proxy(self):
        max_proxies = self.env["coop.general.assembly"]._max_proxies()
        for attendance in self:
            if attendance.state != "proxy":
                continue
            holder = attendance.proxy_partner_id
            if not holder:
                raise ValidationError(_("Choose the organisation that carries the proxy of %s.")
                                      % attendance.partner_id.name)
            if holder == attendance.partner_id:
                raise ValidationError(_("An organisation cannot carry its own proxy."))
            holder_line = attendance.assembly_id.attendance_ids.filtered(
                lambda a: a.partner_id == holder)
            if not holder_line or holder_line.state != "present":
                raise ValidationError(_("A proxy can only be given to a member organisation "
                                        "that is present at the general assembly."))
            carried = self.search_count([
                ("assembly_id", "=", attendance.assembly_id.id), ("state", "=", "proxy"),
                ("proxy_partner_id", "=", holder.id)])
            if carried > max_proxies:
                raise ValidationError(
                    _("%s would carry %d proxies; at most %d are allowed.")
                    % (holder.name, carried, max_proxies))

    @api.multi
    def write(self, vals):
        if "state" in vals or "partner_id" in vals:
            voted = self.filtered(lambda a: self.env["coop.assembly.vote"].search_count([
                ("assembly_id", "=", a.assembly_id.id), ("partner_id", "=", a.partner_id.id)]))
            if voted and (vals.get("state") not in (None, "present", "proxy")
                          or "partner_id" in vals):
                raise UserError(_("This organisation has voted already: its attendance can no "
                                  "longer be changed."))
        return super().write(vals)

    @api.multi
    def unlink(self):
        if self.filtered(lambda a: a.assembly_id.state == "closed"):
            raise UserError(_("The attendance list of a closed general assembly is history "
                              "and cannot be changed."))
        return super().unlink()

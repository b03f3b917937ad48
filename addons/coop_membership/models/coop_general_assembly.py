# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class CoopGeneralAssembly(models.Model):
    """A general assembly of Coopkracht: every member organisation has one vote."""

    _name = "coop.general.assembly"
    _description = "General assembly"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(required=True, track_visibility="onchange")
    date = fields.Date(required=True, index=True, track_visibility="onchange")
    location = fields.Char()
    agenda = fields.Html()
    minutes = fields.Html(help="Notes of the meeting, printed in the minutes annex.")
    state = fields.Selection(
        selection=[("draft", "Planned"), ("open", "In session"), ("closed", "Closed")],
        default="draft", required=True, readonly=True, track_visibility="onchange")
    quorum_percent = fields.Float(
        string="Quorum (%)", default=50.0,
        help="Share of the member organisations that must be present or represented.")
    attendance_ids = fields.One2many(
        comodel_name="coop.assembly.attendance", inverse_name="assembly_id", string="Attendance")
    resolution_ids = fields.One2many(
        comodel_name="coop.assembly.resolution", inverse_name="assembly_id", string="Resolutions")
    member_count = fields.Integer(
        string="Members on the date", compute="_compute_counts",
        help="Organisations that are members of Coopkracht on the date of the assembly.")
    present_count = fields.Integer(string="Present", compute="_compute_counts")
    proxy_count = fields.Integer(string="Represented by proxy", compute="_compute_counts")
    excused_count = fields.Integer(string="Excused", compute="_compute_counts")
    voting_count = fields.Integer(string="Votes that can be cast", compute="_compute_counts")
    quorum_reached = fields.Boolean(compute="_compute_counts")

    @api.depends("date", "quorum_percent", "attendance_ids.state")
    def _compute_counts(self):
        Partner = self.env["res.partner"]
        for assembly in self:
            counts = {"present": 0, "proxy": 0, "excused": 0, "absent": 0}
            if assembly.id:
                for row in self.env["coop.assembly.attendance"].read_group(
                        [("assembly_id", "=", assembly.id)], ["state"], ["state"]):
                    counts[row["state"]] = row["state_count"]
            assembly.member_count = Partner.search_count(
                Partner._coop_member_on_domain(assembly.date)) if assembly.date else 0
            assembly.present_count = counts["present"]
            assembly.proxy_count = counts["proxy"]
            assembly.excused_count = counts["excused"]
            assembly.voting_count = counts["present"] + counts["proxy"]
            assembly.quorum_reached = bool(assembly.member_count) and (
                assembly.voting_count * 100.0 >= assembly.quorum_percent * assembly.member_count)

    @api.multi
    def unlink(self):
        if self.filtered(lambda a: a.state != "draft" or a.resolution_ids.mapped("vote_ids")):
            raise UserError(_("A general assembly that took place is history and cannot be "
                              "deleted."))
        return super().unlink()

    @api.multi
    def action_load_members(self):
        """Add every organisation that is a member on the assembly date (as absent)."""
        Partner = self.env["res.partner"]
        for assembly in self:
            known = assembly.attendance_ids.mapped("partner_id")
            members = Partner.search(Partner._coop_member_on_domain(assembly.date)) - known
            for member in members:
                self.env["coop.assembly.attendance"].create({
                    "assembly_id": assembly.id, "partner_id": member.id, "state": "absent"})
        return True

    @api.multi
    def _check_in_session(self):
        """Votes are cast and changed only while the assembly is in session: not while it
        is still planned, not once it is closed."""
        for assembly in self:
            if assembly.state != "open":
                raise ValidationError(_(
                    "Votes are only possible while the general assembly is in session; "
                    "%(assembly)s is %(state)s.") % {
                        "assembly": assembly.name,
                        "state": dict(self._fields["state"]._description_selection(
                            self.env))[assembly.state].lower()})
        return True

    @api.multi
    def action_open(self):
        for assembly in self:
            if assembly.state != "draft":
                raise UserError(_("Only a planned assembly can be opened."))
        self.write({"state": "open"})
        return True

    @api.multi
    def action_close(self):
        for assembly in self:
            if assembly.state != "open":
                raise UserError(_("Only an assembly in session can be closed."))
        self.write({"state": "closed"})
        return True

    @api.model
    def _max_proxies(self):
        return int(self.env["ir.config_parameter"].sudo().get_param(
            "coop_membership.max_proxies", 1))

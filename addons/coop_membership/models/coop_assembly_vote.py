# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class CoopAssemblyVote(models.Model):
    """One member organisation's vote on one resolution: one member, one vote."""

    _name = "coop.assembly.vote"
    _description = "Vote of a member organisation on a resolution"
    _order = "resolution_id, id"

    resolution_id = fields.Many2one(
        comodel_name="coop.assembly.resolution", required=True, ondelete="restrict", index=True)
    assembly_id = fields.Many2one(
        related="resolution_id.assembly_id", store=True, readonly=True)
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Member organisation", required=True,
        ondelete="restrict", index=True)
    value = fields.Selection(
        selection=[("for", "For"), ("against", "Against"), ("abstain", "Abstain")],
        string="Vote", required=True)
    by_proxy = fields.Boolean(string="Cast by proxy", readonly=True)

    _sql_constraints = [
        ("one_vote_per_member", "unique(resolution_id, partner_id)",
         "A member organisation votes only once on a resolution."),
    ]

    @api.model
    def _check_vote_values(self, vals):
        """Refuse a vote before anything is written: only members on the assembly date
        that are present or represented, and only once per resolution."""
        resolution = self.env["coop.assembly.resolution"].browse(vals["resolution_id"])
        partner = self.env["res.partner"].browse(vals["partner_id"])
        assembly = resolution.assembly_id
        assembly._check_in_session()
        if not partner.coop_is_member_on(assembly.date):
            raise ValidationError(_("%s is not a member of Coopkracht on the date of the general "
                                    "assembly and cannot vote.") % partner.name)
        if self.search_count([("resolution_id", "=", resolution.id),
                              ("partner_id", "=", partner.id)]):
            raise ValidationError(_("%s has already voted on this resolution: one member, "
                                    "one vote.") % partner.name)
        attendance = assembly.attendance_ids.filtered(lambda a: a.partner_id == partner)
        if not attendance or attendance.state not in ("present", "proxy"):
            raise ValidationError(_("%s is neither present nor represented at the general "
                                    "assembly and cannot vote.") % partner.name)
        return attendance.state == "proxy"

    @api.model
    def create(self, vals):
        vals = dict(vals)
        vals["by_proxy"] = self._check_vote_values(vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if set(vals) & {"resolution_id", "partner_id"}:
            raise UserError(_("A vote cannot be moved to another organisation or resolution."))
        if self.filtered(lambda v: v.assembly_id.state == "closed"):
            raise UserError(_("The votes of a closed general assembly cannot be changed."))
        self.mapped("assembly_id")._check_in_session()
        return super().write(vals)

    @api.multi
    def unlink(self):
        if self:
            raise UserError(_("Votes are the history of the general assembly and cannot be "
                              "deleted."))
        return super().unlink()

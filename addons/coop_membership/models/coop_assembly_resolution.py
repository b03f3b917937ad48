# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CoopAssemblyResolution(models.Model):
    _name = "coop.assembly.resolution"
    _description = "Resolution put to the vote at a general assembly"
    _order = "assembly_id, sequence, id"

    assembly_id = fields.Many2one(
        comodel_name="coop.general.assembly", required=True, ondelete="restrict", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Resolution", required=True)
    description = fields.Text()
    vote_ids = fields.One2many(
        comodel_name="coop.assembly.vote", inverse_name="resolution_id", string="Votes")
    votes_for = fields.Integer(string="For", compute="_compute_result", store=True)
    votes_against = fields.Integer(string="Against", compute="_compute_result", store=True)
    votes_abstain = fields.Integer(string="Abstain", compute="_compute_result", store=True)
    result = fields.Selection(
        selection=[("pending", "No votes yet"), ("no_quorum", "No quorum"),
                   ("adopted", "Adopted"), ("rejected", "Rejected")],
        compute="_compute_result", store=True)

    @api.depends("vote_ids.value", "assembly_id.attendance_ids.state",
                 "assembly_id.quorum_percent", "assembly_id.date")
    def _compute_result(self):
        for resolution in self:
            values = resolution.vote_ids.mapped("value")
            resolution.votes_for = values.count("for")
            resolution.votes_against = values.count("against")
            resolution.votes_abstain = values.count("abstain")
            if not values:
                resolution.result = "pending"
            elif not resolution.assembly_id.quorum_reached:
                resolution.result = "no_quorum"
            elif resolution.votes_for > resolution.votes_against:
                resolution.result = "adopted"
            else:
                resolution.result = "rejected"

    @api.multi
    def unlink(self):
        if self.mapped("vote_ids"):
            raise UserError(_("A resolution that was voted on is history and cannot be deleted."))
        return super().unlink()

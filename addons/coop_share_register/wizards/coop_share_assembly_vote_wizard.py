# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CoopShareAssemblyVoteWizard(models.TransientModel):
    """Record the vote of an attending shareholder on a resolution, and with it (when
    asked) the votes of the shareholders whose proxy he holds. All or nothing."""

    _name = "coop.share.assembly.vote.wizard"
    _inherit = ["coop.share.staff.mixin"]
    _description = "Record a vote at a general assembly"

    resolution_id = fields.Many2one(
        comodel_name="coop.share.assembly.resolution", string="Resolution", required=True)
    assembly_id = fields.Many2one(related="resolution_id.assembly_id", readonly=True)
    voter_id = fields.Many2one(
        comodel_name="coop.share.assembly.holder", string="Attending shareholder",
        required=True,
        domain="[('assembly_id', '=', assembly_id), ('attendance', '=', 'present')]")
    choice = fields.Selection(
        selection=[("for", "For"), ("against", "Against"), ("abstain", "Abstain")],
        required=True)
    include_proxies = fields.Boolean(
        string="Also for the proxies he holds", default=True,
        help="Cast the same vote for every shareholder he represents.")
    vote_count = fields.Integer(readonly=True)

    @api.multi
    def _coop_staff_registers(self):
        return self.mapped("resolution_id.register_id")

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        if self.env.context.get("active_model") == "coop.share.assembly.resolution":
            res["resolution_id"] = self.env.context.get("active_id")
        return res

    @api.multi
    def action_cast(self):
        self.ensure_one()
        self._coop_check_staff_records()
        if self.voter_id.assembly_id != self.resolution_id.assembly_id:
            raise UserError(_("The voter is not on the roll of this resolution's assembly."))
        voter = self.voter_id.holder_id
        votes = self.resolution_id.cast_vote(voter, self.choice)
        if self.include_proxies:
            for principal in self.voter_id.principal_ids:
                votes |= self.resolution_id.cast_vote(principal.holder_id, self.choice,
                                                      cast_by=voter)
        self.vote_count = len(votes)
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id,
                "view_mode": "form", "target": "new"}

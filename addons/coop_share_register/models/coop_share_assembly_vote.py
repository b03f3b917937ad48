# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .append_only import protect_rows

# The columns of a cast vote: never changed (ORM and trigger).
VOTE_COLUMNS = ("resolution_id", "assembly_id", "register_id", "holder_line_id", "holder_id",
                "cast_by_line_id", "choice", "weight")


class CoopShareAssemblyVote(models.Model):
    """One holder's vote on one resolution, with its weight from the voting roll. Votes
    are never changed or deleted (ORM and a database trigger)."""

    _name = "coop.share.assembly.vote"
    _inherit = ["coop.share.register.record"]
    _description = "Vote at a general assembly"
    _order = "resolution_id, id"
    _coop_register_parent = "assembly_id"

    resolution_id = fields.Many2one(
        comodel_name="coop.share.assembly.resolution", string="Resolution", required=True,
        index=True, ondelete="restrict", readonly=True)
    assembly_id = fields.Many2one(
        comodel_name="coop.share.assembly", string="Assembly", required=True, index=True,
        ondelete="restrict", readonly=True)
    register_id = fields.Many2one(readonly=True)
    holder_line_id = fields.Many2one(
        comodel_name="coop.share.assembly.holder", string="Voter", required=True,
        index=True, ondelete="restrict", readonly=True)
    holder_id = fields.Many2one(
        comodel_name="coop.shareholder", string="Shareholder", required=True, index=True,
        ondelete="restrict", readonly=True)
    cast_by_line_id = fields.Many2one(
        comodel_name="coop.share.assembly.holder", string="Cast by", required=True,
        ondelete="restrict", readonly=True,
        help="The holder himself, or the holder of his proxy.")
    choice = fields.Selection(
        selection=[("for", "For"), ("against", "Against"), ("abstain", "Abstain")],
        required=True, readonly=True)
    weight = fields.Float(required=True, readonly=True, digits=(16, 4))

    _sql_constraints = [
        ("one_vote", "UNIQUE(resolution_id, holder_line_id)",
         "A shareholder votes once on a resolution."),
        ("weight_positive", "CHECK(weight > 0)", "A vote carries a positive weight."),
    ]

    @api.model_cr
    def init(self):
        """The database itself refuses to change or delete a vote."""
        protect_rows(self.env.cr, "coop_share_assembly_vote", VOTE_COLUMNS, "is cast")

    @api.model
    def create(self, vals):
        """The assembly, register and holder always come from the resolution and the
        roll line."""
        vals = dict(vals)
        resolution = self.env["coop.share.assembly.resolution"].browse(vals["resolution_id"])
        line = self.env["coop.share.assembly.holder"].browse(vals["holder_line_id"])
        if line.assembly_id != resolution.assembly_id:
            raise UserError(_("The voter is not on the roll of this resolution's assembly."))
        vals.update({"assembly_id": resolution.assembly_id.id, "holder_id": line.holder_id.id})
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if self:
            raise UserError(_("A vote cannot be changed."))
        return super().write(vals)

    @api.multi
    def unlink(self):
        if self:
            raise UserError(_("A vote cannot be deleted."))
        return super().unlink()

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

# The share of the votes cast (for + against; abstentions do not count) a resolution
# needs: more than half, or at least two thirds or three quarters.
MAJORITIES = {"simple": (1, 2, False), "two_thirds": (2, 3, True),
              "three_quarters": (3, 4, True)}


class CoopShareAssemblyResolution(models.Model):
    """A resolution put to the vote at an assembly, with its weighted result."""

    _name = "coop.share.assembly.resolution"
    _inherit = ["coop.share.register.record"]
    _description = "Resolution of a general assembly"
    _order = "assembly_id, sequence, id"
    _coop_register_parent = "assembly_id"

    assembly_id = fields.Many2one(
        comodel_name="coop.share.assembly", string="Assembly", required=True, index=True,
        ondelete="restrict")
    register_id = fields.Many2one(required=False, readonly=True,
                                  help="The assembly's register (set when created).")
    sequence = fields.Integer(string="No.", default=1)
    name = fields.Char(string="Resolution", required=True)
    description = fields.Text()
    majority = fields.Selection(
        selection=[("simple", "Simple majority"), ("two_thirds", "Two thirds"),
                   ("three_quarters", "Three quarters")],
        required=True, default="simple",
        help="The share of the votes cast (abstentions not counted) needed to adopt it.")
    state = fields.Selection(
        selection=[("draft", "Not put to the vote"), ("open", "Voting"),
                   ("closed", "Voted")],
        required=True, default="draft", readonly=True, copy=False)
    vote_ids = fields.One2many(
        comodel_name="coop.share.assembly.vote", inverse_name="resolution_id",
        string="Votes", readonly=True)
    votes_for = fields.Float(compute="_compute_result", string="For")
    votes_against = fields.Float(compute="_compute_result", string="Against")
    votes_abstain = fields.Float(compute="_compute_result", string="Abstain")
    voter_count = fields.Integer(compute="_compute_result", string="Holders who voted")
    result = fields.Selection(
        selection=[("pending", "Pending"), ("adopted", "Adopted"), ("rejected", "Rejected")],
        compute="_compute_result")

    @api.multi
    def _compute_result(self):
        """Weighted for / against / abstain per resolution: one grouped query."""
        totals = {}
        if self.ids:
            self.env.cr.execute("""
                SELECT resolution_id, choice, SUM(weight), COUNT(*)
                  FROM coop_share_assembly_vote WHERE resolution_id IN %s
                 GROUP BY resolution_id, choice""", (tuple(self.ids),))
            for resolution_id, choice, weight, count in self.env.cr.fetchall():
                totals.setdefault(resolution_id, {})[choice] = (weight, count)
        for resolution in self:
            data = totals.get(resolution.id, {})
            resolution.votes_for = data.get("for", (0.0, 0))[0]
            resolution.votes_against = data.get("against", (0.0, 0))[0]
            resolution.votes_abstain = data.get("abstain", (0.0, 0))[0]
            resolution.voter_count = sum(c for _w, c in data.values())
            if resolution.state != "closed":
                resolution.result = "pending"
            else:
                resolution.result = "adopted" if resolution._adopted(
                    resolution.votes_for, resolution.votes_against) else "rejected"

    @api.multi
    def _adopted(self, votes_for, votes_against):
        self.ensure_one()
        num, den, or_equal = MAJORITIES[self.majority]
        cast = votes_for + votes_against
        if not cast:
            return False
        # compare for * den with cast * num, so no rounding of thirds decides
        if or_equal:
            return votes_for * den >= cast * num - 1e-9
        return votes_for * den > cast * num + 1e-9

    @api.multi
    def write(self, vals):
        if "assembly_id" in vals:
            raise UserError(_("A resolution cannot move to another assembly."))
        if set(vals) - {"state"} and self.filtered(lambda r: r.state != "draft"):
            raise UserError(_("A resolution that was put to the vote cannot be changed."))
        return super().write(vals)

    @api.multi
    def unlink(self):
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(_("A resolution that was put to the vote cannot be deleted."))
        return super().unlink()

    @api.multi
    def action_open_voting(self):
        for resolution in self:
            if resolution.assembly_id.state != "open":
                raise UserError(_("Votes are cast while the assembly is in session."))
            if resolution.state != "draft":
                raise UserError(_("Voting on this resolution was already opened."))
        self.write({"state": "open"})
        return True

    @api.multi
    def action_close_voting(self):
        for resolution in self:
            if resolution.state != "open":
                raise UserError(_("Voting on this resolution is not open."))
        self.write({"state": "closed"})
        return True

    @api.multi
    def cast_vote(self, holder, choice, cast_by=None):
        """Record holder's vote (coop.shareholder) with his weight from the roll. He casts
        it himself when present, or his proxy holder (cast_by) does. Refused with a clear
        message, and nothing written, for a holder without shares on the record date, a
        second vote, or a holder neither present nor represented by cast_by."""
        self.ensure_one()
        if choice not in ("for", "against", "abstain"):
            raise UserError(_("A vote is for, against or an abstention."))
        if self.state != "open":
            raise UserError(_("Voting on this resolution is not open."))
        assembly = self.assembly_id
        line = assembly._line(holder)
        by_line = assembly._line(cast_by) if cast_by and cast_by != holder else line
        # one vote per holder and resolution, also when two clerks record it at once
        self.env.cr.execute(
            "SELECT id FROM coop_share_assembly_holder WHERE id = %s FOR UPDATE", (line.id,))
        if self.env["coop.share.assembly.vote"].search_count(
                [("resolution_id", "=", self.id), ("holder_line_id", "=", line.id)]):
            raise UserError(_("%(holder)s has already voted on this resolution.") % {
                "holder": holder.display_name})
        if line.votes <= 0:
            raise UserError(_("The shares of %(holder)s carry no voting rights.") % {
                "holder": holder.display_name})
        if by_line == line:
            if line.attendance != "present":
                raise UserError(_(
                    "%(holder)s is not recorded as present and cannot vote himself.") % {
                        "holder": holder.display_name})
        elif line.attendance != "represented" or line.proxy_line_id != by_line:
            raise UserError(_(
                "%(by)s does not hold the proxy of %(holder)s.") % {
                    "by": by_line.holder_id.display_name, "holder": holder.display_name})
        return self.env["coop.share.assembly.vote"].create({
            "resolution_id": self.id, "holder_line_id": line.id,
            "cast_by_line_id": by_line.id, "choice": choice, "weight": line.votes,
        })

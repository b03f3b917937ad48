# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class CoopShareClassVotingRight(models.Model):
    """A dated change of a class's voting rights (e.g. after a change of the articles):
    from date_from on, a share of the class carries votes_per_share votes."""

    _name = "coop.share.class.voting.right"
    _inherit = ["coop.share.register.record"]
    _description = "Voting rights of a share class from a date"
    _order = "class_id, date_from desc"
    _coop_register_parent = "class_id"

    class_id = fields.Many2one(
        comodel_name="coop.share.class", string="Share class", required=True, index=True,
        ondelete="restrict")
    register_id = fields.Many2one(required=False, readonly=True,
                                  help="The class's register (set when created).")
    date_from = fields.Date(string="From", required=True)
    votes_per_share = fields.Float(string="Votes per share", required=True, digits=(12, 4))
    note = fields.Char(help="E.g. the decision that changed the articles.")

    _sql_constraints = [
        ("date_unique", "UNIQUE(class_id, date_from)",
         "A share class has one voting right per date."),
        ("votes_positive", "CHECK(votes_per_share >= 0)",
         "The votes per share cannot be negative."),
    ]

    @api.multi
    def write(self, vals):
        if "class_id" in vals or "register_id" in vals:
            raise UserError(_("A voting right cannot move to another share class."))
        return super().write(vals)

    @api.constrains("votes_per_share")
    def _check_votes(self):
        for right in self:
            if right.votes_per_share < 0:
                raise ValidationError(_("The votes per share cannot be negative."))

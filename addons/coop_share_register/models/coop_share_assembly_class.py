# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CoopShareClass(models.Model):
    """The votes a share of a class carries at a general assembly."""

    _inherit = "coop.share.class"

    votes_per_share = fields.Float(
        string="Votes per share", default=1.0, digits=(12, 4),
        help="The votes one share of this class carries at a general assembly, unless a "
             "dated change below says otherwise for the assembly's record date.")
    voting_right_ids = fields.One2many(
        comodel_name="coop.share.class.voting.right", inverse_name="class_id",
        string="Changes of voting rights")

    _sql_constraints = [
        ("votes_per_share_positive", "CHECK(votes_per_share >= 0)",
         "The votes per share cannot be negative."),
    ]

    @api.constrains("votes_per_share")
    def _check_votes_per_share(self):
        for share_class in self:
            if share_class.votes_per_share < 0:
                raise ValidationError(_("The votes per share cannot be negative."))

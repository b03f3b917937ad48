# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopEventQuestionTheme(models.Model):
    _name = "coop.event.question.theme"
    _description = "Theme of the question box"
    _order = "sequence, name"

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    question_ids = fields.One2many(comodel_name="coop.event.question", inverse_name="theme_id")

    _sql_constraints = [("name_uniq", "unique(name)", "This theme already exists.")]


class CoopEventQuestion(models.Model):
    """A question of the question box ("vragenbox") used at the Soirées' one-on-one talks."""

    _name = "coop.event.question"
    _description = "Question of the question box"
    _order = "theme_id, sequence, id"

    name = fields.Text(string="Question", required=True,
                       help="Written in Dutch: the conversations at the Soirées are in Dutch.")
    theme_id = fields.Many2one(comodel_name="coop.event.question.theme", required=True,
                               ondelete="restrict")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

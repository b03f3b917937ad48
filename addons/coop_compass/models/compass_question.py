# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

QUESTION_TYPES = [
    ("scale", "Scale 0-4"),
    ("yesno", "Yes/no"),
    ("text", "Free text"),
]
SCALE_MIN = 0
SCALE_MAX = 4


class CompassQuestion(models.Model):
    _name = "coop.compass.question"
    _description = "Self-evaluation question (ICA compass)"
    _order = "principle_id, sequence, id"

    principle_id = fields.Many2one(
        comodel_name="coop.compass.principle", string="Principle", required=True,
        ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Text(string="Question", required=True, translate=True)
    help_text = fields.Text(string="Explanation", translate=True)
    question_type = fields.Selection(selection=QUESTION_TYPES, string="Type", required=True, default="scale")
    weight = fields.Float(
        default=1.0, required=True,
        help="Weight of this question in the score of its principle (free-text questions are not scored).")
    required = fields.Boolean(
        default=True, help="The scan cannot be submitted while this question is unanswered.")
    level_0 = fields.Char(string="Meaning of 0", translate=True)
    level_1 = fields.Char(string="Meaning of 1", translate=True)
    level_2 = fields.Char(string="Meaning of 2", translate=True)
    level_3 = fields.Char(string="Meaning of 3", translate=True)
    level_4 = fields.Char(string="Meaning of 4", translate=True)
    active = fields.Boolean(default=True)

    @api.constrains("weight")
    def _check_weight(self):
        for question in self:
            if question.weight < 0:
                raise ValidationError(_("The weight of a question cannot be negative."))

    @api.multi
    def _is_scored(self):
        self.ensure_one()
        return self.question_type in ("scale", "yesno") and self.weight > 0

    @api.model
    def _default_level_labels(self):
        """The meaning of each level of the 0-4 scale when a question does not describe its own."""
        return [
            _("Not in place and not discussed"),
            _("Discussed, but not yet in practice"),
            _("Partly in practice, informally"),
            _("In practice and written down"),
            _("In practice, written down, evaluated and improved regularly"),
        ]

    @api.multi
    def level_labels(self):
        """[(level, meaning)] for the scale of this question."""
        self.ensure_one()
        defaults = self._default_level_labels()
        own = [self.level_0, self.level_1, self.level_2, self.level_3, self.level_4]
        return [(level, own[level] or defaults[level]) for level in range(SCALE_MIN, SCALE_MAX + 1)]

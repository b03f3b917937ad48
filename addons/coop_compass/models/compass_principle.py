# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CompassPrinciple(models.Model):
    _name = "coop.compass.principle"
    _description = "Cooperative principle (ICA compass)"
    _order = "sequence, number, id"

    name = fields.Char(required=True, translate=True)
    number = fields.Integer(required=True, help="The number of the principle in the ICA statement (1 to 7).")
    sequence = fields.Integer(default=10)
    short_name = fields.Char(
        translate=True, help="A short label for the axes of the radar chart.")
    explanation = fields.Text(translate=True)
    guidance_strength = fields.Text(
        translate=True, help="Shown when this principle is one of the strengths of a scan.")
    guidance_improvement = fields.Text(
        translate=True, help="Shown when this principle is one of the points of improvement of a scan.")
    weight = fields.Float(
        default=1.0, required=True, help="Weight of this principle in the overall score.")
    question_ids = fields.One2many(
        comodel_name="coop.compass.question", inverse_name="principle_id", string="Questions")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("number_unique", "UNIQUE(number)", "Each principle number can only be used once."),
    ]

    @api.constrains("weight")
    def _check_weight(self):
        for principle in self:
            if principle.weight < 0:
                raise ValidationError(_("The weight of a principle cannot be negative."))

    @api.multi
    def _axis_label(self):
        self.ensure_one()
        return self.short_name or self.name

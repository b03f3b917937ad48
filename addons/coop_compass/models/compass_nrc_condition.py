# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CompassNrcCondition(models.Model):
    _name = "coop.compass.nrc.condition"
    _description = "Condition for recognition as a cooperative (NRC)"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(string="Condition", required=True, translate=True)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopVacancySector(models.Model):
    """Sector of a vacancy (energy, housing, food...). Kept small on purpose: to be
    unified with coop_membership's sectors once that addon defines them."""

    _name = "coop.vacancy.sector"
    _description = "Vacancy sector"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_unique", "UNIQUE(name)", "A sector with this name already exists."),
    ]

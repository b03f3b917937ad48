# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CompassScore(models.Model):
    """One stored score per principle of a submitted version, so that read_group, pivot
    and graph views can aggregate principle scores."""
    _name = "coop.compass.score"
    _description = "Score of a compass scan for one principle"
    _order = "scan_id, principle_id"

    scan_id = fields.Many2one(
        comodel_name="coop.compass.scan", string="Scan", required=True, ondelete="cascade", index=True)
    principle_id = fields.Many2one(
        comodel_name="coop.compass.principle", string="Principle", required=True, ondelete="restrict",
        index=True)
    score = fields.Float(digits=(5, 2), group_operator="avg")
    user_id = fields.Many2one(related="scan_id.user_id", store=True, readonly=True, string="Author")
    partner_id = fields.Many2one(related="scan_id.partner_id", store=True, readonly=True, string="Person")
    organisation_id = fields.Many2one(
        related="scan_id.organisation_id", store=True, readonly=True, string="Organisation")
    date_submitted = fields.Date(related="scan_id.date_submitted", store=True, readonly=True)
    version = fields.Integer(related="scan_id.version", store=True, readonly=True)
    is_last_submitted = fields.Boolean(related="scan_id.is_last_submitted", store=True, readonly=True)

    _sql_constraints = [
        ("principle_unique", "UNIQUE(scan_id, principle_id)", "A scan has one score per principle."),
    ]

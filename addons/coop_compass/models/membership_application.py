# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Admission link: a membership application needs a submitted compass scan of the
applicant organisation; the board sees its result on the application."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class MembershipApplication(models.Model):
    _inherit = "coop.membership.application"

    compass_scan_id = fields.Many2one(
        comodel_name="coop.compass.scan", string="Compass scan", ondelete="restrict", copy=False,
        help="The submitted ICA compass scan of the applicant organisation. Filled in with its "
             "latest submitted scan when the application is submitted.")
    compass_score_overall = fields.Float(
        related="compass_scan_id.score_overall", readonly=True, string="Compass score")
    compass_score_ids = fields.One2many(
        related="compass_scan_id.score_ids", readonly=True, string="Compass scores")
    compass_radar = fields.Html(
        compute="_compute_compass_radar", sanitize=False, string="Compass chart")

    @api.depends("compass_scan_id")
    def _compute_compass_radar(self):
        for application in self:
            scan = application.compass_scan_id.sudo()
            application.compass_radar = scan.radar_chart() if scan.state == "submitted" else False

    @api.multi
    def _compass_find_scan(self):
        """The latest submitted scan of the applicant organisation, if any."""
        self.ensure_one()
        org = self.partner_id.commercial_partner_id
        return self.env["coop.compass.scan"].sudo().search(
            [("organisation_id", "=", org.id), ("state", "=", "submitted")],
            order="date_submitted desc, version desc, id desc", limit=1)

    @api.multi
    def _check_submission_requirements(self):
        result = super()._check_submission_requirements()
        for application in self:
            org = application.partner_id.commercial_partner_id
            scan = application.compass_scan_id.sudo()
            if not scan or scan.state != "submitted" or scan.organisation_id != org:
                scan = application._compass_find_scan()
                if not scan:
                    raise UserError(_(
                        "Before applying, fill in and submit the ICA compass for %s (on the website: /kompas).")
                        % org.name)
                application.sudo().write({"compass_scan_id": scan.id})
        return result

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools


class CoopReportVacancies(models.Model):
    """Vacancies posted (published, later closed or expired) per publication date (SQL
    view, graph): the same vacancies as the annual figures count."""
    _name = "coop.report.vacancies"
    _description = "Vacancies per month"
    _auto = False
    _order = "date desc"

    date = fields.Date(string="Posted on", readonly=True)
    vacancy_id = fields.Many2one(comodel_name="coop.vacancy", string="Vacancy", readonly=True)
    partner_id = fields.Many2one(comodel_name="res.partner", string="Organisation", readonly=True)
    member_posting = fields.Boolean(string="Posted as member", readonly=True)
    vacancy_count = fields.Integer(string="Vacancies", readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW coop_report_vacancies AS (
                SELECT id, id AS vacancy_id, partner_id, member_posting, date_publication AS date,
                       1 AS vacancy_count
                  FROM coop_vacancy
                 WHERE date_publication IS NOT NULL AND state IN ('published', 'closed', 'expired')
            )""")

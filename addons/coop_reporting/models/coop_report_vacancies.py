# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import sql

from odoo import api, fields, models, tools


class CoopReportVacancies(models.Model):
    """Vacancies per month (SQL view, graph). coop_vacancy is built in parallel: the view
    reads its table when it exists (the posting date column when present, else the
    creation date) and is empty otherwise."""
    _name = "coop.report.vacancies"
    _description = "Vacancies per month"
    _auto = False
    _order = "date desc"

    date = fields.Date(string="Posted on", readonly=True)
    vacancy_count = fields.Integer(string="Vacancies", readonly=True)

    @api.model
    def _vacancy_date_columns(self):
        """Candidate columns of coop_vacancy holding the posting date, best first."""
        return ["date_posted", "date_published", "publish_date", "date_start", "create_date"]

    @api.model_cr
    def init(self):
        cr = self.env.cr
        tools.drop_view_if_exists(cr, self._table)
        cr.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'coop_vacancy'")
        columns = {row[0] for row in cr.fetchall()}
        column = next((c for c in self._vacancy_date_columns() if c in columns), None)
        if column:
            cr.execute(sql.SQL("""
                CREATE VIEW coop_report_vacancies AS (
                    SELECT id, {column}::date AS date, 1 AS vacancy_count FROM coop_vacancy
                     WHERE {column} IS NOT NULL
                )""").format(column=sql.Identifier(column)))
        else:
            cr.execute("""
                CREATE VIEW coop_report_vacancies AS (
                    SELECT 0 AS id, NULL::date AS date, 0 AS vacancy_count WHERE FALSE
                )""")

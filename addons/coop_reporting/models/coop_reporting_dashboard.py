# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import sql

from odoo import _, api, fields, models


class CoopReportingDashboard(models.TransientModel):
    """One backend page with three bar charts: members over time, event participants
    per month and vacancies per month (drawn server side, no JavaScript)."""
    _name = "coop.reporting.dashboard"
    _description = "Reporting dashboard"

    year = fields.Integer(required=True, default=lambda self: fields.Date.from_string(
        fields.Date.context_today(self)).year - 1)
    dashboard_html = fields.Html(compute="_compute_dashboard_html", sanitize=False)

    @api.depends("year")
    def _compute_dashboard_html(self):
        for dashboard in self:
            if not 1900 < (dashboard.year or 0) < 3000:
                # while the year is being typed in the form
                dashboard.dashboard_html = False
                continue
            charts = [
                (_("Members at year end"), dashboard._series_members()),
                (_("Event participants per month in %d") % dashboard.year,
                 dashboard._series_per_month("coop.report.event.participants", "date_begin",
                                             "participant_count", dashboard.year)),
                (_("Vacancies per month in %d") % dashboard.year,
                 dashboard._series_per_month("coop.report.vacancies", "date", "vacancy_count", dashboard.year)),
            ]
            dashboard.dashboard_html = self.env["ir.qweb"].render(
                "coop_reporting.dashboard_charts", {"charts": charts}).decode("utf-8")

    @api.model
    def _series_members(self):
        """(label, value) per year, from the SQL view."""
        rows = self.env["coop.report.members"].search_read([], ["year", "member_count"], order="year")
        return [(row["year"], row["member_count"]) for row in rows]

    @api.model
    def _series_per_month(self, model_name, date_field, value_field, year):
        """(month, sum of value_field) for the twelve months of year: one SQL query."""
        model = self.env[model_name]
        model.check_access_rights("read")
        query = sql.SQL(
            "SELECT EXTRACT(MONTH FROM {date})::int, SUM({value}) FROM {table} "
            "WHERE {date} >= %s AND {date} < %s GROUP BY 1").format(
            date=sql.Identifier(date_field), value=sql.Identifier(value_field),
            table=sql.Identifier(model._table))
        self.env.cr.execute(query, ("%d-01-01" % year, "%d-01-01" % (year + 1)))
        totals = dict(self.env.cr.fetchall())
        return [("%02d" % month, totals.get(month) or 0) for month in range(1, 13)]

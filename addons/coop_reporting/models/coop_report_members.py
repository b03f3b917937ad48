# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools


class CoopReportMembers(models.Model):
    """Members at each year end, new members and leavers per year (SQL view, graph)."""
    _name = "coop.report.members"
    _description = "Members over time"
    _auto = False
    _order = "year"

    year = fields.Char(readonly=True)
    member_count = fields.Integer(string="Members at year end", readonly=True)
    new_count = fields.Integer(string="New members", readonly=True)
    leaver_count = fields.Integer(string="Members who left", readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # Same rule as res.partner._coop_member_on_domain and coop_is_member_on.
        self.env.cr.execute("""
            CREATE VIEW coop_report_members AS (
                WITH member AS (
                    SELECT coop_join_date AS joined, coop_leave_date AS left_on
                      FROM res_partner
                     WHERE is_company AND coop_membership_state IN ('member', 'former')
                       AND coop_join_date IS NOT NULL
                ), years AS (
                    SELECT generate_series(
                        COALESCE((SELECT MIN(EXTRACT(YEAR FROM joined))::int FROM member),
                                 EXTRACT(YEAR FROM CURRENT_DATE)::int),
                        EXTRACT(YEAR FROM CURRENT_DATE)::int) AS y
                )
                SELECT years.y AS id, years.y::varchar AS year,
                       (SELECT COUNT(*) FROM member
                         WHERE joined <= make_date(years.y, 12, 31)
                           AND (left_on IS NULL OR left_on > make_date(years.y, 12, 31)))::int AS member_count,
                       (SELECT COUNT(*) FROM member
                         WHERE EXTRACT(YEAR FROM joined) = years.y)::int AS new_count,
                       (SELECT COUNT(*) FROM member
                         WHERE EXTRACT(YEAR FROM left_on) = years.y)::int AS leaver_count
                  FROM years
            )""")

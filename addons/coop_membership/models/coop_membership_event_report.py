# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools


class CoopMembershipEventReport(models.Model):
    """Joins and leaves of member organisations, one row per event (SQL view), for the
    pivot and graph views of the figures menu."""

    _name = "coop.membership.event.report"
    _description = "Joins and leaves of member organisations"
    _auto = False
    _order = "date desc"

    partner_id = fields.Many2one(comodel_name="res.partner", string="Organisation", readonly=True)
    event_type = fields.Selection(
        selection=[("join", "Joined"), ("leave", "Left")], string="Event", readonly=True)
    date = fields.Date(readonly=True)
    year = fields.Char(readonly=True)
    category_id = fields.Many2one(
        comodel_name="coop.membership.category", string="Fee category", readonly=True)
    leave_reason_id = fields.Many2one(
        comodel_name="coop.membership.leave.reason", string="Leave reason", readonly=True)
    legal_form = fields.Char(readonly=True)
    count = fields.Integer(string="Organisations", readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # Archived organisations count for the years they joined and left (the rule of
        # the year figures, readme/USAGE.rst): no filter on res_partner.active.
        self.env.cr.execute("""
            CREATE OR REPLACE VIEW coop_membership_event_report AS (
                SELECT p.id * 2 AS id, p.id AS partner_id, 'join'::varchar AS event_type,
                       p.coop_join_date AS date,
                       to_char(p.coop_join_date, 'YYYY') AS year,
                       p.coop_category_id AS category_id, NULL::integer AS leave_reason_id,
                       p.coop_legal_form AS legal_form, 1 AS count
                  FROM res_partner p
                 WHERE p.is_company AND p.coop_join_date IS NOT NULL
                UNION ALL
                SELECT p.id * 2 + 1, p.id, 'leave', p.coop_leave_date,
                       to_char(p.coop_leave_date, 'YYYY'),
                       p.coop_category_id, p.coop_leave_reason_id, p.coop_legal_form, 1
                  FROM res_partner p
                 WHERE p.is_company AND p.coop_leave_date IS NOT NULL
            )""")

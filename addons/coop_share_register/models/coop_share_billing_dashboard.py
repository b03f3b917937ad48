# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools

from .coop_share_billing_tariff import SERVICE_MODES


class CoopShareBillingDashboard(models.Model):
    """Coopkracht's view of its DAR clients: one row per client cooperative and year of
    service, with the shareholders, users and last activity (an SQL view: grouped
    queries, nothing computed per shareholder in Python)."""

    _name = "coop.share.billing.dashboard"
    _description = "DAR clients dashboard"
    _auto = False
    _order = "year desc, register_id"

    register_id = fields.Many2one(comodel_name="coop.share.register", string="Client",
                                  readonly=True)
    year = fields.Integer(readonly=True, group_operator=False)
    service_mode = fields.Selection(selection=SERVICE_MODES, readonly=True)
    partner_org_id = fields.Many2one(comodel_name="res.partner", string="Partner organisation",
                                     readonly=True)
    client_count = fields.Integer(string="Clients", readonly=True)
    shareholder_count = fields.Integer(
        string="Shareholders", readonly=True, group_operator="sum",
        help="Holders holding shares at the end of the year (today for this year).")
    user_count = fields.Integer(string="Users", readonly=True)
    last_activity = fields.Datetime(
        readonly=True, group_operator="max",
        help="The last change in the register or login of one of its users.")
    billed_amount = fields.Float(string="DAR fee", readonly=True)
    invoice_id = fields.Many2one(comodel_name="account.invoice", string="Invoice",
                                 readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW coop_share_billing_dashboard AS
            WITH served AS (
                SELECT r.id AS register_id, r.service_mode, r.partner_org_id,
                       generate_series(
                           EXTRACT(year FROM r.service_start)::integer,
                           EXTRACT(year FROM COALESCE(r.service_end, CURRENT_DATE))::integer
                       ) AS year
                  FROM coop_share_register r
            ), yearly AS (
                SELECT m.register_id, m.holder_id, EXTRACT(year FROM m.date)::integer AS year,
                       SUM(m.qty) AS qty
                  FROM coop_share_movement m
                 GROUP BY m.register_id, m.holder_id, EXTRACT(year FROM m.date)
            ), balances AS (
                -- a holder's shares at the end of each year he had movements in, valid
                -- until the next such year
                SELECT register_id, holder_id, year,
                       SUM(qty) OVER w AS held, LEAD(year) OVER w AS next_year
                  FROM yearly
                WINDOW w AS (PARTITION BY register_id, holder_id ORDER BY year)
            ), held AS (
                SELECT b.register_id, y.year, COUNT(*) AS holders
                  FROM balances b,
                       generate_series(b.year, COALESCE(b.next_year - 1,
                                       EXTRACT(year FROM CURRENT_DATE)::integer)) AS y(year)
                 WHERE b.held > 0
                 GROUP BY b.register_id, y.year
            ), users AS (
                SELECT rel.register_id, COUNT(u.id) AS users, MAX(lg.last_login) AS last_login
                  FROM coop_share_register_user_rel rel
                  JOIN res_users u ON u.id = rel.user_id AND u.active
                  LEFT JOIN (SELECT create_uid, MAX(create_date) AS last_login
                               FROM res_users_log GROUP BY create_uid) lg
                         ON lg.create_uid = u.id
                 GROUP BY rel.register_id
            ), changes AS (
                SELECT register_id, MAX(write_date) AS last_change
                  FROM (SELECT register_id, write_date FROM coop_share_entry
                        UNION ALL
                        SELECT register_id, write_date FROM coop_shareholder) x
                 GROUP BY register_id
            )
            SELECT s.register_id * 10000 + s.year AS id, s.register_id, s.year,
                   s.service_mode, s.partner_org_id, 1 AS client_count,
                   COALESCE(h.holders, 0) AS shareholder_count,
                   COALESCE(us.users, 0) AS user_count,
                   GREATEST(c.last_change, us.last_login) AS last_activity,
                   bl.amount AS billed_amount, bl.invoice_id
              FROM served s
              LEFT JOIN held h ON h.register_id = s.register_id AND h.year = s.year
              LEFT JOIN users us ON us.register_id = s.register_id
              LEFT JOIN changes c ON c.register_id = s.register_id
              LEFT JOIN coop_share_billing_line bl
                     ON bl.register_id = s.register_id AND bl.year = s.year
        """)

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import contextmanager

from odoo import api, fields, models

# Positions of one register as of a date, in one query: the confirmed entries' movements
# grouped per receiving holder and class (with the nominal amount subscribed and the
# payments on those subscriptions, joined per entry) and per giving holder and class, each
# pre-aggregated, then summed. The unpaid amount is what the holder subscribed
# (corrections deducted) minus the payments registered up to that date, at most the
# nominal value held. With holders given (a literal array: the planner folds the NULL
# tests away) each branch goes through the holder indexes instead of scanning the register.
# Sums run on integers and double precision (a quarter faster than numeric); the amounts
# are rounded to cents at the end and come back as double precision (no Python-side
# Decimal conversion of 60,000 rows).
POSITIONS_SQL = """
    SELECT q.holder_id, q.class_id, q.shares::integer AS shares,
           (q.shares * c.nominal_value)::float8 AS nominal,
           ROUND((q.shares * c.nominal_value - LEAST(GREATEST(q.subscribed - q.paid, 0),
                                                   q.shares * c.nominal_value))::numeric,
                 2)::float8 AS paid,
           ROUND(LEAST(GREATEST(q.subscribed - q.paid, 0),
                       q.shares * c.nominal_value)::numeric, 2)::float8 AS unpaid
      FROM (
        SELECT u.holder_id, u.class_id, SUM(u.shares) AS shares,
               SUM(u.subscribed) AS subscribed, SUM(u.paid) AS paid
          FROM (
            SELECT e.holder_to_id AS holder_id,
                   CASE WHEN e.effect_type = 'conversion' THEN e.to_class_id
                        ELSE e.class_id END AS class_id,
                   SUM(e.sign * CASE WHEN e.effect_type = 'conversion' THEN e.to_quantity
                                     ELSE e.quantity END)::integer AS shares,
                   SUM(CASE WHEN e.effect_type = 'subscription'
                            THEN e.sign * e.nominal_amount::float8 ELSE 0 END) AS subscribed,
                   COALESCE(SUM(pay.amount), 0) AS paid
              FROM coop_share_entry e
              LEFT JOIN (
                    SELECT p.entry_id, SUM(p.amount::float8) AS amount
                      FROM coop_share_payment p
                     WHERE p.register_id = %(register)s AND p.date <= %(date)s
                       AND (%(holders)s::integer[] IS NULL
                            OR p.holder_id = ANY(%(holders)s::integer[]))
                     GROUP BY p.entry_id
                   ) pay ON pay.entry_id = e.id
             WHERE e.register_id = %(register)s AND e.state = 'confirmed'
               AND e.date <= %(date)s
               AND e.effect_type IN ('subscription', 'transfer', 'transmission', 'conversion')
               AND (%(holders)s::integer[] IS NULL OR e.holder_to_id = ANY(%(holders)s::integer[]))
             GROUP BY 1, 2
            UNION ALL
            SELECT e.holder_from_id, e.class_id, SUM(-e.sign * e.quantity)::integer, 0::float8, 0::float8
              FROM coop_share_entry e
             WHERE e.register_id = %(register)s AND e.state = 'confirmed'
               AND e.date <= %(date)s
               AND e.effect_type IN ('transfer', 'transmission', 'redemption', 'exclusion',
                                     'conversion')
               AND (%(holders)s::integer[] IS NULL
                    OR e.holder_from_id = ANY(%(holders)s::integer[]))
             GROUP BY 1, 2
          ) u
         GROUP BY u.holder_id, u.class_id
        HAVING SUM(u.shares) <> 0
      ) q
      JOIN coop_share_class c ON c.id = q.class_id
"""


@contextmanager
def large_query(cr):
    """Settings for one large aggregate (all holders of a register): hash aggregates in
    memory rather than sorts on disk, and no JIT compilation (its start-up costs more than
    it saves here). Back to the defaults afterwards."""
    cr.execute("SET LOCAL work_mem = '64MB'; SET LOCAL jit = off")
    try:
        yield cr
    finally:
        cr.execute("SET LOCAL work_mem TO DEFAULT; SET LOCAL jit TO DEFAULT")


class CoopSharePosition(models.TransientModel):
    """Positions of a register as of a date: shares, nominal, paid and unpaid per holder
    and class. Filled by one INSERT ... SELECT; a transient list for the user."""

    _name = "coop.share.position"
    _inherit = ["coop.share.staff.mixin"]
    _description = "Share position as of a date"
    _order = "holder_id, class_id"

    register_id = fields.Many2one(comodel_name="coop.share.register", string="Register",
                                  required=True, index=True, ondelete="cascade")
    date = fields.Date(required=True)
    holder_id = fields.Many2one(comodel_name="coop.shareholder", string="Holder",
                                required=True, ondelete="cascade")
    class_id = fields.Many2one(comodel_name="coop.share.class", string="Share class",
                               required=True, ondelete="cascade")
    shares = fields.Integer()
    currency_id = fields.Many2one(related="register_id.currency_id", readonly=True)
    nominal = fields.Monetary(currency_field="currency_id")
    paid = fields.Monetary(currency_field="currency_id")
    unpaid = fields.Monetary(currency_field="currency_id")

    @api.model
    def _query_params(self, register, date, holder_ids=None):
        # the register as seen by this user, whatever environment it came with
        register = register.with_env(self.env)
        if holder_ids and not self._coop_is_staff():
            # a shareholder's own positions (portal): the register and every holder asked
            # for must be readable under his record rules
            register.check_access_rights("read")
            register.check_access_rule("read")
            holders = self.env["coop.shareholder"].browse(list(holder_ids))
            holders.check_access_rights("read")
            holders.check_access_rule("read")
        else:
            # a whole register: its staff only
            self._coop_check_staff(register)
        return {"register": register.id, "date": date or fields.Date.context_today(self),
                "holders": list(holder_ids) if holder_ids else None}

    @api.model
    def compute_positions(self, register, date=None, holder_ids=None):
        """Positions of register as of date (default today): a list of dicts with
        holder_id, class_id, shares, nominal, paid, unpaid. One query."""
        params = self._query_params(register, date, holder_ids)
        with large_query(self.env.cr) as cr:
            cr.execute(POSITIONS_SQL + " ORDER BY q.holder_id, q.class_id", params)
            return cr.dictfetchall()

    @api.model
    def compute_class_totals(self, register, date=None):
        """Total shares issued per class of register as of date: {class_id: shares}."""
        params = self._query_params(register, date)
        self.env.cr.execute("""
            SELECT class_id, SUM(qty)::integer FROM coop_share_movement
             WHERE register_id = %(register)s AND date <= %(date)s
             GROUP BY class_id""", params)
        return dict(self.env.cr.fetchall())

    @api.model
    def fill(self, register, date=None, holder_ids=None):
        """Store the positions as rows of this transient model for the current user (one
        INSERT ... SELECT) and return their action."""
        params = self._query_params(register, date, holder_ids)
        params["uid"] = self.env.uid
        self.env.cr.execute("""
            DELETE FROM coop_share_position WHERE create_uid = %(uid)s""", params)
        with large_query(self.env.cr) as cr:
            self._insert_positions(cr, params)
        return params["date"]

    @api.model
    def _insert_positions(self, cr, params):
        cr.execute("""
            INSERT INTO coop_share_position (register_id, date, holder_id, class_id, shares,
                nominal, paid, unpaid, create_uid, write_uid, create_date, write_date)
            SELECT %(register)s, %(date)s, q.holder_id, q.class_id, q.shares, q.nominal,
                   q.paid, q.unpaid, %(uid)s, %(uid)s, now() at time zone 'UTC',
                   now() at time zone 'UTC'
              FROM (""" + POSITIONS_SQL + """) q""", params)

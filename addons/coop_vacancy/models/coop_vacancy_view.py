# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Unique page views of the vacancy bank, counted the way web analytics define them:
one per visitor session, per page, per day.

The table is append-only: one row per (day, page, visitor hash), inserted with
``INSERT ... ON CONFLICT DO NOTHING``, so that concurrent visitors never wait on each
other nor on the vacancy row, and a reload never counts twice. The visitor hash is
sha256(daily salt + session id); the salt is random, stored in ``ir.config_parameter``
and replaced every day, so yesterday's hashes cannot be linked to today's. No IP
address, user agent or user id is stored.
"""
import hashlib
import secrets

from odoo import api, fields, models

SALT_KEY = "coop_vacancy.view_salt"
OVERVIEW = "overview"


class CoopVacancyView(models.Model):
    _name = "coop.vacancy.view"
    _description = "Unique vacancy page view"
    _log_access = False
    _order = "day desc, id desc"

    day = fields.Date(required=True, readonly=True, index=True)
    page_key = fields.Char(string="Page", required=True, readonly=True, index=True,
                           help="'overview' for the list of vacancies, 'vacancy-<id>' for one vacancy.")
    vacancy_id = fields.Many2one(comodel_name="coop.vacancy", string="Vacancy", readonly=True,
                                 index=True, ondelete="cascade")
    partner_id = fields.Many2one(related="vacancy_id.partner_id", string="Organisation",
                                 readonly=True, store=False)
    visitor_hash = fields.Char(required=True, readonly=True,
                               help="sha256 of a salt that changes every day and the visitor's session.")

    _sql_constraints = [
        ("unique_view", "UNIQUE(day, page_key, visitor_hash)",
         "A visitor is counted once per page and day."),
    ]

    # ------------------------------------------------------------------ salt

    _salt_cache = {}

    @api.model
    def _daily_salt(self, day):
        """The random salt of day (a date string); replaced by a new one on a new day."""
        key = (self.env.cr.dbname, day)
        salt = self._salt_cache.get(key)
        if salt:
            return salt
        cr = self.env.cr
        cr.execute("SELECT value FROM ir_config_parameter WHERE key = %s", (SALT_KEY,))
        row = cr.fetchone()
        if row and row[0] and row[0].startswith(day + ":"):
            salt = row[0].split(":", 1)[1]
            # cache only a committed salt (not one this transaction may still roll back)
            self._salt_cache.clear()
            self._salt_cache[key] = salt
        else:
            salt = secrets.token_hex(32)
            value = "%s:%s" % (day, salt)
            # One statement; a concurrent rotation makes one of the two requests retry.
            cr.execute("""
                INSERT INTO ir_config_parameter (key, value, create_uid, write_uid,
                                                 create_date, write_date)
                VALUES (%s, %s, 1, 1, now() at time zone 'UTC', now() at time zone 'UTC')
                ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value,
                                                write_date = EXCLUDED.write_date
                RETURNING value
            """, (SALT_KEY, value))
            salt = cr.fetchone()[0].split(":", 1)[1]
            self.env["ir.config_parameter"].clear_caches()
        return salt

    @api.model
    def visitor_hash_for(self, day, session_token):
        salt = self._daily_salt(day)
        return hashlib.sha256(("%s|%s" % (salt, session_token)).encode()).hexdigest()

    # ------------------------------------------------------------------ counting

    @api.model
    def register_view(self, session_token, vacancy_id=None, day=None):
        """Count one view of the overview (vacancy_id None) or of a vacancy; a second view
        of the same page by the same session on the same day is ignored. Returns whether
        this view was new.

        Only the website counts (through sudo()): the method is public, so without this
        check any logged-in user could add views over RPC with made-up session tokens."""
        self.check_access_rights("create")
        if not session_token:
            return False
        day = day or fields.Date.context_today(self)
        page_key = "vacancy-%d" % vacancy_id if vacancy_id else OVERVIEW
        self.env.cr.execute("""
            INSERT INTO coop_vacancy_view (day, page_key, vacancy_id, visitor_hash)
            VALUES (%s, %s, %s, %s)
            ON CONFLICT (day, page_key, visitor_hash) DO NOTHING
        """, (day, page_key, vacancy_id or None, self.visitor_hash_for(day, session_token)))
        return bool(self.env.cr.rowcount)

    # ------------------------------------------------------------------ figures

    @api.model
    def views_per_vacancy(self, vacancy_ids):
        """{vacancy id: unique views} for the given vacancies (one query). For readers
        of the view rows (staff, board) or through sudo() after an ownership check."""
        self.check_access_rights("read")
        if not vacancy_ids:
            return {}
        self.env.cr.execute("""
            SELECT vacancy_id, count(*) FROM coop_vacancy_view
             WHERE vacancy_id IN %s GROUP BY vacancy_id
        """, (tuple(vacancy_ids),))
        return dict(self.env.cr.fetchall())

    @api.model
    def overview_views(self, date_from, date_to):
        """Unique views of the overview page between two dates (included)."""
        self.check_access_rights("read")
        self.env.cr.execute("""
            SELECT count(*) FROM coop_vacancy_view
             WHERE page_key = %s AND day BETWEEN %s AND %s
        """, (OVERVIEW, date_from, date_to))
        return self.env.cr.fetchone()[0]

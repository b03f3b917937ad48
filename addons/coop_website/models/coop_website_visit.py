# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The site-wide visit counter: unique visits (visitor-days) and unique page views per
page, per day, without cookies and without storing anything that identifies a person.

How it counts (Plausible's cookieless method, see tools/visits.py):
- every public page carries a tiny first-party beacon (views/visit_templates.xml) with its
  page key and section, signed with the database secret, so a beacon for a page the site
  did not render is ignored;
- the beacon's request gives the visitor of the day: sha256(daily salt | site | IP | user
  agent); robots (user agent) and logged-in staff are not counted; a flood from one
  visitor is cut in memory (RateLimiter) and never reaches the database;
- a hit is one row in an UNLOGGED staging table, unique per (day, page, visitor), so a
  reload adds nothing; `_cron_flush` turns the staging rows into the day's figures
  (`coop.website.page.stat`, `coop.website.visit.stat`, `coop.website.referrer.stat`) and
  deletes staging rows and salts older than two days: after that no hash can be linked to
  anybody, and only counts remain.
Only the referrer's domain is kept; never an address, a user agent or a full URL."""
import datetime
import hashlib
import hmac
import secrets
from urllib.parse import urlencode

import pytz

from odoo import api, fields, models, tools

from ..tools.visits import MAX_PAGE_KEY, referrer_domain, visitor_hash

SALT_TABLE = "coop_website_visit_salt"
HIT_TABLE = "coop_website_visit_hit"
KEEP_DAYS = 2  # staging rows and salts of today and yesterday are kept, older ones deleted
SECTIONS = [
    ("home", "Home"), ("articles", "Articles"), ("events", "Events"),
    ("vacancies", "Vacancies"), ("directory", "Directory"), ("other", "Other pages"),
]


def brussels_today():
    return datetime.datetime.now(pytz.timezone("Europe/Brussels")).date()


class CoopWebsitePageStat(models.Model):
    _name = "coop.website.page.stat"
    _description = "Unique page views of a page on a day"
    _order = "day desc, views desc"
    _log_access = False

    day = fields.Date(required=True, readonly=True, index=True)
    page_key = fields.Char(string="Page", required=True, readonly=True, index=True)
    section = fields.Selection(selection=SECTIONS, required=True, readonly=True, index=True)
    res_model = fields.Char(string="Record type", readonly=True, index=True)
    res_id = fields.Integer(string="Record", readonly=True, index=True)
    views = fields.Integer(string="Unique page views", readonly=True, group_operator="sum")

    _sql_constraints = [
        ("day_page_unique", "UNIQUE(day, page_key)", "One line per page and day."),
    ]

    @api.model_cr
    def init(self):
        """The staging table of hits (UNLOGGED: no write-ahead log, it only holds the last
        two days, which `_cron_flush` has already counted) and the table of daily salts.
        Neither is an Odoo model: nothing reaches them over RPC."""
        self.env.cr.execute("""
            CREATE UNLOGGED TABLE IF NOT EXISTS coop_website_visit_hit (
                day date NOT NULL,
                page_key varchar(200) NOT NULL,  -- MAX_PAGE_KEY
                section varchar(32) NOT NULL,
                res_model varchar(64),
                res_id integer,
                visitor_hash char(64) NOT NULL,
                referrer varchar(253),
                UNIQUE (day, page_key, visitor_hash))
        """)
        self.env.cr.execute("""
            CREATE TABLE IF NOT EXISTS coop_website_visit_salt (
                day date PRIMARY KEY,
                salt varchar(64) NOT NULL)
        """)


class CoopWebsiteVisitStat(models.Model):
    _name = "coop.website.visit.stat"
    _description = "Unique visits of the website on a day"
    _order = "day desc"
    _log_access = False

    day = fields.Date(required=True, readonly=True, index=True)
    visits = fields.Integer(string="Unique visits", readonly=True, group_operator="sum")
    pageviews = fields.Integer(string="Unique page views", readonly=True, group_operator="sum")

    _sql_constraints = [("day_unique", "UNIQUE(day)", "One line per day.")]


class CoopWebsiteReferrerStat(models.Model):
    _name = "coop.website.referrer.stat"
    _description = "Visits from another site on a day"
    _order = "day desc, visits desc"
    _log_access = False

    day = fields.Date(required=True, readonly=True, index=True)
    domain = fields.Char(string="Referring site", required=True, readonly=True, index=True)
    visits = fields.Integer(string="Unique visits", readonly=True, group_operator="sum")

    _sql_constraints = [("day_domain_unique", "UNIQUE(day, domain)", "One line per site and day.")]


class CoopWebsiteVisit(models.AbstractModel):
    """The counter's service: signing beacons, counting hits, flushing, figures."""
    _name = "coop.website.visit"
    _description = "Website visit counter"

    _salt_cache = {}

    # ------------------------------------------------------------------ beacons

    @api.model
    def _visit_sections(self):
        """(path prefix, section) pairs, longest first; other addons add theirs."""
        return [("/blog", "articles"), ("/event", "events"), ("/vacatures", "vacancies"),
                ("/memo-gids", "directory")]

    @api.model
    def _section_for_path(self, path):
        if path in ("", "/"):
            return "home"
        for prefix, section in sorted(self._visit_sections(), key=lambda p: -len(p[0])):
            if path == prefix or path.startswith(prefix + "/"):
                return section
        return "other"

    @api.model
    def _page_key(self, path):
        """The page of a path: no query, no trailing slash, no language prefix."""
        path = (path or "/").split("?", 1)[0].split("#", 1)[0]
        parts = path.split("/")
        langs = {code.replace("_", "-").lower() for code in self._active_lang_codes()}
        if len(parts) > 1 and parts[1].lower() in langs:
            parts.pop(1)
        path = "/".join(parts).rstrip("/") or "/"
        return path[:MAX_PAGE_KEY]

    @api.model
    @tools.ormcache()
    def _active_lang_codes(self):
        langs = self.env["res.lang"].sudo().search([("active", "=", True)])
        return tuple(langs.mapped("code")) + tuple(c.split("_")[0] for c in langs.mapped("code"))

    def _secret(self):
        return self.env["ir.config_parameter"].sudo().get_param("database.secret") or ""

    @api.model
    def _signature(self, page_key, section, res_model, res_id):
        message = "coop-visit|%s|%s|%s|%s" % (page_key, section, res_model or "", res_id or "")
        return hmac.new(self._secret().encode(), message.encode("utf-8"), hashlib.sha256).hexdigest()[:24]

    @api.model
    def _beacon_values(self, path, main_object=None):
        """What the page's beacon sends: {p, s, m, i, t}; False where nothing is counted."""
        page_key = self._page_key(path)
        section = self._section_for_path(page_key)
        res_model, res_id = "", ""
        if isinstance(main_object, models.BaseModel) and len(main_object) == 1 and \
                main_object._name not in ("website.page", "ir.ui.view", "website"):
            res_model, res_id = main_object._name, str(main_object.id)
        values = {"p": page_key, "s": section, "m": res_model, "i": res_id,
                  "t": self._signature(page_key, section, res_model, res_id)}
        values["url"] = "/coop/v?" + urlencode([(k, values[k]) for k in ("p", "s", "m", "i", "t")])
        return values

    @api.model
    def _check_beacon(self, values):
        """The beacon's values when its signature is right (a page the site rendered),
        else None."""
        page_key = (values.get("p") or "")[:MAX_PAGE_KEY]
        section = values.get("s") or ""
        res_model = values.get("m") or ""
        res_id = values.get("i") or ""
        if section not in dict(SECTIONS) or (res_id and not res_id.isdigit()):
            return None
        expected = self._signature(page_key, section, res_model, res_id)
        if not hmac.compare_digest(expected, values.get("t") or ""):
            return None
        return {"page_key": page_key, "section": section, "res_model": res_model or None,
                "res_id": int(res_id) if res_id else None}

    # ------------------------------------------------------------------ counting

    @api.model
    def _daily_salt(self, day):
        """The random salt of day (a date), made by the first hit of the day."""
        key = (self.env.cr.dbname, day)
        salt = self._salt_cache.get(key)
        if salt:
            return salt
        cr = self.env.cr
        cr.execute("INSERT INTO coop_website_visit_salt (day, salt) VALUES (%s, %s) "
                   "ON CONFLICT (day) DO NOTHING", (day, secrets.token_hex(32)))
        cr.execute("SELECT salt FROM coop_website_visit_salt WHERE day = %s", (day,))
        salt = cr.fetchone()[0]
        if len(self._salt_cache) > 8:
            self._salt_cache.clear()
        self._salt_cache[key] = salt
        return salt

    @api.model
    def _visitor(self, day, site, address, user_agent):
        return visitor_hash(self._daily_salt(day), site, address, user_agent)

    @api.model
    def _register_hit(self, page, visitor, referrer="", site="", day=None):
        """Count a hit of page (from _check_beacon) by visitor (a hash) on day; a second
        hit of the same page by the same visitor on the same day adds nothing. Returns
        whether the hit was new."""
        day = day or brussels_today()
        self.env.cr.execute("""
            INSERT INTO coop_website_visit_hit
                   (day, page_key, section, res_model, res_id, visitor_hash, referrer)
            VALUES (%s, %s, %s, %s, %s, %s, %s)
            ON CONFLICT (day, page_key, visitor_hash) DO NOTHING
        """, (day, page["page_key"], page["section"], page["res_model"], page["res_id"],
              visitor, referrer_domain(referrer, site) or None))
        return bool(self.env.cr.rowcount)

    @api.model
    def _count_beacon(self, values, site, address, user_agent, allow=None):
        """Count the beacon of a page view (the request's values), when it is signed by
        this site and `allow(visitor)` (the rate limit) lets it through. Returns whether
        a new hit was counted."""
        page = self._check_beacon(values)
        if page is None:
            return False
        day = brussels_today()
        visitor = self._visitor(day, site, address, user_agent)
        if allow is not None and not allow(visitor):
            return False
        return self._register_hit(page, visitor, referrer=values.get("r") or "", site=site, day=day)

    # ------------------------------------------------------------------ flushing

    @api.model
    def _flush(self, today=None):
        """The figures of every day in the staging table, computed again from it (so
        today's figures grow during the day), then the staging rows and salts of days
        older than KEEP_DAYS deleted: their figures are final."""
        today = today or brussels_today()
        cr = self.env.cr
        cr.execute("""
            INSERT INTO coop_website_page_stat (day, page_key, section, res_model, res_id, views)
            SELECT day, page_key, min(section), min(res_model), min(res_id), count(*)
              FROM coop_website_visit_hit GROUP BY day, page_key
            ON CONFLICT (day, page_key) DO UPDATE SET views = EXCLUDED.views
        """)
        cr.execute("""
            INSERT INTO coop_website_visit_stat (day, visits, pageviews)
            SELECT day, count(DISTINCT visitor_hash), count(*)
              FROM coop_website_visit_hit GROUP BY day
            ON CONFLICT (day) DO UPDATE SET visits = EXCLUDED.visits, pageviews = EXCLUDED.pageviews
        """)
        cr.execute("""
            INSERT INTO coop_website_referrer_stat (day, domain, visits)
            SELECT day, referrer, count(DISTINCT visitor_hash)
              FROM coop_website_visit_hit WHERE referrer IS NOT NULL GROUP BY day, referrer
            ON CONFLICT (day, domain) DO UPDATE SET visits = EXCLUDED.visits
        """)
        limit = today - datetime.timedelta(days=KEEP_DAYS - 1)
        cr.execute("DELETE FROM coop_website_visit_hit WHERE day < %s", (limit,))
        cr.execute("DELETE FROM coop_website_visit_salt WHERE day < %s", (limit,))
        self._salt_cache.clear()
        for model in ("coop.website.page.stat", "coop.website.visit.stat", "coop.website.referrer.stat"):
            self.env[model].invalidate_cache()

    @api.model
    def _cron_flush(self):
        self._flush()

    # ------------------------------------------------------------------ figures
    # Exact at any moment without writing: the days still in the staging table are
    # counted from it, the older days from the figures the flush made.

    @api.model
    def visits_between(self, date_from, date_to):
        """Unique visits (visitor-days) between two dates, included; for staff."""
        self.env["coop.website.visit.stat"].check_access_rights("read")
        self.env.cr.execute("""
            SELECT coalesce(sum(visits), 0) FROM (
                SELECT visits FROM coop_website_visit_stat
                 WHERE day BETWEEN %(from)s AND %(to)s
                   AND day NOT IN (SELECT DISTINCT day FROM coop_website_visit_hit)
                UNION ALL
                SELECT count(DISTINCT visitor_hash) FROM coop_website_visit_hit
                 WHERE day BETWEEN %(from)s AND %(to)s GROUP BY day) figures
        """, {"from": date_from, "to": date_to})
        return self.env.cr.fetchone()[0]

    def _page_views(self, where, params, group):
        self.env["coop.website.page.stat"].check_access_rights("read")
        self.env.cr.execute("""
            SELECT {group}, sum(views) FROM (
                SELECT section, page_key, res_model, res_id, views FROM coop_website_page_stat
                 WHERE day BETWEEN %(from)s AND %(to)s
                   AND day NOT IN (SELECT DISTINCT day FROM coop_website_visit_hit)
                UNION ALL
                SELECT section, page_key, res_model, res_id, 1 FROM coop_website_visit_hit
                 WHERE day BETWEEN %(from)s AND %(to)s) figures
             WHERE {where} GROUP BY {group}
        """.format(group=group, where=where), params)  # group/where: constants of this file
        return dict(self.env.cr.fetchall())

    @api.model
    def views_per_section(self, date_from, date_to):
        """{section: unique page views} between two dates, included."""
        return self._page_views("TRUE", {"from": date_from, "to": date_to}, "section")

    @api.model
    def views_per_page(self, date_from, date_to):
        """{page key: unique page views} between two dates, included."""
        return self._page_views("TRUE", {"from": date_from, "to": date_to}, "page_key")

    @api.model
    def views_per_record(self, res_model, res_ids, date_from="1900-01-01", date_to="9999-12-31"):
        """{record id: unique page views} of records of res_model."""
        if not res_ids:
            return {}
        return self._page_views("res_model = %(model)s AND res_id IN %(ids)s",
                                {"from": date_from, "to": date_to, "model": res_model,
                                 "ids": tuple(res_ids)}, "res_id")

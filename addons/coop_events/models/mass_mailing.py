# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class MassMailing(models.Model):
    _inherit = "mail.mass_mailing"

    coop_mailing_kind = fields.Selection(
        selection=[("newsletter", "Newsletter"), ("flash", "News flash")],
        string="Coopkracht kind", index=True,
        help="Newsletter or short news flash, counted in the yearly figures.")

    @api.model
    def coop_year_figures(self, year):
        """Newsletters and news flashes sent in a year, from Odoo's mass mailing statistics
        (one grouped query): per kind the number of mailings, the e-mails sent, the distinct
        recipients and the open rate (opened / sent, in %, one decimal)."""
        year = int(year)
        self.env.cr.execute("""
            SELECT m.coop_mailing_kind,
                   COUNT(DISTINCT m.id),
                   COUNT(s.id) FILTER (WHERE s.sent IS NOT NULL),
                   COUNT(s.id) FILTER (WHERE s.opened IS NOT NULL),
                   COUNT(DISTINCT (s.model, s.res_id)) FILTER (WHERE s.sent IS NOT NULL)
              FROM mail_mass_mailing m
              LEFT JOIN mail_mail_statistics s ON s.mass_mailing_id = m.id
             WHERE m.coop_mailing_kind IS NOT NULL
               AND m.sent_date >= %s AND m.sent_date < %s
             GROUP BY ROLLUP (m.coop_mailing_kind)""",
                            ("%04d-01-01" % year, "%04d-01-01" % (year + 1)))
        empty = {"mailings": 0, "sent": 0, "opened": 0, "recipients": 0, "open_rate": 0.0}
        result = {"newsletter": dict(empty), "flash": dict(empty), "total": dict(empty)}
        for kind, mailings, sent, opened, recipients in self.env.cr.fetchall():
            result[kind or "total"] = {
                "mailings": mailings, "sent": sent, "opened": opened, "recipients": recipients,
                "open_rate": round(100.0 * opened / sent, 1) if sent else 0.0,
            }
        result["year"] = year
        return result

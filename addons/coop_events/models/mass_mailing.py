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

    @api.model
    def _coop_demo_load_statistics(self, list_xmlid, mailing_xmlids, contacts, opened):
        """Demo data only: fill the contacts list with `contacts` addresses and give each
        mailing one sent statistic per contact, `opened[i]` of them opened (three
        parameterised inserts; thousands of ORM creates would slow the demo install)."""
        mailing_list = self.env.ref(list_xmlid)
        cr = self.env.cr
        cr.execute("""
            INSERT INTO mail_mass_mailing_contact
                   (name, email, opt_out, message_bounce, create_date, write_date,
                    create_uid, write_uid)
            SELECT 'Contact ' || n, 'contact' || n || '@demo.coopkracht.be', false, 0,
                   now() at time zone 'UTC', now() at time zone 'UTC', %s, %s
              FROM generate_series(1, %s) AS n
            RETURNING id""", (self.env.uid, self.env.uid, contacts))
        contact_ids = sorted(row[0] for row in cr.fetchall())
        cr.execute("""
            INSERT INTO mail_mass_mailing_contact_list_rel (contact_id, list_id)
            SELECT unnest(%s::int[]), %s""", (contact_ids, mailing_list.id))
        for xmlid, opened_count in zip(mailing_xmlids, opened):
            mailing = self.env.ref(xmlid)
            mailing.contact_list_ids = [(4, mailing_list.id)]
            cr.execute("""
                INSERT INTO mail_mail_statistics
                       (mass_mailing_id, model, res_id, scheduled, sent, opened,
                        create_date, write_date, create_uid, write_uid)
                SELECT %s, 'mail.mass_mailing.contact', c.id, %s, %s,
                       CASE WHEN c.rank <= %s THEN %s::timestamp + interval '3 hours' END,
                       now() at time zone 'UTC', now() at time zone 'UTC', %s, %s
                  FROM (SELECT id, row_number() OVER (ORDER BY random()) AS rank
                          FROM unnest(%s::int[]) AS id) AS c""",
                       (mailing.id, mailing.sent_date, mailing.sent_date, opened_count,
                        mailing.sent_date, self.env.uid, self.env.uid, contact_ids))
        self.invalidate_cache()
        return True

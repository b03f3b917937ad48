# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.coop_website.tools.sharing import absolute_image_url, absolute_url

MAILING_GROUP = "mass_mailing.group_mass_mailing_user"


class MassMailing(models.Model):
    _inherit = "mail.mass_mailing"

    coop_mailing_kind = fields.Selection(
        selection=[("newsletter", "Newsletter"), ("flash", "News flash")],
        string="Coopkracht kind", index=True,
        help="Newsletter or short news flash, counted in the yearly figures.")

    @api.model
    def _coop_articles_lang(self):
        """The language of the article blocks: the site's (the newsletter's readers')."""
        website = self.env["website"].sudo().search([], limit=1)
        return website.default_lang_code or "nl_BE"

    @api.model
    def _coop_article_values(self, posts):
        """What the newsletter shows of each post: title, teaser, image and the post's
        absolute address on the site."""
        base = self.env["website"]._coop_base_url()
        posts = posts.with_context(lang=self._coop_articles_lang())
        return [{
            "title": post.name,
            "teaser": post._coop_teaser(),
            "image": absolute_image_url(base, post._coop_cover_url()) if post._coop_cover_url() else "",
            "url": absolute_url(base, post.website_url),
        } for post in posts]

    @api.multi
    def coop_insert_articles(self, posts):
        """Add a block per post (title, teaser, image, "Lees meer" to the post on the site)
        at the end of the mailing's body. Only the mailing team (mass mailing users) may;
        the posts must be published on the site and the mailing not yet sent."""
        self.ensure_one()
        if not self.env.user.has_group(MAILING_GROUP):
            raise AccessError(_("Only the newsletter team may insert articles into a mailing."))
        if not posts:
            raise UserError(_("Choose at least one article to insert."))
        unpublished = posts.filtered(lambda post: not post.website_published)
        if unpublished:
            raise UserError(_("These articles are not published on the site, publish them "
                              "first: %s") % ", ".join(unpublished.mapped("name")))
        if self.state in ("in_queue", "done"):
            raise UserError(_("This mailing is already being sent or has been sent: its text "
                              "can no longer change."))
        blocks = self.env["ir.ui.view"].with_context(lang=self._coop_articles_lang()).render_template(
            "coop_events.mailing_articles", {"articles": self._coop_article_values(posts)})
        if isinstance(blocks, bytes):
            blocks = blocks.decode("utf-8")
        self.body_html = (self.body_html or "") + blocks
        return True

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

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CoopMailingArticleInsert(models.TransientModel):
    """"Insert articles" on a mailing: the chosen published posts become blocks of its
    body (mail.mass_mailing.coop_insert_articles)."""
    _name = "coop.mailing.article.insert"
    _description = "Insert articles into a mailing"

    mailing_id = fields.Many2one(comodel_name="mail.mass_mailing", string="Mailing",
                                 required=True, ondelete="cascade")
    # the published posts are offered in the form; a field domain would silently drop
    # an unpublished post instead of refusing it
    post_ids = fields.Many2many(comodel_name="blog.post", string="Articles")

    @api.multi
    def action_insert(self):
        self.ensure_one()
        self.mailing_id.coop_insert_articles(self.post_ids)
        return {"type": "ir.actions.act_window_close"}

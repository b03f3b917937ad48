# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, models

from ..tools.sharing import absolute_image_url, absolute_url, plain_text

_logger = logging.getLogger(__name__)

SHARING_LOCALE = "nl_BE"
DEFAULT_SHARING_IMAGE = "/coop_website/static/src/img/coopkracht_share.png"


class Website(models.Model):
    _inherit = "website"

    @api.model
    def _coop_unpublish_odoo_samples(self, model_names):
        """Take Odoo's own sample records (the demo data of Odoo's modules: events in Los
        Angeles, Agrolait, iPads...) off the public website: every published record of
        model_names that an Odoo module (not a coop_* addon) made with noupdate (its demo
        data) is unpublished. Nothing is deleted or archived, so that Odoo's own tests,
        which name these records, keep working. Called from the coop addons' demo data
        (so only once, when the demo is installed); the companies' partners stay as they
        are (Coopkracht's own identity). Returns the number of records unpublished."""
        company_partners = self.env["res.company"].sudo().search([]).mapped("partner_id")
        count = 0
        for model_name in model_names:
            Model = self.env.get(model_name)
            if Model is None or "website_published" not in Model._fields:
                continue
            self.env.cr.execute("""
                SELECT res_id FROM ir_model_data
                 WHERE model = %s AND noupdate AND module NOT LIKE 'coop\\_%%'""",
                                (model_name,))
            ids = {row[0] for row in self.env.cr.fetchall()}
            records = Model.sudo().with_context(active_test=False).search([
                ("id", "in", list(ids)), ("website_published", "=", True)])
            if model_name == "res.partner":
                records -= company_partners
            if records:
                records.write({"website_published": False})
                _logger.info("coop_website: unpublished %d sample records of %s",
                             len(records), model_name)
                count += len(records)
        return count

    @api.model
    def _coop_base_url(self):
        """The site's canonical root, as in the mails (web.base.url), without a slash."""
        return (self.env["ir.config_parameter"].sudo().get_param("web.base.url") or "").rstrip("/")

    @api.model
    def _coop_default_sharing_image(self):
        """The image of a shared page that has none of its own (hook)."""
        return DEFAULT_SHARING_IMAGE

    @api.multi
    def coop_sharing_tags(self, values):
        """The OpenGraph and Twitter-card tags of one public page, as a list of
        (attribute, name, content), from the page's small dict: `title`, `description`
        (HTML or text), `image` (a path or URL, optional), `path` (the page's own address)
        and `type` ('article' or 'website'). Rendered by coop_website.sharing_tags."""
        base = self._coop_base_url()
        site_name = (self[:1].name if self else "") or self.env.user.company_id.name
        title = plain_text(values.get("title") or "", limit=0) or site_name
        description = plain_text(values.get("description") or "") or title
        image = absolute_image_url(base, values.get("image") or self._coop_default_sharing_image())
        url = absolute_url(base, values.get("path") or "/")
        og_type = "article" if values.get("type") == "article" else "website"
        return [
            ("property", "og:type", og_type),
            ("property", "og:title", title),
            ("property", "og:description", description),
            ("property", "og:image", image),
            ("property", "og:url", url),
            ("property", "og:site_name", site_name),
            ("property", "og:locale", SHARING_LOCALE),
            ("name", "twitter:card", "summary_large_image"),
            ("name", "twitter:title", title),
            ("name", "twitter:description", description),
            ("name", "twitter:image", image),
        ]

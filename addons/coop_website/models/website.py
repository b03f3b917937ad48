# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, models

_logger = logging.getLogger(__name__)


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

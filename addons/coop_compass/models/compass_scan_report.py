# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CompassScanReport(models.AbstractModel):
    """The values of the compass report. The scans are checked against the record rules
    before anything is rendered, so that Odoo's own /report/<converter>/... URLs answer a
    clean 403 for someone else's scan (instead of failing halfway through the template)."""
    _name = "report.coop_compass.report_compass_scan"
    _description = "ICA compass report"

    @api.model
    def get_report_values(self, docids, data=None):
        docs = self.env["coop.compass.scan"].browse(docids)
        docs.check_access_rights("read")
        docs.check_access_rule("read")
        return {"doc_ids": docs.ids, "doc_model": docs._name, "docs": docs, "data": data}

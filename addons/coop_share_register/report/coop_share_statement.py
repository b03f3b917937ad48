# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ReportShareholderStatement(models.AbstractModel):
    """A shareholder's yearly statement: positions at the start and the end of the year,
    the year's entries and payments."""

    _name = "report.coop_share_register.report_shareholder_statement"
    _description = "Shareholder yearly statement"

    @api.model
    def get_report_values(self, docids, data=None):
        data = data or {}
        holders = self.env["coop.shareholder"].browse(docids)
        holders.check_access_rule("read")
        year = int(data.get("year") or fields.Date.from_string(
            fields.Date.context_today(self)).year)
        start, end = "%04d-01-01" % year, "%04d-12-31" % year
        before = "%04d-12-31" % (year - 1)
        Position = self.env["coop.share.position"]
        opening, closing = {}, {}
        for holder in holders:
            opening[holder.id] = Position.compute_positions(
                holder.register_id, before, holder_ids=holder.ids)
            closing[holder.id] = Position.compute_positions(
                holder.register_id, end, holder_ids=holder.ids)
        entries = self.env["coop.share.entry"].search([
            "|", ("holder_to_id", "in", holders.ids), ("holder_from_id", "in", holders.ids),
            ("state", "=", "confirmed"), ("date", ">=", start), ("date", "<=", end)],
            order="date, number")
        payments = self.env["coop.share.payment"].search([
            ("holder_id", "in", holders.ids), ("date", ">=", start), ("date", "<=", end)],
            order="date")
        return {
            "doc_ids": docids,
            "doc_model": "coop.shareholder",
            "docs": holders,
            "year": year,
            "opening": opening,
            "closing": closing,
            "entries": entries,
            "payments": payments,
            "classes": self.env["coop.share.class"],
        }

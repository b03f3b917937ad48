# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ReportRegisterExtract(models.AbstractModel):
    """The register as of a date: classes with their rights and totals, and every
    holder's identity and position."""

    _name = "report.coop_share_register.report_register_extract"
    _description = "Share register extract"

    @api.model
    def get_report_values(self, docids, data=None):
        data = data or {}
        registers = self.env["coop.share.register"].browse(docids)
        # the whole register: its staff only (a shareholder may read his register)
        self.env["coop.share.staff.mixin"]._coop_check_staff(registers)
        date = data.get("date") or fields.Date.context_today(self)
        Position = self.env["coop.share.position"]
        lines, totals = {}, {}
        for register in registers:
            holder_ids = data.get("holder_ids") or None
            if data.get("number_from") or data.get("number_to"):
                # one part of a large register
                domain = [("register_id", "=", register.id)]
                if data.get("number_from"):
                    domain.append(("number", ">=", data["number_from"]))
                if data.get("number_to"):
                    domain.append(("number", "<=", data["number_to"]))
                holder_ids = self.env["coop.shareholder"].search(domain).ids or [0]
            positions = Position.compute_positions(register, date, holder_ids=holder_ids)
            holders = self.env["coop.shareholder"].browse(
                sorted({p["holder_id"] for p in positions}))
            by_holder = {}
            for pos in positions:
                by_holder.setdefault(pos["holder_id"], []).append(pos)
            lines[register.id] = [(h, by_holder[h.id]) for h in holders]
            totals[register.id] = Position.compute_class_totals(register, date)
        return {
            "doc_ids": docids,
            "doc_model": "coop.share.register",
            "docs": registers,
            "date": date,
            "lines": lines,
            "totals": totals,
            "classes": self.env["coop.share.class"],
        }


class ReportShareholderCertificate(models.AbstractModel):
    """The shareholder's certificate (bewijs van inschrijving), in the holder's language."""

    _name = "report.coop_share_register.report_shareholder_certificate"
    _description = "Shareholder certificate"

    @api.model
    def get_report_values(self, docids, data=None):
        data = data or {}
        holders = self.env["coop.shareholder"].browse(docids)
        holders.check_access_rule("read")
        date = data.get("date") or fields.Date.context_today(self)
        positions = {}
        for register in holders.mapped("register_id"):
            ids = holders.filtered(lambda h: h.register_id == register).ids
            for pos in self.env["coop.share.position"].compute_positions(
                    register, date, holder_ids=ids):
                positions.setdefault(pos["holder_id"], []).append(pos)
        entries = self.env["coop.share.entry"].search([
            "|", ("holder_to_id", "in", holders.ids), ("holder_from_id", "in", holders.ids),
            ("state", "=", "confirmed"), ("date", "<=", date)], order="date, number")
        return {
            "doc_ids": docids,
            "doc_model": "coop.shareholder",
            "docs": holders,
            "date": date,
            "positions": positions,
            "entries": entries,
            "classes": self.env["coop.share.class"],
        }

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

MAX_YEARS = 10


class CoopYearComparison(models.TransientModel):
    """The annual figures of several years side by side, with the change against the
    year before."""
    _name = "coop.year.comparison"
    _description = "Annual figures compared"

    year_from = fields.Integer(string="From year", required=True,
                               default=lambda self: self._default_year() - 2)
    year_to = fields.Integer(string="To year", required=True, default=lambda self: self._default_year())
    comparison_html = fields.Html(string="Comparison", readonly=True, sanitize=False)

    @api.model
    def _default_year(self):
        return fields.Date.from_string(fields.Date.context_today(self)).year - 1

    @api.multi
    def _get_years(self):
        self.ensure_one()
        if self.year_from > self.year_to:
            raise UserError(_("The first year must come before the last year."))
        if self.year_to - self.year_from + 1 > MAX_YEARS:
            raise UserError(_("Compare at most %d years.") % MAX_YEARS)
        return list(range(self.year_from, self.year_to + 1))

    @api.model
    def _comparison(self, years):
        """Rows {section, label, values: [(value, change, change_pct)]} of the numeric
        figures of years; change is against the previous year in the list."""
        figures = self.env["coop.year.figures"]
        by_year = {}
        order = []
        for year in years:
            for row in figures._collect(year):
                if row["kind"] == "text":
                    continue
                ident = (row["section_key"], row["key"])
                if ident not in by_year:
                    by_year[ident] = {"section": row["section"], "label": row["label"], "kind": row["kind"],
                                      "values": {}}
                    order.append(ident)
                by_year[ident]["values"][year] = row["value"]
        rows = []
        for ident in order:
            data = by_year[ident]
            cells, previous = [], None
            for year in years:
                value = data["values"].get(year)
                change = change_pct = None
                if value is not None and previous is not None:
                    change = value - previous
                    change_pct = 100.0 * change / previous if previous else None
                cells.append({"value": value, "change": change, "change_pct": change_pct,
                              "change_text": self._change_text(change, change_pct)})
                previous = value
            rows.append({"section": data["section"], "label": data["label"], "kind": data["kind"],
                         "cells": cells})
        return rows

    @api.model
    def _change_text(self, change, change_pct):
        if change is None:
            return ""
        text = ("%+.2f" % change).rstrip("0").rstrip(".").replace(".", ",")
        if change_pct is not None:
            text += " (%s %%)" % ("%+.1f" % change_pct).replace(".", ",")
        return text

    @api.multi
    def action_compute(self):
        self.ensure_one()
        years = self._get_years()
        rows = self._comparison(years)
        figures = self.env["coop.year.figures"]
        self.comparison_html = self.env["ir.qweb"].render("coop_reporting.year_comparison_table", {
            "years": years, "rows": rows,
            "fmt": lambda value, kind: figures._format_value(value, kind) if value is not None else "",
        }).decode("utf-8")
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import calendar
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.coop_accounting_export import PERIOD_TYPES

MONTHS = [(str(m), str(m)) for m in range(1, 13)]
QUARTERS = [("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")]


class CoopAccountingExportWizard(models.TransientModel):
    _name = "coop.accounting.export.wizard"
    _description = "Make an accounting export"

    period_type = fields.Selection(selection=PERIOD_TYPES, string="Period", required=True, default="month")
    year = fields.Integer(required=True, default=lambda self: self._default_year())
    month = fields.Selection(selection=MONTHS, default=lambda self: self._default_month())
    quarter = fields.Selection(selection=QUARTERS)
    date_from = fields.Date()
    date_to = fields.Date()
    journal_ids = fields.Many2many(
        comodel_name="account.journal", string="Journals", required=True,
        default=lambda self: self._default_journal_ids())
    check_result = fields.Text(readonly=True)

    @api.model
    def _default_year(self):
        return fields.Date.from_string(fields.Date.context_today(self)).year

    @api.model
    def _default_month(self):
        return str(fields.Date.from_string(fields.Date.context_today(self)).month)

    @api.model
    def _default_journal_ids(self):
        return self.env["account.journal"].search([("company_id", "=", self.env.user.company_id.id)])

    @api.model
    def _check_access(self):
        """Transient models have no access rules in 11.0: the group is checked here."""
        if not self.env.user.has_group("coop_reporting.group_accounting_export"):
            raise AccessError(_("Only users of the group 'Accountant export' may export the accounting."))

    @api.multi
    def _get_period(self):
        """(date_from, date_to) as date strings for the chosen period."""
        self.ensure_one()
        if self.period_type == "custom":
            if not self.date_from or not self.date_to:
                raise UserError(_("Give a start and an end date."))
            if self.date_from > self.date_to:
                raise UserError(_("The start date must be before the end date."))
            return self.date_from, self.date_to
        if not 1900 < self.year < 3000:
            raise UserError(_("Give a valid year."))
        if self.period_type == "year":
            first, last = 1, 12
        elif self.period_type == "quarter":
            if not self.quarter:
                raise UserError(_("Choose a quarter."))
            first = 3 * int(self.quarter) - 2
            last = first + 2
        else:
            if not self.month:
                raise UserError(_("Choose a month."))
            first = last = int(self.month)
        start = datetime.date(self.year, first, 1)
        end = datetime.date(self.year, last, calendar.monthrange(self.year, last)[1])
        return fields.Date.to_string(start), fields.Date.to_string(end)

    @api.multi
    def action_check(self):
        """Run the checks only and show their result in the wizard."""
        self.ensure_one()
        self._check_access()
        date_from, date_to = self._get_period()
        problems = self.env["coop.accounting.export"]._check_problems(
            self.env.user.company_id, date_from, date_to, self.journal_ids)
        self.check_result = "\n\n".join(problems) if problems else _("No problems found: the period can be exported.")
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    @api.multi
    def action_export(self):
        """Make the export and open it."""
        self.ensure_one()
        self._check_access()
        date_from, date_to = self._get_period()
        export = self.env["coop.accounting.export"].create_export(
            self.period_type, date_from, date_to, self.journal_ids)
        return {
            "type": "ir.actions.act_window",
            "res_model": export._name,
            "res_id": export.id,
            "view_mode": "form",
            "target": "current",
        }

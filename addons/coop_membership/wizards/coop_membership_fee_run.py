# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError


# namespace of the advisory lock of the yearly fee run (the year is the second key)
FEE_RUN_LOCK = 726301


class CoopMembershipFeeRun(models.TransientModel):
    """Create the yearly fee invoices: one per member, once per year."""

    _name = "coop.membership.fee.run"
    _description = "Yearly membership fee run"

    year = fields.Integer(required=True, default=lambda self: fields.Date.from_string(
        fields.Date.context_today(self)).year)
    post = fields.Boolean(string="Validate the invoices",
                          help="Validate (post) the invoices at once; otherwise they stay draft.")
    invoice_count = fields.Integer(string="Invoices created", readonly=True)

    @api.model
    def create(self, vals):
        if not self.env.user.has_group("coop_website.group_coop_manager"):
            raise AccessError(_("Only Coopkracht's manager runs the yearly fees."))
        return super().create(vals)

    @api.model
    def _members_for_year(self, year):
        """Organisations that are members during (part of) year."""
        start, end = "%04d-01-01" % year, "%04d-12-31" % year
        return self.env["res.partner"].search([
            ("is_company", "=", True), ("coop_membership_state", "=", "member"),
            ("coop_join_date", "!=", False), ("coop_join_date", "<=", end),
            "|", ("coop_leave_date", "=", False), ("coop_leave_date", ">=", start),
        ])

    @api.multi
    def _lock_year(self):
        """One fee run per year at a time: a transaction-level advisory lock on the year,
        released at commit or rollback. A second run meanwhile stops at once with a clear
        message (before, both inserted invoices and the second died of a serialization
        failure that Odoo's retry could not recover from)."""
        self.ensure_one()
        self.env.cr.execute("SELECT pg_try_advisory_xact_lock(%s, %s)",
                            (FEE_RUN_LOCK, self.year))
        if not self.env.cr.fetchone()[0]:
            raise UserError(_("A fee run for %s is in progress. Wait until it has finished; "
                              "running it again afterwards creates only what is missing.")
                            % self.year)
        return True

    @api.multi
    def action_run(self):
        self.ensure_one()
        if self.year < 2000 or self.year > 2100:
            raise UserError(_("Choose a calendar year between 2000 and 2100."))
        if not self.env["coop.membership.category"].search_count([]):
            raise UserError(_("There is no fee category: create the fee categories before "
                              "running the yearly fees."))
        self._lock_year()
        members = self._members_for_year(self.year)
        missing = members.filtered(lambda m: not m.coop_category_id)
        if missing:
            raise UserError(_("These members have no fee category: %s. Set their category "
                              "first; no invoice was created.")
                            % ", ".join(missing.mapped("name")))
        invoices = self.env["account.invoice"]
        # the manager's rights were checked by the access rules on this wizard
        for member in members.sudo():
            invoices |= member._coop_create_fee_invoice(self.year, post=self.post)
        self.invoice_count = len(invoices)
        return {
            "type": "ir.actions.act_window",
            "name": _("Fee invoices %s") % self.year,
            "res_model": "account.invoice",
            "view_mode": "tree,form",
            "views": [(self.env.ref("account.invoice_tree").id, "tree"),
                      (self.env.ref("account.invoice_form").id, "form")],
            "domain": [("coop_fee_year", "=", self.year), ("type", "=", "out_invoice")],
            "context": {"type": "out_invoice"},
        }

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class CoopShareBillingRun(models.Model):
    """Coopkracht's yearly billing of the DAR: one invoice per client cooperative served
    that year (base price plus the band price of its number of shareholders). Running it
    again invoices only the clients not invoiced yet for that year."""

    _name = "coop.share.billing.run"
    _description = "Yearly DAR billing"
    _inherit = ["mail.thread"]
    _order = "year desc"

    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.from_string(fields.Date.context_today(self)).year)
    date_ref = fields.Date(
        string="Shareholders counted on",
        help="The clients' shareholders are counted on this date (default: 1 January of "
             "the year).")
    date_invoice = fields.Date(string="Invoice date", default=fields.Date.context_today)
    post = fields.Boolean(string="Validate the invoices",
                          help="Validate the invoices at once; otherwise they stay drafts.")
    state = fields.Selection(selection=[("draft", "Draft"), ("done", "Invoiced")],
                             required=True, default="draft", readonly=True, copy=False,
                             track_visibility="onchange")
    line_ids = fields.One2many(comodel_name="coop.share.billing.line", inverse_name="run_id",
                               string="Clients billed", readonly=True)
    invoice_count = fields.Integer(compute="_compute_totals")
    amount_total = fields.Float(compute="_compute_totals", string="Total billed")

    _sql_constraints = [
        ("year_unique", "UNIQUE(year)", "There is one DAR billing run per year."),
    ]

    @api.multi
    def name_get(self):
        return [(run.id, _("DAR billing %s") % run.year) for run in self]

    @api.multi
    def _compute_totals(self):
        if not self.ids:
            return
        data = self.env["coop.share.billing.line"].read_group(
            [("run_id", "in", self.ids)], ["run_id", "amount"], ["run_id"])
        totals = {d["run_id"][0]: d for d in data}
        for run in self:
            run.invoice_count = totals.get(run.id, {}).get("run_id_count", 0)
            run.amount_total = totals.get(run.id, {}).get("amount", 0.0)

    @api.model
    def create(self, vals):
        if self.search_count([("year", "=", vals.get("year"))]):
            raise ValidationError(_("There is already a DAR billing run for %s: run that one "
                                    "again to invoice new clients.") % vals.get("year"))
        return super().create(vals)

    @api.multi
    def unlink(self):
        if self:
            raise UserError(_("A DAR billing run is never deleted."))
        return super().unlink()

    @api.model
    def _served_domain(self, year):
        """The registers served at some time in year, archived ones too."""
        return [
            ("service_start", "<=", "%04d-12-31" % year),
            "|", ("service_end", "=", False), ("service_end", ">=", "%04d-01-01" % year),
            "|", ("active", "=", True), ("active", "=", False),
        ]

    @api.model
    def shareholder_counts(self, registers, date):
        """{register id: number of holders holding shares on date}, in one query."""
        self.env.cr.execute("""
            SELECT register_id, COUNT(*) FROM (
                SELECT register_id, holder_id FROM coop_share_movement
                 WHERE register_id = ANY(%s) AND date <= %s
                 GROUP BY register_id, holder_id HAVING SUM(qty) > 0) held
             GROUP BY register_id""", (registers.ids, date))
        return dict(self.env.cr.fetchall())

    @api.multi
    def action_run(self):
        """Invoice the DAR fee of every client served in the year and not invoiced yet.
        Every price is found before the first invoice is made: a client without a
        tariff or band stops the run with nothing written."""
        if not self.env.user.has_group("coop_share_register.group_dar_admin"):
            raise AccessError(_("Only a DAR administrator bills the DAR."))
        for run in self:
            run._run_one()
        return True

    @api.multi
    def _run_one(self):
        self.ensure_one()
        # one run at a time per year: a second run waits here and then finds the invoices
        self.env.cr.execute("SELECT id FROM coop_share_billing_run WHERE id = %s FOR UPDATE",
                            (self.id,))
        Register = self.env["coop.share.register"]
        billed = self.env["coop.share.billing.line"].search([("year", "=", self.year)])
        registers = Register.search(self._served_domain(self.year)) - billed.mapped(
            "register_id")
        date_ref = self.date_ref or fields.Date.to_string(datetime.date(self.year, 1, 1))
        counts = self.shareholder_counts(registers, date_ref)
        Tariff = self.env["coop.share.billing.tariff"]
        plans = []
        for register in registers:
            tariff = Tariff.find(register.service_mode, self.year)
            holders = counts.get(register.id, 0)
            band, amount = tariff.price_for(holders)
            plans.append((register, tariff, band, holders, amount))
        for register, tariff, band, holders, amount in plans:
            invoice = self._create_invoice(register, tariff, holders, amount)
            self.env["coop.share.billing.line"].create({
                "run_id": self.id, "year": self.year, "register_id": register.id,
                "service_mode": register.service_mode, "shareholder_count": holders,
                "tariff_id": tariff.id, "band_id": band.id, "amount": amount,
                "invoice_id": invoice.id,
            })
        self.write({"state": "done", "date_ref": date_ref})
        self.message_post(body=_("%s clients invoiced.") % len(plans))

    @api.multi
    def _billing_partner(self, register):
        """The partner the DAR fee of register is invoiced to (a hook): the cooperative."""
        return register.partner_id

    @api.multi
    def _fee_line_name(self, register, holders):
        """The invoice line's text, in the language of self's context (the client's)."""
        return _("DAR service %(year)s for %(client)s: %(count)s shareholders") % {
            "year": self.year, "client": register.name, "count": holders}

    @api.multi
    def _create_invoice(self, register, tariff, holders, amount):
        """The DAR fee invoice of register, with a Belgian structured communication, in
        the cooperative's language."""
        self.ensure_one()
        partner = self._billing_partner(register)
        lang = partner.lang or "en_US"
        Invoice = self.env["account.invoice"].with_context(lang=lang)
        invoice = Invoice.create({
            "partner_id": partner.id,
            "type": "out_invoice",
            "date_invoice": self.date_invoice or fields.Date.context_today(self),
            "coop_dar_register_id": register.id,
            "coop_dar_year": self.year,
            "reference_type": "bba",
            "reference": Invoice.generate_bbacomm(
                "out_invoice", "bba", partner.id, "")["value"]["reference"],
        })
        product = tariff.product_id
        fpos = invoice.fiscal_position_id
        account = product.product_tmpl_id.get_product_accounts(fpos)["income"]
        if not account:
            raise UserError(_("The DAR fee product %s has no income account.")
                            % product.display_name)
        taxes = product.taxes_id.filtered(lambda t: t.company_id == invoice.company_id)
        self.env["account.invoice.line"].with_context(lang=lang).create({
            "invoice_id": invoice.id,
            "product_id": product.id,
            "name": self.with_context(lang=lang)._fee_line_name(register, holders),
            "quantity": 1,
            "price_unit": amount,
            "account_id": account.id,
            "invoice_line_tax_ids": [(6, 0, fpos.map_tax(taxes).ids)],
        })
        invoice.compute_taxes()
        if self.post:
            invoice.action_invoice_open()
        return invoice

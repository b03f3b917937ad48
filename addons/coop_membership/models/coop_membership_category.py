# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CoopMembershipCategory(models.Model):
    """A fee category ("Kleine organisatie", "Grote organisatie"). Each category is
    invoiced through an Odoo membership product, so that Odoo's membership lines
    follow the invoices' payment state."""

    _name = "coop.membership.category"
    _description = "Membership fee category"
    _order = "sequence, fee"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    size = fields.Selection(
        selection=[("small", "Small organisation"), ("large", "Large organisation")],
        required=True, default="small",
        help="Which organisations fall into this category; the thresholds are in the settings.")
    fee = fields.Float(string="Yearly fee", required=True, digits=(16, 2))
    currency_id = fields.Many2one(
        comodel_name="res.currency", default=lambda self: self.env.user.company_id.currency_id)
    product_id = fields.Many2one(
        comodel_name="product.product", string="Membership product", ondelete="restrict",
        domain=[("membership", "=", True)],
        help="The membership product used on the fee invoices; created automatically when empty.")
    partner_count = fields.Integer(compute="_compute_partner_count", string="Members")

    _sql_constraints = [
        ("fee_positive", "check(fee >= 0)", "The yearly fee cannot be negative."),
    ]

    @api.multi
    def _compute_partner_count(self):
        data = self.env["res.partner"].read_group(
            [("coop_category_id", "in", self.ids), ("coop_membership_state", "=", "member")],
            ["coop_category_id"], ["coop_category_id"])
        counts = {d["coop_category_id"][0]: d["coop_category_id_count"] for d in data}
        for category in self:
            category.partner_count = counts.get(category.id, 0)

    @api.constrains("product_id")
    def _check_product_membership(self):
        for category in self:
            if category.product_id and not category.product_id.membership:
                raise ValidationError(_("The product of a fee category must be a membership product."))

    @api.model
    def create(self, vals):
        category = super().create(vals)
        if not category.product_id:
            category.product_id = self.env["product.product"].sudo().create(
                category._prepare_product_values()).id
        return category

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        if "fee" in vals:
            for category in self.filtered("product_id"):
                category.product_id.sudo().list_price = category.fee
        return res

    @api.multi
    def _prepare_product_values(self):
        self.ensure_one()
        return {
            "name": self.with_context(lang="en_US").name,
            "membership": True,
            "type": "service",
            "list_price": self.fee,
            "sale_ok": True,
            "purchase_ok": False,
            "taxes_id": [(5, 0, 0)],
        }

    @api.model
    def _suggest_for_partner(self, partner):
        """The category a partner belongs in by the thresholds in the settings."""
        params = self.env["ir.config_parameter"].sudo()
        employees = int(params.get_param("coop_membership.large_employee_threshold", 10))
        turnover = float(params.get_param("coop_membership.large_turnover_threshold", 1000000))
        size = "small"
        if (employees and partner.coop_employee_count >= employees) or (
                turnover and partner.coop_turnover >= turnover):
            size = "large"
        return self.search([("size", "=", size)], limit=1)

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CoopSharePayment(models.Model):
    """A payment (storting) on the shares of a subscription: partial payments are common."""

    _name = "coop.share.payment"
    _description = "Payment on shares"
    _order = "date desc, id desc"

    entry_id = fields.Many2one(
        comodel_name="coop.share.entry", string="Subscription", required=True,
        ondelete="restrict", index=True, domain=[("entry_type", "=", "subscription")])
    register_id = fields.Many2one(
        related="entry_id.register_id", store=True, index=True, readonly=True)
    holder_id = fields.Many2one(
        related="entry_id.holder_to_id", store=True, index=True, readonly=True,
        string="Holder")
    date = fields.Date(required=True, default=fields.Date.context_today)
    amount = fields.Monetary(currency_field="currency_id", required=True)
    currency_id = fields.Many2one(related="entry_id.currency_id", readonly=True)
    note = fields.Char()

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "A payment must be a positive amount."),
    ]

    @api.constrains("amount", "entry_id", "date")
    def _check_payment(self):
        today = fields.Date.context_today(self)
        for payment in self:
            entry = payment.entry_id
            if entry.entry_type != "subscription" or entry.state == "cancel":
                raise ValidationError(_("Payments are registered against a subscription "
                                        "that is not cancelled."))
            if payment.amount <= 0:
                raise ValidationError(_("A payment must be a positive amount."))
            if payment.date > today:
                raise ValidationError(_("A payment cannot be dated in the future."))
            paid = sum(entry.payment_ids.mapped("amount"))
            if paid > entry.nominal_amount + 0.005:
                raise ValidationError(_(
                    "The payments on %(entry)s (%(paid).2f) would exceed the nominal amount "
                    "of the subscription (%(nominal).2f).") % {
                        "entry": entry.name, "paid": paid, "nominal": entry.nominal_amount})

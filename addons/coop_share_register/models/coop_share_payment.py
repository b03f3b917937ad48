# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .append_only import protect_rows

# The columns of a registered payment: never changed (ORM and trigger), like the entries.
PAYMENT_COLUMNS = ("entry_id", "register_id", "date", "amount", "reversed_payment_id",
                   "note")


class CoopSharePayment(models.Model):
    """A payment (storting) on the shares of a subscription: partial payments are common.

    Payments are part of the register: append-only like the entries. A registered payment
    is never edited or deleted; a mistake is undone by a new reversing line (the negative
    amount, linked to the payment it reverses)."""

    _name = "coop.share.payment"
    _inherit = ["coop.share.register.record"]
    _description = "Payment on shares"
    _order = "date desc, id desc"
    _coop_register_parent = "entry_id"

    entry_id = fields.Many2one(
        comodel_name="coop.share.entry", string="Subscription", required=True,
        ondelete="restrict", index=True, domain=[("entry_type", "=", "subscription")])
    # set from the subscription at creation (not a related field: the record rules read
    # it while the new row's constraints are checked, before related fields are computed)
    register_id = fields.Many2one(required=False, readonly=True)
    holder_id = fields.Many2one(
        related="entry_id.holder_to_id", store=True, index=True, readonly=True,
        string="Holder")
    date = fields.Date(required=True, default=fields.Date.context_today)
    amount = fields.Monetary(currency_field="currency_id", required=True)
    currency_id = fields.Many2one(related="entry_id.currency_id", readonly=True)
    note = fields.Char()
    reversed_payment_id = fields.Many2one(
        comodel_name="coop.share.payment", string="Reverses payment", ondelete="restrict",
        readonly=True, copy=False,
        help="A reversing line undoes this payment (a payment is never edited or deleted).")
    reversal_ids = fields.One2many(
        comodel_name="coop.share.payment", inverse_name="reversed_payment_id",
        string="Reversed by", readonly=True)

    _sql_constraints = [
        ("amount_positive",
         "CHECK((reversed_payment_id IS NULL AND amount > 0) OR "
         "(reversed_payment_id IS NOT NULL AND amount < 0))",
         "A payment must be a positive amount (only a reversing line is negative)."),
        ("reversed_once", "UNIQUE(reversed_payment_id)",
         "A payment can be reversed only once."),
    ]

    @api.constrains("amount", "entry_id", "date", "reversed_payment_id")
    def _check_payment(self):
        today = fields.Date.context_today(self)
        for payment in self:
            entry = payment.entry_id
            if entry.entry_type != "subscription" or entry.state == "cancel":
                raise ValidationError(_("Payments are registered against a subscription "
                                        "that is not cancelled."))
            reversed_payment = payment.reversed_payment_id
            if reversed_payment:
                if reversed_payment.reversed_payment_id:
                    raise ValidationError(_("A reversing line cannot be reversed; register "
                                            "the payment again instead."))
                if reversed_payment.entry_id != entry or \
                        abs(payment.amount + reversed_payment.amount) > 0.005:
                    raise ValidationError(_("A reversing line has the opposite amount of "
                                            "the payment it reverses, on the same "
                                            "subscription."))
            elif payment.amount <= 0:
                raise ValidationError(_("A payment must be a positive amount."))
            if payment.date > today:
                raise ValidationError(_("A payment cannot be dated in the future."))
            self.env.cr.execute("SELECT COALESCE(SUM(amount), 0) FROM coop_share_payment "
                                "WHERE entry_id = %s", (entry.id,))
            paid = self.env.cr.fetchone()[0]
            if paid > entry.nominal_amount + 0.005:
                raise ValidationError(_(
                    "The payments on %(entry)s (%(paid).2f) would exceed the nominal amount "
                    "of the subscription (%(nominal).2f).") % {
                        "entry": entry.name, "paid": paid, "nominal": entry.nominal_amount})

    @api.model
    def _check_manager(self):
        if not self.env.user.has_group("coop_share_register.group_dar_manager"):
            raise AccessError(_("Only a register manager can register payments."))

    @api.model
    def create(self, vals):
        """A register manager registers payments on the subscriptions of his own
        registers (the record rules decide which); viewers and the helpdesk do not."""
        self._check_manager()
        if vals.get("entry_id"):
            entry = self.env["coop.share.entry"].browse(vals["entry_id"])
            entry.check_access_rights("read")
            entry.check_access_rule("read")
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if set(vals) & set(PAYMENT_COLUMNS):
            raise UserError(_("A registered payment is never changed: register a reversing "
                              "line and, if needed, the right payment."))
        return super().write(vals)

    @api.multi
    def unlink(self):
        if self:
            raise UserError(_("A registered payment is never deleted: register a reversing "
                              "line instead."))
        return super().unlink()

    @api.multi
    def action_reverse(self, date=None, note=None):
        """Undo this payment by a new reversing line (negative amount)."""
        self.ensure_one()
        self._check_manager()
        self.check_access_rule("read")
        if self.reversed_payment_id or self.reversal_ids:
            raise UserError(_("This payment is a reversing line or has already been "
                              "reversed."))
        return self.create({
            "entry_id": self.entry_id.id, "amount": -self.amount,
            "reversed_payment_id": self.id,
            "date": date or fields.Date.context_today(self),
            "note": note or _("Reverses the payment of %s") % self.date,
        })

    @api.model_cr
    def init(self):
        """In the database too: a payment's columns never change and no payment is
        deleted (not even through the ORM cursor)."""
        protect_rows(self.env.cr, "coop_share_payment", PAYMENT_COLUMNS, "is registered")

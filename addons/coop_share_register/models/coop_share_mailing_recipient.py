# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CoopShareMailingRecipient(models.Model):
    """One shareholder in the recipient list of a mailing, with the values the mail shows
    (position as of the mailing's date), written once when the mailing is sent. It is the
    record the mass mailing renders each mail on (`object` in the text)."""

    _name = "coop.share.mailing.recipient"
    _description = "Recipient of a shareholder mailing"
    _inherit = ["coop.share.register.record", "mail.thread"]
    _order = "mailing_id, id"

    mailing_id = fields.Many2one(
        comodel_name="coop.share.mailing", string="Mailing", required=True, index=True,
        ondelete="cascade", readonly=True)
    register_id = fields.Many2one(readonly=True)
    holder_id = fields.Many2one(
        comodel_name="coop.shareholder", string="Shareholder", required=True, index=True,
        ondelete="restrict", readonly=True)
    email = fields.Char(readonly=True)
    lang_group = fields.Selection(
        selection=[("nl", "Dutch"), ("fr", "French"), ("en", "English")],
        string="Language", readonly=True)
    batch = fields.Integer(readonly=True, index=True)
    currency_id = fields.Many2one(related="register_id.currency_id", readonly=True)
    shares = fields.Integer(readonly=True)
    nominal = fields.Monetary(currency_field="currency_id", readonly=True)
    paid = fields.Monetary(currency_field="currency_id", readonly=True)
    unpaid = fields.Monetary(currency_field="currency_id", readonly=True)
    amount = fields.Monetary(
        currency_field="currency_id", readonly=True,
        help="An amount for this shareholder that the mail shows (e.g. a dividend).")
    message_bounce = fields.Integer(string="Bounces", readonly=True)

    _sql_constraints = [
        ("holder_unique", "UNIQUE(mailing_id, holder_id)",
         "A shareholder is only once among the recipients of a mailing."),
    ]

    @api.multi
    def message_get_default_recipients(self, res_model=None, res_ids=None):
        """The mail goes to the address written in the recipient list."""
        records = self.browse(res_ids) if res_ids else self
        return {r.id: {"partner_ids": [], "email_to": r.email, "email_cc": False}
                for r in records.sudo()}

    @api.multi
    def fmt(self, amount):
        """An amount as Belgians write it in the three languages: 1.234,50 EUR."""
        text = "{:,.2f}".format(amount or 0.0).replace(",", " ").replace(".", ",")
        return "%s %s" % (text.replace(" ", "."), self.currency_id.name or "EUR")

    @api.model
    def fmt_datetime(self, value):
        """A date and time (UTC in the database) as dd/mm/yyyy HH:MM in Brussels."""
        if not value:
            return ""
        moment = fields.Datetime.context_timestamp(
            self.with_context(tz="Europe/Brussels"), fields.Datetime.from_string(value))
        return moment.strftime("%d/%m/%Y %H:%M")

    @api.model
    def fmt_date(self, value):
        """A date as dd/mm/yyyy."""
        if not value:
            return ""
        return fields.Date.from_string(value).strftime("%d/%m/%Y")

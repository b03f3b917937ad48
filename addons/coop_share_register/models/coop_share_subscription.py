# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hashlib
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.coop_website.tools.validators import (
    is_valid_iban, normalise_iban, structured_communication)


class CoopShareRegister(models.Model):
    _inherit = "coop.share.register"  # pylint: disable=consider-merging-classes-inherited

    slug = fields.Char(
        string="Web name", copy=False, index=True,
        help="The cooperative's part of the subscription address: "
             "/aandelen/<web name>/intekenen (lower case letters, digits and dashes).")
    subscription_open = fields.Boolean(
        string="Online subscription open",
        help="The public subscription form of this cooperative accepts subscriptions.")
    bank_iban = fields.Char(
        string="Bank account (IBAN)", help="The account on which subscribers pay.")
    bank_bic = fields.Char(string="BIC")
    articles_url = fields.Char(string="Articles of association (link)")
    info_note_url = fields.Char(string="Information note (link)")

    _sql_constraints = [
        ("slug_unique", "UNIQUE(slug)", "The web name of a register must be unique."),
    ]

    @api.constrains("slug")
    def _check_slug(self):
        allowed = set("abcdefghijklmnopqrstuvwxyz0123456789-")
        for register in self:
            if register.slug and not set(register.slug) <= allowed:
                raise ValidationError(_("A web name only has lower case letters, digits "
                                        "and dashes."))

    @api.constrains("bank_iban", "subscription_open", "slug")
    def _check_subscription_settings(self):
        for register in self:
            if register.bank_iban and not is_valid_iban(register.bank_iban):
                raise ValidationError(_("%s is not a valid IBAN.") % register.bank_iban)
            if register.subscription_open and not (register.slug and register.bank_iban):
                raise ValidationError(_("Online subscription needs a web name and the "
                                        "cooperative's bank account."))

    @api.model
    def create(self, vals):
        if vals.get("bank_iban"):
            vals = dict(vals, bank_iban=normalise_iban(vals["bank_iban"]) or vals["bank_iban"])
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if vals.get("bank_iban"):
            vals = dict(vals, bank_iban=normalise_iban(vals["bank_iban"]) or vals["bank_iban"])
        return super().write(vals)

    @api.model
    def _coop_open_subscriptions(self):
        """The registers whose public subscription form is open, for the public /dar page
        (sudo: visitors read no register; the page shows only their name and web name)."""
        return self.sudo().search([("subscription_open", "=", True), ("slug", "!=", False)],
                                  order="name")

    @api.multi
    def _subscribe_online(self, values):
        """A public subscription: a candidate holder and a DRAFT subscription entry with
        its payment reference. values: holder fields plus class_id and quantity. Raises
        UserError/ValidationError when refused (the caller rolls back)."""
        self.ensure_one()
        if not self.subscription_open:
            raise UserError(_("This cooperative does not accept online subscriptions."))
        share_class = self.env["coop.share.class"].browse(int(values.get("class_id") or 0))
        if not share_class.exists() or share_class.register_id != self or \
                not share_class.open_for_subscription or not share_class.active:
            raise UserError(_("This share class is not open for subscription."))
        try:
            quantity = int(values.get("quantity") or 0)
        except ValueError:
            quantity = 0
        if quantity <= 0:
            raise UserError(_("Please subscribe to at least one share."))
        if quantity < self.min_shares:
            raise UserError(_("You subscribe to at least %s shares.") % self.min_shares)
        if self.max_shares and quantity > self.max_shares:
            raise UserError(_("A shareholder holds at most %s shares of this cooperative.")
                            % self.max_shares)
        if not values.get("email") or not values.get("name"):
            raise UserError(_("Your name and e-mail address are needed."))
        holder_vals = {key: values.get(key) or False for key in (
            "holder_type", "name", "firstname", "company_number", "street", "zip", "city",
            "email", "phone", "iban")}
        holder_vals.update(register_id=self.id, state="candidate",
                           lang=values.get("lang") or "nl_BE")
        if holder_vals["holder_type"] not in ("person", "company"):
            holder_vals["holder_type"] = "person"
        Holder = self.env["coop.shareholder"]
        holder_vals.update(Holder._portal_clean_values(holder_vals))
        holder = Holder.create(holder_vals)
        entry = self.env["coop.share.entry"].create({
            "register_id": self.id, "entry_type": "subscription", "class_id": share_class.id,
            "quantity": quantity, "holder_to_id": holder.id, "online": True,
            "date": fields.Date.context_today(self),
        })
        entry.payment_reference = structured_communication(entry.id)
        holder.message_post(body=_("Subscribed online to %(quantity)s shares of class "
                                   "%(code)s.") % {"quantity": quantity,
                                                   "code": share_class.code},
                            subtype="mail.mt_note", message_type="notification")
        template = self.env.ref("coop_share_register.mail_template_payment_request")
        template.send_mail(entry.id, force_send=False)
        return entry


class CoopShareEntry(models.Model):
    _inherit = "coop.share.entry"

    online = fields.Boolean(string="Subscribed online", readonly=True, copy=False)
    payment_reference = fields.Char(
        string="Structured communication", readonly=True, copy=False, index=True,
        help="The Belgian structured communication the subscriber pays with.")

    @api.multi
    def action_register_payment(self, amount, date=None):
        """The register manager registers a payment received on this subscription."""
        self.ensure_one()
        if not self.env.user.has_group("coop_share_register.group_dar_manager"):
            raise AccessError(_("Only a register manager can register payments."))
        self.check_access_rule("write")
        if self.entry_type != "subscription" or self.state != "confirmed":
            raise UserError(_("Payments are registered on a confirmed subscription."))
        return self.env["coop.share.payment"].sudo().create({
            "entry_id": self.id, "amount": amount,
            "date": date or fields.Date.context_today(self)})


class CoopShareSubscriptionThrottle(models.Model):
    """Posts of the public subscription form per client (hashed address) and time: the
    rate limit without any external service. Rows older than a day are dropped."""

    _name = "coop.share.subscription.throttle"
    _description = "Subscription form rate limit"
    _log_access = False

    client_hash = fields.Char(required=True, index=True)
    hit_time = fields.Datetime(required=True, index=True)

    @api.model
    def _limit(self):
        """(posts, minutes): at most this many posts per client in this window (a hook)."""
        return 5, 60

    @api.model
    def _hash(self, address):
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret") or ""
        return hashlib.sha256(("%s:%s" % (secret, address)).encode()).hexdigest()

    @api.model
    def hit(self, address):
        """Record a post of address; False when the client is over the limit."""
        posts, minutes = self._limit()
        now = fields.Datetime.from_string(fields.Datetime.now())
        client = self._hash(address)
        self.sudo().search([("hit_time", "<", fields.Datetime.to_string(
            now - timedelta(days=1)))]).unlink()
        recent = self.sudo().search_count([
            ("client_hash", "=", client),
            ("hit_time", ">=", fields.Datetime.to_string(now - timedelta(minutes=minutes)))])
        if recent >= posts:
            return False
        self.sudo().create({"client_hash": client,
                            "hit_time": fields.Datetime.to_string(now)})
        return True

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hashlib
import hmac

from werkzeug.urls import url_encode

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools.identity import is_web_url, normalise_email, safe_web_url


class ResPartner(models.Model):
    _inherit = "res.partner"

    coop_website_url = fields.Char(
        string="Website link", compute="_compute_coop_website_url",
        help="The website when it is an http(s) address, else empty: what pages link to.")

    @api.depends("website")
    def _compute_coop_website_url(self):
        for partner in self:
            partner.coop_website_url = safe_web_url(partner.website) or False

    @api.constrains("website")
    def _check_coop_website(self):
        for partner in self.filtered("website"):
            if not is_web_url(partner.website):
                raise ValidationError(_(
                    "The website %s is not a web address: it must start with http:// or "
                    "https://.") % partner.website)

    @api.model
    def _coop_unsubscribe_token(self, email):
        """A token that proves the unsubscribe link was mailed to email."""
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret")
        message = ("coop-unsubscribe:%s" % (email or "").strip().lower()).encode("utf-8")
        return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()

    @api.model
    def _coop_unsubscribe_url(self, email):
        """Absolute URL that unsubscribes email from Coopkracht's newsletters."""
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        query = url_encode({"email": email, "token": self._coop_unsubscribe_token(email)})
        return "%s/nieuwsbrief/afmelden?%s" % (base_url, query)

    @api.model
    def coop_unsubscribe(self, email, token):
        """Opt email out of every mailing list and of mass mailings to contacts.

        Returns False (and changes nothing) when the token does not match."""
        if not email or not token or not hmac.compare_digest(
                self._coop_unsubscribe_token(email), token):
            return False
        email = normalise_email(email)
        # exact, after normalisation: '_' and '%' are no wildcards
        self.env.cr.execute("SELECT id FROM mail_mass_mailing_contact "
                            "WHERE lower(btrim(email)) = %s", (email,))
        contact_ids = [row[0] for row in self.env.cr.fetchall()]
        self.env["mail.mass_mailing.contact"].sudo().browse(contact_ids).write({"opt_out": True})
        self.env.cr.execute("SELECT id FROM res_partner WHERE lower(btrim(email)) = %s",
                            (email,))
        partner_ids = [row[0] for row in self.env.cr.fetchall()]
        self.sudo().browse(partner_ids).write({"opt_out": True})
        return True

    @api.multi
    def _notify(self, message, force_send=False, send_after_commit=True, user_signature=True):
        """Notification mails of records use Coopkracht's notification template
        (branded layout, no Odoo advertisement) unless a module asks for its own."""
        if message.model and not self.env.context.get("custom_layout"):
            self = self.with_context(custom_layout="coop_website.mail_template_notification")
        return super(ResPartner, self)._notify(
            message, force_send=force_send, send_after_commit=send_after_commit,
            user_signature=user_signature)

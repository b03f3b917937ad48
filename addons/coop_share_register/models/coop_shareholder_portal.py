# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import werkzeug.urls

from odoo import _, api, fields, models
from odoo.addons.base_iban.models.res_partner_bank import normalize_iban, validate_iban
from odoo.exceptions import ValidationError
from odoo.tools import single_email_re

# the holder fields a shareholder may change in the portal
PORTAL_FIELDS = ("street", "zip", "city", "email", "phone", "iban")


class CoopShareRegister(models.Model):
    _inherit = "coop.share.register"  # pylint: disable=consider-merging-classes-inherited

    shareholder_ids = fields.One2many(
        comodel_name="coop.shareholder", inverse_name="register_id", string="Shareholders")
    portal_change_approval = fields.Boolean(
        string="Portal changes need approval",
        help="When set, a change of address, e-mail, phone or IBAN made by a shareholder in "
             "the portal waits for a register manager's approval; otherwise it is applied at "
             "once and the managers are notified.")

    @api.multi
    def _manager_partners(self):
        """The partners of this register's managers (notified of portal changes)."""
        self.ensure_one()
        group = self.env.ref("coop_share_register.group_dar_manager")
        return self.sudo().user_ids.filtered(lambda u: group in u.groups_id).mapped("partner_id")


class CoopShareholder(models.Model):
    _inherit = "coop.shareholder"

    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Portal contact", index=True, ondelete="set null",
        copy=False, help="The contact whose portal user sees this holder's shares.")
    change_request_ids = fields.One2many(
        comodel_name="coop.shareholder.change.request", inverse_name="holder_id",
        string="Change requests")

    @api.model
    def _portal_clean_values(self, values):
        """The portal fields of values, stripped and validated; raises ValidationError."""
        vals = {}
        for name in PORTAL_FIELDS:
            if name in values:
                vals[name] = (values.get(name) or "").strip() or False
        if vals.get("email") and not single_email_re.match(vals["email"]):
            raise ValidationError(_("%s is not a valid e-mail address.") % vals["email"])
        if vals.get("iban"):
            try:
                validate_iban(vals["iban"])
            except ValidationError:
                raise ValidationError(_("%s is not a valid IBAN.") % vals["iban"])
            vals["iban"] = normalize_iban(vals["iban"]).upper()
        return vals

    @api.multi
    def _portal_changes(self, vals):
        """{field: (old, new)} for the values that differ from this holder's."""
        self.ensure_one()
        return {name: (self[name] or False, value) for name, value in vals.items()
                if (self[name] or False) != value}

    @api.multi
    def portal_update(self, values, partner):
        """A change of contact data asked by the shareholder (partner) in the portal:
        validated, then applied (with an audit message) or kept as a change request when
        the register wants approval. The register managers are notified. Called by the
        controller after it checked that partner owns this holder. Returns the request or
        False when applied."""
        self.ensure_one()
        vals = self._portal_clean_values(values)
        changes = self._portal_changes(vals)
        if not changes:
            return False
        register = self.register_id
        if register.portal_change_approval:
            request = self.env["coop.shareholder.change.request"].create(dict(
                {name: new for name, (old, new) in changes.items()},
                holder_id=self.id, partner_id=partner.id,
                changed_fields=",".join(sorted(changes))))
            request._notify_managers()
            return request
        self.write({name: new for name, (old, new) in changes.items()})
        self._post_change_message(changes, partner, _("Changed by the shareholder in the "
                                                      "portal."))
        return False

    @api.multi
    def _post_change_message(self, changes, author, title):
        """Audit entry in the holder's chatter; the register managers are notified."""
        self.ensure_one()
        labels = self.fields_get(list(changes))
        lines = "".join(
            "<li>%s: %s &#8594; %s</li>" % (labels[name]["string"], old or "-", new or "-")
            for name, (old, new) in sorted(changes.items()))
        body = "<p>" + title + "</p><ul>" + lines + "</ul>"
        self.message_post(
            body=body, author_id=author.id,
            partner_ids=self.register_id._manager_partners().ids,
            subtype="mail.mt_comment", message_type="notification")

    @api.multi
    def _portal_lang(self):
        """The holder's language if it is active in the database, else False (the
        default language)."""
        self.ensure_one()
        langs = self.env["res.lang"].sudo().search([("code", "=", self.lang)])
        return self.lang if langs else False

    @api.multi
    def _portal_partner(self):
        """The contact of this holder's portal user: the linked one, the one of an existing
        user with the same login (one person, several cooperatives), or a new one."""
        self.ensure_one()
        if self.partner_id:
            return self.partner_id
        email = self.email.strip().lower()
        user = self.env["res.users"].sudo().with_context(active_test=False).search(
            [("login", "=ilike", email)], limit=1)
        if user:
            return user.partner_id
        return self.env["res.partner"].sudo().create({
            "name": " ".join(p for p in (self.firstname, self.name) if p),
            "email": email, "lang": self._portal_lang() or self.env.lang or False,
            "street": self.street,
            "zip": self.zip, "city": self.city, "country_id": self.country_id.id,
            "is_company": self.holder_type == "company"})

    @api.multi
    def _portal_invite(self):
        """Give the holder a portal user and mail the invitation, in the holder's language,
        on behalf of the cooperative."""
        self.ensure_one()
        partner = self._portal_partner()
        if self.partner_id != partner:
            self.sudo().write({"partner_id": partner.id})
        portal = self.env.ref("base.group_portal")
        user = partner.user_ids[:1]
        if not user:
            user = self.env["res.users"].sudo().with_context(no_reset_password=True).create({
                "login": self.email.strip().lower(), "partner_id": partner.id,
                "groups_id": [(6, 0, portal.ids)]})
        elif not user.has_group("base.group_user") and portal not in user.groups_id:
            user.sudo().write({"groups_id": [(4, portal.id)]})
        template = self.env.ref("coop_share_register.mail_template_portal_invite")
        template.sudo().with_context(signup_url=self._portal_signup_url(partner)).send_mail(
            self.id, force_send=False)
        self.message_post(body=_("Invited to the shareholder portal."),
                          subtype="mail.mt_note", message_type="notification")
        return user

    @api.model
    def _portal_signup_url(self, partner):
        """A link that lets the invited person choose a password and lands on /my/aandelen
        (a login link when the user already has one)."""
        partner = partner.sudo()
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        user = partner.user_ids[:1]
        query = {"db": self.env.cr.dbname, "redirect": "/my/aandelen"}
        if user and user.login_date:
            route = "login"
            query["login"] = user.login
        else:
            partner.signup_prepare(signup_type="reset")
            route = "reset_password"
            query["token"] = partner.signup_token
        return "%s/web/%s?%s" % (base_url, route, werkzeug.urls.url_encode(query))

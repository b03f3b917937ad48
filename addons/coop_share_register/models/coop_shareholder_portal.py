# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import single_email_re

from odoo.addons.coop_website.tools.validators import normalise_iban

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
    invitation_ids = fields.One2many(
        comodel_name="coop.shareholder.invitation", inverse_name="holder_id",
        string="Portal invitations")

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
            iban = normalise_iban(vals["iban"])
            if not iban:
                raise ValidationError(_("%s is not a valid IBAN.") % vals["iban"])
            vals["iban"] = iban
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
    def _portal_invite(self):
        """Mail the holder a personal link to his shares, in his language, on behalf of
        the cooperative: a token valid for a limited time and for one use. Whoever opens
        it logged in (after signing up or logging in, if need be) gets this holding on his
        own account; nobody is linked by his e-mail address. Returns the invitation."""
        self.ensure_one()
        Invitation = self.env["coop.shareholder.invitation"]
        invitation, token = Invitation._new_for(self)
        template = self.env.ref("coop_share_register.mail_template_portal_invitation")
        expiry = fields.Datetime.context_timestamp(
            self, fields.Datetime.from_string(invitation.sudo().expiry))
        template.sudo().with_context(
            invitation_url=Invitation._url(token),
            invitation_expiry=expiry.strftime("%d/%m/%Y"),
        ).send_mail(self.id, force_send=False)
        self.message_post(body=_("Invited to the shareholder portal."),
                          subtype="mail.mt_note", message_type="notification")
        return invitation

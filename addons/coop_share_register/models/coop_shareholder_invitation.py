# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hashlib
import hmac
import secrets
from datetime import timedelta

import werkzeug.urls
from psycopg2.extensions import TransactionRollbackError

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CoopShareholderInvitation(models.Model):
    """An invitation to see a shareholding in the portal. A random token is mailed to the
    holder's address and kept here only as its HMAC; whoever opens the link while logged
    in (and so proves he received the mail) gets the holding on his own account. Valid
    for a limited time, used once. No account is ever matched by its e-mail address."""

    _name = "coop.shareholder.invitation"
    _inherit = ["coop.share.register.bound"]
    _description = "Invitation to the shareholder portal"
    _order = "id desc"
    _rec_name = "holder_id"

    holder_id = fields.Many2one(
        comodel_name="coop.shareholder", string="Shareholder", required=True, index=True,
        ondelete="cascade", readonly=True)
    register_id = fields.Many2one(
        related="holder_id.register_id", store=True, index=True, readonly=True)
    email = fields.Char(readonly=True, help="The address the link was mailed to.")
    token_hash = fields.Char(required=True, readonly=True, copy=False,
                             groups="base.group_system")
    expiry = fields.Datetime(required=True, readonly=True)
    state = fields.Selection(
        selection=[("pending", "Pending"), ("used", "Used"), ("cancel", "Replaced")],
        required=True, default="pending", readonly=True)
    user_id = fields.Many2one(comodel_name="res.users", string="Accepted by", readonly=True,
                              ondelete="set null")
    accept_date = fields.Datetime(string="Accepted on", readonly=True)

    _sql_constraints = [
        ("token_hash_unique", "UNIQUE(token_hash)", "An invitation token is unique."),
    ]

    @api.model
    def _validity_days(self):
        """How long an invitation link works (a hook)."""
        return 14

    @api.model
    def _token_hash(self, token):
        """The HMAC-SHA256 of token, keyed with the database secret."""
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret")
        return hmac.new(secret.encode(), token.encode(), hashlib.sha256).hexdigest()

    @api.model
    def _new_for(self, holder):
        """A new invitation of holder (the pending ones are replaced): (record, token).
        The token itself is only returned, for the mail, never stored."""
        holder.check_access_rights("write")
        holder.check_access_rule("write")
        token = secrets.token_urlsafe(32)
        Invitation = self.sudo()
        Invitation.search([("holder_id", "=", holder.id), ("state", "=", "pending")]).write(
            {"state": "cancel"})
        expiry = fields.Datetime.from_string(fields.Datetime.now()) + timedelta(
            days=self._validity_days())
        invitation = Invitation.create({
            "holder_id": holder.id, "email": holder.email, "token_hash": self._token_hash(token),
            "expiry": fields.Datetime.to_string(expiry)})
        return invitation.with_env(self.env), token

    @api.model
    def _find_valid(self, token):
        """The pending, unexpired invitation of token (as superuser: the token is the
        proof), or an empty recordset."""
        if not isinstance(token, str) or not 20 <= len(token) <= 200:
            return self.browse()
        return self.sudo().search([
            ("token_hash", "=", self._token_hash(token)), ("state", "=", "pending"),
            ("expiry", ">", fields.Datetime.now())], limit=1)

    @api.model
    def _url(self, token):
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        return "%s/my/aandelen/uitnodiging?%s" % (
            base_url, werkzeug.urls.url_encode({"token": token}))

    @api.model
    def _accept(self, token, user):
        """Link the holder of token's invitation to user's contact (the user who opened
        the link, logged in). Once: the invitation is marked used in the same statement
        that checks it is still pending and valid. Raises UserError otherwise."""
        invitation = self._find_valid(token)
        if invitation:
            try:
                with self.env.cr.savepoint():
                    self.env.cr.execute("""
                        UPDATE coop_shareholder_invitation
                           SET state = 'used', user_id = %s,
                               accept_date = now() at time zone 'UTC', write_uid = %s,
                               write_date = now() at time zone 'UTC'
                         WHERE id = %s AND state = 'pending'
                           AND expiry > now() at time zone 'UTC'
                     RETURNING id""", (user.id, user.id, invitation.id))
                    ids = [row[0] for row in self.env.cr.fetchall()]
            except TransactionRollbackError:
                # used at the same moment by another transaction, which won
                ids = []
            invitation = invitation.browse(ids)
            invitation.invalidate_cache()
        if not invitation or user._is_public():
            raise UserError(_("This invitation link is not valid: it was used already, it "
                              "expired or it is incomplete. Ask your cooperative for a new "
                              "invitation."))
        holder = invitation.holder_id
        holder.write({"partner_id": user.partner_id.id})
        portal = self.env.ref("base.group_portal")
        if not user.has_group("base.group_user") and portal not in user.groups_id:
            user.sudo().write({"groups_id": [(4, portal.id)]})
        holder.message_post(
            body=_("The shareholder's portal invitation was accepted by %s.") % user.name,
            subtype="mail.mt_note", message_type="notification")
        return holder

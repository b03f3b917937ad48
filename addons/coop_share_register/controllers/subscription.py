# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import _, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

_logger = logging.getLogger(__name__)

# the form field that a human leaves empty (hidden by CSS); a bot fills it
HONEYPOT = "website_url"
FORM_FIELDS = ("holder_type", "name", "firstname", "company_number", "street", "zip",
               "city", "email", "phone", "iban", "class_id", "quantity")


class ShareSubscription(http.Controller):
    """/aandelen/<web name>/intekenen: the public subscription form of a cooperative."""

    def _register(self, slug):
        """The open register with this web name (sudo: public page), or None."""
        return request.env["coop.share.register"].sudo().search(
            [("slug", "=", slug), ("subscription_open", "=", True)], limit=1) or None

    def _render_form(self, register, values=None, error=None, status=200):
        classes = register.class_ids.filtered(lambda c: c.open_for_subscription)
        return request.render("coop_share_register.subscription_form", {
            "register": register, "classes": classes, "values": values or {},
            "error": error, "honeypot": HONEYPOT}, status=status)

    @http.route("/aandelen/<string:slug>/intekenen", type="http", auth="public",
                website=True, methods=["GET"])
    def subscription_form(self, slug, **kw):
        register = self._register(slug)
        if not register:
            raise request.not_found()
        return self._render_form(register)

    @http.route("/aandelen/<string:slug>/intekenen", type="http", auth="public",
                website=True, methods=["POST"])
    def subscription_post(self, slug, **post):
        register = self._register(slug)
        if not register:
            raise request.not_found()
        values = {key: (post.get(key) or "").strip() for key in FORM_FIELDS}
        if HONEYPOT not in post or post.get(HONEYPOT):
            # a bot: no detail in the answer, nothing written, no personal data logged
            _logger.info("subscription form of register %s: honeypot refused", register.id)
            return self._render_form(register, values, _("Your subscription could not be "
                                                         "accepted."), status=400)
        address = request.httprequest.remote_addr or ""
        if not request.env["coop.share.subscription.throttle"].sudo().hit(address):
            return self._render_form(register, values, _(
                "Too many subscriptions from your connection; please try again later."),
                status=429)
        if not post.get("accept_documents"):
            return self._render_form(register, values, _(
                "Please accept the cooperative's articles of association and information "
                "note."), status=400)
        values["lang"] = request.lang if request.lang in ("nl_BE", "fr_BE", "en_US") \
            else "nl_BE"
        try:
            with request.env.cr.savepoint():
                entry = register._subscribe_online(values)
        except (UserError, ValidationError) as exc:
            return self._render_form(register, values, exc.name, status=400)
        return request.render("coop_share_register.subscription_done", {
            "register": register, "entry": entry})

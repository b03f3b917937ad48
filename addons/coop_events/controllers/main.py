# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.coop_website.tools.identity import normalise_email
from odoo.addons.website_event_sale.controllers.main import WebsiteEventSaleController


class CoopEventController(WebsiteEventSaleController):

    def _coop_fix_tickets(self, event, post):
        """Give each attendee of the posted form the ticket the logged-in user's
        organisation is entitled to on the event date, whatever ticket was chosen on the
        page: a visitor who is not logged in pays the non-member price (a typed e-mail
        address proves nothing). Returns (post, refusal message or None)."""
        post = dict(post)
        emails = []
        user = request.env.user
        partner = request.env["res.partner"] if user._is_public() else user.partner_id
        ticket = event.sudo()._coop_ticket_for(partner=partner)
        Registration = request.env["event.registration"].sudo()
        for key in list(post):
            counter, _sep, field = key.partition("-")
            if field != "email" or counter == "0":
                continue
            email = (post[key] or "").strip()
            if normalise_email(email) in emails:
                return post, _("%s appears twice in this registration.") % email
            emails.append(normalise_email(email))
            if Registration._coop_registered_ids(event, email):
                return post, _("%(email)s is already registered for %(event)s.") % {
                    "email": email, "event": event.name}
            if ticket:
                post["%s-ticket_id" % counter] = str(ticket.id)
        return post, None

    def _coop_closed_message(self, event):
        """Why the website takes no registration for event (None when it does)."""
        if event.sudo().coop_is_past():
            return _("%s is over: registration is closed.") % event.name
        return None

    @http.route()
    def registration_new(self, event, **post):
        if self._coop_closed_message(event):
            return False  # Odoo's answer when there is nothing to register
        return super().registration_new(event, **post)

    @http.route()
    def registration_confirm(self, event, **post):
        closed = self._coop_closed_message(event)
        if closed:
            return request.render("coop_events.registration_refused",
                                  {"event": event, "message": closed}, status=403)
        post, refusal = self._coop_fix_tickets(event, post)
        if refusal:
            return request.render("coop_events.registration_refused",
                                  {"event": event, "message": refusal})
        return super().registration_confirm(event, **post)

    # -- webinar recordings ----------------------------------------------------------
    def _coop_may_watch(self, event):
        """Registrants of the event (by contact, never by e-mail address) may watch;
        contacts of member organisations too when the event says so."""
        user = request.env.user
        if user._is_public():
            return False
        partner = user.partner_id
        domain = [("event_id", "=", event.id), ("state", "in", ("open", "done")),
                  ("partner_id", "=", partner.id)]
        if request.env["event.registration"].sudo().search_count(domain):
            return True
        return bool(event.coop_recording_for_members and partner.coop_is_member_on())

    @http.route(['/event/<model("event.event"):event>/recording'], type="http",
                auth="public", website=True, sitemap=False)
    def coop_recording(self, event, token=None, **kw):
        event = event.sudo()
        if not event.coop_recording_url:
            raise request.not_found()
        if token:  # the personal link mailed to a registrant: no login needed
            if not request.env["event.registration"]._coop_by_access_token(event, token):
                return request.render("coop_events.recording_refused", {"event": event},
                                      status=403)
            return request.render("coop_events.recording_page", {"event": event})
        if request.env.user._is_public():
            return request.redirect("/web/login?redirect=/event/%d/recording" % event.id)
        if not self._coop_may_watch(event):
            return request.render("coop_events.recording_refused", {"event": event},
                                  status=403)
        return request.render("coop_events.recording_page", {"event": event})

    # -- evaluations -------------------------------------------------------------------
    def _coop_evaluation_values(self, evaluation, **extra):
        values = {
            "evaluation": evaluation,
            "event": evaluation.event_id,
            "aspects": request.env["coop.event.evaluation.aspect"].sudo().search([]),
            "scores": range(11),
        }
        values.update(extra)
        return values

    @http.route(["/evaluatie/<string:token>"], type="http", auth="public", website=True,
                sitemap=False)
    def coop_evaluation(self, token, **post):
        Evaluation = request.env["coop.event.evaluation"]
        found = Evaluation._coop_find_token(token)
        if not found:
            return request.render("coop_events.evaluation_message",
                                  {"message": _("This evaluation link is not valid.")},
                                  status=404)
        try:
            evaluation = Evaluation._coop_by_token(
                token, post.get("event_id") or found.event_id.id)
        except UserError as error:
            return request.render("coop_events.evaluation_message",
                                  {"message": error.name}, status=403)
        if request.httprequest.method != "POST":
            return request.render("coop_events.evaluation_form",
                                  self._coop_evaluation_values(evaluation))
        values = dict(post, best_ids=request.httprequest.form.getlist("best_ids"))
        try:
            evaluation.coop_submit(values)
        except (UserError, ValidationError) as error:
            return request.render("coop_events.evaluation_form", self._coop_evaluation_values(
                evaluation, error=error.name, post=post))
        return request.render("coop_events.evaluation_message", {
            "message": _("Thank you for your evaluation!"), "done": True})

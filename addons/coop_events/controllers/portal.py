# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal, pager as portal_pager


class CoopEventPortal(CustomerPortal):

    def _coop_my_registrations_domain(self):
        """The logged-in user's own registrations: by contact, never by e-mail address (an
        address on an account or typed in a form proves nothing, see SECURITY.md). A
        registration made without logging in joins the account through its mailed link."""
        return [("state", "in", ("open", "done")),
                ("partner_id", "=", request.env.user.partner_id.id)]

    def _coop_pending_evaluations(self, registrations):
        """{registration id: token} of the evaluations still to fill in of these
        registrations, the user's own (found with _coop_my_registrations_domain): the
        portal links them as the mail after the event does."""
        evaluations = request.env["coop.event.evaluation"].sudo().search([
            ("registration_id", "in", registrations.ids), ("state", "=", "pending")])
        return {evaluation.registration_id.id: evaluation.token for evaluation in evaluations}

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        values["coop_event_count"] = request.env["event.registration"].sudo().search_count(
            self._coop_my_registrations_domain())
        return values

    @http.route(["/my/events", "/my/events/page/<int:page>"], type="http", auth="user",
                website=True)
    def coop_my_events(self, page=1, **kw):
        values = self._prepare_portal_layout_values()
        Registration = request.env["event.registration"].sudo()
        domain = self._coop_my_registrations_domain()
        count = Registration.search_count(domain)
        pager = portal_pager(url="/my/events", total=count, page=page, step=self._items_per_page)
        registrations = Registration.search(domain, order="event_begin_date desc, id desc",
                                            limit=self._items_per_page, offset=pager["offset"])
        values.update({"registrations": registrations, "pager": pager,
                       "page_name": "coop_events", "default_url": "/my/events",
                       "evaluation_tokens": self._coop_pending_evaluations(registrations)})
        return request.render("coop_events.portal_my_events", values)

    @http.route(["/my/events/<int:registration_id>"], type="http", auth="user", website=True)
    def coop_my_event(self, registration_id, **kw):
        registration = request.env["event.registration"].sudo().search(
            self._coop_my_registrations_domain() + [("id", "=", registration_id)])
        if not registration:  # not theirs: same answer as a missing one
            raise request.not_found()
        values = self._prepare_portal_layout_values()
        values.update({"registration": registration, "page_name": "coop_event",
                       "pairings": registration.coop_pairing_ids.sorted("round"),
                       "evaluation_tokens": self._coop_pending_evaluations(registration)})
        return request.render("coop_events.portal_my_event", values)

    @http.route(["/my/events/claim"], type="http", auth="user", website=True, sitemap=False)
    def coop_claim_registration(self, token=None, **kw):
        """The personal link mailed to a registrant, opened while logged in: the
        registration becomes the account's (it was made without logging in)."""
        registration = request.env["event.registration"]._coop_claim(token)
        if not registration:
            raise request.not_found()
        return request.redirect("/my/events/%d" % registration.id)

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal, pager as portal_pager


class CoopEventPortal(CustomerPortal):

    def _coop_my_registrations_domain(self):
        partner = request.env.user.partner_id
        domain = [("state", "in", ("open", "done"))]
        if partner.email:
            return domain + ["|", ("partner_id", "=", partner.id),
                             ("email", "=ilike", partner.email)]
        return domain + [("partner_id", "=", partner.id)]

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
                       "page_name": "coop_events", "default_url": "/my/events"})
        return request.render("coop_events.portal_my_events", values)

    @http.route(["/my/events/<int:registration_id>"], type="http", auth="user", website=True)
    def coop_my_event(self, registration_id, **kw):
        registration = request.env["event.registration"].sudo().search(
            self._coop_my_registrations_domain() + [("id", "=", registration_id)])
        if not registration:  # not theirs: same answer as a missing one
            raise request.not_found()
        values = self._prepare_portal_layout_values()
        values.update({"registration": registration, "page_name": "coop_event",
                       "pairings": registration.coop_pairing_ids.sorted("round")})
        return request.render("coop_events.portal_my_event", values)

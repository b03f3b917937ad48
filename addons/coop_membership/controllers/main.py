# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import _, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

_logger = logging.getLogger(__name__)

APPLICATION_FIELDS = ("name", "kbo_number", "legal_form", "coop_model", "street", "zip", "city",
                      "website", "phone", "contact_name", "contact_email", "motivation")
REQUIRED_FIELDS = ("name", "kbo_number", "legal_form", "city", "contact_name", "contact_email")


class MembershipWebsite(http.Controller):

    def _application_form_values(self, post=None, error=None):
        Application = request.env["coop.membership.application"]
        fields_info = Application.fields_get(["legal_form", "coop_model"])
        return {
            "post": post or {},
            "error": error,
            "legal_forms": fields_info["legal_form"]["selection"],
            "coop_models": fields_info["coop_model"]["selection"],
            "sectors": request.env["coop.membership.sector"].sudo().search([]),
            "selected_sector_ids": [int(s) for s in request.httprequest.form.getlist("sector_ids")
                                    if s.isdigit()] if post else [],
        }

    @http.route("/lid-worden", type="http", auth="public", website=True, methods=["GET"])
    def application_form(self, **kw):
        return request.render("coop_membership.application_form",
                              self._application_form_values())

    @http.route("/lid-worden", type="http", auth="public", website=True, methods=["POST"])
    def application_post(self, **post):
        missing = [f for f in REQUIRED_FIELDS if not (post.get(f) or "").strip()]
        if missing:
            return request.render("coop_membership.application_form", self._application_form_values(
                post, _("Please fill in every required field.")))
        values = {f: (post.get(f) or "").strip() or False for f in APPLICATION_FIELDS}
        try:
            values["employee_count"] = max(int(post.get("employee_count") or 0), 0)
        except ValueError:
            values["employee_count"] = 0
        sector_ids = request.env["coop.membership.sector"].sudo().browse(
            [int(s) for s in request.httprequest.form.getlist("sector_ids") if s.isdigit()]).exists()
        values["sector_ids"] = [(6, 0, sector_ids.ids)]
        values["lang"] = request.lang if request.lang in ("nl_BE", "en_US", "fr_BE") else "nl_BE"
        # the public visitor creates only a draft application; every check runs in create()
        # coop_applicant_proposes: a known company number only proposes the organisation
        Application = request.env["coop.membership.application"].sudo().with_context(
            lang=request.lang, coop_defer_received_mail=True, coop_applicant_proposes=True)
        try:
            with request.env.cr.savepoint():
                application = Application.create(values)
                application._create_portal_user()
        except (UserError, ValidationError) as exc:
            return request.render("coop_membership.application_form", self._application_form_values(
                post, exc.name))
        application._send_received_mail()
        message = False
        try:
            with request.env.cr.savepoint():
                application.action_submit()
        except UserError as exc:
            message = exc.name
        return request.render("coop_membership.application_thanks", {
            "application": application, "message": message})

    @http.route(["/leden", "/leden/page/<int:page>"], type="http", auth="public", website=True)
    def directory(self, page=1, sector=None, search=None, **kw):
        Partner = request.env["res.partner"].sudo()
        domain = [("is_company", "=", True), ("coop_membership_state", "=", "member"),
                  ("coop_directory_published", "=", True)]
        sector_id = int(sector) if sector and str(sector).isdigit() else None
        if sector_id:
            domain.append(("coop_sector_ids", "in", [sector_id]))
        if search:
            domain += ["|", ("name", "ilike", search), ("city", "ilike", search)]
        total = Partner.search_count(domain)
        per_page = 24
        pager = request.website.pager(url="/leden", total=total, page=page, step=per_page,
                                      url_args={"sector": sector_id or "", "search": search or ""})
        members = Partner.search(domain, order="name", limit=per_page, offset=pager["offset"])
        return request.render("coop_membership.member_directory", {
            "members": members,
            "sectors": request.env["coop.membership.sector"].sudo().search([]),
            "sector_id": sector_id,
            "search": search or "",
            "pager": pager,
            "total": total,
        })

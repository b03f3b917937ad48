# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.exceptions import NotFound
from werkzeug.urls import url_quote

from odoo import _, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.tools import html_escape

from odoo.addons.portal.controllers.portal import CustomerPortal, pager as portal_pager

EDITABLE_FIELDS = ("phone", "email", "website", "street", "zip", "city")


class _RollBack(Exception):
    """Leaves a savepoint without keeping its writes."""


class MembershipPortal(CustomerPortal):

    def _coop_organisation(self):
        """The logged-in user's organisation (its commercial partner), read with sudo:
        the portal user only ever reaches its own organisation through here."""
        org = request.env.user.partner_id.commercial_partner_id
        return org.sudo() if org.is_company else request.env["res.partner"]

    def _coop_fee_invoice_domain(self, org):
        """The fee invoices of org that /my/membership lists (and its tile counts)."""
        return [("partner_id", "=", org.id), ("coop_fee_year", "!=", False),
                ("state", "!=", "draft")]

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        org = self._coop_organisation()
        values["coop_has_membership"] = bool(org)
        if org:
            states = dict(org.fields_get(["coop_membership_state"])
                          ["coop_membership_state"]["selection"])
            values["coop_membership_state_label"] = states.get(org.coop_membership_state)
            values["coop_fee_invoice_count"] = request.env["account.invoice"].sudo().search_count(
                self._coop_fee_invoice_domain(org))
        return values

    def _coop_application_blockers(self, applications):
        """What still keeps each draft application from being submitted (e.g. the
        compass), keyed by application id; the check's own writes are rolled back."""
        blockers = {}
        for application in applications.filtered(lambda a: a.state == "draft"):
            try:
                with request.env.cr.savepoint():
                    application._check_submission_requirements()
                    raise _RollBack()
            except UserError as exc:
                blockers[application.id] = exc.name
            except _RollBack:
                blockers.pop(application.id, None)
        return blockers

    @http.route(["/my/membership", "/my/membership/page/<int:page>"], type="http",
                auth="user", website=True)
    def portal_my_membership(self, page=1, **kw):
        return self._coop_render_membership(page=page, saved=kw.get("saved"))

    def _coop_render_membership(self, page=1, saved=None, error=None):
        org = self._coop_organisation()
        if not org:
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        Invoice = request.env["account.invoice"].sudo()
        domain = self._coop_fee_invoice_domain(org)
        pager = portal_pager(url="/my/membership", total=Invoice.search_count(domain),
                             page=page, step=self._items_per_page)
        values.update({
            "page_name": "membership",
            "organisation": org,
            "invoices": Invoice.search(domain, order="coop_fee_year desc, id desc",
                                       limit=self._items_per_page, offset=pager["offset"]),
            "applications": org.coop_application_ids,
            "application_blockers": self._coop_application_blockers(org.coop_application_ids),
            "sectors": request.env["coop.membership.sector"].sudo().search([]),
            "pager": pager,
            "saved": saved,
            "error": error,
        })
        return request.render("coop_membership.portal_my_membership", values)

    @http.route("/my/membership/update", type="http", auth="user", website=True,
                methods=["POST"])
    def portal_membership_update(self, **post):
        org = self._coop_organisation()
        if not org:
            return request.redirect("/my")
        values = {f: (post.get(f) or "").strip() or False for f in EDITABLE_FIELDS}
        sectors = request.env["coop.membership.sector"].sudo().browse(
            [int(s) for s in request.httprequest.form.getlist("sector_ids") if s.isdigit()]).exists()
        values["coop_sector_ids"] = [(6, 0, sectors.ids)]
        published = bool(post.get("coop_directory_published"))
        values["coop_directory_published"] = published and org.coop_membership_state == "member"
        changes = []
        for field in EDITABLE_FIELDS:
            if (org[field] or False) != values[field]:
                changes.append("%s: %s → %s" % (org._fields[field].get_description(
                    request.env)["string"], org[field] or "", values[field] or ""))
        if set(org.coop_sector_ids.ids) != set(sectors.ids):
            old_names = ", ".join(org.coop_sector_ids.mapped("name"))
            changes.append(_("Sectors: %(old)s → %(new)s") % {
                "old": old_names, "new": ", ".join(sectors.mapped("name"))})
        if org.coop_directory_published != values["coop_directory_published"]:
            changes.append(_("Member directory: %s") % (
                _("yes") if values["coop_directory_published"] else _("no")))
        try:
            with request.env.cr.savepoint():
                org.write(values)
        except (UserError, ValidationError) as exc:
            return self._coop_render_membership(error=exc.name)
        if changes:
            body = "<p>%s</p><ul>%s</ul>" % (
                _("Changed in the portal by %s:") % request.env.user.name,
                "".join("<li>%s</li>" % html_escape(c) for c in changes))
            org.message_post(body=body, author_id=request.env.user.partner_id.id)
        return request.redirect("/my/membership?saved=1")

    @http.route("/my/membership/application/<int:application_id>/submit", type="http",
                auth="user", website=True, methods=["POST"])
    def portal_application_submit(self, application_id, **post):
        org = self._coop_organisation()
        application = request.env["coop.membership.application"].sudo().browse(application_id)
        if not org or not application.exists() or application.partner_id != org:
            raise NotFound()
        try:
            with request.env.cr.savepoint():
                application.action_submit()
        except UserError as exc:
            return request.redirect("/my/membership?error=%s" % url_quote(exc.name))
        return request.redirect("/my/membership?saved=1")

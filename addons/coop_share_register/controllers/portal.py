# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import werkzeug.urls

from odoo import _, fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal, pager as portal_pager

from ..models.coop_shareholder_portal import PORTAL_FIELDS


class ShareholderPortal(CustomerPortal):
    """/my/aandelen: a shareholder's holdings in every cooperative, seen through the
    portal record rules (own holders only); sudo() only after the ownership check."""

    _holders_per_page = 10

    def _shareholder_domain(self):
        return [("partner_id", "=", request.env.user.partner_id.id)]

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        Holder = request.env["coop.shareholder"]
        values["shareholding_count"] = Holder.search_count(self._shareholder_domain()) \
            if Holder.check_access_rights("read", raise_exception=False) else 0
        values["shareholding_tiles"] = self._shareholding_tiles() \
            if values["shareholding_count"] else []
        return values

    def _shareholding_tiles(self):
        """The tiles of /my/home: one per cooperative the user holds shares in, with the
        number of shares held today: [{'register': name, 'shares': n}]. The holders come
        from a search under the portal record rules (the user's own); one query sums them."""
        holders = request.env["coop.shareholder"].search(
            self._shareholder_domain(), order="register_id, number")
        shares = holders.sudo().coop_shares_held()
        return [{"register": holder.sudo().register_id.name, "shares": shares[holder.id]}
                for holder in holders]

    def _shareholder_layout_values(self):
        """The portal layout's own values, without the document counters that the installed
        modules add to _prepare_portal_layout_values for /my/home (orders, invoices, scans,
        events, vacancies, shares: a search with record rules each). The shares pages show
        none of them: a third fewer queries per page (bench/bench_dar_portal.py)."""
        return CustomerPortal._prepare_portal_layout_values(self)

    def _shareholder_check_access(self, holder_id):
        """The holder if it is the current user's own, else raise (404 for the caller)."""
        holder = request.env["coop.shareholder"].browse(holder_id)
        holder.check_access_rights("read")
        holder.check_access_rule("read")
        holder = holder.exists()
        if not holder or holder.partner_id != request.env.user.partner_id:
            raise AccessError(_("This is not your shareholding."))
        return holder

    def _holder_card(self, holder):
        """What the page shows of one holding: positions, totals and entries. The holder
        comes from a search under the portal record rules (the user's own); its entries,
        classes and register are read with sudo(), limited to that holder, which spares the
        record rules' sub-searches on every related record (bench/bench_dar_portal.py)."""
        holder = holder.sudo()
        positions = holder.positions()
        entries = holder.env["coop.share.entry"].search(
            ["|", ("holder_to_id", "=", holder.id), ("holder_from_id", "=", holder.id),
             ("state", "!=", "cancel")], order="date desc, id desc")
        classes = holder.env["coop.share.class"].browse([p["class_id"] for p in positions])
        return {
            "holder": holder,
            "positions": [dict(p, share_class=classes.filtered(
                lambda c, p=p: c.id == p["class_id"])) for p in positions],
            "total": {key: sum(p[key] for p in positions)
                      for key in ("shares", "nominal", "paid", "unpaid")},
            "entries": entries,
            "requests": holder.change_request_ids.filtered(lambda r: r.state == "pending"),
            "assemblies": self._holder_assemblies(holder),
        }

    def _holder_assemblies(self, holder):
        """The coming general assemblies of the holder's cooperative that the holder was
        invited to: a sent invitation mailing of the assembly lists the holder (holder
        read with sudo, already checked to be the user's own)."""
        recipients = holder.env["coop.share.mailing.recipient"].search([
            ("holder_id", "=", holder.id),
            ("mailing_id.assembly_id", "!=", False),
            ("mailing_id.kind", "=", "assembly"),
            ("mailing_id.state", "in", ("sending", "done")),
        ])
        now = fields.Datetime.now()
        return recipients.mapped("mailing_id.assembly_id").filtered(
            lambda a: a.state != "closed" and a.date >= now).sorted("date")

    @http.route(["/my/aandelen", "/my/aandelen/page/<int:page>"], type="http",
                auth="user", website=True)
    def portal_my_shareholdings(self, page=1, **kw):
        values = self._shareholder_layout_values()
        Holder = request.env["coop.shareholder"]
        domain = self._shareholder_domain()
        count = Holder.search_count(domain)
        pager = portal_pager(url="/my/aandelen", total=count, page=page,
                             step=self._holders_per_page)
        # the user's own holders, found under the record rules (and the explicit domain)
        holders = Holder.search(domain, order="register_id, number",
                                limit=self._holders_per_page, offset=pager["offset"])
        values.update({
            "cards": [self._holder_card(h) for h in holders],
            "page_name": "shareholdings",
            "pager": pager,
            "default_url": "/my/aandelen",
            "year": fields.Date.from_string(fields.Date.context_today(Holder)).year - 1,
            "saved": kw.get("saved"),
        })
        return request.render("coop_share_register.portal_my_shareholdings", values)

    def _report_response(self, holder, report_xmlid, filename, data=None):
        report = request.env.ref(report_xmlid).sudo()
        content = report.with_context(lang=holder.lang).render_qweb_pdf(
            [holder.id], data=data)[0]
        return request.make_response(content, headers=[
            ("Content-Type", "application/pdf"), ("Content-Length", len(content)),
            ("Content-Disposition", 'attachment; filename="%s"' % filename)])

    @http.route("/my/aandelen/<int:holder_id>/certificaat", type="http", auth="user",
                website=True)
    def portal_shareholder_certificate(self, holder_id, **kw):
        try:
            holder = self._shareholder_check_access(holder_id)
        except (AccessError, MissingError):
            raise request.not_found()
        return self._report_response(
            holder, "coop_share_register.report_shareholder_certificate_action",
            "certificate-%s.pdf" % holder.number)

    @http.route("/my/aandelen/<int:holder_id>/jaaroverzicht/<int:year>", type="http",
                auth="user", website=True)
    def portal_shareholder_statement(self, holder_id, year, **kw):
        try:
            holder = self._shareholder_check_access(holder_id)
        except (AccessError, MissingError):
            raise request.not_found()
        if not 1900 < year < 2200:
            raise request.not_found()
        return self._report_response(
            holder, "coop_share_register.report_shareholder_statement_action",
            "statement-%s-%s.pdf" % (holder.number, year), data={"year": year})

    @http.route("/my/aandelen/<int:holder_id>/gegevens", type="http", auth="user",
                website=True, methods=["GET", "POST"])
    def portal_shareholder_details(self, holder_id, **post):
        try:
            holder = self._shareholder_check_access(holder_id)
        except (AccessError, MissingError):
            raise request.not_found()
        error = None
        if request.httprequest.method == "POST":
            values = {name: post.get(name, "") for name in PORTAL_FIELDS}
            try:
                change = holder.sudo().portal_update(values, request.env.user.partner_id)
            except ValidationError as exc:
                error = exc.name
            else:
                return request.redirect("/my/aandelen?saved=%s" % (
                    "pending" if change else "applied"))
        values = self._shareholder_layout_values()
        values.update({
            "holder": holder,
            "form": {name: post.get(name, holder[name] or "") if error else holder[name] or ""
                     for name in PORTAL_FIELDS},
            "error": error,
            "page_name": "shareholder_details",
        })
        return request.render("coop_share_register.portal_shareholder_details", values)

    @http.route("/my/aandelen/uitnodiging", type="http", auth="public", website=True,
                sitemap=False)
    def portal_shareholder_invitation(self, token=None, **kw):
        """The link of a portal invitation. A visitor who is not logged in goes to the
        login page (with its sign-up link) and comes back here; a logged-in user gets
        the holding on his own account. A used, expired or unknown token: 404."""
        Invitation = request.env["coop.shareholder.invitation"]
        # the token is the proof: looked up as superuser, nothing shown before it matched
        if not Invitation._find_valid(token):
            return self._invitation_invalid()
        if request.env.user._is_public():
            back = "/my/aandelen/uitnodiging?" + werkzeug.urls.url_encode({"token": token})
            return request.redirect("/web/login?" + werkzeug.urls.url_encode(
                {"redirect": back}))
        try:
            Invitation.sudo()._accept(token, request.env.user)
        except UserError:
            return self._invitation_invalid()
        return request.redirect("/my/aandelen")

    def _invitation_invalid(self):
        return request.render("coop_share_register.portal_invitation_invalid", {},
                              status=404)

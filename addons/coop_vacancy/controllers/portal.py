# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""/my/vacatures: a contact of an organisation posts and manages its organisation's vacancies."""
from werkzeug.exceptions import Forbidden, NotFound
from werkzeug.urls import url_encode

from odoo import _, fields, http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from ..models.coop_vacancy import CONTRACT_TYPES, HOURS_UNITS, PROVINCES

PORTAL_PAGE_SIZE = 20
TEXT_FIELDS = ("name", "city", "apply_url", "apply_email")
HTML_FIELDS = ("description", "profile", "offer")


def selection(field):
    """A selection of coop.vacancy as (value, label) pairs in the visitor's language."""
    return request.env["coop.vacancy"].fields_get([field])[field]["selection"]


class VacancyPortal(CustomerPortal):

    def _vacancy_org(self):
        """The organisation the current user posts for (its commercial partner), or None."""
        org = request.env.user.partner_id.commercial_partner_id
        return org if org.is_company else None

    def _vacancy_domain(self):
        org = self._vacancy_org()
        return [("partner_id", "=", org.id if org else 0)]

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        values["vacancy_has_org"] = bool(self._vacancy_org())
        values["vacancy_count"] = request.env["coop.vacancy"].search_count(self._vacancy_domain())
        return values

    def _vacancy_check_access(self, vacancy_id):
        """The vacancy, if it exists and belongs to the user's organisation; 404 otherwise,
        the same answer for a missing and for another organisation's vacancy (a 403 would
        tell an outsider that it exists). Decided with the user's own rights (ACL and
        record rules), before any sudo()."""
        vacancy = request.env["coop.vacancy"].browse(vacancy_id)
        if not vacancy.sudo().exists():
            raise NotFound()
        org = self._vacancy_org()
        try:
            vacancy.check_access_rights("write")
            vacancy.check_access_rule("write")
        except AccessError:
            raise NotFound()
        if not org or vacancy.partner_id != org:
            raise NotFound()
        return vacancy

    def _vacancy_form_values(self, vacancy=None, post=None, error=None):
        values = self._prepare_portal_layout_values()
        values.update({
            "page_name": "vacancy",
            "vacancy": vacancy,
            "form": post or self._vacancy_form_data(vacancy),
            "error": error,
            "sectors": request.env["coop.membership.sector"].search([]),
            "provinces": selection("province"),
            "contract_types": selection("contract_type"),
            "hours_units": selection("hours_unit"),
            "org": self._vacancy_org(),
        })
        return values

    @staticmethod
    def _vacancy_form_data(vacancy):
        """The form's initial values: the vacancy's, or the defaults of a new one."""
        if not vacancy:
            return {"hours_unit": "hours"}
        data = {name: vacancy[name] or "" for name in TEXT_FIELDS + HTML_FIELDS + (
            "province", "contract_type", "hours_unit", "date_publication", "date_closing")}
        data["hours"] = "%g" % vacancy.hours if vacancy.hours else ""
        data["sector_id"] = vacancy.sector_id.id or ""
        return data

    def _vacancy_parse(self, post):
        """Values for coop.vacancy from the form; raises UserError on bad input."""
        vals = {}
        for name in TEXT_FIELDS:
            vals[name] = (post.get(name) or "").strip() or False
        for name in HTML_FIELDS:
            vals[name] = post.get(name) or False
        if not vals["name"]:
            raise UserError(_("Give the vacancy a title."))
        vals["province"] = post.get("province") if post.get("province") in dict(PROVINCES) else False
        vals["contract_type"] = (post.get("contract_type")
                                 if post.get("contract_type") in dict(CONTRACT_TYPES) else False)
        vals["hours_unit"] = post.get("hours_unit") if post.get("hours_unit") in dict(HOURS_UNITS) else "hours"
        try:
            vals["hours"] = float((post.get("hours") or "0").replace(",", "."))
        except ValueError:
            raise UserError(_("The working hours must be a number."))
        sector = post.get("sector_id") or ""
        sectors = request.env["coop.membership.sector"].search([])
        vals["sector_id"] = int(sector) if sector.isdigit() and int(sector) in sectors.ids else False
        for name in ("date_publication", "date_closing"):
            value = (post.get(name) or "").strip()
            if value:
                try:
                    value = fields.Date.to_string(fields.Date.from_string(value))
                except ValueError:
                    raise UserError(_("Dates are written as YYYY-MM-DD."))
            vals[name] = value or False
        return vals

    def _vacancy_save(self, vacancy, post):
        """Create or update from the form in a savepoint; return (vacancy, error message)."""
        org = self._vacancy_org()
        if post.get("partner_id") and post.get("partner_id") != str(org.id if org else ""):
            raise Forbidden()
        try:
            vals = self._vacancy_parse(post)
            if vacancy and vacancy.state == "published":
                # shown read-only: the publication date of a published vacancy stays
                vals.pop("date_publication", None)
            with request.env.cr.savepoint():
                if vacancy:
                    vacancy.poster_update(vals)
                else:
                    vals.update({"partner_id": org.id, "contact_id": request.env.user.partner_id.id})
                    vacancy = request.env["coop.vacancy"].create(vals)
        except (UserError, ValidationError) as exc:
            return vacancy, exc.name
        return vacancy, None

    # ------------------------------------------------------------------ routes

    @http.route(["/my/vacatures", "/my/vacatures/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_vacancies(self, page=1, **kw):
        values = self._prepare_portal_layout_values()
        Vacancy = request.env["coop.vacancy"]
        domain = self._vacancy_domain()
        total = Vacancy.search_count(domain)
        pager = request.website.pager(url="/my/vacatures", total=total, page=page, step=PORTAL_PAGE_SIZE)
        vacancies = Vacancy.search(domain, limit=PORTAL_PAGE_SIZE, offset=pager["offset"],
                                   order="create_date desc, id desc")
        # The user's own vacancies only (checked above by the domain and record rules).
        views = request.env["coop.vacancy.view"].sudo().views_per_vacancy(vacancies.ids)
        values.update({"vacancies": vacancies, "pager": pager, "views": views,
                       "page_name": "vacancy", "org": self._vacancy_org(),
                       "message": kw.get("message")})
        return request.render("coop_vacancy.portal_my_vacancies", values)

    @http.route("/my/vacatures/new", type="http", auth="user", website=True, methods=["GET", "POST"])
    def portal_vacancy_new(self, **post):
        if not self._vacancy_org():
            return request.render("coop_vacancy.portal_vacancy_no_org", self._prepare_portal_layout_values())
        if request.httprequest.method == "POST":
            vacancy, error = self._vacancy_save(None, post)
            if not error:
                return request.redirect("/my/vacatures/%d" % vacancy.id)
            return request.render("coop_vacancy.portal_vacancy_form",
                                  self._vacancy_form_values(None, post, error))
        return request.render("coop_vacancy.portal_vacancy_form", self._vacancy_form_values())

    @http.route("/my/vacatures/<int:vacancy_id>/edit", type="http", auth="user", website=True,
                methods=["GET", "POST"])
    def portal_vacancy_edit(self, vacancy_id, **post):
        vacancy = self._vacancy_check_access(vacancy_id)
        if request.httprequest.method == "POST":
            vacancy, error = self._vacancy_save(vacancy, post)
            if not error:
                return request.redirect("/my/vacatures/%d" % vacancy.id)
            return request.render("coop_vacancy.portal_vacancy_form",
                                  self._vacancy_form_values(vacancy, post, error))
        return request.render("coop_vacancy.portal_vacancy_form", self._vacancy_form_values(vacancy))

    @http.route("/my/vacatures/<int:vacancy_id>", type="http", auth="user", website=True)
    def portal_vacancy_preview(self, vacancy_id, **kw):
        vacancy = self._vacancy_check_access(vacancy_id)
        values = self._prepare_portal_layout_values()
        values.update({"vacancy": vacancy, "preview": True, "page_name": "vacancy",
                       "views": vacancy.sudo().unique_view_count, "error": kw.get("error"),
                       "json_ld": False})
        return request.render("coop_vacancy.portal_vacancy_preview", values)

    def _vacancy_action(self, vacancy_id, method):
        vacancy = self._vacancy_check_access(vacancy_id)
        try:
            with request.env.cr.savepoint():
                result = getattr(vacancy, method)()
        except (UserError, ValidationError) as exc:
            return request.redirect("/my/vacatures/%d?%s" % (
                vacancy.id, url_encode({"error": exc.name})))
        # a repost is a new vacancy: show that one
        if isinstance(result, dict) and result.get("res_model") == vacancy._name and result.get("res_id"):
            return request.redirect("/my/vacatures/%d" % result["res_id"])
        return request.redirect("/my/vacatures/%d" % vacancy.id)

    @http.route("/my/vacatures/<int:vacancy_id>/submit", type="http", auth="user", website=True, methods=["POST"])
    def portal_vacancy_submit(self, vacancy_id, **kw):
        return self._vacancy_action(vacancy_id, "action_submit")

    @http.route("/my/vacatures/<int:vacancy_id>/withdraw", type="http", auth="user", website=True, methods=["POST"])
    def portal_vacancy_withdraw(self, vacancy_id, **kw):
        return self._vacancy_action(vacancy_id, "action_close")

    @http.route("/my/vacatures/<int:vacancy_id>/repost", type="http", auth="user", website=True, methods=["POST"])
    def portal_vacancy_repost(self, vacancy_id, **kw):
        return self._vacancy_action(vacancy_id, "action_repost")

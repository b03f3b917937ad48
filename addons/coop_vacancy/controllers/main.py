# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Public pages of the vacancy bank: the overview, one vacancy, the Atom feed."""
import json
import re

from lxml import etree

from odoo import _, fields, http
from odoo.addons.http_routing.models.ir_http import unslug
from odoo.http import request

from odoo.addons.coop_website.tools.params import parse_id

from ..models.coop_vacancy import CONTRACT_TYPES, PROVINCES

PAGE_SIZE = 12
BOT_RE = re.compile(
    r"bot|crawl|spider|slurp|mediapartners|facebookexternalhit|embedly|preview|scan|monitor|"
    r"curl|wget|python-requests|python-urllib|httpclient|java/|go-http|libwww|okhttp|"
    r"feedfetcher|lighthouse|pingdom|uptime", re.IGNORECASE)
ATOM = "http://www.w3.org/2005/Atom"


def is_bot(user_agent):
    """Obvious robots, by user agent (a missing user agent is a robot too)."""
    return not user_agent or bool(BOT_RE.search(user_agent))


def count_view(vacancy_id=None):
    """Count a unique view of this page for the current visitor, unless the visitor is a
    robot or a logged-in internal user. One INSERT, no write on the vacancy."""
    mode = request.env["ir.config_parameter"].sudo().get_param("coop_vacancy.view_counter", "unique")
    if mode == "off":
        return
    if is_bot(request.httprequest.headers.get("User-Agent", "")):
        return
    if request.session.uid and request.env.user.has_group("base.group_user"):
        return
    if mode == "generic" and vacancy_id:
        # Odoo's usual way (a counter field written per view), only for the load benchmark.
        vacancy = request.env["coop.vacancy"].sudo().browse(vacancy_id)
        vacancy.write({"generic_view_count": vacancy.generic_view_count + 1})
        return
    request.env["coop.vacancy.view"].sudo().register_view(request.session.sid, vacancy_id)


def selection(field):
    """A selection of coop.vacancy as (value, label) pairs in the visitor's language."""
    return request.env["coop.vacancy"].sudo().fields_get([field])[field]["selection"]


def public_domain():
    return request.env["coop.vacancy"].sudo()._public_domain()


class VacancyWebsite(http.Controller):

    def _filters(self, kw):
        """The overview's filters from the query string, validated."""
        sectors = request.env["coop.membership.sector"].sudo().search([])
        filters = {"sector": None, "province": None, "contract": None, "members": False,
                   "search": (kw.get("search") or "").strip()[:100]}
        sector_id = kw.get("sector") or ""
        if sector_id.isdigit() and int(sector_id) in sectors.ids:
            filters["sector"] = int(sector_id)
        if kw.get("province") in dict(PROVINCES):
            filters["province"] = kw["province"]
        if kw.get("contract") in dict(CONTRACT_TYPES):
            filters["contract"] = kw["contract"]
        filters["members"] = kw.get("members") == "1"
        return filters, sectors

    def _domain(self, filters):
        domain = public_domain()
        if filters["sector"]:
            domain.append(("sector_id", "=", filters["sector"]))
        if filters["province"]:
            domain.append(("province", "=", filters["province"]))
        if filters["contract"]:
            domain.append(("contract_type", "=", filters["contract"]))
        if filters["members"]:
            domain.append(("member_posting", "=", True))
        if filters["search"]:
            domain += ["|", "|", "|", ("name", "ilike", filters["search"]),
                       ("partner_id.name", "ilike", filters["search"]),
                       ("city", "ilike", filters["search"]),
                       ("description", "ilike", filters["search"])]
        return domain

    @http.route(["/vacatures", "/vacatures/page/<int:page>"], type="http", auth="public", website=True)
    def vacancies(self, page=1, **kw):
        page = int(page) if str(page).isdigit() else 1
        filters, sectors = self._filters(kw)
        Vacancy = request.env["coop.vacancy"].sudo()
        domain = self._domain(filters)
        total = Vacancy.search_count(domain)
        url_args = {k: v for k, v in (
            ("sector", filters["sector"]), ("province", filters["province"]),
            ("contract", filters["contract"]), ("members", "1" if filters["members"] else None),
            ("search", filters["search"] or None)) if v}
        pager = request.website.pager(url="/vacatures", total=total, page=page, step=PAGE_SIZE,
                                      url_args=url_args)
        vacancies = Vacancy.search(domain, limit=PAGE_SIZE, offset=pager["offset"],
                                   order="date_publication desc, id desc")
        count_view()
        return request.render("coop_vacancy.vacancies_page", {
            "vacancies": vacancies, "pager": pager, "filters": filters, "sectors": sectors,
            "provinces": selection("province"), "contract_types": selection("contract_type"), "total": total,
            "url_args": url_args,
        })

    @http.route("/vacatures/feed", type="http", auth="public", website=True, sitemap=False)
    def feed(self, **kw):
        vacancies = request.env["coop.vacancy"].sudo().search(
            public_domain(), limit=50, order="date_publication desc, id desc")
        base = request.httprequest.url_root.rstrip("/")
        return request.make_response(self._atom(vacancies, base), headers=[
            ("Content-Type", "application/atom+xml; charset=utf-8")])

    def _atom(self, vacancies, base):
        def sub(parent, tag, text=None, **attrs):
            el = etree.SubElement(parent, "{%s}%s" % (ATOM, tag), **attrs)
            if text is not None:
                el.text = text
            return el

        def stamp(date):
            return "%sT00:00:00Z" % date

        root = etree.Element("{%s}feed" % ATOM, nsmap={None: ATOM})
        root.set("{http://www.w3.org/XML/1998/namespace}lang", "nl")
        env = request.env
        sub(root, "title", _("Coopkracht vacancies"))
        sub(root, "id", base + "/vacatures")
        sub(root, "link", href=base + "/vacatures/feed", rel="self")
        sub(root, "link", href=base + "/vacatures")
        sub(root, "updated", stamp(max(vacancies.mapped("date_publication") or
                                       [fields.Date.context_today(env.user)])))
        for vacancy in vacancies:
            entry = sub(root, "entry")
            sub(entry, "title", vacancy.name)
            url = base + vacancy.website_url
            sub(entry, "id", url)
            sub(entry, "link", href=url)
            sub(entry, "updated", stamp(vacancy.date_publication))
            sub(entry, "published", stamp(vacancy.date_publication))
            author = sub(entry, "author")
            sub(author, "name", vacancy.partner_id.name)
            summary = ", ".join(x for x in (vacancy.partner_id.name, vacancy.city) if x)
            sub(entry, "summary", summary)
            sub(entry, "content", vacancy.description or "", type="html")
        return etree.tostring(root, xml_declaration=True, encoding="utf-8")

    @http.route("/vacatures/<string:vacancy_slug>", type="http", auth="public", website=True)
    def vacancy(self, vacancy_slug, **kw):
        _name, vacancy_id = unslug(vacancy_slug)
        vacancy_id = parse_id(vacancy_id)
        if not vacancy_id:
            raise request.not_found()
        vacancy = request.env["coop.vacancy"].sudo().search(
            public_domain() + [("id", "=", vacancy_id)])
        if not vacancy:
            raise request.not_found()
        if vacancy.website_url != "/vacatures/%s" % vacancy_slug:
            return request.redirect(vacancy.website_url, code=301)
        count_view(vacancy.id)
        return request.render("coop_vacancy.vacancy_page", {
            "vacancy": vacancy, "json_ld": self._json_ld(vacancy), "preview": False,
        })

    @staticmethod
    def _json_ld(vacancy):
        # Inside <script>, "</script>" ends the element and "<!--" changes how the browser
        # looks for that end: no "<", ">" or "&" at all, as JSON escapes (same data).
        data = json.dumps(vacancy.schema_org_job_posting(), ensure_ascii=False)
        return data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

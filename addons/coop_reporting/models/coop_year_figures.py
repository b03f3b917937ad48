# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The annual report's figures ("Jaarcijfers") for one year, collected from the addons.

Each addon that has figures to give implements ``coop_year_figures(year)`` on its main
model; this model calls it only when it exists and renders the returned dict generically
(see readme/USAGE.rst for the accepted shape). Members and fee income are computed here."""
import base64
import datetime
import io

import xlsxwriter

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.safe_eval import safe_eval

from odoo.addons.coop_website.tools import formatting

MEMBER_STATES = ("member", "former")
DASHBOARD_YEARS = 10  # complete years offered in the year bar of the screen


class CoopYearFigures(models.TransientModel):
    _name = "coop.year.figures"
    _description = "Annual figures"

    name = fields.Char(compute="_compute_name")
    year = fields.Integer(required=True, default=lambda self: self._default_year())
    # The year bar of the screen: clickable in read mode, so choosing a year saves it and
    # write() recomputes the figures (keys carry a letter: the web client would turn a
    # key "2025" into a number, which is no selection key).
    year_choice = fields.Selection(selection="_selection_year_choice", string="Year",
                                   compute="_compute_year_choice", inverse="_inverse_year_choice")
    line_ids = fields.One2many(comodel_name="coop.year.figures.line", inverse_name="figures_id",
                               string="Figures", readonly=True)
    xlsx_file = fields.Binary(string="XLSX file", readonly=True, attachment=False)
    xlsx_filename = fields.Char(readonly=True)

    @api.model
    def _default_year(self):
        return fields.Date.from_string(fields.Date.context_today(self)).year - 1

    @api.model
    def _dashboard_years(self):
        """The years offered in the year bar: the last complete years, oldest first."""
        last = self._default_year()
        return list(range(last - DASHBOARD_YEARS + 1, last + 1))

    @api.model
    def _selection_year_choice(self):
        return [("y%d" % year, "%d" % year) for year in self._dashboard_years()]

    @api.depends("year")
    def _compute_name(self):
        for figures in self:
            figures.name = _("Annual figures %s") % figures.year

    @api.depends("year")
    def _compute_year_choice(self):
        years = self._dashboard_years()
        for figures in self:
            figures.year_choice = "y%d" % figures.year if figures.year in years else False

    @api.multi
    def _inverse_year_choice(self):
        for figures in self:
            if figures.year_choice:
                figures.year = int(figures.year_choice[1:])

    # ------------------------------------------------------------------- CRUD

    @api.multi
    def write(self, vals):
        """A new year recomputes the figures: the screen shows them without a button."""
        result = super().write(vals)
        if "year" in vals:
            for figures in self:
                figures.action_compute()
        return result

    # ------------------------------------------------------------------ actions

    @api.model
    def action_open_dashboard(self, year=None):
        """The Jaarcijfers screen: the figures of the last complete year (or of year),
        computed, in read mode without Save/Discard; the year bar changes the year."""
        figures = self.create({"year": year or self._default_year()})
        figures.action_compute()
        action = figures._reopen()
        action.update({"name": figures.name, "flags": {"sidebar": False, "pager": False}})
        return action

    @api.multi
    def action_compute(self):
        """Collect the figures of the chosen year and show them."""
        self.ensure_one()
        rows = self._collect(self.year)
        self.line_ids.unlink()
        self.write({"line_ids": [(0, 0, dict(row, sequence=index)) for index, row in enumerate(rows)],
                    "xlsx_file": False, "xlsx_filename": False})
        return self._reopen()

    @api.multi
    def action_export_xlsx(self):
        """The figures as an XLSX workbook (computed first when needed), downloaded."""
        self.ensure_one()
        if not self.line_ids:
            self.action_compute()
        self.write({"xlsx_file": base64.b64encode(self._build_xlsx()),
                    "xlsx_filename": "jaarcijfers_%s.xlsx" % self.year})
        return {
            "type": "ir.actions.act_url",
            "target": "self",
            "url": "/web/content/?model=%s&id=%d&field=xlsx_file&filename_field=xlsx_filename&download=true"
                   % (self._name, self.id),
        }

    @api.multi
    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(self.env.ref("coop_reporting.coop_year_figures_view_form").id, "form")],
            "target": "current",
        }

    # ------------------------------------------------------------- collecting

    @api.model
    def _year_bounds(self, year):
        if not 1900 < year < 3000:
            raise UserError(_("Give a valid year."))
        return (fields.Date.to_string(datetime.date(year, 1, 1)),
                fields.Date.to_string(datetime.date(year, 12, 31)))

    @api.model
    def _sections(self):
        """(section key, title, collector) in display order. Override to add one."""
        return [
            ("members", _("Members"), self._figures_members),
            ("fees", _("Membership fees"), self._figures_fees),
            ("general_assembly", _("General assembly"), self._figures_general_assembly),
            ("share_register", _("DAR (share register)"), self._figures_share_register),
            ("vacancies", _("Vacancy bank"), self._figures_vacancies),
            ("events", _("Events"), self._figures_events),
            ("newsletters", _("Newsletters"), self._figures_newsletters),
            ("compass", _("ICA compass"), self._figures_compass),
        ]

    @api.model
    def _check_access(self):
        """Transient models have no access rules in 11.0: staff and board only."""
        user = self.env.user
        if not (user.has_group("coop_website.group_coop_user") or user.has_group("coop_website.group_coop_board")):
            raise AccessError(_("Only Coopkracht staff and board members may see the annual figures."))

    @api.model
    def _collect(self, year):
        """All figures of year as line values (dicts), sections in order."""
        self._check_access()
        rows = []
        for key, title, collector in self._sections():
            for row in collector(year) or []:
                row = dict(row)
                row.setdefault("section", title)
                row["section_key"] = key
                rows.append(row)
        return rows

    @api.model
    def _row(self, key, label, value, res_model=False, domain=None, kind=None):
        """One figure: value is a number or a text; res_model and domain say which records
        lie behind it (the click-through)."""
        if kind is None:
            kind = "number" if isinstance(value, (int, float)) and not isinstance(value, bool) else "text"
        return {
            "key": key,
            "label": label,
            "value": float(value) if kind in ("number", "percent", "change", "amount") else 0.0,
            "kind": kind,
            "value_text": self._format_value(value, kind),
            "res_model": res_model or False,
            "domain": repr(domain) if domain is not None else False,
        }

    @api.model
    def _format_value(self, value, kind):
        if value is None or value is False:
            return ""
        if kind == "percent":
            return ("%.1f %%" % value).replace(".", ",")
        if kind == "change":
            return ("%+.1f %%" % (value or 0.0)).replace(".", ",")  # no "-0,0 %"
        if kind == "amount":
            currency = self.env.user.company_id.currency_id
            return formatting.format_amount(value, currency.symbol)
        if kind == "number":
            return formatting.format_number(value, 0 if float(value).is_integer() else 2)
        return "%s" % value

    # members ---------------------------------------------------------------

    @api.model
    def _member_domain_on(self, date):
        """Organisations that are a member on date (coop_membership's rule)."""
        return self.env["res.partner"]._coop_member_on_domain(date)

    @api.model
    def _figures_members(self, year):
        partner = self.env["res.partner"].with_context(active_test=False)
        start, end = self._year_bounds(year)
        previous_end = fields.Date.to_string(datetime.date(year - 1, 12, 31))
        members_domain = self._member_domain_on(end)
        new_domain = [("is_company", "=", True), ("coop_membership_state", "in", MEMBER_STATES),
                      ("coop_join_date", ">=", start), ("coop_join_date", "<=", end)]
        left_domain = [("is_company", "=", True), ("coop_membership_state", "in", MEMBER_STATES),
                       ("coop_leave_date", ">=", start), ("coop_leave_date", "<=", end)]
        members = partner.search_count(members_domain)
        at_start = partner.search_count(self._member_domain_on(previous_end))
        new = partner.search_count(new_domain)
        left = partner.search_count(left_domain)
        rows = [
            self._row("members", _("Members at year end"), members, "res.partner", members_domain),
            self._row("members_start", _("Members at the start of the year"), at_start, "res.partner",
                      self._member_domain_on(previous_end)),
            self._row("new", _("New members"), new, "res.partner", new_domain),
            self._row("new_pct", _("New members (percentage of the members at the start)"),
                      100.0 * new / at_start if at_start else 0.0, "res.partner", new_domain, kind="change"),
            self._row("left", _("Members who left"), left, "res.partner", left_domain),
            self._row("left_pct", _("Members who left (percentage of the members at the start)"),
                      -100.0 * left / at_start if at_start else 0.0, "res.partner", left_domain, kind="change"),
        ]
        rows += self._members_breakdown(year, members_domain, left_domain)
        return rows

    @api.model
    def _members_breakdown(self, year, members_domain, left_domain):
        """Leavers by reason, members by size (fee category, with their share) and the
        number of sectors the members work in."""
        rows = self._grouped_rows("left_reason", _("Left, reason: %s"), left_domain, "coop_leave_reason_id")
        rows += self._grouped_rows("size", _("Members by size: %s"), members_domain, "coop_category_id",
                                   percent=True)
        member_ids = self.env["res.partner"].with_context(active_test=False).search(members_domain).ids
        sector_ids = []
        if member_ids:
            self.env.cr.execute("""
                SELECT DISTINCT sector_id FROM coop_membership_sector_partner_rel
                 WHERE partner_id IN %s""", (tuple(member_ids),))
            sector_ids = sorted(row[0] for row in self.env.cr.fetchall())
        rows.append(self._row("sectors", _("Number of sectors"), len(sector_ids), "coop.membership.sector",
                              [("id", "in", sector_ids)]))
        return rows

    @api.model
    def _grouped_rows(self, key, label, domain, field_name, percent=False):
        partner = self.env["res.partner"].with_context(active_test=False)
        groups = partner.read_group(domain, [field_name], [field_name], orderby=field_name)
        total = sum(group["%s_count" % field_name] for group in groups)
        rows = []
        for group in groups:
            value, text = group[field_name] or (False, _("unknown"))
            count = group["%s_count" % field_name]
            group_domain = domain + [(field_name, "=", value)]
            rows.append(self._row("%s_%s" % (key, value), label % text, count, "res.partner", group_domain))
            if percent and total:
                rows.append(self._row("%s_%s_pct" % (key, value), (label % text) + " (%)",
                                      100.0 * count / total, "res.partner", group_domain, kind="percent"))
        return rows

    # fees ------------------------------------------------------------------

    @api.model
    def _fee_invoice_domain(self, year):
        start, end = self._year_bounds(year)
        return [("type", "in", ("out_invoice", "out_refund")), ("state", "in", ("open", "paid")),
                ("date_invoice", ">=", start), ("date_invoice", "<=", end),
                ("invoice_line_ids.product_id.membership", "=", True)]

    @api.model
    def _figures_fees(self, year):
        """Fee income: membership product lines of the year's posted customer invoices."""
        start, end = self._year_bounds(year)
        line_domain = [("invoice_id.type", "in", ("out_invoice", "out_refund")),
                       ("invoice_id.state", "in", ("open", "paid")),
                       ("invoice_id.date_invoice", ">=", start), ("invoice_id.date_invoice", "<=", end),
                       ("product_id.membership", "=", True)]
        # An aggregate for staff and board (checked in _collect), who need not have billing
        # rights; the click-through shows the invoices only to those who may read them.
        groups = self.env["account.invoice.line"].sudo().read_group(line_domain, ["price_subtotal_signed"], [])
        income = (groups[0]["price_subtotal_signed"] or 0.0) if groups else 0.0
        invoice_domain = self._fee_invoice_domain(year)
        count = self.env["account.invoice"].sudo().search_count(invoice_domain)
        return [
            self._row("fee_income", _("Membership fee income (excl. VAT)"), income, "account.invoice",
                      invoice_domain, kind="amount"),
            self._row("fee_invoices", _("Membership fee invoices"), count, "account.invoice", invoice_domain),
        ]

    # general assembly ------------------------------------------------------

    @api.model
    def _figures_general_assembly(self, year):
        """Date and attendance of the year's general assemblies (coop_membership)."""
        start, end = self._year_bounds(year)
        assemblies = self.env["coop.general.assembly"].sudo().search(
            [("date", ">=", start), ("date", "<=", end)], order="date, id")
        rows = []
        for assembly in assemblies:
            domain = [("id", "=", assembly.id)]
            attendance = [("assembly_id", "=", assembly.id)]
            key = "ga_%d" % assembly.id
            rows += [
                self._row(key + "_date", _("General assembly on"), self._format_date(assembly.date),
                          "coop.general.assembly", domain),
                self._row(key + "_present", _("General assembly: members present"), assembly.present_count,
                          "coop.assembly.attendance", attendance + [("state", "=", "present")]),
                self._row(key + "_proxy", _("General assembly: members represented by proxy"),
                          assembly.proxy_count, "coop.assembly.attendance", attendance + [("state", "=", "proxy")]),
                self._row(key + "_attendance", _("General assembly: members present or represented"),
                          assembly.present_count + assembly.proxy_count, "coop.assembly.attendance",
                          attendance + [("state", "in", ("present", "proxy"))]),
            ]
        return rows

    @api.model
    def _format_date(self, value):
        """A date string as the user's language shows dates."""
        lang = self.env["res.lang"]._lang_get(self.env.context.get("lang") or self.env.user.lang or "en_US")
        date_format = lang.date_format if lang else "%d/%m/%Y"
        return fields.Date.from_string(value).strftime(date_format)

    # the other addons ---------------------------------------------------------

    @api.model
    def _figures_share_register(self, year):
        """DAR client cooperatives: served directly (members) or via the partner."""
        start, end = self._year_bounds(year)
        domain = [("service_start", "<=", end), "|", ("service_end", "=", False), ("service_end", ">=", start)]
        links = {
            "clients": ("coop.share.register", domain),
            "members": ("coop.share.register", domain + [("service_mode", "=", "direct")]),
            "via_partner": ("coop.share.register", domain + [("service_mode", "=", "partner")]),
        }
        return self._figures_contract("coop.share.register", year, links)

    @api.model
    def _figures_vacancies(self, year):
        """Vacancies posted, the member and non-member organisations that posted them and
        the unique views of the overview page."""
        start, end = self._year_bounds(year)
        posted = [("date_publication", ">=", start), ("date_publication", "<=", end),
                  ("state", "in", ("published", "closed", "expired"))]
        vacancies = self.env["coop.vacancy"].sudo()
        members = vacancies.search(posted + [("member_posting", "=", True)]).mapped("partner_id")
        others = vacancies.search(posted + [("member_posting", "=", False)]).mapped("partner_id")
        links = {
            "posted": ("coop.vacancy", posted),
            "member_orgs": ("res.partner", [("id", "in", sorted(members.ids))]),
            "non_member_orgs": ("res.partner", [("id", "in", sorted(others.ids))]),
            "overview_unique_views": ("coop.vacancy.view", [("page_key", "=", "overview"),
                                                            ("day", ">=", start), ("day", "<=", end)]),
        }
        return self._figures_contract("coop.vacancy", year, links)

    @api.model
    def _figures_compass(self, year):
        """ICA compass: first-time completions and returning users."""
        start, end = self._year_bounds(year)
        links = {
            "first_time": ("coop.compass.scan", [("version", "=", 1), ("date_submitted", ">=", start),
                                                 ("date_submitted", "<=", end)]),
            "returning": ("coop.compass.scan", [("version", ">", 1), ("date_start", ">=", start),
                                                ("date_start", "<=", end)]),
        }
        return self._figures_contract("coop.compass.scan", year, links)

    @api.model
    def _figures_events(self, year):
        """Webinars one by one (date, participants, satisfaction), the Soirées (participants,
        score range and average) and the thematic conversations, from coop_events."""
        figures = self.env["event.event"].sudo().coop_year_figures(year)
        kinds = figures["kinds"]
        model = "event.event"
        rows = []
        attending = [("state", "in", ("open", "done")), ("coop_attendance", "!=", "no_show")]
        answered = [("state", "=", "done")]
        start, end = self._year_bounds(year)
        in_year = [("event_id.date_begin", ">=", start + " 00:00:00"), ("event_id.date_begin", "<=", end + " 23:59:59"),
                   ("event_id.state", "!=", "cancel")]

        def kind_domain(kind):
            return in_year + [("event_id.coop_kind", "=", kind)]

        webinars = figures["webinars"]
        rows.append(self._row(model + ".webinars", _("Webinars"), len(webinars), model,
                              [("id", "in", [w["id"] for w in webinars])]))
        for index, webinar in enumerate(webinars, start=1):
            key = "%s.webinar.%d" % (model, index)
            label = _("Webinar %(number)d '%(name)s'") % {"number": index, "name": webinar["name"]}
            event = [("event_id", "=", webinar["id"])]
            rows.append(self._row(key + ".date", "%s: %s" % (label, _("date")),
                                  self._format_date(webinar["date"]), model, [("id", "=", webinar["id"])]))
            rows.append(self._row(key + ".participants", "%s: %s" % (label, _("participants")),
                                  webinar["participants"], "event.registration", event + attending))
            if webinar["satisfaction"] is not None:
                rows.append(self._row(key + ".satisfaction", "%s: %s" % (label, _("satisfaction (out of 10)")),
                                      webinar["satisfaction"], "coop.event.evaluation", event + answered))
        for kind, title in (("soiree", _("Soirées")), ("thematic", _("Thematic conversations"))):
            data = kinds.get(kind, {})
            key = "%s.%s" % (model, kind)
            rows += [
                self._row(key + ".events", title, data.get("events", 0), model,
                          [("id", "in", [e["id"] for e in figures["soirees" if kind == "soiree" else kind]
                                         ["events_detail"]])]),
                self._row(key + ".participants", "%s: %s" % (title, _("participants")),
                          data.get("participants", 0), "event.registration", kind_domain(kind) + attending),
            ]
            if kind == "thematic":
                rows.append(self._row(key + ".organisations", "%s: %s" % (title, _("participating organisations")),
                                      figures["thematic"]["organisations"], "event.registration",
                                      kind_domain(kind) + attending))
            elif data.get("responses"):
                evaluations = kind_domain(kind) + answered
                rows += [
                    self._row(key + ".score_min", "%s: %s" % (title, _("lowest score")), data["score_min"],
                              "coop.event.evaluation", evaluations),
                    self._row(key + ".score_max", "%s: %s" % (title, _("highest score")), data["score_max"],
                              "coop.event.evaluation", evaluations),
                    self._row(key + ".score_range", "%s: %s" % (title, _("score range")),
                              "%s - %s" % (data["score_min"], data["score_max"]), "coop.event.evaluation",
                              evaluations),
                    self._row(key + ".average_score", "%s: %s" % (title, _("average score (out of 10)")),
                              data["average_score"], "coop.event.evaluation", evaluations),
                ]
        return rows

    @api.model
    def _figures_newsletters(self, year):
        """Newsletters and news flashes sent, their recipients and the average open rate."""
        figures = self.env["mail.mass_mailing"].sudo().coop_year_figures(year)
        start, end = self._year_bounds(year)
        sent = [("sent_date", ">=", start + " 00:00:00"), ("sent_date", "<=", end + " 23:59:59")]
        model = "mail.mass_mailing"
        return [
            self._row(model + ".newsletters", _("Newsletters"), figures["newsletter"]["mailings"], model,
                      sent + [("coop_mailing_kind", "=", "newsletter")]),
            self._row(model + ".flashes", _("News flashes"), figures["flash"]["mailings"], model,
                      sent + [("coop_mailing_kind", "=", "flash")]),
            self._row(model + ".recipients", _("Recipients (distinct contacts)"), figures["total"]["recipients"],
                      "mail.mail.statistics", [("mass_mailing_id.coop_mailing_kind", "!=", False),
                                               ("mass_mailing_id.sent_date", ">=", start + " 00:00:00"),
                                               ("mass_mailing_id.sent_date", "<=", end + " 23:59:59"),
                                               ("sent", "!=", False)]),
            self._row(model + ".open_rate", _("Average open rate"), figures["total"]["open_rate"], model,
                      sent + [("coop_mailing_kind", "!=", False)], kind="percent"),
        ]

    # contracts of the other addons ----------------------------------------

    @api.model
    def _contract_labels(self):
        """Dutch-translatable labels of the keys the other addons' contracts return."""
        return {
            "clients": _("Client cooperatives"),
            "members": _("Of which members"),
            "via_partner": _("Via the partner organisation"),
            "posted": _("Vacancies posted"),
            "member_orgs": _("Member organisations that posted"),
            "non_member_orgs": _("Non-members that posted"),
            "overview_unique_views": _("Unique views of the overview page"),
            "first_time": _("First-time completions"),
            "returning": _("Returning users"),
            "webinars": _("Webinars"),
            "soirees": _("Soirées"),
            "thematic_conversations": _("Thematic conversations"),
            "newsletters": _("Newsletters"),
            "flashes": _("Flashes"),
            "recipients": _("Recipients"),
            "open_rate": _("Average open rate"),
            "participants": _("Participants"),
            "satisfaction": _("Satisfaction"),
            "score_min": _("Lowest score"),
            "score_max": _("Highest score"),
            "score_range": _("Score range"),
            "average": _("Average"),
            "count": _("Number"),
            "date": _("Date"),
        }

    @api.model
    def _figures_contract(self, model_name, year, links=None):
        """Rows from model_name.coop_year_figures(year), if that addon provides it; links
        maps a top-level key to (model, domain) of the records behind that figure."""
        if model_name not in self.env or not hasattr(self.env[model_name], "coop_year_figures"):
            return []
        # Totals only (no record is shown), so staff and board get them whatever their
        # rights on the addon's records; the click-through opens the records with theirs.
        result = self.env[model_name].sudo().coop_year_figures(year) or {}
        for key, (res_model, domain) in (links or {}).items():
            if key in result and not isinstance(result[key], (dict, list, tuple)):
                result[key] = {"value": result[key], "label": self._label_for(key),
                               "res_model": res_model, "domain": domain}
        # Keys carry the model, so that two addons' "members" don't collide.
        return self._flatten(result, model_name, prefix=model_name, label_prefix="")

    @api.model
    def _label_for(self, key):
        return self._contract_labels().get(key) or str(key).replace("_", " ").capitalize()

    @api.model
    def _flatten(self, value, model_name, prefix, label_prefix):
        """Render a contract's dict generically (shape documented in readme/USAGE.rst)."""
        rows = []
        if isinstance(value, dict) and "value" in value and not isinstance(value["value"], (dict, list, tuple)):
            label = value.get("label") or label_prefix or prefix
            rows.append(self._row(prefix, label, value["value"], value.get("res_model") or model_name,
                                  value.get("domain"), kind=value.get("kind")))
            return rows
        if isinstance(value, dict):
            for key in value:
                label = self._label_for(key)
                rows += self._flatten(value[key], model_name, "%s%s" % (prefix and prefix + ".", key),
                                      "%s%s" % (label_prefix and label_prefix + " - ", label))
            return rows
        if isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                key = "%s.%d" % (prefix, index)
                if isinstance(item, (list, tuple)) and len(item) == 2:
                    rows += self._flatten(item[1], model_name, key,
                                          "%s - %s" % (label_prefix, item[0]) if label_prefix else "%s" % item[0])
                elif isinstance(item, dict) and "label" in item and "value" not in item:
                    # A record row, e.g. a webinar: label plus other figures.
                    sub = dict(item)
                    row_label = "%s - %s" % (label_prefix, sub.pop("label")) if label_prefix else sub.pop("label")
                    res_model, domain = sub.pop("res_model", None), sub.pop("domain", None)
                    for sub_key, sub_value in sub.items():
                        rows += self._flatten(
                            {"value": sub_value, "res_model": res_model, "domain": domain,
                             "label": "%s: %s" % (row_label, self._label_for(sub_key))}
                            if not isinstance(sub_value, (dict, list, tuple)) else sub_value,
                            model_name, "%s.%s" % (key, sub_key), "%s: %s" % (row_label, self._label_for(sub_key)))
                else:
                    rows += self._flatten(item, model_name, key, label_prefix)
            return rows
        rows.append(self._row(prefix, label_prefix or prefix, value, model_name, None))
        return rows

    # export ----------------------------------------------------------------

    @api.multi
    def _build_xlsx(self):
        self.ensure_one()
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        book.set_properties({"title": _("Annual figures %s") % self.year,
                             "company": self.env.user.company_id.name,
                             "created": datetime.datetime(self.year, 12, 31)})
        header = book.add_format({"bold": True, "bg_color": "#D9E1F2", "bottom": 1})
        bold = book.add_format({"bold": True})
        number = book.add_format({"num_format": "#,##0.##"})
        percent = book.add_format({"num_format": '0.0" %"'})
        change = book.add_format({"num_format": '+0.0" %";-0.0" %"'})
        symbol = self.env.user.company_id.currency_id.symbol or ""
        amount = book.add_format({"num_format": '#,##0.00 "%s"' % symbol})
        sheet = book.add_worksheet(_("Annual figures %s") % self.year)
        for col, title in enumerate([_("Section"), _("Figure"), _("Value")]):
            sheet.write_string(0, col, title, header)
        for row, line in enumerate(self.line_ids.sorted("sequence"), start=1):
            sheet.write_string(row, 0, line.section or "", bold)
            sheet.write_string(row, 1, line.label or "")
            if line.kind == "text":
                sheet.write_string(row, 2, line.value_text or "")
            else:
                fmt = {"percent": percent, "change": change, "amount": amount}.get(line.kind, number)
                sheet.write_number(row, 2, line.value, fmt)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(self.line_ids), 1), 2)
        sheet.set_column(0, 0, 28)
        sheet.set_column(1, 1, 55)
        sheet.set_column(2, 2, 16)
        book.close()
        return output.getvalue()


class CoopYearFiguresLine(models.TransientModel):
    _name = "coop.year.figures.line"
    _description = "Annual figure"
    _order = "sequence, id"

    figures_id = fields.Many2one(comodel_name="coop.year.figures", required=True, ondelete="cascade")
    sequence = fields.Integer()
    section = fields.Char()
    section_key = fields.Char()
    key = fields.Char()
    label = fields.Char(string="Figure")
    kind = fields.Selection(selection=[("number", "Number"), ("percent", "Percentage"),
                                       ("change", "Change (%)"), ("amount", "Amount"), ("text", "Text")],
                            default="number")
    value = fields.Float(digits=(16, 2))
    value_text = fields.Char(string="Value")
    res_model = fields.Char(string="Records")
    domain = fields.Char()

    @api.multi
    def action_open_records(self):
        """The records behind this figure, as a filtered list."""
        self.ensure_one()
        if not self.res_model or self.res_model not in self.env:
            raise UserError(_("No records are linked to this figure."))
        domain = safe_eval(self.domain) if self.domain else []
        action = {
            "type": "ir.actions.act_window",
            "name": self.label,
            "res_model": self.res_model,
            "view_mode": "tree,form",
            "views": [(False, "tree"), (False, "form")],
            "domain": domain,
            "target": "current",
            # archived records (a former member, a register no longer served) count too
            "context": {"active_test": False},
        }
        return action

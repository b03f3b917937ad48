# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.coop_website.tools.validators import normalise_company_number

MEMBERSHIP_STATES = [
    ("none", "Not a member"),
    ("applicant", "Applicant"),
    ("member", "Member"),
    ("former", "Former member"),
]

LEGAL_FORMS = [
    ("cv", "cv (cooperative company)"),
    ("cvso", "cvso (cooperative with social purpose)"),
    ("cvba", "cvba (cooperative with limited liability)"),
    ("vzw", "vzw (non-profit association)"),
    ("esv", "esv (economic partnership)"),
    ("bv", "bv (private company)"),
    ("nv", "nv (public company)"),
    ("other", "Other"),
]

COOP_MODELS = [
    ("consumer", "Consumer cooperative"),
    ("worker", "Worker cooperative"),
    ("producer", "Producer cooperative"),
    ("multi_stakeholder", "Multi-stakeholder cooperative"),
    ("citizen", "Citizen or energy cooperative"),
    ("housing", "Housing cooperative"),
    ("platform", "Platform cooperative"),
    ("other", "Other"),
]

LIFE_STAGES = [
    ("starting", "Starting"),
    ("growing", "Growing"),
    ("established", "Established"),
    ("restructuring", "Restructuring"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    coop_membership_state = fields.Selection(
        selection=MEMBERSHIP_STATES, string="Coopkracht membership", default="none",
        required=True, index=True, copy=False, track_visibility="onchange")
    coop_join_date = fields.Date(
        string="Joined Coopkracht on", copy=False, index=True, track_visibility="onchange")
    coop_leave_date = fields.Date(
        string="Left Coopkracht on", copy=False, index=True, track_visibility="onchange")
    coop_leave_reason_id = fields.Many2one(
        comodel_name="coop.membership.leave.reason", string="Leave reason", copy=False,
        ondelete="restrict", track_visibility="onchange")
    coop_category_id = fields.Many2one(
        comodel_name="coop.membership.category", string="Fee category", copy=False,
        ondelete="restrict", track_visibility="onchange", index=True)
    coop_legal_form = fields.Selection(
        selection=LEGAL_FORMS, string="Legal form", track_visibility="onchange")
    coop_sector_ids = fields.Many2many(
        comodel_name="coop.membership.sector", relation="coop_membership_sector_partner_rel",
        column1="partner_id", column2="sector_id", string="Sectors")
    coop_model = fields.Selection(selection=COOP_MODELS, string="Cooperative model")
    coop_employee_count = fields.Integer(string="Employees")
    coop_shareholder_count = fields.Integer(string="Shareholders")
    coop_turnover = fields.Float(string="Yearly turnover", digits=(16, 2))
    coop_life_stage = fields.Selection(selection=LIFE_STAGES, string="Life stage")
    coop_kbo_number = fields.Char(
        string="Company number (KBO/BCE)", copy=False, index=True, track_visibility="onchange",
        help="Belgian company number, e.g. 0123.456.789 (checked with its mod-97 check digits).")
    coop_directory_published = fields.Boolean(
        string="Shown in the member directory", copy=False,
        help="The organisation agreed to be listed in the public member directory on the website.")
    coop_application_ids = fields.One2many(
        comodel_name="coop.membership.application", inverse_name="partner_id", string="Applications")
    coop_fee_invoice_ids = fields.One2many(
        comodel_name="account.invoice", inverse_name="partner_id", string="Fee invoices",
        domain=[("coop_fee_year", "!=", False)])
    coop_attendance_ids = fields.One2many(
        comodel_name="coop.assembly.attendance", inverse_name="partner_id",
        string="General assembly attendances")

    @api.constrains("coop_join_date", "coop_leave_date")
    def _check_coop_leave_after_join(self):
        for partner in self:
            if partner.coop_join_date and partner.coop_leave_date and (
                    fields.Date.from_string(partner.coop_leave_date)
                    < fields.Date.from_string(partner.coop_join_date)):
                raise ValidationError(_("The leave date cannot be before the join date."))

    @api.constrains("coop_kbo_number", "is_company", "active")
    def _check_coop_kbo_number(self):
        for partner in self.filtered("coop_kbo_number"):
            if normalise_company_number(partner.coop_kbo_number) != partner.coop_kbo_number:
                raise ValidationError(_("The company number %s is not a valid Belgian "
                                        "company number (KBO/BCE).") % partner.coop_kbo_number)
            if partner.is_company and partner.active and self.search_count([
                    ("id", "!=", partner.id), ("is_company", "=", True),
                    ("coop_kbo_number", "=", partner.coop_kbo_number)]):
                raise ValidationError(_("Another organisation already has the company number %s.")
                                      % partner.coop_kbo_number)

    _sql_constraints = [
        ("coop_leave_after_join",
         "CHECK(coop_leave_date IS NULL OR coop_join_date IS NULL OR coop_leave_date >= coop_join_date)",
         "The leave date cannot be before the join date."),
    ]

    @api.model_cr
    def init(self):
        res = super().init()
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS res_partner_coop_kbo_number_active_uniq
            ON res_partner (coop_kbo_number)
            WHERE active AND is_company AND coop_kbo_number IS NOT NULL""")
        return res

    @api.model
    def _coop_prepare_kbo(self, vals, records=None):
        """Normalise and check the company number in vals before anything is written."""
        if vals.get("coop_kbo_number"):
            number = normalise_company_number(vals["coop_kbo_number"])
            if not number:
                raise ValidationError(_("The company number %s is not a valid Belgian "
                                        "company number (KBO/BCE).") % vals["coop_kbo_number"])
            vals["coop_kbo_number"] = number
            is_company = vals.get("is_company", records[:1].is_company if records else False)
            domain = [("is_company", "=", True), ("coop_kbo_number", "=", number)]
            if records:
                domain.append(("id", "not in", records.ids))
            if is_company and vals.get("active", True) and self.search_count(domain):
                raise ValidationError(_("Another organisation already has the company number %s.")
                                      % number)
        return vals

    @api.model
    def create(self, vals):
        self._coop_check_dates(vals)
        return super().create(self._coop_prepare_kbo(dict(vals)))

    @api.multi
    def write(self, vals):
        self._coop_check_dates(vals, records=self)
        return super().write(self._coop_prepare_kbo(dict(vals), records=self))

    @api.model
    def _coop_check_dates(self, vals, records=None):
        """Refuse a leave date before the join date before writing (the database's check
        constraint would otherwise answer first, without the Dutch message)."""
        if "coop_join_date" not in vals and "coop_leave_date" not in vals:
            return
        for partner in records if records is not None else [self.browse()]:
            join = vals["coop_join_date"] if "coop_join_date" in vals else partner.coop_join_date
            leave = vals["coop_leave_date"] if "coop_leave_date" in vals else partner.coop_leave_date
            if join and leave and fields.Date.to_string(
                    fields.Date.from_string(leave)) < fields.Date.to_string(fields.Date.from_string(join)):
                raise ValidationError(_("The leave date cannot be before the join date."))

    @api.multi
    def unlink(self):
        if self.filtered(lambda p: p.coop_membership_state in ("member", "former")
                         or p.coop_join_date):
            raise UserError(_("An organisation that is or was a member of Coopkracht cannot be "
                              "deleted: its membership history would be lost. Archive it instead."))
        return super().unlink()

    @api.multi
    def coop_is_member_on(self, date=None):
        """Whether this partner's organisation (its commercial partner) is a member of
        Coopkracht on date (a date string; today when omitted). The one place other addons
        ask "is this a member?" (vacancy prices, event tickets, votes)."""
        self.ensure_one()
        date = date or fields.Date.context_today(self)
        org = self.commercial_partner_id
        if org.coop_membership_state not in ("member", "former") or not org.coop_join_date:
            return False
        if fields.Date.from_string(org.coop_join_date) > fields.Date.from_string(date):
            return False
        return not org.coop_leave_date or (
            fields.Date.from_string(org.coop_leave_date) > fields.Date.from_string(date))

    @api.model
    def _coop_member_on_domain(self, date):
        """Search domain of the organisations that are members on date (the same rule
        as coop_is_member_on, for counting with search_count/read_group)."""
        return [
            ("is_company", "=", True),
            ("coop_membership_state", "in", ("member", "former")),
            ("coop_join_date", "!=", False),
            ("coop_join_date", "<=", date),
            "|", ("coop_leave_date", "=", False), ("coop_leave_date", ">", date),
        ]

    @api.multi
    def _coop_fee_amount(self, year, pro_rata=None):
        """The fee owed for year: the category's fee, pro rata by month for a member
        who joined during that year when the setting asks so."""
        self.ensure_one()
        fee = self.coop_category_id.fee
        if pro_rata is None:
            pro_rata = self.env["ir.config_parameter"].sudo().get_param(
                "coop_membership.fee_pro_rata", "False") == "True"
        join = self.coop_join_date and fields.Date.from_string(self.coop_join_date)
        if pro_rata and join and join.year == year:
            fee = round(fee * (12 - join.month + 1) / 12.0, 2)
        return fee

    @api.multi
    def _coop_create_fee_invoice(self, year, post=False):
        """Create this member's fee invoice for year (one per member and year), with a
        Belgian structured communication, in the member's language. Returns the invoice,
        or an empty recordset when that year's invoice exists already."""
        self.ensure_one()
        Invoice = self.env["account.invoice"]
        if Invoice.search_count([("partner_id", "=", self.id), ("coop_fee_year", "=", year),
                                 ("state", "!=", "cancel")]):
            return Invoice
        category = self.coop_category_id
        if not category or not category.product_id:
            raise UserError(_("%s has no fee category: set one before invoicing the fee.")
                            % self.name)
        year_start = datetime.date(year, 1, 1)
        year_end = datetime.date(year, 12, 31)
        join = self.coop_join_date and fields.Date.from_string(self.coop_join_date)
        date_from = max(year_start, join) if join else year_start
        today = fields.Date.from_string(fields.Date.context_today(self))
        date_invoice = min(max(date_from, today), year_end) if today.year <= year else date_from
        product = category.product_id
        line_name = self.with_context(lang=self.lang or "en_US")._coop_fee_line_name(year)
        invoice = Invoice.with_context(lang=self.lang or "en_US").create({
            "partner_id": self.id,
            "type": "out_invoice",
            "date_invoice": fields.Date.to_string(date_invoice),
            "coop_fee_year": year,
            "reference_type": "bba",
            "reference": Invoice.generate_bbacomm(
                "out_invoice", "bba", self.id, "")["value"]["reference"],
            "invoice_line_ids": [(0, 0, {
                "product_id": product.id,
                "name": line_name,
                "quantity": 1,
                "price_unit": self._coop_fee_amount(year),
                "account_id": self._coop_fee_account(product).id,
            })],
        })
        invoice.invoice_line_ids.write({"invoice_line_tax_ids": [(5, 0, 0)]})
        invoice.compute_taxes()
        self.env["membership.membership_line"].search([
            ("account_invoice_line", "in", invoice.invoice_line_ids.ids)]).write({
                "date_from": fields.Date.to_string(date_from),
                "date_to": fields.Date.to_string(year_end),
            })
        if post:
            invoice.action_invoice_open()
        return invoice

    @api.multi
    def _coop_fee_line_name(self, year):
        """The fee line's text, in the language of self's context (the member's)."""
        return _("%(category)s – membership fee %(year)s") % {
            "category": self.coop_category_id.name, "year": year}

    @api.model
    def _coop_fee_account(self, product):
        account = product.property_account_income_id or \
            product.categ_id.property_account_income_categ_id
        if not account:
            raise UserError(_("The membership product %s has no income account.") % product.name)
        return account

    @api.multi
    def _coop_end_membership(self):
        """The membership ends on its leave date (today or earlier): the organisation
        becomes former, leaves the member directory, its membership lines stop that day
        and its open fee invoices of later periods are flagged for staff."""
        for partner in self.filtered(lambda p: p.coop_membership_state == "member"
                                     and p.coop_leave_date):
            leave_date = partner.coop_leave_date
            partner.write({"coop_membership_state": "former",
                           "coop_directory_published": False})
            lines = self.env["membership.membership_line"].sudo().search([
                ("partner", "=", partner.id), ("date_cancel", "=", False),
                ("date_to", ">", leave_date)])
            lines.write({"date_cancel": leave_date})
            invoices = self.env["account.invoice"].sudo().search([
                ("partner_id", "=", partner.id), ("coop_fee_year", "!=", False),
                ("state", "in", ("draft", "open"))])
            invoices._coop_flag_after_leave(leave_date)
        return True

    @api.model
    def _cron_coop_end_memberships(self):
        """Daily: end the memberships whose leave date has come."""
        today = fields.Date.context_today(self)
        self.search([("coop_membership_state", "=", "member"), ("coop_leave_date", "!=", False),
                     ("coop_leave_date", "<=", today)])._coop_end_membership()
        return True

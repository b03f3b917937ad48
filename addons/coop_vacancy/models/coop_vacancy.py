# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.addons.coop_website.tools.identity import is_web_url
from odoo.addons.coop_website.tools.sharing import plain_text
from odoo.addons.http_routing.models.ir_http import slug
from odoo.exceptions import AccessError, UserError, ValidationError

CONTRACT_TYPES = [
    ("permanent", "Permanent"),
    ("temporary", "Temporary"),
    ("freelance", "Freelance"),
    ("volunteer", "Volunteer"),
    ("internship", "Internship"),
]
PROVINCES = [
    ("antwerpen", "Antwerp"),
    ("limburg", "Limburg"),
    ("oost_vlaanderen", "East Flanders"),
    ("vlaams_brabant", "Flemish Brabant"),
    ("west_vlaanderen", "West Flanders"),
    ("brussel", "Brussels"),
]
STATES = [
    ("draft", "Draft"),
    ("to_review", "To review"),
    ("published", "Published"),
    ("closed", "Closed"),
    ("expired", "Expired"),
    ("refused", "Refused"),
]
HOURS_UNITS = [("fte", "FTE"), ("hours", "Hours a week")]
# schema.org JobPosting employmentType per contract type
SCHEMA_EMPLOYMENT = {
    "permanent": "FULL_TIME",
    "temporary": "TEMPORARY",
    "freelance": "CONTRACTOR",
    "volunteer": "VOLUNTEER",
    "internship": "INTERN",
}
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Fields a poster (portal user) may fill in; everything else is decided by the workflow.
POSTER_FIELDS = {
    "name", "description", "city", "province", "contract_type", "hours", "hours_unit",
    "sector_id", "profile", "offer", "apply_url", "apply_email", "contact_id",
    "date_publication", "date_closing",
}
# Changing these on a published vacancy sends it back to review (when review applies).
CONTENT_FIELDS = POSTER_FIELDS - {"date_closing"}


class CoopVacancy(models.Model):
    _name = "coop.vacancy"
    _description = "Vacancy"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_publication desc, id desc"

    name = fields.Char(string="Title", required=True, track_visibility="onchange")
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Organisation", required=True, index=True,
        ondelete="restrict", domain=[("is_company", "=", True)], track_visibility="onchange")
    description = fields.Html(sanitize=True, strip_style=True)
    profile = fields.Html(string="Required profile", sanitize=True, strip_style=True)
    offer = fields.Html(string="What we offer", sanitize=True, strip_style=True)
    city = fields.Char(string="Place")
    province = fields.Selection(selection=PROVINCES, index=True)
    contract_type = fields.Selection(selection=CONTRACT_TYPES, index=True)
    hours = fields.Float(digits=(5, 2))
    hours_unit = fields.Selection(selection=HOURS_UNITS, default="hours")
    sector_id = fields.Many2one(comodel_name="coop.membership.sector", string="Sector", index=True,
                                ondelete="restrict")
    apply_url = fields.Char(string="Apply URL", help="Web page where candidates apply (http or https).")
    apply_email = fields.Char(string="Apply e-mail")
    contact_id = fields.Many2one(comodel_name="res.partner", string="Contact person",
                                 ondelete="set null")
    date_publication = fields.Date(string="Publication date", index=True, copy=False,
                                   track_visibility="onchange")
    date_closing = fields.Date(string="Closing date", index=True, copy=False,
                               track_visibility="onchange")
    state = fields.Selection(selection=STATES, default="draft", required=True, index=True,
                             copy=False, track_visibility="onchange")
    refuse_reason = fields.Text(string="Reason of refusal", copy=False)
    user_id = fields.Many2one(comodel_name="res.users", string="Posted by", copy=False,
                              default=lambda self: self.env.user, ondelete="set null")
    member_posting = fields.Boolean(
        string="Posted as member", copy=False, readonly=True,
        help="Whether the organisation was a Coopkracht member when the vacancy was published "
             "(free posting). Decided by coop_is_member_on.")
    invoice_id = fields.Many2one(comodel_name="account.invoice", string="Invoice", copy=False,
                                 readonly=True, ondelete="set null")
    reminder_sent = fields.Boolean(copy=False, readonly=True)
    generic_view_count = fields.Integer(
        copy=False, readonly=True,
        help="Only used by the load benchmark to compare with a counter written per view.")
    unique_view_count = fields.Integer(string="Unique views", compute="_compute_unique_view_count")
    website_url = fields.Char(compute="_compute_website_url")
    base_url = fields.Char(compute="_compute_website_url")
    logo = fields.Binary(related="partner_id.image_medium", readonly=True)

    _sql_constraints = [
        ("closing_after_publication",
         "CHECK(date_closing IS NULL OR date_publication IS NULL OR date_closing > date_publication)",
         "The closing date must be after the publication date."),
    ]

    @api.multi
    def _compute_unique_view_count(self):
        counts = self.env["coop.vacancy.view"].sudo().views_per_vacancy(self.ids)
        for vacancy in self:
            vacancy.unique_view_count = counts.get(vacancy.id, 0)

    @api.multi
    def _compute_website_url(self):
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        for vacancy in self:
            vacancy.website_url = "/vacatures/%s" % slug(vacancy) if vacancy.id else False
            vacancy.base_url = base

    @api.constrains("date_publication", "date_closing")
    def _check_dates(self):
        for vacancy in self:
            if vacancy.date_publication and vacancy.date_closing and (
                    fields.Date.from_string(vacancy.date_closing)
                    <= fields.Date.from_string(vacancy.date_publication)):
                raise ValidationError(_("The closing date must be after the publication date."))

    @api.constrains("contact_id", "partner_id")
    def _check_contact(self):
        """The contact person is someone of the organisation: the name is shown on the
        public page and the poster's mails go to this person."""
        for vacancy in self.sudo().filtered("contact_id"):
            if vacancy.contact_id.commercial_partner_id != vacancy.partner_id.commercial_partner_id:
                raise ValidationError(_("The contact person must belong to the vacancy's organisation."))

    @api.model
    def _coop_fix_label_translations(self):
        """Remove translations that label a field other than the id "ID" (see the data
        file); idempotent."""
        self.env.cr.execute("""
            DELETE FROM ir_translation t USING ir_model_fields f
             WHERE t.name = 'ir.model.fields,field_description' AND t.res_id = f.id
               AND f.model LIKE 'coop.vacancy%%' AND f.name <> 'id'
               AND upper(btrim(t.value)) = 'ID'""")
        return True

    @api.constrains("apply_url")
    def _check_apply_url(self):
        for vacancy in self.filtered("apply_url"):
            if not is_web_url(vacancy.apply_url):
                raise ValidationError(_("The apply URL must be a web address starting with http:// or https://."))

    @api.constrains("apply_email")
    def _check_apply_email(self):
        for vacancy in self.filtered("apply_email"):
            if not EMAIL_RE.match(vacancy.apply_email.strip()):
                raise ValidationError(_("The apply e-mail address is not valid."))

    @api.constrains("hours")
    def _check_hours(self):
        for vacancy in self:
            if vacancy.hours < 0 or (vacancy.hours_unit == "fte" and vacancy.hours > 1.5) or (
                    vacancy.hours_unit == "hours" and vacancy.hours > 60):
                raise ValidationError(_("The working hours are not plausible."))

    @api.model
    def create(self, vals):
        self._check_dates_vals(self.browse(), vals)
        if self._is_staff():
            return super().create(vals)
        # A poster (portal contact): the organisation is checked here, then the record is
        # created as superuser because mail.activity.mixin's fields are for employees only.
        self.check_access_rights("create")
        vals = dict(vals, partner_id=vals.get("partner_id") or self.env.user.partner_id.commercial_partner_id.id,
                    user_id=self.env.uid)
        self._check_poster_vals(vals, creating=True)
        record = super(CoopVacancy, self.sudo()).create(vals)
        return record.with_env(self.env)

    @api.multi
    def write(self, vals):
        staff = self._is_staff()
        if not staff:
            self._check_poster_vals(vals)
            self._check_poster_history(vals)
        for vacancy in self:
            self._check_dates_vals(vacancy, vals)
        watched = set(vals) & (CONTENT_FIELDS | {"date_closing"})
        before = {vacancy.id: vacancy._watched_values(watched) for vacancy in self} if watched else {}
        result = super().write(vals)
        for vacancy in self.filtered(lambda v: v.id in before):
            after = vacancy._watched_values(watched)
            changed = {name for name in watched if before[vacancy.id][name] != after[name]}
            if "date_closing" in changed and "reminder_sent" not in vals and vacancy.reminder_sent:
                # a new closing date gets its own reminder
                vacancy.sudo().write({"reminder_sent": False})
            if not staff and changed & CONTENT_FIELDS and vacancy.state == "published" \
                    and vacancy._needs_review():
                # A poster's change goes back to review, whichever way it was written
                # (portal form or RPC); a form saved without changes does not.
                vacancy.sudo().write({"state": "to_review"})
                vacancy.sudo()._schedule_review_activity()
        return result

    @api.multi
    def _watched_values(self, names):
        """The values of names, comparable before and after a write (records as ids,
        text with its whitespace normalised: a browser posts line ends as CRLF)."""
        self.ensure_one()
        values = {}
        for name in names:
            value = self[name]
            if isinstance(value, models.BaseModel):
                value = value.id
            elif isinstance(value, str):
                value = " ".join(value.split())
            values[name] = value
        return values

    @api.model
    def _check_dates_vals(self, vacancy, vals):
        """The closing date after the publication date, checked before the SQL constraint
        so that the user gets a clear message."""
        pub = vals.get("date_publication", vacancy.date_publication if vacancy else False)
        closing = vals.get("date_closing", vacancy.date_closing if vacancy else False)
        if pub and closing and fields.Date.from_string(closing) <= fields.Date.from_string(pub):
            raise ValidationError(_("The closing date must be after the publication date."))

    # ------------------------------------------------------------------ helpers

    @api.model
    def _is_staff(self):
        """Coopkracht staff (or the superuser/sudo) decide the workflow; posters only the content."""
        return self.env.uid == 1 or self.env.user.has_group("coop_website.group_coop_user")

    @api.model
    def _check_poster_vals(self, vals, creating=False):
        allowed = POSTER_FIELDS | ({"partner_id", "user_id"} if creating else set())
        forbidden = set(vals) - allowed
        if forbidden:
            raise AccessError(_("You may not change these fields of a vacancy: %s") % ", ".join(sorted(forbidden)))
        if creating and "partner_id" in vals:
            org = self.env.user.partner_id.commercial_partner_id
            if vals["partner_id"] != org.id:
                raise AccessError(_("You can only post vacancies for your own organisation."))

    @api.multi
    def _check_poster_history(self, vals):
        """A poster does not rewrite a posting that was online: a closed or expired vacancy
        is reposted (a new vacancy), not changed, and a published one keeps its publication
        date (the annual figures count vacancies by that date)."""
        new_date = vals.get("date_publication")
        if new_date and not isinstance(new_date, str):
            new_date = fields.Date.to_string(new_date)
        for vacancy in self:
            if vacancy.state in ("closed", "expired"):
                raise UserError(_("A closed or expired vacancy cannot be changed any more: repost it."))
            if vacancy.state == "published" and "date_publication" in vals \
                    and (new_date or False) != (vacancy.date_publication or False):
                raise UserError(_("The publication date of a published vacancy cannot be changed."))

    @api.multi
    def _check_poster_access(self):
        """The current user may change these vacancies (ACL and record rules)."""
        self.check_access_rights("write")
        self.check_access_rule("write")

    @api.model
    def _param(self, key, default=None):
        """A setting of the vacancy bank, read from the database (not from the ormcache,
        which a rolled-back transaction can leave stale)."""
        self.env.cr.execute("SELECT value FROM ir_config_parameter WHERE key = %s",
                            ("coop_vacancy.%s" % key,))
        row = self.env.cr.fetchone()
        return row[0] if row and row[0] is not None else default

    @api.model
    def _review_members(self):
        """Whether vacancies of members are reviewed before publication (a setting).
        Absent means off: the settings form deletes the parameter when unticked (and
        stores "True" when ticked); "1"/"0" were written before 11.0.1.1.0."""
        return self._param("review_members", "") not in ("0", "False", "")

    @api.model
    def _expiry_days(self):
        return int(self._param("expiry_days", "60") or 60)

    @api.model
    def _public_domain(self):
        """The vacancies shown on the website: published, their publication date reached
        and their closing date not passed (also between the closing date and the cron)."""
        today = fields.Date.context_today(self)
        return [("state", "=", "published"),
                "|", ("date_publication", "=", False), ("date_publication", "<=", today),
                "|", ("date_closing", "=", False), ("date_closing", ">=", today)]

    @api.model
    def _reminder_days(self):
        """Days before the closing date at which the poster is reminded."""
        return 7

    @api.model
    def _nonmember_price(self):
        return float(self._param("nonmember_price", "0") or 0.0)

    @api.multi
    def _is_member_org(self, date=None):
        self.ensure_one()
        return self.partner_id.coop_is_member_on(date or fields.Date.context_today(self))

    @api.multi
    def _needs_review(self):
        """Non-members are always reviewed; members when the setting asks it."""
        self.ensure_one()
        return not self._is_member_org() or self._review_members()

    @api.multi
    def _check_state(self, allowed, message):
        for vacancy in self:
            if vacancy.state not in allowed:
                raise UserError(message)

    @api.multi
    def _check_staff(self):
        if not self._is_staff():
            raise AccessError(_("Only Coopkracht staff can review vacancies."))

    @api.model
    def _get_reviewer(self):
        """The staff user who gets the review activities: the configured reviewer, else the
        first Coopkracht manager, else the first staff user."""
        reviewer_id = int(self._param("reviewer_user_id", "0") or 0)
        reviewer = self.env["res.users"].sudo().browse(reviewer_id).exists()
        if reviewer:
            return reviewer
        for xmlid in ("coop_website.group_coop_manager", "coop_website.group_coop_user"):
            users = self.env.ref(xmlid).users.filtered(lambda u: u.active and u.id != 1)
            if users:
                return users.sorted("id")[0]
        return self.env.ref("base.user_root")

    @api.multi
    def _send_template(self, xmlid):
        template = self.env.ref(xmlid)
        for vacancy in self:
            template.sudo().send_mail(vacancy.id, force_send=False)

    # ------------------------------------------------------------------ actions

    @api.multi
    def action_submit(self):
        """Poster submits: published directly (member, no review) or sent to review."""
        self._check_state(("draft", "refused"), _("Only a draft or refused vacancy can be submitted."))
        self._check_poster_access()
        for vacancy in self:
            if not vacancy.name or not vacancy.partner_id:
                raise UserError(_("A vacancy needs a title and an organisation."))
            if not vacancy.apply_url and not vacancy.apply_email:
                raise UserError(_("Tell candidates how to apply: an apply URL or an e-mail address."))
            if vacancy._needs_review():
                vacancy.sudo().write({"state": "to_review", "refuse_reason": False})
                vacancy.sudo()._schedule_review_activity()
            else:
                vacancy.sudo()._publish()
        return True

    @api.multi
    def _schedule_review_activity(self):
        reviewer = self._get_reviewer()
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for vacancy in self:
            vacancy.activity_schedule_review(reviewer, activity_type)

    @api.multi
    def activity_schedule_review(self, reviewer, activity_type):
        self.ensure_one()
        self.env["mail.activity"].sudo().create({
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
            "activity_type_id": activity_type.id,
            "summary": _("Review vacancy: %s") % self.name,
            "user_id": reviewer.id,
            "date_deadline": fields.Date.context_today(self),
        })

    @api.multi
    def action_publish(self):
        """Staff publish a vacancy under review."""
        self._check_staff()
        self._check_state(("to_review",), _("Only a vacancy waiting for review can be published."))
        self._publish()
        return True

    @api.multi
    def _publish(self):
        today = fields.Date.context_today(self)
        for vacancy in self:
            pub = vacancy.date_publication
            if not pub or fields.Date.from_string(pub) < fields.Date.from_string(today):
                pub = today
            vals = {"state": "published", "date_publication": pub, "reminder_sent": False,
                    "refuse_reason": False,
                    "member_posting": vacancy.partner_id.coop_is_member_on(pub)}
            closing = vacancy.date_closing
            if not closing or fields.Date.from_string(closing) <= fields.Date.from_string(pub):
                vals["date_closing"] = fields.Date.to_string(
                    fields.Date.from_string(pub) + timedelta(days=self._expiry_days()))
            vacancy.sudo().write(vals)
            vacancy.sudo().activity_ids.unlink()
            if not vacancy.member_posting and not vacancy.invoice_id:
                vacancy.sudo()._create_invoice()
        self._send_template("coop_vacancy.mail_template_vacancy_published")

    @api.multi
    def _create_invoice(self):
        """A customer invoice for a non-member's vacancy, when a non-member price is set."""
        price = self._nonmember_price()
        product = self.env.ref("coop_vacancy.product_vacancy_nonmember")
        Invoice = self.env["account.invoice"].sudo()
        Line = self.env["account.invoice.line"].sudo()
        for vacancy in self:
            if price <= 0:
                continue
            invoice = Invoice.create({
                "partner_id": vacancy.partner_id.id,
                "type": "out_invoice",
                "origin": vacancy.name,
            })
            line = Line.new({"invoice_id": invoice.id, "product_id": product.id, "quantity": 1.0})
            line._onchange_product_id()
            vals = line._convert_to_write(line._cache)
            vals.update({"price_unit": price, "name": "%s: %s" % (product.name, vacancy.name),
                         "invoice_id": invoice.id})
            Line.create(vals)
            invoice.compute_taxes()
            vacancy.invoice_id = invoice

    @api.multi
    def action_refuse(self, reason=None):
        """Staff refuse a vacancy under review; the reason is mailed to the poster."""
        self._check_staff()
        self._check_state(("to_review",), _("Only a vacancy waiting for review can be refused."))
        for vacancy in self:
            reason = reason or vacancy.refuse_reason
            if not reason or not reason.strip():
                raise UserError(_("Give the reason of the refusal first."))
            vacancy.write({"state": "refused", "refuse_reason": reason})
            vacancy.sudo().activity_ids.unlink()
        self._send_template("coop_vacancy.mail_template_vacancy_refused")
        return True

    @api.multi
    def action_close(self):
        """Withdraw a published vacancy (poster or staff)."""
        self._check_state(("published", "to_review"), _("Only a published or submitted vacancy can be withdrawn."))
        self._check_poster_access()
        self.sudo().write({"state": "closed"})
        self.sudo().activity_ids.unlink()
        return True

    @api.multi
    def action_repost(self):
        """Post a closed or expired vacancy again as a new vacancy with the same content,
        through the normal submission (new dates, review, for a non-member its own invoice).
        The old one stays as it was: its publication counts in the figures of its year.
        Opens the new vacancy."""
        self._check_state(("closed", "expired"), _("Only a closed or expired vacancy can be reposted."))
        self._check_poster_access()
        reposts = self.browse()
        for vacancy in self:
            poster = vacancy.user_id if self._is_staff() else self.env.user
            reposts |= vacancy.sudo().copy({"user_id": poster.id}).with_env(self.env)
        reposts.action_submit()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": reposts[:1].id,
            "view_mode": "form",
            "target": "current",
        }

    @api.multi
    def action_draft(self):
        self._check_state(("refused", "to_review"), _("Only a refused or submitted vacancy can go back to draft."))
        self._check_poster_access()
        self.sudo().write({"state": "draft"})
        self.sudo().activity_ids.unlink()
        return True

    @api.multi
    def action_expire(self):
        self._check_state(("published",), _("Only a published vacancy can expire."))
        self.sudo().write({"state": "expired"})
        return True

    # ------------------------------------------------------------------ business

    @api.multi
    def poster_update(self, vals):
        """Write the poster's changes (the fields a poster may fill in); write() sends a
        published vacancy back to review when its content changed and review applies."""
        self.ensure_one()
        self.write({k: v for k, v in vals.items() if k in POSTER_FIELDS})
        return True

    @api.multi
    def _coop_sharing_values(self):
        """The vacancy page's dict for coop_website.sharing_tags: title, the
        organisation and the text of the vacancy, the site's default image."""
        self.ensure_one()
        intro = ", ".join(x for x in (self.partner_id.name, self.city) if x)
        return {"type": "website", "title": self.name,
                "description": " \u2013 ".join(x for x in (intro, plain_text(self.description or "")) if x),
                "image": "", "path": self.website_url}

    @api.multi
    def schema_org_job_posting(self):
        """The schema.org JobPosting of a published vacancy, as a dict (JSON-LD)."""
        self.ensure_one()
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        org = self.partner_id
        description = "".join(x for x in (self.description, self.profile, self.offer) if x)
        data = {
            "@context": "https://schema.org/",
            "@type": "JobPosting",
            "title": self.name,
            "description": description or self.name,
            "datePosted": self.date_publication,
            "hiringOrganization": {"@type": "Organization", "name": org.name},
            "jobLocation": {
                "@type": "Place",
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": self.city or org.city or "",
                    "addressRegion": dict(PROVINCES).get(self.province, ""),
                    "addressCountry": "BE",
                },
            },
            "url": base + self.website_url,
            "identifier": {"@type": "PropertyValue", "name": "Coopkracht", "value": str(self.id)},
        }
        if self.date_closing:
            data["validThrough"] = self.date_closing + "T23:59:59"
        if self.contract_type:
            data["employmentType"] = SCHEMA_EMPLOYMENT[self.contract_type]
        if org.website:
            data["hiringOrganization"]["sameAs"] = org.website
        if org.image:
            data["hiringOrganization"]["logo"] = "%s/web/image/res.partner/%d/image_medium" % (base, org.id)
        return data

    @api.model
    def coop_year_figures(self, year):
        """The annual report's figures for year: vacancies posted, distinct member and
        non-member organisations that posted, unique views of the overview page."""
        start, end = "%04d-01-01" % year, "%04d-12-31" % year
        self.env.cr.execute("""
            SELECT count(*),
                   count(DISTINCT partner_id) FILTER (WHERE member_posting),
                   count(DISTINCT partner_id) FILTER (WHERE NOT member_posting)
              FROM coop_vacancy
             WHERE date_publication BETWEEN %s AND %s
               AND state IN ('published', 'closed', 'expired')
        """, (start, end))
        posted, members, non_members = self.env.cr.fetchone()
        overview = self.env["coop.vacancy.view"].sudo().overview_views(start, end)
        return {"posted": posted, "member_orgs": members, "non_member_orgs": non_members,
                "overview_unique_views": overview}

    # ------------------------------------------------------------------ crons

    @api.model
    def _cron_expire_vacancies(self, today=None):
        """Expire published vacancies past their closing date; remind posters a week before."""
        today = fields.Date.from_string(today or fields.Date.context_today(self))
        expired = self.search([("state", "=", "published"),
                               ("date_closing", "<", fields.Date.to_string(today))])
        expired.action_expire()
        remind_until = fields.Date.to_string(today + timedelta(days=self._reminder_days()))
        to_remind = self.search([("state", "=", "published"), ("reminder_sent", "=", False),
                                 ("date_closing", ">=", fields.Date.to_string(today)),
                                 ("date_closing", "<=", remind_until)])
        to_remind._send_template("coop_vacancy.mail_template_vacancy_expiry_reminder")
        to_remind.write({"reminder_sent": True})
        return True

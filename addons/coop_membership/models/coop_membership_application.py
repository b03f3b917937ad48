# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.urls import url_encode

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.coop_website.tools.identity import normalise_email
from odoo.addons.coop_website.tools.validators import normalise_company_number

from .res_partner import COOP_MODELS, LEGAL_FORMS

OPEN_STATES = ("draft", "submitted")


class CoopMembershipApplication(models.Model):
    """An organisation's application to become a member of Coopkracht."""

    _name = "coop.membership.application"
    _description = "Membership application"
    _inherit = ["mail.thread"]
    _order = "create_date desc, id desc"

    name = fields.Char(string="Organisation name", required=True, track_visibility="onchange")
    state = fields.Selection(
        selection=[("draft", "Draft"), ("submitted", "Submitted"),
                   ("approved", "Approved"), ("refused", "Refused")],
        default="draft", required=True, readonly=True, copy=False, index=True,
        track_visibility="onchange")
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Organisation", ondelete="restrict", index=True,
        domain=[("is_company", "=", True)], copy=False)
    proposed_partner_id = fields.Many2one(
        comodel_name="res.partner", string="Known organisation with this number",
        readonly=True, copy=False, ondelete="restrict",
        help="The application came from the website with the company number of an "
             "organisation Coopkracht already knows. The applicant is not linked to it: "
             "staff decide (Link to this organisation) after checking that the applicant "
             "may act for it.")
    contact_id = fields.Many2one(
        comodel_name="res.partner", string="Contact person", ondelete="restrict", copy=False)
    contact_name = fields.Char(string="Contact name")
    contact_email = fields.Char(string="Contact e-mail")
    phone = fields.Char()
    kbo_number = fields.Char(string="Company number (KBO/BCE)")
    legal_form = fields.Selection(selection=LEGAL_FORMS)
    coop_model = fields.Selection(selection=COOP_MODELS, string="Cooperative model")
    sector_ids = fields.Many2many(
        comodel_name="coop.membership.sector", relation="coop_membership_application_sector_rel",
        column1="application_id", column2="sector_id", string="Sectors")
    street = fields.Char()
    zip = fields.Char()
    city = fields.Char()
    website = fields.Char()
    employee_count = fields.Integer(string="Employees")
    motivation = fields.Text()
    submit_date = fields.Date(readonly=True, copy=False)
    category_id = fields.Many2one(
        comodel_name="coop.membership.category", string="Fee category",
        track_visibility="onchange")
    join_date = fields.Date(string="Join date", help="Defaults to the day of the approval.")
    decision_date = fields.Date(readonly=True, copy=False)
    decision_user_id = fields.Many2one(
        comodel_name="res.users", string="Decided by", readonly=True, copy=False)
    refuse_reason = fields.Text(string="Reason for refusal", track_visibility="onchange")
    invoice_id = fields.Many2one(
        comodel_name="account.invoice", string="First fee invoice", readonly=True, copy=False)
    user_id = fields.Many2one(comodel_name="res.users", string="Portal user", readonly=True,
                              copy=False)

    @api.model_cr
    def init(self):
        res = super().init()
        # one open application per organisation, also in the database
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS coop_membership_application_open_uniq
            ON coop_membership_application (partner_id)
            WHERE state IN ('draft', 'submitted') AND partner_id IS NOT NULL""")
        return res

    @api.constrains("partner_id", "state")
    def _check_not_already_member(self):
        for application in self.filtered(lambda a: a.state in OPEN_STATES and a.partner_id):
            application._check_partner_may_apply(application.partner_id, exclude=application)

    @api.model
    def _check_partner_may_apply(self, partner, exclude=None):
        if partner.coop_membership_state == "member":
            raise ValidationError(_("%s is already a member of Coopkracht.") % partner.name)
        domain = [("partner_id", "=", partner.id), ("state", "in", OPEN_STATES)]
        if exclude:
            domain.append(("id", "!=", exclude.id))
        if self.search_count(domain):
            raise ValidationError(_("%s already has an open membership application.")
                                  % partner.name)

    @api.model
    def _prepare_partner_values(self, vals):
        return {
            "name": vals.get("name"),
            "is_company": True,
            "coop_kbo_number": vals.get("kbo_number"),
            "coop_legal_form": vals.get("legal_form"),
            "coop_model": vals.get("coop_model"),
            "coop_sector_ids": vals.get("sector_ids", []),
            "street": vals.get("street"),
            "zip": vals.get("zip"),
            "city": vals.get("city"),
            "website": vals.get("website"),
            "phone": vals.get("phone"),
            "coop_employee_count": vals.get("employee_count", 0),
            "country_id": self.env.ref("base.be").id,
            "lang": vals.get("lang") or self.env.context.get("lang") or "nl_BE",
        }

    @api.model
    def create(self, vals):
        """Link or create the organisation (by company number) and its contact person;
        every check runs before anything is written."""
        vals = dict(vals)
        Partner = self.env["res.partner"]
        if vals.get("kbo_number"):
            number = normalise_company_number(vals["kbo_number"])
            if not number:
                raise ValidationError(_("The company number %s is not a valid Belgian "
                                        "company number (KBO/BCE).") % vals["kbo_number"])
            vals["kbo_number"] = number
            if not vals.get("partner_id"):
                existing = Partner.search([("coop_kbo_number", "=", number),
                                           ("is_company", "=", True)], limit=1)
                if existing and self.env.context.get("coop_applicant_proposes"):
                    # A public form proves nothing about who may act for a known
                    # organisation: the applicant only proposes, staff decide.
                    self._check_partner_may_apply(existing)
                    vals["proposed_partner_id"] = existing.id
                elif existing:
                    vals["partner_id"] = existing.id
        if vals.get("partner_id"):
            self._check_partner_may_apply(Partner.browse(vals["partner_id"]))
        elif not vals.get("proposed_partner_id"):
            vals["partner_id"] = Partner.create(self._prepare_partner_values(vals)).id
        lang = vals.pop("lang", None)
        if not vals.get("contact_id") and vals.get("contact_name"):
            organisation = Partner.browse(vals.get("partner_id") or [])
            vals["contact_id"] = Partner.create({
                "name": vals["contact_name"],
                "email": vals.get("contact_email"),
                "phone": vals.get("phone"),
                "parent_id": organisation.id,
                "type": "contact",
                "lang": organisation.lang or lang or self.env.context.get("lang") or "nl_BE",
            }).id
        application = super().create(vals)
        if not self.env.context.get("coop_defer_received_mail"):
            application._send_template("coop_membership.mail_template_application_received")
        return application

    @api.multi
    def unlink(self):
        if self.filtered(lambda a: a.state != "draft"):
            raise UserError(_("Only draft applications can be deleted: submitted and decided "
                              "applications are kept as history."))
        return super().unlink()

    @api.multi
    def _send_template(self, xmlid, **context):
        template = self.env.ref(xmlid, raise_if_not_found=False)
        for application in self.filtered(lambda a: a.contact_id.email or a.contact_email):
            if template:
                template.sudo().with_context(**context).send_mail(application.id)

    @api.multi
    def _send_received_mail(self):
        """The "application received" mail; when the contact's portal account has no
        password yet, it carries a link to choose one (and land on the membership page)."""
        self.ensure_one()
        context = {}
        user = self.user_id.sudo()
        if user and not user.login_date:
            partner = user.partner_id
            partner.signup_prepare(signup_type="signup")
            base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
            context["signup_url"] = "%s/web/signup?%s" % (base_url, url_encode({
                "db": self.env.cr.dbname, "token": partner.signup_token,
                "redirect": "/my/membership"}))
        self._send_template("coop_membership.mail_template_application_received", **context)

    @api.multi
    def _check_submission_requirements(self):
        """Hook: raise UserError when the application may not be submitted (or approved)
        yet. The compass addon extends it to require the organisation's completed ICA
        compass; extend it with super() for further requirements."""
        for application in self:
            if not application.partner_id and application.proposed_partner_id:
                raise UserError(_(
                    "Coopkracht already knows an organisation with the company number %s. "
                    "Our staff check that you may apply on its behalf and contact you; "
                    "until then the application stays a draft.") % application.kbo_number)
            if not application.partner_id:
                raise UserError(_("The application has no organisation."))
        return True

    @api.multi
    def action_link_proposed_partner(self):
        """Staff decide that the applicant may act for the known organisation with the
        application's company number: the application and its contact person join it."""
        if not self.env.user.has_group("coop_website.group_coop_user"):
            raise AccessError(_("Only Coopkracht's staff link an application to a known "
                                "organisation."))
        for application in self:
            organisation = application.proposed_partner_id
            if application.state != "draft" or not organisation or application.partner_id:
                raise UserError(_("Only a draft application with a known organisation to "
                                  "decide on can be linked."))
            self._check_partner_may_apply(organisation)
            application.contact_id.sudo().write({"parent_id": organisation.id})
            application.write({"partner_id": organisation.id, "proposed_partner_id": False})
            application.message_post(body=_("Linked to the known organisation %s by staff.")
                                     % organisation.name)
        return True

    @api.multi
    def _check_decision_rights(self):
        if not self.env.user.has_group("coop_website.group_coop_board"):
            raise AccessError(_("Only the board decides on membership applications."))

    @api.multi
    def action_submit(self):
        for application in self:
            if application.state != "draft":
                raise UserError(_("Only a draft application can be submitted."))
        self._check_submission_requirements()
        for application in self:
            application._check_partner_may_apply(application.partner_id, exclude=application)
            values = {"state": "submitted", "submit_date": fields.Date.context_today(self)}
            if not application.category_id:
                values["category_id"] = self.env["coop.membership.category"]._suggest_for_partner(
                    application.partner_id).id
            application.write(values)
            if application.partner_id.coop_membership_state == "none":
                application.partner_id.sudo().coop_membership_state = "applicant"
        self._send_template("coop_membership.mail_template_application_submitted")
        return True

    @api.multi
    def action_approve(self):
        """The board approves: the organisation becomes a member from the join date in
        the chosen category, and receives its first fee invoice."""
        self._check_decision_rights()
        for application in self:
            if application.state != "submitted":
                raise UserError(_("Only a submitted application can be approved."))
            if not application.category_id:
                raise UserError(_("Choose a fee category before approving the application."))
        self._check_submission_requirements()
        today = fields.Date.context_today(self)
        for application in self:
            join_date = application.join_date or today
            partner = application.partner_id.sudo()
            partner.write({
                "coop_membership_state": "member",
                "coop_join_date": join_date,
                "coop_leave_date": False,
                "coop_leave_reason_id": False,
                "coop_category_id": application.category_id.id,
            })
            invoice = partner._coop_create_fee_invoice(fields.Date.from_string(join_date).year)
            application.write({
                "state": "approved",
                "join_date": join_date,
                "decision_date": today,
                "decision_user_id": self.env.uid,
                "invoice_id": invoice.id,
            })
        self._send_template("coop_membership.mail_template_application_approved")
        return True

    @api.multi
    def action_refuse(self):
        self._check_decision_rights()
        for application in self:
            if application.state != "submitted":
                raise UserError(_("Only a submitted application can be refused."))
            if not (application.refuse_reason or "").strip():
                raise UserError(_("Write down the reason for the refusal first."))
        self.write({"state": "refused", "decision_date": fields.Date.context_today(self),
                    "decision_user_id": self.env.uid})
        for application in self:
            if application.partner_id.coop_membership_state == "applicant":
                application.partner_id.sudo().coop_membership_state = "none"
        self._send_template("coop_membership.mail_template_application_refused")
        return True

    @api.multi
    def action_reset_draft(self):
        for application in self:
            if application.state != "submitted":
                raise UserError(_("Only a submitted application can be sent back to draft."))
        self.write({"state": "draft"})
        return True

    @api.multi
    def _create_portal_user(self):
        """A portal user for the application's contact person (existing one reused)."""
        self.ensure_one()
        contact = self.contact_id
        if not contact or not contact.email:
            return self.env["res.users"]
        Users = self.env["res.users"].sudo().with_context(no_reset_password=True)
        self.env.cr.execute("SELECT id FROM res_users WHERE lower(btrim(login)) = %s",
                            (normalise_email(contact.email),))
        user = Users.browse([row[0] for row in self.env.cr.fetchall()][:1])
        if user:
            # never hand someone else's account to this application
            if user.partner_id != contact:
                return self.env["res.users"]
            self.sudo().user_id = user.id
            return user
        user = Users.create({
            "name": contact.name,
            "login": contact.email,
            "email": contact.email,
            "partner_id": contact.id,
            "groups_id": [(6, 0, [self.env.ref("base.group_portal").id])],
        })
        self.sudo().user_id = user.id
        return user

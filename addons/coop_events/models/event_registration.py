# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import uuid

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.coop_website.tools.identity import normalise_email


class EventRegistration(models.Model):
    _inherit = "event.registration"

    coop_org_id = fields.Many2one(
        comodel_name="res.partner", string="Organisation", index=True, readonly=True,
        help="The registrant's organisation: the organisation of the contact (an e-mail "
             "address alone never makes a registrant part of an organisation).")
    coop_is_member = fields.Boolean(
        string="Member on event date", readonly=True,
        help="The organisation was a member of Coopkracht on the day of the event.")
    coop_newcomer = fields.Boolean(
        string="Newcomer", compute="_compute_coop_newcomer", store=True,
        help="Not a member organisation, or first Soirée: preferably paired with a member.")
    coop_attendance = fields.Selection(
        selection=[("unknown", "Not marked"), ("attended", "Attended"),
                   ("no_show", "No-show")],
        string="Attendance", default="unknown", required=True, copy=False)
    coop_link_sent = fields.Boolean(string="Online link sent", readonly=True, copy=False)
    coop_recording_sent = fields.Boolean(string="Recording link sent", readonly=True, copy=False)
    coop_access_token = fields.Char(
        string="Recording token", readonly=True, copy=False, index=True,
        groups="coop_website.group_coop_user",
        help="Personal key of the recording link mailed to this registrant (no login needed).")
    coop_pairing_ids = fields.Many2many(
        comodel_name="coop.event.pairing", relation="coop_event_pairing_registration_rel",
        column1="registration_id", column2="pairing_id", string="Conversations", readonly=True)

    @api.depends("coop_is_member", "coop_org_id", "email", "event_id.coop_kind")
    def _compute_coop_newcomer(self):
        for registration in self:
            registration.coop_newcomer = (
                not registration.coop_is_member or not registration._coop_earlier_soiree())

    def _coop_earlier_soiree(self):
        """Whether the same person or organisation took part in an earlier Soirée."""
        if not self.event_id.date_begin:
            return False
        domain = [("event_id.coop_kind", "=", "soiree"),
                  ("event_id.date_begin", "<", self.event_id.date_begin),
                  ("state", "in", ("open", "done")), ("id", "!=", self.id or 0)]
        if self.coop_org_id:
            domain.append(("coop_org_id", "=", self.coop_org_id.id))
        elif self.email:
            domain.append(("id", "in", self._coop_ids_by_email(self.email)))
        else:
            return False
        return bool(self.sudo().search_count(domain))

    @api.model
    def _coop_ids_by_email(self, email, event=None):
        """Ids of the registrations with exactly this address (after normalisation:
        spaces and case; '%' and '_' are ordinary characters), of one event when given.
        Not access-checked: for constraints and counts."""
        self.env.cr.execute("""
            SELECT id FROM event_registration
             WHERE lower(btrim(email)) = %s AND (%s IS NULL OR event_id = %s)""",
                            (normalise_email(email), event.id if event else None,
                             event.id if event else None))
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _coop_registered_ids(self, event, email):
        """The registrations (not cancelled) of this exact address for event."""
        ids = self._coop_ids_by_email(email, event)
        return self.sudo().search([("id", "in", ids), ("state", "!=", "cancel")]).ids

    @api.model
    def _coop_find_organisation(self, partner=None):
        """The organisation (commercial partner) of a registrant: that of the contact,
        unless it is the website's anonymous user. Never found from an e-mail address:
        a typed address proves nothing (see SECURITY.md)."""
        Partner = self.env["res.partner"].sudo()
        if partner:
            public = self.env.ref("base.public_partner", raise_if_not_found=False)
            if partner != public:
                return partner.sudo().commercial_partner_id
        return Partner

    def _coop_person_key(self):
        """Who this registrant is, across events: the contact, else the e-mail address."""
        self.ensure_one()
        if self.partner_id and self.email and (self.partner_id.email or "").lower() == \
                self.email.strip().lower():
            return "p%d" % self.partner_id.id
        if self.email:
            return "e:%s" % self.email.strip().lower()
        return "r%d" % self.id

    def coop_org_key(self):
        """Key of the organisation for the pairing rule (None: unknown, never equal)."""
        self.ensure_one()
        return self.coop_org_id.id or None

    def _coop_fill_membership(self, vals):
        """Add organisation, membership on the event date and the right ticket to vals."""
        event = self.env["event.event"].browse(vals.get("event_id"))
        partner = self.env["res.partner"].browse(vals.get("partner_id") or [])
        organisation = self._coop_find_organisation(partner)
        vals["coop_org_id"] = organisation.id or False
        vals["coop_is_member"] = bool(organisation) and organisation.coop_is_member_on(
            event._coop_membership_date())
        if event and event._coop_member_ticket() and not vals.get("event_ticket_id"):
            ticket = event._coop_ticket_for(partner=partner)
            vals["event_ticket_id"] = ticket.id
        return vals

    @api.constrains("event_ticket_id", "coop_is_member", "email", "partner_id")
    def _check_coop_member_ticket(self):
        for registration in self:
            ticket = registration.event_ticket_id
            if ticket.coop_audience == "member" and not registration.coop_is_member:
                raise ValidationError(_(
                    "The free ticket of %(event)s is for contacts of member organisations "
                    "only. %(who)s is not a contact of a member on the event date; "
                    "please choose the non-member ticket.") % {
                        "event": registration.event_id.name,
                        "who": registration.email or registration.name or _("This registrant")})

    @api.constrains("email", "event_id", "state")
    def _check_coop_duplicate(self):
        for registration in self.filtered(lambda r: r.email and r.state != "cancel"):
            others = set(self._coop_registered_ids(registration.event_id, registration.email))
            if others - {registration.id}:
                raise ValidationError(_(
                    "%(email)s is already registered for %(event)s.") % {
                        "email": registration.email, "event": registration.event_id.name})

    @api.model
    def create(self, vals):
        vals = self._coop_fill_membership(dict(vals))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if any(key in vals for key in ("email", "partner_id", "event_id")):
            for registration in self:
                values = dict(vals)
                merged = {
                    "event_id": values.get("event_id", registration.event_id.id),
                    "partner_id": values.get("partner_id", registration.partner_id.id),
                    "email": values.get("email", registration.email),
                    "event_ticket_id": values.get("event_ticket_id",
                                                  registration.event_ticket_id.id),
                }
                self._coop_fill_membership(merged)
                values.update(coop_org_id=merged["coop_org_id"],
                              coop_is_member=merged["coop_is_member"])
                super(EventRegistration, registration).write(values)
            return True
        return super().write(vals)

    @api.multi
    def _coop_send_online_link(self):
        """Mail the online link of the webinar to the confirmed registrations among these
        that did not get it yet."""
        template = self.env.ref("coop_events.mail_template_online_link").sudo()
        for registration in self.filtered(lambda r: r.state == "open" and not r.coop_link_sent):
            template.send_mail(registration.id)
            registration.sudo().coop_link_sent = True
        return True

    @api.multi
    def _coop_send_recording(self):
        """Mail the recording link, with a personal token (no login needed), to the
        confirmed or attended registrations among these that did not get it yet."""
        template = self.env.ref("coop_events.mail_template_recording").sudo()
        for registration in self.sudo().filtered(
                lambda r: r.state in ("open", "done") and not r.coop_recording_sent):
            if not registration.coop_access_token:
                registration.coop_access_token = uuid.uuid4().hex
            template.send_mail(registration.id)
            registration.coop_recording_sent = True
        return True

    @api.model
    def _coop_by_access_token(self, event, token):
        """The confirmed or attended registration of `event` with this recording token
        (sudo), or an empty recordset."""
        if not token or not event:
            return self.sudo().browse()
        self.env.cr.execute("""
            SELECT id FROM event_registration
             WHERE coop_access_token = %s AND event_id = %s AND state IN ('open', 'done')
             LIMIT 1""", (token, event.id))
        row = self.env.cr.fetchone()
        return self.sudo().browse(row[0] if row else [])

    @api.model
    def _coop_claim(self, token):
        """The registration whose personal mailed link (token) the logged-in user opened,
        made theirs when it had no contact yet: the link proves the address. Another
        person's registration, a used or a wrong token give an empty recordset."""
        user = self.env.user
        if user._is_public() or not token or not isinstance(token, str) or len(token) > 64:
            return self.browse()
        self.env.cr.execute("""
            SELECT id FROM event_registration
             WHERE coop_access_token = %s AND state IN ('open', 'done') LIMIT 1""", (token,))
        row = self.env.cr.fetchone()
        registration = self.sudo().browse(row[0] if row else [])
        public = self.env.ref("base.public_partner", raise_if_not_found=False)
        if registration and registration.partner_id in (self.env["res.partner"], public):
            registration.write({"partner_id": user.partner_id.id})
        if registration.partner_id != user.partner_id:
            return self.browse()
        return registration

    @api.multi
    def coop_claim_url(self):
        """Link that adds this registration to the registrant's account (for the mails)."""
        self.ensure_one()
        registration = self.sudo()
        if not registration.coop_access_token:
            registration.coop_access_token = uuid.uuid4().hex
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        return "%s/my/events/claim?token=%s" % (base_url, registration.coop_access_token)

    @api.multi
    def coop_recording_url_for_registrant(self):
        """The recording page address with this registrant's token (for the mail)."""
        self.ensure_one()
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        token = self.sudo().coop_access_token
        return "%s/event/%d/recording?token=%s" % (base, self.event_id.id, token)

    @api.multi
    def confirm_registration(self):
        """A registration confirmed after the online link went out (a late registrant, a
        paid ticket confirmed by its payment) gets the link at once, until the end of the
        webinar."""
        result = super().confirm_registration()
        now = fields.Datetime.now()
        self.filtered(lambda r: r.event_id.coop_online_link_sent and r.event_id.coop_online_url
                      and (r.event_id.date_end or now) > now)._coop_send_online_link()
        return result

    @api.multi
    def action_coop_mark_attended(self):
        for registration in self:
            if registration.state not in ("open", "done"):
                raise UserError(_("Only confirmed registrations can be marked as attended "
                                  "(%s).") % registration.name)
        self.write({"coop_attendance": "attended", "state": "done",
                    "date_closed": fields.Datetime.now()})
        return True

    @api.multi
    def action_coop_mark_no_show(self):
        for registration in self:
            if registration.state not in ("open", "done"):
                raise UserError(_("Only confirmed registrations can be marked as no-show "
                                  "(%s).") % registration.name)
        self.write({"coop_attendance": "no_show", "state": "open"})
        return True

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import itertools
from html import escape
from datetime import datetime, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.coop_website.tools.identity import is_web_url
from odoo.addons.coop_website.tools.sharing import plain_text

from .pairing import PairingError, Participant, draw_questions, make_schedule, pair_key

EVENT_KINDS = [
    ("soiree", "Soirée"),
    ("webinar", "Webinar"),
    ("workshop", "Workshop"),
    ("thematic", "Thematic conversation"),
    ("general_assembly", "General assembly"),
    ("other", "Other"),
]
ATTENDING_STATES = ("open", "done")


class EventEvent(models.Model):
    _inherit = "event.event"

    event_mail_ids = fields.One2many(default=lambda self: self._coop_default_event_mails())
    coop_kind = fields.Selection(selection=EVENT_KINDS, string="Kind", default="other",
                                 required=True, index=True)
    coop_partner_org_id = fields.Many2one(
        comodel_name="res.partner", string="Partner organisation",
        domain=[("is_company", "=", True)],
        help="Organisation that co-organises the event, e.g. VLAIO, Cera or Coopfabrik.")
    coop_speaker_ids = fields.Many2many(
        comodel_name="res.partner", relation="coop_event_speaker_rel",
        column1="event_id", column2="partner_id", string="Speakers")
    coop_city = fields.Char(string="City")
    coop_online_url = fields.Char(
        string="Online link", help="Link to follow the webinar live; sent to the registrants "
                                   "before the start.")
    coop_online_link_sent = fields.Datetime(string="Online link sent on", readonly=True,
                                            copy=False)
    coop_recording_url = fields.Char(string="Recording")
    coop_recording_for_members = fields.Boolean(
        string="Recording open to members",
        help="Contacts of member organisations may watch the recording, even without "
             "having registered.")
    coop_nonmember_price = fields.Float(string="Non-member price", digits=(16, 2))
    coop_pairing_rounds = fields.Integer(string="Conversation rounds", default=3)
    coop_pairing_ids = fields.One2many(comodel_name="coop.event.pairing",
                                       inverse_name="event_id", string="Conversations")
    coop_evaluation_ids = fields.One2many(comodel_name="coop.event.evaluation",
                                          inverse_name="event_id", string="Evaluations")
    coop_participant_count = fields.Integer(string="Participants",
                                            compute="_compute_coop_participant_count")
    coop_eval_count = fields.Integer(string="Evaluations answered",
                                     compute="_compute_coop_eval_figures")
    coop_eval_response_rate = fields.Float(string="Response rate (%)", digits=(16, 1),
                                           compute="_compute_coop_eval_figures")
    coop_eval_average = fields.Float(string="Average score", digits=(16, 1),
                                     compute="_compute_coop_eval_figures")
    coop_eval_min = fields.Integer(string="Lowest score", compute="_compute_coop_eval_figures")
    coop_eval_max = fields.Integer(string="Highest score", compute="_compute_coop_eval_figures")
    coop_eval_summary = fields.Char(string="In short", compute="_compute_coop_eval_figures")
    coop_eval_distribution = fields.Html(string="Answers", compute="_compute_coop_eval_figures",
                                         sanitize=False)

    @api.depends("registration_ids.state", "registration_ids.coop_attendance")
    def _compute_coop_participant_count(self):
        counts = self._coop_participant_counts()
        for event in self:
            event.coop_participant_count = counts.get(event.id, 0)

    def _compute_coop_eval_figures(self):
        figures = self.env["coop.event.evaluation"]._coop_figures_by_event(self.ids)
        for event in self:
            values = figures.get(event.id, {})
            event.coop_eval_count = values.get("responses", 0)
            event.coop_eval_response_rate = values.get("response_rate", 0.0)
            event.coop_eval_average = values.get("average") or 0.0
            event.coop_eval_min = values.get("min") or 0
            event.coop_eval_max = values.get("max") or 0
            event.coop_eval_summary = event._coop_eval_summary(values)
            event.coop_eval_distribution = event._coop_eval_distribution_html(values)

    def _coop_eval_summary(self, values):
        """E.g. "30 participants, scores between 7 and 10, average 8.5/10"."""
        if not values.get("responses"):
            return False
        return _("%(participants)d participants, scores between %(min)d and %(max)d, "
                 "average %(average).1f/10") % {
                     "participants": self.coop_participant_count, "min": values["min"],
                     "max": values["max"], "average": values["average"]}

    def _coop_eval_distribution_html(self, values):
        """The answers' distribution of one event as a small table: how many gave each
        score, how much their network grew, and what they found best."""
        if not values.get("responses"):
            return False
        answers = self.env["coop.event.evaluation"].coop_answer_distribution(self.id)
        aspects = self.env["coop.event.evaluation.aspect"].with_context(
            active_test=False).browse(list(answers["best"]))
        network_labels = dict(self.env["coop.event.evaluation"].with_context(
            lang=self.env.lang)._fields["network"]._description_selection(self.env))
        rows = [(_("Score"), ", ".join("%d: %d" % (score, count) for score, count in sorted(
            values["distribution"].items()) if count))]
        rows.append((_("Network grew"), ", ".join(
            "%s: %d" % (network_labels[key], answers["network"][key])
            for key in ("none", "little", "strong") if answers["network"].get(key))))
        rows.append((_("What was best"), ", ".join(
            "%s: %d" % (aspect.name, answers["best"][aspect.id]) for aspect in aspects.sorted(
                lambda a: (-answers["best"][a.id], a.sequence, a.id)))))
        return "<table class=\"table table-condensed coop-eval-distribution\">%s</table>" % "".join(
            "<tr><th>%s</th><td>%s</td></tr>" % (escape(label), escape(text or "-"))
            for label, text in rows)

    @api.model
    def _coop_default_event_mails(self):
        """Every new event reminds its registrants two days before it starts (in Dutch);
        webinars also mail their online link the day before (_cron_send_online_links)."""
        template = self.env.ref("coop_events.mail_template_reminder", raise_if_not_found=False)
        if not template:
            return []
        return [(0, 0, {"interval_nbr": self._coop_reminder_days(), "interval_unit": "days",
                        "interval_type": "before_event", "template_id": template.id})]

    def _coop_reminder_days(self):
        """Hook: how many days before the start the reminder is mailed."""
        return 2

    @api.constrains("coop_recording_url", "coop_online_url")
    def _check_coop_urls(self):
        for event in self:
            for url in (event.coop_recording_url, event.coop_online_url):
                if url and not is_web_url(url):
                    raise ValidationError(_(
                        "The link %s is not a web address: it must start with http:// or "
                        "https://.") % url)

    @api.constrains("coop_pairing_rounds")
    def _check_coop_pairing_rounds(self):
        if any(event.coop_pairing_rounds < 1 for event in self):
            raise ValidationError(_("A Soirée has at least one conversation round."))

    @api.constrains("coop_nonmember_price")
    def _check_coop_nonmember_price(self):
        if any(event.coop_nonmember_price < 0 for event in self):
            raise ValidationError(_("The non-member price cannot be negative."))

    # -- website registration ----------------------------------------------------
    @api.multi
    def coop_is_past(self):
        """True when the event is over (its end has passed, or it was closed): it takes
        no registrations any more and its page shows the recording or the evaluation."""
        self.ensure_one()
        if self.state == "done":
            return True
        return bool(self.date_end) and (
            fields.Datetime.from_string(self.date_end) <= datetime.utcnow())

    @api.multi
    def _is_event_registrable(self):
        """Odoo's website offers registration only while this is True: not for a past
        event."""
        return super()._is_event_registrable() and not self.coop_is_past()

    # -- membership and tickets ------------------------------------------------
    def _coop_participant_counts(self):
        """{event id: participants} in one read_group: registrations confirmed or attended,
        no-shows excluded."""
        if not self.ids:
            return {}
        groups = self.env["event.registration"].sudo().read_group(
            [("event_id", "in", self.ids), ("state", "in", ATTENDING_STATES),
             ("coop_attendance", "!=", "no_show")], ["event_id"], ["event_id"])
        return {g["event_id"][0]: g["event_id_count"] for g in groups}

    @api.multi
    def _coop_membership_date(self):
        """The date on which membership decides the price: the event's first day."""
        self.ensure_one()
        begin = self.date_begin or fields.Datetime.now()
        return fields.Date.to_string(fields.Datetime.from_string(begin).date())

    @api.multi
    def _coop_member_ticket(self):
        self.ensure_one()
        return self.event_ticket_ids.filtered(lambda t: t.coop_audience == "member")[:1]

    @api.multi
    def _coop_nonmember_ticket(self):
        self.ensure_one()
        return self.event_ticket_ids.filtered(lambda t: t.coop_audience == "non_member")[:1]

    @api.multi
    def _coop_ticket_for(self, partner=None):
        """The ticket the registrant (a contact) gets: decided by their organisation's
        membership on the event date, never by what a visitor picked or typed. False when
        the event has no member pricing."""
        self.ensure_one()
        member_ticket = self._coop_member_ticket()
        if not member_ticket:
            return False
        organisation = self.env["event.registration"]._coop_find_organisation(partner)
        if organisation and organisation.coop_is_member_on(self._coop_membership_date()):
            return member_ticket
        return self._coop_nonmember_ticket() or member_ticket

    @api.multi
    def action_coop_setup_tickets(self):
        """Create the two tickets of a paid event: free for members, the non-member price
        for others."""
        product = self.env.ref("event_sale.product_product_event")
        for event in self:
            if event.coop_nonmember_price <= 0:
                raise UserError(_("Set the non-member price of %s first.") % event.name)
            member = event._coop_member_ticket()
            other = event._coop_nonmember_ticket()
            if not member:
                event.event_ticket_ids = [(0, 0, {
                    "name": _("Member"), "product_id": product.id, "price": 0.0,
                    "coop_audience": "member"})]
            if not other:
                event.event_ticket_ids = [(0, 0, {
                    "name": _("Non-member"), "product_id": product.id,
                    "price": event.coop_nonmember_price, "coop_audience": "non_member"})]
            else:
                other.price = event.coop_nonmember_price
        return True

    @api.multi
    def _coop_sharing_values(self):
        """The event page's dict for coop_website.sharing_tags (no image of its own: the
        site's default one)."""
        self.ensure_one()
        return {"type": "website", "title": self.name,
                "description": plain_text(self.description or "") or self.coop_city or "",
                "image": "", "path": self.website_url}

    # -- Soirée pairing ----------------------------------------------------------
    def _coop_pairing_registrations(self):
        self.ensure_one()
        return self.registration_ids.filtered(
            lambda r: r.state in ATTENDING_STATES and r.coop_attendance != "no_show")

    @api.multi
    def coop_schedule_registrations(self):
        """The participants having conversations, by name (for the printed schedules)."""
        self.ensure_one()
        return self.coop_pairing_ids.mapped("registration_ids").sorted(lambda r: r.name or "")

    @api.multi
    def coop_schedule_rounds(self):
        """The round numbers of the conversations, in order."""
        self.ensure_one()
        return sorted(set(self.coop_pairing_ids.mapped("round")))

    def _coop_questions_per_round(self):
        """Hook: how many questions of the question box each table gets per round."""
        return 2

    def _coop_earlier_pairs(self, registrations):
        """Pairs of people (identified by _coop_person_key) who met at an earlier Soirée."""
        self.ensure_one()
        keys = set(registrations.mapped(lambda r: r._coop_person_key()))
        earlier = self.env["coop.event.pairing"].sudo().search([
            ("event_id.coop_kind", "=", "soiree"), ("event_id", "!=", self.id),
            ("event_id.date_begin", "<", self.date_begin)])
        pairs = set()
        for pairing in earlier:
            people = [k for k in pairing.registration_ids.mapped(
                lambda r: r._coop_person_key()) if k in keys]
            pairs.update(pair_key(a, b) for a, b in itertools.combinations(people, 2))
        return pairs

    @api.multi
    def action_coop_make_pairing(self, seed=None):
        """(Re)generate the one-on-one conversations of this Soirée."""
        self.ensure_one()
        registrations = self._coop_pairing_registrations()
        if len(registrations) < 2:
            raise UserError(_("At least two participants are needed to make conversation "
                              "pairs; %(event)s has %(count)d.") % {
                                  "event": self.name, "count": len(registrations)})
        by_key = {r._coop_person_key(): r for r in registrations}
        key_by_reg = {r.id: r._coop_person_key() for r in registrations}
        participants = [
            Participant(key_by_reg[r.id], r.coop_org_key(), r.coop_newcomer)
            for r in registrations]
        questions = self.env["coop.event.question"].search([])
        try:
            schedule = make_schedule(participants, self.coop_pairing_rounds,
                                     self._coop_earlier_pairs(registrations), seed=seed)
            drawn = draw_questions([(q.id, q.theme_id.id) for q in questions],
                                   self.coop_pairing_rounds, self._coop_questions_per_round(),
                                   seed=seed)
        except PairingError as error:
            raise UserError(_("The conversations cannot be made: %s") % error)
        self.coop_pairing_ids.unlink()
        values = []
        for number, tables in enumerate(schedule, start=1):
            for table_number, table in enumerate(tables, start=1):
                values.append({
                    "event_id": self.id, "round": number, "table_number": table_number,
                    "registration_ids": [(6, 0, [by_key[k].id for k in table])],
                    "question_ids": [(6, 0, drawn[number - 1])],
                })
        for vals in values:
            self.env["coop.event.pairing"].create(vals)
        return True

    # -- mails -------------------------------------------------------------------
    def _coop_online_link_lead_hours(self):
        """Hook: how many hours before a webinar starts the online link is sent."""
        return 24

    @api.multi
    def action_coop_send_online_link(self):
        for event in self:
            if not event.coop_online_url:
                raise UserError(_("%s has no online link yet.") % event.name)
            event.registration_ids._coop_send_online_link()
            event.coop_online_link_sent = fields.Datetime.now()
        return True

    @api.multi
    def action_coop_send_recording(self):
        """Mail the recording link to the registrants (confirmed or attended), each with a
        personal token so that they need no login; those who got it already are skipped."""
        for event in self:
            if not event.coop_recording_url:
                raise UserError(_("%s has no recording yet.") % event.name)
            event.registration_ids._coop_send_recording()
        return True

    @api.multi
    def action_coop_send_evaluations(self):
        """Create an evaluation with its own token for each attendee and mail the link."""
        template = self.env.ref("coop_events.mail_template_evaluation")
        Evaluation = self.env["coop.event.evaluation"]
        for event in self:
            done = set(event.coop_evaluation_ids.mapped("registration_id").ids)
            for registration in event.registration_ids.filtered(
                    lambda r: r.state == "done" and r.id not in done):
                evaluation = Evaluation.create({"registration_id": registration.id})
                template.send_mail(evaluation.id)
        # event_id of an evaluation is a stored related field: refresh the one2many
        self.invalidate_cache(["coop_evaluation_ids"])
        return True

    @api.model
    def _cron_send_online_links(self):
        now = datetime.utcnow()
        limit = now + timedelta(hours=self._coop_online_link_lead_hours())
        events = self.search([
            ("coop_kind", "=", "webinar"), ("coop_online_url", "!=", False),
            ("state", "in", ("draft", "confirm")),
            ("date_begin", ">", fields.Datetime.to_string(now)),
            ("date_begin", "<=", fields.Datetime.to_string(limit))])
        events.action_coop_send_online_link()
        # after the webinar: the recording link, once it is set
        self.search([
            ("coop_kind", "=", "webinar"), ("coop_recording_url", "!=", False),
            ("state", "!=", "cancel"), ("date_end", "<", fields.Datetime.to_string(now)),
            ("date_end", ">", fields.Datetime.to_string(now - timedelta(days=60)))],
        ).action_coop_send_recording()
        return True

    @api.model
    def _cron_send_evaluations(self):
        now = datetime.utcnow()
        events = self.search([
            ("coop_kind", "in", ("soiree", "webinar", "workshop", "thematic")),
            ("date_end", "<", fields.Datetime.to_string(now)),
            ("date_end", ">", fields.Datetime.to_string(now - timedelta(days=14)))])
        events.action_coop_send_evaluations()
        return True

    # -- figures -------------------------------------------------------------------
    @api.model
    def coop_year_figures(self, year):
        """Figures of one year for the annual report: per event kind the number of events,
        participants and average score, the webinars and Soirées in detail, the thematic
        conversations and the newsletters. A plain dict (see the README of coop_events)."""
        year = int(year)
        start, end = "%04d-01-01 00:00:00" % year, "%04d-01-01 00:00:00" % (year + 1)
        events = self.sudo().search([("date_begin", ">=", start), ("date_begin", "<", end),
                                     ("state", "!=", "cancel")], order="date_begin, id")
        participants = events._coop_participant_counts()
        evaluations = self.env["coop.event.evaluation"]._coop_figures_by_event(events.ids)
        kind_scores = self.env["coop.event.evaluation"]._coop_figures_by_kind(events.ids)
        organisations = events._coop_organisation_counts()
        kinds = {}
        for kind, _label in EVENT_KINDS:
            of_kind = events.filtered(lambda e, k=kind: e.coop_kind == k)
            scores = kind_scores.get(kind, {})
            kinds[kind] = {
                "events": len(of_kind),
                "participants": sum(participants.get(e.id, 0) for e in of_kind),
                "average_score": scores.get("average"),
                "score_min": scores.get("min"),
                "score_max": scores.get("max"),
                "responses": scores.get("responses", 0),
            }

        def detail(event):
            return {
                "id": event.id,
                "name": event.name,
                "date": event._coop_membership_date(),
                "city": event.coop_city or False,
                "partner": event.coop_partner_org_id.name or False,
                "participants": participants.get(event.id, 0),
                "organisations": organisations.get(event.id, 0),
                "satisfaction": evaluations.get(event.id, {}).get("average"),
                "responses": evaluations.get(event.id, {}).get("responses", 0),
            }

        return {
            "year": year,
            "kinds": kinds,
            "webinars": [detail(e) for e in events if e.coop_kind == "webinar"],
            "soirees": dict(kinds["soiree"], events_detail=[
                detail(e) for e in events if e.coop_kind == "soiree"]),
            "thematic": dict(kinds["thematic"], organisations=len(set(
                events.filtered(lambda e: e.coop_kind == "thematic")._coop_organisation_ids())),
                events_detail=[detail(e) for e in events if e.coop_kind == "thematic"]),
            "newsletters": self.env["mail.mass_mailing"].coop_year_figures(year),
        }

    def _coop_organisation_counts(self):
        """{event id: number of distinct organisations among its participants}."""
        if not self.ids:
            return {}
        self.env.cr.execute("""
            SELECT event_id, COUNT(DISTINCT coop_org_id)
              FROM event_registration
             WHERE event_id IN %s AND state IN ('open', 'done')
               AND coalesce(coop_attendance, '') != 'no_show'
             GROUP BY event_id""", (tuple(self.ids),))
        return dict(self.env.cr.fetchall())

    def _coop_organisation_ids(self):
        if not self.ids:
            return []
        self.env.cr.execute("""
            SELECT DISTINCT coop_org_id FROM event_registration
             WHERE event_id IN %s AND state IN ('open', 'done') AND coop_org_id IS NOT NULL
               AND coalesce(coop_attendance, '') != 'no_show'""", (tuple(self.ids),))
        return [row[0] for row in self.env.cr.fetchall()]

    @api.multi
    def action_coop_export_year_figures(self):
        """Open the yearly figures (pivot, exportable) of event kinds."""
        return self.env.ref("coop_events.coop_event_figures_action").read()[0]

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from email.utils import formataddr

from odoo import _, api, fields, models
from odoo.addons.queue_job.job import job
from odoo.exceptions import AccessError, UserError, ValidationError

from .coop_share_mailing_template import MAILING_KINDS
from .coop_share_position import POSITIONS_SQL

SEGMENTS = [
    ("all", "All shareholders"),
    ("active", "Holders of shares on the date"),
    ("classes", "Holders of the chosen classes"),
    ("unpaid", "Holders with an unpaid balance"),
    ("former", "Former shareholders"),
    ("selection", "Chosen shareholders"),
]
LANGS = ("nl", "fr", "en")

# Where the recipients of a mailing come from: the holders of the mailing's register in
# the segment, with their position (shares, nominal, paid, unpaid) as of the mailing's
# date from the register's positions query.
RECIPIENT_SOURCE = """
      FROM coop_shareholder h
      LEFT JOIN (
            SELECT pos.holder_id, SUM(pos.shares) AS shares, SUM(pos.nominal) AS nominal,
                   SUM(pos.paid) AS paid, SUM(pos.unpaid) AS unpaid,
                   BOOL_OR(pos.class_id = ANY(%(classes)s::integer[])) AS in_classes
              FROM (""" + POSITIONS_SQL + """) pos
             GROUP BY pos.holder_id
      ) p ON p.holder_id = h.id
     WHERE h.register_id = %(register)s
       AND CASE %(segment)s
             WHEN 'all' THEN h.state IN ('candidate', 'active')
             WHEN 'active' THEN COALESCE(p.shares, 0) > 0
             WHEN 'classes' THEN COALESCE(p.in_classes, false)
             WHEN 'unpaid' THEN COALESCE(p.unpaid, 0) > 0
             WHEN 'former' THEN h.state = 'former'
             WHEN 'selection' THEN h.id = ANY(%(selected)s::integer[])
           END
"""
HAS_EMAIL = "COALESCE(h.email, '') LIKE '%%@%%'"
OPTED_OUT = ("EXISTS (SELECT 1 FROM coop_share_mailing_optout o "
             "WHERE o.holder_id = h.id AND o.active)")

# The recipients, chosen and snapshotted in one INSERT ... SELECT: those with an e-mail
# address, without the opted-out ones unless the mail is legal. `lang_group` is the
# version of the text the holder gets: French or English where he asked for it and the
# mailing has that version, Dutch otherwise.
RECIPIENTS_SQL = """
    INSERT INTO coop_share_mailing_recipient
           (mailing_id, register_id, holder_id, email, lang_group, shares, nominal, paid,
            unpaid, batch, create_uid, write_uid, create_date, write_date)
    SELECT %(mailing)s, h.register_id, h.id, h.email,
           CASE WHEN h.lang LIKE 'fr%%' AND %(has_fr)s THEN 'fr'
                WHEN h.lang LIKE 'en%%' AND %(has_en)s THEN 'en'
                ELSE 'nl' END,
           COALESCE(p.shares, 0), COALESCE(p.nominal, 0), COALESCE(p.paid, 0),
           COALESCE(p.unpaid, 0),
           (ROW_NUMBER() OVER (ORDER BY h.number, h.id) - 1) / %(batch_size)s,
           %(uid)s, %(uid)s, now() at time zone 'UTC', now() at time zone 'UTC'
""" + RECIPIENT_SOURCE + """
       AND """ + HAS_EMAIL + """ AND (%(legal)s OR NOT """ + OPTED_OUT + """)
     ORDER BY h.number, h.id
"""

# The same selection counted: recipients, opted out (skipped), without e-mail address.
PREVIEW_SQL = """
    SELECT COUNT(*) FILTER (WHERE """ + HAS_EMAIL + """
                              AND (%(legal)s OR NOT """ + OPTED_OUT + """)),
           COUNT(*) FILTER (WHERE """ + HAS_EMAIL + """
                              AND NOT %(legal)s AND """ + OPTED_OUT + """),
           COUNT(*) FILTER (WHERE NOT """ + HAS_EMAIL + """)
""" + RECIPIENT_SOURCE


class CoopShareMailing(models.Model):
    """A mailing of a client cooperative to its shareholders, sent through Odoo's mass
    mailing (one `mail.mass_mailing` per language version) by background jobs in batches,
    with the cooperative as sender and reply-to."""

    _name = "coop.share.mailing"
    _description = "Mailing to shareholders"
    _inherit = ["coop.share.register.record", "mail.thread"]
    _order = "id desc"

    name = fields.Char(string="Subject", required=True, track_visibility="onchange",
                       help="The subject in Dutch (the French and English ones below).")
    mailing_template_id = fields.Many2one(
        comodel_name="coop.share.mailing.template", string="Template")
    assembly_id = fields.Many2one(
        comodel_name="coop.share.assembly", string="General assembly", index=True,
        ondelete="restrict", domain="[('register_id', '=', register_id)]",
        help="The assembly this mailing invites to (its date, place and agenda are in "
             "the text).")
    kind = fields.Selection(selection=MAILING_KINDS, required=True, default="general")
    legal = fields.Boolean(
        string="Legal mail", track_visibility="onchange",
        help="A mail the cooperative must send: it also reaches the shareholders who opted "
             "out of its mailings, and its mails are archived.")
    segment = fields.Selection(selection=SEGMENTS, string="Recipients", required=True,
                               default="all")
    date = fields.Date(
        string="Position date", required=True, default=fields.Date.context_today,
        help="The shares and balances in the mail are those of this date.")
    class_ids = fields.Many2many(
        comodel_name="coop.share.class", relation="coop_share_mailing_class_rel",
        column1="mailing_id", column2="class_id", string="Share classes",
        domain="[('register_id', '=', register_id)]")
    holder_ids = fields.Many2many(
        comodel_name="coop.shareholder", relation="coop_share_mailing_holder_rel",
        column1="mailing_id", column2="holder_id", string="Shareholders",
        domain="[('register_id', '=', register_id)]")
    body_nl = fields.Html(string="Text (Dutch)", sanitize=False)
    subject_fr = fields.Char(string="Subject (French)")
    body_fr = fields.Html(string="Text (French)", sanitize=False)
    subject_en = fields.Char(string="Subject (English)")
    body_en = fields.Html(string="Text (English)", sanitize=False)
    email_from = fields.Char(string="Sender", readonly=True, copy=False)
    reply_to = fields.Char(string="Reply to", readonly=True, copy=False)
    state = fields.Selection(
        selection=[("draft", "Draft"), ("sending", "Sending"), ("done", "Sent"),
                   ("cancel", "Cancelled")],
        required=True, default="draft", readonly=True, copy=False, index=True,
        track_visibility="onchange")
    sent_date = fields.Datetime(readonly=True, copy=False)
    recipient_ids = fields.One2many(
        comodel_name="coop.share.mailing.recipient", inverse_name="mailing_id",
        string="Recipient list", readonly=True)
    mass_mailing_ids = fields.One2many(
        comodel_name="mail.mass_mailing", inverse_name="coop_mailing_id",
        string="Mass mailings", readonly=True)
    batch_count = fields.Integer(readonly=True, copy=False,
                                 help="The number of background jobs the mails are made in.")
    recipient_count = fields.Integer(compute="_compute_statistics", string="Recipients")
    processed_count = fields.Integer(compute="_compute_statistics", string="Prepared",
                                     help="Mails made and queued for sending.")
    sent_count = fields.Integer(compute="_compute_statistics", string="Sent")
    opened_count = fields.Integer(compute="_compute_statistics", string="Opened")
    bounced_count = fields.Integer(compute="_compute_statistics", string="Bounced")
    failed_count = fields.Integer(compute="_compute_statistics", string="Failed")
    progress = fields.Float(compute="_compute_statistics", string="Progress (%)")

    @api.multi
    def _compute_statistics(self):
        """Recipients, mails prepared, sent, opened, bounced and failed per mailing, from
        the mass mailing statistics: one grouped query."""
        if not self.ids:
            return
        self.env.cr.execute("""
            SELECT r.mailing_id, COUNT(r.id), COUNT(s.id),
                   COUNT(s.id) FILTER (WHERE s.sent IS NOT NULL),
                   COUNT(s.id) FILTER (WHERE s.opened IS NOT NULL),
                   COUNT(s.id) FILTER (WHERE s.bounced IS NOT NULL),
                   COUNT(s.id) FILTER (WHERE s.exception IS NOT NULL)
              FROM coop_share_mailing_recipient r
              LEFT JOIN mail_mail_statistics s
                     ON s.res_id = r.id AND s.model = 'coop.share.mailing.recipient'
             WHERE r.mailing_id IN %s
             GROUP BY r.mailing_id""", (tuple(self.ids),))
        figures = {row[0]: row[1:] for row in self.env.cr.fetchall()}
        for mailing in self:
            total, processed, sent, opened, bounced, failed = figures.get(
                mailing.id, (0, 0, 0, 0, 0, 0))
            mailing.recipient_count = total
            mailing.processed_count = processed
            mailing.sent_count = sent
            mailing.opened_count = opened
            mailing.bounced_count = bounced
            mailing.failed_count = failed
            mailing.progress = round(100.0 * processed / total, 1) if total else 0.0

    @api.constrains("register_id", "class_ids", "holder_ids")
    def _check_same_register(self):
        # as superuser: a mailing in a register the user may not read is refused by the
        # record rules right after, with an access error
        for mailing in self.sudo():
            mailing._check_targets()

    @api.onchange("mailing_template_id")
    def _onchange_template_id(self):
        if self.mailing_template_id:
            self.update(self._template_values(self.mailing_template_id))

    @api.model
    def create(self, vals):
        self._check_vals_targets(vals.get("register_id"), vals)
        if vals.get("mailing_template_id"):
            template = self.env["coop.share.mailing.template"].browse(vals["mailing_template_id"])
            for key, value in self._template_values(template).items():
                if not vals.get(key):
                    vals[key] = value
        return super().create(vals)

    @api.multi
    def write(self, vals):
        for mailing in self:
            mailing._check_vals_targets(vals.get("register_id") or mailing.register_id.id, vals)
        if set(vals) - {"state", "sent_date", "batch_count", "email_from", "reply_to"} and \
                self.filtered(lambda m: m.state != "draft"):
            raise UserError(_("A mailing that was sent cannot be changed."))
        return super().write(vals)

    @api.multi
    def unlink(self):
        if self.filtered(lambda m: m.state != "draft"):
            raise UserError(_("A mailing that was sent cannot be deleted."))
        return super().unlink()

    @api.model
    def _template_values(self, template):
        """The values a template gives a mailing: subject, kind, legal flag, texts."""
        vals = {"name": template.subject_nl, "kind": template.kind, "legal": template.legal}
        for lang in LANGS:
            if lang != "nl":
                vals["subject_%s" % lang] = template["subject_%s" % lang]
            vals["body_%s" % lang] = template["body_%s" % lang]
        return vals

    # Checks ----------------------------------------------------------------

    @api.model
    def _check_vals_targets(self, register_id, vals):
        """Refuse, before anything is written, values that choose shareholders or classes
        of another register than register_id."""
        targets = {"holder_ids": "coop_shareholder", "class_ids": "coop_share_class"}
        for fname, table in targets.items():
            ids = set()
            for command in vals.get(fname) or []:
                if command[0] == 6:
                    ids.update(command[2])
                elif command[0] == 4:
                    ids.add(command[1])
            if ids:
                # table names come from the dict above, not from input
                self.env.cr.execute(  # pylint: disable=sql-injection
                    "SELECT 1 FROM %s WHERE id IN %%s AND register_id IS DISTINCT FROM %%s "
                    "LIMIT 1" % table, (tuple(ids), register_id))
                if self.env.cr.fetchone():
                    raise ValidationError(self._foreign_message())

    @api.model
    def _foreign_message(self):
        return _("This mailing is addressed to shareholders of another cooperative. "
                 "A mailing only reaches the shareholders of its own register: nothing "
                 "was sent.")

    @api.multi
    def _check_targets(self):
        """Refuse a mailing whose chosen shareholders or classes belong to another
        cooperative's register (read in SQL: the user may not even see them)."""
        self.ensure_one()
        cr = self.env.cr
        cr.execute("""
            SELECT 1 FROM coop_share_mailing_holder_rel r
              JOIN coop_shareholder h ON h.id = r.holder_id
             WHERE r.mailing_id = %(id)s AND h.register_id <> %(register)s
            UNION ALL
            SELECT 1 FROM coop_share_mailing_class_rel r
              JOIN coop_share_class c ON c.id = r.class_id
             WHERE r.mailing_id = %(id)s AND c.register_id <> %(register)s
             LIMIT 1""", {"id": self.id, "register": self.register_id.id})
        if cr.fetchone():
            raise ValidationError(self._foreign_message())

    @api.multi
    def _check_may_send(self):
        """The user manages this mailing's register (or is a DAR administrator)."""
        self.ensure_one()
        if not self.env.user.has_group("coop_share_register.group_dar_manager"):
            raise AccessError(_("Only a register manager can send a mailing."))
        self.check_access_rights("write")
        self.check_access_rule("write")
        self.register_id.check_access_rule("read")
        if self.register_id not in self.env.user.coop_register_ids and \
                not self.env.user.has_group("coop_share_register.group_dar_admin"):
            raise AccessError(_("You do not manage the register of this mailing."))

    @api.multi
    def _sender(self):
        """(From, Reply-To): the cooperative's name with its mailing address."""
        self.ensure_one()
        register = self.register_id.sudo()
        email = register.partner_id.email
        if not email:
            raise UserError(_(
                "%(register)s has no e-mail address for its mailings: fill in the "
                "e-mail address of the cooperative first.") % {"register": register.name})
        return formataddr((register.name, email)), email

    @api.multi
    def _lang_versions(self):
        """The language versions of the text: {'nl': (subject, body), ...}."""
        self.ensure_one()
        versions = {"nl": (self.name, self.body_nl)}
        for lang in ("fr", "en"):
            if self["subject_%s" % lang] and self["body_%s" % lang]:
                versions[lang] = (self["subject_%s" % lang], self["body_%s" % lang])
        return versions

    # Recipients --------------------------------------------------------------

    @api.multi
    def _recipients_params(self):
        self.ensure_one()
        versions = self._lang_versions()
        # positions of the register as seen by this user (access checked there)
        params = self.env["coop.share.position"]._query_params(self.register_id, self.date)
        params.update({
            "mailing": self.id, "uid": self.env.uid, "legal": bool(self.legal),
            "segment": self.segment, "classes": self.class_ids.ids,
            "selected": self.holder_ids.ids, "has_fr": "fr" in versions,
            "has_en": "en" in versions, "batch_size": max(self._batch_size(), 1),
        })
        return params

    @api.multi
    def preview_counts(self):
        """What a send would do now, without writing: {'recipients', 'opted_out',
        'without_email'} (three counts in one query)."""
        self.ensure_one()
        self.env.cr.execute(PREVIEW_SQL, self._recipients_params())
        recipients, opted_out, without_email = self.env.cr.fetchone()
        return {"recipients": recipients, "opted_out": opted_out,
                "without_email": without_email}

    @api.multi
    def _snapshot_recipients(self):
        """Write the recipient list, numbered in batches (one INSERT ... SELECT)."""
        self.ensure_one()
        self.env.cr.execute(RECIPIENTS_SQL, self._recipients_params())
        self.env.cr.execute("""
            SELECT COUNT(*), COALESCE(MAX(batch) + 1, 0),
                   COUNT(*) FILTER (WHERE register_id <> %s)
              FROM coop_share_mailing_recipient WHERE mailing_id = %s""",
                            (self.register_id.id, self.id))
        count, batches, foreign = self.env.cr.fetchone()
        self.env["coop.share.mailing.recipient"].invalidate_cache()
        if foreign:
            # cannot happen through the query above; refuse rather than send
            raise UserError(self._foreign_message())
        self._snapshot_extra()
        return count, batches

    @api.multi
    def _snapshot_extra(self):
        """Hook: fill further values of the recipients (e.g. a dividend amount)."""
        return True

    @api.model
    def _batch_size(self):
        """How many mails one background job prepares (a hook; setting
        `coop_share_register.mailing_batch_size`)."""
        value = self.env["ir.config_parameter"].sudo().get_param(
            "coop_share_register.mailing_batch_size")
        return int(value) if value and value.isdigit() else 500

    # Actions ------------------------------------------------------------------

    @api.multi
    def action_send(self):
        """Check, snapshot the recipients, make the mass mailings and queue the batches.
        Nothing is sent in this request: the jobs make the mails and hand them to the
        mail server."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(_("This mailing was already sent."))
        self._check_may_send()
        self._check_targets()
        if not self.body_nl:
            raise UserError(_("The mailing has no Dutch text."))
        if self.segment == "classes" and not self.class_ids:
            raise UserError(_("Choose the share classes whose holders get the mailing."))
        if self.segment == "selection" and not self.holder_ids:
            raise UserError(_("Choose the shareholders who get the mailing."))
        email_from, reply_to = self._sender()
        count, batches = self._snapshot_recipients()
        if not count:
            raise UserError(_("No shareholder with an e-mail address matches this mailing: "
                              "nothing was sent."))
        MassMailing = self.env["mail.mass_mailing"].sudo()
        model = self.env["ir.model"].sudo()._get("coop.share.mailing.recipient")
        for lang, (subject, body) in self._lang_versions().items():
            MassMailing.create({
                "name": subject,
                "body_html": self._body_with_footer(body, lang),
                "email_from": email_from,
                "reply_to_mode": "email",
                "reply_to": reply_to,
                "mailing_model_id": model.id,
                "mailing_domain": repr([("mailing_id", "=", self.id),
                                        ("lang_group", "=", lang)]),
                "keep_archives": bool(self.legal),
                "coop_mailing_id": self.id,
                "coop_lang_group": lang,
                "sent_date": fields.Datetime.now(),
            })
        self.write({"state": "sending", "sent_date": fields.Datetime.now(),
                    "batch_count": batches, "email_from": email_from,
                    "reply_to": reply_to})
        # one job queues the batches: the request stays short however large the mailing
        self.with_delay(description=_("Mailing %(name)s: queue %(count)s batches") % {
            "name": self.name, "count": batches}).job_queue_batches()
        # a note in the chatter; the cooperative's address as its sender, so a manager
        # without an e-mail address of his own can send too
        self.message_post(body=_("Queued for %(count)s shareholders in %(batches)s "
                                 "batches.") % {"count": count, "batches": batches},
                          email_from=email_from)
        return True

    @api.multi
    def action_cancel(self):
        """Stop a mailing: the batches not yet prepared are not sent."""
        for mailing in self:
            if mailing.state not in ("draft", "sending"):
                raise UserError(_("Only a draft mailing or one being sent can be "
                                  "cancelled."))
            mailing._check_may_send()
        self.write({"state": "cancel"})
        return True

    @api.multi
    def action_open_recipients(self):
        self.ensure_one()
        action = self.env.ref("coop_share_register.coop_share_mailing_recipient_action")
        action = action.read()[0]
        action["domain"] = [("mailing_id", "=", self.id)]
        return action

    @api.model
    def _footer(self, lang):
        """The unsubscribe line of a mail that is not legal, in lang ('nl', 'fr', 'en')."""
        texts = {
            "nl": "U krijgt deze mail als aandeelhouder. "
                  "<a href=\"/unsubscribe_from_list\">Geen mails meer ontvangen</a> "
                  "(wettelijke mededelingen blijft u ontvangen).",
            "fr": "Vous recevez ce courriel en tant qu'actionnaire. "
                  "<a href=\"/unsubscribe_from_list\">Ne plus recevoir de courriels</a> "
                  "(vous recevrez toujours les communications légales).",
            "en": "You receive this mail as a shareholder. "
                  "<a href=\"/unsubscribe_from_list\">Unsubscribe</a> "
                  "(you will still receive the mails the law requires).",
        }
        return "<p style=\"font-size: 12px; color: #777777;\">%s</p>" % texts[lang]

    @api.multi
    def _body_with_footer(self, body, lang):
        self.ensure_one()
        if self.legal or "/unsubscribe_from_list" in (body or ""):
            return body
        return (body or "") + self._footer(lang)

    # Jobs ----------------------------------------------------------------------

    @job(default_channel="root")
    @api.multi
    def job_queue_batches(self):
        """A background job: queue one job per batch of recipients."""
        self.ensure_one()
        self._check_in_job()
        if self.state != "sending":
            return "not sending"
        for batch in range(self.batch_count):
            self.with_delay(
                description=_("Mailing %(name)s: batch %(batch)s of %(count)s") % {
                    "name": self.name, "batch": batch + 1, "count": self.batch_count},
            ).job_send_batch(batch)
        return "%s batches" % self.batch_count

    @job(default_channel="root")
    @api.multi
    def job_send_batch(self, batch):
        """A background job: prepare the mails of one batch of recipients (those not
        prepared yet, so a retried job sends nobody twice) through the mass mailing of
        each recipient's language, whose composer hands them to the mail server."""
        self.ensure_one()
        self._check_in_job()
        if self.state != "sending":
            return "not sending"
        mailing = self.sudo()
        cr = self.env.cr
        cr.execute("""
            SELECT r.id, r.lang_group FROM coop_share_mailing_recipient r
             WHERE r.mailing_id = %s AND r.batch = %s AND r.register_id = %s
               AND NOT EXISTS (
                   SELECT 1 FROM mail_mail_statistics s
                    WHERE s.res_id = r.id AND s.model = 'coop.share.mailing.recipient')
             ORDER BY r.id""", (self.id, batch, self.register_id.id))
        by_lang = {}
        for rid, lang in cr.fetchall():
            by_lang.setdefault(lang, []).append(rid)
        for mass in mailing.mass_mailing_ids:
            ids = by_lang.get(mass.coop_lang_group)
            if ids:
                mass.with_context(lang=self._odoo_lang(mass.coop_lang_group)).send_mail(
                    res_ids=ids)
                mass.state = "draft"  # never picked up by mass mailing's own queue
        self.invalidate_cache()
        if self.processed_count >= self.recipient_count:
            mailing.mass_mailing_ids.write({"state": "done"})
            mailing.write({"state": "done"})
        return "%s mails" % sum(len(ids) for ids in by_lang.values())

    @api.model
    def _check_in_job(self):
        """The job methods run in the job runner, not from a request."""
        if not self.env.context.get("job_uuid"):
            raise AccessError(_("This runs as a background job only."))

    @api.model
    def _odoo_lang(self, lang_group):
        return {"nl": "nl_BE", "fr": "fr_BE", "en": "en_US"}[lang_group]

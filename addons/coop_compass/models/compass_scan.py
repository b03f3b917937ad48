# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import date

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools.radar import radar_svg

SCAN_STATES = [
    ("draft", "In progress"),
    ("submitted", "Submitted"),
]
# Fields that may still change on a submitted version (maintained by the addon itself).
MUTABLE_AFTER_SUBMIT = {"is_last_submitted", "share_with_organisation"}
# What an author who is not Coopkracht staff may write directly; the rest changes
# through the action_* methods only.
AUTHOR_WRITABLE = {"share_with_organisation", "nrc_condition_ids", "answer_ids"}


class CompassScan(models.Model):
    _name = "coop.compass.scan"
    _description = "ICA compass self-scan (one version)"
    _order = "date_start desc, root_id desc, version desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    user_id = fields.Many2one(
        comodel_name="res.users", string="Author", index=True, default=lambda self: self.env.user,
        ondelete="set null")
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Person", required=True, index=True, ondelete="restrict",
        default=lambda self: self.env.user.partner_id)
    organisation_id = fields.Many2one(
        comodel_name="res.partner", string="Organisation", index=True, ondelete="restrict",
        domain=[("is_company", "=", True)])
    share_with_organisation = fields.Boolean(
        string="Visible to my organisation",
        default=lambda self: self._default_share_with_organisation(),
        help="The other users of the organisation can read this scan.")
    state = fields.Selection(selection=SCAN_STATES, default="draft", required=True, index=True, copy=False)
    version = fields.Integer(default=1, required=True, copy=False)
    root_id = fields.Many2one(
        comodel_name="coop.compass.scan", string="First version", index=True, copy=False,
        ondelete="restrict", help="The first version of this scan; all versions share it.")
    previous_id = fields.Many2one(
        comodel_name="coop.compass.scan", string="Previous version", copy=False, ondelete="set null")
    date_start = fields.Date(
        string="Started on", required=True, default=fields.Date.context_today, copy=False, index=True)
    date_submitted = fields.Date(string="Submitted on", copy=False, index=True)
    is_last_submitted = fields.Boolean(
        string="Latest submitted version", copy=False, index=True,
        help="The most recent submitted version of its scan; used for the anonymous average.")
    answer_ids = fields.One2many(
        comodel_name="coop.compass.answer", inverse_name="scan_id", string="Answers")
    score_ids = fields.One2many(
        comodel_name="coop.compass.score", inverse_name="scan_id", string="Scores per principle")
    score_overall = fields.Float(string="Overall score", digits=(5, 2), copy=False, group_operator="avg")
    nrc_condition_ids = fields.Many2many(
        comodel_name="coop.compass.nrc.condition", string="NRC conditions met")
    version_ids = fields.One2many(
        comodel_name="coop.compass.scan", compute="_compute_version_ids", string="Versions")
    answered_count = fields.Integer(compute="_compute_progress")
    question_count = fields.Integer(compute="_compute_progress")

    @api.model
    def _default_share_with_organisation(self):
        param = self.env["ir.config_parameter"].sudo().get_param("coop_compass.share_with_organisation")
        return bool(param) and param not in ("0", "False", "false")

    @api.depends("partner_id.name", "organisation_id.name", "version")
    def _compute_name(self):
        for scan in self:
            subject = scan.organisation_id.name or scan.partner_id.name or ""
            scan.name = "%s v%d" % (subject, scan.version)

    @api.depends("root_id")
    def _compute_version_ids(self):
        for scan in self:
            root = scan.root_id or scan
            scan.version_ids = self.search([("root_id", "=", root.id)], order="version desc")

    @api.depends("answer_ids.is_answered")
    def _compute_progress(self):
        questions = self.env["coop.compass.question"].search([("principle_id.active", "=", True)])
        for scan in self:
            scan.question_count = len(questions)
            scan.answered_count = len(scan.answer_ids.filtered(
                lambda a: a.is_answered and a.question_id in questions))

    @api.constrains("state", "organisation_id")
    def _check_one_open_per_organisation(self):
        for scan in self.filtered(lambda s: s.state == "draft" and s.organisation_id):
            scan._check_no_open_scan(scan.organisation_id, scan.ids)

    @api.model
    def _check_no_open_scan(self, organisation, exclude_ids=()):
        """Raise ValidationError when organisation has a scan in progress (other than
        exclude_ids). Called before create and write too, so that the user gets this message
        rather than the database's unique index error."""
        others = self.sudo().search_count([
            ("organisation_id", "=", organisation.id), ("state", "=", "draft"),
            ("id", "not in", list(exclude_ids))])
        if others:
            raise ValidationError(_(
                "%s already has a scan in progress: resume that one instead of starting a new one.")
                % organisation.name)

    @api.constrains("organisation_id", "partner_id")
    def _check_organisation_is_company(self):
        for scan in self:
            if scan.organisation_id and not scan.organisation_id.is_company:
                raise ValidationError(_("The organisation of a scan must be a company."))

    @api.model_cr
    def init(self):
        # _check_one_open_per_organisation in the database too: two starts at the same
        # moment cannot both leave a scan in progress for one organisation.
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS coop_compass_scan_one_open_per_organisation
                ON coop_compass_scan (organisation_id)
             WHERE state = 'draft' AND organisation_id IS NOT NULL""")

    @api.model
    def _is_compass_staff(self):
        return self.env.uid == SUPERUSER_ID or self.env.user.has_group("coop_website.group_coop_user")

    @api.model
    def create(self, vals):
        if not self._is_compass_staff():
            raise AccessError(_("Start a scan from the website: /kompas."))
        if vals.get("organisation_id") and vals.get("state", "draft") == "draft":
            self._check_no_open_scan(self.env["res.partner"].browse(vals["organisation_id"]))
        scan = super().create(vals)
        if not scan.root_id:
            scan.root_id = scan
        return scan

    @api.multi
    def write(self, vals):
        if set(vals) - MUTABLE_AFTER_SUBMIT and any(s.state == "submitted" for s in self):
            raise UserError(_(
                "A submitted version of a scan cannot be changed. Reopen the scan to make a new version."))
        if set(vals) - AUTHOR_WRITABLE and not self._is_compass_staff():
            raise AccessError(_("You can only change your answers; the rest of a scan is managed by Coopkracht."))
        if "organisation_id" in vals or "state" in vals:
            for scan in self:
                organisation = self.env["res.partner"].browse(vals.get("organisation_id", scan.organisation_id.id))
                if organisation and vals.get("state", scan.state) == "draft":
                    self._check_no_open_scan(organisation, self.ids)
        return super().write(vals)

    @api.multi
    def unlink(self):
        if any(s.state == "submitted" for s in self) and not self.env.user.has_group(
                "coop_website.group_coop_manager"):
            raise UserError(_("Submitted versions of a scan are kept; only a Coopkracht manager can delete them."))
        if self.sudo().search_count([("root_id", "in", self.ids), ("id", "not in", self.ids)]):
            raise UserError(_(
                "The first version of a scan cannot be deleted while it has later versions: "
                "they would be deleted with it."))
        return super().unlink()

    # ------------------------------------------------------------------ actions

    @api.model
    def _allowed_organisations(self):
        """The organisations the current user may start a scan for: their own company."""
        partner = self.env.user.partner_id
        org = partner.commercial_partner_id
        return org if org != partner and org.is_company else self.env["res.partner"]

    @api.model
    def action_start(self, organisation=None):
        """Start a scan for the current user (and organisation), or return the open one to resume."""
        user = self.env.user
        if organisation and organisation not in self._allowed_organisations() and not self._is_compass_staff():
            raise AccessError(_("You can only start a scan for your own organisation."))
        if organisation:
            open_scan = self.sudo().search(
                [("organisation_id", "=", organisation.id), ("state", "=", "draft")], limit=1)
            if open_scan and open_scan.user_id != user:
                raise UserError(_(
                    "%(person)s (%(organisation)s) already has a scan of this organisation in progress. "
                    "Ask them to finish it, or start a personal scan.")
                    % {"person": open_scan.partner_id.name, "organisation": organisation.name})
        else:
            open_scan = self.search([("user_id", "=", user.id), ("organisation_id", "=", False),
                                     ("state", "=", "draft")], limit=1)
        if open_scan:
            return self.browse(open_scan.id)
        scan = self.sudo().create({
            "user_id": user.id,
            "partner_id": user.partner_id.id,
            "organisation_id": organisation.id if organisation else False,
        })
        return self.browse(scan.id)

    @api.multi
    def action_submit(self):
        """Check the required answers, compute the scores and freeze this version."""
        self.check_access_rights("write")
        self.check_access_rule("write")
        for scan in self:
            scan._submit(fields.Date.context_today(scan))
        return True

    @api.multi
    def _submit(self, date_submitted):
        self.ensure_one()
        if self.state != "draft":
            raise UserError(_("This version of the scan is already submitted."))
        missing = self.missing_required_questions()
        if missing:
            raise UserError(_("Please answer these questions first:\n%s") % "\n".join(
                "- %s: %s" % (q.principle_id.name, q.name) for q in missing))
        result = self._compute_scores()
        lines = [(5, 0, 0)] + [(0, 0, {"principle_id": pid, "score": score})
                               for pid, score in result["principles"].items()]
        self.sudo().write({
            "score_ids": lines,
            "score_overall": result["overall"],
            "state": "submitted",
            "date_submitted": date_submitted,
        })
        siblings = self.sudo().search([("root_id", "=", self.root_id.id), ("id", "!=", self.id),
                                       ("is_last_submitted", "=", True)])
        siblings.write({"is_last_submitted": False})
        self.sudo().write({"is_last_submitted": True})

    @api.multi
    def action_reopen(self):
        """A new working version from this submitted one (answers copied); the open one if it exists."""
        self.ensure_one()
        self.check_access_rights("write")
        self.check_access_rule("write")
        if self.state != "submitted":
            raise UserError(_("Only a submitted scan can be reopened; this one is still in progress."))
        draft = self.search([("root_id", "=", self.root_id.id), ("state", "=", "draft")], limit=1)
        if draft:
            return draft
        if self.organisation_id:
            other = self.sudo().search(
                [("organisation_id", "=", self.organisation_id.id), ("state", "=", "draft")], limit=1)
            if other:
                raise UserError(_(
                    "%(person)s (%(organisation)s) already has another scan of this organisation in "
                    "progress. It has to be submitted before this scan can be reopened.")
                    % {"person": other.partner_id.name, "organisation": self.organisation_id.name})
        last = self.search([("root_id", "=", self.root_id.id)], order="version desc", limit=1)
        new = self.sudo().create({
            "user_id": self.user_id.id,
            "partner_id": self.partner_id.id,
            "organisation_id": self.organisation_id.id,
            "share_with_organisation": self.share_with_organisation,
            "root_id": self.root_id.id,
            "previous_id": self.id,
            "version": last.version + 1,
            "nrc_condition_ids": [(6, 0, self.nrc_condition_ids.ids)],
        })
        for answer in self.answer_ids:
            answer.sudo().copy({"scan_id": new.id})
        return self.browse(new.id)

    # ------------------------------------------------------------------ business methods

    @api.multi
    def set_answers(self, values):
        """Save answers: values maps question ids to raw values (str for a scale level,
        'yes'/'no', text; '' or None clears). Only active questions count; the scan must
        be in progress."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(_(
                "A submitted version of a scan cannot be changed. Reopen the scan to make a new version."))
        questions = self.env["coop.compass.question"].browse(list(values)).exists()
        existing = {a.question_id.id: a for a in self.answer_ids}
        Answer = self.env["coop.compass.answer"]
        for question in questions:
            vals = Answer._values_from_raw(question, values[question.id])
            answer = existing.get(question.id)
            if answer:
                answer.write(vals)
            elif any(v not in (False, None, "") for v in vals.values()):
                vals.update({"scan_id": self.id, "question_id": question.id})
                Answer.create(vals)
        return True

    @api.multi
    def missing_required_questions(self):
        self.ensure_one()
        questions = self.env["coop.compass.question"].search(
            [("required", "=", True), ("principle_id.active", "=", True)])
        answered = self.answer_ids.filtered("is_answered").mapped("question_id")
        return questions - answered

    @api.multi
    def _compute_scores(self):
        """{'principles': {principle_id: 0-100}, 'overall': 0-100}, weighted.

        A principle's score is the weighted mean of its answered scored questions (a scale
        level counts level/4, yes counts 1 and no 0); the overall score is the mean of the
        principle scores weighted by the principles' weights."""
        self.ensure_one()
        principles = self.env["coop.compass.principle"].search([])
        by_question = {a.question_id.id: a for a in self.answer_ids if a.is_answered}
        result = {}
        for principle in principles:
            total = weights = 0.0
            for question in principle.question_ids:
                answer = by_question.get(question.id)
                if not answer or not question._is_scored():
                    continue
                total += question.weight * answer._fraction()
                weights += question.weight
            result[principle.id] = 100.0 * total / weights if weights else 0.0
        weight_sum = sum(principles.mapped("weight"))
        overall = sum(p.weight * result[p.id] for p in principles) / weight_sum if weight_sum else 0.0
        return {"principles": result, "overall": overall}

    @api.multi
    def principle_scores(self):
        """[(principle, score)] in the order of the principles, from the stored score lines."""
        self.ensure_one()
        scores = {line.principle_id.id: line.score for line in self.score_ids}
        if self.state == "draft":
            scores = self._compute_scores()["principles"]
        principles = self.env["coop.compass.principle"].search([])
        return [(p, scores.get(p.id, 0.0)) for p in principles]

    @api.model
    def _highlight_count(self):
        """How many principles are shown as strengths and as points of improvement."""
        return 3

    @api.multi
    def strengths_and_improvements(self):
        """(strongest principles, weakest principles) as [(principle, score)] lists.

        The two lists never share a principle: when scores are tied, a principle already
        named as a strength is not also named as a point of improvement."""
        self.ensure_one()
        scores = self.principle_scores()
        count = min(self._highlight_count(), len(scores) // 2)
        best = sorted(scores, key=lambda ps: (-ps[1], ps[0].sequence, ps[0].number))[:count]
        strong = {principle.id for principle, _score in best}
        rest = [ps for ps in scores if ps[0].id not in strong]
        worst = sorted(rest, key=lambda ps: (ps[1], ps[0].sequence, ps[0].number))[:count]
        return best, worst

    @api.multi
    def previous_submitted(self):
        """The submitted version before this one in the same scan, if any."""
        self.ensure_one()
        domain = [("root_id", "=", self.root_id.id), ("state", "=", "submitted"),
                  ("version", "<", self.version)]
        return self.search(domain, order="version desc", limit=1)

    @api.model
    def _min_scans_for_average(self):
        """The anonymous average is only shown when at least this many organisations or
        persons submitted a scan."""
        return 5

    @api.model
    def anonymous_average(self):
        """{principle_id: average score} over the latest submitted version of every scan,
        or {} when fewer than _min_scans_for_average() organisations/persons are behind them."""
        self.env.cr.execute("""
            SELECT COUNT(DISTINCT COALESCE(s.organisation_id, s.partner_id))
              FROM coop_compass_scan s
             WHERE s.is_last_submitted""")
        subjects = self.env.cr.fetchone()[0]
        if subjects < self._min_scans_for_average():
            return {}
        self.env.cr.execute("""
            SELECT l.principle_id, AVG(l.score)
              FROM coop_compass_score l
              JOIN coop_compass_scan s ON s.id = l.scan_id
             WHERE s.is_last_submitted
          GROUP BY l.principle_id""")
        return {pid: float(avg) for pid, avg in self.env.cr.fetchall()}

    @api.multi
    def radar_chart(self, compare=True):
        """The radar chart of this version as an SVG string (with the previous version and
        the anonymous average when compare and available)."""
        self.ensure_one()
        scores = self.principle_scores()
        labels = ["%d. %s" % (p.number, p._axis_label()) for p, _s in scores]
        series = [(_("This version (v%d)") % self.version, [s for _p, s in scores], "current")]
        if compare:
            previous = self.previous_submitted()
            if previous:
                prev = {line.principle_id.id: line.score for line in previous.score_ids}
                series.append((_("Previous version (v%d)") % previous.version,
                               [prev.get(p.id, 0.0) for p, _s in scores], "previous"))
            average = self.anonymous_average()
            if average:
                series.append((_("Average of all scans"),
                               [average.get(p.id, 0.0) for p, _s in scores], "average"))
        return radar_svg(labels, series, title=_("Scores per cooperative principle"))

    @api.multi
    def radar_chart_data_uri(self):
        """The radar chart as a data: URI for an <img> (used in the PDF report)."""
        svg = self.radar_chart().encode("utf-8")
        return "data:image/svg+xml;base64,%s" % base64.b64encode(svg).decode("ascii")

    @api.model
    def coop_year_figures(self, year):
        """The annual report's two figures for year: persons who submitted a scan for the
        first time in that year, and persons who came back to a scan (reopened it to make
        a new version) in that year. Returns dict(first_time=int, returning=int)."""
        start = fields.Date.to_string(date(int(year), 1, 1))
        end = fields.Date.to_string(date(int(year), 12, 31))
        self.env.cr.execute("""
            SELECT COUNT(*) FROM (
                SELECT partner_id, MIN(date_submitted) AS first_date
                  FROM coop_compass_scan
                 WHERE date_submitted IS NOT NULL
              GROUP BY partner_id) firsts
             WHERE first_date BETWEEN %s AND %s""", (start, end))
        first_time = self.env.cr.fetchone()[0]
        self.env.cr.execute("""
            SELECT COUNT(DISTINCT partner_id)
              FROM coop_compass_scan
             WHERE version > 1 AND date_start BETWEEN %s AND %s""", (start, end))
        returning = self.env.cr.fetchone()[0]
        return {"first_time": first_time, "returning": returning}

    @api.multi
    def _portal_url(self):
        self.ensure_one()
        return "/my/compass/%d" % self.id

    @api.multi
    def action_print_report(self):
        self.ensure_one()
        return self.env.ref("coop_compass.compass_scan_report").report_action(self)

    @api.model
    def _demo_create_scans(self, specs):
        """Demo data: specs is a list of (person xml id, organisation xml id or False,
        [(date started, date submitted or False), ...] one per version, seed[, user xml
        id: the person's login, when the scan was made logged in]). Answers are drawn from
        a seeded generator, so the demo database is the same every time."""
        import random
        questions = self.env["coop.compass.question"].search([])
        for spec in specs:
            person_xmlid, org_xmlid, versions, seed = spec[:4]
            user = self.env.ref(spec[4]) if len(spec) > 4 else self.env["res.users"]
            rng = random.Random(seed)
            partner = self.env.ref(person_xmlid)
            organisation = self.env.ref(org_xmlid) if org_xmlid else self.env["res.partner"]
            previous = self.browse()
            for date_start, date_submitted in versions:
                if previous:
                    scan = previous.sudo().action_reopen()
                    scan.sudo().write({"date_start": date_start})
                else:
                    scan = self.sudo().create({
                        "user_id": user.id, "partner_id": partner.id,
                        "organisation_id": organisation.id, "date_start": date_start})
                answers = {}
                for question in questions:
                    if question.question_type == "scale":
                        answers[question.id] = str(rng.choice([1, 2, 2, 3, 3, 3, 4]))
                    elif question.question_type == "yesno":
                        answers[question.id] = rng.choice(["yes", "yes", "no"])
                scan.sudo().set_answers(answers)
                if date_submitted:
                    scan.sudo()._submit(date_submitted)
                previous = scan
        return True

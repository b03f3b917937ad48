# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import uuid

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.coop_website.tools.params import parse_id

NETWORK = [("none", "Not"), ("little", "A little"), ("strong", "Strongly")]


class CoopEventEvaluationAspect(models.Model):
    _name = "coop.event.evaluation.aspect"
    _description = "What was best (evaluation choice)"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)


class CoopEventEvaluation(models.Model):
    """The evaluation of one attendee, answered through a token link without login."""

    _name = "coop.event.evaluation"
    _description = "Event evaluation"
    _order = "event_id, id"
    _rec_name = "registration_id"

    registration_id = fields.Many2one(comodel_name="event.registration", required=True,
                                      ondelete="cascade", index=True)
    event_id = fields.Many2one(related="registration_id.event_id", store=True, readonly=True,
                               index=True)
    event_kind = fields.Selection(related="event_id.coop_kind", store=True, readonly=True)
    token = fields.Char(required=True, readonly=True, copy=False, index=True,
                        default=lambda self: uuid.uuid4().hex, groups="coop_website.group_coop_user")
    state = fields.Selection(selection=[("pending", "Waiting for an answer"),
                                        ("done", "Answered")],
                             default="pending", required=True, readonly=True)
    answer_date = fields.Datetime(readonly=True)
    score = fields.Integer(help="From 0 (bad) to 10 (excellent).")
    best_ids = fields.Many2many(comodel_name="coop.event.evaluation.aspect",
                                relation="coop_event_evaluation_aspect_rel",
                                column1="evaluation_id", column2="aspect_id",
                                string="What was best")
    network = fields.Selection(selection=NETWORK, string="Network grew")
    learned = fields.Text(string="What I learned")
    comment = fields.Text()

    _sql_constraints = [
        ("registration_uniq", "unique(registration_id)", "This attendee already has an evaluation."),
        ("token_uniq", "unique(token)", "Evaluation tokens are unique."),
        ("score_range", "CHECK(score IS NULL OR (score >= 0 AND score <= 10))",
         "The score is a number from 0 to 10."),
    ]

    @api.constrains("score", "state")
    def _check_score(self):
        for evaluation in self:
            if evaluation.state == "done" and not 0 <= evaluation.score <= 10:
                raise ValidationError(_("The score is a number from 0 to 10."))

    @api.model
    def _coop_find_token(self, token):
        """The evaluation of a token (sudo), or an empty recordset."""
        if not token:
            return self.sudo().browse()
        self.env.cr.execute("SELECT id FROM coop_event_evaluation WHERE token = %s LIMIT 1",
                            (token,))
        row = self.env.cr.fetchone()
        return self.sudo().browse(row[0] if row else [])

    @api.model
    def _coop_by_token(self, token, event_id):
        """The pending evaluation of this token, checked against the event it was sent
        for; UserError when unknown, for another event, or already answered."""
        evaluation = self._coop_find_token(token)
        if not evaluation or evaluation.event_id.id != parse_id(event_id):
            raise UserError(_("This evaluation link is not valid."))
        if evaluation.state == "done":
            raise UserError(_("This evaluation has already been answered. Thank you!"))
        return evaluation

    @api.multi
    def coop_submit(self, values):
        """Save the answers once (the token becomes unusable)."""
        self.ensure_one()
        if self.state == "done":
            raise UserError(_("This evaluation has already been answered. Thank you!"))
        try:
            score = int(values.get("score"))
        except (TypeError, ValueError):
            raise ValidationError(_("The score is a number from 0 to 10."))
        if not 0 <= score <= 10:
            raise ValidationError(_("The score is a number from 0 to 10."))
        network = values.get("network") or False
        if network and network not in dict(NETWORK):
            raise ValidationError(_("Choose how much your network grew."))
        aspects = self.env["coop.event.evaluation.aspect"].sudo().browse(
            [int(a) for a in values.get("best_ids") or []]).exists()
        self.write({
            "score": score, "network": network, "best_ids": [(6, 0, aspects.ids)],
            "learned": values.get("learned") or False, "comment": values.get("comment") or False,
            "state": "done", "answer_date": fields.Datetime.now(),
        })
        return True

    def _coop_figures_by_event(self, event_ids):
        """{event id: responses, response rate, average (1 decimal), min, max, distribution}
        from two grouped queries."""
        if not event_ids:
            return {}
        self.env.cr.execute("""
            SELECT e.event_id,
                   COUNT(*) AS sent,
                   COUNT(*) FILTER (WHERE e.state = 'done') AS responses,
                   ROUND(AVG(e.score) FILTER (WHERE e.state = 'done'), 1) AS average,
                   MIN(e.score) FILTER (WHERE e.state = 'done') AS min,
                   MAX(e.score) FILTER (WHERE e.state = 'done') AS max
              FROM coop_event_evaluation e
             WHERE e.event_id IN %s
             GROUP BY e.event_id""", (tuple(event_ids),))
        figures = {}
        for row in self.env.cr.dictfetchall():
            row["average"] = float(row["average"]) if row["average"] is not None else None
            row["response_rate"] = round(100.0 * row["responses"] / row["sent"], 1) \
                if row["sent"] else 0.0
            row["distribution"] = {score: 0 for score in range(11)}
            figures[row.pop("event_id")] = row
        self.env.cr.execute("""
            SELECT event_id, score, COUNT(*) FROM coop_event_evaluation
             WHERE event_id IN %s AND state = 'done'
             GROUP BY event_id, score""", (tuple(event_ids),))
        for event_id, score, count in self.env.cr.fetchall():
            figures[event_id]["distribution"][score] = count
        return figures

    def _coop_figures_by_kind(self, event_ids):
        """{event kind: responses, average, min, max} over the answered evaluations."""
        if not event_ids:
            return {}
        self.env.cr.execute("""
            SELECT ev.coop_kind, COUNT(*), ROUND(AVG(e.score), 1), MIN(e.score), MAX(e.score)
              FROM coop_event_evaluation e JOIN event_event ev ON ev.id = e.event_id
             WHERE e.event_id IN %s AND e.state = 'done'
             GROUP BY ev.coop_kind""", (tuple(event_ids),))
        return {kind: {"responses": count, "average": float(avg), "min": low, "max": high}
                for kind, count, avg, low, high in self.env.cr.fetchall()}

    @api.model
    def coop_answer_distribution(self, event_id):
        """Counts of the multiple-choice answers of one event (network grew, what was best),
        by read_group."""
        domain = [("event_id", "=", event_id), ("state", "=", "done")]
        network = {g["network"]: g["network_count"] for g in self.sudo().read_group(
            domain, ["network"], ["network"])}
        self.env.cr.execute("""
            SELECT rel.aspect_id, COUNT(*)
              FROM coop_event_evaluation e
              JOIN coop_event_evaluation_aspect_rel rel ON rel.evaluation_id = e.id
             WHERE e.event_id = %s AND e.state = 'done'
             GROUP BY rel.aspect_id""", (event_id,))
        return {"network": network, "best": dict(self.env.cr.fetchall())}

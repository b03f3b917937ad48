# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .compass_question import QUESTION_TYPES, SCALE_MAX, SCALE_MIN


class CompassAnswer(models.Model):
    _name = "coop.compass.answer"
    _description = "Answer to a compass question"
    _order = "scan_id, principle_id, question_id"

    scan_id = fields.Many2one(
        comodel_name="coop.compass.scan", string="Scan", required=True, ondelete="cascade", index=True)
    question_id = fields.Many2one(
        comodel_name="coop.compass.question", string="Question", required=True, ondelete="restrict",
        index=True)
    principle_id = fields.Many2one(
        related="question_id.principle_id", store=True, readonly=True, string="Principle")
    question_type = fields.Selection(related="question_id.question_type", readonly=True, selection=QUESTION_TYPES)
    value_scale = fields.Integer(string="Level")
    value_yesno = fields.Selection(selection=[("yes", "Yes"), ("no", "No")], string="Yes/no")
    value_text = fields.Text(string="Reflection")
    is_answered = fields.Boolean(compute="_compute_is_answered", store=True)
    scale_set = fields.Boolean(help="Technical: a level was chosen (0 is a valid level).")

    _sql_constraints = [
        ("question_unique", "UNIQUE(scan_id, question_id)", "A scan answers each question once."),
        ("scale_range", "CHECK(value_scale IS NULL OR (value_scale >= 0 AND value_scale <= 4))",
         "A level must be between 0 and 4."),
    ]

    @api.depends("question_id.question_type", "scale_set", "value_yesno", "value_text")
    def _compute_is_answered(self):
        for answer in self:
            kind = answer.question_id.question_type
            if kind == "scale":
                answer.is_answered = answer.scale_set
            elif kind == "yesno":
                answer.is_answered = bool(answer.value_yesno)
            else:
                answer.is_answered = bool((answer.value_text or "").strip())

    @api.constrains("value_scale", "scale_set", "value_yesno", "value_text", "question_id")
    def _check_value(self):
        for answer in self:
            kind = answer.question_id.question_type
            if answer.scale_set and not SCALE_MIN <= answer.value_scale <= SCALE_MAX:
                raise ValidationError(self._level_error())
            if kind != "scale" and answer.scale_set:
                raise ValidationError(_("Only a scale question takes a level."))
            if kind != "yesno" and answer.value_yesno:
                raise ValidationError(_("Only a yes/no question takes yes or no."))

    @api.model
    def create(self, vals):
        scan = self.env["coop.compass.scan"].browse(vals.get("scan_id"))
        if scan.state == "submitted":
            raise UserError(_(
                "A submitted version of a scan cannot be changed. Reopen the scan to make a new version."))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if "scan_id" in vals and any(a.scan_id.id != vals["scan_id"] for a in self):
            raise UserError(_("An answer cannot be moved to another scan."))
        if "question_id" in vals and any(a.question_id.id != vals["question_id"] for a in self):
            raise UserError(_("An answer cannot be moved to another question."))
        if any(a.scan_id.state == "submitted" for a in self):
            raise UserError(_(
                "A submitted version of a scan cannot be changed. Reopen the scan to make a new version."))
        return super().write(vals)

    @api.multi
    def unlink(self):
        if any(a.scan_id.state == "submitted" for a in self) and not self.env.user.has_group(
                "coop_website.group_coop_manager"):
            raise UserError(_(
                "A submitted version of a scan cannot be changed. Reopen the scan to make a new version."))
        return super().unlink()

    @api.model
    def _level_error(self):
        return _("A level must be between %(min)d and %(max)d.") % {"min": SCALE_MIN, "max": SCALE_MAX}

    @api.model
    def _values_from_raw(self, question, raw):
        """Field values for an answer to question from a raw form value."""
        raw = raw.strip() if isinstance(raw, str) else raw
        vals = {"value_scale": 0, "scale_set": False, "value_yesno": False, "value_text": False}
        if raw in (None, False, ""):
            return vals
        if question.question_type == "scale":
            try:
                level = int(raw)
            except (TypeError, ValueError):
                raise ValidationError(self._level_error())
            if not SCALE_MIN <= level <= SCALE_MAX:
                raise ValidationError(self._level_error())
            vals.update(value_scale=level, scale_set=True)
        elif question.question_type == "yesno":
            if raw not in ("yes", "no"):
                raise ValidationError(_("Answer this question with yes or no."))
            vals["value_yesno"] = raw
        else:
            vals["value_text"] = raw
        return vals

    @api.multi
    def _fraction(self):
        """This answer as a fraction of the best answer (0.0 to 1.0)."""
        self.ensure_one()
        if self.question_type == "scale":
            return float(self.value_scale) / SCALE_MAX
        if self.question_type == "yesno":
            return 1.0 if self.value_yesno == "yes" else 0.0
        return 0.0

    @api.multi
    def display_value(self):
        self.ensure_one()
        if not self.is_answered:
            return ""
        if self.question_type == "scale":
            return "%d/%d" % (self.value_scale, SCALE_MAX)
        if self.question_type == "yesno":
            return dict(self._fields["value_yesno"]._description_selection(self.env))[self.value_yesno]
        return self.value_text

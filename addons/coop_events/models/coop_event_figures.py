# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools

from .event_event import EVENT_KINDS


class CoopEventFigures(models.Model):
    """One line per event: year, kind, participants, organisations and evaluation figures;
    grouped by year and kind in the pivot and exportable from the list."""

    _name = "coop.event.figures"
    _description = "Event figures per year"
    _auto = False
    _order = "date desc"

    event_id = fields.Many2one(comodel_name="event.event", readonly=True)
    date = fields.Date(readonly=True)
    year = fields.Char(readonly=True)
    kind = fields.Selection(selection=EVENT_KINDS, readonly=True)
    city = fields.Char(readonly=True)
    participants = fields.Integer(readonly=True)
    organisations = fields.Integer(readonly=True)
    responses = fields.Integer(readonly=True)
    score_sum = fields.Integer(string="Sum of scores", readonly=True)
    average_score = fields.Float(
        readonly=True, group_operator="avg", digits=(16, 1),
        help="Average of the answered evaluations; grouped, the average of all the scores "
             "of the group (not the average of the events' averages).")
    score_min = fields.Integer(string="Lowest score", readonly=True, group_operator="min")
    score_max = fields.Integer(string="Highest score", readonly=True, group_operator="max")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW coop_event_figures AS (
                SELECT ev.id AS id, ev.id AS event_id,
                       ev.date_begin::date AS date,
                       to_char(ev.date_begin, 'YYYY') AS year,
                       ev.coop_kind AS kind, ev.coop_city AS city,
                       COALESCE(reg.participants, 0) AS participants,
                       COALESCE(reg.organisations, 0) AS organisations,
                       COALESCE(evl.responses, 0) AS responses,
                       COALESCE(evl.score_sum, 0) AS score_sum,
                       evl.average_score, evl.score_min, evl.score_max
                  FROM event_event ev
                  LEFT JOIN (
                      SELECT event_id, COUNT(*) AS participants,
                             COUNT(DISTINCT coop_org_id) AS organisations
                        FROM event_registration
                       WHERE state IN ('open', 'done')
                         AND COALESCE(coop_attendance, '') != 'no_show'
                       GROUP BY event_id) reg ON reg.event_id = ev.id
                  LEFT JOIN (
                      SELECT event_id, COUNT(*) AS responses, SUM(score) AS score_sum,
                             ROUND(AVG(score), 1) AS average_score,
                             MIN(score) AS score_min, MAX(score) AS score_max
                        FROM coop_event_evaluation
                       WHERE state = 'done'
                       GROUP BY event_id) evl ON evl.event_id = ev.id
                 WHERE ev.state != 'cancel'
            )""")

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False,
                   lazy=True):
        """The average score of a group (a year, a kind) is the average of all its
        scores, as in coop_year_figures and the annual report: sum of scores / responses,
        one decimal, not the average of the events' averages."""
        names = [f.split(":")[0] for f in fields]
        if "average_score" not in names:
            return super().read_group(domain, fields, groupby, offset=offset, limit=limit,
                                      orderby=orderby, lazy=lazy)
        extra = [f for f in ("score_sum", "responses") if f not in names]
        groups = super().read_group(domain, list(fields) + extra, groupby, offset=offset,
                                    limit=limit, orderby=orderby, lazy=lazy)
        for group in groups:
            responses = group.get("responses") or 0
            group["average_score"] = round(
                float(group.get("score_sum") or 0) / responses, 1) if responses else False
            for name in extra:
                group.pop(name, None)
        return groups

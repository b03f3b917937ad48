# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools


class CoopReportEventParticipants(models.Model):
    """Participants (confirmed or attended registrations, no-shows excluded, as coop_events
    counts them) per event (SQL view, graph)."""
    _name = "coop.report.event.participants"
    _description = "Event participants"
    _auto = False
    _order = "date_begin desc"

    event_id = fields.Many2one(comodel_name="event.event", readonly=True)
    event_type_id = fields.Many2one(comodel_name="event.type", readonly=True)
    date_begin = fields.Datetime(readonly=True)
    participant_count = fields.Integer(string="Participants", readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW coop_report_event_participants AS (
                SELECT e.id AS id, e.id AS event_id, e.event_type_id, e.date_begin,
                       (SELECT COUNT(*) FROM event_registration r
                         WHERE r.event_id = e.id AND r.state IN ('open', 'done')
                           AND coalesce(r.coop_attendance, '') != 'no_show')::int AS participant_count
                  FROM event_event e
                 WHERE e.state != 'cancel'
            )""")

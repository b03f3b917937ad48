# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

MEMBERSHIP_STATES = [
    ("none", "Not a member"),
    ("applicant", "Applicant"),
    ("member", "Member"),
    ("former", "Former member"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    coop_membership_state = fields.Selection(
        selection=MEMBERSHIP_STATES, string="Coopkracht membership", default="none",
        required=True, index=True, copy=False, track_visibility="onchange")
    coop_join_date = fields.Date(string="Joined Coopkracht on", copy=False, index=True)
    coop_leave_date = fields.Date(string="Left Coopkracht on", copy=False, index=True)

    @api.multi
    def coop_is_member_on(self, date=None):
        """Whether this partner's organisation (its commercial partner) is a member of
        Coopkracht on date (a date string; today when omitted). The one place other addons
        ask "is this a member?" (vacancy prices, event tickets, votes)."""
        self.ensure_one()
        date = date or fields.Date.context_today(self)
        org = self.commercial_partner_id
        if org.coop_membership_state not in ("member", "former") or not org.coop_join_date:
            return False
        if fields.Date.from_string(org.coop_join_date) > fields.Date.from_string(date):
            return False
        return not org.coop_leave_date or (
            fields.Date.from_string(org.coop_leave_date) > fields.Date.from_string(date))

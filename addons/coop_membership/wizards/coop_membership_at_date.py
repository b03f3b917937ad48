# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models


class CoopMembershipAtDate(models.TransientModel):
    """The member organisations on a given date, to list, count, group or export."""

    _name = "coop.membership.at.date"
    _description = "Members at a date"

    date = fields.Date(required=True, default=fields.Date.context_today)
    member_count = fields.Integer(string="Members", compute="_compute_member_count")

    @api.depends("date")
    def _compute_member_count(self):
        Partner = self.env["res.partner"]
        for wizard in self:
            wizard.member_count = Partner.search_count(
                Partner._coop_member_on_domain(wizard.date)) if wizard.date else 0

    @api.multi
    def action_open(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Members on %s") % self.date,
            "res_model": "res.partner",
            "view_mode": "tree,pivot,graph,form",
            "domain": self.env["res.partner"]._coop_member_on_domain(self.date),
            "context": {"search_default_group_coop_category": 1},
        }

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class EventTicket(models.Model):
    _inherit = "event.event.ticket"

    coop_audience = fields.Selection(
        selection=[("all", "Everyone"), ("member", "Members only"),
                   ("non_member", "Non-members")],
        string="For", default="all", required=True,
        help="Members only: free ticket given to contacts of organisations that are members "
             "of Coopkracht on the event date. The website gives each registrant the right "
             "ticket, whatever they chose.")

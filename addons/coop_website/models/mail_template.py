# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class MailTemplate(models.Model):
    _inherit = "mail.template"

    coop_layout = fields.Boolean(
        string="Coopkracht layout",
        help="Wrap the body of this template in Coopkracht's mail layout "
             "(logo, address, unsubscribe link where relevant).",
    )

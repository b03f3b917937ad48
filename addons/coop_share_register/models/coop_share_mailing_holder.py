# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopShareholder(models.Model):
    """A shareholder's choice about the cooperative's mailings."""

    _inherit = "coop.shareholder"

    mailing_opt_out = fields.Boolean(
        string="No mailings", track_visibility="onchange",
        help="The shareholder does not want the cooperative's mailings; mails the law "
             "requires (invitation to the general assembly, ...) still reach him.")

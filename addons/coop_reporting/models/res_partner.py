# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Same name and meaning as the field later Odoo versions have on res.partner,
    # so that a move to a current LTS keeps the data where core expects it.
    company_registry = fields.Char(
        string="Company number",
        help="Belgian company number (KBO/BCE), e.g. 0123.456.789. Needed for a company "
             "without a VAT number in the accounting export.")

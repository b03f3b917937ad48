# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    coop_company_registry = fields.Char(
        related="company_id.company_registry",
        string="Company number",
        help="Coopkracht's number in the Crossroads Bank for Enterprises (KBO), printed on every PDF.")
    coop_company_email = fields.Char(
        related="company_id.email", string="E-mail",
        help="Coopkracht's public e-mail address: website, mails and PDFs.")
    coop_company_phone = fields.Char(
        related="company_id.phone", string="Phone",
        help="Coopkracht's public phone number: website, mails and PDFs.")

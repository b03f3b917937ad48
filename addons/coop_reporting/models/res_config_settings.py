# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    coop_accounting_office_email = fields.Char(
        string="Accounting office e-mail",
        config_parameter="coop_reporting.accounting_office_email",
        help="Address of the accounting office (Coopfabrik) that receives the accounting exports.")

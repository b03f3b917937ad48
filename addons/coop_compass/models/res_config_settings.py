# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    coop_compass_share_with_organisation = fields.Boolean(
        string="Compass scans visible to the organisation's users",
        config_parameter="coop_compass.share_with_organisation",
        help="New scans of an organisation can be read by the other portal users of that organisation.")

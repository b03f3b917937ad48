# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopShareholderPrivacyLog(models.Model):
    """Who exported or anonymised a shareholder's personal data, and when. Holds no
    personal data itself: the register, the shareholder number and the user."""

    _name = "coop.shareholder.privacy.log"
    _inherit = ["coop.share.register.record"]
    _description = "Privacy log of the share register"
    _order = "date desc, id desc"

    register_id = fields.Many2one(readonly=True)
    holder_id = fields.Many2one(
        comodel_name="coop.shareholder", string="Shareholder", index=True, readonly=True,
        ondelete="set null")
    holder_number = fields.Integer(string="Shareholder number", readonly=True)
    action = fields.Selection(
        selection=[("export", "Export of personal data"), ("anonymise", "Anonymisation")],
        required=True, readonly=True)
    mode = fields.Selection(
        selection=[("manual", "By a user"), ("cron", "Automatic (retention period over)")],
        required=True, default="manual", readonly=True)
    user_id = fields.Many2one(comodel_name="res.users", string="By", required=True,
                              readonly=True, ondelete="restrict")
    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)

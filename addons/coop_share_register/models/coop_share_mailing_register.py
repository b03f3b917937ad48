# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopShareRegister(models.Model):
    """The sender of a cooperative's mailings."""

    _inherit = "coop.share.register"

    mailing_email = fields.Char(
        string="Sender e-mail for mailings",
        help="Mailings to the shareholders are sent with the cooperative's name and this "
             "address as sender and reply-to (default: the cooperative's e-mail).")

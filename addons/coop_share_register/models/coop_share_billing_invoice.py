# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class AccountInvoice(models.Model):
    _name = "account.invoice"
    _inherit = ["account.invoice", "coop.share.register.bound"]
    _coop_register_field = "coop_dar_register_id"

    coop_dar_register_id = fields.Many2one(
        comodel_name="coop.share.register", string="DAR client", index=True,
        ondelete="restrict", readonly=True, copy=False,
        help="The client cooperative whose yearly DAR fee this invoice bills.")
    coop_dar_year = fields.Integer(string="DAR fee year", readonly=True, copy=False)

    @api.model_cr
    def init(self):
        """One DAR fee invoice per client and year that is not cancelled, in the database."""
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS account_invoice_coop_dar_fee_uniq
            ON account_invoice (coop_dar_register_id, coop_dar_year)
            WHERE coop_dar_register_id IS NOT NULL AND state != 'cancel'""")

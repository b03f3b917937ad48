# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    coop_shareholder_ids = fields.One2many(
        comodel_name="coop.shareholder", inverse_name="partner_id", string="DAR holdings")
    coop_dar_register_ids = fields.Many2many(
        comodel_name="coop.share.register", relation="coop_dar_register_partner_rel",
        column1="partner_id", column2="register_id", string="DAR registers",
        compute="_compute_coop_dar_register_ids", store=True, compute_sudo=True,
        help="The client cooperatives' share registers this contact holds shares in (DAR). "
             "Their staff see the contact; other clients' staff do not.")

    @api.depends("coop_shareholder_ids.register_id")
    def _compute_coop_dar_register_ids(self):
        for partner in self:
            partner.coop_dar_register_ids = partner.coop_shareholder_ids.mapped("register_id")

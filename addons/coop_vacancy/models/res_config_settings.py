# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

PREFIX = "coop_vacancy."


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    coop_vacancy_review_members = fields.Boolean(
        string="Review vacancies of members",
        help="When off, a member organisation's vacancy is published as soon as it is submitted. "
             "Vacancies of non-members are always reviewed.")
    coop_vacancy_expiry_days = fields.Integer(
        string="Vacancy expires after (days)",
        help="Closing date proposed when the poster gives none, counted from publication.")
    coop_vacancy_nonmember_price = fields.Float(
        string="Price of a vacancy for non-members",
        help="When above zero, a non-member gets a customer invoice when its vacancy is published.")
    coop_vacancy_reviewer_id = fields.Many2one(
        comodel_name="res.users", string="Reviewer of vacancies",
        help="Gets an activity for each vacancy to review; the first Coopkracht manager when empty.")

    @api.model
    def get_values(self):
        res = super().get_values()
        get = self.env["ir.config_parameter"].sudo().get_param
        res.update({
            "coop_vacancy_review_members": get(PREFIX + "review_members", "1") not in ("0", "False", ""),
            "coop_vacancy_expiry_days": int(get(PREFIX + "expiry_days", "60") or 60),
            "coop_vacancy_nonmember_price": float(get(PREFIX + "nonmember_price", "0") or 0.0),
            "coop_vacancy_reviewer_id": int(get(PREFIX + "reviewer_user_id", "0") or 0) or False,
        })
        return res

    @api.multi
    def set_values(self):
        res = super().set_values()
        set_param = self.env["ir.config_parameter"].sudo().set_param
        set_param(PREFIX + "review_members", "1" if self.coop_vacancy_review_members else "0")
        set_param(PREFIX + "expiry_days", str(max(1, self.coop_vacancy_expiry_days or 60)))
        set_param(PREFIX + "nonmember_price", str(max(0.0, self.coop_vacancy_nonmember_price or 0.0)))
        set_param(PREFIX + "reviewer_user_id", str(self.coop_vacancy_reviewer_id.id or 0))
        return res

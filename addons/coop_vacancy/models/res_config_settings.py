# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResConfigSettings(models.TransientModel):
    """Settings of the vacancy bank, stored in ``ir.config_parameter`` through
    ``config_parameter=`` (backported to Odoo 11 by coop_website)."""
    _inherit = "res.config.settings"

    # No default=True here: an unticked box deletes the parameter (Odoo 12 semantics),
    # so a default would tick it again. The initial "on" is set at install (data file).
    coop_vacancy_review_members = fields.Boolean(
        string="Review vacancies of members",
        config_parameter="coop_vacancy.review_members",
        help="When off, a member organisation's vacancy is published as soon as it is submitted. "
             "Vacancies of non-members are always reviewed.")
    coop_vacancy_expiry_days = fields.Integer(
        string="Vacancy expires after (days)", default=60,
        config_parameter="coop_vacancy.expiry_days",
        help="Closing date proposed when the poster gives none, counted from publication.")
    coop_vacancy_nonmember_price = fields.Float(
        string="Price of a vacancy for non-members",
        config_parameter="coop_vacancy.nonmember_price",
        help="When above zero, a non-member gets a customer invoice when its vacancy is published.")
    coop_vacancy_reviewer_id = fields.Many2one(
        comodel_name="res.users", string="Reviewer of vacancies",
        config_parameter="coop_vacancy.reviewer_user_id",
        help="Gets an activity for each vacancy to review; the first Coopkracht manager when empty.")

    @api.constrains("coop_vacancy_expiry_days", "coop_vacancy_nonmember_price")
    def _check_coop_vacancy_settings(self):
        for settings in self:
            if settings.coop_vacancy_expiry_days < 1:
                raise ValidationError(_("A vacancy must stay published for at least one day."))
            if settings.coop_vacancy_nonmember_price < 0:
                raise ValidationError(_("The price of a vacancy for non-members cannot be negative."))

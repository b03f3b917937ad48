# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import UserError


class MembershipLine(models.Model):
    _inherit = "membership.membership_line"

    @api.multi
    def unlink(self):
        """Membership lines are the history of the fees: never deleted."""
        if self.filtered(lambda l: l.partner.coop_membership_state in ("member", "former")):
            raise UserError(_("Membership lines of a Coopkracht member are its history and "
                              "cannot be deleted; cancel the invoice instead."))
        return super().unlink()

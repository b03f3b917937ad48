# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import AccessError

# set by the confirmation only (action_confirm numbers, checks and confirms under a lock)
CONFIRMATION_FIELDS = ("number", "confirm_uid", "confirm_date")


class CoopShareEntry(models.Model):
    """Confirmation goes through action_confirm only: a user who may write drafts (the
    partner organisation's helpdesk) cannot confirm an entry, or skip the numbering and the
    invariants, by writing or creating it with state 'confirmed'."""

    _inherit = "coop.share.entry"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _check_no_direct_confirmation(self, vals):
        if vals.get("state") not in (None, "draft", "cancel") or \
                any(vals.get(name) for name in CONFIRMATION_FIELDS):
            raise AccessError(_("A register entry is confirmed only with the Confirm button "
                                "of a register manager, which numbers it and checks the "
                                "register."))

    @api.model
    def create(self, vals):
        self._check_no_direct_confirmation(vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self._check_no_direct_confirmation(vals)
        return super().write(vals)

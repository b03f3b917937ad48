# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError

STAFF_GROUP = "coop_share_register.group_dar_viewer"


class CoopShareStaffMixin(models.AbstractModel):
    """Back-office wizards, transient lists and reports of the DAR: for the staff of a
    register only. They read a whole register with SQL or sudo(); the record rules of
    the register alone do not protect them (a shareholder in the portal may read his
    cooperative's register). `_coop_check_staff` is called in create, default_get and
    every action method, before any SQL or sudo()."""

    _name = "coop.share.staff.mixin"
    _description = "DAR back-office tool (register staff only)"

    @api.model
    def _coop_is_staff(self):
        """Whether the current user is DAR staff (the superuser is)."""
        return self.env.uid == SUPERUSER_ID or self.env.user.has_group(STAFF_GROUP)

    @api.model
    def _coop_check_staff(self, registers=None):
        """Raise AccessError unless the user is DAR staff and may read registers (a
        recordset of coop.share.register or ids, when given)."""
        if not self._coop_is_staff():
            raise AccessError(_("Only the staff of a share register can use this."))
        if registers:
            if not isinstance(registers, models.BaseModel):
                registers = self.env["coop.share.register"].browse(registers)
            registers = registers.with_env(self.env)
            registers.check_access_rights("read")
            registers.check_access_rule("read")
        return True

    @api.multi
    def _coop_staff_registers(self):
        """The registers these records work on (a hook; register_id by default)."""
        if "register_id" in self._fields:
            return self.mapped("register_id")
        return self.env["coop.share.register"]

    @api.multi
    def _coop_check_staff_records(self):
        """The staff check for records of this model, on their registers."""
        return self._coop_check_staff(self.sudo()._coop_staff_registers().with_env(self.env))

    @api.model
    def default_get(self, fields_list):
        self._coop_check_staff()
        return super().default_get(fields_list)

    @api.model
    def create(self, vals):
        registers = vals.get("register_id") if "register_id" in self._fields else None
        self._coop_check_staff(registers and [registers])
        return super().create(vals)

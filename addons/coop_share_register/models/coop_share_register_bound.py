# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import UserError


class CoopShareRegisterBound(models.AbstractModel):
    """A record of one client cooperative's register: once its register is set it never
    moves to another one (the record rules, numbers and ledgers hang on it). Every DAR
    model with a register field inherits this; `_coop_register_field` names the field."""

    _name = "coop.share.register.bound"
    _description = "Record bound to one share register"
    _coop_register_field = "register_id"

    @api.multi
    def _coop_check_register_kept(self, vals):
        """Raise UserError when vals would change the register of a record that has one."""
        name = self._coop_register_field
        if name not in vals:
            return
        new = vals[name]
        new = new.id if isinstance(new, models.BaseModel) else (new or False)
        for record in self.sudo():
            if record[name] and record[name].id != new:
                raise UserError(_(
                    "%(record)s belongs to the register %(register)s and cannot move to "
                    "another register.") % {"record": record.display_name,
                                            "register": record[name].display_name})

    @api.multi
    def write(self, vals):
        self._coop_check_register_kept(vals)
        return super().write(vals)

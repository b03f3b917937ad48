# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import UserError


class CoopShareRegisterBound(models.AbstractModel):
    """A record of one client cooperative's register: once its register is set it never
    moves to another one (the record rules, numbers and ledgers hang on it). Every DAR
    model with a register field inherits this; `_coop_register_field` names the field.
    A related register field (holder_id.register_id) is kept too: its first step cannot
    point to a record of another register."""

    _name = "coop.share.register.bound"
    _description = "Record bound to one share register"
    _coop_register_field = "register_id"

    @api.multi
    def _coop_new_register_id(self, vals):
        """The register id vals would give these records, or None when vals leave it
        alone: the register field itself or, for a related one (holder_id.register_id),
        its first step (another holder)."""
        name = self._coop_register_field
        if name in vals:
            value = vals[name]
            return value.id if isinstance(value, models.BaseModel) else (value or False)
        related = self._fields[name].related
        if related and related[0] in vals:
            step = self._fields[related[0]]
            value = vals[related[0]]
            value = value.id if isinstance(value, models.BaseModel) else value
            target = self.env[step.comodel_name].sudo().browse(value or [])
            return target.mapped(".".join(related[1:])).id or False
        return None

    @api.multi
    def _coop_check_register_kept(self, vals):
        """Raise UserError when vals would change the register of a record that has one."""
        name = self._coop_register_field
        new = self._coop_new_register_id(vals)
        if new is None:
            return
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

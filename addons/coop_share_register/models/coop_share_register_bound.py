# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CoopShareRegisterBound(models.AbstractModel):
    """A record of one client cooperative's register: once its register is set it never
    moves to another one (the record rules, numbers and ledgers hang on it). Every DAR
    model with a register field inherits this, most through coop.share.register.record;
    `_coop_register_field` names the field. A related register field
    (holder_id.register_id) is kept too: its first step cannot point to a record of
    another register.

    `_coop_register_parent` names a many2one to a record of the same register (the
    assembly of a resolution, ...): create() then takes the register from it, so that
    the row is inserted with its register and the record rules check it at once."""

    _name = "coop.share.register.bound"
    _description = "Record bound to one share register"
    _coop_register_field = "register_id"
    _coop_register_parent = None

    @api.model
    def _coop_register_from_parent(self, vals):
        """vals with the register of the parent named by _coop_register_parent, if any."""
        parent_name = self._coop_register_parent
        if not parent_name or parent_name not in vals:
            return vals
        parent = self.env[self._fields[parent_name].comodel_name].browse(vals[parent_name] or [])
        register = parent[getattr(parent, "_coop_register_field", "register_id")] if parent else False
        return dict(vals, **{self._coop_register_field: register.id if register else False})

    @api.model
    def create(self, vals):
        return super().create(self._coop_register_from_parent(vals))

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


class CoopShareRegisterRecord(models.AbstractModel):
    """A DAR record of one client cooperative: the register field (by default the
    user's only register), bound to it (coop.share.register.bound). A model redefines
    register_id only with the attributes it changes (readonly=True, a help, ...)."""

    _name = "coop.share.register.record"
    _inherit = "coop.share.register.bound"
    _description = "Record of one share register"

    register_id = fields.Many2one(
        comodel_name="coop.share.register", string="Register", required=True, index=True,
        ondelete="restrict", default=lambda self: self._default_register_id())

    @api.model
    def _default_register_id(self):
        return self.env.user._coop_default_register_id()

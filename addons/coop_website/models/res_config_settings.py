# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

_logger = logging.getLogger(__name__)

# Field types Odoo 12+ accepts for ``config_parameter=`` (see the backport below).
CONFIG_PARAMETER_TYPES = ("boolean", "integer", "float", "char", "selection", "many2one")


class ResConfigSettings(models.TransientModel):
    """Settings of Coopkracht, and a backport of ``config_parameter=`` from Odoo 12.

    Odoo 11 keeps an unknown field keyword as an attribute of the field object
    (``Field.__getattr__`` reads ``_attrs``), but its ``res.config.settings`` ignores
    ``config_parameter``: such a setting is silently never saved. From Odoo 12 on, a
    settings field declared with ``config_parameter="module.key"`` is read from and
    written to that ``ir.config_parameter``. ``get_values`` and ``set_values`` below do
    the same, with Odoo 12's conversions:

    - read: the stored text (or the field's default when the key is absent) becomes a
      bool, int, float or record id (an id of a deleted record reads as empty);
    - write: the value is stored as text (``str``); a many2one is stored as its id;
      ``False`` (an unticked box, an empty text or many2one) deletes the parameter.

    Only these field types are allowed, as in Odoo 12. One addition: ``set_values``
    itself refuses non-administrators (``execute`` does, but ``set_values`` can be
    called over RPC on a transient record any user may create). When porting to Odoo 12, delete
    the two methods and ``_coop_config_parameter_fields``: the fields keep working.
    """
    _inherit = "res.config.settings"

    coop_company_registry = fields.Char(
        related="company_id.company_registry",
        string="Company number",
        help="Coopkracht's number in the Crossroads Bank for Enterprises (KBO), printed on every PDF.")
    coop_company_email = fields.Char(
        related="company_id.email", string="E-mail",
        help="Coopkracht's public e-mail address: website, mails and PDFs.")
    coop_company_phone = fields.Char(
        related="company_id.phone", string="Phone",
        help="Coopkracht's public phone number: website, mails and PDFs.")
    coop_upload_limit_mb = fields.Integer(
        string="Upload limit (MB)", default=20, config_parameter="coop_website.upload_limit_mb",
        help="Largest file anyone may upload for an import; checked before the file is read.")

    @api.constrains("coop_upload_limit_mb")
    def _check_coop_upload_limit_mb(self):
        for settings in self:
            if not 1 <= settings.coop_upload_limit_mb <= 200:
                raise ValidationError(_("The upload limit must be between 1 and 200 MB."))

    @api.model
    def _coop_config_parameter_fields(self):
        """[(field name, parameter key)] of the fields declared with config_parameter."""
        result = []
        for name, field in self._fields.items():
            key = getattr(field, "config_parameter", None)
            if not key:
                continue
            if field.type not in CONFIG_PARAMETER_TYPES:
                raise Exception("Field %s without a type supported by config_parameter (%s)"
                                % (field, ", ".join(CONFIG_PARAMETER_TYPES)))
            result.append((name, key))
        return result

    @api.model
    def get_values(self):
        res = super().get_values()
        params = self.env["ir.config_parameter"].sudo()
        warning = "Error when converting value %r of field %s for ir.config.parameter %r"
        for name, key in self._coop_config_parameter_fields():
            field = self._fields[name]
            value = params.get_param(key, field.default(self) if field.default else False)
            if value is not False:
                try:
                    if field.type == "many2one":
                        # the id of a deleted record must not block the settings screen
                        value = self.env[field.comodel_name].browse(int(value)).exists().id
                    elif field.type == "integer":
                        value = int(value)
                    elif field.type == "float":
                        value = float(value)
                    elif field.type == "boolean":
                        value = bool(value)
                except ValueError:
                    _logger.warning(warning, value, field, key)
                    value = {"integer": 0, "float": 0.0}.get(field.type, False)
            res[name] = value
        return res

    @api.multi
    def set_values(self):
        # execute() checks this, but set_values is public (RPC) and writes with sudo()
        user = self.env.user
        if not user._is_superuser() and not user.has_group("base.group_system"):
            raise AccessError(_("Only administrators can change the settings"))
        res = super().set_values()
        params = self.env["ir.config_parameter"].sudo()
        for name, key in self._coop_config_parameter_fields():
            value = self[name]
            if self._fields[name].type == "many2one":
                value = value.id
            if value is not False and value is not None:
                value = str(value)
            params.set_param(key, value)
        return res

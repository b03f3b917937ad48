# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One check of uploaded files for every import of the platform (tools/uploads.py)."""
import base64
import binascii

from odoo import _, api, models
from odoo.exceptions import UserError

from ..tools.uploads import DEFAULT_LIMIT_MB, UploadRefused, check_upload


class CoopUpload(models.AbstractModel):
    _name = "coop.upload"
    _description = "Checks of uploaded files"

    @api.model
    def _coop_limit_mb(self):
        value = self.env["ir.config_parameter"].sudo().get_param(
            "coop_website.upload_limit_mb", DEFAULT_LIMIT_MB)
        try:
            return max(float(value), 1.0)
        except (TypeError, ValueError):
            return float(DEFAULT_LIMIT_MB)

    @api.model
    def _coop_check_upload(self, data, filename=None, encoded=True):
        """The bytes of an upload (data base64-encoded, as a Binary field holds it, unless
        encoded=False), after the size and zip-bomb checks; a Dutch UserError otherwise."""
        name = filename or _("The file")
        if encoded:
            limit = self._coop_limit_mb() * 1024 * 1024
            if len(data or b"") > limit * 4 / 3 + 4:  # before decoding it
                raise UserError(self._coop_refusal("too_large", name, {
                    "size_mb": len(data) * 3 / 4 / 1048576.0,
                    "limit_mb": self._coop_limit_mb()}))
            try:
                data = base64.b64decode(data or b"")
            except (binascii.Error, TypeError, ValueError):
                raise UserError(self._coop_refusal("damaged", name, {}))
        try:
            return check_upload(data or b"", self._coop_limit_mb())
        except UploadRefused as refused:
            raise UserError(self._coop_refusal(refused.args[0], name, refused.args[1]))

    @api.model
    def _coop_refusal(self, reason, name, values):
        values = dict(values, name=name)
        if reason == "too_large":
            return _("%(name)s is %(size_mb).1f MB: files over %(limit_mb).0f MB are not "
                     "accepted.") % values
        if reason == "bomb":
            return _("%(name)s unpacks to %(unpacked_mb).0f MB (%(ratio).0f times its size): "
                     "this is not a normal spreadsheet and is refused.") % values
        return _("%(name)s is damaged and cannot be read.") % values

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo import _, http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request


class ShareholderPrivacy(http.Controller):

    @http.route("/coop_share_register/privacy_export/<int:holder_id>", type="http",
                auth="user")
    def privacy_export(self, holder_id, **kw):
        """A shareholder's data as JSON, for the manager of the holder's register only
        (the model checks group and record rules as the current user; no sudo here)."""
        holder = request.env["coop.shareholder"].browse(holder_id)
        try:
            data = holder.exists() and holder.gdpr_export_data()
        except (AccessError, MissingError):
            data = None
        if not data:
            # a download route, not a website page: a plain 404 (the same for a
            # missing and a foreign record)
            return http.Response(_("Not found"), status=404,
                                 content_type="text/plain; charset=utf-8")
        content = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True)
        filename = "shareholder-%s-%s.json" % (data["shareholder"]["number"], holder_id)
        return request.make_response(content.encode("utf-8"), headers=[
            ("Content-Type", "application/json; charset=utf-8"),
            ("Content-Disposition", 'attachment; filename="%s"' % filename),
            ("Cache-Control", "no-store")])

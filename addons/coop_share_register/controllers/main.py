# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, http
from odoo.http import request


class DarController(http.Controller):

    @http.route("/coop_share_register/import_example/<string:kind>", type="http",
                auth="user")
    def import_example(self, kind, **kwargs):
        """The example CSV files of the import template (no register data in them)."""
        if kind not in ("holders", "entries") or not request.env.user.has_group(
                "coop_share_register.group_dar_viewer"):
            # a download route, not a website page: a plain 404 (the same for a
            # missing and a foreign record)
            return http.Response(_("Not found"), status=404,
                                 content_type="text/plain; charset=utf-8")
        content = request.env["coop.share.import.wizard"].example_csv(kind)
        return request.make_response(content, headers=[
            ("Content-Type", "text/csv; charset=utf-8"),
            ("Content-Disposition", "attachment; filename=dar-%s-example.csv" % kind)])

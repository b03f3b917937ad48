# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request


class DarController(http.Controller):

    @http.route("/coop_share_register/import_example/<string:kind>", type="http",
                auth="user")
    def import_example(self, kind, **kwargs):
        """The example CSV files of the import template (no register data in them)."""
        if kind not in ("holders", "entries") or not request.env.user.has_group(
                "coop_share_register.group_dar_viewer"):
            raise request.not_found()
        content = request.env["coop.share.import.wizard"].example_csv(kind)
        return request.make_response(content, headers=[
            ("Content-Type", "text/csv; charset=utf-8"),
            ("Content-Disposition", "attachment; filename=dar-%s-example.csv" % kind)])

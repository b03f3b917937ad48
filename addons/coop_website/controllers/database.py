# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The database manager's pages answer 404 when the server blocks it (tools/deployment.py)."""
from werkzeug.wrappers import Response

from odoo import http
from odoo.exceptions import AccessDenied

from odoo.addons.web.controllers.main import Database

from ..tools.deployment import db_manager_blocked


class CoopDatabase(Database):

    @staticmethod
    def _coop_refusal():
        """A plain 404 when the manager is blocked (these routes run without a database
        or website: no page to render), else None."""
        if db_manager_blocked():
            return Response("Not Found", status=404, content_type="text/plain")
        return None

    @http.route()
    def selector(self, **kw):
        return self._coop_refusal() or super().selector(**kw)

    @http.route()
    def manager(self, **kw):
        return self._coop_refusal() or super().manager(**kw)

    @http.route()
    def create(self, master_pwd, name, lang, password, **post):
        return self._coop_refusal() or super().create(master_pwd, name, lang, password, **post)

    @http.route()
    def duplicate(self, master_pwd, name, new_name):
        return self._coop_refusal() or super().duplicate(master_pwd, name, new_name)

    @http.route()
    def drop(self, master_pwd, name):
        return self._coop_refusal() or super().drop(master_pwd, name)

    @http.route()
    def backup(self, master_pwd, name, backup_format="zip"):
        return self._coop_refusal() or super().backup(master_pwd, name, backup_format=backup_format)

    @http.route()
    def restore(self, master_pwd, backup_file, name, copy=False):
        return self._coop_refusal() or super().restore(master_pwd, backup_file, name, copy=copy)

    @http.route()
    def change_password(self, master_pwd, master_pwd_new):
        return self._coop_refusal() or super().change_password(master_pwd, master_pwd_new)

    @http.route()
    def list(self):  # a JSON route: an error answer, not a page
        if db_manager_blocked():
            raise AccessDenied()
        return super().list()

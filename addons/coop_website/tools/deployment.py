# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Production hardening that Odoo 11 has no option for.

`coop_block_db_manager = True` in the server's configuration (config/odoo-docker.conf)
refuses Odoo's database service in this process: over XML-RPC (`/xmlrpc/2/db`), JSON-RPC
(`/jsonrpc`, service "db") and the database manager's pages (`/web/database/*`, see
controllers/database.py). `list_db = False` alone hides the list, but leaves creating,
duplicating, dropping, dumping and restoring databases to anyone who guesses the master
password. Only `server_version` stays: monitoring and XML-RPC clients ask for it.

The module is loaded at server start when it is in `server_wide_modules`, so the block
holds before any database is opened."""
import logging

from odoo import tools

_logger = logging.getLogger(__name__)
ALLOWED_DB_METHODS = ("server_version",)


def db_manager_blocked():
    """Whether this server's configuration blocks the database manager."""
    return str(tools.config.get("coop_block_db_manager", "")).lower() in ("1", "true", "yes")


def install_db_service_block():
    """Wrap odoo.service.db.dispatch once, so that every entry point of the database
    service (it is looked up at each call) refuses all but ALLOWED_DB_METHODS."""
    from odoo.exceptions import AccessDenied
    from odoo.service import db as db_service
    if getattr(db_service.dispatch, "coop_blocked", False):
        return
    original = db_service.dispatch

    def dispatch(method, params):
        if db_manager_blocked() and method not in ALLOWED_DB_METHODS:
            _logger.warning("database service call %r refused: the database manager is "
                            "blocked on this server (coop_block_db_manager)", method)
            raise AccessDenied()
        return original(method, params)

    dispatch.coop_blocked = True
    db_service.dispatch = dispatch


def post_load():
    install_db_service_block()

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""pytest settings for the whole repository (addons/*/tests and tests/)."""
import socket
import time

import odoo
import odoo.tests.common
import pytest

_http = {"started": False}


@pytest.fixture(scope="module", autouse=True)
def load_http(request):
    """Start Odoo's HTTP server once per run (pytest-odoo's own fixture starts it for
    every test module, and each later start fails with 'Address already in use')."""
    # odoo.tests.common read the port when pytest-odoo imported it, before the
    # configuration file was parsed: point HttpCase.url_open at the configured port.
    odoo.tests.common.PORT = odoo.tools.config["http_port"]
    if request.config.getoption("--odoo-http") and not _http["started"]:
        # Not odoo.service.server.start(stop=True): it spawns the HTTP thread and then
        # stops the server again, racing the thread. Spawn the thread alone.
        server = odoo.service.server.ThreadedServer(odoo.service.wsgi_server.application)
        server.http_spawn()
        odoo.service.server.server = server
        for _ in range(100):  # wait until it accepts connections
            try:
                socket.create_connection(("127.0.0.1", odoo.tools.config["http_port"]), 1).close()
                break
            except OSError:
                time.sleep(0.1)
        _http["started"] = True

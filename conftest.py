# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""pytest settings for the whole repository (addons/*/tests and tests/)."""
import signal

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
        # Odoo 11 spawns the HTTP thread in start(stop=True) only in test mode.
        odoo.tools.config["test_enable"] = True
        odoo.service.server.start(stop=True)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        _http["started"] = True

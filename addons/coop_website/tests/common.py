# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Factories and helpers shared by the tests of all coop_* addons."""
from odoo.tests.common import HttpCase, SavepointCase, at_install, post_install
from odoo.tools import config


def new_user(env, login, groups, **values):
    """A real user with exactly the given groups (xml ids), for access tests."""
    group_ids = [env.ref(xmlid).id for xmlid in groups]
    vals = {
        "name": login.replace("_", " ").title(),
        "login": login,
        "email": "%s@example.org" % login,
        "groups_id": [(6, 0, group_ids)],
        "tz": "Europe/Brussels",
    }
    vals.update(values)
    return env["res.users"].with_context(no_reset_password=True, mail_create_nosubscribe=True).create(vals)


def as_user(records, user):
    """The records seen by user: the one place that calls .sudo(user) (renamed in later Odoo)."""
    return records.sudo(user)


class CoopSavepointCase(SavepointCase):
    """Base class: users for each Coopkracht role, created once per class."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.user_coop = new_user(cls.env, "coop_staff", ["coop_website.group_coop_user"])
        cls.user_board = new_user(cls.env, "coop_board", ["coop_website.group_coop_board"])
        cls.user_manager = new_user(cls.env, "coop_manager", ["coop_website.group_coop_manager"])
        cls.user_internal = new_user(cls.env, "plain_employee", ["base.group_user"])
        cls.user_portal = new_user(cls.env, "portal_person", ["base.group_portal"])


@at_install(False)
@post_install(True)
class CoopBrowserCase(HttpCase):
    """A real headless Chromium against Odoo's test server; the browser sees the
    test's own (rolled back) data. Screenshots go to test-output/screenshots/."""

    browser_width = 1280

    def setUp(self):
        super().setUp()
        from .browser import Browser
        self.base_url = "http://127.0.0.1:%s" % config["http_port"]
        self.browser = Browser(width=self.browser_width)
        self.addCleanup(self.browser.close)

    def browser_login(self, login, password):
        """Open a session for login in Odoo and hand its cookie to the browser."""
        self.authenticate(login, password)
        self.browser.get(self.base_url + "/web/login")
        self.browser.driver.add_cookie({"name": "session_id", "value": self.session_id, "path": "/"})

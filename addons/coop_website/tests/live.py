# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tests against a real Odoo server that shares nothing with the test's cursor.

Odoo's test mode runs the HTTP server on the test's own cursor, which hides bugs of
commit order (a login checked on another connection before the account was committed,
a lock that is never contended). `make test` therefore also starts a second Odoo server,
in its own process, on a copy of the test database (`<test db>_live`, port test port + 1)
and stops it after the run. Tests here talk to it over HTTP and XML-RPC, and may open
real cursors on its database for concurrency tests.

Everything a live test writes is committed: give records unique names (`self.unique()`)
so that tests do not see each other's data.

    from odoo.addons.coop_website.tests.live import LiveServerCase
"""
import contextlib
import os
import threading
import unittest
import uuid
import xmlrpc.client

LIVE_URL = os.environ.get("COOP_LIVE_URL", "")
LIVE_DB = os.environ.get("COOP_LIVE_DB", "")
ADMIN = ("admin", "admin")


class LiveServerCase(unittest.TestCase):
    """Base class of the tests against the live server (see the module's docstring).
    Skipped when no live server runs (a test run without `make test`, or Odoo's own
    runner), never passed silently: the skip is counted in the summary line."""

    url = LIVE_URL
    db = LIVE_DB

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not (LIVE_URL and LIVE_DB):
            raise unittest.SkipTest("no live server (COOP_LIVE_URL): run through make test")

    # -- identity -------------------------------------------------------------------
    def unique(self, prefix="live"):
        """A name no other test run uses (the live database keeps what tests commit)."""
        return "%s-%s" % (prefix, uuid.uuid4().hex[:10])

    # -- XML-RPC ----------------------------------------------------------------------
    def uid(self, login, password):
        common = xmlrpc.client.ServerProxy(self.url + "/xmlrpc/2/common", allow_none=True)
        uid = common.authenticate(self.db, login, password, {})
        self.assertTrue(uid, "%s cannot log in on the live server" % login)
        return uid

    def rpc(self, model, method, *args, login=ADMIN[0], password=ADMIN[1], **kwargs):
        """execute_kw on the live server as login (admin by default)."""
        uid = self.uid(login, password)
        models = xmlrpc.client.ServerProxy(self.url + "/xmlrpc/2/object", allow_none=True)
        return models.execute_kw(self.db, uid, password, model, method, list(args), kwargs)

    def assertRpcAccessError(self, model, method, *args, login, password, **kwargs):
        """The call, as login, is refused with Odoo's AccessError (or a missing right)."""
        with self.assertRaises(xmlrpc.client.Fault) as caught:
            self.rpc(model, method, *args, login=login, password=password, **kwargs)
        text = caught.exception.faultString
        self.assertTrue(any(word in text for word in ("AccessError", "AccessDenied", "access")),
                        "expected an access error, got: %s" % text[:500])
        return caught.exception

    def new_live_user(self, login=None, groups=("base.group_portal",), password="live-pass-1", **values):
        """A real user committed on the live server (admin creates it over XML-RPC);
        returns (id, login, password)."""
        login = login or self.unique("user") + "@example.org"
        group_ids = []
        for xmlid in groups:
            module, name = xmlid.split(".")
            res = self.rpc("ir.model.data", "search_read",
                           [("module", "=", module), ("name", "=", name)], fields=["res_id"])
            group_ids.append(res[0]["res_id"])
        vals = {"name": values.pop("name", login), "login": login, "email": values.pop("email", login),
                "password": password, "groups_id": [(6, 0, group_ids)]}
        vals.update(values)
        uid = self.rpc("res.users", "create", vals, context={"no_reset_password": True})
        return uid, login, password

    # -- HTTP ---------------------------------------------------------------------------
    def http(self):
        """A requests session of its own (a visitor's browser: its own cookies)."""
        import requests
        session = requests.Session()
        session.headers["Accept-Language"] = "nl-BE"
        return session

    def http_login(self, login, password):
        """A requests session logged in through the login form, as a person does."""
        import re
        session = self.http()
        page = session.get(self.url + "/web/login", timeout=60)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        response = session.post(self.url + "/web/login", timeout=60, data={
            "login": login, "password": password, "csrf_token": token, "db": self.db})
        # Odoo 11 answers a successful login with a page that redirects by script, on
        # the login URL itself: ask the session who it is instead of reading the URL.
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.session_uid(session), self.uid(login, password),
                         "%s could not log in through the form" % login)
        return session

    def session_uid(self, session):
        """The user id the server holds for this requests session (False when anonymous)."""
        reply = session.post(self.url + "/web/session/get_session_info", timeout=60,
                             json={"jsonrpc": "2.0", "method": "call", "params": {}})
        return reply.json().get("result", {}).get("uid") or False

    @staticmethod
    def csrf_token(html):
        import re
        match = re.search(r'name="csrf_token" value="([^"]+)"', html)
        return match and match.group(1)

    # -- real cursors on the live database ------------------------------------------------
    @staticmethod
    def live_registry():
        import odoo
        return odoo.registry(LIVE_DB)

    @contextlib.contextmanager
    def live_env(self, uid=None, context=None):
        """An environment on a cursor of its own on the live database: committed when
        the block ends, rolled back on an exception. Two of them are two transactions."""
        from odoo import SUPERUSER_ID, api
        registry = self.live_registry()
        with api.Environment.manage():
            cr = registry.cursor()
            try:
                yield api.Environment(cr, uid or SUPERUSER_ID, dict(context or {}))
                cr.commit()  # pylint: disable=invalid-commit
            except BaseException:
                cr.rollback()
                raise
            finally:
                cr.close()

    def run_in_threads(self, *functions, timeout=60):
        """Run each function in its own thread at the same time; return their results
        (the exception object where one raised)."""
        results = [None] * len(functions)
        barrier = threading.Barrier(len(functions))

        def runner(index, function):
            try:
                barrier.wait(timeout)
                results[index] = function()
            except BaseException as exc:  # pylint: disable=broad-except
                results[index] = exc

        threads = [threading.Thread(target=runner, args=(i, f), daemon=True)
                   for i, f in enumerate(functions)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout)
            self.assertFalse(thread.is_alive(), "a concurrent call did not finish in %ss" % timeout)
        return results

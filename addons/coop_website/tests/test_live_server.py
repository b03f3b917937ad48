# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The live server of the test run is a real server on connections of its own."""
from .live import LiveServerCase


class TestLiveServer(LiveServerCase):

    def test_own_connections(self):
        """What the server commits is seen by a new cursor, and what one cursor has not
        committed is not seen by the server: nothing is shared between them."""
        name = self.unique("org")
        partner_id = self.rpc("res.partner", "create", {"name": name, "is_company": True})
        with self.live_env() as env:
            self.assertEqual(env["res.partner"].browse(partner_id).name, name)
            hidden = env["res.partner"].create({"name": self.unique("uncommitted")})
            found = self.rpc("res.partner", "search_count", [("id", "=", hidden.id)])
            self.assertEqual(found, 0, "the server saw a record its cursor never committed")
            env.cr.rollback()

    def test_login_form(self):
        """A user created over XML-RPC logs in through the login form of the live server."""
        _uid, login, password = self.new_live_user()
        session = self.http_login(login, password)
        self.assertEqual(session.get(self.url + "/my", timeout=60).status_code, 200)

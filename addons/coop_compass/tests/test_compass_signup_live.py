# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The compass sign-up against a server that does not share the test's cursor."""
from odoo.addons.coop_website.tests.live import LiveServerCase


class TestCompassSignupLive(LiveServerCase):

    def _start(self, session, **post):
        page = session.get(self.url + "/kompas", timeout=60)
        self.assertEqual(page.status_code, 200)
        post["csrf_token"] = self.csrf_token(page.text)
        return session.post(self.url + "/kompas/start", data=post, timeout=120)

    def test_new_visitor_is_logged_in(self):
        """A visitor who creates an account on /kompas lands logged in on the first step
        of a new scan: the login is checked on the server's own connection, so the account
        must be committed first (it was not, and the visitor landed on /web/login)."""
        session = self.http()
        email = self.unique("kompas") + "@example.org"
        response = self._start(session, name="Vera Visser", email=email.upper(),
                               password="geheim-123", organisation_name=self.unique("Coop"))
        self.assertEqual(response.status_code, 200)
        self.assertRegex(response.url, r"/my/compass/\d+/step/1$")
        self.assertNotIn("/web/login", response.url)
        self.assertIn("o_compass_questionnaire", response.text)
        uid = self.uid(email, "geheim-123")
        self.assertEqual(self.session_uid(session), uid)
        scans = self.rpc("coop.compass.scan", "search_read", [("user_id", "=", uid)],
                         fields=["organisation_id"])
        self.assertEqual(len(scans), 1)

    def test_existing_address_exactly(self):
        """An address with an account is refused (in other capitals too); a look-alike
        with '_' where the account has a letter is not taken for it."""
        _uid, login, _password = self.new_live_user()
        refused = self._start(self.http(), name="X", email=login.upper(), password="geheim-123")
        self.assertIn("/kompas/start", refused.url)
        self.assertIn("alert", refused.text)
        self.assertEqual(self.rpc("res.users", "search_count",
                                  [("login", "in", [login, login.upper()])]), 1)
        look_alike = "_" + login[1:]
        accepted = self._start(self.http(), name="Y", email=look_alike, password="geheim-123")
        self.assertRegex(accepted.url, r"/my/compass/\d+/step/1$")
        self.assertTrue(self.uid(look_alike, "geheim-123"))

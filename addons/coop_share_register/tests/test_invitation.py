# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 15.2: a shareholding reaches a portal account only through the invitation link
mailed to the holder, never through an account that has the holder's e-mail address."""
import random
import re
import urllib.parse
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError

from odoo.addons.coop_website.tests.common import as_user, new_user
from odoo.addons.coop_website.tests.live import LiveServerCase

from .common import DarCase, company_number

INVALID_NL = "Deze uitnodigingslink is niet geldig"


class TestInvitation(DarCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Invitation = cls.env["coop.shareholder.invitation"]
        cls.ann.write({"email": "ann.peeters@example.org", "lang": "nl_BE"})
        cls.make_entry("subscription", cls.class_a, 4, holder_to=cls.ann)
        # signed up first, with Ann's address as login and e-mail
        cls.attacker = new_user(cls.env, "ann.peeters@example.org", ["base.group_portal"],
                                email="ann.peeters@example.org")
        cls.invited = new_user(cls.env, "ann.elders@example.org", ["base.group_portal"])

    def invite(self, holder=None):
        """Invite holder as the register's manager; (invitation, token from the mail)."""
        holder = holder or self.ann
        as_user(holder, self.manager_a)._portal_invite()
        mail = self.env["mail.mail"].search([("model", "=", "coop.shareholder"),
                                             ("res_id", "=", holder.id)], order="id desc",
                                            limit=1)
        token = re.search(r"token=([\w-]+)", mail.body_html).group(1)
        invitation = self.Invitation.search([("holder_id", "=", holder.id),
                                             ("state", "=", "pending")])
        return invitation, token

    def test_attacker_with_holder_address_gets_nothing(self):
        """The account made in advance with the holder's address is not linked by the
        invitation; it sees no holding."""
        self.invite()
        self.assertFalse(self.ann.partner_id)
        self.assertFalse(as_user(self.Holder, self.attacker).search([]))
        with self.assertRaises(AccessError):
            as_user(self.ann, self.attacker).read(["name"])

    def test_invited_user_gets_the_holding(self):
        """The user who opens the link (any login) gets the holding on his own contact."""
        invitation, token = self.invite()
        self.Invitation.sudo()._accept(token, self.invited)
        self.assertEqual(self.ann.partner_id, self.invited.partner_id)
        self.assertEqual(as_user(self.Holder, self.invited).search([]), self.ann)
        self.assertFalse(as_user(self.Holder, self.attacker).search([]))
        self.assertEqual((invitation.state, invitation.user_id), ("used", self.invited))

    def test_token_used_once(self):
        """A token works once: the second use, by anyone, is refused in Dutch."""
        _invitation, token = self.invite()
        self.Invitation.sudo()._accept(token, self.invited)
        Invitation = self.Invitation.sudo().with_context(lang="nl_BE")
        with self.assertRaisesRegex(UserError, INVALID_NL):
            Invitation._accept(token, self.attacker)
        self.assertEqual(self.ann.partner_id, self.invited.partner_id)

    def test_token_expired_garbage_replaced(self):
        """An expired token, a token that was replaced by a new invitation, and tokens
        that were never issued are refused in Dutch."""
        Invitation = self.Invitation.sudo().with_context(lang="nl_BE")
        invitation, token = self.invite()
        invitation.sudo().write({"expiry": fields.Datetime.to_string(
            fields.Datetime.from_string(fields.Datetime.now()) - timedelta(minutes=1))})
        old_invitation, old_token = self.invite()
        _new, _new_token = self.invite()
        self.assertEqual(old_invitation.state, "cancel")
        for bad in (token, old_token, "x" * 43, "", None, token[:-1]):
            with self.subTest(token=bad):
                with self.assertRaisesRegex(UserError, INVALID_NL):
                    Invitation._accept(bad, self.attacker)
        self.assertFalse(self.ann.partner_id)

    def test_validity_is_two_weeks(self):
        """An invitation is valid for 14 days."""
        invitation, _token = self.invite()
        created = fields.Datetime.from_string(invitation.create_date)
        expiry = fields.Datetime.from_string(invitation.sudo().expiry)
        self.assertAlmostEqual((expiry - created).total_seconds(), 14 * 86400, delta=60)

    def test_no_email_matching(self):
        """The holder model has no e-mail lookup of users any more."""
        self.assertFalse(hasattr(self.Holder, "_portal_partner"))

    def test_token_hash_hidden_from_staff(self):
        """The register's manager sees the invitation but not its token hash; a portal
        user sees no invitation."""
        self.invite()
        invitation = as_user(self.Invitation, self.manager_a).search(
            [("holder_id", "=", self.ann.id)])
        self.assertEqual(len(invitation), 1)
        with self.assertRaises(AccessError):
            invitation.read(["token_hash"])
        with self.assertRaises(AccessError):
            as_user(self.Invitation, self.invited).search([])


class TestInvitationLive(LiveServerCase):
    """The link on a real server: login and back for a visitor, the holding for the user
    who opens it logged in, 404 with a Dutch page for a used, expired or unknown token."""

    def setUp(self):
        super().setUp()
        with self.live_env() as env:
            register = env["coop.share.register"].create({
                "name": self.unique("Zonnecoop"), "partner_id": env["res.partner"].create(
                    {"name": self.unique("Zonnecoop"), "is_company": True}).id,
                "company_number": company_number("0%07d" % random.randrange(10 ** 7)),
                "service_start": "2020-01-01", "min_shares": 1, "max_shares": 0})
            holder = env["coop.shareholder"].create({
                "register_id": register.id, "name": self.unique("Peeters"),
                "email": self.unique("ann") + "@example.org", "lang": "nl_BE"})
            self.holder_id, self.email = holder.id, holder.email
            _invitation, self.token = env["coop.shareholder.invitation"]._new_for(holder)
        self.link = self.url + "/my/aandelen/uitnodiging?token=" + self.token

    def partner_of_holder(self):
        with self.live_env() as env:
            return env["coop.shareholder"].browse(self.holder_id).partner_id.id

    def test_visitor_sent_to_login_and_back(self):
        """A visitor who is not logged in goes to the login page, which brings him back
        to the link; the link is not used up by that."""
        reply = self.http().get(self.link, allow_redirects=False, timeout=60)
        self.assertIn(reply.status_code, (301, 302, 303))
        self.assertIn("/web/login?redirect=", reply.headers["Location"])
        self.assertIn(self.token, reply.headers["Location"].replace("%2D", "-"))
        self.assertFalse(self.partner_of_holder())

    def test_visitor_logs_in_and_comes_back(self):
        """The visitor follows the link, logs in on the page it sends him to and lands
        back on the link, which gives him the holding."""
        _uid, login, password = self.new_live_user()
        session = self.http()
        page = session.get(self.link, timeout=60)
        self.assertIn("/web/login", page.url)
        back = urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)["redirect"][0]
        self.assertEqual(back, "/my/aandelen/uitnodiging?token=" + self.token)
        reply = session.post(self.url + "/web/login", timeout=60, data={
            "login": login, "password": password, "redirect": back,
            "csrf_token": self.csrf_token(page.text), "db": self.db})
        self.assertEqual(reply.status_code, 200)
        # Odoo 11 sends the user on to `redirect` (by a redirect or a script)
        self.assertTrue(reply.url.endswith("/my/aandelen") or back in reply.text.replace(
            "&amp;", "&"), reply.url)
        if not reply.url.endswith("/my/aandelen"):
            session.get(self.url + back, timeout=60)
        with self.live_env() as env:
            user = env["res.users"].search([("login", "=", login)])
            self.assertEqual(self.partner_of_holder(), user.partner_id.id)

    def test_attacker_then_invited_user(self):
        """An account made with the holder's address gets nothing from /my/aandelen nor
        from a guessed token; the invited user opening the link gets the holding; the
        link then is used up (404, Dutch)."""
        _uid, login, password = self.new_live_user(login=self.email)
        attacker = self.http_login(login, password)
        self.assertNotIn("Peeters", attacker.get(self.url + "/my/aandelen", timeout=60).text)
        guessed = attacker.get(self.url + "/my/aandelen/uitnodiging?token=" + "A" * 43,
                               timeout=60)
        self.assertEqual(guessed.status_code, 404)
        self.assertIn("Deze uitnodigingslink is niet geldig", guessed.text)
        self.assertFalse(self.partner_of_holder())

        uid, login, password = self.new_live_user()
        invited = self.http_login(login, password)
        reply = invited.get(self.link, allow_redirects=False, timeout=60)
        self.assertIn(reply.status_code, (301, 302, 303))
        self.assertTrue(reply.headers["Location"].endswith("/my/aandelen"))
        partner = self.rpc("res.users", "read", [uid], ["partner_id"])[0]["partner_id"][0]
        self.assertEqual(self.partner_of_holder(), partner)
        holders = self.rpc("coop.shareholder", "search", [], login=login, password=password)
        self.assertEqual(holders, [self.holder_id])

        again = attacker.get(self.link, timeout=60)
        self.assertEqual(again.status_code, 404)
        self.assertIn("Deze uitnodigingslink is niet geldig", again.text)
        self.assertEqual(self.partner_of_holder(), partner)

    def test_expired_link(self):
        """An expired link gives the 404 page."""
        with self.live_env() as env:
            env["coop.shareholder.invitation"].search(
                [("holder_id", "=", self.holder_id)]).write({"expiry": "2020-01-01 00:00:00"})
        _uid, login, password = self.new_live_user()
        reply = self.http_login(login, password).get(self.link, timeout=60)
        self.assertEqual(reply.status_code, 404)
        self.assertIn("Deze uitnodigingslink is niet geldig", reply.text)
        self.assertFalse(self.partner_of_holder())

    def test_concurrent_uses_one_wins(self):
        """Two users opening one link at the same moment, each on a connection of his own:
        one gets the holding, the other is refused."""
        first, _login, _password = self.new_live_user()
        second, _login, _password = self.new_live_user()

        def accept(uid):
            def run():
                with self.live_env() as env:
                    env["coop.shareholder.invitation"]._accept(
                        self.token, env["res.users"].browse(uid))
                return uid
            return run

        results = self.run_in_threads(accept(first), accept(second))
        winners = [r for r in results if not isinstance(r, BaseException)]
        self.assertEqual(len(winners), 1, results)
        self.assertIsInstance([r for r in results if isinstance(r, BaseException)][0],
                              UserError)
        partner = self.rpc("res.users", "read", winners, ["partner_id"])[0]["partner_id"][0]
        self.assertEqual(self.partner_of_holder(), partner)

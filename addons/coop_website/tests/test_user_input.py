# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Addresses typed by users: e-mail comparison and web addresses (tools/identity.py),
the partner's website constraint, and the unsubscribe link over XML-RPC."""
import xmlrpc.client

from odoo.exceptions import ValidationError
from odoo.tests.common import TransactionCase

from ..tools.identity import is_web_url, normalise_email, safe_web_url
from .live import LiveServerCase


class TestIdentityTools(TransactionCase):

    def test_web_urls(self):
        """Only absolute http(s) addresses with a host are web addresses."""
        for url in ("https://coopkracht.be", "http://www.zonnecoop.be/over?x=1",
                    "HTTPS://Coop.example/"):
            self.assertTrue(is_web_url(url), url)
            self.assertEqual(safe_web_url(url), url)
        for url in ("javascript:alert(1)", "JavaScript:alert(document.cookie)",
                    " javascript:alert(1)", "java\tscript:alert(1)",
                    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
                    "vbscript:msgbox(1)", "//evil.example", "/relative", "https://",
                    "http:///x", "", None, "https://evil.example/\"onmouseover=alert(1)"):
            self.assertFalse(is_web_url(url), url)
            self.assertIsNone(safe_web_url(url), url)

    def test_normalise_email(self):
        self.assertEqual(normalise_email("  Anna@ZonneCoop.example "), "anna@zonnecoop.example")
        self.assertEqual(normalise_email(None), "")

    def test_partner_website_must_be_http(self):
        """Security (stored XSS): a partner's website that is not http(s) is refused, in
        Dutch for a Dutch-speaking user; an http(s) one is kept."""
        Partner = self.env["res.partner"].with_context(lang="nl_BE")
        for url in ("javascript:alert(1)", "data:text/html,<script>alert(1)</script>"):
            with self.assertRaisesRegex(ValidationError, "geen webadres"), \
                    self.env.cr.savepoint():
                Partner.create({"name": "XSS cv", "is_company": True, "website": url})
        partner = Partner.create({"name": "Goed cv", "website": "https://goed.example"})
        self.assertEqual(partner.coop_website_url, "https://goed.example")
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            partner.write({"website": "javascript:alert(1)"})
        # an address stored before the rule is never linked
        self.env.cr.execute("UPDATE res_partner SET website = %s WHERE id = %s",
                            ("javascript:alert(1)", partner.id))
        partner.invalidate_cache()
        self.assertFalse(partner.coop_website_url)


class TestUnsubscribeLinkLive(LiveServerCase):

    def test_portal_user_cannot_mint_unsubscribe_links(self):
        """Security: a logged-in portal user cannot make an unsubscribe link for any
        address over XML-RPC: the method is private (and the old public name is gone)."""
        _uid, login, password = self.new_live_user()
        for method in ("_coop_unsubscribe_url", "coop_unsubscribe_url",
                       "_coop_unsubscribe_token"):
            with self.assertRaises(xmlrpc.client.Fault, msg=method):
                self.rpc("res.partner", method, "victim@example.org", login=login,
                         password=password)
        # a wrong token changes nothing and says so
        self.assertFalse(self.rpc("res.partner", "coop_unsubscribe", "victim@example.org",
                                  "0" * 64, login=login, password=password))

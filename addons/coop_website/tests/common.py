# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Factories and helpers shared by the tests of all coop_* addons."""
import contextlib
import re
import socket
import threading
import time

from odoo import SUPERUSER_ID, api
from odoo.tests.common import HttpCase, SavepointCase, at_install, post_install
from odoo.tools import config

_http = {}


def ensure_http_server():
    """Make sure Odoo's HTTP server answers on the configured port.

    Odoo 11's server.start(stop=True) spawns the HTTP thread and then shuts it down
    again when the thread was quick enough to create its socket (a race): the test
    run may have no server. Start our own WSGI thread in that case."""
    port = int(config["http_port"])
    with socket.socket() as sock:
        sock.settimeout(2)
        if sock.connect_ex(("127.0.0.1", port)) == 0:
            return
    from odoo.service import wsgi_server
    from odoo.service.server import ThreadedWSGIServerReloadable
    httpd = ThreadedWSGIServerReloadable("127.0.0.1", port, wsgi_server.application)
    thread = threading.Thread(target=httpd.serve_forever, name="coop.test.httpd", daemon=True)
    thread.start()
    _http["httpd"] = httpd


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


def new_portal_user(env, login, organisation=None, **values):
    """A real portal user; with organisation, their contact belongs to it."""
    user = new_user(env, login, ["base.group_portal"], **values)
    if organisation:
        user.partner_id.write({"parent_id": organisation.id})
    return user


def make_org(env, name, member=False, join_date="2019-01-01", kbo_seed=None, **values):
    """An organisation (a company partner). member=True makes it a Coopkracht member
    from join_date (the fields of coop_membership); kbo_seed gives it a valid company
    number (kbo()). values are written as given."""
    vals = {"name": name, "is_company": True}
    if member:
        vals.update(coop_membership_state="member", coop_join_date=join_date)
    if kbo_seed is not None:
        vals["coop_kbo_number"] = kbo(kbo_seed)
    vals.update(values)
    return env["res.partner"].create(vals)


# Belgian numbers for tests, made without the validators of coop_website.tools (which
# the tests check): the valid ones follow the published rules, the invalid ones differ
# only in their check digits.

def _check97(base):
    return 97 - int(base) % 97


def _wrong_check(*valid):
    """Two check digits that are none of the valid ones (nor 0, which equals 97 mod 97)."""
    return next("%02d" % check for check in range(1, 98)
                if check not in valid and check % 97 not in [v % 97 for v in valid])


def company_number(first8="04031707"):
    """A valid Belgian company number (10 digits) from its first eight digits."""
    return "%s%02d" % (first8, _check97(first8))


def invalid_company_number(first8="04031707"):
    """The company number of first8 with wrong check digits."""
    return first8 + _wrong_check(_check97(first8))


def kbo(seed):
    """A valid company number (10 digits, starting 02...) made from an integer seed."""
    return company_number("0%07d" % (2000000 + seed))


def national_number(birth="850730", seq="033", after_2000=False):
    """A valid Belgian national number (11 digits) for a birth date (YYMMDD) and a
    sequence; after_2000 uses the rule for people born from 2000 on."""
    base = birth + seq
    return "%s%02d" % (base, _check97(("2" if after_2000 else "") + base))


def invalid_national_number(birth="850730", seq="033"):
    """A national number whose check digits fit neither the rule before nor after 2000."""
    base = birth + seq
    return base + _wrong_check(_check97(base), _check97("2" + base))


def iban(account="0961234567"):
    """A valid Belgian IBAN (compact) for a 10-digit bank account: national check digits
    (mod 97) and the IBAN check digits of ISO 13616 (mod 97-10)."""
    bban = "%s%02d" % (account, int(account) % 97 or 97)
    # BE00 moved to the end, letters as numbers (B=11, E=14)
    check = 98 - int(bban + "111400") % 97
    return "BE%02d%s" % (check, bban)


def invalid_iban(account="0961234567"):
    """The IBAN of account with wrong IBAN check digits."""
    valid = iban(account)
    return "BE%02d%s" % ((int(valid[2:4]) + 1) % 97 or 2, valid[4:])


def ogm(number=1234567890):
    """A valid structured communication (+++ddd/dddd/ddddd+++) of a 10-digit number."""
    base = "%010d" % number
    full = "%s%02d" % (base, int(base) % 97 or 97)
    return "+++%s/%s/%s+++" % (full[:3], full[3:7], full[7:])


def invalid_ogm(number=1234567890):
    """The structured communication of number with wrong check digits."""
    valid = ogm(number)
    return valid[:-5] + _wrong_check(int(valid[-5:-3])) + "+++"


def as_user(records, user):
    """The records seen by user: the one place that calls .sudo(user) (renamed in later Odoo)."""
    return records.sudo(user)


def new_settings_admin(env, login):
    """A real settings manager: Administration/Settings, plus Contact Creation which the
    company-dependent settings of other apps (accounts, ...) need to be saved."""
    return new_user(env, login, ["base.group_system", "base.group_partner_manager"])


def owned_settings(env, user, values):
    """A settings record created by user, who may not be able to create one through the form
    (the defaults of other apps need admin rights): to test what user can do with it."""
    settings = env["res.config.settings"].create(values)
    env.cr.execute("UPDATE res_config_settings SET create_uid = %s WHERE id = %s", (user.id, settings.id))
    settings.invalidate_cache()
    return as_user(settings, user)


def save_settings(env, user, values):
    """Save values through the settings form as user (create + execute, as the Save button)."""
    settings = as_user(env["res.config.settings"], user).create(values)
    settings.execute()
    return settings


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


class _ServerMixin(object):
    """Makes sure the HTTP server is up, and gives access to the server's cursor."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ensure_http_server()

    @contextlib.contextmanager
    def server_env(self):
        """An environment (superuser) on the cursor the server's requests use, while
        holding its lock: records made in it are seen by the pages (and rolled back
        when the test ends). Keep the block short: requests wait meanwhile."""
        cr = self.registry.cursor()  # the test cursor, locked for this thread
        try:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env.cache.invalidate()  # the same env comes back each time: forget what pages changed since
            yield env
            cr.commit()  # pylint: disable=invalid-commit  (a TestCursor: moves its savepoint)
        finally:
            cr.close()  # releases the lock; the test cursor itself stays open


class SharedCursorMixin(object):
    """For HTTP and browser tests: self.cr / self.env are the registry's test cursor,
    the one the HTTP server's requests use, so that pages see the test's data (in Odoo 11
    an HttpCase's own cursor is a different transaction). Everything is rolled back when
    the test ends. url_open and authenticate share the test's writes with the server
    first; a browser test reads or writes inside `with self.locked():`, because the
    browser's requests may still run while the test goes on."""

    # True where an addon's factories are class methods (shared with setUpClass): they
    # then write through the server's cursor too
    share_class_env = False

    def setUp(self):
        super().setUp()
        ensure_http_server()
        own_cr, own_env = self.cr, self.env

        def restore():
            # before Odoo's own clean-ups, which close self.cr and leave test mode
            self.env.clear()
            api.Environment.reset()
            self.cr, self.env = own_cr, own_env
        self.cr = self.registry.test_cr
        self.env = api.Environment(self.cr, SUPERUSER_ID, {})
        self.addCleanup(restore)
        if self.share_class_env:
            type(self).env = self.env
            self.addCleanup(delattr, type(self), "env")

    @contextlib.contextmanager
    def locked(self):
        """Hold the test cursor's lock while the test reads or writes: the server's
        requests wait meanwhile instead of sharing the connection with the test."""
        self.cr.acquire()
        try:
            self.env.clear()  # forget what the pages changed since
            yield self.env
        finally:
            self.cr.release()

    def share_with_server(self):
        """Make the test's writes part of what the next requests start from: a request
        that ends in a rollback goes back to this point (the test cursor's savepoint;
        nothing is committed to the database)."""
        with self.locked():
            self.cr.commit()  # pylint: disable=invalid-commit  (a TestCursor: moves its savepoint)

    def authenticate(self, user, password):
        self.share_with_server()
        result = super().authenticate(user, password)
        self.env.clear()
        return result

    def url_open(self, url, data=None, timeout=60):
        self.share_with_server()
        response = super().url_open(url, data=data, timeout=timeout)
        self.env.clear()
        return response


@at_install(False)
@post_install(True)
class CoopHttpCase(SharedCursorMixin, _ServerMixin, HttpCase):
    """HttpCase whose self.cr / self.env are the cursor the server's requests use
    (see SharedCursorMixin). Browser tests use CoopBrowserCase."""


@at_install(False)
@post_install(True)
class CoopBrowserCase(_ServerMixin, HttpCase):
    """A real headless Chromium against Odoo's test server. self.env is the test's
    own cursor; records the browser must see are made inside `with self.server_env()
    as env:`. Screenshots go to test-output/screenshots/."""

    browser_width = 1280

    def setUp(self):
        super().setUp()
        from .browser import Browser
        self.base_url = "http://127.0.0.1:%s" % config["http_port"]
        self.browser = Browser(width=self.browser_width)
        self.addCleanup(self.browser.close)

    def browser_login(self, login, password, timeout=60):
        """Log in through Odoo's login form, as a person does, and wait until the session
        is open. (A session made in the test with HttpCase.authenticate is checked against
        the test's own cursor, where users made for the server may not exist.)"""
        with self.server_env():
            pass  # the test's data so far survives a request that rolls back (savepoint)
        self.browser.login(self.base_url, login, password)
        deadline = time.time() + timeout
        while "/web/login" in self.browser.driver.current_url and time.time() < deadline:
            time.sleep(0.2)
        if "/web/login" in self.browser.driver.current_url:
            raise AssertionError("%s could not log in; screenshot %s" % (
                login, self.browser.screenshot("login-failed-%s" % login)))


# the CSRF token of a page: in a form's hidden field or in the page's odoo.csrf_token
CSRF_RE = re.compile(r"""csrf_token["']?\s*(?:value=|:)\s*["']([0-9a-fo]+)["']""")

# English words that must not be in a browser-tab title or a breadcrumb of the Dutch site
ENGLISH_TITLE = re.compile(r"\b(My|Become|Member|Members|Events?|Vacanc\w*|compass|Shares?|"
                           r"Subscribe|Home|Contact us|start page|Directory|About|Register)\b")


# Texts of Odoo's placeholders and English boilerplate that must not appear on
# Coopkracht's (Dutch) public pages.
PLACEHOLDER_TEXTS = (
    "YourCompany", "Your logo", "555", "passionate people", "Powered by", "Shop",
    "yourcompany.example.com", "My Website", "Our Products", "Connect with us",
    "Contact us", "Sign in", "About us", "Subtitle", "free website",
)


def page_text(html):
    """What a visitor reads on an HTML page: the body's text (no script or style)
    plus the alt, title, placeholder and aria-label attributes."""
    from lxml import html as lxml_html
    if isinstance(html, bytes):
        html = html.decode("utf-8")
    doc = lxml_html.fromstring(html)
    for bad in doc.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    body = doc.find("body")
    root = body if body is not None else doc
    parts = [root.text_content()]
    for attr in ("alt", "title", "placeholder", "aria-label"):
        parts.extend(root.xpath("//@%s" % attr))
    return " ".join(" ".join(parts).split())


def portal_tile_counts(html):
    """{link: number shown} of the entries of the portal home /my ('' when it shows none)."""
    from lxml import html as lxml_html
    doc = lxml_html.fromstring(html)
    counts = {}
    for li in doc.xpath("//ul[contains(@class, 'o_portal_docs')]/li"):
        for href in li.xpath(".//a/@href"):
            counts.setdefault(href, li.xpath("string(.//span[contains(@class, 'badge')])").strip())
    return counts


def sharing_tags(html):
    """{name: [content, ...]} of the OpenGraph (property="og:...") and Twitter-card
    (name="twitter:...") tags in a page's <head>."""
    from lxml import html as lxml_html
    if isinstance(html, bytes):
        html = html.decode("utf-8")
    head = lxml_html.fromstring(html).find("head")
    tags = {}
    if head is None:
        return tags
    for meta in head.iter("meta"):
        key = meta.get("property") or meta.get("name") or ""
        if key.startswith(("og:", "twitter:")):
            tags.setdefault(key, []).append(meta.get("content"))
    return tags

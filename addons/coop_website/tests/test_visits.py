# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The site-wide visit counter: unique visits and page views, no cookie, nothing stored
that identifies a person."""
import datetime
import re
import subprocess
import uuid

import requests

from odoo.exceptions import AccessError
from odoo.tools import config

from ..tools.visits import RateLimiter, is_bot, referrer_domain, visitor_hash
from .common import CoopHttpCase, CoopSavepointCase, as_user
from .live import LiveServerCase

BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36"
DAY = datetime.date(2026, 3, 10)


class TestVisitTools(CoopSavepointCase):

    def test_referrer_domain(self):
        """Only the referrer's domain is kept: lower case, no www, truncated, nothing for
        the site itself, for odd schemes or for garbage."""
        self.assertEqual(referrer_domain("https://www.LinkedIn.com/feed/?x=1"), "linkedin.com")
        self.assertEqual(referrer_domain("https://coopkracht.be/x", "coopkracht.be"), "")
        self.assertEqual(referrer_domain("javascript:alert(1)"), "")
        self.assertEqual(referrer_domain("http://exa mple.org/"), "")
        self.assertEqual(referrer_domain(""), "")
        long_host = "a" * 300 + ".org"
        self.assertEqual(len(referrer_domain("https://%s/p" % long_host)), 253)
        self.assertEqual(referrer_domain("https://x.org/" + "p" * 100000), "x.org")

    def test_bots_and_hash(self):
        """Robots by user agent; the hash changes with the salt and reveals nothing."""
        self.assertTrue(is_bot("Googlebot/2.1"))
        self.assertTrue(is_bot(""))
        self.assertFalse(is_bot(BROWSER_UA))
        first = visitor_hash("salt1", "site", "203.0.113.5", BROWSER_UA)
        self.assertEqual(len(first), 64)
        self.assertNotEqual(first, visitor_hash("salt2", "site", "203.0.113.5", BROWSER_UA))
        self.assertNotIn("203.0.113.5", first)

    def test_rate_limiter(self):
        """A flood from one visitor is cut after the limit, in a window; others pass."""
        limiter = RateLimiter(3, window=60)
        self.assertEqual([limiter.allow("v", now=0) for _ in range(5)], [True, True, True, False, False])
        self.assertTrue(limiter.allow("w", now=1))
        self.assertTrue(limiter.allow("v", now=61))


class TestVisitCounter(CoopSavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.counter = cls.env["coop.website.visit"]

    def _hit(self, path, visitor, day=DAY, referrer="", record=None):
        page = self.counter._check_beacon(self.counter._beacon_values(path, record))
        self.assertTrue(page)
        return self.counter._register_hit(page, visitor, referrer=referrer, site="coopkracht.be", day=day)

    def test_unique_views_and_visits(self):
        """Two visitors, three pages, reloads: visits are visitor-days, page views unique
        per visitor, page and day; the figures are exact before and after the flush."""
        for _ in range(3):  # reloads count once
            self._hit("/", "a" * 64)
        self._hit("/vacatures", "a" * 64, referrer="https://www.linkedin.com/feed")
        self._hit("/event/soiree-1", "b" * 64)
        self._hit("/", "a" * 64, day=DAY + datetime.timedelta(days=1))
        span = (DAY, DAY + datetime.timedelta(days=1))
        for flushed in (False, True):
            if flushed:
                self.counter._flush(today=DAY + datetime.timedelta(days=1))
            self.assertEqual(self.counter.visits_between(*span), 3)  # a twice (two days), b once
            self.assertEqual(self.counter.views_per_section(*span),
                             {"home": 2, "vacancies": 1, "events": 1})
            self.assertEqual(self.counter.views_per_page(DAY, DAY),
                             {"/": 1, "/vacatures": 1, "/event/soiree-1": 1})
        referrers = self.env["coop.website.referrer.stat"].search([("day", "=", DAY)])
        self.assertEqual([(r.domain, r.visits) for r in referrers], [("linkedin.com", 1)])

    def test_flush_deletes_old_hashes_and_salts(self):
        """Hashes and salts older than two days are deleted by the flush; their counts stay."""
        old = DAY - datetime.timedelta(days=5)
        self.counter._daily_salt(old)
        self._hit("/", "c" * 64, day=old)
        self.counter._flush(today=DAY)
        cr = self.env.cr
        cr.execute("SELECT count(*) FROM coop_website_visit_hit WHERE day = %s", (old,))
        self.assertEqual(cr.fetchone()[0], 0)
        cr.execute("SELECT count(*) FROM coop_website_visit_salt WHERE day = %s", (old,))
        self.assertEqual(cr.fetchone()[0], 0)
        self.assertEqual(self.counter.visits_between(old, old), 1)

    def test_forged_beacon_is_ignored(self):
        """A beacon for a page the site did not render (wrong signature) counts nothing."""
        values = self.counter._beacon_values("/vacatures")
        self.assertTrue(self.counter._check_beacon(values))
        for forged in (dict(values, p="/niet-bestaand"), dict(values, t="0" * 24),
                       dict(values, s="nope"), dict(values, i="x")):
            self.assertIsNone(self.counter._check_beacon(forged))

    def test_records_are_counted_per_record(self):
        """A page of a record (an event, a vacancy) counts for that record."""
        partner = self.env["res.partner"].create({"name": "Record page"})
        self._hit("/partners/x", "d" * 64, record=partner)
        self._hit("/partners/x", "e" * 64, record=partner)
        self.assertEqual(self.counter.views_per_record("res.partner", partner.ids), {partner.id: 2})

    def test_figures_for_staff_only(self):
        """Visit figures are for staff and board; a portal user gets AccessError."""
        self.assertEqual(as_user(self.counter, self.user_coop).visits_between(DAY, DAY), 0)
        self.assertEqual(as_user(self.counter, self.user_board).views_per_section(DAY, DAY), {})
        with self.assertRaises(AccessError):
            as_user(self.counter, self.user_portal).visits_between(DAY, DAY)
        with self.assertRaises(AccessError):
            as_user(self.env["coop.website.page.stat"], self.user_portal).search([])


class TestVisitBeacon(CoopHttpCase):

    def _beacon_url(self, html):
        match = re.search(r'data-url="([^"]+)"', html)
        self.assertTrue(match, "the page has no visit beacon")
        return match.group(1).replace("&amp;", "&")

    def _total(self):
        self.env.cr.execute("SELECT count(*) FROM coop_website_visit_hit")
        return self.env.cr.fetchone()[0]

    def test_page_beacon_counts_once_without_cookie(self):
        """The home page carries the beacon (and a noscript image); the beacon answers
        without a cookie, counts one view, and a reload or a flood adds nothing."""
        html = self.url_open("/").text
        self.assertIn("<noscript><img", html)
        url = self._beacon_url(html)
        before = self._total()
        response = requests.get(self.url_open_base() + url, headers={"User-Agent": BROWSER_UA}, timeout=60)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "image/gif")
        self.assertNotIn("Set-Cookie", response.headers)
        self.assertEqual(self._total(), before + 1)
        for _ in range(70):  # a flood from the same visitor
            self.opener_post(url)
        self.assertEqual(self._total(), before + 1)

    def url_open_base(self):
        return "http://127.0.0.1:%s" % config["http_port"]

    def opener_post(self, url, agent=BROWSER_UA):
        response = requests.post(self.url_open_base() + url, headers={"User-Agent": agent}, timeout=60)
        self.assertIn(response.status_code, (204, 200))
        self.assertNotIn("Set-Cookie", response.headers)
        return response

    def test_robots_staff_and_forgeries_are_not_counted(self):
        """A robot, a logged-in staff member and a forged page count nothing; error pages
        carry no beacon; staff pages carry none either."""
        url = self._beacon_url(self.url_open("/").text)
        before = self._total()
        self.opener_post(url, agent="Googlebot/2.1 (+http://www.google.com/bot.html)")
        forged = re.sub(r"([?&])p=[^&]*", r"\1p=%2Fniet-bestaand", url)
        self.assertNotEqual(forged, url)
        self.opener_post(forged)
        self.assertEqual(self._total(), before)
        missing = self.url_open("/deze-pagina-bestaat-niet-%s" % uuid.uuid4().hex)
        self.assertEqual(missing.status_code, 404)
        self.assertNotIn("coop_visit_beacon", missing.text)
        self.authenticate("admin", "admin")
        self.assertNotIn("coop_visit_beacon", self.url_open("/").text)
        # without the staff session: a visitor (another browser than the other tests',
        # which already viewed this page today)
        self.opener_post(url, agent="%s Probe/%s" % (BROWSER_UA, uuid.uuid4().hex))
        self.assertEqual(self._total(), before + 1)


class TestNothingPersonalStored(LiveServerCase):

    def test_dump_has_no_address_or_user_agent(self):
        """After beacons from a visitor with a unique user agent and address, the database
        dump contains neither (only hashes and counts)."""
        agent = "Mozilla/5.0 CoopkrachtProbe/%s" % uuid.uuid4().hex
        address = "203.0.113.%d" % (uuid.uuid4().int % 200 + 20)  # documentation range, never contacted
        html = requests.get(self.url + "/", headers={"User-Agent": agent}, timeout=60).text
        url = re.search(r'data-url="([^"]+)"', html).group(1).replace("&amp;", "&")
        headers = {"User-Agent": agent, "X-Forwarded-For": address}
        for path in (url, url + "&r=https%3A%2F%2Fwww.linkedin.com%2Ffeed%3Fsecret%3D" + address):
            self.assertEqual(requests.post(self.url + path, headers=headers, timeout=60).status_code, 204)
        with self.live_env() as env:
            env.cr.execute("SELECT count(*) FROM coop_website_visit_hit WHERE page_key = '/'")
            self.assertGreaterEqual(env.cr.fetchone()[0], 1)
            env["coop.website.visit"]._flush()
        dump = subprocess.run(["pg_dump", "--data-only", self.db], stdout=subprocess.PIPE, check=True).stdout
        self.assertNotIn(agent.encode(), dump)
        self.assertNotIn(address.encode(), dump)
        self.assertNotIn(b"secret%3D", dump)

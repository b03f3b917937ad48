# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure-Python pieces of the site-wide visit counter (no Odoo import).

The counter follows Plausible's cookieless method: a visitor of one day is
sha256(daily salt | site | IP address | user agent); the salt is random, changes every day
and is deleted after two days, after which a hash can no longer be linked to anybody.
Neither the address nor the user agent is ever stored."""
import hashlib
import re
import threading
import time
from urllib.parse import urlsplit

BOT_RE = re.compile(
    r"bot|crawl|spider|slurp|mediapartners|facebookexternalhit|embedly|preview|scan|monitor|"
    r"curl|wget|python-requests|python-urllib|httpclient|java/|go-http|libwww|okhttp|"
    r"feedfetcher|lighthouse|pingdom|uptime|headlesschrome|phantomjs", re.IGNORECASE)
MAX_DOMAIN = 253  # the longest DNS name
MAX_PAGE_KEY = 200


def is_bot(user_agent):
    """Obvious robots, by user agent (a missing user agent is a robot too)."""
    return not user_agent or bool(BOT_RE.search(user_agent))


def visitor_hash(salt, site, address, user_agent):
    """The visitor of one day on one site: nothing of it can be read back."""
    text = "|".join((salt or "", site or "", address or "", user_agent or ""))
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()


def referrer_domain(referrer, own_host=None):
    """The domain of a referrer URL, lower case, without 'www.' and truncated; '' for none,
    for one that is not http(s), and for the site itself."""
    if not referrer or len(referrer) > 4096:
        referrer = (referrer or "")[:4096]
    try:
        parts = urlsplit(referrer.strip())
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https"):
        return ""
    host = (parts.hostname or "").lower().strip(".")
    if host.startswith("www."):
        host = host[4:]
    if not host or not re.match(r"^[a-z0-9.-]+$", host):
        return ""
    own = (own_host or "").lower().split(":")[0]
    if own.startswith("www."):
        own = own[4:]
    if own and host == own:
        return ""
    return host[:MAX_DOMAIN]


class RateLimiter(object):
    """At most `limit` events per key in a sliding window of `window` seconds, in this
    process's memory (a beacon flood never reaches the database)."""

    def __init__(self, limit, window=60.0, max_keys=50000):
        self.limit, self.window, self.max_keys = limit, window, max_keys
        self._hits = {}
        self._lock = threading.Lock()

    def allow(self, key, now=None):
        now = time.time() if now is None else now
        with self._lock:
            if len(self._hits) > self.max_keys:
                self._hits = {k: v for k, v in self._hits.items() if now - v[0] < self.window}
                if len(self._hits) > self.max_keys:  # still full: a flood of new keys
                    self._hits.clear()
            start, count = self._hits.get(key, (now, 0))
            if now - start >= self.window:
                start, count = now, 0
            if count >= self.limit:
                self._hits[key] = (start, count)
                return False
            self._hits[key] = (start, count + 1)
            return True

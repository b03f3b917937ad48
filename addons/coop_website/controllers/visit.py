# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The visit beacon of every public page (see models/coop_website_visit.py).

It answers without setting a cookie, counts nothing for robots and logged-in staff,
ignores beacons whose page the site did not render (signature) and cuts a flood from one
visitor in memory."""
import base64

from odoo import http
from odoo.http import request

from ..tools.visits import RateLimiter, is_bot

PIXEL = base64.b64decode(b"R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
BEACONS_PER_MINUTE = 60  # per visitor and process: a person reads far fewer pages
_limiter = RateLimiter(BEACONS_PER_MINUTE, window=60.0)


class _CookielessResponse(http.Response):
    """Odoo adds its session cookie to every response that has set_cookie: not this one
    (an Odoo Response, so that the route wrapper keeps it as it is)."""

    @property
    def set_cookie(self):
        raise AttributeError("the visit beacon sets no cookie")


def _answer(pixel):
    if pixel:
        response = _CookielessResponse(PIXEL, status=200, mimetype="image/gif")
    else:
        response = _CookielessResponse(status=204)
    response.headers["Cache-Control"] = "no-store"
    return response


class CoopVisitBeacon(http.Controller):

    @http.route("/coop/v", type="http", auth="public", methods=["GET", "POST"], csrf=False,
                sitemap=False)
    def visit_beacon(self, **values):
        pixel = request.httprequest.method == "GET"
        agent = request.httprequest.headers.get("User-Agent", "")
        if is_bot(agent) or (request.session.uid and request.env.user.has_group("base.group_user")):
            return _answer(pixel)
        request.env["coop.website.visit"].sudo()._count_beacon(
            values, site=request.httprequest.host, address=request.httprequest.remote_addr,
            user_agent=agent, allow=_limiter.allow)
        return _answer(pixel)

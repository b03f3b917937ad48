# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request


class CoopWebsite(http.Controller):

    @http.route("/favicon.ico", type="http", auth="public", website=True, sitemap=False)
    def favicon(self, **kwargs):
        """Browsers and feed readers ask for /favicon.ico: the website's own icon
        (Coopkracht's mark), not a 404."""
        return request.redirect("/web/image/website/%d/favicon" % request.website.id, code=301)

    @http.route("/nieuwsbrief/afmelden", type="http", auth="public", website=True, sitemap=False)
    def newsletter_unsubscribe(self, email=None, token=None, **kwargs):
        """The unsubscribe link of Coopkracht's mails: opts the address out when the
        token matches it (the token proves the link came from one of our mails)."""
        done = request.env["res.partner"].sudo().coop_unsubscribe(email, token)
        response = request.render("coop_website.unsubscribe_page", {"done": done, "email": email})
        if not done:
            response.status_code = 403
        return response

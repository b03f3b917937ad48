# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""/kompas: the public start page of the compass; a visitor creates an account (or logs
in) and starts a scan."""
from odoo import _, http, tools
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from odoo.addons.coop_website.tools.identity import normalise_email

MIN_PASSWORD_LENGTH = 8


class CompassWebsite(http.Controller):

    def _start_values(self, **extra):
        user = request.env.user
        principles = request.env["coop.compass.principle"].sudo().search([])
        organisation = request.env["res.partner"]
        if not user._is_public():
            organisation = request.env["coop.compass.scan"]._allowed_organisations()
        values = {
            "principles": principles,
            "is_visitor": user._is_public(),
            "organisation": organisation,
            "error": None,
            "post": {},
            "min_password_length": MIN_PASSWORD_LENGTH,
        }
        values.update(extra)
        return values

    @http.route("/kompas", type="http", auth="public", website=True)
    def compass_home(self, **kw):
        return request.render("coop_compass.compass_start_page", self._start_values())

    def _signup_error(self, post):
        """A translated message when the visitor's sign-up data cannot be used, else None."""
        name = (post.get("name") or "").strip()
        email = (post.get("email") or "").strip().lower()
        password = post.get("password") or ""
        if not name or not email or not password:
            return _("Please fill in your name, e-mail address and a password.")
        if not tools.single_email_re.match(email):
            return _("That is not a valid e-mail address.")
        if len(password) < MIN_PASSWORD_LENGTH:
            return _("Choose a password of at least %d characters.") % MIN_PASSWORD_LENGTH
        if self._account_exists(email):
            return _("An account with this e-mail address already exists. Please log in first.")
        return None

    @staticmethod
    def _account_exists(email):
        """Whether a user (also archived) has this exact login or address (after
        normalisation; no LIKE, so '%' and '_' match only themselves)."""
        request.env.cr.execute("""
            SELECT 1 FROM res_users u JOIN res_partner p ON p.id = u.partner_id
             WHERE lower(btrim(u.login)) = %s OR lower(btrim(p.email)) = %s LIMIT 1""",
                               (normalise_email(email), normalise_email(email)))
        return bool(request.env.cr.fetchone())

    def _create_account(self, post):
        """A portal user (and, when given, a new organisation as its company) for a visitor."""
        env = request.env
        lang = request.context.get("lang") or "nl_BE"
        email = post["email"].strip().lower()
        partner_vals = {"name": post["name"].strip(), "email": email, "lang": lang}
        organisation_name = (post.get("organisation_name") or "").strip()
        if organisation_name:
            # Always a new company: a name typed on a public form never grants access
            # to an existing organisation's data. Staff merge duplicates afterwards.
            organisation = env["res.partner"].sudo().create(
                {"name": organisation_name, "is_company": True, "lang": lang})
            partner_vals["parent_id"] = organisation.id
        partner = env["res.partner"].sudo().create(partner_vals)
        user = env["res.users"].sudo().with_context(no_reset_password=True).create({
            "login": email,
            "partner_id": partner.id,
            "password": post["password"],
            "groups_id": [(6, 0, [env.ref("base.group_portal").id])],
        })
        return user

    @http.route("/kompas/start", type="http", auth="public", website=True, methods=["POST"])
    def compass_start(self, **post):
        if request.env.user._is_public():
            error = self._signup_error(post)
            if error:
                return request.render("coop_compass.compass_start_page",
                                      self._start_values(error=error, post=post))
            user = self._create_account(post)
            login, password = user.login, post["password"]
            # As Odoo's own sign-up: the session checks the password on a connection of its
            # own, which only sees the new account once it is committed.
            request.env.cr.commit()  # pylint: disable=invalid-commit
            uid = request.session.authenticate(request.db, login, password)
            if not uid:
                return request.render("coop_compass.compass_start_page", self._start_values(
                    error=_("Your account was created, but logging in failed. Please log in "
                            "with your e-mail address and password."), post=post))
            env = request.env(user=uid)
            organisation = env.user.partner_id.parent_id
        else:
            env = request.env
            organisation = env["res.partner"]
            if post.get("for_organisation"):
                organisation = env["coop.compass.scan"]._allowed_organisations()
        try:
            scan = env["coop.compass.scan"].action_start(organisation or None)
        except (UserError, AccessError, ValidationError) as exc:
            return request.render("coop_compass.compass_start_page",
                                  self._start_values(error=exc.name, post=post))
        return request.redirect("/my/compass/%d/step/1" % scan.id)

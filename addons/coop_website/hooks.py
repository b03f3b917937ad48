# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Install step: Coopkracht's language, users, website and chart of accounts."""
import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)

COOP_LANG = "nl_BE"
# Languages mails are written in besides Dutch (English is always there): French for the
# French-speaking members and shareholders (the templates' fr.po).
COOP_MAIL_LANGS = ("fr_BE",)
COOP_TZ = "Europe/Brussels"


def ensure_language(env, code):
    """Activate language code with the translations of every installed module,
    when it is not active yet. Returns the res.lang record."""
    lang = env["res.lang"].with_context(active_test=False).search([("code", "=", code)])
    if not lang or not lang.active:
        _logger.info("coop_website: loading language %s", code)
        env["base.language.install"].create({"lang": code, "overwrite": False}).lang_install()
        lang = env["res.lang"].search([("code", "=", code)])
    return lang


def ensure_chart(env, company):
    """The Belgian chart of accounts (l10n_be) on company, loaded when missing."""
    if company.chart_template_id:
        return company.chart_template_id
    template = env.ref("l10n_be.l10nbe_chart_template")
    template.try_loading_for_current_company()
    return company.chart_template_id


def apply_identity(env):
    """Company, users, website: the settings every Coopkracht database has."""
    lang = ensure_language(env, COOP_LANG)
    for code in COOP_MAIL_LANGS:
        ensure_language(env, code)
    company = env.ref("base.main_company")
    company.coop_apply_identity()
    company.partner_id.write({"lang": COOP_LANG, "tz": COOP_TZ})
    users = env.ref("base.user_root")
    demo = env.ref("base.user_demo", raise_if_not_found=False)
    if demo:
        users |= demo
    users.write({"lang": COOP_LANG, "tz": COOP_TZ})
    for website in env["website"].search([]):
        vals = {"default_lang_id": lang.id, "language_ids": [(4, lang.id)]}
        if website == env.ref("website.default_website"):
            vals["name"] = "Coopkracht"
        website.write(vals)
    clean_website_menus(env)
    ensure_chart(env, company)


def clean_website_menus(env):
    """No social links of Odoo's demo. (The menus of Odoo's shop and events are taken
    off the main menu by coop_events, which depends on those modules: deleting them
    here would make Odoo create them again at the next update of those modules.)"""
    env["website"].search([]).write({
        "social_facebook": False, "social_twitter": False, "social_googleplus": False,
        "social_github": False, "social_youtube": False,
    })
    env.ref("website.default_website").social_linkedin = "https://www.linkedin.com/company/coopkracht"


def post_init_hook(cr, registry):
    env = api.Environment(cr, SUPERUSER_ID, {})
    apply_identity(env)

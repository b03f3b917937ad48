# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Factories for the vacancy tests: organisations (member or not), their contacts, vacancies."""

from odoo import fields
from odoo.addons.coop_website.tests.common import CoopSavepointCase, new_portal_user
from odoo.addons.coop_website.tests.common import make_org as make_any_org

TODAY = "2026-03-02"


def local_today(env):
    """Today in the user's time zone (Europe/Brussels), as the vacancy bank counts days;
    the UTC date differs from it for an hour or two around midnight."""
    return fields.Date.from_string(fields.Date.context_today(env["coop.vacancy"]))


def make_org(env, name, member=True, **values):
    """An organisation in Gent with an e-mail address, by default a member since 2015."""
    values = dict({"city": "Gent", "email": "info@%s.example.org" % name.lower().replace(" ", "")},
                  **values)
    return make_any_org(env, name, member=member, join_date="2015-01-01", **values)


def make_contact_user(env, org, login, **values):
    """A portal user whose contact belongs to org."""
    return new_portal_user(env, login, org, **values)


def make_vacancy(env, org, **values):
    vals = {
        "name": "Projectmedewerker energiegemeenschappen",
        "partner_id": org.id,
        "city": "Gent",
        "province": "oost_vlaanderen",
        "contract_type": "permanent",
        "hours": 0.8,
        "hours_unit": "fte",
        "description": "<p>Je bouwt mee aan lokale energiegemeenschappen.</p>",
        "apply_url": "https://jobs.example.org/energie",
    }
    vals.update(values)
    return env["coop.vacancy"].create(vals)


def set_params(env, **params):
    for key, value in params.items():
        env["ir.config_parameter"].sudo().set_param("coop_vacancy.%s" % key, str(value))


class VacancyCase(CoopSavepointCase):
    """Two organisations (a member and a non-member), each with a portal contact."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.org_member = make_org(cls.env, "Ecopower Test")
        cls.org_other_member = make_org(cls.env, "Vooruit Test")
        cls.org_nonmember = make_org(cls.env, "Nietlid Bvba", member=False)
        cls.poster = make_contact_user(cls.env, cls.org_member, "poster_member")
        cls.poster_other = make_contact_user(cls.env, cls.org_other_member, "poster_other")
        cls.poster_nonmember = make_contact_user(cls.env, cls.org_nonmember, "poster_nonmember")
        set_params(cls.env, review_members=0, expiry_days=60, nonmember_price=0,
                   reviewer_user_id=cls.user_manager.id)
        cls.sector = cls.env["coop.membership.sector"].create({"name": "Testsector energie"})

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Factories for the vacancy tests: organisations (member or not), their contacts, vacancies."""

from odoo import fields
from odoo.addons.coop_website.tests.common import CoopSavepointCase, new_user

TODAY = "2026-03-02"


def local_today(env):
    """Today in the user's time zone (Europe/Brussels), as the vacancy bank counts days;
    the UTC date differs from it for an hour or two around midnight."""
    return fields.Date.from_string(fields.Date.context_today(env["coop.vacancy"]))


def make_org(env, name, member=True, **values):
    vals = {"name": name, "is_company": True, "city": "Gent",
            "email": "info@%s.example.org" % name.lower().replace(" ", "")}
    if member:
        vals.update({"coop_membership_state": "member", "coop_join_date": "2015-01-01"})
    vals.update(values)
    return env["res.partner"].create(vals)


def make_contact_user(env, org, login, groups=("base.group_portal",), **values):
    """A portal user whose contact belongs to org."""
    user = new_user(env, login, list(groups), **values)
    user.partner_id.write({"parent_id": org.id})
    return user


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

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Factories for the membership tests: they build their own data with fixed dates."""
from odoo.addons.coop_website.tests.common import CoopSavepointCase, kbo, make_org


class MembershipCase(CoopSavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Partner = cls.env["res.partner"]
        # isolate from demo data: organisations already in the database are archived
        # for the duration of the test class (rolled back afterwards)
        cls.Partner.search([("coop_membership_state", "!=", "none")]).write({"active": False})
        cls.Application = cls.env["coop.membership.application"]
        cls.cat_small = cls.env["coop.membership.category"].create(
            {"name": "Test small", "size": "small", "fee": 250.0, "sequence": 1})
        cls.cat_large = cls.env["coop.membership.category"].create(
            {"name": "Test large", "size": "large", "fee": 1000.0, "sequence": 2})
        cls.sector_energy = cls.env["coop.membership.sector"].create({"name": "Test energie"})
        cls.sector_housing = cls.env["coop.membership.sector"].create({"name": "Test wonen"})
        cls.reason = cls.env["coop.membership.leave.reason"].create({"name": "Test fusie"})
        cls.set_param("coop_membership.fee_pro_rata", "False")
        cls.set_param("coop_membership.max_proxies", "1")

    @classmethod
    def set_param(cls, key, value):
        cls.env["ir.config_parameter"].sudo().set_param(key, value)

    @classmethod
    def make_org(cls, name, seed=None, **values):
        """A Flemish organisation; seed gives it a company number (kbo(seed))."""
        values = dict({"lang": "nl_BE", "country_id": cls.env.ref("base.be").id}, **values)
        return make_org(cls.env, name, kbo_seed=seed, **values)

    @classmethod
    def make_member(cls, name, join_date="2020-03-01", category=None, **values):
        values.setdefault("coop_membership_state", "member")
        return cls.make_org(name, coop_join_date=join_date,
                            coop_category_id=(category or cls.cat_small).id, **values)

    @classmethod
    def make_application(cls, name, seed, **values):
        vals = {"name": name, "kbo_number": kbo(seed), "contact_name": "Contact of %s" % name,
                "contact_email": "contact%s@example.org" % seed, "legal_form": "cv",
                "city": "Gent", "zip": "9000", "employee_count": 3}
        vals.update(values)
        return cls.Application.create(vals)

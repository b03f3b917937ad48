# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Factories for the DAR tests: two client cooperatives with their own staff."""
from odoo.addons.coop_website.tests.common import CoopSavepointCase, as_user, new_user

DATE = "2024-03-01"


def national_number(birth="850730", seq="033", after_2000=False):
    """A valid Belgian national number for a birth date (YYMMDD) and a sequence."""
    base = birth + seq
    check = 97 - int(("2" if after_2000 else "") + base) % 97
    return "%s%02d" % (base, check)


def company_number(first8="04031707"):
    """A valid Belgian company number from its first eight digits."""
    return "%s%02d" % (first8, 97 - int(first8) % 97)


class DarCase(CoopSavepointCase):
    """Two registers (A and B) with a class each, holders and one manager per register."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Register = cls.env["coop.share.register"]
        cls.Entry = cls.env["coop.share.entry"]
        cls.Holder = cls.env["coop.shareholder"]
        cls.Payment = cls.env["coop.share.payment"]
        cls.Position = cls.env["coop.share.position"]
        cls.hefboom = cls.env["res.partner"].create({"name": "Hefboom", "is_company": True})
        cls.reg_a = cls.make_register("Zonnecoop A", "04031707")
        cls.reg_b = cls.make_register("Windcoop B", "04120120", service_mode="partner",
                                      partner_org_id=cls.hefboom.id)
        cls.class_a = cls.make_class(cls.reg_a, "A", 250.0)
        cls.class_a2 = cls.make_class(cls.reg_a, "B", 500.0)
        cls.class_b = cls.make_class(cls.reg_b, "A", 100.0)
        cls.manager_a = new_user(cls.env, "dar_mgr_a", ["coop_share_register.group_dar_manager"],
                                 coop_register_ids=[(6, 0, cls.reg_a.ids)])
        cls.manager_b = new_user(cls.env, "dar_mgr_b", ["coop_share_register.group_dar_manager"],
                                 coop_register_ids=[(6, 0, cls.reg_b.ids)])
        cls.viewer_a = new_user(cls.env, "dar_view_a", ["coop_share_register.group_dar_viewer"],
                                coop_register_ids=[(6, 0, cls.reg_a.ids)])
        cls.helpdesk = new_user(cls.env, "dar_helpdesk", ["coop_share_register.group_dar_helpdesk"],
                                coop_register_ids=[(6, 0, cls.reg_b.ids)])
        cls.admin_dar = new_user(cls.env, "dar_admin", ["coop_share_register.group_dar_admin"])
        cls.ann = cls.make_holder(cls.reg_a, "Peeters", firstname="Ann")
        cls.bart = cls.make_holder(cls.reg_a, "Janssens", firstname="Bart")
        cls.cleo = cls.make_holder(cls.reg_b, "Maes", firstname="Cleo")

    @classmethod
    def make_register(cls, name, first8, **values):
        partner = cls.env["res.partner"].create({"name": name, "is_company": True})
        vals = {"name": name, "partner_id": partner.id, "company_number": company_number(first8),
                "service_start": "2020-01-01", "min_shares": 1, "max_shares": 0}
        vals.update(values)
        return cls.env["coop.share.register"].create(vals)

    @classmethod
    def make_class(cls, register, code, nominal):
        return cls.env["coop.share.class"].create({
            "register_id": register.id, "code": code, "name": "Class %s" % code,
            "nominal_value": nominal})

    @classmethod
    def make_holder(cls, register, name, **values):
        vals = {"register_id": register.id, "name": name, "street": "Kerkstraat 1",
                "zip": "9000", "city": "Gent"}
        vals.update(values)
        return cls.env["coop.shareholder"].create(vals)

    @classmethod
    def make_entry(cls, etype, share_class, quantity, holder_to=None, holder_from=None,
                   date=DATE, confirm=True, user=None, **values):
        vals = {"register_id": share_class.register_id.id, "entry_type": etype,
                "class_id": share_class.id, "quantity": quantity, "date": date,
                "holder_to_id": holder_to and holder_to.id,
                "holder_from_id": holder_from and holder_from.id}
        vals.update(values)
        Entry = as_user(cls.env["coop.share.entry"], user) if user else cls.env["coop.share.entry"]
        entry = Entry.create(vals)
        if confirm:
            entry.action_confirm()
        return entry

    def held(self, holder, share_class, date=None):
        positions = self.Position.compute_positions(holder.register_id, date,
                                                    holder_ids=holder.ids)
        return sum(p["shares"] for p in positions if p["class_id"] == share_class.id)

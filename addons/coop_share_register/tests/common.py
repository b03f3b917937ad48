# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Factories for the DAR tests: two client cooperatives with their own staff."""
from odoo.addons.coop_website.tests.common import (  # noqa: F401 (re-exported factories)
    CoopSavepointCase, as_user, company_number, invalid_company_number, invalid_iban,
    invalid_national_number, national_number, new_user)

DATE = "2024-03-01"


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

    @classmethod
    def make_bound_records(cls, share_class, holder, other):
        """{model: one record in share_class's register} for every model bound to a
        register (coop.share.register.bound), about holder (other gets an opt-out and
        a draft entry)."""
        env = cls.env
        register = share_class.register_id
        register.write({"dividend_enabled": True})
        sub = cls.make_entry("subscription", share_class, 2, holder_to=holder)
        draft = cls.make_entry("subscription", share_class, 1, holder_to=other, confirm=False)
        assembly = env["coop.share.assembly"].create({
            "name": "AV 2024", "register_id": register.id, "date": "2024-06-15 12:00:00",
            "record_date": "2024-04-30"})
        resolution = env["coop.share.assembly.resolution"].create({
            "assembly_id": assembly.id, "name": "Jaarrekening"})
        line = env["coop.share.assembly.holder"].create({
            "assembly_id": assembly.id, "register_id": register.id, "holder_id": holder.id})
        mailing = env["coop.share.mailing"].create({"name": "Nieuws", "register_id": register.id})
        dividend = env["coop.share.dividend.run"].create({
            "register_id": register.id, "year": 2023, "rate": 2.0, "payment_date": "2024-06-30"})
        billing = env["coop.share.billing.run"].search([("year", "=", 2024)], limit=1) or \
            env["coop.share.billing.run"].create({"year": 2024})
        partner = env["res.partner"].create({"name": "Klant %s" % register.name})
        return {
            "coop.share.class": share_class,
            "coop.shareholder": holder,
            "coop.share.entry": draft,
            "coop.share.payment": env["coop.share.payment"].create({
                "entry_id": sub.id, "date": DATE, "amount": 100.0}),
            "coop.share.assembly": assembly,
            "coop.share.assembly.resolution": resolution,
            "coop.share.assembly.holder": line,
            "coop.share.assembly.vote": env["coop.share.assembly.vote"].create({
                "resolution_id": resolution.id, "holder_line_id": line.id,
                "cast_by_line_id": line.id, "choice": "for", "weight": 1.0}),
            "coop.share.class.voting.right": env["coop.share.class.voting.right"].create({
                "class_id": share_class.id, "date_from": "2020-01-01", "votes_per_share": 1}),
            "coop.share.mailing": mailing,
            "coop.share.mailing.recipient": env["coop.share.mailing.recipient"].create({
                "mailing_id": mailing.id, "register_id": register.id, "holder_id": holder.id}),
            "coop.share.mailing.optout": env["coop.share.mailing.optout"].create({
                "holder_id": other.id}),
            "coop.share.dividend.run": dividend,
            "coop.share.dividend.line": env["coop.share.dividend.line"].create({
                "run_id": dividend.id, "register_id": register.id, "holder_id": holder.id}),
            "coop.share.billing.line": env["coop.share.billing.line"].create({
                "run_id": billing.id, "year": 2024, "register_id": register.id,
                "service_mode": "direct"}),
            "coop.share.register.job": env["coop.share.register.job"].create({
                "register_id": register.id, "kind": "extract"}),
            "coop.share.ticket": env["coop.share.ticket"].create({
                "name": "Vraag", "register_id": register.id}),
            "coop.shareholder.change.request": env["coop.shareholder.change.request"].create({
                "holder_id": holder.id, "city": "Brugge"}),
            "coop.shareholder.privacy.log": env["coop.shareholder.privacy.log"].create({
                "register_id": register.id, "holder_id": holder.id, "action": "export",
                "user_id": env.uid}),
            "coop.shareholder.invitation": env["coop.shareholder.invitation"]._new_for(holder)[0],
            "account.invoice": env["account.invoice"].create({
                "partner_id": partner.id, "coop_dar_register_id": register.id,
                "account_id": partner.property_account_receivable_id.id}),
        }

    def held(self, holder, share_class, date=None):
        positions = self.Position.compute_positions(holder.register_id, date,
                                                    holder_ids=holder.ids)
        return sum(p["shares"] for p in positions if p["class_id"] == share_class.id)

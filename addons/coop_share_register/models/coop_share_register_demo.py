# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo data of the DAR: the 28 client cooperatives of 2021 (19 Coopkracht members served
directly, 9 via Hefboom), three of them with a register of some dozens of shareholders and
a register manager each (login = password = dar_<name>)."""
import random

from odoo import api, models

from odoo.addons.coop_website.tools.validators import complete_company_number

DIRECT = ["Ecopower", "BeauVent", "Partago", "EnerGent", "Campina Energie", "Volterra",
          "Klimaan", "De Wassende Maan", "Coöperatie Hoogstraten", "Het Hinkelspel",
          "Lekker van Hier", "Magelaan", "Neibo", "Tweeperenboom", "Vlaskracht",
          "Trividend", "Aardevol", "De Landgenoten", "BronsGroen"]
VIA_PARTNER = ["ZuidtrAnt", "De Noordboom", "Woonder", "Tintelijn", "Omgeving",
               "Local Food Works", "De Flietermolen", "Thuisverpleging Meerdael", "Q-bus"]
BIG = {"Ecopower": ("dar_ecopower", 250.0, 40), "BeauVent": ("dar_beauvent", 250.0, 30),
       "Partago": ("dar_partago", 50.0, 30)}
FIRST = ["An", "Bart", "Els", "Jan", "Katrien", "Luc", "Marie", "Pieter", "Sofie", "Tom",
         "Lies", "Wim", "Griet", "Koen", "Nathalie", "Dirk", "Hilde", "Stijn", "Eva", "Joris"]
LAST = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
        "Wouters", "De Smet", "Dubois", "Lambert", "Vermeulen", "Hermans", "Pauwels",
        "Van den Broeck", "De Clercq", "Verstraete", "Leclercq", "Martens"]
CITIES = [("9000", "Gent"), ("2000", "Antwerpen"), ("3000", "Leuven"), ("8000", "Brugge"),
          ("3500", "Hasselt"), ("2800", "Mechelen"), ("9300", "Aalst"), ("1000", "Brussel")]

# the rights of the demo's share class, as its articles would word them: the source text
# and the Dutch of the Dutch-speaking clients (translatable fields, printed in the
# reader's language on the register extract)
CLASS_TEXTS = {
    "en_US": {
        "name": "Shares of class A",
        "voting_rights": "1 vote per shareholder",
        "profit_rights": "Dividend of at most 6% on the paid-up capital",
        "transfer_restrictions": "Shares can only be transferred to other shareholders, "
                                 "with the board's approval.",
    },
    "nl_BE": {
        "name": "Aandelen van klasse A",
        "voting_rights": "1 stem per aandeelhouder",
        "profit_rights": "Dividend van ten hoogste 6% op het gestorte kapitaal",
        "transfer_restrictions": "Aandelen kunnen alleen aan andere aandeelhouders worden "
                                 "overgedragen, met de goedkeuring van de raad van bestuur.",
    },
}


def _company_number(seed):
    return complete_company_number("0%07d" % (4100000 + seed * 7919 % 900000))


class CoopShareRegisterDemo(models.Model):
    _inherit = "coop.share.register"

    @api.model
    def _demo_populate(self):
        """Create the demo registers once (idempotent: skipped when they exist)."""
        if self.env.ref("coop_share_register.register_ecopower_demo",
                        raise_if_not_found=False):
            return
        rng = random.Random(2021)
        env = self.with_context(tracking_disable=True, mail_create_nosubscribe=True).env
        Partner, Data = env["res.partner"], env["ir.model.data"]
        hefboom = Partner.search([("name", "=", "Hefboom cv")], limit=1) or Partner.create(
            {"name": "Hefboom cv", "is_company": True, "city": "Brussel"})
        served = env["coop.share.register"]
        for seed, name in enumerate(DIRECT + VIA_PARTNER):
            direct = name in DIRECT
            partner = Partner.search([("name", "=", "%s cv" % name)], limit=1) or \
                Partner.create({"name": "%s cv" % name, "is_company": True})
            register = env["coop.share.register"].create({
                "name": name, "partner_id": partner.id,
                "company_number": _company_number(seed + 1),
                "service_mode": "direct" if direct else "partner",
                "partner_org_id": False if direct else hefboom.id,
                "service_start": "20%02d-01-01" % rng.randint(15, 21),
                "min_shares": 1, "max_shares": 0 if name != "Ecopower" else 40,
                "admission_rules": "Natural and legal persons who subscribe to the "
                                   "cooperative's purpose and are accepted by the board.",
            })
            xmlid = "register_%s_demo" % name.lower().replace(" ", "_").replace("ö", "o")
            Data.create({"module": "coop_share_register", "name": xmlid,
                         "model": register._name, "res_id": register.id, "noupdate": True})
            share_class = env["coop.share.class"].create(dict(
                CLASS_TEXTS["en_US"], register_id=register.id, code="A",
                nominal_value=BIG.get(name, (None, 100.0))[1]))
            self.with_env(env)._demo_translate_class(share_class)
            count = BIG.get(name, (None, None, 4))[2]
            self.with_env(env)._demo_register(register, share_class, count, rng)
            if name in BIG:
                login = BIG[name][0]
                env["res.users"].with_context(no_reset_password=True).create({
                    "name": "Registerbeheerder %s" % name, "login": login,
                    "password": login, "email": "%s@example.org" % login, "lang": "nl_BE",
                    "tz": "Europe/Brussels",
                    "groups_id": [(6, 0, [env.ref(
                        "coop_share_register.group_dar_manager").id])],
                    "coop_register_ids": [(6, 0, register.ids)]})
            if not direct:
                served |= register
        env["res.users"].with_context(no_reset_password=True).create({
            "name": "Helpdesk Hefboom", "login": "dar_hefboom", "password": "dar_hefboom",
            "email": "dar_hefboom@example.org", "lang": "nl_BE", "tz": "Europe/Brussels",
            "groups_id": [(6, 0, [env.ref("coop_share_register.group_dar_helpdesk").id])],
            "coop_register_ids": [(6, 0, served.ids)]})

    @api.model
    def _demo_translate_class(self, share_class):
        """The Dutch texts of the demo's share class, in every active Dutch language."""
        langs = self.env["res.lang"].search([("code", "=like", "nl\\_%")]).mapped("code")
        for lang in langs:
            share_class.with_context(lang=lang).write(CLASS_TEXTS["nl_BE"])

    @api.model
    def _demo_open_subscription(self):
        """Ecopower takes new shareholders online: its form /aandelen/ecopower/intekenen,
        linked from the /dar page."""
        self.env.ref("coop_share_register.register_ecopower_demo").write({
            "slug": "ecopower", "subscription_open": True,
            "bank_iban": "BE68 5390 0754 7034", "bank_bic": "GKCCBEBB"})

    @api.model
    def _demo_register(self, register, share_class, count, rng):
        holders = self.env["coop.shareholder"]
        for i in range(count):
            zip_code, city = rng.choice(CITIES)
            holders |= holders.create({
                "register_id": register.id, "name": rng.choice(LAST),
                "firstname": rng.choice(FIRST),
                "street": "Kerkstraat %d" % rng.randint(1, 200), "zip": zip_code,
                "city": city, "lang": "fr_BE" if city == "Brussel" else "nl_BE",
                "email": "aandeelhouder%d.%d@example.org" % (register.id, i)})
        Entry = self.env["coop.share.entry"]
        for i, holder in enumerate(holders):
            entry = Entry.create({
                "register_id": register.id, "entry_type": "subscription",
                "class_id": share_class.id, "quantity": rng.randint(1, 10),
                "holder_to_id": holder.id, "date": "20%02d-%02d-15" % (
                    rng.randint(15, 20), rng.randint(1, 12)),
                "board_decision_ref": "RvB %d" % (i // 10 + 1)})
            entry.action_confirm()
            self.env["coop.share.payment"].create({
                "entry_id": entry.id, "date": entry.date,
                "amount": entry.nominal_amount if i % 5 else entry.nominal_amount / 2})
        if len(holders) >= 10:
            Entry.create({
                "register_id": register.id, "entry_type": "transfer",
                "class_id": share_class.id, "quantity": 1, "holder_from_id": holders[0].id,
                "holder_to_id": holders[1].id, "date": "2021-03-01",
                "board_decision_ref": "RvB 2021/02"}).action_confirm()
            Entry.create({
                "register_id": register.id, "entry_type": "redemption",
                "class_id": share_class.id,
                "quantity": holders[2].positions()[0]["shares"],
                "holder_from_id": holders[2].id, "date": "2021-06-30",
                "amount_paid_out": holders[2].positions()[0]["nominal"],
                "board_decision_ref": "RvB 2021/06"}).action_confirm()
            Entry.create({
                "register_id": register.id, "entry_type": "subscription",
                "class_id": share_class.id, "quantity": 2, "holder_to_id": holders[3].id,
                "date": "2021-09-01", "note": "Awaiting the board's decision."})

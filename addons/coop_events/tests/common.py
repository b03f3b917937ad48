# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Factories of the coop_events tests: organisations, contacts, events, registrations."""
from odoo.addons.coop_website.tests.common import CoopSavepointCase, make_org


class EventFactoryMixin:
    """Builds the data of a test with fixed dates."""

    @classmethod
    def make_org(cls, name, member=False, join_date="2019-01-01"):
        return make_org(cls.env, name, member=member, join_date=join_date)

    @classmethod
    def make_contact(cls, org, name, email):
        return cls.env["res.partner"].create({
            "name": name, "email": email, "parent_id": org.id, "type": "contact"})

    @classmethod
    def make_event(cls, name, kind="webinar", begin="2030-03-31 14:00:00",
                   end="2030-03-31 15:00:00", price=0.0, **values):
        vals = {
            "name": name, "coop_kind": kind, "date_begin": begin, "date_end": end,
            "coop_nonmember_price": price, "auto_confirm": True,
            "seats_availability": "unlimited", "date_tz": "Europe/Brussels",
        }
        vals.update(values)
        event = cls.env["event.event"].create(vals)
        if price:
            event.action_coop_setup_tickets()
        return event

    @classmethod
    def register(cls, event, name, email, partner=None, **values):
        vals = {"event_id": event.id, "name": name, "email": email,
                "partner_id": partner.id if partner else False}
        vals.update(values)
        return cls.env["event.registration"].create(vals)


class CoopEventCase(EventFactoryMixin, CoopSavepointCase):
    """Two member organisations, one non-member, with a contact each."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # messages are asserted in their English source; test_dutch_messages checks nl_BE
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.org_member = cls.make_org("Zonnecoop cv", member=True, join_date="2020-01-01")
        cls.org_member2 = cls.make_org("Brouwcoop cv", member=True, join_date="2018-05-01")
        cls.org_other = cls.make_org("Nieuwe Start cv")
        cls.anna = cls.make_contact(cls.org_member, "Anna Peeters", "anna@zonnecoop.example")
        cls.bert = cls.make_contact(cls.org_member2, "Bert Janssens", "bert@brouwcoop.example")
        cls.carl = cls.make_contact(cls.org_other, "Carl De Smet", "carl@nieuwestart.example")

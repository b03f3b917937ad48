# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.coop_website.tests.common import as_user

from .common import CoopEventCase


class TestPricing(CoopEventCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.webinar = cls.make_event("Crowdfundingplatformen", price=25.0)
        cls.member_ticket = cls.webinar._coop_member_ticket()
        cls.other_ticket = cls.webinar._coop_nonmember_ticket()

    def test_two_tickets(self):
        """A paid event gets a free member ticket and a ticket at the non-member price."""
        self.assertEqual(self.member_ticket.price, 0.0)
        self.assertEqual(self.other_ticket.price, 25.0)
        self.assertEqual(self.member_ticket.coop_audience, "member")
        self.assertEqual(self.other_ticket.coop_audience, "non_member")

    def test_member_contact_gets_free_ticket(self):
        """The contact of a member organisation gets the free ticket, found by contact."""
        reg = self.register(self.webinar, "Anna", "anna@zonnecoop.example", partner=self.anna)
        self.assertEqual(reg.event_ticket_id, self.member_ticket)
        self.assertTrue(reg.coop_is_member)
        self.assertEqual(reg.coop_org_id, self.org_member)

    def test_typed_member_address_gets_no_member_price(self):
        """Security: typing the address of a member's contact (exactly, in capitals, or
        with the wildcards '%' and '_') gives neither the organisation nor the member
        price: only the contact (the logged-in user on the website) does."""
        for email in ("anna@zonnecoop.example", "ANNA@zonnecoop.example",
                      "%@zonnecoop.example", "ann_@zonnecoop.example"):
            reg = self.register(self.webinar, "Not Anna", email)
            self.assertEqual(reg.event_ticket_id, self.other_ticket, email)
            self.assertFalse(reg.coop_org_id, email)
            self.assertFalse(reg.coop_is_member, email)
            reg.button_reg_cancel()

    def test_non_member_gets_paid_ticket(self):
        """A contact of a non-member organisation and an unknown e-mail pay."""
        reg = self.register(self.webinar, "Carl", "carl@nieuwestart.example")
        self.assertEqual(reg.event_ticket_id, self.other_ticket)
        reg2 = self.register(self.webinar, "Dirk", "dirk@unknown.example")
        self.assertEqual(reg2.event_ticket_id, self.other_ticket)
        self.assertFalse(reg2.coop_org_id)

    def test_membership_on_event_date(self):
        """Membership is taken on the event date: an organisation joining after the event,
        or having left before it, pays."""
        late = self.make_org("Laatkomer cv", member=True, join_date="2030-04-01")
        lore = self.make_contact(late, "Lore", "lore@laatkomer.example")
        self.assertEqual(self.register(self.webinar, "Lore", "lore@laatkomer.example",
                                       partner=lore).event_ticket_id, self.other_ticket)
        gone = self.make_org("Vertrokken cv", member=True, join_date="2015-01-01")
        gone.write({"coop_membership_state": "former", "coop_leave_date": "2030-01-01"})
        gert = self.make_contact(gone, "Gert", "gert@vertrokken.example")
        self.assertEqual(self.register(self.webinar, "Gert", "gert@vertrokken.example",
                                       partner=gert).event_ticket_id, self.other_ticket)
        early = self.make_event("Vroeger webinar", begin="2017-06-01 14:00:00",
                                end="2017-06-01 15:00:00", price=25.0)
        reg = self.register(early, "Anna", "anna@zonnecoop.example", partner=self.anna)
        self.assertEqual(reg.event_ticket_id, early._coop_nonmember_ticket(),
                         "Zonnecoop joined in 2020: not a member in 2017")

    def test_free_ticket_refused_to_non_member(self):
        """A non-member claiming the free member ticket is refused with a clear message."""
        with self.assertRaisesRegex(ValidationError, "member organisations only"), \
                self.env.cr.savepoint():
            self.register(self.webinar, "Carl", "carl@nieuwestart.example",
                          event_ticket_id=self.member_ticket.id)

    def test_dutch_messages(self):
        """The refusal reaches a Dutch-speaking user in Dutch."""
        with self.assertRaisesRegex(ValidationError, "enkel voor contactpersonen van "
                                                     "ledenorganisaties"), \
                self.env.cr.savepoint():
            self.env["event.registration"].with_context(lang="nl_BE").create({
                "event_id": self.webinar.id, "name": "Carl", "email": "carl@nieuwestart.example",
                "event_ticket_id": self.member_ticket.id})

    def test_switching_contact_to_non_member_refused(self):
        """Changing the contact of a free registration to a non-member's is refused."""
        reg = self.register(self.webinar, "Anna", "anna@zonnecoop.example", partner=self.anna)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            reg.write({"partner_id": self.carl.id})

    def test_member_ticket_with_partner(self):
        """A registration without e-mail but with a member contact gets the free ticket."""
        reg = self.register(self.webinar, "Bert", False, partner=self.bert)
        self.assertEqual(reg.event_ticket_id, self.member_ticket)

    def test_duplicate_email_refused(self):
        """The same e-mail cannot register twice for one event (case and spaces do not
        count, '_' is no wildcard), but may again after cancelling, and for another
        event."""
        first = self.register(self.webinar, "Anna", "anna@zonnecoop.example")
        with self.assertRaisesRegex(ValidationError, "already registered"), \
                self.env.cr.savepoint():
            self.register(self.webinar, "Anna bis", " Anna@Zonnecoop.example")
        self.register(self.webinar, "Look-alike", "ann_@zonnecoop.example")
        first.button_reg_cancel()
        self.register(self.webinar, "Anna", "anna@zonnecoop.example")
        other = self.make_event("Ander webinar", price=10.0)
        self.register(other, "Anna", "anna@zonnecoop.example")

    def test_free_event_untouched(self):
        """An event without member pricing keeps Odoo's own behaviour."""
        event = self.make_event("Algemene vergadering", kind="general_assembly")
        reg = self.register(event, "Carl", "carl@nieuwestart.example")
        self.assertFalse(reg.event_ticket_id)

    def test_negative_price_refused(self):
        """A negative non-member price is refused."""
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.webinar.coop_nonmember_price = -5

    def test_board_reads_but_cannot_register(self):
        """Board members read events and registrations but cannot create registrations."""
        self.assertTrue(as_user(self.webinar, self.user_board).name)
        with self.assertRaises(AccessError):
            as_user(self.env["event.registration"], self.user_board).create({
                "event_id": self.webinar.id, "name": "X", "email": "x@example.org"})

    def test_portal_cannot_read_tickets_of_others(self):
        """A portal user cannot read registrations."""
        reg = self.register(self.webinar, "Anna", "anna@zonnecoop.example")
        with self.assertRaises(AccessError):
            as_user(reg, self.user_portal).read(["email"])

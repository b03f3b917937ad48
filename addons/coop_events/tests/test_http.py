# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.addons.coop_website.tests.common import CSRF_RE, CoopHttpCase, new_user, portal_tile_counts

from .common import EventFactoryMixin


class TestEventHttp(EventFactoryMixin, CoopHttpCase):
    """Website registration, recording page, evaluation form and portal through HTTP."""

    share_class_env = True

    def setUp(self):
        super().setUp()
        self.org_member = self.make_org("Zonnecoop cv", member=True, join_date="2020-01-01")
        self.org_other = self.make_org("Nieuwe Start cv")
        self.anna = self.make_contact(self.org_member, "Anna Peeters", "anna@zonnecoop.example")
        self.carl = self.make_contact(self.org_other, "Carl De Smet", "carl@nieuwestart.example")
        self.webinar = self.make_event("Je aandeelhouders digitaal beheren", price=30.0,
                                       website_published=True)
        self.webinar.button_confirm()
        self.member_ticket = self.webinar._coop_member_ticket()
        self.other_ticket = self.webinar._coop_nonmember_ticket()

    def _csrf(self, url):
        page = self.url_open(url).text
        return CSRF_RE.search(page).group(1)

    def _confirm(self, name, email, ticket):
        token = self._csrf("/event/%d/register" % self.webinar.id)
        return self.url_open("/event/%d/registration/confirm" % self.webinar.id, data={
            "csrf_token": token, "1-name": name, "1-email": email,
            "1-ticket_id": str(ticket.id)})

    def test_visitor_cannot_pick_the_free_ticket(self):
        """A non-member who picks the free member ticket on the website gets the paid one
        (goes to checkout); a member who picks the paid ticket gets the free one."""
        response = self._confirm("Carl", "carl@nieuwestart.example", self.member_ticket)
        self.assertEqual(response.status_code, 200)
        carl = self.env["event.registration"].search([("email", "=", "carl@nieuwestart.example")])
        self.assertEqual(carl.event_ticket_id, self.other_ticket)
        self.assertEqual(carl.sale_order_line_id.price_unit, 30.0)
        self.assertIn("/shop/", response.url)

    def test_member_registration_free_and_confirmed(self):
        """A member's contact, logged in, who picks the paid ticket is registered for free,
        confirmed."""
        new_user(self.env, "anna_portal", ["base.group_portal"], partner_id=self.anna.id,
                 password="anna_portal")
        self.authenticate("anna_portal", "anna_portal")
        response = self._confirm("Anna", "anna@zonnecoop.example", self.other_ticket)
        anna = self.env["event.registration"].search([("email", "=", "anna@zonnecoop.example")])
        self.assertEqual(anna.event_ticket_id, self.member_ticket)
        self.assertEqual(anna.state, "open")
        self.assertIn("coop-attendee", response.text)

    def test_typed_member_address_pays_on_website(self):
        """Security (member prices by typed e-mail): a visitor who types the address of a
        member's contact, also with the wildcard '%', gets the paid ticket."""
        for email in ("anna@zonnecoop.example", "%@zonnecoop.example"):
            self._confirm("Not Anna", email, self.member_ticket)
            registration = self.env["event.registration"].search([("email", "=", email)])
            self.assertEqual(registration.event_ticket_id, self.other_ticket, email)
            self.assertFalse(registration.coop_org_id, email)

    def test_registrations_not_shown_by_address(self):
        """Security (events matched by typed e-mail): an account whose address is that of
        a registrant sees neither the registration nor its recording; the registrant's own
        mailed link adds a registration made without login to their account, once."""
        self.webinar.coop_recording_url = "https://video.example.org/rec"
        soiree = self.make_event("Soirée Gent", kind="soiree", begin="2030-10-14 17:00:00",
                                 end="2030-10-14 21:00:00")
        anna_reg = self.register(soiree, "Anna", "anna@zonnecoop.example", partner=self.anna)
        guest_reg = self.register(self.webinar, "Anna", "anna@zonnecoop.example")
        intruder = self.env["res.partner"].create({"name": "Intruder",
                                                   "email": "anna@zonnecoop.example"})
        new_user(self.env, "intruder", ["base.group_portal"], partner_id=intruder.id,
                 password="intruder")
        self.authenticate("intruder", "intruder")
        self.assertNotIn("Soirée Gent", self.url_open("/my/events").text)
        self.assertEqual(self.url_open("/my/events/%d" % anna_reg.id).status_code, 404)
        self.assertEqual(self.url_open("/my/events/%d" % guest_reg.id).status_code, 404)
        self.assertEqual(
            self.url_open("/event/%d/recording" % self.webinar.id).status_code, 403)
        self.assertEqual(self.url_open("/my/events/claim?token=%s" % ("0" * 32)).status_code,
                         404)
        # Anna, logged in, opens the link mailed for her guest registration
        claim_url = guest_reg.coop_claim_url()
        new_user(self.env, "anna_portal", ["base.group_portal"], partner_id=self.anna.id,
                 password="anna_portal")
        self.authenticate("anna_portal", "anna_portal")
        page = self.url_open(claim_url[claim_url.index("/my/"):])
        self.assertIn("/my/events/%d" % guest_reg.id, page.url)
        guest_reg.invalidate_cache()
        self.assertEqual(guest_reg.partner_id, self.anna)
        # the same link no longer gives it to anybody else
        self.authenticate("intruder", "intruder")
        self.assertEqual(self.url_open(claim_url[claim_url.index("/my/"):]).status_code, 404)
        guest_reg.invalidate_cache()
        self.assertEqual(guest_reg.partner_id, self.anna)

    def test_duplicate_refused_on_website(self):
        """Registering the same e-mail twice on the website is refused with a message."""
        self._confirm("Anna", "anna@zonnecoop.example", self.member_ticket)
        response = self._confirm("Anna", "Anna@Zonnecoop.example", self.member_ticket)
        self.assertIn("coop-refused", response.text)
        self.assertEqual(self.env["event.registration"].search_count(
            [("event_id", "=", self.webinar.id)]), 1)

    def test_recording_page_access(self):
        """The recording is for registrants; members too when the event allows it."""
        self.webinar.coop_recording_url = "https://video.example.org/rec"
        new_user(self.env, "carl_portal", ["base.group_portal"], partner_id=self.carl.id,
                 password="carl_portal")
        anna_user = new_user(self.env, "anna_portal", ["base.group_portal"],
                             partner_id=self.anna.id, password="anna_portal")
        url = "/event/%d/recording" % self.webinar.id
        self.assertIn("/web/login", self.url_open(url).url)
        self.authenticate("carl_portal", "carl_portal")
        self.assertEqual(self.url_open(url).status_code, 403)
        self.register(self.webinar, "Carl", "carl@nieuwestart.example", partner=self.carl)
        self.assertIn("video.example.org/rec", self.url_open(url).text)
        self.authenticate("anna_portal", "anna_portal")
        self.assertEqual(self.url_open(url).status_code, 403)
        self.webinar.coop_recording_for_members = True
        self.assertIn("video.example.org/rec", self.url_open(url).text)
        self.assertTrue(anna_user)

    def test_recording_by_personal_link(self):
        """A registrant without login watches the recording through the personal link of
        the mail; a wrong token, or the token of another event, is refused."""
        self.webinar.coop_recording_url = "https://video.example.org/rec"
        reg = self.register(self.webinar, "Dirk", "dirk@nieuwkomer.example")
        self.webinar.action_coop_send_recording()
        other = self.make_event("Ander webinar", website_published=True,
                                coop_recording_url="https://video.example.org/other")
        self.share_with_server()
        url = "/event/%d/recording?token=%s" % (self.webinar.id, reg.coop_access_token)
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("video.example.org/rec", page.text)
        wrong = self.url_open("/event/%d/recording?token=%s" % (self.webinar.id, "0" * 32))
        self.assertEqual(wrong.status_code, 403)
        self.assertNotIn("video.example.org/rec", wrong.text)
        elsewhere = self.url_open(
            "/event/%d/recording?token=%s" % (other.id, reg.coop_access_token))
        self.assertEqual(elsewhere.status_code, 403)
        self.assertNotIn("video.example.org/other", elsewhere.text)

    def test_evaluation_form_by_token(self):
        """The token link works without login, once; a wrong event id is refused; an
        out-of-range score is refused."""
        soiree = self.make_event("Soirée", kind="soiree", begin="2021-10-14 17:00:00",
                                 end="2021-10-14 21:00:00")
        reg = self.register(soiree, "Anna", "anna@zonnecoop.example")
        reg.action_coop_mark_attended()
        soiree.action_coop_send_evaluations()
        evaluation = soiree.coop_evaluation_ids
        self.share_with_server()
        url = "/evaluatie/%s" % evaluation.token
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn('class="coop-evaluation"', page.text)
        token = CSRF_RE.search(page.text).group(1)
        bad = self.url_open(url, data={"csrf_token": token, "event_id": str(soiree.id),
                                       "score": "11"})
        self.assertIn("alert-danger", bad.text)
        other = self.url_open(url, data={"csrf_token": token, "event_id": str(self.webinar.id),
                                         "score": "8"})
        self.assertEqual(other.status_code, 403)
        ok = self.url_open(url, data={"csrf_token": token, "event_id": str(soiree.id),
                                      "score": "9", "network": "strong",
                                      "best_ids": str(self.env.ref("coop_events.aspect_atmosphere").id),
                                      "comment": "Top!"})
        self.assertIn("alert-success", ok.text)
        evaluation.invalidate_cache()
        self.assertEqual((evaluation.score, evaluation.state, evaluation.network),
                         (9, "done", "strong"))
        again = self.url_open(url, data={"csrf_token": token, "event_id": str(soiree.id),
                                         "score": "2"})
        self.assertEqual(again.status_code, 403)
        self.assertEqual(self.url_open("/evaluatie/unknown").status_code, 404)

    def test_portal_schedule(self):
        """A participant sees their own conversations in the portal, not someone else's."""
        soiree = self.make_event("Soirée Gent", kind="soiree", begin="2030-10-14 17:00:00",
                                 end="2030-10-14 21:00:00", coop_pairing_rounds=1)
        anna_reg = self.register(soiree, "Anna", "anna@zonnecoop.example", partner=self.anna)
        carl_reg = self.register(soiree, "Carl", "carl@nieuwestart.example", partner=self.carl)
        soiree.action_coop_make_pairing(seed=1)
        new_user(self.env, "anna_portal", ["base.group_portal"], partner_id=self.anna.id,
                 password="anna_portal")
        self.authenticate("anna_portal", "anna_portal")
        home = self.url_open("/my/home").text
        self.assertEqual(portal_tile_counts(home).get("/my/events"), "1")
        listing = self.url_open("/my/events").text
        self.assertIn("Soirée Gent", listing)
        mine = self.url_open("/my/events/%d" % anna_reg.id)
        self.assertIn("coop-my-schedule", mine.text)
        self.assertIn("Carl", mine.text)
        self.assertEqual(self.url_open("/my/events/%d" % carl_reg.id).status_code, 404)

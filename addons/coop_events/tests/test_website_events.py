# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The public events calendar (issue 25.1 and 25.6): past events take no registrations
and show their recording or evaluation; the filters fold on a phone."""
from lxml import html as lxml_html

from odoo.tools import config

from odoo.addons.coop_website.tests.common import CSRF_RE, CoopHttpCase
from odoo.addons.coop_website.tests.filters import filters_panel

from .common import EventFactoryMixin


class TestPastEvents(EventFactoryMixin, CoopHttpCase):

    share_class_env = True

    def setUp(self):
        super().setUp()
        self.org_member = self.make_org("Zonnecoop cv", member=True, join_date="2020-01-01")
        self.anna = self.make_contact(self.org_member, "Anna Peeters", "anna@zonnecoop.example")
        self.past_webinar = self.make_event(
            "Voorbij webinar over kapitaal", begin="2022-03-31 12:00:00",
            end="2022-03-31 13:00:00", price=25.0, website_published=True,
            coop_recording_url="https://video.example.org/kapitaal")
        self.past_webinar.button_confirm()  # never closed: its date alone makes it past
        self.past_soiree = self.make_event(
            "Voorbije Soirée Hasselt", kind="soiree", begin="2022-10-14 17:00:00",
            end="2022-10-14 21:00:00", website_published=True)
        self.past_soiree.button_confirm()
        for number in range(2):
            registration = self.register(self.past_soiree, "Deelnemer %d" % number,
                                         "deelnemer%d@example.org" % number)
            registration.action_coop_mark_attended()
        self.past_soiree.action_coop_send_evaluations()
        for evaluation, score in zip(self.past_soiree.coop_evaluation_ids, (9, 6)):
            evaluation.sudo().write({"state": "done", "score": score})
        self.coming = self.make_event(
            "Komend webinar over bestuur", begin="2099-03-31 12:00:00",
            end="2099-03-31 13:00:00", price=25.0, website_published=True,
            description="<p>Een uur over goed bestuur.</p>")
        self.coming.button_confirm()

    def page(self, event):
        response = self.url_open("/event/%d/register" % event.id)
        self.assertEqual(response.status_code, 200)
        return response.text

    def test_past_webinar_shows_recording_not_form(self):
        """A past webinar's page has no registration form or "Registreer nu" button, but
        says it is over and links its recording."""
        page = self.page(self.past_webinar)
        doc = lxml_html.fromstring(page)
        self.assertFalse(doc.xpath("//form[@id='registration_form']"))
        self.assertNotIn("Registreer nu", page)
        self.assertNotIn("Register Now", page)
        self.assertIn("Dit evenement is voorbij: inschrijven kan niet meer.", page)
        self.assertTrue(doc.xpath("//a[contains(@class, 'coop-recording-link')][@href=$url]",
                                  url="/event/%d/recording" % self.past_webinar.id))
        self.assertFalse(self.past_webinar._is_event_registrable())

    def test_past_soiree_shows_evaluation_summary(self):
        """A past Soirée's page shows the average score and the number of answers of its
        evaluations instead of a registration form."""
        doc = lxml_html.fromstring(self.page(self.past_soiree))
        self.assertFalse(doc.xpath("//form[@id='registration_form']"))
        summary = doc.xpath("//div[contains(@class, 'coop-event-evaluation-summary')]")
        self.assertTrue(summary)
        self.assertIn("Gemiddelde score", summary[0].text_content())
        self.assertEqual(summary[0].xpath("string(.//dd[contains(@class, 'coop-eval-average')])"),
                         "7,5/10")
        self.assertEqual(summary[0].xpath("string(.//dd[contains(@class, 'coop-eval-count')])"),
                         "2")
        self.assertFalse(doc.xpath("//a[contains(@class, 'coop-recording-link')]"))

    def test_registration_post_on_past_event_refused(self):
        """Posting the registration form of a past event is refused with a Dutch message
        and creates no registration (nor a sale order)."""
        token = CSRF_RE.search(self.page(self.past_webinar)).group(1)
        orders = self.env["sale.order"].search_count([])
        response = self.url_open(
            "/event/%d/registration/confirm" % self.past_webinar.id, data={
                "csrf_token": token, "1-name": "Anna", "1-email": "anna@zonnecoop.example",
                "1-ticket_id": str(self.past_webinar._coop_member_ticket().id)})
        self.assertEqual(response.status_code, 403)
        self.assertIn("is voorbij: inschrijven kan niet meer.", response.text)
        self.assertIn("coop-refused", response.text)
        self.assertEqual(self.env["event.registration"].search_count(
            [("event_id", "=", self.past_webinar.id)]), 0)
        self.assertEqual(self.env["sale.order"].search_count([]), orders)
        # the step before, which shows the attendee form, gives nothing either
        self.share_with_server()
        answer = self.opener.post(
            "http://127.0.0.1:%s/event/%d/registration/new" % (
                config["http_port"], self.past_webinar.id),
            json={"jsonrpc": "2.0", "method": "call", "params": {
                "nb_register-%d" % self.past_webinar._coop_member_ticket().id: "1"}})
        self.assertIs(answer.json()["result"], False)

    def test_upcoming_event_takes_registrations(self):
        """An upcoming event's page shows its description and the registration form, and
        its registration POST registers."""
        page = self.page(self.coming)
        doc = lxml_html.fromstring(page)
        self.assertTrue(doc.xpath("//form[@id='registration_form']"))
        self.assertNotIn("Dit evenement is voorbij", page)
        self.assertIn("Een uur over goed bestuur.", page)
        token = CSRF_RE.search(page).group(1)
        self.url_open("/event/%d/registration/confirm" % self.coming.id, data={
            "csrf_token": token, "1-name": "Anna", "1-email": "anna@zonnecoop.example",
            "1-ticket_id": str(self.coming._coop_member_ticket().id)})
        self.assertEqual(self.env["event.registration"].search_count(
            [("event_id", "=", self.coming.id)]), 1)


class TestEventFilters(CoopHttpCase):

    def test_event_filters_fold_on_phone(self):
        """The date filters of /event are inside the collapsible panel with its
        "Filters" button (folded on a phone, issue 25.6); the events are not."""
        response = self.url_open("/event")
        self.assertEqual(response.status_code, 200)
        _button, panel = filters_panel(self, response.text, "//div[@id='left_column']/ul")
        self.assertFalse(panel.xpath(".//ul[contains(@class, 'media-list')]"))

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError

from .common import CoopEventCase


class TestWebinar(CoopEventCase):

    def test_recording_url_must_be_http(self):
        """A recording or online link that is not http(s) is refused."""
        webinar = self.make_event("Webinar")
        for bad in ("ftp://example.org/x", "javascript:alert(1)", "www.example.org", "https://"):
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                webinar.coop_recording_url = bad
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            webinar.coop_online_url = "zoom.us/j/1"
        webinar.coop_recording_url = "https://video.example.org/webinar-1"
        webinar.coop_online_url = "http://zoom.example.org/j/1"

    def test_cron_sends_link_before_start(self):
        """The cron mails the online link to confirmed registrants of webinars starting
        within a day, once; later webinars and cancelled registrations get nothing."""
        now = datetime.utcnow().replace(microsecond=0)
        soon = self.make_event(
            "Binnenkort", begin=fields.Datetime.to_string(now + timedelta(hours=3)),
            end=fields.Datetime.to_string(now + timedelta(hours=4)),
            coop_online_url="https://meet.example.org/soon")
        later = self.make_event(
            "Later", begin=fields.Datetime.to_string(now + timedelta(days=3)),
            end=fields.Datetime.to_string(now + timedelta(days=3, hours=1)),
            coop_online_url="https://meet.example.org/later")
        soon.button_confirm()
        later.button_confirm()
        reg = self.register(soon, "Anna", "anna@zonnecoop.example")
        gone = self.register(soon, "Carl", "carl@nieuwestart.example")
        gone.button_reg_cancel()
        self.register(later, "Bert", "bert@brouwcoop.example")
        Mail = self.env["mail.mail"]
        before = Mail.search_count([("model", "=", "event.registration")])
        self.env["event.event"]._cron_send_online_links()
        mails = Mail.search([("model", "=", "event.registration")], order="id desc")
        self.assertEqual(len(mails) - before, 1)
        self.assertEqual(mails[0].res_id, reg.id)
        self.assertIn("https://meet.example.org/soon", mails[0].body_html)
        self.assertTrue(reg.coop_link_sent)
        self.assertTrue(soon.coop_online_link_sent)
        self.env["event.event"]._cron_send_online_links()
        self.assertEqual(Mail.search_count([("model", "=", "event.registration")]) - before, 1)

    def test_send_link_needs_url(self):
        """Sending the online link of a webinar without link is refused."""
        webinar = self.make_event("Zonder link")
        with self.assertRaises(UserError):
            webinar.action_coop_send_online_link()

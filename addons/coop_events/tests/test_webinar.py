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
        bert = self.register(later, "Bert", "bert@brouwcoop.example")
        # only the mails of this test's registrations: the cron also mails any other
        # webinar starting within a day (e.g. of the demo data)
        own = [("model", "=", "event.registration"), ("res_id", "in", (reg | gone | bert).ids)]
        Mail = self.env["mail.mail"]
        self.assertFalse(Mail.search(own))
        self.env["event.event"]._cron_send_online_links()
        mails = Mail.search(own)
        self.assertEqual(len(mails), 1)
        self.assertEqual(mails.res_id, reg.id)
        self.assertIn("https://meet.example.org/soon", mails.body_html)
        self.assertTrue(reg.coop_link_sent)
        self.assertTrue(soon.coop_online_link_sent)
        self.assertFalse(bert.coop_link_sent)
        self.env["event.event"]._cron_send_online_links()
        self.assertEqual(Mail.search_count(own), 1)

    def test_send_link_needs_url(self):
        """Sending the online link of a webinar without link is refused."""
        webinar = self.make_event("Zonder link")
        with self.assertRaises(UserError):
            webinar.action_coop_send_online_link()

    def test_late_registrant_gets_link_at_once(self):
        """Someone registering after the online link went out gets it at once (the cron
        would only run again after the start); before it went out, registering sends
        nothing; after the end of the webinar, nothing either."""
        now = datetime.utcnow().replace(microsecond=0)
        webinar = self.make_event(
            "Laatkomers", begin=fields.Datetime.to_string(now + timedelta(minutes=30)),
            end=fields.Datetime.to_string(now + timedelta(hours=2)),
            coop_online_url="https://meet.example.org/laat")
        Mail = self.env["mail.mail"]

        def link_mails(registration):
            return Mail.search([("model", "=", "event.registration"),
                                ("res_id", "=", registration.id)])

        early = self.register(webinar, "Anna", "anna@zonnecoop.example")
        self.assertFalse(link_mails(early), "no link before it is sent")
        webinar.action_coop_send_online_link()
        self.assertEqual(len(link_mails(early)), 1)
        late = self.register(webinar, "Bert", "bert@brouwcoop.example")
        self.assertEqual(late.state, "open")
        mails = link_mails(late)
        self.assertEqual(len(mails), 1)
        self.assertIn("https://meet.example.org/laat", mails.body_html)
        self.assertTrue(late.coop_link_sent)
        self.assertEqual(len(link_mails(early)), 1, "the early registrant gets no second mail")
        webinar.write({"date_begin": fields.Datetime.to_string(now - timedelta(hours=1)),
                       "date_end": fields.Datetime.to_string(now - timedelta(minutes=1))})
        after = self.register(webinar, "Carl", "carl@nieuwestart.example")
        self.assertFalse(link_mails(after), "no link after the end")

    def test_recording_link_mailed_after_the_webinar(self):
        """After the webinar the cron mails the recording link to the registrants (attended
        or not), each with their own token, once; cancelled registrations get nothing; a
        webinar without recording cannot send it."""
        now = datetime.utcnow().replace(microsecond=0)
        webinar = self.make_event(
            "Opname", begin=fields.Datetime.to_string(now - timedelta(hours=3)),
            end=fields.Datetime.to_string(now - timedelta(hours=2)))
        anna = self.register(webinar, "Anna", "anna@zonnecoop.example")
        bert = self.register(webinar, "Bert", "bert@brouwcoop.example")
        bert.action_coop_mark_attended()
        gone = self.register(webinar, "Carl", "carl@nieuwestart.example")
        gone.button_reg_cancel()
        with self.assertRaisesRegex(UserError, "no recording"):
            webinar.action_coop_send_recording()
        Mail = self.env["mail.mail"]
        self.env["event.event"]._cron_send_online_links()
        self.assertFalse(Mail.search([("model", "=", "event.registration"),
                                      ("res_id", "in", (anna | bert | gone).ids)]),
                         "no recording yet: nothing sent")
        webinar.coop_recording_url = "https://video.example.org/opname"
        self.env["event.event"]._cron_send_online_links()
        self.env["event.event"]._cron_send_online_links()
        for registration in anna | bert:
            mail = Mail.search([("model", "=", "event.registration"),
                                ("res_id", "=", registration.id)])
            self.assertEqual(len(mail), 1, "one mail, also after a second run")
            self.assertTrue(registration.coop_recording_sent)
            self.assertEqual(len(registration.coop_access_token), 32)
            self.assertIn("/event/%d/recording?token=%s" % (
                webinar.id, registration.coop_access_token), mail.body_html)
        self.assertNotEqual(anna.coop_access_token, bert.coop_access_token)
        self.assertFalse(Mail.search([("model", "=", "event.registration"),
                                      ("res_id", "=", gone.id)]))
        self.assertFalse(gone.coop_access_token)
        Registration = self.env["event.registration"]
        self.assertEqual(Registration._coop_by_access_token(webinar, anna.coop_access_token),
                         anna)
        other = self.make_event("Ander webinar")
        self.assertFalse(Registration._coop_by_access_token(other, anna.coop_access_token))
        self.assertFalse(Registration._coop_by_access_token(webinar, "x" * 32))
        anna.button_reg_cancel()
        self.assertFalse(Registration._coop_by_access_token(webinar, anna.coop_access_token),
                         "a cancelled registration's link no longer opens the recording")

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Factories of the coop_events tests: organisations, contacts, events, registrations."""
import socket
import time

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools import config

from odoo.addons.coop_website.tests.common import CoopSavepointCase


def ensure_http_server():
    """Make sure Odoo's test HTTP server listens. The repository's conftest starts it with
    server.start(stop=True), which shuts the server down again when its thread was quick
    enough to bind (a race): spawn it again then. Reported to the lead."""
    port = int(config["http_port"])

    def listening():
        with socket.socket() as sock:
            return sock.connect_ex(("127.0.0.1", port)) == 0

    if listening():
        return
    server = odoo.service.server.server
    if server is None:
        server = odoo.service.server.server = odoo.service.server.ThreadedServer(
            odoo.service.wsgi_server.application)
    server.httpd = None
    server.http_spawn()
    deadline = time.time() + 10
    while not listening() and time.time() < deadline:
        time.sleep(0.1)


class EventFactoryMixin:
    """Builds the data of a test with fixed dates."""

    @classmethod
    def make_org(cls, name, member=False, join_date="2019-01-01"):
        values = {"name": name, "is_company": True}
        if member:
            values.update(coop_membership_state="member", coop_join_date=join_date)
        return cls.env["res.partner"].create(values)

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


class SharedCursorMixin:
    """For HttpCase classes: write the test's data through the cursor the HTTP server uses.

    In Odoo 11, HttpCase.setUp opens self.cr *before* entering the registry's test mode,
    so records created through self.env are invisible to the server (and to the browser).
    Here self.cr/self.env are replaced by the test-mode cursor, rolled back when the test
    leaves test mode. Reported to the lead (CoopBrowserCase has the same gap)."""

    def setUp(self):
        super().setUp()
        ensure_http_server()
        own_cr, own_env = self.cr, self.env

        def restore():
            self.cr, self.env = own_cr, own_env

        self.addCleanup(restore)
        # the test cursor itself, without taking its lock (the server takes it per request)
        self.cr = self.registry.test_cr
        self.env = api.Environment(self.cr, SUPERUSER_ID, {})
        # the factories are class methods (shared with SavepointCase setUpClass)
        type(self).env = self.env
        self.addCleanup(delattr, type(self), "env")

    def keep_test_data(self):
        """Move the test cursor's savepoint past the data written so far, so that a request
        ending in a rollback (e.g. after sending a mail) keeps it; everything is still
        rolled back when the test leaves test mode (what TestCursor.commit does)."""
        self.cr.execute("RELEASE SAVEPOINT test_cursor")
        self.cr.execute("SAVEPOINT test_cursor")

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import config, mute_logger

from odoo.addons.coop_website.tests.common import CoopHttpCase

from .common import DarCase, as_user, company_number, new_user


class TestHelpdesk(DarCase):
    """Support requests between the register managers of two cooperatives and the partner
    organisation's helpdesk (which serves register B only)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Ticket = cls.env["coop.share.ticket"]
        # a second helpdesk user, serving register A only
        cls.helpdesk_a = new_user(cls.env, "dar_helpdesk_a",
                                  ["coop_share_register.group_dar_helpdesk"],
                                  coop_register_ids=[(6, 0, cls.reg_a.ids)])
        cls.ticket_a = as_user(cls.Ticket, cls.manager_a).create({
            "register_id": cls.reg_a.id, "name": "Import geeft een fout",
            "description": "Kolom datum wordt niet herkend."})
        cls.ticket_b = as_user(cls.Ticket, cls.manager_b).create({
            "register_id": cls.reg_b.id, "name": "Hoe registreer ik een overdracht?"})

    def test_manager_asks_helpdesk_answers(self):
        """A manager opens a request; the helpdesk of the register follows it, takes it,
        answers in the thread (the manager gets the answer), waits for the cooperative and
        solves it; the manager's reply and a reopening move the state as expected."""
        ticket = as_user(self.ticket_b, self.helpdesk)
        self.assertEqual(self.ticket_b.state, "new")
        self.assertTrue(self.ticket_b.number.startswith("HD/"))
        self.assertEqual(self.ticket_b.requester_id, self.manager_b)
        followers = self.ticket_b.message_partner_ids
        self.assertIn(self.helpdesk.partner_id, followers)
        self.assertIn(self.manager_b.partner_id, followers)
        self.assertNotIn(self.helpdesk_a.partner_id, followers)
        ticket.action_take()
        self.assertEqual((self.ticket_b.state, self.ticket_b.user_id),
                         ("in_progress", self.helpdesk))
        answer = ticket.message_post(body="Gebruik het type Overdracht.",
                                     message_type="comment", subtype="mail.mt_comment")
        self.assertEqual(answer.author_id, self.helpdesk.partner_id)
        self.assertIn(self.manager_b.partner_id, answer.needaction_partner_ids)
        ticket.action_wait()
        self.assertEqual(self.ticket_b.state, "waiting")
        as_user(self.ticket_b, self.manager_b).message_post(
            body="Gelukt, dank u.", message_type="comment", subtype="mail.mt_comment")
        self.assertEqual(self.ticket_b.state, "in_progress")
        ticket.action_solve()
        self.assertEqual(self.ticket_b.state, "solved")
        self.assertTrue(self.ticket_b.solved_date)
        as_user(self.ticket_b, self.manager_b).action_reopen()
        self.assertEqual(self.ticket_b.state, "in_progress")
        self.assertFalse(self.ticket_b.solved_date)

    def test_helpdesk_reply_starts_new_request(self):
        """The helpdesk's first answer to a new request puts it in progress, assigned to
        the answering helpdesk user."""
        as_user(self.ticket_b, self.helpdesk).message_post(
            body="We bekijken het.", message_type="comment", subtype="mail.mt_comment")
        self.assertEqual((self.ticket_b.state, self.ticket_b.user_id),
                         ("in_progress", self.helpdesk))

    def test_managers_see_only_their_register(self):
        """Each cooperative's manager sees only its own requests; reading, answering or
        creating one for the other cooperative raises AccessError."""
        self.assertEqual(as_user(self.Ticket, self.manager_a).search([]), self.ticket_a)
        self.assertEqual(as_user(self.Ticket, self.manager_b).search([]), self.ticket_b)
        self.assertFalse(as_user(self.Ticket, self.manager_a).name_search("overdracht"))
        groups = as_user(self.Ticket, self.manager_a).read_group([], ["state"], ["state"])
        self.assertEqual(sum(g["state_count"] for g in groups), 1)
        with self.assertRaises(AccessError):
            as_user(self.ticket_b, self.manager_a).read(["name"])
        with self.assertRaises(AccessError):
            as_user(self.ticket_b, self.manager_a).message_post(
                body="Ik lees mee", message_type="comment")
        with self.assertRaises(AccessError):
            as_user(self.Ticket, self.manager_a).create({
                "register_id": self.reg_b.id, "name": "Indringer"})

    def test_helpdesk_sees_the_registers_it_serves(self):
        """The helpdesk reads the registers it serves and their requests, nothing of the
        others; it cannot take a request of a register it does not serve."""
        self.assertEqual(as_user(self.Register, self.helpdesk).search([]), self.reg_b)
        self.assertEqual(as_user(self.Holder, self.helpdesk).search([]), self.cleo)
        self.assertEqual(as_user(self.Ticket, self.helpdesk).search([]), self.ticket_b)
        self.assertEqual(as_user(self.Ticket, self.helpdesk_a).search([]), self.ticket_a)
        with self.assertRaises(AccessError):
            as_user(self.ticket_a, self.helpdesk).action_take()
        with self.assertRaises(AccessError):
            as_user(self.ticket_a, self.helpdesk).read(["description"])
        self.assertEqual(self.ticket_a.state, "new")

    def test_helpdesk_never_confirms_entries(self):
        """The helpdesk prepares a draft entry but confirming it raises AccessError,
        whether through the button, a write of the state or a create in state confirmed."""
        Entry = as_user(self.Entry, self.helpdesk)
        draft = self.make_entry("subscription", self.class_b, 2, holder_to=self.cleo,
                                confirm=False, user=self.helpdesk)
        with self.assertRaises(AccessError):
            draft.action_confirm()
        with self.assertRaises(AccessError):
            draft.write({"state": "confirmed"})
        with self.assertRaises(AccessError):
            draft.write({"number": 1})
        with self.assertRaises(AccessError):
            Entry.create({"register_id": self.reg_b.id, "entry_type": "subscription",
                          "class_id": self.class_b.id, "quantity": 1, "date": "2024-03-01",
                          "holder_to_id": self.cleo.id, "state": "confirmed"})
        self.assertEqual((draft.state, draft.number), ("draft", 0))
        self.assertEqual(self.Entry.search_count([("register_id", "=", self.reg_b.id),
                                                  ("state", "=", "confirmed")]), 0)
        # the manager confirms it with the button (numbered), never by writing the state
        with self.assertRaises(AccessError):
            as_user(draft, self.manager_b).write({"state": "confirmed"})
        as_user(draft, self.manager_b).action_confirm()
        self.assertEqual((draft.state, draft.number), ("confirmed", 1))

    def test_helpdesk_actions_only_for_helpdesk(self):
        """A manager cannot take a request or put it on hold; a viewer changes nothing."""
        with self.assertRaises(AccessError):
            as_user(self.ticket_a, self.manager_a).action_take()
        with self.assertRaises(AccessError):
            as_user(self.ticket_a, self.manager_a).action_wait()
        with self.assertRaises(AccessError):
            as_user(self.ticket_a, self.viewer_a).action_solve()
        with self.assertRaises(AccessError):
            as_user(self.ticket_a, self.viewer_a).write({"name": "Anders"})
        with self.assertRaises(AccessError):
            as_user(self.Ticket, self.viewer_a).create({"register_id": self.reg_a.id,
                                                        "name": "Vraag"})
        self.assertEqual(as_user(self.Ticket, self.viewer_a).search([]), self.ticket_a)

    def test_bad_assignment_and_state(self):
        """Assigning a request to a non-helpdesk user or to a helpdesk user of another
        register, moving it to another register, or acting in the wrong state is refused
        with a clear message (in Dutch) and nothing changes."""
        with self.assertRaises(ValidationError):
            as_user(self.ticket_a, self.manager_a).write({"user_id": self.manager_a.id})
        with self.assertRaises(ValidationError):
            as_user(self.ticket_a, self.manager_a).write({"user_id": self.helpdesk.id})
        as_user(self.ticket_a, self.manager_a).write({"user_id": self.helpdesk_a.id})
        self.assertEqual(self.ticket_a.user_id, self.helpdesk_a)
        with self.assertRaises(UserError):
            self.ticket_a.write({"register_id": self.reg_b.id})
        as_user(self.ticket_a, self.manager_a).action_solve()
        with self.assertRaises(UserError) as err:
            as_user(self.ticket_a, self.helpdesk_a).with_context(lang="nl_BE").action_wait()
        self.assertIn("Opgelost", err.exception.name)
        self.assertIn("kan niet", err.exception.name)
        self.assertEqual(self.ticket_a.state, "solved")
        with self.assertRaises(UserError):
            as_user(self.ticket_b, self.manager_b).action_reopen()


class TestHelpdeskHttp(CoopHttpCase):
    """Support requests through the web client's RPC: one cooperative's manager gets
    nothing of the other's, and cannot answer in its thread."""

    def setUp(self):
        super().setUp()
        env = self.env(context={"tracking_disable": True})
        partner = env["res.partner"].create({"name": "Coop HD", "is_company": True})
        registers = [env["coop.share.register"].create({
            "name": name, "partner_id": partner.id, "company_number": company_number(first8)})
            for name, first8 in (("Zonnecoop HD", "07654325"), ("Windcoop HD", "07654326"))]
        group = ["coop_share_register.group_dar_manager"]
        users = [new_user(env, login, group, password=login,
                          coop_register_ids=[(6, 0, reg.ids)])
                 for login, reg in zip(("hd_mgr_x", "hd_mgr_y"), registers)]
        Ticket = env["coop.share.ticket"]
        self.ticket_x = as_user(Ticket, users[0]).create({
            "register_id": registers[0].id, "name": "Vraag van X"})
        self.ticket_y = as_user(Ticket, users[1]).create({
            "register_id": registers[1].id, "name": "Vertrouwelijke vraag van Y"})
        self.share_with_server()

    def rpc(self, model, method, args, kwargs=None):
        response = self.opener.post(
            "http://127.0.0.1:%s/web/dataset/call_kw" % config["http_port"],
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": {
                "model": model, "method": method, "args": args, "kwargs": kwargs or {}}}),
            headers={"Content-Type": "application/json"}, timeout=30)
        return response.json()

    @mute_logger("odoo.http")
    def test_rpc_isolation(self):
        """search_read shows the own request only; reading or posting on the other
        cooperative's request returns an access error."""
        self.authenticate("hd_mgr_x", "hd_mgr_x")
        result = self.rpc("coop.share.ticket", "search_read", [[], ["name"]])["result"]
        self.assertEqual([r["name"] for r in result], ["Vraag van X"])
        result = self.rpc("coop.share.ticket", "read", [[self.ticket_y.id], ["name"]])
        self.assertIn("error", result)
        self.assertNotIn("Vertrouwelijke", json.dumps(result))
        result = self.rpc("coop.share.ticket", "message_post", [[self.ticket_y.id]],
                          {"body": "Ik lees mee", "message_type": "comment"})
        self.assertIn("error", result)
        self.assertFalse(self.env["mail.message"].search(
            [("model", "=", "coop.share.ticket"), ("res_id", "=", self.ticket_y.id),
             ("body", "ilike", "Ik lees mee")]))

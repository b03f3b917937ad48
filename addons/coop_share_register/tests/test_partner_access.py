# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 24.13: a client cooperative's staff read the contacts of their own registers'
shareholders only, over the ORM and over XML-RPC."""
import random
import xmlrpc.client

from odoo.exceptions import AccessError

from odoo.addons.coop_website.tests.common import as_user, new_user
from odoo.addons.coop_website.tests.live import LiveServerCase

from .common import DarCase, company_number


class TestPartnerAccess(DarCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_cleo = new_user(cls.env, "portal_cleo_b", ["base.group_portal"],
                                   name="Cleo Geheimmaes", street="Geheimstraat 9",
                                   email="cleo.geheim@example.org")
        cls.portal_ann = new_user(cls.env, "portal_ann_a", ["base.group_portal"],
                                  name="Ann Peeters A")
        cls.cleo.write({"partner_id": cls.portal_cleo.partner_id.id})
        cls.ann.write({"partner_id": cls.portal_ann.partner_id.id})
        cls.p_cleo, cls.p_ann = cls.portal_cleo.partner_id, cls.portal_ann.partner_id
        cls.p_free = cls.env["res.partner"].create({"name": "Geheim Vrij Contact"})
        cls.ids = (cls.p_cleo | cls.p_ann | cls.p_free).ids

    def test_registers_of_partner(self):
        """A contact lists the registers it holds shares in, kept up to date."""
        self.assertEqual(self.p_cleo.coop_dar_register_ids, self.reg_b)
        self.assertEqual(self.p_ann.coop_dar_register_ids, self.reg_a)
        self.assertFalse(self.p_free.coop_dar_register_ids)
        self.bart.write({"partner_id": self.p_cleo.id})
        self.assertEqual(self.p_cleo.coop_dar_register_ids, self.reg_a | self.reg_b)
        self.bart.write({"partner_id": False})
        self.assertEqual(self.p_cleo.coop_dar_register_ids, self.reg_b)

    def test_other_client_staff_cannot_read(self):
        """Register A's manager and viewer find and read A's holder contacts and untied
        contacts, never register B's: search_read, read, name_search, export_data and
        the user record all refuse or hide them."""
        for user in (self.manager_a, self.viewer_a):
            with self.subTest(user=user.login):
                Partner = as_user(self.env["res.partner"], user)
                found = Partner.search_read([("id", "in", self.ids)], ["name", "email"])
                self.assertEqual({r["id"] for r in found}, {self.p_ann.id, self.p_free.id})
                self.assertFalse(Partner.name_search("Geheimmaes"))
                self.assertFalse(Partner.search([("street", "ilike", "Geheimstraat")]))
                for call in (lambda: Partner.browse(self.p_cleo.id).read(["email", "street"]),
                             lambda: Partner.browse(self.p_cleo.id).export_data(
                                 ["name", "email", "street"]),
                             lambda: as_user(self.portal_cleo, user).read(["login", "email"])):
                    with self.assertRaises(AccessError):
                        call()
                self.assertEqual(Partner.browse(self.p_ann.id).read(["email"])[0]["id"],
                                 self.p_ann.id)
                self.assertEqual(
                    Partner.browse(self.p_ann.id).export_data(["name"])["datas"],
                    [["Ann Peeters A"]])

    def test_own_staff_admins_and_others_see(self):
        """Register B's manager reads B's holder contact; the DAR administrator and
        Coopkracht staff outside the DAR read every contact; a client's staff still read
        the internal users (their colleagues) and themselves."""
        self.assertEqual(as_user(self.p_cleo, self.manager_b).read(["email"])[0]["email"],
                         "cleo.geheim@example.org")
        for user in (self.admin_dar, self.user_coop):
            with self.subTest(user=user.login):
                self.assertEqual(
                    len(as_user(self.env["res.partner"], user).search([("id", "in", self.ids)])),
                    3)
        as_user(self.manager_b.partner_id, self.manager_a).read(["name"])
        as_user(self.manager_b, self.manager_a).read(["login"])
        as_user(self.manager_a.partner_id, self.manager_a).read(["name"])


class TestPartnerAccessLive(LiveServerCase):
    """The same over XML-RPC against the live server."""

    def setUp(self):
        super().setUp()
        self.password = "live-pass-1"
        with self.live_env() as env:
            registers = []
            for label in ("A", "B"):
                registers.append(env["coop.share.register"].create({
                    "name": self.unique("Coop%s" % label),
                    "partner_id": env["res.partner"].create(
                        {"name": self.unique("Coop%s" % label), "is_company": True}).id,
                    "company_number": company_number("0%07d" % random.randrange(10 ** 7)),
                    "service_start": "2020-01-01", "min_shares": 1, "max_shares": 0}))
            reg_a, reg_b = registers
            self.secret = self.unique("Geheimcontact")
            contact = env["res.partner"].create({
                "name": self.secret, "email": self.secret + "@example.org",
                "street": "Geheimstraat 1"})
            env["coop.shareholder"].create({"register_id": reg_b.id, "name": "Maes",
                                            "partner_id": contact.id})
            self.contact_id = contact.id
            manager = env["res.users"].with_context(no_reset_password=True).create({
                "name": self.unique("Manager A"), "login": self.unique("mgr-a"),
                "password": self.password,
                "groups_id": [(6, 0, [env.ref("coop_share_register.group_dar_manager").id])],
                "coop_register_ids": [(6, 0, reg_a.ids)]})
            self.login = manager.login

    def test_rpc_other_client_contact(self):
        """Over XML-RPC register A's manager gets B's holder contact from none of
        search_read, read, name_search and export_data; the administrator does."""
        kw = {"login": self.login, "password": self.password}
        self.assertEqual(self.rpc("res.partner", "search_read",
                                  [("id", "=", self.contact_id)], ["name", "email"], **kw), [])
        self.assertEqual(self.rpc("res.partner", "search_read",
                                  [("name", "ilike", self.secret)], ["name"], **kw), [])
        self.assertEqual(self.rpc("res.partner", "name_search", self.secret, **kw), [])
        for method, args in (("read", (["email", "street"],)),
                             ("export_data", (["name", "email", "street"],))):
            with self.assertRaises(xmlrpc.client.Fault) as caught:
                self.rpc("res.partner", method, [self.contact_id], *args, **kw)
            # Odoo's fault code of an AccessError (the message is in the user's language)
            self.assertEqual(caught.exception.faultCode, 4, caught.exception.faultString[:300])
        self.assertEqual(self.rpc("res.partner", "read", [self.contact_id], ["name"])[0]["name"],
                         self.secret)

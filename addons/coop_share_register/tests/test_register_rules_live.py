# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The register's order and the exclusion rule over XML-RPC, against the live server, as
a client cooperative's register manager would drive them (new users speak Dutch)."""
import base64
import random
import xmlrpc.client

from odoo.addons.coop_website.tests.live import LiveServerCase

from .common import company_number
from .test_import import HOLDERS

HEADER = "ref,date,type,class,quantity,from_holder,to_holder,paid_amount,amount_paid_out\n"


class TestRegisterRulesLive(LiveServerCase):

    def setUp(self):
        super().setUp()
        name = self.unique("Livecoop")
        partner = self.rpc("res.partner", "create", {"name": name, "is_company": True})
        self.register = self.rpc("coop.share.register", "create", {
            "name": name, "partner_id": partner, "service_start": "2020-01-01",
            "company_number": company_number("0%07d" % random.randint(1000000, 9999999)),
            "min_shares": 1, "max_shares": 0})
        self.class_a = self.rpc("coop.share.class", "create", {
            "register_id": self.register, "code": "A", "name": "Class A",
            "nominal_value": 250.0})
        self.class_b = self.rpc("coop.share.class", "create", {
            "register_id": self.register, "code": "B", "name": "Class B",
            "nominal_value": 500.0})
        _uid, self.login, self.password = self.new_live_user(
            groups=("coop_share_register.group_dar_manager",),
            coop_register_ids=[(6, 0, [self.register])])

    def as_manager(self, model, method, *args, **kwargs):
        return self.rpc(model, method, *args, login=self.login, password=self.password,
                        **kwargs)

    def entry(self, etype, share_class, quantity, confirm=True, **values):
        vals = {"register_id": self.register, "entry_type": etype, "class_id": share_class,
                "quantity": quantity, "date": "2023-01-01"}
        vals.update(values)
        entry_id = self.as_manager("coop.share.entry", "create", vals)
        if confirm:
            self.as_manager("coop.share.entry", "action_confirm", [entry_id])
        return entry_id

    def test_partial_exclusion_refused(self):
        """A partial exclusion (part of a class, or one class of two) is refused over
        XML-RPC and the holder stays a shareholder; excluding both classes together ends
        the holding."""
        holder = self.as_manager("coop.shareholder", "create", {
            "register_id": self.register, "name": "Peeters", "firstname": "Ann",
            "street": "Kerkstraat 1", "zip": "9000", "city": "Gent"})
        self.entry("subscription", self.class_a, 10, holder_to_id=holder)
        self.entry("subscription", self.class_b, 2, holder_to_id=holder)
        for quantity in (4, 10):
            draft = self.entry("exclusion", self.class_a, quantity, confirm=False,
                               holder_from_id=holder, date="2023-06-01")
            with self.assertRaises(xmlrpc.client.Fault) as caught:
                self.as_manager("coop.share.entry", "action_confirm", [draft])
            self.assertIn("uitsluiting haalt de aandeelhouder", caught.exception.faultString)
            self.as_manager("coop.share.entry", "action_cancel", [draft])
        state = self.as_manager("coop.shareholder", "read", [holder], ["state"])[0]["state"]
        self.assertEqual(state, "active")
        both = [self.entry("exclusion", share_class, quantity, confirm=False,
                           holder_from_id=holder, date="2023-06-01")
                for share_class, quantity in ((self.class_a, 10), (self.class_b, 2))]
        self.as_manager("coop.share.entry", "action_confirm", both)
        state = self.as_manager("coop.shareholder", "read", [holder], ["state"])[0]["state"]
        self.assertEqual(state, "former")

    def _import(self, entries):
        wizard = self.as_manager("coop.share.import.wizard", "create", {
            "register_id": self.register,
            "holder_file": base64.b64encode(HOLDERS.encode()).decode(),
            "holder_filename": "houders.csv",
            "entry_file": base64.b64encode(entries.encode()).decode(),
            "entry_filename": "inschrijvingen.csv"})
        self.as_manager("coop.share.import.wizard", "action_import", [wizard])
        return self.as_manager("coop.share.import.wizard", "read", [wizard],
                               ["state", "report"])[0]

    def test_register_order_in_import(self):
        """Over XML-RPC, an import whose transfer is numbered before the subscription it
        needs (same day) is refused with the row and a whole count, and writes nothing;
        the same rows in the register's order are imported."""
        wrong = (HEADER + "E1,2020-01-10,subscription,A,4,,H1,500.00,\n"
                 "E2,2020-03-01,transfer,A,2,H3,H1,,\n"
                 "E3,2020-03-01,subscription,A,2,,H3,500.00,\n")
        result = self._import(wrong)
        self.assertEqual(result["state"], "failed")
        self.assertIn("rij 3", result["report"])
        self.assertIn("-2 aandelen", result["report"])
        self.assertNotIn("-2.0", result["report"])
        self.assertEqual(self.as_manager("coop.share.entry", "search_count",
                                         [("register_id", "=", self.register)]), 0)
        right = (HEADER + "E1,2020-01-10,subscription,A,4,,H1,500.00,\n"
                 "E3,2020-03-01,subscription,A,2,,H3,500.00,\n"
                 "E2,2020-03-01,transfer,A,2,H3,H1,,\n")
        result = self._import(right)
        self.assertEqual(result["state"], "done", result["report"])
        self.assertEqual(self.as_manager("coop.share.entry", "search_count",
                                         [("register_id", "=", self.register)]), 3)

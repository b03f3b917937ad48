# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 15.3: the back-office tools (positions, exports, imports, wizards, the register
extract) are for the register's staff; a shareholder in the portal, who may read his own
cooperative's register, gets nothing of another holder through them."""
import base64
import random
import xmlrpc.client

import psycopg2
from psycopg2 import sql

from odoo.exceptions import AccessError, MissingError, UserError, ValidationError

from odoo.addons.coop_website.tests.common import as_user, new_user
from odoo.addons.coop_website.tests.live import LiveServerCase

from .common import DarCase, company_number
from .walk import addon_methods, addon_models, call_arguments, inspect_names, leaks

REFUSED = (AccessError, MissingError, UserError, ValidationError)


class StaffToolsCase(DarCase):
    """Ann (register A) is a portal holder; Bart (register A) and Cleo (register B) are
    other holders with names and share counts that must never reach her."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reg_b.write({"name": "Windcoop Geheimb"})
        cls.bart.write({"name": "Geheimbart", "email": "geheimbart@example.org",
                        "street": "Geheimstraat 7"})
        cls.cleo.write({"name": "Geheimcleo", "email": "geheimcleo@example.org"})
        cls.make_entry("subscription", cls.class_a, 4, holder_to=cls.ann)
        cls.make_entry("subscription", cls.class_a, 7777, holder_to=cls.bart)
        cls.make_entry("subscription", cls.class_b, 5555, holder_to=cls.cleo)
        cls.portal_ann = new_user(cls.env, "portal_ann_walk", ["base.group_portal"])
        cls.ann.write({"partner_id": cls.portal_ann.partner_id.id})
        cls.records_a = cls.make_bound_records(cls.class_a2, cls.bart, cls.ann)
        cls.records_b = cls.make_bound_records(cls.class_b, cls.cleo, cls.cleo)
        # Bart's shares, his share total with Ann's, his nominal amount; names, address
        cls.secrets = ["Geheimbart", "geheimbart@", "Geheimstraat", "Geheimcleo", "Geheimb",
                       "7777", "7781", "5555", "1944250"]


class TestStaffTools(StaffToolsCase):

    def test_positions_refused_to_portal(self):
        """The positions of the whole register, or of another holder, are refused to the
        portal holder; his own still come (the portal page needs them)."""
        Position = as_user(self.Position, self.portal_ann)
        with self.assertRaises(AccessError):
            Position.compute_positions(self.reg_a)
        with self.assertRaises(AccessError):
            Position.compute_class_totals(self.reg_a)
        with self.assertRaises(AccessError):
            Position.fill(self.reg_a)
        with self.assertRaises(AccessError):
            Position.compute_positions(self.reg_a, holder_ids=self.bart.ids)
        with self.assertRaises(AccessError):
            as_user(self.reg_a, self.portal_ann).share_totals()
        with self.assertRaises(AccessError):
            as_user(self.bart, self.portal_ann).coop_shares_held()
        own = Position.compute_positions(self.reg_a, holder_ids=self.ann.ids)
        self.assertEqual([(p["holder_id"], p["shares"]) for p in own], [(self.ann.id, 4)])
        self.assertEqual(as_user(self.ann, self.portal_ann).coop_shares_held(),
                         {self.ann.id: 4})

    def test_wizards_refused_to_portal(self):
        """Every wizard of the addon refuses the portal holder in default_get and create,
        before anything is read."""
        for name in addon_models(self.env):
            model = self.env[name]
            if not model._transient or name == "res.config.settings":
                continue
            with self.subTest(model=name):
                wizard = as_user(model, self.portal_ann)
                with self.assertRaises(AccessError):
                    wizard.default_get(list(model._fields))
                vals = {"register_id": self.reg_a.id} if "register_id" in model._fields else {}
                with self.assertRaises(AccessError):
                    with self.env.cr.savepoint():
                        wizard.create(vals)

    def test_wizard_actions_refused_to_portal(self):
        """Every action method of every wizard refuses the portal holder, even on a wizard
        he owns (made before the check, or by hand): the check is in each action, not
        only in create."""
        records = self.records_a
        line = records["coop.share.assembly.holder"]
        values = {
            "coop.share.position": {"register_id": self.reg_a.id, "date": "2025-01-01",
                                    "holder_id": self.bart.id, "class_id": self.class_a.id},
            "coop.share.assembly.vote.wizard": {
                "resolution_id": records["coop.share.assembly.resolution"].id,
                "voter_id": line.id, "choice": "for"},
            "coop.share.assembly.proxy.wizard": {"line_id": line.id, "proxy_line_id": line.id},
            "coop.share.dividend.config": {"max_rate": 6.0, "withholding_rate": 30.0,
                                           "exempt_amount": 800.0},
        }
        checked = 0
        for name in addon_models(self.env):
            model = self.env[name]
            if not model._transient or name == "res.config.settings":
                continue
            vals = values.get(name, {"register_id": self.reg_a.id})
            wizard = model.create(vals)
            # the portal holder's own wizard
            self.env.cr.execute(
                sql.SQL("UPDATE {} SET create_uid = %s WHERE id = %s").format(
                    sql.Identifier(model._table)), (self.portal_ann.id, wizard.id))
            wizard.invalidate_cache()
            for method in sorted(addon_methods(model)):
                if not method.startswith("action_"):
                    continue
                with self.subTest(model=name, method=method):
                    with self.assertRaises(AccessError):
                        with self.env.cr.savepoint():
                            getattr(as_user(wizard, self.portal_ann), method)()
                    checked += 1
        self.assertGreaterEqual(checked, 9)

    def test_export_import_extract_refused_to_portal(self):
        """The XLSX export, the import check (dry run) and the register extract refuse the
        portal holder, for his own register too."""
        Export = as_user(self.env["coop.share.export.wizard"], self.portal_ann)
        for kind in ("entries", "positions"):
            with self.assertRaises(AccessError):
                Export.export_xlsx(self.reg_a, kind)
        Import = as_user(self.env["coop.share.import.wizard"], self.portal_ann)
        with self.assertRaises(AccessError):
            Import.import_files(self.reg_a, holder_content=Import.example_csv("holders"),
                                dry_run=True)
        report = as_user(self.env["report.coop_share_register.report_register_extract"],
                         self.portal_ann)
        with self.assertRaises(AccessError):
            report.get_report_values(self.reg_a.ids, {"date": "2025-01-01"})

    def test_staff_keeps_tools(self):
        """The register's manager still uses them on his register, not on another."""
        Export = as_user(self.env["coop.share.export.wizard"], self.manager_a)
        wizard = Export.create({"register_id": self.reg_a.id, "kind": "positions"})
        wizard.action_export()
        self.assertIn("Geheimbart", "".join(leaks(base64.b64decode(wizard.data),
                                                  ["Geheimbart"])))
        positions = as_user(self.Position, self.manager_a).compute_positions(self.reg_a)
        self.assertIn(self.bart.id, [p["holder_id"] for p in positions])
        with self.assertRaises(AccessError):
            as_user(self.Position, self.manager_a).compute_positions(self.reg_b)
        with self.assertRaises(AccessError):
            Export.create({"register_id": self.reg_b.id})

    def test_walk_every_model_and_method(self):
        """Walking every model of the addon as the portal holder: search_read, read of
        the other holders' records, name_search and every public method the addon
        defines (called on his own, his register's and the other holders' records, with
        his register and the other holders as arguments) return nothing of another holder:
        a refusal or a result without their names, addresses or share counts."""
        own_register = self.reg_a
        values = {
            "register": own_register, "registers": own_register, "holder": self.bart,
            "holders": self.bart, "proxy_holder": self.bart, "holder_ids": self.bart.ids,
            "docids": None, "date": "2025-01-01", "kind": "positions", "year": 2024,
            "vals": {}, "values": {}, "data": {"year": 2024, "date": "2025-01-01"},
            "fields_list": [], "email": "geheimbart@example.org",
            "res_ids": self.bart.ids, "batch": 0, "choice": "for", "amount": 1.0,
            "address": "127.0.0.1", "service_mode": "direct",
        }
        walked = 0
        for name in addon_models(self.env):
            model = self.env[name]
            portal_model = as_user(model, self.portal_ann)
            others = self.env[name]
            for records in (self.records_a, self.records_b):
                if name in records:
                    others |= records[name]
            if name == "coop.shareholder":
                others |= self.bart | self.cleo
            if name == "coop.share.register":
                others |= self.reg_b
            targets = [portal_model.browse(), as_user(others, self.portal_ann)]
            if name == "coop.share.register":
                targets.append(as_user(own_register, self.portal_ann))
            if name == "coop.shareholder":
                targets.append(as_user(self.ann, self.portal_ann))
            with self.subTest(model=name, method="search_read/read/name_search"):
                for call in (lambda: portal_model.search_read([]),
                             lambda: portal_model.name_search(""),
                             lambda: as_user(others, self.portal_ann).read(),
                             lambda: as_user(others, self.portal_ann).name_get()):
                    self._assert_nothing(call)
            for method, function in sorted(addon_methods(model).items()):
                for target in targets:
                    docids_options = [None]
                    if method == "get_report_values":
                        docids_options = [own_register.ids, self.bart.ids, self.cleo.ids]
                    for docids in docids_options:
                        args = call_arguments(function, dict(values, docids=docids))
                        with self.subTest(model=name, method=method, records=target.ids):
                            self._assert_nothing(
                                lambda: getattr(target, method)(*args))
                            walked += 1
        self.assertGreater(walked, 100)

    def _assert_nothing(self, call):
        try:
            with self.env.cr.savepoint():
                result = call()
        except REFUSED:
            return
        except (TypeError, AttributeError, KeyError, ValueError, IndexError, psycopg2.Error):
            # a call the method does not understand (arguments of the wrong kind)
            return
        found = leaks(result, self.secrets)
        self.assertFalse(found, "returned another holder's data: %s" % found)


class TestStaffToolsLive(LiveServerCase):
    """The same walk over XML-RPC, as the portal holder, against the live server: every
    model's search_read, every wizard's create and every public method of the addon."""

    def setUp(self):
        super().setUp()
        self.password = "live-pass-1"
        self.secret = self.unique("Geheimbart")
        with self.live_env() as env:
            ids = {}
            for label, quantity in (("A", 7777), ("B", 5555)):
                register = env["coop.share.register"].create({
                    "name": self.unique("Coop%s" % label),
                    "partner_id": env["res.partner"].create(
                        {"name": self.unique("Coop%s" % label), "is_company": True}).id,
                    "company_number": company_number("0%07d" % random.randrange(10 ** 7)),
                    "service_start": "2020-01-01", "min_shares": 1, "max_shares": 0})
                share_class = env["coop.share.class"].create({
                    "register_id": register.id, "code": "A", "name": "A",
                    "nominal_value": 250.0})
                other = env["coop.shareholder"].create({
                    "register_id": register.id, "name": self.secret,
                    "email": self.secret + "@example.org", "street": "Geheimstraat 7"})
                env["coop.share.entry"].create({
                    "register_id": register.id, "entry_type": "subscription",
                    "class_id": share_class.id, "quantity": quantity, "date": "2024-03-01",
                    "holder_to_id": other.id}).action_confirm()
                ids[label] = (register.id, other.id)
            user = env["res.users"].with_context(no_reset_password=True).create({
                "name": self.unique("Ann"), "login": self.unique("ann-live"),
                "password": self.password,
                "groups_id": [(6, 0, [env.ref("base.group_portal").id])]})
            ann = env["coop.shareholder"].create({
                "register_id": ids["A"][0], "name": "Peeters", "partner_id": user.partner_id.id})
            env["coop.share.entry"].create({
                "register_id": ids["A"][0], "entry_type": "subscription",
                "class_id": env["coop.share.class"].search(
                    [("register_id", "=", ids["A"][0])]).id,
                "quantity": 4, "date": "2024-03-01", "holder_to_id": ann.id}).action_confirm()
            self.login, self.ids, self.ann_id = user.login, ids, ann.id
            self.models = addon_models(env)
            self.transient = {name for name in self.models if env[name]._transient}
            self.signatures = {
                name: {method: inspect_names(function)
                       for method, function in addon_methods(env[name]).items()}
                for name in self.models}
        self.secrets = [self.secret, "Geheimstraat", "7777", "7781", "5555", "1944250"]

    def call(self, model, method, *args):
        uid = getattr(self, "_uid", None) or self.uid(self.login, self.password)
        self._uid = uid
        proxy = xmlrpc.client.ServerProxy(self.url + "/xmlrpc/2/object", allow_none=True)
        try:
            return proxy.execute_kw(self.db, uid, self.password, model, method, list(args), {})
        except xmlrpc.client.Fault:
            return None

    def assertNothing(self, result, what):
        self.assertFalse(leaks(result, self.secrets), "%s returned another holder's data"
                         % what)

    def test_rpc_walk(self):
        """Over XML-RPC the portal holder gets nothing of another holder from any model,
        wizard or public method of the addon (refused, or a result without it)."""
        reg_a, bart = self.ids["A"]
        reg_b, cleo = self.ids["B"]
        values = {"register": reg_a, "registers": [reg_a], "holder": bart, "holders": [bart],
                  "proxy_holder": bart, "holder_ids": [bart], "docids": [reg_a],
                  "date": "2025-01-01", "kind": "positions", "year": 2024, "vals": {},
                  "values": {}, "data": {"year": 2024}, "fields_list": [],
                  "email": self.secret + "@example.org", "res_ids": [bart], "batch": 0}
        walked = 0
        for name in sorted(self.models):
            self.assertNothing(self.call(name, "search_read", []), "%s.search_read" % name)
            if name in self.transient and name != "res.config.settings":
                self.assertIsNone(self.call(name, "create", {"register_id": reg_a}),
                                  "the portal holder created a %s" % name)
                self.assertIsNone(self.call(name, "default_get", []),
                                  "%s.default_get answered the portal holder" % name)
            for method, params in sorted(self.signatures[name].items()):
                args = [values.get(param) for param in params]
                for ids in ([], [reg_a] if name == "coop.share.register" else [bart],
                            [reg_b] if name == "coop.share.register" else [cleo]):
                    for docids in ([reg_a], [bart], [cleo]) if method == "get_report_values" \
                            else ([reg_a],):
                        call_args = [docids if p == "docids" else a
                                     for p, a in zip(params, args)]
                        self.assertNothing(self.call(name, method, ids, *call_args),
                                           "%s.%s" % (name, method))
                        walked += 1
        self.assertGreater(walked, 100)

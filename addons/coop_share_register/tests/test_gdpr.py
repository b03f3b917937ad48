# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import ast
import json
import logging
import os

from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.coop_website.tests.common import CoopHttpCase

from .common import DarCase, as_user, company_number, national_number, new_user

NN = national_number("850730", "033")
IBAN = "BE68539007547034"
PARAM = "coop_share_register.gdpr_retention_years"


class GdprCase(DarCase):
    """Ann (register A) subscribes, transfers a share to Bart and leaves on 2024-03-01;
    the entries are tracked (so their history holds her name)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ann.write({"national_number": NN, "email": "ann.peeters@example.org",
                       "iban": IBAN, "phone": "+32 470 12 34 56", "birthdate": "1985-07-30"})
        tracked = cls.env(context={})  # entries with their chatter tracking
        cls.sub = cls.make_entry("subscription", cls.class_a, 4, holder_to=cls.ann,
                                 date="2024-01-10")
        cls.sub_tracked = tracked["coop.share.entry"].create({
            "register_id": cls.reg_a.id, "entry_type": "subscription",
            "class_id": cls.class_a.id, "quantity": 2, "date": "2024-01-11",
            "holder_to_id": cls.bart.id})
        cls.sub_tracked.action_confirm()
        cls.Payment.create({"entry_id": cls.sub.id, "date": "2024-01-20", "amount": 1000.0})
        cls.transfer = cls.env(context={})["coop.share.entry"].create({
            "register_id": cls.reg_a.id, "entry_type": "transfer", "class_id": cls.class_a.id,
            "quantity": 1, "date": "2024-02-01", "holder_from_id": cls.ann.id,
            "holder_to_id": cls.bart.id})
        cls.transfer.action_confirm()
        cls.exit = cls.make_entry("redemption", cls.class_a, 3, holder_from=cls.ann,
                                  date="2024-03-01", amount_paid_out=750.0)
        cls.ann.invalidate_cache()
        cls.Log = cls.env["coop.shareholder.privacy.log"]

    def set_retention(self, years):
        self.env["ir.config_parameter"].set_param(PARAM, str(years))


class TestExport(GdprCase):

    def test_export_holds_the_persons_data_and_entries(self):
        """The register's manager exports Ann's data, positions, entries and payments; the
        other holder of a transfer appears by number only; the export is logged."""
        data = as_user(self.ann, self.manager_a).gdpr_export_data()
        json.dumps(data)  # JSON-ready
        holder = data["shareholder"]
        self.assertEqual((holder["name"], holder["firstname"], holder["national_number"],
                          holder["iban"], holder["email"]),
                         ("Peeters", "Ann", NN, IBAN, "ann.peeters@example.org"))
        self.assertEqual((holder["state"], holder["exit_date"]), ("former", "2024-03-01"))
        self.assertEqual([(e["type"], e["quantity"]) for e in data["entries"]],
                         [("subscription", 4), ("transfer", 1), ("redemption", 3)])
        self.assertEqual(data["entries"][1]["to_holder_number"], self.bart.number)
        self.assertEqual(data["entries"][2]["amount_paid_out"], 750.0)
        self.assertEqual([p["amount"] for p in data["payments"]], [1000.0])
        self.assertEqual(data["positions"], [])  # she left
        self.assertNotIn("Janssens", json.dumps(data))  # nothing about Bart but his number
        log = self.Log.search([("holder_id", "=", self.ann.id)])
        self.assertEqual((log.action, log.user_id, log.holder_number),
                         ("export", self.manager_a, self.ann.number))

    def test_export_refused_outside_the_register_manager(self):
        """The other cooperative's manager, a viewer and the helpdesk get AccessError;
        nothing is logged. The DAR administrator may export."""
        for user, holder in ((self.manager_b, self.ann), (self.viewer_a, self.ann),
                             (self.helpdesk, self.cleo)):
            with self.assertRaises(AccessError):
                as_user(holder, user).gdpr_export_data()
            with self.assertRaises(AccessError):
                as_user(holder, user).action_gdpr_export()
        self.assertFalse(self.Log.search([]))
        self.assertEqual(as_user(self.cleo, self.admin_dar).gdpr_export_data()[
            "shareholder"]["name"], "Maes")
        self.assertFalse(as_user(self.Log, self.manager_a).search([]))  # B's log, not A's
        self.assertTrue(as_user(self.Log, self.manager_b).search([]))


class TestAnonymise(GdprCase):

    def test_refused_before_retention_period_in_dutch(self):
        """Within the retention period (10 years after the exit) the manual action refuses
        with a Dutch message naming the date, and nothing is written."""
        self.set_retention(10)
        with self.assertRaises(UserError) as err:
            as_user(self.ann, self.manager_a).with_context(lang="nl_BE").action_anonymise()
        message = err.exception.name
        self.assertIn("bewaart", message)
        self.assertIn("2034", message)
        self.assertEqual((self.ann.name, self.ann.iban, self.ann.anonymised),
                         ("Peeters", IBAN, False))
        self.assertFalse(self.Log.search([("action", "=", "anonymise")]))

    def test_active_shareholder_refused(self):
        """A shareholder who still holds shares is never anonymised."""
        self.set_retention(1)
        with self.assertRaises(UserError):
            as_user(self.bart, self.manager_a).action_anonymise()
        self.assertEqual(self.bart.name, "Janssens")

    def test_anonymise_after_period_keeps_the_register(self):
        """After the period the manager anonymises Ann: personal data, chatter and the
        names in the entries' tracking are gone; number, dates and every entry with its
        numbers stay; positions and totals are unchanged; the act is logged."""
        self.set_retention(1)
        self.ann.message_post(body="Adres gewijzigd naar Kerkstraat 1", message_type="comment")
        request = self.env["coop.shareholder.change.request"].create({
            "holder_id": self.ann.id, "street": "Geheime straat 7", "iban": IBAN,
            "changed_fields": "street,iban"})
        totals = self.reg_a.share_totals()
        entries = self.sub | self.transfer | self.exit
        columns = ["number", "name", "date", "quantity", "nominal_amount", "amount_paid_out",
                   "state"]
        before = [(e.read(columns), e.holder_to_id.id, e.holder_from_id.id) for e in entries]
        as_user(self.ann, self.manager_a).action_anonymise()
        self.ann.invalidate_cache()
        for name in ("firstname", "national_number", "email", "iban", "phone", "street",
                     "zip", "city", "birthdate", "partner_id"):
            self.assertFalse(self.ann[name], name)
        self.assertTrue(self.ann.anonymised)
        self.assertEqual(self.ann.anonymised_uid, self.manager_a)
        self.assertNotIn("Peeters", self.ann.display_name)
        self.assertEqual((self.ann.number, self.ann.state, self.ann.exit_date),
                         (1, "former", "2024-03-01"))
        entries.invalidate_cache()
        self.assertEqual([(e.read(columns), e.holder_to_id.id, e.holder_from_id.id)
                          for e in entries], before)
        self.assertEqual(self.reg_a.share_totals(), totals)
        self.assertFalse(self.ann.message_ids)
        self.assertFalse(request.street or request.iban)
        tracking = self.env["mail.tracking.value"].search(
            [("mail_message_id.model", "=", "coop.share.entry"),
             ("mail_message_id.res_id", "=", self.transfer.id),
             ("field", "=", "holder_from_id")])
        self.assertTrue(tracking)
        self.assertNotIn("Peeters", tracking.mapped("new_value_char")[0])
        # Bart's name stays in the tracking of his own entry
        bart_tracking = self.env["mail.tracking.value"].search(
            [("mail_message_id.model", "=", "coop.share.entry"),
             ("mail_message_id.res_id", "=", self.sub_tracked.id),
             ("field", "=", "holder_to_id")])
        self.assertIn("Janssens", bart_tracking.new_value_char)
        log = self.Log.search([("action", "=", "anonymise")])
        self.assertEqual((log.holder_id, log.holder_number, log.user_id, log.mode),
                         (self.ann, 1, self.manager_a, "manual"))
        self.assertTrue(log.date)
        with self.assertRaises(UserError):
            as_user(self.ann, self.manager_a).action_anonymise()  # already done

    def test_anonymise_clears_mailing_addresses_and_dividend_ibans(self):
        """The address a mailing went to, the mail archived on it and the IBAN a dividend
        was paid to go with the person; the dividend's amounts stay."""
        self.set_retention(1)
        self.reg_a.write({"dividend_enabled": True})
        run = self.env["coop.share.dividend.run"].create({
            "register_id": self.reg_a.id, "year": 2023, "rate": 5.0,
            "payment_date": "2024-06-30"})
        line = self.env["coop.share.dividend.line"].create({
            "run_id": run.id, "register_id": self.reg_a.id, "holder_id": self.ann.id,
            "iban": IBAN, "base": 1000.0, "gross": 50.0, "net": 50.0})
        mailing = self.env["coop.share.mailing"].create({
            "register_id": self.reg_a.id, "name": "Jaaroverzicht 2023", "segment": "former"})
        recipient = self.env["coop.share.mailing.recipient"].create({
            "mailing_id": mailing.id, "register_id": self.reg_a.id, "holder_id": self.ann.id,
            "email": "ann.peeters@example.org"})
        archived = recipient.message_post(body="<p>Beste Ann Peeters</p>", message_type="email")
        as_user(self.ann, self.manager_a).action_anonymise()
        self.assertFalse(recipient.email)
        self.assertFalse(archived.exists())
        self.assertFalse(line.iban)
        self.assertEqual((line.holder_id, line.gross, line.net), (self.ann, 50.0, 50.0))

    def test_anonymise_refused_outside_the_register_manager(self):
        """Another cooperative's manager, a viewer and the helpdesk get AccessError."""
        self.set_retention(1)
        for user in (self.manager_b, self.viewer_a, self.helpdesk):
            with self.assertRaises(AccessError):
                as_user(self.ann, user).action_anonymise()
        self.assertEqual(self.ann.name, "Peeters")

    def test_cron_anonymises_only_holders_past_the_period(self):
        """The daily cron anonymises former holders whose exit is older than the period;
        a recent leaver and active holders keep their data; the log says 'cron'."""
        dirk = self.make_holder(self.reg_b, "Wouters", firstname="Dirk")
        self.make_entry("subscription", self.class_b, 2, holder_to=dirk, date="2025-06-01")
        self.make_entry("redemption", self.class_b, 2, holder_from=dirk, date="2025-07-01")
        self.make_entry("subscription", self.class_b, 2, holder_to=self.cleo,
                        date="2020-01-01")
        self.set_retention(2)  # Ann left 2024-03-01, Dirk 2025-07-01
        today = "2026-06-30"
        cutoff = self.Holder._gdpr_exit_cutoff(today)
        self.assertEqual(cutoff, "2024-06-30")
        count = self.Holder._cron_anonymise(today=today)
        self.assertGreaterEqual(count, 1)
        self.assertTrue(self.ann.anonymised)
        dirk.invalidate_cache()
        self.assertEqual((dirk.anonymised, dirk.name), (False, "Wouters"))
        self.assertEqual((self.cleo.anonymised, self.bart.anonymised), (False, False))
        log = self.Log.search([("holder_id", "=", self.ann.id)])
        self.assertEqual(log.mode, "cron")

    def test_retention_setting(self):
        """The retention period is a setting of at least one year."""
        Settings = self.env["res.config.settings"]
        with self.assertRaises(ValidationError):
            Settings.create({"coop_share_gdpr_retention_years": 0})
        Settings.create({"coop_share_gdpr_retention_years": 7}).set_values()
        self.assertEqual(self.env["ir.config_parameter"].get_param(PARAM), "7")
        self.assertEqual(self.Holder._gdpr_retention_years(), 7)
        self.assertEqual(self.ann._gdpr_anonymise_from(), "2031-03-01")
        self.assertEqual(Settings.default_get(["coop_share_gdpr_retention_years"])[
            "coop_share_gdpr_retention_years"], 7)


class _Capture(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


# attribute names that hold a shareholder's personal data
PERSONAL = {"name", "firstname", "display_name", "national_number", "company_number",
            "birthdate", "street", "zip", "city", "email", "phone", "iban", "login",
            "remote_addr", "partner_id"}


class TestNoPersonalDataInLogs(GdprCase):

    def test_logger_calls_use_no_personal_fields(self):
        """No _logger call in the addon's code passes a personal field (static check)."""
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        calls = 0
        for folder, _dirs, files in os.walk(root):
            if os.sep + "tests" in folder:
                continue
            for filename in files:
                if not filename.endswith(".py"):
                    continue
                path = os.path.join(folder, filename)
                with open(path) as source:
                    tree = ast.parse(source.read())
                for node in ast.walk(tree):
                    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                            and isinstance(node.func.value, ast.Name) \
                            and node.func.value.id == "_logger":
                        calls += 1
                        used = {n.attr for arg in node.args for n in ast.walk(arg)
                                if isinstance(n, ast.Attribute)}
                        self.assertFalse(used & PERSONAL, "%s:%s logs %s" % (
                            path, node.lineno, used & PERSONAL))
        self.assertGreaterEqual(calls, 2)

    def test_export_and_anonymisation_log_no_personal_data(self):
        """What the addon logs while exporting and anonymising names no personal data."""
        self.set_retention(1)
        capture = _Capture()
        logger = logging.getLogger("odoo.addons.coop_share_register")
        old_level = logger.level
        logger.setLevel(logging.DEBUG)
        logger.addHandler(capture)
        try:
            as_user(self.ann, self.manager_a).gdpr_export_data()
            as_user(self.ann, self.manager_a).action_anonymise()
        finally:
            logger.removeHandler(capture)
            logger.setLevel(old_level)
        self.assertTrue(capture.lines)
        text = "\n".join(capture.lines)
        for secret in ("Peeters", "Ann", NN, IBAN, "ann.peeters@example.org", "470"):
            self.assertNotIn(secret, text)


class TestExportHttp(CoopHttpCase):
    """The JSON download through HTTP: the register's manager only."""

    def setUp(self):
        super().setUp()
        env = self.env(context={"tracking_disable": True})
        partner = env["res.partner"].create({"name": "Coop GDPR", "is_company": True})
        self.reg_x = env["coop.share.register"].create({
            "name": "Zonnecoop GDPR", "partner_id": partner.id,
            "company_number": company_number("07654323")})
        self.reg_y = env["coop.share.register"].create({
            "name": "Windcoop GDPR", "partner_id": partner.id,
            "company_number": company_number("07654324")})
        self.holder = env["coop.shareholder"].create({
            "register_id": self.reg_x.id, "name": "Vertrouwelijk", "firstname": "Eva",
            "national_number": NN})
        group = ["coop_share_register.group_dar_manager"]
        new_user(env, "gdpr_mgr_x", group, password="gdpr_mgr_x",
                 coop_register_ids=[(6, 0, self.reg_x.ids)])
        new_user(env, "gdpr_mgr_y", group, password="gdpr_mgr_y",
                 coop_register_ids=[(6, 0, self.reg_y.ids)])
        self.share_with_server()

    def test_download_by_manager_only(self):
        """The manager of the holder's register downloads the JSON; the other
        cooperative's manager gets 404 and no data."""
        url = "/coop_share_register/privacy_export/%s" % self.holder.id
        self.authenticate("gdpr_mgr_y", "gdpr_mgr_y")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Vertrouwelijk", response.text)
        self.authenticate("gdpr_mgr_x", "gdpr_mgr_x")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        data = response.json()
        self.assertEqual((data["shareholder"]["name"], data["shareholder"]["national_number"]),
                         ("Vertrouwelijk", NN))

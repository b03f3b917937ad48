# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from unittest.mock import patch

import xlrd

from odoo.exceptions import AccessError

from odoo.addons.coop_website.tests.common import as_user

from .common import ReportingCase

YEAR = 1975  # a test year of its own, long before any demo data


class TestYearFigures(ReportingCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        sector = env["coop.membership.sector"]
        cls.sector_energy = sector.create({"name": "Energie (test)"})
        cls.sector_care = sector.create({"name": "Zorg (test)"})

        def org(name, state, joined, left=False, sector=False):
            return env["res.partner"].create({
                "name": name, "is_company": True, "coop_membership_state": state, "coop_join_date": joined,
                "coop_leave_date": left, "coop_sector_ids": [(6, 0, sector.ids if sector else [])],
                "property_account_receivable_id": cls.acc_receivable.id})

        cls.org_a = org("Coop A", "member", "1970-05-01", sector=cls.sector_energy)
        cls.org_b = org("Coop B", "member", "1974-12-31", sector=cls.sector_energy)
        cls.org_c = org("Coop C", "former", "1972-01-01", "1975-06-30")
        cls.org_d = org("Coop D", "member", "1975-03-01", sector=cls.sector_care)
        cls.org_e = org("Coop E", "member", "1975-12-31")
        cls.org_f = org("Coop F", "former", "1973-01-01", "1974-12-31")
        cls.org_g = org("Coop G", "applicant", "1975-05-01")
        cls.org_h = org("Coop H", "former", "1975-02-01", "1975-11-30")
        cls.org_i = org("Coop I", "member", "1976-01-01")
        cls.org_j = org("Coop J", "former", "1971-01-01", "1976-01-01")
        cls.org_j.active = False  # archived former members still count for their years
        cls.fee = env["product.product"].create({
            "name": "Lidgeld 1975 (test)", "membership": True, "list_price": 250.0, "type": "service",
            "membership_date_from": "1975-01-01", "membership_date_to": "1975-12-31"})
        cls.other_product = env["product.product"].create({"name": "Vorming (test)", "type": "service"})
        cls.make_invoice(cls.org_a, "1975-02-01", [("Lidgeld", 250.0, False)], product=cls.fee)
        inv = cls.make_invoice(cls.org_d, "1975-03-05", [("Lidgeld", 150.0, False)], product=cls.fee)
        cls.make_invoice(cls.org_d, "1975-03-05", [("Vorming", 100.0, False)], product=cls.other_product)
        cls.make_invoice(cls.org_d, "1975-04-01", [("Lidgeld correctie", 50.0, False)], product=cls.fee,
                         inv_type="out_refund")
        cls.make_invoice(cls.org_b, "1975-06-01", [("Lidgeld", 500.0, False)], product=cls.fee, validate=False)
        cls.make_invoice(cls.org_b, "1976-01-02", [("Lidgeld", 250.0, False)], product=cls.fee)
        cls.fee_invoice_d = inv

    def figures(self, user=None):
        model = self.env["coop.year.figures"]
        if user:
            model = as_user(model, user)
        wizard = model.create({"year": YEAR})
        wizard.action_compute()
        return wizard

    @staticmethod
    def line(wizard, key):
        lines = wizard.line_ids.filtered(lambda l: l.key == key)
        assert len(lines) == 1, key
        return lines

    def test_member_figures(self):
        """Members at year end, at the start, new (+%), leavers (-%) and sectors of the test year."""
        wizard = self.figures()
        self.assertEqual(self.line(wizard, "members").value, 5)
        self.assertEqual(self.line(wizard, "members_start").value, 4)
        self.assertEqual(self.line(wizard, "new").value, 3)
        self.assertAlmostEqual(self.line(wizard, "new_pct").value, 75.0)
        self.assertEqual(self.line(wizard, "new_pct").value_text, "+75,0 %")
        self.assertEqual(self.line(wizard, "left").value, 2)
        self.assertAlmostEqual(self.line(wizard, "left_pct").value, -50.0)
        self.assertEqual(self.line(wizard, "sectors").value, 2)

    def test_figures_open_the_records_behind_them(self):
        """Each member figure opens the list of exactly the organisations it counts."""
        wizard = self.figures()
        expected = {
            "members": self.org_a | self.org_b | self.org_d | self.org_e | self.org_j,
            "new": self.org_d | self.org_e | self.org_h,
            "left": self.org_c | self.org_h,
        }
        for key, partners in expected.items():
            action = self.line(wizard, key).action_open_records()
            self.assertEqual(action["res_model"], "res.partner")
            found = self.env["res.partner"].with_context(**action.get("context", {})).search(action["domain"])
            self.assertEqual(found, partners, key)

    def test_fee_income(self):
        """Fee income counts membership lines of posted invoices of the year, credit notes deducted."""
        wizard = self.figures()
        self.assertAlmostEqual(self.line(wizard, "fee_income").value, 350.0)
        self.assertEqual(self.line(wizard, "fee_invoices").value, 3)
        action = self.line(wizard, "fee_income").action_open_records()
        invoices = self.env["account.invoice"].search(action["domain"])
        self.assertIn(self.fee_invoice_d, invoices)
        self.assertEqual(len(invoices), 3)

    def test_access(self):
        """Staff and board compute the figures (fee income without billing rights); others may not."""
        self.assertEqual(self.line(self.figures(self.user_board), "fee_income").value, 350.0)
        self.assertEqual(self.line(self.figures(self.user_coop), "members").value, 5)
        with self.assertRaises(AccessError):
            self.figures(self.user_internal)

    def test_xlsx_export(self):
        """The XLSX export lists every figure with numeric values."""
        wizard = self.figures()
        action = wizard.action_export_xlsx()
        self.assertIn("/web/content/", action["url"])
        book = xlrd.open_workbook(file_contents=base64.b64decode(wizard.xlsx_file))
        sheet = book.sheet_by_index(0)
        self.assertEqual(sheet.nrows - 1, len(wizard.line_ids))
        labels = {sheet.cell(r, 1).value: sheet.cell(r, 2) for r in range(1, sheet.nrows)}
        new_label = self.line(wizard, "new").label
        self.assertEqual(labels[new_label].ctype, xlrd.XL_CELL_NUMBER)
        self.assertEqual(labels[new_label].value, 3)
        self.assertEqual(labels[self.line(wizard, "fee_income").label].value, 350.0)

    def test_contract_of_another_addon_is_rendered(self):
        """A coop_year_figures(year) dict (flat values, value dicts, record rows, label/value
        pairs) becomes figure lines, keys prefixed with the model; links add the records."""
        def fake(self_model, year):
            return {
                "webinars": [{"label": "Webinar A", "participants": 52, "satisfaction": 8.2,
                              "res_model": "event.event", "domain": [("name", "=", "Webinar A")]}],
                "first_time": 7,
                "open_rate": {"value": 31.0, "label": "Open rate", "kind": "percent"},
                "soirees": [("Participants", 30), ("Average", 8.5)],
            }
        scan_class = type(self.env["coop.compass.scan"])
        with patch.object(scan_class, "coop_year_figures", create=True, new=fake):
            wizard = self.figures()
        lines = wizard.line_ids.filtered(lambda l: l.section_key == "compass")
        values = {line.key: line for line in lines}
        prefix = "coop.compass.scan."
        self.assertEqual(values[prefix + "webinars.0.participants"].value, 52)
        self.assertIn("Webinar A", values[prefix + "webinars.0.participants"].label)
        self.assertEqual(values[prefix + "webinars.0.participants"].res_model, "event.event")
        self.assertEqual(values[prefix + "first_time"].value, 7)
        self.assertEqual(values[prefix + "first_time"].res_model, "coop.compass.scan", "linked by _figures_compass")
        self.assertEqual(values[prefix + "open_rate"].value_text, "31,0 %")
        self.assertEqual(values[prefix + "soirees.1"].value, 8.5)
        self.assertEqual(values[prefix + "soirees.1"].label.split(" - ")[-1], "Average")

    def test_other_sections(self):
        """General assembly, DAR, vacancy bank, events and newsletters of the test year,
        each figure with the records behind it."""
        env = self.env
        assembly = env["coop.general.assembly"].create({"name": "AV 1975", "date": "1975-06-24"})
        attendance = env["coop.assembly.attendance"]
        attendance.create({"assembly_id": assembly.id, "partner_id": self.org_a.id, "state": "present"})
        attendance.create({"assembly_id": assembly.id, "partner_id": self.org_b.id, "state": "proxy",
                           "proxy_partner_id": self.org_a.id})
        attendance.create({"assembly_id": assembly.id, "partner_id": self.org_d.id, "state": "excused"})
        partner_org = env["res.partner"].create({"name": "Hefboom (test)", "is_company": True})
        register = env["coop.share.register"]
        for name, mode, begin, end in (("R1", "direct", "1970-01-01", False),
                                       ("R2", "partner", "1975-05-01", False),
                                       ("R3", "direct", "1970-01-01", "1974-12-31")):
            register.create({"name": "%s (test)" % name, "partner_id": self.org_a.id, "service_mode": mode,
                             "partner_org_id": mode == "partner" and partner_org.id,
                             "company_number": "0477472701",
                             "service_start": begin, "service_end": end})
        outsider = env["res.partner"].create({"name": "Buurtwerk (test)", "is_company": True})
        vacancy = env["coop.vacancy"]
        for org, day, state, member in ((self.org_a, "1975-02-01", "closed", True),
                                        (self.org_a, "1975-04-01", "expired", True),
                                        (outsider, "1975-05-01", "closed", False),
                                        (outsider, "1975-05-02", "draft", False),
                                        (self.org_d, "1976-01-05", "closed", True)):
            vacancy.create({"name": "Job", "partner_id": org.id, "date_publication": day, "state": state,
                            "member_posting": member})
        views = env["coop.vacancy.view"]
        for session, day in (("s1", "1975-03-01"), ("s1", "1975-03-01"), ("s2", "1975-03-01"),
                             ("s1", "1975-03-02"), ("s3", "1976-01-01")):
            views.register_view(session, day=day)
        webinar = env["event.event"].create({
            "name": "Webinar (test)", "coop_kind": "webinar", "date_begin": "1975-03-10 18:00:00",
            "date_end": "1975-03-10 19:00:00", "auto_confirm": True})
        for name in ("Jan", "Mieke"):
            env["event.registration"].create({"event_id": webinar.id, "name": name,
                                              "email": "%s@example.org" % name})
        mailing = env["mail.mass_mailing"].create({"name": "Nieuwsbrief (test)", "coop_mailing_kind": "newsletter",
                                                   "sent_date": "1975-02-01 09:00:00", "state": "done"})
        for i in range(4):
            env["mail.mail.statistics"].create({
                "mass_mailing_id": mailing.id, "model": "res.partner", "res_id": self.org_a.id + i,
                "sent": "1975-02-01 09:00:00", "opened": "1975-02-01 10:00:00" if i == 0 else False})
        wizard = self.figures()
        ga = "ga_%d" % assembly.id
        expected = {
            ga + "_present": 1, ga + "_proxy": 1, ga + "_attendance": 2,
            "coop.share.register.clients": 2, "coop.share.register.members": 1,
            "coop.share.register.via_partner": 1,
            "coop.vacancy.posted": 3, "coop.vacancy.member_orgs": 1, "coop.vacancy.non_member_orgs": 1,
            "coop.vacancy.overview_unique_views": 3,
            "event.event.webinars": 1, "event.event.webinar.1.participants": 2,
            "mail.mass_mailing.newsletters": 1,
        }
        for key, value in expected.items():
            line = self.line(wizard, key)
            self.assertEqual(line.value, value, key)
            action = line.action_open_records()
            found = env[action["res_model"]].with_context(**action["context"]).search(action["domain"])
            self.assertEqual(len(found), value, "records behind %s" % key)
        lang = env["res.lang"]._lang_get(env.context.get("lang"))
        self.assertEqual(self.line(wizard, ga + "_date").value_text,
                         "24/06/1975" if lang.code == "nl_BE" else "06/24/1975")
        self.assertEqual(self.line(wizard, "event.event.webinar.1.date").value_text,
                         "10/03/1975" if lang.code == "nl_BE" else "03/10/1975")
        self.assertEqual(self.line(wizard, "mail.mass_mailing.recipients").value, 4)
        self.assertEqual(self.line(wizard, "mail.mass_mailing.open_rate").value_text, "25,0 %")

    def test_year_over_year(self):
        """Two years side by side with the change against the year before."""
        comparison = self.env["coop.year.comparison"].create({"year_from": YEAR - 1, "year_to": YEAR})
        rows = comparison._comparison([YEAR - 1, YEAR])
        members = [row for row in rows if row["label"] == self.line(self.figures(), "members").label][0]
        self.assertEqual([cell["value"] for cell in members["cells"]], [4, 5])
        self.assertEqual(members["cells"][1]["change"], 1)
        self.assertAlmostEqual(members["cells"][1]["change_pct"], 25.0)
        comparison.action_compute()
        self.assertIn("+1 (+25,0 %)", comparison.comparison_html)
        self.assertIn(str(YEAR - 1), comparison.comparison_html)

    def test_dashboard(self):
        """The dashboard charts members per year and event participants per month."""
        report = self.env["coop.report.members"].search([("year", "=", str(YEAR))])
        self.assertEqual((report.member_count, report.new_count, report.leaver_count), (5, 3, 2))
        event = self.env["event.event"].create({
            "name": "Webinar (test)", "date_begin": "%d-03-10 18:00:00" % YEAR,
            "date_end": "%d-03-10 20:00:00" % YEAR})
        registration = self.env["event.registration"]
        for name, state in (("Jan", "open"), ("Mieke", "done"), ("Piet", "cancel")):
            registration.create({"event_id": event.id, "name": name, "email": "%s@example.org" % name,
                                 "state": state})
        dashboard = as_user(self.env["coop.reporting.dashboard"], self.user_board).create({"year": YEAR})
        series = dashboard._series_per_month("coop.report.event.participants", "date_begin",
                                             "participant_count", YEAR)
        self.assertEqual(series[2], ("03", 2))
        self.assertIn(str(YEAR), dashboard.dashboard_html)
        dashboard.year = 0  # the form asks again while the year is being typed
        self.assertFalse(dashboard.dashboard_html)
        with self.assertRaises(AccessError):
            as_user(self.env["coop.reporting.dashboard"], self.user_internal).create({"year": YEAR}).dashboard_html

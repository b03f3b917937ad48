# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The annual figures of 2021 computed on the demo data of all coop addons together
reproduce the figures of Coopkracht's 2021 annual report
(shared/reference/coopkracht-jaarverslag-2021.txt)."""
from odoo import fields
from odoo.tools.safe_eval import safe_eval

from odoo.addons.coop_website.tests.common import CoopSavepointCase, as_user, new_user

YEAR = 2021


class TestDemo2021(CoopSavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.demo = bool(cls.env.ref("coop_membership.assembly_2021_demo", raise_if_not_found=False))
        if cls.demo:
            wizard = as_user(cls.env["coop.year.figures"], cls.user_board).create({"year": YEAR})
            wizard.action_compute()
            cls.wizard = wizard.sudo()
            cls.lines = {line.key: line for line in cls.wizard.line_ids}

    def setUp(self):
        super().setUp()
        if not self.demo:
            self.skipTest("the database has no demo data")

    def value(self, key):
        self.assertIn(key, self.lines, "figure %s is computed" % key)
        return self.lines[key].value

    def date_text(self, day):
        """day written as the language of the figures writes dates (nl_BE: 24/06/2021)."""
        lang = self.env["res.lang"]._lang_get(self.env.context.get("lang"))
        return fields.Date.from_string(day).strftime(lang.date_format)

    def records(self, key):
        """The records the figure's click-through opens."""
        action = self.lines[key].action_open_records()
        model = self.env[action["res_model"]].with_context(**action.get("context", {}))
        return model.search(safe_eval(repr(action["domain"])))

    def test_members(self):
        """92 members at year end, 10 new (+11 %), 7 left (-8 %) with their reasons; 90 %
        small and 10 % large organisations; more than 13 sectors."""
        self.assertEqual(self.value("members"), 92)
        self.assertEqual(self.value("new"), 10)
        self.assertEqual(self.lines["new_pct"].value_text, "+11,2 %")
        self.assertEqual(self.value("left"), 7)
        self.assertEqual(self.lines["left_pct"].value_text, "-7,9 %")
        reasons = {line.label: line.value for line in self.wizard.line_ids if line.key.startswith("left_reason_")}
        self.assertEqual(sum(reasons.values()), 7)
        ref = self.env.ref
        for xmlid in ("coop_membership.leave_reason_legal_form", "coop_membership.leave_reason_financial",
                      "coop_membership.leave_reason_stopped"):
            self.assertTrue(reasons.get("Left, reason: %s" % ref(xmlid).name), xmlid)
        small = ref("coop_membership.category_small").id
        large = ref("coop_membership.category_large").id
        self.assertEqual(round(self.value("size_%d_pct" % small)), 90)
        self.assertEqual(round(self.value("size_%d_pct" % large)), 10)
        self.assertGreater(self.value("sectors"), 13)
        for key in ("members", "new", "left", "sectors"):
            self.assertEqual(len(self.records(key)), self.value(key), key)

    def test_fee_income_and_general_assembly(self):
        """Fee income: 250 euro per small and 1000 euro per large member invoiced for 2021;
        the general assembly of 24 June 2021 with its attendance."""
        partner = self.env["res.partner"]
        invoiced = [("is_company", "=", True), ("coop_membership_state", "=", "member"),
                    ("coop_join_date", "<=", "2021-12-31")]
        small = partner.search_count(invoiced + [("coop_category_id.size", "=", "small")])
        large = partner.search_count(invoiced + [("coop_category_id.size", "=", "large")])
        self.assertEqual(self.value("fee_income"), 250.0 * small + 1000.0 * large)
        self.assertEqual(self.value("fee_invoices"), small + large)
        assembly = self.env.ref("coop_membership.assembly_2021_demo")
        key = "ga_%d" % assembly.id
        self.assertEqual(self.lines[key + "_date"].value_text, self.date_text("2021-06-24"))
        attendance = self.env["coop.assembly.attendance"]
        present = attendance.search_count([("assembly_id", "=", assembly.id), ("state", "=", "present")])
        proxy = attendance.search_count([("assembly_id", "=", assembly.id), ("state", "=", "proxy")])
        self.assertTrue(present)
        self.assertEqual(self.value(key + "_present"), present)
        self.assertEqual(self.value(key + "_proxy"), proxy)
        self.assertEqual(self.value(key + "_attendance"), present + proxy)

    def test_share_register(self):
        """28 DAR client cooperatives, 19 served directly as members, 9 via Hefboom."""
        prefix = "coop.share.register."
        self.assertEqual(self.value(prefix + "clients"), 28)
        self.assertEqual(self.value(prefix + "members"), 19)
        self.assertEqual(self.value(prefix + "via_partner"), 9)
        self.assertEqual(len(self.records(prefix + "via_partner")), 9)
        self.assertEqual(set(self.records(prefix + "via_partner").mapped("partner_org_id.name")), {"Hefboom cv"})

    def test_vacancies(self):
        """88 vacancies from 28 member organisations and 6 non-members; 829 unique views of
        the overview page."""
        prefix = "coop.vacancy."
        self.assertEqual(self.value(prefix + "posted"), 88)
        self.assertEqual(self.value(prefix + "member_orgs"), 28)
        self.assertEqual(self.value(prefix + "non_member_orgs"), 6)
        self.assertEqual(self.value(prefix + "overview_unique_views"), 829)
        for key in ("posted", "member_orgs", "non_member_orgs", "overview_unique_views"):
            self.assertEqual(len(self.records(prefix + key)), self.value(prefix + key), key)
        members = self.records(prefix + "member_orgs")
        self.assertTrue(all(org.coop_is_member_on("2021-12-31") or org.coop_leave_date for org in members))
        self.assertFalse(any(org.coop_is_member_on("2021-06-30") for org in self.records(prefix + "non_member_orgs")))

    def test_events(self):
        """The 4 webinars with 52, 41, 21 and 8 participants (satisfaction 8, 8.5 and 9 of
        the three scored ones); two Soirées, 30 participants, scores from 7 to 10, average
        8.5; two thematic conversations with 8 cooperatives."""
        prefix = "event.event."
        self.assertEqual(self.value(prefix + "webinars"), 4)
        participants = [self.value(prefix + "webinar.%d.participants" % n) for n in range(1, 5)]
        self.assertEqual(participants, [52, 41, 21, 8])
        self.assertEqual([self.lines[prefix + "webinar.%d.date" % n].value_text for n in range(1, 5)],
                         [self.date_text(day) for day in ("2021-03-31", "2021-06-22", "2021-12-02", "2021-12-09")])
        self.assertEqual([self.value(prefix + "webinar.%d.satisfaction" % n) for n in range(2, 5)], [8.0, 8.5, 9.0])
        for n in range(1, 5):
            key = prefix + "webinar.%d.participants" % n
            self.assertEqual(len(self.records(key)), self.value(key))
        self.assertEqual(self.value(prefix + "soiree.events"), 2)
        self.assertEqual(self.value(prefix + "soiree.participants"), 30)
        self.assertEqual((self.value(prefix + "soiree.score_min"), self.value(prefix + "soiree.score_max")), (7, 10))
        self.assertEqual(self.lines[prefix + "soiree.score_range"].value_text, "7 - 10")
        self.assertEqual(self.value(prefix + "soiree.average_score"), 8.5)
        self.assertEqual(self.value(prefix + "thematic.events"), 2)
        self.assertEqual(self.value(prefix + "thematic.organisations"), 8)

    def test_newsletters(self):
        """7 newsletters and 5 flashes to 1734 contacts, 31 % opened on average."""
        prefix = "mail.mass_mailing."
        self.assertEqual(self.value(prefix + "newsletters"), 7)
        self.assertEqual(self.value(prefix + "flashes"), 5)
        self.assertEqual(self.value(prefix + "recipients"), 1734)
        self.assertEqual(round(self.value(prefix + "open_rate")), 31)
        self.assertEqual(len(self.records(prefix + "newsletters")), 7)

    def test_compass(self):
        """19 first-time completions of the ICA compass and 2 returning users."""
        prefix = "coop.compass.scan."
        self.assertEqual(self.value(prefix + "first_time"), 19)
        self.assertEqual(self.value(prefix + "returning"), 2)
        self.assertEqual(len(self.records(prefix + "first_time")), 19)

    def test_year_over_year_and_dashboard(self):
        """2020 and 2021 side by side: 89 then 92 members (+3); the dashboard charts the
        members per year, the 2021 event participants and the 88 vacancies per month."""
        comparison = as_user(self.env["coop.year.comparison"], self.user_board).create(
            {"year_from": YEAR - 1, "year_to": YEAR})
        rows = comparison._comparison([YEAR - 1, YEAR])
        members = [row for row in rows if row["label"] == self.lines["members"].label][0]
        self.assertEqual([cell["value"] for cell in members["cells"]], [89, 92])
        self.assertEqual(members["cells"][1]["change"], 3)
        comparison.action_compute()
        self.assertIn("+3 (+3,4 %)", comparison.comparison_html)
        dashboard = as_user(self.env["coop.reporting.dashboard"], self.user_board).create({"year": YEAR})
        self.assertIn(("2021", 92), dashboard._series_members())
        vacancies = dashboard._series_per_month("coop.report.vacancies", "date", "vacancy_count", YEAR)
        self.assertEqual(sum(value for _month, value in vacancies), 88)
        participants = dashboard._series_per_month("coop.report.event.participants", "date_begin",
                                                   "participant_count", YEAR)
        self.assertEqual(dict(participants)["03"], 52)
        self.assertEqual(dict(participants)["12"], 21 + 8)
        self.assertIn("2021", dashboard.dashboard_html)

    def test_accounting_export_2021(self):
        """The accounting export of 2021 can be made on the demo data (the members' company
        numbers are coop_membership's coop_kbo_number) and its totals are the invoices'."""
        accountant = new_user(self.env, "coop_accountant_2021", ["coop_reporting.group_accounting_export"])
        company = self.env.user.company_id
        invoices = self.env["account.invoice"].search([
            ("company_id", "=", company.id), ("state", "in", ("open", "paid")),
            ("date_invoice", ">=", "2021-01-01"), ("date_invoice", "<=", "2021-12-31")])
        self.assertGreaterEqual(len(invoices.filtered("coop_fee_year")), 92)
        journals = invoices.mapped("journal_id")
        export = as_user(self.env["coop.accounting.export"], accountant).create_export(
            "year", "2021-01-01", "2021-12-31", journals).sudo()
        # Totals of the journal items of the period, from the database.
        self.env.cr.execute("""
            SELECT COUNT(*), COUNT(DISTINCT l.move_id), COALESCE(SUM(l.debit), 0), COALESCE(SUM(l.credit), 0)
              FROM account_move_line l JOIN account_move m ON m.id = l.move_id
             WHERE m.state = 'posted' AND l.company_id = %s AND l.journal_id IN %s
               AND l.date >= '2021-01-01' AND l.date <= '2021-12-31'""", (company.id, tuple(journals.ids)))
        line_count, move_count, debit, credit = self.env.cr.fetchone()
        self.assertEqual(export.line_count, line_count)
        self.assertEqual(export.move_count, move_count)
        self.assertAlmostEqual(export.total_debit, debit, places=2)
        self.assertAlmostEqual(export.total_credit, credit, places=2)
        # Against the invoices: their receivable items sum to the invoices' totals.
        signed = self.env["account.invoice"].read_group(
            [("id", "in", invoices.ids)], ["amount_total_company_signed"], [])[0]["amount_total_company_signed"]
        receivable = self.env["account.move.line"].read_group(
            [("move_id", "in", invoices.mapped("move_id").ids),
             ("account_id.internal_type", "=", "receivable")], ["balance"], [])[0]["balance"]
        self.assertAlmostEqual(receivable, signed, places=2)
        fees = invoices.filtered("coop_fee_year")
        self.assertAlmostEqual(sum(fees.mapped("amount_total")), self.value("fee_income"), places=2)
        rows = [line for line in export._fetch_lines(company, "2021-01-01", "2021-12-31", journals)
                if line["move_id"] in fees.mapped("move_id").ids]
        self.assertTrue(all(line["partner_company_number"] for line in rows))
        self.assertAlmostEqual(sum(line["debit"] for line in rows), sum(fees.mapped("amount_total")), places=2)

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from unittest.mock import patch

import xlsxwriter

from .common import DarCase, as_user

HOLDERS = (
    "ref,type,name,firstname,national_number,company_number,street,zip,city,lang,iban\n"
    "H1,person,Peeters,An,85073003328,,Kerkstraat 1,9000,Gent,nl,BE71096123456769\n"
    "H2,company,Zonnige Buren,,,0403.170.701,Markt 3,2000,Antwerpen,fr,\n"
    "H3,person,Dubois,Luc,,,Rue Haute 5,1000,Brussel,fr,\n"
)
ENTRIES = (
    "ref,date,type,class,quantity,from_holder,to_holder,paid_amount,amount_paid_out\n"
    "E1,2020-01-10,subscription,A,4,,H1,500.00,\n"
    "E2,2020-02-10,subscription,A,10,,H2,2500,\n"
    "E3,2021-03-01,transfer,A,2,H1,H3,,\n"
    "E4,2022-03-01,redemption,A,2,H3,,,500.00\n"
)


class TestImport(DarCase):

    def run_import(self, holders=HOLDERS, entries=ENTRIES, dry_run=False, user=None):
        wizard = as_user(self.env["coop.share.import.wizard"], user or self.manager_a)
        enc = lambda t: t.encode("utf-8") if isinstance(t, str) else t  # noqa: E731
        return wizard.with_context(lang="nl_BE").import_files(
            self.reg_a, enc(holders) if holders else None, enc(entries) if entries else None,
            dry_run=dry_run)

    def count(self):
        return (self.Holder.search_count([("register_id", "=", self.reg_a.id)]),
                self.Entry.search_count([("register_id", "=", self.reg_a.id)]),
                self.Payment.search_count([("register_id", "=", self.reg_a.id)]))

    def test_import_and_reimport(self):
        """A valid file is imported (numbers, positions, payments); the same file again
        changes nothing."""
        before = self.count()
        dry = self.run_import(dry_run=True)
        self.assertFalse(dry["problems"])
        self.assertEqual((dry["holders_new"], dry["entries_new"]), (3, 4))
        self.assertEqual(self.count(), before, "a dry run writes nothing")
        result = self.run_import()
        self.assertFalse(result["problems"])
        self.assertEqual(self.count(), (before[0] + 3, 4, 2))
        h1 = self.Holder.search([("ref", "=", "H1"), ("register_id", "=", self.reg_a.id)])
        h3 = self.Holder.search([("ref", "=", "H3"), ("register_id", "=", self.reg_a.id)])
        self.assertEqual(h1.number, 3)
        self.assertEqual(h1.lang, "nl_BE")
        self.assertEqual(h1.state, "active")
        self.assertEqual(h3.state, "former")
        self.assertEqual(h3.exit_date, "2022-03-01")
        pos = h1.positions()[0]
        # the unpaid balance of a subscription stays with the subscriber
        self.assertEqual((pos["shares"], pos["paid"], pos["unpaid"]), (2, 0.0, 500.0))
        entries = self.Entry.search([("register_id", "=", self.reg_a.id)], order="number")
        self.assertEqual(entries.mapped("number"), [1, 2, 3, 4])
        self.assertEqual(set(entries.mapped("state")), {"confirmed"})
        again = self.run_import()
        self.assertEqual((again["holders_new"], again["entries_new"]), (0, 0))
        self.assertEqual(self.count(), (before[0] + 3, 4, 2))
        # a confirmed imported entry is protected like any other
        self.make_entry("subscription", self.class_a, 1, holder_to=h1)
        self.assertEqual(self.Entry.search([("register_id", "=", self.reg_a.id)],
                                           order="number desc", limit=1).number, 5)

    def assertProblem(self, result, *fragments):
        self.assertTrue(result["problems"], "expected problems")
        text = "\n".join(result["problems"])
        for fragment in fragments:
            self.assertIn(fragment, text)

    def test_bad_files_write_nothing(self):
        """Each bad input is reported by row and column, in Dutch, and nothing is written."""
        before = self.count()
        cases = [
            (HOLDERS.replace("firstname", "voornaam"), ENTRIES, ["rij 1", "voornaam"]),
            (HOLDERS + "H1,person,Dubbel,,,,,,,nl,\n", ENTRIES, ["rij 5", "dubbele rij"]),
            (HOLDERS, ENTRIES.replace("2021-03-01,transfer,A", "2021-03-01,transfer,Z"),
             ["rij 4", "'class'", "Z"]),
            (HOLDERS, ENTRIES.replace("subscription,A,4", "subscription,A,vier"),
             ["rij 2", "'quantity'", "vier"]),
            (HOLDERS, ENTRIES.replace("2020-02-10", "10/02/2020"), ["rij 3", "'date'"]),
            (HOLDERS, ENTRIES.replace("2020-02-10", "2999-02-10"), ["rij 3", "toekomst"]),
            (HOLDERS, ENTRIES.replace("transfer,A,2", "transfer,A,9"), ["rij 4", "H1"]),
            (HOLDERS, ENTRIES.replace("subscription,A,4", "subscription,A,-4"),
             ["rij 2", "positief"]),
            (HOLDERS.replace("85073003328", "85073003327"), ENTRIES,
             ["rij 2", "'national_number'"]),
            (HOLDERS.replace("BE71096123456769", "BE71096123456768"), ENTRIES,
             ["rij 2", "'iban'"]),
            (HOLDERS.replace("0403.170.701", "0403.170.702"), ENTRIES,
             ["rij 3", "'company_number'"]),
            (HOLDERS, ENTRIES.replace(",H3,,\n", ",X9,,\n"), ["rij 4", "X9"]),
            (HOLDERS, ENTRIES.replace("500.00,\n", "5000.00,\n", 1), ["rij 2", "paid_amount"]),
        ]
        for holders, entries, fragments in cases:
            result = self.run_import(holders, entries)
            self.assertProblem(result, *fragments)
            self.assertEqual(self.count(), before)

    def test_register_order_holds_entry_by_entry(self):
        """A transfer numbered before the subscription it needs, on the same day, is
        refused (per day the sum is 0, but the printed register would show the giver at
        -2 after that entry); the count is a whole number; nothing is written. In the
        right order the same rows are accepted."""
        before = self.count()
        wrong = ("ref,date,type,class,quantity,from_holder,to_holder,paid_amount,amount_paid_out\n"
                 "E1,2020-01-10,subscription,A,4,,H1,500.00,\n"
                 "E2,2020-03-01,transfer,A,2,H3,H1,,\n"
                 "E3,2020-03-01,subscription,A,2,,H3,500.00,\n")
        result = self.run_import(HOLDERS, wrong)
        self.assertProblem(result, "rij 3", "H3", "-2 aandelen", "na inschrijving")
        self.assertNotIn("-2.0", " ".join(str(p) for p in result.get("problems", [])))
        self.assertEqual(self.count(), before)
        right = wrong.replace("E2,2020-03-01,transfer,A,2,H3,H1,,\n", "") + \
            "E2,2020-03-01,transfer,A,2,H3,H1,,\n"
        result = self.run_import(HOLDERS, right)
        self.assertFalse(result.get("problems"), result.get("problems"))

    def test_partial_exclusion_refused_in_import(self):
        """An exclusion row that leaves the shareholder shares is refused by row, in
        Dutch, with a whole number; nothing is written. Excluding all is accepted."""
        before = self.count()
        partial = ENTRIES + "E5,2022-06-01,exclusion,A,3,H2,,,750.00\n"
        result = self.run_import(HOLDERS, partial)
        self.assertProblem(result, "rij 6", "H2", "7 aandelen", "uitsluiting")
        self.assertEqual(self.count(), before)
        result = self.run_import(HOLDERS, partial.replace("exclusion,A,3,H2", "exclusion,A,10,H2"))
        self.assertFalse(result.get("problems"), result.get("problems"))

    def test_upload_limits(self):
        """A file over the upload limit (a setting; 1 MB here) and a zip bomb posing as an
        XLSX are refused in Dutch before they are parsed; nothing is written."""
        from odoo.addons.coop_website.tests.test_uploads import zip_bomb
        from odoo.exceptions import UserError
        before = self.count()
        with self.assertRaisesRegex(UserError, "geen normaal rekenblad"):
            self.run_import(HOLDERS, zip_bomb())
        self.env["ir.config_parameter"].sudo().set_param("coop_website.upload_limit_mb", "1")
        big = ENTRIES + "".join("E%d,2022-03-02,subscription,A,1,,H1,250.00,\n" % i
                                for i in range(10, 40000))
        self.assertGreater(len(big), 1024 * 1024)
        with self.assertRaisesRegex(UserError, "niet aanvaard"):
            self.run_import(HOLDERS, big)
        self.assertEqual(self.count(), before)

    def test_latin1_file(self):
        """A Latin-1 file gets a clear message about UTF-8 and writes nothing."""
        before = self.count()
        holders = HOLDERS.replace("Dubois", "Dubois-Frère").encode("latin-1")
        result = self.run_import(holders, None)
        self.assertProblem(result, "UTF-8")
        self.assertEqual(self.count(), before)

    def test_xlsx_file(self):
        """The same data as XLSX (with real date cells) imports as well."""
        data = io.BytesIO()
        book = xlsxwriter.Workbook(data, {"in_memory": True})
        sheet = book.add_worksheet()
        date_fmt = book.add_format({"num_format": "yyyy-mm-dd"})
        rows = [line.split(",") for line in ENTRIES.strip().split("\n")]
        import datetime
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if r and c == 1:
                    sheet.write_datetime(r, c, datetime.datetime.strptime(value, "%Y-%m-%d"),
                                         date_fmt)
                elif r and c == 4:
                    sheet.write_number(r, c, int(value))
                else:
                    sheet.write(r, c, value)
        book.close()
        result = self.run_import(HOLDERS, data.getvalue())
        self.assertFalse(result["problems"], result["problems"])
        self.assertEqual(self.count()[1], 4)

    def test_example_files_are_valid(self):
        """The downloadable example files pass the dry run."""
        wizard = self.env["coop.share.import.wizard"]
        result = self.run_import(wizard.example_csv("holders"), wizard.example_csv("entries"),
                                 dry_run=True)
        self.assertFalse(result["problems"], result["problems"])
        self.assertEqual(result["entries_new"], 4)  # with a correction

    def xlsx(self, text):
        """The CSV text as an XLSX workbook (text cells)."""
        data = io.BytesIO()
        book = xlsxwriter.Workbook(data, {"in_memory": True})
        sheet = book.add_worksheet()
        for r, line in enumerate(text.strip().split("\n")):
            for c, value in enumerate(line.split(",")):
                if value:
                    sheet.write_string(r, c, value)
        book.close()
        return data.getvalue()

    def test_one_validation_for_csv_and_xlsx(self):
        """CSV and XLSX go through the same checks: the same bad rows give the same
        problems, for shareholders and for entries, and nothing is written."""
        before = self.count()
        bad_holders = HOLDERS.replace("85073003328", "85073003327").replace(
            "H3,person", "H1,person")
        bad_entries = ENTRIES.replace("subscription,A,4", "subscription,A,vier").replace(
            "2022-03-01", "01/03/2022")
        for holders, entries in ((bad_holders, ENTRIES), (HOLDERS, bad_entries)):
            from_csv = self.run_import(holders, entries)
            from_xlsx = self.run_import(self.xlsx(holders), self.xlsx(entries))
            self.assertTrue(from_csv["problems"])
            self.assertEqual(from_csv["problems"], from_xlsx["problems"])
        self.assertEqual(self.count(), before)

    def test_import_correction_entries(self):
        """A correction row reverses an entry of the register or of the same file (by its
        reference); re-importing it changes nothing; a bad correction writes nothing."""
        self.assertFalse(self.run_import()["problems"])
        h1 = self.Holder.search([("ref", "=", "H1"), ("register_id", "=", self.reg_a.id)])
        h3 = self.Holder.search([("ref", "=", "H3"), ("register_id", "=", self.reg_a.id)])
        self.assertEqual(self.held(h1, self.class_a), 2)
        corrections = (
            "ref,date,type,class,quantity,from_holder,to_holder,corrects,note\n"
            "E5,2022-06-01,subscription,A,1,,H3,,\n"
            "C1,2022-06-02,correction,,,,,E4,exit recorded by mistake\n"
            "C2,2022-06-03,correction,A,1,,,E5,\n")
        result = self.run_import(None, corrections)
        self.assertFalse(result["problems"], result["problems"])
        c1 = self.Entry.search([("ref", "=", "C1"), ("register_id", "=", self.reg_a.id)])
        e4 = self.Entry.search([("ref", "=", "E4"), ("register_id", "=", self.reg_a.id)])
        self.assertEqual((c1.entry_type, c1.corrected_entry_id, c1.state, c1.sign),
                         ("correction", e4, "confirmed", -1))
        self.assertEqual((c1.effect_type, c1.quantity, c1.holder_from_id),
                         ("redemption", 2, h3))
        # E4's exit undone, E5 subscribed then reversed: H3 holds 2 shares again
        self.assertEqual(self.held(h3, self.class_a), 2)
        self.assertEqual(self.held(h3, self.class_a, "2022-06-02"), 3)
        after = self.count()
        again = self.run_import(None, corrections)
        self.assertFalse(again["problems"])
        self.assertEqual(again["entries_new"], 0)
        self.assertEqual(self.count(), after)
        cases = [
            ("X1,2022-07-01,correction,,,,,E4,\n", ["'corrects'", "E4"]),  # corrected twice
            ("X1,2022-07-01,correction,,,,,E9,\n", ["'corrects'", "E9"]),  # unknown
            ("X1,2022-07-01,correction,,,,,C1,\n", ["'corrects'"]),  # a correction
            ("X1,2022-07-01,correction,,,,,,\n", ["'corrects'"]),  # nothing corrected
            ("X1,2022-07-01,correction,B,,,,E1,\n", ["'class'"]),  # another class
            ("X1,2022-07-01,correction,,,,,E1,\n"  # E1 reversed: H1 gave E3's shares
             "X2,2022-07-01,subscription,A,1,,H1,,\n", ["H1"]),
            ("X1,2022-07-01,transfer,A,1,H1,H2,E1,\n", ["'corrects'"]),
            ("X1,2019-01-01,correction,,,,,E2,\n", ["'date'"]),  # before the entry
            ("X1,2022-07-01,correction,,,,H3,E2,\n", ["'to_holder'"]),  # another holder
        ]
        header = "ref,date,type,class,quantity,from_holder,to_holder,corrects,note\n"
        for rows, fragments in cases:
            result = self.run_import(None, header + rows)
            self.assertProblem(result, *fragments)
            self.assertEqual(self.count(), after)

    def test_progress_of_large_files(self):
        """The importer reports its progress while it checks and writes the rows."""
        seen = []
        wizard = as_user(self.env["coop.share.import.wizard"], self.manager_a)
        with patch("odoo.addons.coop_share_register.wizards.coop_share_import_wizard."
                   "PROGRESS_ROWS", 2):
            result = wizard.import_files(self.reg_a, HOLDERS.encode(), ENTRIES.encode(),
                                         dry_run=False,
                                         progress=lambda *args: seen.append(args))
        self.assertFalse(result["problems"])
        self.assertEqual([(done, total) for done, total, _msg in seen],
                         [(2, 3), (2, 4), (4, 4), (1, 3), (2, 3)])

    def test_text_kept_as_written(self):
        """Quotes, commas, new lines and a lone backslash-dot (COPY's end-of-data mark)
        in a text cell are imported as they were written; empty cells stay empty."""
        entries = ('ref,date,type,class,quantity,to_holder,note\n'
                   'E1,2020-01-10,subscription,A,4,H1,"zeg ""ja"", of neen\nlijn 2"\n'
                   'E2,2020-01-11,subscription,A,4,H2,\\.\n'
                   'E3,2020-01-12,subscription,A,4,H3,\n')
        result = self.run_import(HOLDERS, entries)
        self.assertFalse(result["problems"], result["problems"])
        notes = {e.ref: e.note for e in self.Entry.search([("register_id", "=", self.reg_a.id)])}
        self.assertEqual(notes, {"E1": 'zeg "ja", of neen\nlijn 2', "E2": "\\.", "E3": False})
        h2 = self.Holder.search([("ref", "=", "H2"), ("register_id", "=", self.reg_a.id)])
        self.assertEqual((h2.firstname, h2.iban, h2.company_number),
                         (False, False, "0403.170.701"))

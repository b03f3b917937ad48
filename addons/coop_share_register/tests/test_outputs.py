# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from unittest.mock import patch

import xlrd

from odoo.exceptions import UserError

from .common import DarCase, as_user


class TestOutputs(DarCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sub = cls.make_entry("subscription", cls.class_a, 4, holder_to=cls.ann,
                                 date="2023-01-01")
        cls.make_entry("transfer", cls.class_a, 1, holder_to=cls.bart, holder_from=cls.ann,
                       date="2023-02-01")
        cls.env["coop.share.payment"].create({"entry_id": cls.sub.id, "date": "2023-01-05",
                                              "amount": 1000.0})

    def test_position_list(self):
        """The positions list is filled by one query for the user and the date."""
        wizard = as_user(self.env["coop.share.position.wizard"], self.manager_a).create(
            {"register_id": self.reg_a.id, "date": "2023-01-15"})
        action = wizard.action_show()
        rows = as_user(self.Position, self.manager_a).search(action["domain"])
        self.assertEqual([(r.holder_id, r.shares) for r in rows], [(self.ann, 4)])
        self.assertEqual(rows.paid, 1000.0)
        self.assertFalse(as_user(self.Position, self.manager_b).search(action["domain"]))

    def test_xlsx_exports(self):
        """The XLSX exports hold the entries and the positions as of a date."""
        Export = as_user(self.env["coop.share.export.wizard"], self.manager_a)
        book = xlrd.open_workbook(file_contents=Export.export_xlsx(self.reg_a, "entries"))
        sheet = book.sheet_by_index(0)
        self.assertEqual(sheet.nrows, 3)
        self.assertEqual(sheet.cell_value(1, 0), 1)
        self.assertEqual(sheet.cell_value(2, 9), "Bart Janssens")
        book = xlrd.open_workbook(file_contents=Export.export_xlsx(
            self.reg_a, "positions", "2023-03-01"))
        sheet = book.sheet_by_index(0)
        self.assertEqual([sheet.cell_value(r, 3) for r in range(1, sheet.nrows)], [3, 1])
        wizard = Export.create({"register_id": self.reg_a.id, "kind": "positions"})
        wizard.action_export()
        self.assertTrue(wizard.data)
        self.assertTrue(wizard.filename.endswith(".xlsx"))

    def test_reports_render(self):
        """The register extract and the certificate render, the certificate in the
        holder's language."""
        report = self.env.ref("coop_share_register.report_register_extract_action")
        html = as_user(report, self.manager_a).render_qweb_html(
            self.reg_a.ids, data={"date": "2023-03-01"})[0].decode()
        self.assertIn("Peeters", html)
        self.assertNotIn("Maes", html)
        cert = self.env.ref("coop_share_register.report_shareholder_certificate_action")
        html = as_user(cert, self.manager_a).render_qweb_html(self.ann.ids)[0].decode()
        self.assertIn("R/000001", html)
        self.ann.lang = "nl_BE"
        html = as_user(cert, self.manager_a).render_qweb_html(self.ann.ids)[0].decode()
        self.assertIn("Bewijs van inschrijving", html)

    def test_extract_in_parts(self):
        """A register too large for one PDF is printed in parts of shareholder numbers."""
        Wizard = as_user(self.env["coop.share.export.wizard"], self.manager_a)
        wizard = Wizard.create({"register_id": self.reg_a.id, "date": "2023-03-01"})
        action = wizard.action_print_extract()
        self.assertEqual(action["report_name"], "coop_share_register.report_register_extract")
        with patch.object(type(Wizard), "_extract_part_size", lambda self: 1):
            with self.assertRaises(UserError):
                wizard.action_print_extract()
            wizard.write({"number_from": 2, "number_to": 2})
            action = wizard.action_print_extract()
        values = as_user(self.env["report.coop_share_register.report_register_extract"],
                         self.manager_a).get_report_values(self.reg_a.ids, action["data"])
        self.assertEqual([h for h, _pos in values["lines"][self.reg_a.id]], [self.bart])

    def test_xlsx_text_escaped(self):
        """Text with XML's special characters, accents and control characters comes out
        of the export as it was written (control characters dropped), in a valid file."""
        odd = self.make_holder(self.reg_a, "Dé & <Zonen> \"cv\"", firstname=" Ö'ne ")
        self.make_entry("subscription", self.class_a, 1, holder_to=odd, date="2023-02-02",
                        note="lijn 1\nlijn\x07 2 & <meer>")
        Export = as_user(self.env["coop.share.export.wizard"], self.manager_a)
        sheet = xlrd.open_workbook(file_contents=Export.export_xlsx(
            self.reg_a, "entries")).sheet_by_index(0)
        last = sheet.row_values(sheet.nrows - 1)
        self.assertEqual(last[9], " Ö'ne  Dé & <Zonen> \"cv\"")
        self.assertEqual(last[14], "lijn 1\nlijn 2 & <meer>")
        self.assertEqual(sheet.ncols, 15)

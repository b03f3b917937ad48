# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The upload check every import uses: size limit (a setting) and zip bombs."""
import base64
import io
import zipfile

from odoo.exceptions import UserError
from odoo.tests.common import TransactionCase


def xlsx_bytes(rows):
    import xlsxwriter
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.close()
    return buffer.getvalue()


def zip_bomb(unpacked_mb=60):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (unpacked_mb * 1024 * 1024))
        archive.writestr("[Content_Types].xml", b"<Types/>")
    return buffer.getvalue()


class TestUploads(TransactionCase):

    def setUp(self):
        super().setUp()
        self.Upload = self.env["coop.upload"].with_context(lang="nl_BE")

    def test_normal_files_pass(self):
        """A real spreadsheet and a CSV pass and come back decoded."""
        content = xlsx_bytes([["Naam", "Aandelen"]] + [["Houder %d" % i, i] for i in range(500)])
        self.assertEqual(self.Upload._coop_check_upload(base64.b64encode(content)), content)
        csv = b"naam;aandelen\nAnna;3\n"
        self.assertEqual(self.Upload._coop_check_upload(csv, encoded=False), csv)

    def test_size_limit_is_a_setting(self):
        """Over the limit (set to 1 MB here; 20 MB by default) is refused in Dutch, before
        decoding; the settings refuse a limit out of range."""
        self.assertEqual(self.Upload._coop_limit_mb(), 20.0)
        self.env["ir.config_parameter"].sudo().set_param("coop_website.upload_limit_mb", "1")
        big = base64.b64encode(b"x" * (1536 * 1024))
        with self.assertRaisesRegex(UserError, "niet aanvaard"):
            self.Upload._coop_check_upload(big, "leden.csv")
        with self.assertRaisesRegex(UserError, "niet aanvaard"):
            self.Upload._coop_check_upload(b"x" * (1536 * 1024), encoded=False)
        settings = self.env["res.config.settings"].create({})
        with self.assertRaises(Exception):
            settings.write({"coop_upload_limit_mb": 0})

    def test_zip_bomb_refused(self):
        """An XLSX-like archive that unpacks to 60 MB from a few kB is refused from its
        directory, without unpacking; a damaged archive too."""
        bomb = zip_bomb()
        self.assertLess(len(bomb), 200 * 1024)
        with self.assertRaisesRegex(UserError, "geen normaal rekenblad"):
            self.Upload._coop_check_upload(base64.b64encode(bomb), "register.xlsx")
        with self.assertRaisesRegex(UserError, "beschadigd"):
            self.Upload._coop_check_upload(b"PK\x03\x04" + b"\x00" * 100, encoded=False)

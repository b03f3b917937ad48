# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The one formatting helper of the platform prints Belgian Dutch numbers, amounts and
dates (issue 25.11): 1.234,56 €, 15/03/2017, 15 maart 2017."""
import datetime
import unittest

from odoo.tests.common import TransactionCase
from odoo.tools.misc import format_date as odoo_format_date

from odoo.addons.coop_website.tools.formatting import (
    format_amount, format_date, format_number)

NBSP = "\N{NO-BREAK SPACE}"


class TestFormatNumber(unittest.TestCase):

    def test_grouping_and_decimal_comma(self):
        """Thousands are grouped with a dot, decimals follow a comma."""
        self.assertEqual(format_number(1234.56), "1.234,56")
        self.assertEqual(format_number(500), "500,00")
        self.assertEqual(format_number(999.999), "1.000,00")
        self.assertEqual(format_number(1234567890.12), "1.234.567.890,12")

    def test_large_numbers(self):
        """Large numbers keep every group and no exponent."""
        self.assertEqual(format_number(10 ** 12, digits=0), "1.000.000.000.000")
        self.assertEqual(format_number(1e16), "10.000.000.000.000.000,00")

    def test_negative_numbers(self):
        """A minus sign before the first group, never inside the groups."""
        self.assertEqual(format_number(-1234.5), "-1.234,50")
        self.assertEqual(format_number(-123), "-123,00")
        self.assertEqual(format_number(-0.001), "0,00", "no '-0,00'")

    def test_zero_and_none(self):
        """0 is printed, no value gives an empty string."""
        self.assertEqual(format_number(0), "0,00")
        self.assertEqual(format_number(0.0, digits=0), "0")
        self.assertEqual(format_number(None), "")
        self.assertEqual(format_number(False), "")

    def test_rounding(self):
        """Half away from zero, also where the float lies just below the half."""
        self.assertEqual(format_number(2.675), "2,68")
        self.assertEqual(format_number(1.005), "1,01")
        self.assertEqual(format_number(-2.675), "-2,68")
        self.assertEqual(format_number(0.125, digits=1), "0,1")
        self.assertEqual(format_number(12.5, digits=0), "13")
        self.assertEqual(format_number(1.23456, digits=4), "1,2346")


class TestFormatAmount(unittest.TestCase):

    def test_amounts(self):
        """The euro sign after the amount, joined by a non-breaking space."""
        self.assertEqual(format_amount(1234.56), "1.234,56" + NBSP + "€")
        self.assertEqual(format_amount(500), "500,00" + NBSP + "€")
        self.assertEqual(format_amount(-250), "-250,00" + NBSP + "€")
        self.assertEqual(format_amount(0), "0,00" + NBSP + "€")
        self.assertEqual(format_amount(None), "")
        self.assertEqual(format_amount(12.5, symbol="$"), "12,50" + NBSP + "$")
        self.assertEqual(format_amount(12.5, symbol=None), "12,50")


class TestFormatDate(unittest.TestCase):

    def test_short_dates(self):
        """Day/month/year with slashes, from Odoo's strings and from Python dates."""
        self.assertEqual(format_date("2017-03-15"), "15/03/2017")
        self.assertEqual(format_date(datetime.date(2026, 12, 7)), "07/12/2026")
        self.assertEqual(format_date(datetime.datetime(2017, 3, 5, 23, 59)), "05/03/2017")
        self.assertEqual(format_date("2017-03-15 10:30:00"), "15/03/2017")

    def test_long_dates(self):
        """In running text the month is written out in Dutch."""
        self.assertEqual(format_date("2017-03-15", long=True), "15 maart 2017")
        self.assertEqual(format_date("2026-12-01", long=True), "1 december 2026")

    def test_no_date(self):
        """No date gives an empty string; a malformed one is an error, not a guess."""
        self.assertEqual(format_date(None), "")
        self.assertEqual(format_date(False), "")
        self.assertEqual(format_date(""), "")
        with self.assertRaises(ValueError):
            format_date("15-03-2017")


class TestDutchLanguageFormats(TransactionCase):

    def test_nl_be_formats(self):
        """Odoo's nl_BE language writes Belgian Dutch dates and numbers, as the helper
        does: what t-field prints in reports and the portal (Odoo ships 15-03-2017)."""
        lang = self.env.ref("base.lang_nl_BE")
        self.assertEqual(lang.date_format, "%d/%m/%Y")
        self.assertEqual((lang.decimal_point, lang.thousands_sep), (",", "."))
        self.assertEqual(lang.format("%.2f", 1234567.5, grouping=True), "1.234.567,50")
        self.assertEqual(odoo_format_date(self.env, "2017-03-15", lang_code="nl_BE"),
                         format_date("2017-03-15"))

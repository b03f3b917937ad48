# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The validators of coop_website.tools (pure Python: no database needed)."""
import unittest

from stdnum.be import vat as be_vat

from ..tools import validators as v
from .common import (company_number, iban, invalid_company_number, invalid_iban,
                     invalid_national_number, invalid_ogm, kbo, national_number, ogm)

EMPTY = (None, False, "", "   ")


class TestCompanyNumber(unittest.TestCase):

    def test_valid_numbers_and_formats(self):
        """A company number is accepted as typed (dots, spaces, BE, 9 digits) and stored
        as 0403.170.701."""
        for typed in ("0403.170.701", "0403170701", "403170701", "BE 0403 170 701",
                      "be0403.170.701", "0403-170-701", " 0403.170.701 "):
            self.assertTrue(v.is_valid_company_number(typed), typed)
            self.assertEqual(v.normalise_company_number(typed), "0403.170.701", typed)
            self.assertEqual(v.compact_company_number(typed), "0403170701", typed)
        self.assertEqual(v.normalise_company_number(company_number("10000000")), "1000.000.021")
        self.assertTrue(v.is_valid_company_number(kbo(7)))

    def test_invalid_checksum(self):
        """A wrong check digit is refused."""
        for typed in ("0403.170.702", invalid_company_number("04031707"),
                      invalid_company_number("10000000")):
            self.assertFalse(v.is_valid_company_number(typed), typed)
            self.assertIsNone(v.normalise_company_number(typed), typed)

    def test_wrong_length_start_or_characters(self):
        """Too short, too long, a first digit other than 0 or 1, or letters: refused."""
        starts_with_2 = company_number("24031707")  # passes mod 97 (python-stdnum accepts it)
        self.assertTrue(be_vat.is_valid(starts_with_2))
        for typed in ("04031707", "040317070100", starts_with_2, company_number("94031707"),
                      "04031707O1",
                      "0403.170.70a"):
            self.assertFalse(v.is_valid_company_number(typed), typed)
            self.assertIsNone(v.normalise_company_number(typed), typed)

    def test_empty(self):
        """Nothing typed is not a number."""
        for value in EMPTY:
            self.assertFalse(v.is_valid_company_number(value))
            self.assertIsNone(v.normalise_company_number(value))

    def test_complete(self):
        """complete_company_number adds the check digits to eight digits (demo data)."""
        self.assertEqual(v.complete_company_number("04031707"), "0403.170.701")
        self.assertEqual(v.complete_company_number("10000000"), "1000.000.021")

    def test_format_keeps_what_was_typed_when_invalid(self):
        """format_company_number formats a valid number and leaves a bad one as typed."""
        self.assertEqual(v.format_company_number("403170701"), "0403.170.701")
        self.assertEqual(v.format_company_number("0403/170/702"), "0403/170/702")
        self.assertFalse(v.format_company_number(False))


class TestNationalNumber(unittest.TestCase):

    def test_valid_numbers_and_formats(self):
        """A national number is accepted with the usual separators and stored as 11 digits."""
        for typed in ("85.07.30-033.28", "85073003328", "850730 033 28", " 85.07.30-033.28 "):
            self.assertTrue(v.is_valid_national_number(typed), typed)
            self.assertEqual(v.normalise_national_number(typed), "85073003328", typed)
        self.assertTrue(v.is_valid_national_number(national_number("930214", "155")))

    def test_born_from_2000(self):
        """For people born from 2000 on, the check digits are computed on 2 + the first nine."""
        post2000 = national_number("010203", "123", after_2000=True)
        self.assertNotEqual(post2000, national_number("010203", "123"))
        self.assertTrue(v.is_valid_national_number(post2000))
        self.assertEqual(v.normalise_national_number(post2000), post2000)

    def test_invalid_checksum(self):
        """Check digits that fit neither rule are refused."""
        for typed in ("85073003327", invalid_national_number(), invalid_national_number("010203", "123")):
            self.assertFalse(v.is_valid_national_number(typed), typed)
            self.assertIsNone(v.normalise_national_number(typed), typed)

    def test_wrong_length_or_characters(self):
        """Ten or twelve digits, or a letter among them: refused."""
        for typed in ("1234", "8507300332", "850730033288", "8507300332a", "85_07_30_033_28"):
            self.assertFalse(v.is_valid_national_number(typed), typed)

    def test_empty(self):
        """Nothing typed is not a number."""
        for value in EMPTY:
            self.assertFalse(v.is_valid_national_number(value))
            self.assertIsNone(v.normalise_national_number(value))


class TestIban(unittest.TestCase):

    def test_valid_ibans_and_formats(self):
        """An IBAN is accepted in groups, lower case or compact and stored compact, upper case."""
        for typed in ("BE71 0961 2345 6769", "be71096123456769", "BE71-0961-2345-6769",
                      iban("0961234567")):
            self.assertTrue(v.is_valid_iban(typed), typed)
            self.assertEqual(v.normalise_iban(typed), "BE71096123456769", typed)
        self.assertEqual(v.format_iban("be71096123456769"), "BE71 0961 2345 6769")
        self.assertTrue(v.is_valid_iban("NL91 ABNA 0417 1643 00"))
        self.assertTrue(v.is_valid_iban(iban("5390075470")))

    def test_invalid_checksum(self):
        """A wrong IBAN check is refused."""
        for typed in ("BE71 0961 2345 6768", invalid_iban(), invalid_iban("5390075470")):
            self.assertFalse(v.is_valid_iban(typed), typed)
            self.assertIsNone(v.normalise_iban(typed), typed)
        self.assertEqual(v.format_iban("BE71 0961 2345 6768"), "BE71 0961 2345 6768")

    def test_wrong_length_or_country(self):
        """A Belgian IBAN has 16 characters; an unknown country is refused."""
        for typed in ("BE71 0961 2345 676", "BE71 0961 2345 67690", "XX71 0961 2345 6769", "BE"):
            self.assertFalse(v.is_valid_iban(typed), typed)

    def test_empty(self):
        """Nothing typed is not an IBAN."""
        for value in EMPTY:
            self.assertFalse(v.is_valid_iban(value))
            self.assertIsNone(v.normalise_iban(value))


class TestStructuredCommunication(unittest.TestCase):

    def test_generate(self):
        """The check digits are the first ten mod 97, and 97 when that is 0."""
        self.assertEqual(v.structured_communication(1), "+++000/0000/00101+++")
        self.assertEqual(v.structured_communication(97), "+++000/0000/09797+++")
        self.assertEqual(v.structured_communication(1234567890), "+++123/4567/89002+++")
        self.assertEqual(v.structured_communication(4321), ogm(4321))

    def test_valid_formats(self):
        """A structured communication is accepted with +++ or ***, or as 12 digits, and
        written +++123/4567/89002+++."""
        for typed in ("+++123/4567/89002+++", "***123/4567/89002***", "123456789002",
                      "123/4567/89002", " +++ 123 / 4567 / 89002 +++ ", ogm(1234567890)):
            self.assertTrue(v.is_valid_structured_communication(typed), typed)
            self.assertEqual(v.normalise_structured_communication(typed),
                             "+++123/4567/89002+++", typed)

    def test_invalid_checksum(self):
        """A wrong check is refused."""
        for typed in ("+++123/4567/89003+++", invalid_ogm(), invalid_ogm(97)):
            self.assertFalse(v.is_valid_structured_communication(typed), typed)
            self.assertIsNone(v.normalise_structured_communication(typed), typed)

    def test_wrong_length_or_characters(self):
        """Eleven or thirteen digits, or letters: refused."""
        for typed in ("+++123/4567/8900+++", "+++123/4567/890022+++", "+++12a/4567/89002+++"):
            self.assertFalse(v.is_valid_structured_communication(typed), typed)

    def test_empty(self):
        """Nothing typed is not a structured communication."""
        for value in EMPTY:
            self.assertFalse(v.is_valid_structured_communication(value))
            self.assertIsNone(v.normalise_structured_communication(value))

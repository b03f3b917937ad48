# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError

from ..models.validators import is_valid_company_number, is_valid_national_number
from .common import DarCase, company_number, national_number


class TestValidators(DarCase):

    def test_national_number(self):
        """Mod-97 national numbers, including the rule for births from 2000 on."""
        self.assertTrue(is_valid_national_number(national_number()))
        self.assertTrue(is_valid_national_number("85.07.30-033.28"))
        post2000 = national_number("010203", "123", after_2000=True)
        self.assertTrue(is_valid_national_number(post2000))
        pre_rule = national_number("010203", "123", after_2000=False)
        self.assertNotEqual(post2000, pre_rule)
        self.assertFalse(is_valid_national_number("85073003327"))
        self.assertFalse(is_valid_national_number("1234"))

    def test_company_number(self):
        """Company numbers: 10 digits, mod 97, a 9-digit legacy number gets a 0."""
        self.assertTrue(is_valid_company_number("0403.170.701"))
        self.assertTrue(is_valid_company_number("403170701"))
        self.assertTrue(is_valid_company_number(company_number("10000000")))
        self.assertFalse(is_valid_company_number("0403.170.702"))
        self.assertFalse(is_valid_company_number("2403170701"))

    def test_bad_identifiers_write_nothing(self):
        """A bad national number, company number or IBAN is refused."""
        count = self.Holder.search_count([])
        for values in ({"national_number": "85073003327"},
                       {"holder_type": "company", "company_number": "0403.170.702"},
                       {"iban": "BE71 0961 2345 6768"}):
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                self.make_holder(self.reg_a, "Fout", **values)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.make_register("Foute coop", "04031708", company_number="0403.170.708")
        self.assertEqual(self.Holder.search_count([]), count)
        holder = self.make_holder(self.reg_a, "Goed", iban="be71 0961 2345 6769",
                                  national_number="85.07.30-033.28")
        self.assertEqual(holder.iban, "BE71096123456769")
        self.assertEqual(holder.national_number, "85073003328")

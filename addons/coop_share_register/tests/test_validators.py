# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The register's and the holders' numbers go through coop_website.tools.validators
(their own tests: coop_website/tests/test_validators.py)."""
from odoo.exceptions import ValidationError

from .common import DarCase, invalid_company_number, invalid_iban, invalid_national_number


class TestValidators(DarCase):

    def test_bad_identifiers_write_nothing(self):
        """A bad national number, company number or IBAN is refused."""
        count = self.Holder.search_count([])
        for values in ({"national_number": "85073003327"},
                       {"national_number": invalid_national_number("010203", "123")},
                       {"holder_type": "company", "company_number": "0403.170.702"},
                       {"holder_type": "company", "company_number": invalid_company_number()},
                       {"iban": "BE71 0961 2345 6768"},
                       {"iban": invalid_iban()}):
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                self.make_holder(self.reg_a, "Fout", **values)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.make_register("Foute coop", "04031708", company_number="0403.170.708")
        self.assertEqual(self.Holder.search_count([]), count)

    def test_numbers_are_stored_normalised(self):
        """Numbers typed with separators or in lower case are stored in one form."""
        holder = self.make_holder(self.reg_a, "Goed", iban="be71 0961 2345 6769",
                                  national_number="85.07.30-033.28")
        self.assertEqual(holder.iban, "BE71096123456769")
        self.assertEqual(holder.national_number, "85073003328")
        company = self.make_holder(self.reg_a, "Goed bv", holder_type="company",
                                   company_number="BE 477472701")
        self.assertEqual(company.company_number, "0477.472.701")
        self.assertEqual(self.reg_a.company_number, "0403.170.701")

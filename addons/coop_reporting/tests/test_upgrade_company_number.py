# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The 11.0.1.1.0 upgrade moves the numbers of the old res_partner.company_registry column
(coop_reporting's own company number field, now removed) into coop_kbo_number."""
import importlib.util
import os

from odoo.addons.coop_website.tests.common import CoopSavepointCase

from ..tools.upgrade import move_company_registry

MIGRATION = os.path.join(os.path.dirname(os.path.dirname(__file__)),
                         "migrations", "11.0.1.1.0", "post-migrate.py")


def load_migration():
    spec = importlib.util.spec_from_file_location("coop_reporting_post_migrate_11_0_1_1_0", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestUpgradeCompanyNumber(CoopSavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        partner = cls.env["res.partner"]
        cls.org_empty = partner.create({"name": "Oud nummer cv", "is_company": True})
        cls.org_kept = partner.create({"name": "Eigen nummer cv", "is_company": True,
                                       "coop_kbo_number": "0123.456.749"})
        cls.org_invalid = partner.create({"name": "Fout nummer cv", "is_company": True})
        cls.org_taken = partner.create({"name": "Dubbel nummer cv", "is_company": True})
        cls.org_spaces = partner.create({"name": "Spaties cv", "is_company": True})

    def set_old_column(self):
        """The database as 11.0.1.0.0 left it: numbers in res_partner.company_registry."""
        cr = self.env.cr
        cr.execute("ALTER TABLE res_partner ADD COLUMN IF NOT EXISTS company_registry VARCHAR")
        for partner, number in ((self.org_empty, "0200.000.043"), (self.org_kept, "0200.000.043"),
                                (self.org_invalid, "0200.000.000"), (self.org_taken, "0123.456.749"),
                                (self.org_spaces, "BE 0477 472 701")):
            cr.execute("UPDATE res_partner SET company_registry = %s WHERE id = %s", (number, partner.id))

    def test_numbers_moved_where_empty(self):
        """Valid numbers move into an empty coop_kbo_number (normalised); a number already
        there, an invalid number or one another organisation has are left alone."""
        self.set_old_column()
        moved = move_company_registry(self.env.cr)
        self.env["res.partner"].invalidate_cache()
        self.assertEqual(moved, 2)
        self.assertEqual(self.org_empty.coop_kbo_number, "0200.000.043")
        self.assertEqual(self.org_spaces.coop_kbo_number, "0477.472.701")
        self.assertEqual(self.org_kept.coop_kbo_number, "0123.456.749")
        self.assertFalse(self.org_invalid.coop_kbo_number)
        self.assertFalse(self.org_taken.coop_kbo_number)
        # A second run changes nothing.
        self.assertEqual(move_company_registry(self.env.cr), 0)

    def test_migration_script(self):
        """The post-migrate script of 11.0.1.1.0 does the move on an upgrade, and nothing
        on a fresh install or without the old column."""
        self.set_old_column()
        migration = load_migration()
        migration.migrate(self.env.cr, False)
        self.env["res.partner"].invalidate_cache()
        self.assertFalse(self.org_empty.coop_kbo_number)
        migration.migrate(self.env.cr, "11.0.1.0.0")
        self.env["res.partner"].invalidate_cache()
        self.assertEqual(self.org_empty.coop_kbo_number, "0200.000.043")
        self.env.cr.execute("ALTER TABLE res_partner DROP COLUMN company_registry")
        self.assertEqual(move_company_registry(self.env.cr), 0)

    def test_one_company_number_field(self):
        """res.partner has one company number field, coop_membership's coop_kbo_number,
        and the accounting export reads it."""
        self.assertNotIn("company_registry", self.env["res.partner"]._fields)
        export = self.env["coop.accounting.export"]
        self.assertEqual(export._partner_company_number(self.org_kept), "0123.456.749")

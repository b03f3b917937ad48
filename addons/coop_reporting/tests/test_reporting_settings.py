# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError

from odoo.addons.coop_website.tests.common import new_settings_admin, owned_settings, save_settings

from .common import ReportingCase

KEY = "coop_reporting.accounting_office_email"


class TestReportingSettings(ReportingCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = new_settings_admin(cls.env, "reporting_settings_admin")

    def _param(self):
        return self.env["ir.config_parameter"].sudo().get_param(KEY)

    def test_settings_set_accounting_office_email(self):
        """The address saved in the settings is the one the export is mailed to; clearing it
        removes the parameter and sending asks for an address again."""
        export = self.export("2019-03-01", "2019-03-31")
        save_settings(self.env, self.admin, {"coop_accounting_office_email": "boekhouding@coopfabrik.example"})
        self.assertEqual(self._param(), "boekhouding@coopfabrik.example")
        self.assertEqual(self.env["res.config.settings"].default_get(
            ["coop_accounting_office_email"])["coop_accounting_office_email"], "boekhouding@coopfabrik.example")
        export.invalidate_cache()
        self.assertEqual(export.accounting_office_email, "boekhouding@coopfabrik.example")
        export.action_send_mail()
        mail = self.env["mail.mail"].search([("model", "=", export._name), ("res_id", "=", export.id)])
        self.assertEqual(len(mail), 1)
        self.assertIn("boekhouding@coopfabrik.example", mail.email_to)

        save_settings(self.env, self.admin, {"coop_accounting_office_email": False})
        self.assertFalse(self._param())
        export.invalidate_cache()
        with self.assertRaises(UserError):
            export.action_send_mail()

    def test_non_admin_cannot_set_email(self):
        """The accountant (no Settings right) cannot redirect the exports to another address."""
        before = self._param()
        settings = owned_settings(self.env, self.user_accountant, {"coop_accounting_office_email": "evil@example.org"})
        with self.assertRaises(AccessError):
            settings.execute()
        with self.assertRaises(AccessError):
            settings.set_values()
        self.assertEqual(self._param(), before)

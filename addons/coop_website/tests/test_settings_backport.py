# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The backport of Odoo 12's ``config_parameter=`` on res.config.settings (models/res_config_settings.py)."""
from odoo import fields
from odoo.exceptions import AccessError

from .common import CoopSavepointCase, new_settings_admin, owned_settings, save_settings

KEY = "coop_website.test_setting"
# A plain char field of the settings (website's); the test declares config_parameter on it,
# as ``fields.Char(config_parameter=KEY)`` does (see test_declared_keyword_kept).
FIELD = "google_maps_api_key"


class TestConfigParameterBackport(CoopSavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = new_settings_admin(cls.env, "settings_admin")

    def setUp(self):
        super().setUp()
        field = self.env["res.config.settings"]._fields[FIELD]
        field.config_parameter = KEY
        self.addCleanup(delattr, field, "config_parameter")

    def _param(self):
        return self.env["ir.config_parameter"].sudo().get_param(KEY)

    def _form_value(self):
        return self.env["res.config.settings"].default_get([FIELD])[FIELD]

    def test_declared_keyword_kept(self):
        """Odoo 11 keeps the unknown keyword config_parameter as an attribute of the field,
        which is what the backport reads."""
        field = fields.Char(config_parameter="coop.probe")
        field.setup_base(self.env["res.config.settings"], "x_probe")
        self.assertEqual(field.config_parameter, "coop.probe")
        self.assertFalse(hasattr(self.env["res.partner"]._fields["name"], "config_parameter"))

    def test_save_and_read_back(self):
        """A settings manager saves the field (create + execute, the Save button): the parameter
        holds the value, the form reads the parameter back, emptying the field deletes it."""
        save_settings(self.env, self.admin, {FIELD: "sleutel-123"})
        self.assertEqual(self._param(), "sleutel-123")
        self.env["ir.config_parameter"].sudo().set_param(KEY, "andere-sleutel")
        self.assertEqual(self._form_value(), "andere-sleutel")
        save_settings(self.env, self.admin, {FIELD: False})
        self.assertFalse(self.env["ir.config_parameter"].sudo().search([("key", "=", KEY)]))
        self.assertFalse(self._form_value())

    def test_non_admin_cannot_save(self):
        """Users without the Settings right change nothing: not with the Save button, not by
        calling set_values (public, reachable over RPC)."""
        self.env["ir.config_parameter"].sudo().set_param(KEY, "origineel")
        for user in (self.user_manager, self.user_internal):
            settings = owned_settings(self.env, user, {FIELD: "gekaapt"})
            with self.assertRaises(AccessError):
                settings.execute()
            # refused by the backport's own check, before any other app's set_values runs
            with self.assertRaisesRegex(AccessError, "Only administrators can change the settings"):
                settings.with_context(lang="en_US").set_values()
        self.assertEqual(self._param(), "origineel")

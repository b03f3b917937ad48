# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from odoo.addons.coop_website.tests.common import as_user, new_settings_admin, owned_settings, save_settings

from .common import CompassCase

KEY = "coop_compass.share_with_organisation"


class TestCompassSettings(CompassCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = new_settings_admin(cls.env, "compass_settings_admin")

    def _param(self):
        return self.env["ir.config_parameter"].sudo().get_param(KEY)

    def _new_scan(self, user):
        return as_user(self.env["coop.compass.scan"], user).action_start(self.org_a).sudo()

    def test_settings_change_sharing_of_new_scans(self):
        """The settings form switches the sharing of new scans off and on again: the parameter
        changes, the form reads it back and new scans of the organisation follow it."""
        save_settings(self.env, self.admin, {"coop_compass_share_with_organisation": False})
        self.assertFalse(self._param())
        self.assertFalse(self.env["res.config.settings"].default_get(
            ["coop_compass_share_with_organisation"])["coop_compass_share_with_organisation"])
        scan = self._new_scan(self.author)
        self.assertFalse(scan.share_with_organisation)
        with self.assertRaises(AccessError):
            as_user(scan, self.colleague).read(["name"])

        # finish it, so that the colleague can start the organisation's next scan
        as_user(scan, self.author).set_answers(self._full_answers())
        as_user(scan, self.author).action_submit()

        save_settings(self.env, self.admin, {"coop_compass_share_with_organisation": True})
        self.assertEqual(self._param(), "True")
        self.assertTrue(self.env["res.config.settings"].default_get(
            ["coop_compass_share_with_organisation"])["coop_compass_share_with_organisation"])
        scan = self._new_scan(self.colleague)
        self.assertTrue(scan.share_with_organisation)
        self.assertEqual(as_user(scan, self.author).read(["name"])[0]["id"], scan.id)

    def test_non_admin_cannot_change_sharing(self):
        """A Coopkracht manager without the Settings right cannot change the setting, neither with
        the Save button (execute) nor by calling set_values."""
        before = self._param()
        settings = owned_settings(self.env, self.user_manager, {"coop_compass_share_with_organisation": not before})
        with self.assertRaises(AccessError):
            settings.execute()
        with self.assertRaises(AccessError):
            settings.set_values()
        self.assertEqual(self._param(), before)

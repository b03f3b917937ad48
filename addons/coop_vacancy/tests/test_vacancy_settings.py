# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import importlib.util
import os
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.coop_website.tests.common import as_user, new_settings_admin, owned_settings, save_settings

from .common import VacancyCase, local_today, make_vacancy, set_params


class TestVacancySettings(VacancyCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = new_settings_admin(cls.env, "vacancy_settings_admin")

    def _params(self):
        get = self.env["ir.config_parameter"].sudo().get_param
        return {key: get("coop_vacancy.%s" % key)
                for key in ("review_members", "expiry_days", "nonmember_price", "reviewer_user_id")}

    def _form_values(self):
        names = ["coop_vacancy_review_members", "coop_vacancy_expiry_days",
                 "coop_vacancy_nonmember_price", "coop_vacancy_reviewer_id"]
        return {name: value for name, value in self.env["res.config.settings"].default_get(names).items()
                if name in names}

    def test_settings_drive_review_expiry_price_and_reviewer(self):
        """Saved in the settings: review of members on, 45 days, 50 EUR, a reviewer. The
        parameters keep their keys, the form reads them back and the workflow follows them."""
        save_settings(self.env, self.admin, {
            "coop_vacancy_review_members": True, "coop_vacancy_expiry_days": 45,
            "coop_vacancy_nonmember_price": 50.0, "coop_vacancy_reviewer_id": self.user_coop.id})
        self.assertEqual(self._params(), {"review_members": "True", "expiry_days": "45",
                                          "nonmember_price": "50.0",
                                          "reviewer_user_id": str(self.user_coop.id)})
        self.assertEqual(self._form_values(), {
            "coop_vacancy_review_members": True, "coop_vacancy_expiry_days": 45,
            "coop_vacancy_nonmember_price": 50.0, "coop_vacancy_reviewer_id": self.user_coop.id})

        vacancy = make_vacancy(self.env, self.org_member)
        as_user(vacancy, self.poster).action_submit()
        # execute() of the settings leaves this test's record cache stale (the database is right)
        vacancy.invalidate_cache()
        self.assertEqual(vacancy.state, "to_review")
        self.assertEqual(vacancy.activity_ids.user_id, self.user_coop)
        as_user(vacancy, self.user_coop).action_publish()
        vacancy.invalidate_cache()
        self.assertEqual(vacancy.date_closing, fields.Date.to_string(local_today(self.env) + timedelta(days=45)))

        paid = make_vacancy(self.env, self.org_nonmember)
        as_user(paid, self.poster_nonmember).action_submit()
        as_user(paid, self.user_coop).action_publish()
        paid.invalidate_cache()
        self.assertEqual(paid.invoice_id.amount_untaxed, 50.0)

    def test_settings_switch_review_off(self):
        """Unticking the review removes the parameter (Odoo 12 semantics) and a member's
        vacancy is then published on submit, without reviewer."""
        set_params(self.env, review_members=1)
        save_settings(self.env, self.admin, {"coop_vacancy_review_members": False,
                                             "coop_vacancy_reviewer_id": False})
        self.assertFalse(self._params()["review_members"])
        self.assertFalse(self.env["ir.config_parameter"].sudo().search(
            [("key", "=", "coop_vacancy.review_members")]))
        self.assertFalse(self._params()["reviewer_user_id"])
        self.assertFalse(self._form_values()["coop_vacancy_review_members"])
        self.assertFalse(self._form_values()["coop_vacancy_reviewer_id"])
        vacancy = make_vacancy(self.env, self.org_member)
        as_user(vacancy, self.poster).action_submit()
        vacancy.invalidate_cache()
        self.assertEqual(vacancy.state, "published")
        self.assertFalse(vacancy.activity_ids)
        # without a configured reviewer, the first Coopkracht manager gets the reviews
        self.assertEqual(self.env["coop.vacancy"]._get_reviewer(), self.user_manager)

    def test_old_values_still_read(self):
        """Values stored before config_parameter= ("1"/"0") keep their meaning for the workflow."""
        set_params(self.env, review_members=0)
        self.assertFalse(self.env["coop.vacancy"]._review_members())
        set_params(self.env, review_members=1)
        self.assertTrue(self.env["coop.vacancy"]._review_members())

    def test_migration_of_old_review_values(self):
        """The 11.0.1.1.0 migration turns "1" into "True" and "0" into an absent parameter, so
        that the settings form shows what the workflow does; the other settings are untouched."""
        path = os.path.join(os.path.dirname(__file__), os.pardir, "migrations", "11.0.1.1.0",
                            "post-migration.py")
        spec = importlib.util.spec_from_file_location("coop_vacancy_migration_11_0_1_1_0", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        for old, new in (("1", "True"), ("0", None)):
            set_params(self.env, review_members=old, expiry_days=33)
            migration.migrate(self.env.cr, "11.0.1.0.0")
            self.env.cr.execute("SELECT key, value FROM ir_config_parameter WHERE key IN %s",
                                (("coop_vacancy.review_members", "coop_vacancy.expiry_days"),))
            self.assertEqual(dict(self.env.cr.fetchall()), dict(
                [("coop_vacancy.expiry_days", "33")] + ([("coop_vacancy.review_members", new)] if new else [])))
            self.env["ir.config_parameter"].clear_caches()
            self.assertEqual(self.env["coop.vacancy"]._review_members(), old == "1")
            self.assertEqual(self._form_values()["coop_vacancy_review_members"], old == "1")

    def test_bad_values_refused(self):
        """Less than one day or a negative price: a clear message and nothing saved."""
        before = self._params()
        for values in ({"coop_vacancy_expiry_days": 0}, {"coop_vacancy_expiry_days": -5},
                       {"coop_vacancy_nonmember_price": -1.0}):
            with self.assertRaises(ValidationError):
                save_settings(self.env, self.admin, values)
        self.assertEqual(self._params(), before)

    def test_non_admin_cannot_change_settings(self):
        """A Coopkracht manager without the Settings right changes nothing, neither with the Save
        button (execute) nor by calling set_values (a public method)."""
        before = self._params()
        settings = owned_settings(self.env, self.user_manager, {
            "coop_vacancy_expiry_days": 5, "coop_vacancy_nonmember_price": 1.0,
            "coop_vacancy_review_members": False, "coop_vacancy_reviewer_id": self.user_manager.id})
        with self.assertRaises(AccessError):
            settings.execute()
        with self.assertRaises(AccessError):
            settings.set_values()
        self.assertEqual(self._params(), before)

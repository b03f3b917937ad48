# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 15.7: a DAR record never moves to another client's register."""
from odoo.exceptions import UserError

from odoo.addons.coop_website.tests.common import as_user

from .common import DarCase

MIXIN = "coop.share.register.bound"


def register_models(env):
    """{model: [its stored many2one fields to coop.share.register]} of every stored
    (non-transient, non-SQL-view) model."""
    found = {}
    for name in env.registry:
        model = env[name]
        if model._transient or model._abstract or not model._auto:
            continue
        fields = [fname for fname, field in model._fields.items()
                  if field.type == "many2one" and field.comodel_name == "coop.share.register"
                  and field.store]
        if fields:
            found[name] = fields
    return found


class TestRegisterBound(DarCase):
    """One record per model that inherits the mixin, in register A; moving it to B fails."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.records = cls.make_bound_records(cls.class_a, cls.ann, cls.bart)

    def test_every_register_model_is_bound(self):
        """Every stored model with a many2one to coop.share.register inherits the
        register-bound mixin on that field."""
        mixin = self.env.registry[MIXIN]
        for name, fields in register_models(self.env).items():
            with self.subTest(model=name):
                self.assertTrue(issubclass(self.env.registry[name], mixin),
                                "%s has %s but does not inherit %s" % (name, fields, MIXIN))
                self.assertIn(self.env[name]._coop_register_field, fields)

    def test_every_bound_model_has_a_case(self):
        """The test below covers every model that inherits the mixin."""
        mixin = self.env.registry[MIXIN]
        bound = {name for name in self.env.registry
                 if name != MIXIN and issubclass(self.env.registry[name], mixin)
                 and not self.env[name]._abstract}
        self.assertEqual(bound, set(self.records))

    def test_register_cannot_change(self):
        """For each bound model: writing another register, or none, is refused (the
        mixin's Dutch message, or the model's own stricter rule) and the record stays in
        its register; writing the register it has is allowed."""
        for name, record in self.records.items():
            field = record._coop_register_field
            with self.subTest(model=name):
                self.assertEqual(record[field], self.reg_a)
                nl_record = record.with_context(lang="nl_BE")
                with self.assertRaisesRegex(UserError, "kan niet naar een ander register"):
                    nl_record._coop_check_register_kept({field: self.reg_b.id})
                for value in (self.reg_b.id, False):
                    with self.assertRaises(UserError):
                        with self.env.cr.savepoint():
                            nl_record.write({field: value})
                record.invalidate_cache()
                self.assertEqual(record[field], self.reg_a)
                record._coop_check_register_kept({field: self.reg_a.id})

    def test_draft_records_guarded(self):
        """The records that only create() guarded (a share class, a draft assembly, a
        roll line, a background job, an invoice) now refuse another register with the
        mixin's Dutch message."""
        for name in ("coop.share.class", "coop.share.assembly", "coop.share.assembly.holder",
                     "coop.share.register.job", "account.invoice", "coop.shareholder",
                     "coop.share.entry", "coop.share.ticket"):
            record = self.records[name].with_context(lang="nl_BE")
            with self.subTest(model=name):
                with self.assertRaisesRegex(UserError, "kan niet naar een ander register"):
                    with self.env.cr.savepoint():
                        record.write({record._coop_register_field: self.reg_b.id})

    def test_related_register_kept(self):
        """A change request or an invitation, whose register comes from its holder, cannot
        move to a holder of another register either (by a manager or the superuser)."""
        for name in ("coop.shareholder.change.request", "coop.shareholder.invitation"):
            record = self.records[name].with_context(lang="nl_BE")
            with self.subTest(model=name):
                with self.assertRaisesRegex(UserError, "kan niet naar een ander register"):
                    with self.env.cr.savepoint():
                        record.write({"holder_id": self.cleo.id})
                self.assertEqual(record.holder_id, self.ann)
                # another holder of the same register is no move
                record._coop_check_register_kept({"holder_id": self.bart.id})
        request = as_user(self.records["coop.shareholder.change.request"], self.manager_a)
        with self.assertRaises(UserError):
            with self.env.cr.savepoint():
                request.write({"holder_id": self.cleo.id})

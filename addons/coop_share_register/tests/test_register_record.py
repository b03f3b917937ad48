# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 16.4: the register-bound mixin (coop.share.register.record) gives every DAR
model its register field with the user's register as default, takes the register from
the parent named by _coop_register_parent, and refuses a move to another client."""
from odoo.exceptions import UserError

from odoo.addons.coop_website.tests.common import as_user, new_user

from .common import DarCase


class TestRegisterRecord(DarCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a real DAR manager of both registers: the record rules let him see both, so
        # only the mixin stops a move from one to the other
        cls.manager_ab = new_user(cls.env, "dar_mgr_ab", ["coop_share_register.group_dar_manager"],
                                  coop_register_ids=[(6, 0, (cls.reg_a | cls.reg_b).ids)])

    def test_default_is_the_users_only_register(self):
        """A DAR user of one register gets it as default on every register record; a
        user of two registers gets none (he chooses)."""
        for model in ("coop.shareholder", "coop.share.class", "coop.share.entry",
                      "coop.share.assembly", "coop.share.mailing", "coop.share.ticket",
                      "coop.share.dividend.run"):
            with self.subTest(model=model):
                self.assertEqual(as_user(self.env[model], self.manager_a)
                                 .default_get(["register_id"]).get("register_id"), self.reg_a.id)
                self.assertFalse(as_user(self.env[model], self.manager_ab)
                                 .default_get(["register_id"]).get("register_id"))
        holder = as_user(self.Holder, self.manager_a).create({"name": "Wouters", "firstname": "Wim"})
        self.assertEqual(holder.register_id, self.reg_a)

    def test_register_from_parent(self):
        """A voting right, an opt-out, a resolution and a payment take the register of
        their share class, shareholder, assembly and subscription, whatever register the
        values name."""
        manager = self.manager_ab
        right = as_user(self.env["coop.share.class.voting.right"], manager).create({
            "class_id": self.class_b.id, "register_id": self.reg_a.id,
            "date_from": "2020-01-01", "votes_per_share": 1})
        self.assertEqual(right.register_id, self.reg_b)
        optout = as_user(self.env["coop.share.mailing.optout"], manager).create({
            "holder_id": self.cleo.id})
        self.assertEqual(optout.register_id, self.reg_b)
        assembly = self.env["coop.share.assembly"].create({
            "name": "AV 2024", "register_id": self.reg_b.id, "date": "2024-06-15 12:00:00",
            "record_date": "2024-04-30"})
        resolution = self.env["coop.share.assembly.resolution"].create({
            "assembly_id": assembly.id, "register_id": self.reg_a.id, "name": "Jaarrekening"})
        self.assertEqual(resolution.register_id, self.reg_b)
        sub = self.make_entry("subscription", self.class_a, 2, holder_to=self.ann)
        payment = as_user(self.Payment, self.manager_a).create({
            "entry_id": sub.id, "date": "2024-03-02", "amount": 100.0})
        self.assertEqual(payment.register_id, self.reg_a)

    def test_manager_cannot_move_a_record_to_another_client(self):
        """A DAR manager of both registers cannot move a shareholder, a share class or a
        voting right to the other register: the Dutch error, and nothing changes."""
        right = self.env["coop.share.class.voting.right"].create({
            "class_id": self.class_a.id, "date_from": "2020-01-01", "votes_per_share": 1})
        for record in (self.ann, self.class_a):
            with self.subTest(model=record._name):
                mine = as_user(record, self.manager_ab).with_context(lang="nl_BE")
                with self.assertRaisesRegex(UserError, "kan niet naar een ander register"):
                    with self.env.cr.savepoint():
                        mine.write({"register_id": self.reg_b.id})
                record.invalidate_cache()
                self.assertEqual(record.register_id, self.reg_a)
                mine.write({"register_id": self.reg_a.id})  # the same register is no move
        with self.assertRaises(UserError), self.env.cr.savepoint():
            as_user(right, self.manager_ab).write({"register_id": self.reg_b.id})
        right.invalidate_cache()
        self.assertEqual(right.register_id, self.reg_a)

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import psycopg2

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import DarCase, as_user


class TestPayments(DarCase):
    """Payments on shares are part of the register: append-only, per register."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sub_a = cls.make_entry("subscription", cls.class_a, 4, holder_to=cls.ann,
                                   date="2023-01-01")
        cls.sub_b = cls.make_entry("subscription", cls.class_b, 5, holder_to=cls.cleo,
                                   date="2023-01-01")
        cls.pay_b = cls.Payment.create({"entry_id": cls.sub_b.id, "date": "2023-01-02",
                                        "amount": 100.0})

    def unpaid(self, holder):
        return sum(p["unpaid"] for p in self.Position.compute_positions(
            holder.register_id, holder_ids=holder.ids))

    def test_manager_registers_payment_on_own_register(self):
        """A register manager creates payments directly on his register's subscriptions
        (no detour through another action) and sees them."""
        payment = as_user(self.Payment, self.manager_a).create({
            "entry_id": self.sub_a.id, "date": "2023-01-05", "amount": 400.0})
        self.assertEqual(payment.register_id, self.reg_a)
        self.assertEqual(payment.holder_id, self.ann)
        self.assertEqual(as_user(self.Payment, self.manager_a).search([]), payment)
        self.assertEqual(self.unpaid(self.ann), 600.0)

    def test_other_cooperative_payments_invisible_and_forbidden(self):
        """Manager A neither sees, reads, reverses nor pays on register B's subscriptions;
        register B's manager sees his own payments only."""
        Payment_a = as_user(self.Payment, self.manager_a)
        self.assertFalse(Payment_a.search([("register_id", "=", self.reg_b.id)]))
        self.assertFalse(Payment_a.search_count([]))
        self.assertFalse(Payment_a.read_group([], ["amount", "register_id"], ["register_id"]))
        with self.assertRaises(AccessError):
            as_user(self.pay_b, self.manager_a).read(["amount"])
        with self.assertRaises(AccessError):
            Payment_a.create({"entry_id": self.sub_b.id, "date": "2023-01-05",
                              "amount": 50.0})
        with self.assertRaises(AccessError):
            as_user(self.pay_b, self.manager_a).action_reverse()
        self.assertEqual(as_user(self.Payment, self.manager_b).search([]), self.pay_b)
        self.assertEqual(self.Payment.search_count([("entry_id", "=", self.sub_b.id)]), 1)

    def test_viewer_and_helpdesk_cannot_register_payments(self):
        """Viewers and the helpdesk read payments but never register them."""
        with self.assertRaises(AccessError):
            as_user(self.Payment, self.viewer_a).create({
                "entry_id": self.sub_a.id, "date": "2023-01-05", "amount": 10.0})
        with self.assertRaises(AccessError):
            as_user(self.Payment, self.helpdesk).create({
                "entry_id": self.sub_b.id, "date": "2023-01-05", "amount": 10.0})
        self.assertEqual(as_user(self.Payment, self.helpdesk).search([]), self.pay_b)

    def test_registered_payment_never_edited_or_deleted(self):
        """Neither the manager nor the administrator edits or deletes a payment, in the
        ORM or in SQL."""
        payment = as_user(self.Payment, self.manager_a).create({
            "entry_id": self.sub_a.id, "date": "2023-01-05", "amount": 400.0})
        for user in (self.manager_a, self.admin_dar):
            with self.assertRaises(UserError):
                as_user(payment, user).write({"amount": 300.0})
            with self.assertRaises(UserError):
                as_user(payment, user).write({"date": "2023-01-06"})
            with self.assertRaises(UserError):
                as_user(payment, user).unlink()
        with self.assertRaises(UserError):
            payment.unlink()  # not even the superuser
        for sql in ("UPDATE coop_share_payment SET amount = 1 WHERE id = %s",
                    "DELETE FROM coop_share_payment WHERE id = %s"):
            with self.assertRaises(psycopg2.IntegrityError), \
                    mute_logger("odoo.sql_db"), self.cr.savepoint():
                self.cr.execute(sql, (payment.id,))
        payment.invalidate_cache()
        self.assertEqual((payment.amount, payment.date), (400.0, "2023-01-05"))

    def test_reversing_line_corrects_a_payment(self):
        """A mistaken payment is undone by a new reversing line; the right payment is then
        registered again. A reversal is not reversed, nor a payment twice."""
        Payment = as_user(self.Payment, self.manager_a)
        wrong = Payment.create({"entry_id": self.sub_a.id, "date": "2023-01-05",
                                "amount": 1000.0})
        self.assertEqual(self.unpaid(self.ann), 0.0)
        reversal = as_user(wrong, self.manager_a).action_reverse(date="2023-01-06")
        self.assertEqual((reversal.amount, reversal.reversed_payment_id), (-1000.0, wrong))
        self.assertEqual(self.unpaid(self.ann), 1000.0)
        Payment.create({"entry_id": self.sub_a.id, "date": "2023-01-06", "amount": 100.0})
        self.assertEqual(self.unpaid(self.ann), 900.0)
        self.assertEqual(self.sub_a.amount_paid, 100.0)
        with self.assertRaises(UserError):
            as_user(wrong, self.manager_a).action_reverse()
        with self.assertRaises(UserError):
            as_user(reversal, self.manager_a).action_reverse()
        self.assertEqual(len(self.sub_a.payment_ids), 3)

    def test_bad_payments_write_nothing(self):
        """A zero, negative, future or excessive payment, or a negative line that reverses
        nothing, is refused."""
        Payment = as_user(self.Payment, self.manager_a)
        cases = [{"amount": 0.0}, {"amount": -5.0}, {"amount": 10.0, "date": "2999-01-01"},
                 {"amount": 1000.01}]
        for values in cases:
            vals = {"entry_id": self.sub_a.id, "date": "2023-01-05"}
            vals.update(values)
            with self.assertRaises((ValidationError, psycopg2.IntegrityError)), \
                    mute_logger("odoo.sql_db"), self.cr.savepoint():
                Payment.create(vals)
        self.assertFalse(self.Payment.search([("entry_id", "=", self.sub_a.id)]))

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import psycopg2

from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

from .common import DATE, DarCase


class TestEntries(DarCase):

    def test_subscription_numbers_and_positions(self):
        """Confirmed entries get gapless numbers per register and make up the positions."""
        e1 = self.make_entry("subscription", self.class_a, 4, holder_to=self.ann)
        e2 = self.make_entry("subscription", self.class_a, 2, holder_to=self.bart)
        e3 = self.make_entry("subscription", self.class_b, 5, holder_to=self.cleo)
        self.assertEqual((e1.number, e2.number), (1, 2))
        self.assertEqual(e3.number, 1, "numbering is per register")
        self.assertEqual(e1.name, "R/000001")
        self.assertEqual(self.held(self.ann, self.class_a), 4)
        self.assertEqual(self.ann.state, "active")
        self.assertEqual(self.ann.admission_date, DATE)
        self.assertEqual(self.reg_a.share_totals(), {self.class_a.id: 6})
        self.assertEqual(e1.confirm_uid, self.env.user)
        self.assertTrue(e1.confirm_date)

    def test_draft_has_no_number_and_can_be_cancelled(self):
        """A draft has no number and no effect; it can be cancelled, not a confirmed one."""
        draft = self.make_entry("subscription", self.class_a, 3, holder_to=self.ann,
                                confirm=False)
        self.assertFalse(draft.number)
        self.assertEqual(self.held(self.ann, self.class_a), 0)
        draft.action_cancel()
        self.assertEqual(draft.state, "cancel")
        with self.assertRaises(UserError):
            draft.action_confirm()
        confirmed = self.make_entry("subscription", self.class_a, 3, holder_to=self.ann)
        with self.assertRaises(UserError):
            confirmed.action_cancel()
        self.assertEqual(confirmed.number, 1, "a cancelled draft uses no number")

    def test_transfer_transmission_redemption_exclusion(self):
        """Each kind of entry moves the shares it should, with its amount paid out."""
        self.make_entry("subscription", self.class_a, 10, holder_to=self.ann, date="2023-01-01")
        self.make_entry("transfer", self.class_a, 3, holder_to=self.bart, holder_from=self.ann,
                        date="2023-02-01")
        self.make_entry("transmission", self.class_a, 2, holder_to=self.bart,
                        holder_from=self.ann, date="2023-03-01")
        self.assertEqual(self.held(self.ann, self.class_a), 5)
        self.assertEqual(self.held(self.bart, self.class_a), 5)
        self.assertEqual(self.held(self.ann, self.class_a, "2023-02-15"), 7)
        exit_ = self.make_entry("redemption", self.class_a, 5, holder_from=self.ann,
                                date="2023-06-01", amount_paid_out=1250.0)
        self.assertEqual(exit_.amount_paid_out, 1250.0)
        self.assertEqual(self.ann.state, "former")
        self.assertEqual(self.ann.exit_date, "2023-06-01")
        self.make_entry("exclusion", self.class_a, 5, holder_from=self.bart, date="2023-07-01",
                        amount_paid_out=1000.0)
        self.assertEqual(self.held(self.bart, self.class_a), 0)
        self.assertEqual(self.reg_a.share_totals(), {self.class_a.id: 0})
        self.assertEqual(self.reg_a.share_totals("2023-05-01"), {self.class_a.id: 10})

    def test_partial_exclusion_refused(self):
        """An exclusion removes the shareholder: one that leaves him shares (of its class,
        or of another class) is refused in Dutch with whole numbers, and he stays active;
        excluding every class in one confirmation ends his holding. A withdrawal
        (redemption) may be partial."""
        self.make_entry("subscription", self.class_a, 10, holder_to=self.ann, date="2023-01-01")
        self.make_entry("subscription", self.class_a2, 2, holder_to=self.ann, date="2023-01-01")
        Entry = self.env["coop.share.entry"]
        for quantity in (4, 10):  # part of class A; all of A, but B is left
            entry = self.make_entry("exclusion", self.class_a, quantity, holder_from=self.ann,
                                    date="2023-07-01", confirm=False)
            with self.assertRaisesRegex(ValidationError, "uitsluiting haalt de aandeelhouder"
                                        ) as caught, self.cr.savepoint():
                entry.with_context(lang="nl_BE").action_confirm()
            self.assertNotIn(".0 ", str(caught.exception))
            entry.invalidate_cache()  # the savepoint rolled the confirmation back
            entry.action_cancel()
        self.assertEqual(self.ann.state, "active")
        self.assertEqual(self.held(self.ann, self.class_a), 10)
        partial = self.make_entry("redemption", self.class_a, 4, holder_from=self.ann,
                                  date="2023-06-01", amount_paid_out=1000.0)
        self.assertEqual(partial.state, "confirmed")
        both = Entry.browse()
        for share_class, quantity in ((self.class_a, 6), (self.class_a2, 2)):
            both |= self.make_entry("exclusion", share_class, quantity, holder_from=self.ann,
                                    date="2023-07-01", confirm=False)
        both.action_confirm()
        self.assertEqual(set(both.mapped("state")), {"confirmed"})
        self.assertEqual(self.ann.state, "former")
        self.assertEqual(self.held(self.ann, self.class_a) + self.held(self.ann, self.class_a2), 0)

    def test_conversion(self):
        """A conversion replaces shares of one class by shares of another."""
        self.make_entry("subscription", self.class_a, 4, holder_to=self.ann, date="2023-01-01")
        self.make_entry("conversion", self.class_a, 4, holder_to=self.ann, holder_from=self.ann,
                        to_class_id=self.class_a2.id, to_quantity=2, date="2023-05-01")
        self.assertEqual(self.held(self.ann, self.class_a), 0)
        self.assertEqual(self.held(self.ann, self.class_a2), 2)

    def test_correction_reverses_entry(self):
        """A correction is a new linked entry that reverses the original; only once."""
        wrong = self.make_entry("subscription", self.class_a, 40, holder_to=self.ann)
        action = wrong.action_correct()
        correction = self.Entry.browse(action["res_id"])
        self.assertEqual(correction.corrected_entry_id, wrong)
        self.assertEqual(correction.holder_to_id, self.ann)
        correction.action_confirm()
        self.assertEqual(correction.sign, -1)
        self.assertEqual(self.held(self.ann, self.class_a), 0)
        self.assertEqual(wrong.state, "confirmed", "the original stays in the register")
        again = self.Entry.create({"register_id": self.reg_a.id, "entry_type": "correction",
                                   "corrected_entry_id": wrong.id, "class_id": self.class_a.id,
                                   "quantity": 40, "date": DATE})
        with self.assertRaises(UserError):
            again.action_confirm()

    def test_correction_cannot_make_holding_negative(self):
        """Reversing a subscription whose shares were transferred is refused."""
        sub = self.make_entry("subscription", self.class_a, 4, holder_to=self.ann,
                              date="2023-01-01")
        self.make_entry("transfer", self.class_a, 4, holder_to=self.bart, holder_from=self.ann,
                        date="2023-02-01")
        correction = self.Entry.create({"register_id": self.reg_a.id,
                                        "entry_type": "correction",
                                        "corrected_entry_id": sub.id,
                                        "class_id": self.class_a.id, "quantity": 4,
                                        "date": DATE})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            correction.action_confirm()

    def test_negative_or_zero_quantity(self):
        """Zero or negative quantities are refused and write nothing."""
        for qty in (0, -3):
            with self.assertRaises((ValidationError, psycopg2.IntegrityError)), \
                    self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                self.make_entry("subscription", self.class_a, qty, holder_to=self.ann,
                                confirm=False)
        self.assertFalse(self.Entry.search([("register_id", "=", self.reg_a.id)]))

    def test_transfer_more_than_held(self):
        """A transfer of more shares than held on its date is refused, also back-dated."""
        self.make_entry("subscription", self.class_a, 3, holder_to=self.ann, date="2023-05-01")
        entry = self.make_entry("transfer", self.class_a, 4, holder_to=self.bart,
                                holder_from=self.ann, confirm=False)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            entry.action_confirm()
        early = self.make_entry("transfer", self.class_a, 2, holder_to=self.bart,
                                holder_from=self.ann, date="2023-04-01", confirm=False)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            early.action_confirm()
        self.assertEqual(entry.state, "draft")
        self.assertEqual(early.state, "draft")
        self.assertEqual(self.held(self.bart, self.class_a), 0)

    def test_backdated_transfer_breaking_later_history(self):
        """A back-dated transfer that would make a later transfer impossible is refused."""
        self.make_entry("subscription", self.class_a, 3, holder_to=self.ann, date="2023-01-01")
        self.make_entry("transfer", self.class_a, 3, holder_to=self.bart, holder_from=self.ann,
                        date="2023-06-01")
        entry = self.make_entry("redemption", self.class_a, 1, holder_from=self.ann,
                                date="2023-03-01", confirm=False)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            entry.action_confirm()

    def test_transfer_to_other_register(self):
        """A transfer to a holder of another register, or with its class, is refused."""
        self.make_entry("subscription", self.class_a, 3, holder_to=self.ann)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.make_entry("transfer", self.class_a, 1, holder_to=self.cleo,
                            holder_from=self.ann, confirm=False)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.make_entry("transfer", self.class_b, 1, holder_to=self.bart,
                            holder_from=self.ann, confirm=False,
                            register_id=self.reg_a.id)
        self.assertEqual(self.Entry.search_count([("register_id", "=", self.reg_a.id)]), 1)

    def test_future_date(self):
        """An entry or a payment dated in the future is refused."""
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.make_entry("subscription", self.class_a, 1, holder_to=self.ann,
                            date="2999-01-01", confirm=False)
        self.assertFalse(self.Entry.search([("register_id", "=", self.reg_a.id)]))

    def test_min_max_holdings(self):
        """The register's minimum and maximum shares per holder are enforced."""
        self.reg_a.write({"min_shares": 2, "max_shares": 10})
        low = self.make_entry("subscription", self.class_a, 1, holder_to=self.ann,
                              confirm=False)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            low.action_confirm()
        high = self.make_entry("subscription", self.class_a, 11, holder_to=self.ann,
                               confirm=False)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            high.action_confirm()
        self.make_entry("subscription", self.class_a, 10, holder_to=self.ann)
        # a partial exit below the minimum is refused, a full exit is fine
        partial = self.make_entry("redemption", self.class_a, 9, holder_from=self.ann,
                                  confirm=False)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            partial.action_confirm()
        self.make_entry("redemption", self.class_a, 10, holder_from=self.ann)
        self.assertEqual(self.held(self.ann, self.class_a), 0)

    def test_confirmed_entry_immutable_in_orm(self):
        """A confirmed entry can neither be written nor deleted through the ORM."""
        entry = self.make_entry("subscription", self.class_a, 3, holder_to=self.ann)
        with self.assertRaises(UserError):
            entry.write({"quantity": 30})
        with self.assertRaises(UserError):
            entry.write({"state": "draft"})
        with self.assertRaises(UserError):
            entry.unlink()
        entry.message_post(body="A remark is still possible.")
        self.assertEqual(entry.quantity, 3)

    def test_confirmed_entry_immutable_in_sql(self):
        """The database trigger refuses raw SQL updates and deletes of confirmed rows."""
        entry = self.make_entry("subscription", self.class_a, 3, holder_to=self.ann)
        draft = self.make_entry("subscription", self.class_a, 1, holder_to=self.bart,
                                confirm=False)
        for query in ("UPDATE coop_share_entry SET quantity = 30 WHERE id = %s",
                      "UPDATE coop_share_entry SET state = 'draft' WHERE id = %s",
                      "UPDATE coop_share_entry SET holder_to_id = NULL WHERE id = %s",
                      "DELETE FROM coop_share_entry WHERE id = %s"):
            with self.assertRaises(psycopg2.Error), self.env.cr.savepoint(), \
                    mute_logger("odoo.sql_db"):
                self.env.cr.execute(query, (entry.id,))
        self.env.cr.execute("SELECT quantity, state FROM coop_share_entry WHERE id = %s",
                            (entry.id,))
        self.assertEqual(self.env.cr.fetchone(), (3, "confirmed"))
        # drafts stay editable, and bookkeeping columns of confirmed rows too
        self.env.cr.execute("UPDATE coop_share_entry SET quantity = 2 WHERE id = %s",
                            (draft.id,))
        self.env.cr.execute("UPDATE coop_share_entry SET write_date = now() WHERE id = %s",
                            (entry.id,))

    def test_payments_and_unpaid_balance(self):
        """Partial payments give paid and unpaid amounts per holder; overpaying is refused."""
        sub = self.make_entry("subscription", self.class_a, 4, holder_to=self.ann,
                              date="2023-01-01")
        self.Payment.create({"entry_id": sub.id, "date": "2023-01-10", "amount": 250.0})
        self.Payment.create({"entry_id": sub.id, "date": "2023-06-10", "amount": 250.0})
        self.assertEqual(sub.amount_unpaid, 500.0)
        pos = self.ann.positions("2023-03-01")[0]
        self.assertEqual((pos["shares"], pos["nominal"], pos["paid"], pos["unpaid"]),
                         (4, 1000.0, 250.0, 750.0))
        pos = self.ann.positions()[0]
        self.assertEqual((pos["paid"], pos["unpaid"]), (500.0, 500.0))
        self.assertEqual(self.Payment.search([("entry_id", "=", sub.id)], limit=1).register_id,
                         self.reg_a)
        for amount in (0.0, -5.0, 600.0):
            with self.assertRaises((ValidationError, psycopg2.IntegrityError)), \
                    self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                self.Payment.create({"entry_id": sub.id, "date": "2023-07-01",
                                     "amount": amount})
        self.assertEqual(len(sub.payment_ids), 2)

    def test_shareholder_numbers_gapless_per_register(self):
        """Shareholder numbers run per register without gaps and never change."""
        new_a = self.make_holder(self.reg_a, "Claes")
        new_b = self.make_holder(self.reg_b, "Wouters")
        self.assertEqual(new_a.number, 3)
        self.assertEqual(new_b.number, 2)
        with self.assertRaises(UserError):
            new_a.write({"number": 99})
        with self.assertRaises(UserError):
            new_a.write({"register_id": self.reg_b.id})

    def test_holder_with_confirmed_entries_not_deleted(self):
        """A holder who appears in the register cannot be deleted."""
        self.make_entry("subscription", self.class_a, 3, holder_to=self.ann)
        with self.assertRaises(UserError):
            self.ann.unlink()

    def test_year_figures(self):
        """coop_year_figures counts the registers served in a year, by service mode."""
        before = self.Register.coop_year_figures(2021)
        self.make_register("Oude klant", "04442430", service_start="2015-01-01",
                           service_end="2020-12-31")
        self.make_register("Klant 2021", "04560360", service_start="2021-06-01",
                           service_mode="partner", partner_org_id=self.hefboom.id)
        after = self.Register.coop_year_figures(2021)
        self.assertEqual(after["via_partner"], before["via_partner"] + 1)
        self.assertEqual(after["members"], before["members"],
                         "a client whose service ended in 2020 does not count for 2021")
        self.assertEqual(after["clients"], after["members"] + after["via_partner"])

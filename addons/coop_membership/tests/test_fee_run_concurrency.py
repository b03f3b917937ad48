# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two fee runs at once, on two real transactions of the live database (the test's shared
cursor would hide the race)."""
import threading

from odoo.exceptions import UserError

from odoo.addons.coop_website.tests.live import LiveServerCase

YEAR = 2033  # a year no other test bills


class TestFeeRunConcurrency(LiveServerCase):

    def _manager(self):
        uid, _login, _password = self.new_live_user(groups=("coop_website.group_coop_manager",))
        return uid

    def test_second_run_refused_while_one_runs(self):
        """While one transaction runs the fees of a year, a second run of that year stops
        at once with the Dutch message and writes nothing; another year is not blocked."""
        uid = self._manager()
        with self.live_env(uid=uid, context={"lang": "nl_BE"}) as first:
            first["coop.membership.fee.run"].create({"year": YEAR})._lock_year()
            with self.live_env(uid=uid, context={"lang": "nl_BE"}) as second:
                run = second["coop.membership.fee.run"].create({"year": YEAR})
                with self.assertRaisesRegex(UserError, "Er loopt al een ledengeldrun voor "
                                                       "%s" % YEAR):
                    run.action_run()
                second["coop.membership.fee.run"].create({"year": YEAR + 1})._lock_year()
                second.cr.rollback()
            first.cr.rollback()

    def test_two_runs_at_once(self):
        """Two managers start the same year's run at the same moment: one bills every
        member once, the other is refused with the message or (when it starts after the
        first committed) creates nothing more; never a serialization error."""
        uid = self._manager()
        started = threading.Barrier(2)

        def run():
            with self.live_env(uid=uid, context={"lang": "nl_BE"}) as env:
                wizard = env["coop.membership.fee.run"].create({"year": YEAR + 2})
                started.wait(30)
                wizard.action_run()
                return wizard.invoice_count

        results = self.run_in_threads(run, run, timeout=300)
        errors = [r for r in results if isinstance(r, BaseException)]
        self.assertTrue(all(isinstance(e, UserError) for e in errors), errors)
        self.assertLessEqual(len(errors), 1, errors)
        with self.live_env() as env:
            env.cr.execute("""
                SELECT partner_id, COUNT(*) FROM account_invoice
                 WHERE coop_fee_year = %s AND type = 'out_invoice' AND state <> 'cancel'
                 GROUP BY partner_id HAVING COUNT(*) > 1""", (YEAR + 2,))
            self.assertFalse(env.cr.fetchall(), "a member was billed twice")
            members = env["coop.membership.fee.run"]._members_for_year(YEAR + 2)
            billed = env["account.invoice"].search_count([
                ("coop_fee_year", "=", YEAR + 2), ("partner_id", "in", members.ids)])
            self.assertEqual(billed, len(members))
            self.assertGreater(billed, 0)

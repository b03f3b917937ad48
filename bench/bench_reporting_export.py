# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Time the accounting export of one month with many invoices (everything rolled back).

    source scripts/env.sh && python3 bench/bench_reporting_export.py [INVOICES]

Database: $COOP_BENCH_DB (default coopkracht_test_reporting, left by `make test` with
COOP_TEST_DB=coopkracht_test_reporting); it needs coop_reporting installed."""
import os
import sys
import time

try:
    import odoo
except ImportError:  # plain python3 (make bench): run again with the venv's Python
    VENV_PYTHON = os.path.join(os.environ["COOP_VENV"], "bin", "python")
    os.execv(VENV_PYTHON, [VENV_PYTHON] + sys.argv)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    db = os.environ.get("COOP_BENCH_DB", "coopkracht_test_reporting")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    conf = os.environ.get("COOP_BENCH_CONF", os.path.join(root, ".local", "pytest-%s.conf" % db))
    odoo.tools.config.parse_config(["-c", conf, "-d", db, "--log-level=warn", "--logfile=/dev/null"])
    registry = odoo.registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "en_US", "tracking_disable": True})
        company = env.user.company_id
        account = env["account.account"]
        income = account.search([("code", "=", "700000"), ("company_id", "=", company.id)])
        receivable = account.search([("code", "=", "400000"), ("company_id", "=", company.id)])
        tax = env["account.tax"].search([("type_tax_use", "=", "sale"), ("amount", "=", 21),
                                         ("price_include", "=", False)], limit=1)
        journal = env["account.journal"].create({
            "name": "Bench sales", "code": "BNCH", "type": "sale",
            "default_debit_account_id": income.id, "default_credit_account_id": income.id})
        partner = env["res.partner"].create({"name": "Bench coop", "is_company": True, "vat": "BE0477472701"})
        t0 = time.time()
        for index in range(count):
            invoice = env["account.invoice"].create({
                "partner_id": partner.id, "journal_id": journal.id, "account_id": receivable.id,
                "date_invoice": "2018-05-%02d" % (1 + index % 28), "type": "out_invoice",
                "invoice_line_ids": [(0, 0, {"name": "Line %d" % line, "price_unit": 10.0 + line, "quantity": 1,
                                             "account_id": income.id, "invoice_line_tax_ids": [(6, 0, tax.ids)]})
                                     for line in range(3)]})
            invoice.action_invoice_open()
        setup = time.time() - t0
        exports = env["coop.accounting.export"]
        t1 = time.time()
        first = exports.create_export("month", "2018-05-01", "2018-05-31", journal)
        once = time.time() - t1
        t2 = time.time()
        second = exports.create_export("month", "2018-05-01", "2018-05-31", journal)
        twice = time.time() - t2
        identical = (first.xlsx_attachment_id.datas == second.xlsx_attachment_id.datas
                     and first.csv_attachment_id.datas == second.csv_attachment_id.datas)
        print("accounting export: %d invoices, %d journal items: %.2f s (again %.2f s), "
              "byte-identical=%s, debit=%.2f credit=%.2f (invoices made in %.1f s)"
              % (count, first.line_count, once, twice, identical, first.total_debit, first.total_credit, setup))
        cr.rollback()
        if not identical or round(first.total_debit - first.total_credit, 2):
            sys.exit(1)


if __name__ == "__main__":
    with odoo.api.Environment.manage():
        main()

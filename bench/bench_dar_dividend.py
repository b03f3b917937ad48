#!/usr/bin/env python3
# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Dividend run and DAR billing figures with a 60,000-shareholder register.

Not a test. Run from the checkout, after `make test` left a database with
coop_share_register installed:

    source scripts/env.sh
    python bench/bench_dar_dividend.py [SOURCE_DB]

It copies SOURCE_DB to a scratch database, builds the register with bench_dar.py's data
builder (the addon's importer), gives every holder a valid IBAN, then measures: the
dividend computation of a year for all holders (one INSERT ... SELECT) against Odoo's
generic way (per holder: read its entries and payments through the ORM and add up the
periods in Python, on a sample, extrapolated), the XLSX payment list, the SEPA file
(built and validated against the pain.001.001.03 schema), the shareholder counts of the
yearly billing and the clients dashboard. Prints each figure, writes
bench/RESULTS-dividend.md and drops the scratch database.
"""
import datetime
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_dar  # noqa: E402

ROOT = bench_dar.ROOT
SOURCE = sys.argv[1] if len(sys.argv) > 1 else "coopkracht_test"
BENCH_DB = "coopkracht_bench_dar_dividend"
YEAR = 2021
SAMPLE = 100  # holders computed the generic way (0.8 s each: a sample)


def build(env):
    cr = env.cr
    register = bench_dar.make_register(
        env, dividend_enabled=True, bank_iban="BE71096123456769", bank_bic="GKCCBEBB",
        service_start="2015-01-01")
    cr.commit()
    holders_csv, entries_csv = bench_dar.files()
    start = time.perf_counter()
    result = env["coop.share.import.wizard"].import_files(
        register, holders_csv, entries_csv, dry_run=False)
    assert not result["problems"], result["problems"][:5]
    # a valid Belgian IBAN for every holder, in one statement
    cr.execute("""
        UPDATE coop_shareholder h SET iban = 'BE' || lpad((98 - ((b.bban || '111400')::numeric
                                                                %% 97))::text, 2, '0') || b.bban
          FROM (SELECT id, lpad((5390000000 + id)::text, 10, '0')
                           || lpad(COALESCE(NULLIF((5390000000 + id) %% 97, 0), 97)::text,
                                   2, '0') AS bban
                  FROM coop_shareholder WHERE register_id = %s) b
         WHERE h.id = b.id""", (register.id,))
    cr.commit()
    print("register built: %d holders, %d entries in %.0f s" % (
        bench_dar.HOLDERS, bench_dar.ENTRIES, time.perf_counter() - start), flush=True)
    return register


def generic_base(env, holder, year):
    """The average paid-up capital of one holder the generic way: ORM reads and Python."""
    start, after = datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)
    events = {}
    Entry = env["coop.share.entry"]
    entries = Entry.search_read(
        [("state", "=", "confirmed"), "|", ("holder_to_id", "=", holder),
         ("holder_from_id", "=", holder), ("date", "<", str(after))],
        ["date", "effect_type", "sign", "quantity", "holder_to_id", "holder_from_id",
         "nominal_amount", "class_id"])
    nominal = {}
    for e in entries:
        cls = e["class_id"][0]
        if cls not in nominal:
            nominal[cls] = env["coop.share.class"].browse(cls).nominal_value
        ev = events.setdefault((cls, e["date"]), [0, 0.0, 0.0])
        to_me = e["holder_to_id"] and e["holder_to_id"][0] == holder
        if to_me and e["effect_type"] in ("subscription", "transfer", "transmission"):
            ev[0] += e["sign"] * e["quantity"]
        if not to_me and e["effect_type"] in ("transfer", "transmission", "redemption",
                                              "exclusion"):
            ev[0] -= e["sign"] * e["quantity"]
        if to_me and e["effect_type"] == "subscription":
            ev[1] += e["sign"] * e["nominal_amount"]
    for p in env["coop.share.payment"].search_read(
            [("holder_id", "=", holder), ("date", "<", str(after)),
             ("entry_id.state", "=", "confirmed")], ["date", "amount", "entry_id"]):
        cls = Entry.browse(p["entry_id"][0]).class_id.id
        events.setdefault((cls, p["date"]), [0, 0.0, 0.0])[2] += p["amount"]
    total = 0.0
    for cls in {c for c, _d in events}:
        dates = sorted(d for c, d in events if c == cls)
        shares = sub = paid = 0.0
        for i, d in enumerate(dates):
            ds, dsub, dpaid = events[(cls, d)]
            shares, sub, paid = shares + ds, sub + dsub, paid + dpaid
            value = shares * nominal[cls]
            paid_up = value - min(max(sub - paid, 0), value)
            begin = max(datetime.date(*map(int, d.split("-"))), start)
            end = min(datetime.date(*map(int, dates[i + 1].split("-"))), after) \
                if i + 1 < len(dates) else after
            if end > begin and paid_up > 0:
                total += paid_up * (end - begin).days
    return total / (after - start).days


def main():
    subprocess.call(["dropdb", "--if-exists", BENCH_DB])
    subprocess.check_call(["createdb", "-T", SOURCE, BENCH_DB])
    rows = []

    def report(label, seconds, target="", generic=None):
        ratio = ("%.1fx faster than Odoo's generic way" % (generic / seconds)) if generic else ""
        rows.append((label, "%.3f s" % seconds, target, ratio))
        print("%-62s %9.3f s  %-10s %s" % (label, seconds, target, ratio), flush=True)

    started = time.time()
    try:
        env = bench_dar.odoo_env(BENCH_DB)
        register = build(env)
        cr = env.cr
        run = env["coop.share.dividend.run"].create({
            "register_id": register.id, "year": YEAR, "rate": 3.0,
            "payment_date": "%s-06-30" % (YEAR + 1)})
        start = time.perf_counter()
        run.action_compute()
        compute_s = time.perf_counter() - start
        count = run.line_count
        sample = env["coop.shareholder"].search(
            [("register_id", "=", register.id)], limit=SAMPLE, order="number")
        start = time.perf_counter()
        generic = {h: generic_base(env, h, YEAR) for h in sample.ids}
        generic_s = (time.perf_counter() - start) * count / len(sample)
        lines = {line.holder_id.id: line.base for line in run.line_ids.filtered(
            lambda x: x.holder_id.id in generic)}
        diff = max(abs(round(generic[h], 2) - lines.get(h, 0.0)) for h in generic
                   if generic[h] >= 0.005 / 0.03)
        report("Dividend computation, %d holders (one INSERT ... SELECT)" % count,
               compute_s, "", generic_s)
        print("  generic way on %d holders, extrapolated; largest difference of the base "
              "%.2f EUR" % (len(sample), diff), flush=True)
        run.action_confirm()
        start = time.perf_counter()
        content = run.payment_list_xlsx()
        report("XLSX payment list (%.1f MB)" % (len(content) / 1e6),
               time.perf_counter() - start)
        start = time.perf_counter()
        xml = run.sepa_credit_transfer()
        report("SEPA file, built and checked against the XSD (%.1f MB)" % (len(xml) / 1e6),
               time.perf_counter() - start)
        Run = env["coop.share.billing.run"]
        start = time.perf_counter()
        counts = Run.shareholder_counts(register, "%s-01-01" % (YEAR + 1))
        report("Billing: shareholders of the client on a date (%d)" % counts[register.id],
               time.perf_counter() - start)
        start = time.perf_counter()
        groups = env["coop.share.billing.dashboard"].read_group(
            [], ["client_count", "shareholder_count", "year"], ["year"])
        report("Clients dashboard, read_group by year (%d years)" % len(groups),
               time.perf_counter() - start)
        cr.rollback()
        cr.close()
    finally:
        import odoo
        odoo.sql_db.close_db(BENCH_DB)
        subprocess.call(["dropdb", "--if-exists", BENCH_DB])
    with open(os.path.join(ROOT, "bench", "RESULTS-dividend.md"), "w") as out:
        out.write("# DAR dividends and billing (bench/bench_dar_dividend.py)\n\n")
        out.write("Run on %s UTC, %d shareholders and %d entries, on this machine "
                  "(2 cores shared), whole run %.0f s.\n\n" % (
                      datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M"),
                      bench_dar.HOLDERS, bench_dar.ENTRIES, time.time() - started))
        out.write("| What | Measured | Target | Ratio |\n|---|---|---|---|\n")
        for row in rows:
            out.write("| %s |\n" % " | ".join(row))


if __name__ == "__main__":
    from odoo import api as odoo_api
    with odoo_api.Environment.manage():
        main()

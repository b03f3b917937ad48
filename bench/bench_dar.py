#!/usr/bin/env python3
# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark of the DAR (coop_share_register) at 60,000 shareholders and 200,000 entries.

Not a test. Run from the checkout, after `make test` (or `make newdb`) left a database with
coop_share_register installed:

    source scripts/env.sh
    python bench/bench_dar.py [SOURCE_DB]      # default coopkracht_test_dar

It copies SOURCE_DB to a scratch database `coopkracht_bench_dar`, builds the register
through the addon's importer, measures, writes bench/RESULTS.md and drops the scratch
database (`--keep` leaves it, to profile queries on it). Each figure is printed with its
ratio to Odoo's generic way of doing the same and the load average when it was taken.
Bounded: a few minutes on this machine.
"""
import csv
import datetime
import io
import json
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
SOURCE = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else \
    "coopkracht_test_dar"
BENCH_DB = "coopkracht_bench_dar"
HOLDERS, ENTRIES = 60000, 200000
SAMPLE = 500  # rows imported through base_import for the ratio
AS_OF = "2022-12-31"


def odoo_env(db, conf_name="bench-dar"):
    """A superuser environment on db (Odoo configured for this checkout); shared by the
    DAR benchmarks."""
    import odoo
    from odoo import api, SUPERUSER_ID
    conf = os.path.join(ROOT, ".local", "%s.conf" % conf_name)
    with open(conf, "w") as f:
        f.write("[options]\naddons_path = %s,%s\ndata_dir = %s\nlog_level = warn\n"
                "db_name = %s\n" % (
                    os.path.join(os.path.dirname(odoo.__file__), "addons"),
                    os.path.join(ROOT, "addons"),
                    os.environ.get("COOP_DATA_DIR", "/tmp/coop-data"), db))
    odoo.tools.config.parse_config(["-c", conf, "-d", db])
    registry = odoo.registry(db)
    cr = registry.cursor()
    return api.Environment(cr, SUPERUSER_ID, {"lang": "nl_BE", "tracking_disable": True})


def make_register(env, partner_values=None, **values):
    """The benchmarks' client cooperative "Bench coop" with its share class A (25 EUR)."""
    partner = env["res.partner"].create(dict(
        {"name": "Bench coop", "is_company": True}, **(partner_values or {})))
    register = env["coop.share.register"].create(dict(
        {"name": "Bench coop", "partner_id": partner.id, "company_number": "0403170701",
         "min_shares": 1, "max_shares": 0}, **values))
    env["coop.share.class"].create({"register_id": register.id, "code": "A",
                                    "name": "A", "nominal_value": 25.0})
    return register


def files():
    """A register as spreadsheets: every holder subscribes, then transfers, second
    subscriptions and exits; 60,000 holders and 200,000 entries."""
    h = io.StringIO()
    w = csv.writer(h)
    w.writerow(["ref", "type", "name", "firstname", "street", "zip", "city", "lang", "email"])
    for i in range(HOLDERS):
        w.writerow(["H%06d" % i, "person", "Naam%d" % i, "Voornaam", "Straat %d" % i, "9000",
                    "Gent", "nl", "h%d@example.org" % i])
    e = io.StringIO()
    w = csv.writer(e)
    w.writerow(["ref", "date", "type", "class", "quantity", "from_holder", "to_holder",
                "paid_amount", "amount_paid_out"])
    n = 0
    base = datetime.date(2015, 1, 1)
    for i in range(HOLDERS):  # 60,000 first subscriptions of 10 shares
        n += 1
        w.writerow(["E%07d" % n, (base + datetime.timedelta(days=i % 900)).isoformat(),
                    "subscription", "A", 10, "", "H%06d" % i, "250.00" if i % 4 else "125.00",
                    ""])
    for i in range(HOLDERS):  # 60,000 transfers of 1 share to the next holder
        n += 1
        w.writerow(["E%07d" % n, "2019-%02d-10" % (i % 12 + 1), "transfer", "A", 1,
                    "H%06d" % i, "H%06d" % ((i + 1) % HOLDERS), "", ""])
    for i in range(HOLDERS):  # 60,000 second subscriptions
        n += 1
        w.writerow(["E%07d" % n, "2020-%02d-15" % (i % 12 + 1), "subscription", "A", 2, "",
                    "H%06d" % i, "50.00", ""])
    i = 0
    while n < ENTRIES:  # exits of 1 share
        n += 1
        w.writerow(["E%07d" % n, "2021-06-30", "redemption", "A", 1, "H%06d" % i, "", "",
                    "25.00"])
        i += 1
    return h.getvalue().encode(), e.getvalue().encode()


def timed(fn, repeat=1):
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, result


def peak_rss_mb():
    """Peak resident memory of this process image (VmHWM: reset by exec, unlike
    ru_maxrss, which a child started from a large parent inherits)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def export_child(register_id):
    """Run in a fresh process: XLSX exports (entries + positions), peak memory."""
    env = odoo_env(BENCH_DB)
    Export = env["coop.share.export.wizard"]
    register = env["coop.share.register"].browse(register_id)
    rss_before = peak_rss_mb()
    start = time.perf_counter()
    size = len(Export.export_xlsx(register, "entries"))
    size += len(Export.export_xlsx(register, "positions", AS_OF))
    elapsed = time.perf_counter() - start
    peak = peak_rss_mb()
    # generic: Odoo's export_data on a sample, extrapolated to all rows
    entries = env["coop.share.entry"].search([("register_id", "=", register_id)], limit=5000)
    start = time.perf_counter()
    entries.export_data(["number", "date", "entry_type", "class_id/code", "quantity",
                         "nominal_amount", "holder_from_id/display_name",
                         "holder_to_id/display_name"])
    generic = (time.perf_counter() - start) * ENTRIES / 5000
    env.cr.close()
    print(json.dumps({"seconds": elapsed, "peak_mb": peak,
                      "before_mb": rss_before, "bytes": size,
                      "generic_seconds": generic}))


def main():
    t_all = time.perf_counter()
    load_start = "%.2f %.2f %.2f" % os.getloadavg()
    print("load average at the start: %s" % load_start)
    subprocess.call(["dropdb", "--if-exists", BENCH_DB])
    if subprocess.call(["createdb", "-T", SOURCE, BENCH_DB]):
        # the source is in use (or absent): the template database plus the addon, as
        # `make newdb` does
        sys.path.insert(0, os.path.join(ROOT, "scripts"))
        import coop
        subprocess.check_call(["createdb", "-T", coop.template_name(), BENCH_DB])
        conf = coop.write_config(os.path.join(ROOT, ".local", "bench-dar-install.conf"),
                                 BENCH_DB, 8261)
        subprocess.check_call(coop.odoo_cmd(conf, "-d", BENCH_DB, "-i", "coop_share_register",
                                            "--stop-after-init", "--log-level=warn"),
                              stdin=subprocess.DEVNULL)
    results = []

    def report(label, value, unit, target, generic=None):
        ratio = ("%.1fx faster than Odoo's generic way" % (generic / value)) \
            if generic else ""
        load = "%.2f" % os.getloadavg()[0]
        line = "| %s | %.3f %s | %s | %s | %s |" % (label, value, unit, target, ratio, load)
        print(line, flush=True)
        results.append(line)

    try:
        env = odoo_env(BENCH_DB)
        cr = env.cr
        register = make_register(env)
        manager = env["res.users"].with_context(no_reset_password=True).create({
            "name": "Bench manager", "login": "bench_dar_manager",
            "groups_id": [(6, 0, [env.ref("coop_share_register.group_dar_manager").id])],
            "coop_register_ids": [(6, 0, register.ids)]})
        cr.commit()
        holders_csv, entries_csv = files()

        # 1. import through the addon's importer (everything, one transaction)
        Wizard = env["coop.share.import.wizard"]
        seconds, result = timed(lambda: Wizard.import_files(
            register, holders_csv, entries_csv, dry_run=False))
        assert not result["problems"], result["problems"][:5]
        cr.commit()
        rows = HOLDERS + ENTRIES
        per_row = seconds / rows
        # Odoo's base_import on a sample of the same files (shareholders and entries)
        sample_h = b"\n".join(holders_csv.split(b"\n")[:SAMPLE + 1])
        sample_e_lines = entries_csv.split(b"\n")[:SAMPLE + 1]
        sample_e = [b"ref,date,entry_type,class_id/id,quantity,holder_to_id/id"]
        for line in sample_e_lines[1:]:
            cells = line.split(b",")
            sample_e.append(b"S%s,%s,subscription,__import__.cls_a,%s,__import__.hld_%s" % (
                cells[0], cells[1], cells[4], cells[6]))
        sample_e = b"\n".join(sample_e)
        # external ids so base_import can resolve the relations of the sample
        env["ir.model.data"].create({"module": "__import__", "name": "cls_a",
                                     "model": "coop.share.class",
                                     "res_id": register.class_ids.id})
        cr.execute("""INSERT INTO ir_model_data (module, name, model, res_id, noupdate)
                      SELECT '__import__', 'hld_' || ref, 'coop.shareholder', id, false
                        FROM coop_shareholder WHERE register_id = %s AND number <= %s""",
                   (register.id, SAMPLE))
        Import = env["base_import.import"]
        start = time.perf_counter()
        imp = Import.create({"res_model": "coop.shareholder", "file": sample_h.replace(
            b"H0", b"B0"), "file_name": "h.csv", "file_type": "text/csv"})
        imp.with_context(default_register_id=register.id).do(
            ["ref", "holder_type", "name", "firstname", "street", "zip", "city", False,
             "email"], {"headers": True, "quoting": '"', "separator": ",",
                        "encoding": "utf-8"}, dryrun=False)
        imp = Import.create({"res_model": "coop.share.entry", "file": sample_e,
                             "file_name": "e.csv", "file_type": "text/csv"})
        messages = imp.with_context(default_register_id=register.id).do(
            ["ref", "date", "entry_type", "class_id/id", "quantity", "holder_to_id/id"],
            {"headers": True, "quoting": '"', "separator": ",", "encoding": "utf-8"},
            dryrun=False)
        generic_per_row = (time.perf_counter() - start) / (2 * SAMPLE)
        assert not [m for m in messages if m.get("type") == "error"], messages[:3]
        cr.rollback()
        report("Import %d shareholders + %d entries (addon importer)" % (HOLDERS, ENTRIES),
               seconds, "s", "< 120 s, >= 20x base_import", generic_per_row * rows)
        print("   base_import: %.2f ms/row on a %d+%d row sample; importer: %.3f ms/row"
              % (generic_per_row * 1000, SAMPLE, SAMPLE, per_row * 1000))

        menv = env(user=manager.id)
        reg_m = register.with_env(menv)
        # 2. positions of all holders as of a date
        Position = menv["coop.share.position"]
        seconds, positions = timed(lambda: Position.compute_positions(reg_m, AS_OF), 3)
        assert len(positions) >= HOLDERS - 1000, len(positions)
        generic, _ = timed(lambda: menv["coop.share.entry"].read_group(
            [("register_id", "=", register.id), ("state", "=", "confirmed"),
             ("date", "<=", AS_OF)], ["holder_to_id", "class_id", "quantity"],
            ["holder_to_id", "class_id"], lazy=False))
        report("Positions of all %d holders as of %s (one query)" % (len(positions), AS_OF),
               seconds, "s", "< 1 s", generic)

        # 3. XLSX exports in a fresh process (peak memory of that process)
        out = subprocess.check_output([sys.executable, __file__, "--export-child",
                                       str(register.id)])
        data = json.loads(out.decode().strip().splitlines()[-1])
        report("XLSX export: all entries + positions (%.1f MB file)" % (
            data["bytes"] / 1e6), data["seconds"], "s", "< 15 s", data["generic_seconds"])
        report("XLSX export: peak memory of the process", data["peak_mb"], "MB", "< 500 MB")

        # 4. manager's entry list, first page with filters, and a shareholder's form
        Entry = menv["coop.share.entry"]
        tree_fields = ["register_id", "name", "date", "entry_type", "class_id", "quantity",
                       "nominal_amount", "currency_id", "holder_from_id", "holder_to_id",
                       "state"]
        domain = [("register_id", "=", register.id), ("state", "=", "confirmed"),
                  ("entry_type", "in", ["transfer", "transmission"])]

        def entry_list():
            Entry.invalidate_cache()
            records = Entry.search_read(domain, tree_fields, limit=80)
            Entry.search_count(domain)
            return records
        seconds, page = timed(entry_list, 3)
        assert len(page) == 80
        report("Manager's entry list, first page (80) with filters", seconds * 1000, "ms",
               "< 300 ms")
        Holder = menv["coop.shareholder"]
        holder = Holder.search([("register_id", "=", register.id), ("number", "=", 30000)])
        form_fields = list(Holder.fields_view_get(view_type="form")["fields"])

        def holder_form():
            Holder.invalidate_cache()
            values = holder.read(form_fields)[0]
            Entry.browse(values["entry_to_ids"] + values["entry_from_ids"]).read(
                ["name", "date", "entry_type", "class_id", "quantity", "state"])
            holder.positions()
            return values
        seconds, _ = timed(holder_form, 3)
        report("Shareholder form (fields, entry lists, positions)", seconds * 1000, "ms",
               "< 300 ms")

        # 5. confirming one entry while the register is that large: five transfers
        # between different holders, each confirmed on its own; the median is reported
        times = []
        for i in range(5):
            draft = Entry.create({"register_id": register.id, "entry_type": "transfer",
                                  "class_id": register.class_ids.id, "quantity": 1,
                                  "holder_from_id": Holder.search([
                                      ("register_id", "=", register.id),
                                      ("number", "=", 30000 + 2 * i)]).id,
                                  "holder_to_id": Holder.search([
                                      ("register_id", "=", register.id),
                                      ("number", "=", 30001 + 2 * i)]).id,
                                  "date": "2023-01-02"})
            seconds, _ = timed(lambda: draft.action_confirm())
            assert draft.state == "confirmed"
            times.append(seconds)
        cr.rollback()
        report("Confirming one entry (manager, with invariant checks; median of 5)",
               sorted(times)[2] * 1000, "ms", "< 100 ms")
        cr.close()
    finally:
        import odoo
        odoo.sql_db.close_all()
        if "--keep" not in sys.argv:
            subprocess.call(["dropdb", "--if-exists", BENCH_DB])
    total = time.perf_counter() - t_all
    print("whole benchmark: %.0f s" % total)
    write_section("bench_dar", [
        "## DAR register (bench/bench_dar.py)\n",
        "Run on %s UTC, %d shareholders and %d entries, on this machine (2 cores), whole run "
        "%.0f s. Load is the 1-minute load average (`uptime`) when the figure was taken; the "
        "load at the start was %s.\n" % (
            datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M"), HOLDERS, ENTRIES, total,
            load_start),
        "| What | Measured | Target | Ratio | Load |", "|---|---|---|---|---|"] + results)


def write_section(name, lines):
    """Write lines as the section `name` of bench/RESULTS.md, replacing that section of
    the last run and leaving the rest of the file (other benchmarks, notes) as it is."""
    path = os.path.join(ROOT, "bench", "RESULTS.md")
    begin, end = "<!-- %s -->" % name, "<!-- /%s -->" % name
    text = open(path).read() if os.path.exists(path) else ""
    section = "\n".join([begin] + lines + [end])
    if begin in text and end in text:
        text = text[:text.index(begin)] + section + text[text.index(end) + len(end):]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    with open(path, "w") as f:
        f.write(text)


if __name__ == "__main__":
    sys.path.insert(0, ROOT)
    from odoo import api as odoo_api
    with odoo_api.Environment.manage():
        if "--export-child" in sys.argv:
            export_child(int(sys.argv[-1]))
        else:
            main()

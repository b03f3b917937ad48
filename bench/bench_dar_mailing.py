#!/usr/bin/env python3
# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark of the DAR's mailings and general assemblies at 60,000 shareholders.

Not a test. Run from the checkout, after `make test` (or `make newdb`) left a database with
coop_share_register installed:

    source scripts/env.sh
    python bench/bench_dar_mailing.py [SOURCE_DB]      # default coopkracht_test

It copies SOURCE_DB to a scratch database `coopkracht_bench_dar_mailing`, builds a register
of 60,000 shareholders (one subscription each) through the addon's importer, measures, writes
bench/RESULTS-dar-mailing.md and drops the scratch database. Each figure is printed with its
ratio to Odoo's generic way of doing the same. The SMTP server is replaced by a stub that
accepts every mail at once: what is measured is Odoo's work, not a mail server's.
"""
import csv
import datetime
import io
import os
import subprocess
import sys
import time
from unittest.mock import patch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_dar  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
SOURCE = sys.argv[1] if len(sys.argv) > 1 else "coopkracht_test"
BENCH_DB = "coopkracht_bench_dar_mailing"
HOLDERS = 60000
SAMPLE = 500  # generic ways measured on a sample, extrapolated


def files():
    """60,000 shareholders (Dutch, some French and English) with one subscription each."""
    h = io.StringIO()
    w = csv.writer(h)
    w.writerow(["ref", "type", "name", "firstname", "street", "zip", "city", "lang", "email"])
    langs = ["nl"] * 8 + ["fr", "en"]
    for i in range(HOLDERS):
        w.writerow(["H%06d" % i, "person", "Naam%d" % i, "Voornaam", "Straat %d" % i, "9000",
                    "Gent", langs[i % 10], "h%d@example.org" % i])
    e = io.StringIO()
    w = csv.writer(e)
    w.writerow(["ref", "date", "type", "class", "quantity", "from_holder", "to_holder",
                "paid_amount", "amount_paid_out"])
    for i in range(HOLDERS):
        w.writerow(["E%07d" % (i + 1), "2020-01-%02d" % (i % 28 + 1), "subscription",
                    "A" if i % 3 else "B", 1 + i % 5, "", "H%06d" % i,
                    "25.00" if i % 4 else "10.00", ""])
    return h.getvalue().encode(), e.getvalue().encode()


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main():
    t_all = time.perf_counter()
    subprocess.call(["dropdb", "--if-exists", BENCH_DB])
    subprocess.check_call(["createdb", "-T", SOURCE, BENCH_DB])
    results = []

    def report(label, value, unit, target, generic=None):
        ratio = ("%.1fx faster than Odoo's generic way" % (generic / value)) \
            if generic else ""
        line = "| %s | %.3f %s | %s | %s |" % (label, value, unit, target, ratio)
        print(line, flush=True)
        results.append(line)

    try:
        env = bench_dar.odoo_env(BENCH_DB, "bench-dar-mailing")
        cr = env.cr
        register = bench_dar.make_register(env, {"email": "info@bench.coop"})  # class A: 1 vote
        env["coop.share.class"].create({"register_id": register.id, "code": "B", "name": "B",
                                        "nominal_value": 25.0, "votes_per_share": 2.0})
        manager = env["res.users"].with_context(no_reset_password=True).create({
            "name": "Bench manager", "login": "bench_dar_mailing_manager",
            "groups_id": [(6, 0, [env.ref("coop_share_register.group_dar_manager").id])],
            "coop_register_ids": [(6, 0, register.ids)]})
        holders_csv, entries_csv = files()
        result = env["coop.share.import.wizard"].import_files(
            register, holders_csv, entries_csv, dry_run=False)
        assert not result["problems"], result["problems"][:5]
        env["ir.config_parameter"].set_param("coop_share_register.mailing_batch_size", "500")
        cr.commit()
        menv = env(user=manager.id)

        # 1. sending a mailing to 60,000 shareholders: the manager's request
        mailing = menv["coop.share.mailing"].create({
            "register_id": register.id, "date": "2024-12-31",
            "mailing_template_id": env.ref("coop_share_register.mailing_template_statement").id})
        seconds, _ = timed(mailing.action_send)
        cr.commit()
        assert mailing.recipient_count == HOLDERS, mailing.recipient_count
        from odoo.addons.queue_job.job import Job

        def jobs(method):
            return env["queue.job"].search([
                ("func_string", "=like", "coop.share.mailing(%d,).%%" % mailing.id),
                ("method_name", "=", method)])
        queue_seconds, _ = timed(lambda: Job.load(env, jobs("job_queue_batches").uuid).perform())
        cr.commit()
        batch_jobs = jobs("job_send_batch")
        assert len(batch_jobs) == HOLDERS // 500, len(batch_jobs)

        # 2. one background job (500 mails rendered, created and handed to the server)
        Server = "odoo.addons.base.ir.ir_mail_server.IrMailServer"
        with patch(Server + ".connect", lambda *args, **kwargs: None), \
                patch(Server + ".send_email",
                      lambda self, message, *args, **kwargs: message["Message-Id"]):
            job_seconds, _ = timed(lambda: Job.load(env, batch_jobs[0].uuid).perform())
        cr.commit()
        mailing.invalidate_cache()
        assert mailing.processed_count == 500, mailing.processed_count
        per_mail = job_seconds / 500
        # Odoo's generic way: mass_mailing.send_mail() in the request for every recipient,
        # i.e. the request lasts as long as all the jobs together
        report("Send a mailing to %d shareholders: the manager's request (recipient list "
               "written, one job queued)" % HOLDERS, seconds, "s",
               "< 10 s, server not blocked", per_mail * HOLDERS)
        report("The first job: queue the %d batch jobs" % len(batch_jobs), queue_seconds, "s",
               "in the job runner")
        report("One background job: 500 personalised mails rendered, created, sent",
               job_seconds, "s", "in the job runner", None)
        print("   %.1f ms per mail: the whole mailing in about %.0f min of job runner time"
              % (per_mail * 1000, per_mail * HOLDERS / 60))

        # 3. the mailing's figures (recipients, prepared, sent, opened, bounced, progress)
        def figures():
            mailing.invalidate_cache()
            return mailing.read(["recipient_count", "processed_count", "sent_count",
                                 "opened_count", "bounced_count", "progress"])
        stats_seconds, values = timed(figures)
        assert values[0]["sent_count"] == 500, values
        generic, _ = timed(lambda: env["mail.mail.statistics"].search_read(
            [("mass_mailing_id", "in", mailing.sudo().mass_mailing_ids.ids)],
            ["sent", "opened", "bounced", "exception"]))
        report("Mailing figures with progress (one grouped query)", stats_seconds * 1000,
               "ms", "< 300 ms", generic * 1000)

        # 4. a general assembly's voting roll of 60,000 holders as of the record date
        assembly = menv["coop.share.assembly"].create({
            "register_id": register.id, "date": "2024-06-15 12:00:00",
            "record_date": "2024-04-30"})
        roll_seconds, _ = timed(assembly.action_open)
        assert assembly.holder_count == HOLDERS, assembly.holder_count
        # generic: positions in Python and one ORM create per roll line, on a sample
        other = menv["coop.share.assembly"].create({
            "register_id": register.id, "date": "2024-06-16 12:00:00",
            "record_date": "2024-04-30"})
        other.state = "open"
        Line = env["coop.share.assembly.holder"]

        def generic_roll():
            positions = menv["coop.share.position"].compute_positions(register, "2024-04-30")
            by_holder = {}
            for pos in positions:
                share_class = env["coop.share.class"].browse(pos["class_id"])
                votes = pos["shares"] * share_class.votes_per_share
                shares, total = by_holder.get(pos["holder_id"], (0, 0.0))
                by_holder[pos["holder_id"]] = (shares + pos["shares"], total + votes)
            for holder_id, (shares, votes) in list(by_holder.items())[:SAMPLE]:
                Line.create({"assembly_id": other.id, "register_id": register.id,
                             "holder_id": holder_id, "shares": shares, "votes": votes})
        generic_seconds, _ = timed(generic_roll)
        report("Assembly: voting roll of %d holders as of the record date (one INSERT)"
               % HOLDERS, roll_seconds, "s", "< 10 s",
               generic_seconds * HOLDERS / SAMPLE)
        res = menv["coop.share.assembly.resolution"].create({
            "assembly_id": assembly.id, "name": "Jaarrekening"})
        res.action_open_voting()
        lines = menv["coop.share.assembly.holder"].search(
            [("assembly_id", "=", assembly.id)], limit=200)
        lines.action_present()
        for line in lines:
            res.cast_vote(line.holder_id, "for" if line.id % 3 else "against")
        result_seconds, _ = timed(lambda: (res.invalidate_cache(), res.read(
            ["votes_for", "votes_against", "votes_abstain", "result"])))
        report("Assembly: weighted result of a resolution (200 votes)", result_seconds * 1000,
               "ms", "< 100 ms")
        xlsx_seconds, content = timed(assembly.export_xlsx)
        report("Assembly: XLSX result sheet (%d bytes)" % len(content), xlsx_seconds, "s",
               "< 5 s")
        cr.rollback()
        cr.close()
    finally:
        import odoo
        odoo.sql_db.close_all()
        subprocess.call(["dropdb", "--if-exists", BENCH_DB])
    total = time.perf_counter() - t_all
    print("whole benchmark: %.0f s" % total)
    with open(os.path.join(ROOT, "bench", "RESULTS-dar-mailing.md"), "w") as f:
        f.write("# DAR mailings and assemblies benchmark (bench/bench_dar_mailing.py)\n\n"
                "Run on %s UTC, %d shareholders, on this machine (2 cores shared), whole run "
                "%.0f s. SMTP replaced by a stub that accepts each mail at once.\n\n"
                "| What | Measured | Target | Ratio |\n|---|---|---|---|\n%s\n" % (
                    datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M"), HOLDERS, total,
                    "\n".join(results)))


if __name__ == "__main__":
    sys.path.insert(0, ROOT)
    from odoo import api as odoo_api
    with odoo_api.Environment.manage():
        main()

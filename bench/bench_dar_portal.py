#!/usr/bin/env python3
# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Load test of the shareholder portal (/my/aandelen) with a 60,000-shareholder register.

Not a test. Run from the checkout, after `make test` left a database with
coop_share_register installed:

    source scripts/env.sh
    python bench/bench_dar_portal.py [SOURCE_DB] [--users 50] [--seconds 30] [--port 8291]

It copies SOURCE_DB to a scratch database, builds the register with bench_dar.py's data
builder (the addon's importer), gives 50 shareholders a portal login, starts Odoo on
127.0.0.1:PORT (2 workers), lets 50 concurrent clients (threads, one session each) load
their own /my/aandelen for SECONDS, then prints requests/s, latency percentiles, errors and
the server time of the page (ir_http timing via one in-process render), stops the server
and drops the scratch database. Bounded: the load phase stops after SECONDS.
"""
import os
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_dar  # noqa: E402

ROOT = bench_dar.ROOT
ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]


def option(name, default):
    if name in sys.argv:
        return type(default)(sys.argv[sys.argv.index(name) + 1])
    return default


SOURCE = ARGS[0] if ARGS else "coopkracht_test_dar2"
BENCH_DB = "coopkracht_bench_dar_portal"
USERS = option("--users", 50)
SECONDS = option("--seconds", 30)
PORT = option("--port", 8291)


def build():
    env = bench_dar.odoo_env(BENCH_DB)
    cr = env.cr
    partner = env["res.partner"].create({"name": "Bench coop", "is_company": True})
    register = env["coop.share.register"].create({
        "name": "Bench coop", "partner_id": partner.id, "company_number": "0403170701",
        "min_shares": 1, "max_shares": 0})
    env["coop.share.class"].create({"register_id": register.id, "code": "A",
                                    "name": "A", "nominal_value": 25.0})
    cr.commit()
    holders_csv, entries_csv = bench_dar.files()
    start = time.perf_counter()
    result = env["coop.share.import.wizard"].import_files(
        register, holders_csv, entries_csv, dry_run=False)
    assert not result["problems"], result["problems"][:5]
    cr.commit()
    print("register built: %d holders, %d entries in %.0f s" % (
        bench_dar.HOLDERS, bench_dar.ENTRIES, time.perf_counter() - start), flush=True)
    portal = env.ref("base.group_portal")
    holders = env["coop.shareholder"].search(
        [("register_id", "=", register.id)], order="number", limit=USERS)
    logins, users = [], []
    for holder in holders:
        login = "bench_portal_%d" % holder.number
        user = env["res.users"].with_context(no_reset_password=True).create({
            "name": holder.display_name, "login": login, "password": login,
            "groups_id": [(6, 0, portal.ids)]})
        holder.write({"partner_id": user.partner_id.id})
        logins.append(login)
        users.append(user)
    cr.commit()
    # the page's queries in process, as the portal user (record rules applied)
    times = []
    for holder, user in list(zip(holders, users))[:20]:
        start = time.perf_counter()
        domain = [("partner_id", "=", user.partner_id.id)]
        mine = env["coop.shareholder"].sudo(user).search(domain)
        mine.positions()
        env["coop.share.entry"].sudo(user).search(
            ["|", ("holder_to_id", "=", mine.id), ("holder_from_id", "=", mine.id)]).read(
            ["name", "date", "entry_type", "quantity", "state"])
        times.append((time.perf_counter() - start) * 1000)
    cr.close()
    return logins, times


def client(login, deadline, latencies, errors):
    import requests
    base = "http://127.0.0.1:%s" % PORT
    session = requests.Session()
    try:
        page = session.get(base + "/web/login", timeout=60).text
        token = page.split('name="csrf_token" value="')[1].split('"')[0]
        session.post(base + "/web/login", data={"login": login, "password": login,
                                                "csrf_token": token}, timeout=60)
    except Exception:  # a login that fails counts as an error of this client
        errors.append("login " + login)
        return
    while time.time() < deadline:
        start = time.perf_counter()
        try:
            response = session.get(base + "/my/aandelen", timeout=30)
            ok = response.status_code == 200 and "o_coop_shareholding" in response.text
        except Exception:  # a timeout or a reset counts as an error
            ok = False
        latencies.append((time.perf_counter() - start) * 1000)
        if not ok:
            errors.append(login)


def percentile(values, pct):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * pct / 100.0))]


def main():
    subprocess.call(["dropdb", "--if-exists", BENCH_DB])
    subprocess.check_call(["createdb", "-T", SOURCE, BENCH_DB])
    server = None
    try:
        logins, server_ms = build()
        print("page queries in process: median %.1f ms, max %.1f ms" % (
            statistics.median(server_ms), max(server_ms)), flush=True)
        conf = os.path.join(ROOT, ".local", "bench-dar.conf")
        server = subprocess.Popen([
            sys.executable, "-c", "import odoo.cli; odoo.cli.main()", "-c", conf,
            "-d", BENCH_DB, "--http-interface=127.0.0.1", "--http-port=%s" % PORT,
            "--workers=2", "--max-cron-threads=0", "--db-filter=^%s$" % BENCH_DB,
            "--limit-time-real=120"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        import requests
        for _ in range(120):
            try:
                requests.get("http://127.0.0.1:%s/web/login" % PORT, timeout=5)
                break
            except Exception:
                time.sleep(1)
        # warm-up: one shareholder's page (templates and assets compiled once)
        client(logins[0], time.time() + 5, [], [])
        latencies, errors = [], []
        deadline = time.time() + SECONDS
        threads = [threading.Thread(target=client, args=(login, deadline, latencies, errors))
                   for login in logins]
        start = time.time()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(SECONDS + 60)
        elapsed = time.time() - start
        print("%d users, %.0f s: %d requests, %.1f requests/s, %d errors" % (
            len(logins), elapsed, len(latencies), len(latencies) / elapsed, len(errors)))
        if latencies:
            print("latency ms: p50 %.0f, p90 %.0f, p95 %.0f, p99 %.0f, max %.0f" % (
                percentile(latencies, 50), percentile(latencies, 90),
                percentile(latencies, 95), percentile(latencies, 99), max(latencies)))
    finally:
        if server:
            server.terminate()
            server.wait(30)
        import odoo
        odoo.sql_db.close_db(BENCH_DB)
        subprocess.call(["dropdb", "--if-exists", BENCH_DB])


if __name__ == "__main__":
    from odoo import api as odoo_api
    with odoo_api.Environment.manage():
        main()

#!/usr/bin/env python3
# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Load test of the shareholder portal (/my/aandelen) with a 60,000-shareholder register.

Not a test. Run from the checkout, after `make test` left a database with
coop_share_register installed:

    source scripts/env.sh
    python bench/bench_dar_portal.py [SOURCE_DB] [--users 50] [--seconds 30] [--port 8291]
                                     [--workers N] [--keep] [--reuse] [--no-baseline]
                                     [--no-write]

1. Copies SOURCE_DB to a scratch database and builds the register with bench_dar.py's
   data builder (the addon's importer): 60,000 holders, 200,000 entries; gives USERS
   shareholders a portal login (--reuse: keep an existing scratch database, --keep: do not
   drop it at the end).
2. Server time: the page rendered in this process through Odoo's WSGI application (no
   network, no other client), for 20 different shareholders: wall time and SQL queries
   per request, compared with Odoo's generic portal home page (/my/home) of the same user.
3. Load: starts Odoo's prefork server (--workers, like production, config/odoo-docker.conf)
   on 127.0.0.1:PORT, logs every client in first, then lets USERS concurrent clients
   (threads, one session each) load their own /my/aandelen for SECONDS; prints
   requests/s, latency percentiles (p50/p95/p99) and the errors by kind; stops the server
   and drops the scratch database. Bounded: the load phase stops after SECONDS.
   The same load against Odoo's threaded server (--workers=0, the server of the test
   setup) gives the baseline and the ratio (--no-baseline skips it).

Workers: Odoo's prefork server listens with a backlog of 8 x workers. With fewer than
USERS / 9 workers, more clients connect at once than the kernel queues: their SYNs are
dropped and retried after 1, 3, 7, 15 s..., which shows up as multi-second latencies and
timeouts (the 8 timeouts of the first runs, with 2 workers). The default is therefore
max(2 x cores + 1, ceil(USERS / 9)) workers.
"""
import collections
import math
import multiprocessing
import os
import signal
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_dar  # noqa: E402

ROOT = bench_dar.ROOT
VALUED = ("--users", "--seconds", "--port", "--workers")


def parse_argv(argv):
    """Positional arguments and options (--name value for VALUED, --flag otherwise)."""
    args, opts, items = [], {}, iter(argv)
    for arg in items:
        if arg in VALUED:
            opts[arg] = int(next(items))
        elif arg.startswith("--"):
            opts[arg] = True
        else:
            args.append(arg)
    return args, opts


ARGS, OPTS = parse_argv(sys.argv[1:])


def option(name, default):
    return OPTS.get(name, default)


SOURCE = ARGS[0] if ARGS else "coopkracht_test_dar2"
BENCH_DB = "coopkracht_bench_dar_portal"
USERS = option("--users", 50)
SECONDS = option("--seconds", 30)
PORT = option("--port", 8291)
WORKERS = option("--workers", max(2 * (os.cpu_count() or 1) + 1, int(math.ceil(USERS / 9.0))))
CLIENT_PROCESSES = max(1, int(math.ceil(USERS / 5.0)))  # 5 users per client process
KEEP = option("--keep", False)
REUSE = option("--reuse", False)
NO_BASELINE = option("--no-baseline", False)
NO_WRITE = option("--no-write", False)  # an experiment: print, leave bench/RESULTS.md alone
LOGIN_PREFIX = "bench_portal_"
MARK = "o_coop_shareholding"  # a class of the holding card on the page


def build():
    """The register, and USERS portal users (password = login) for its first holders."""
    env = bench_dar.odoo_env(BENCH_DB)
    cr = env.cr
    if not env["coop.share.register"].search([("name", "=", "Bench coop")]):
        register = bench_dar.make_register(env)
        cr.commit()
        holders_csv, entries_csv = bench_dar.files()
        start = time.perf_counter()
        result = env["coop.share.import.wizard"].import_files(
            register, holders_csv, entries_csv, dry_run=False)
        assert not result["problems"], result["problems"][:5]
        cr.commit()
        print("register built: %d holders, %d entries in %.0f s" % (
            bench_dar.HOLDERS, bench_dar.ENTRIES, time.perf_counter() - start), flush=True)
    register = env["coop.share.register"].search([("name", "=", "Bench coop")])
    portal = env.ref("base.group_portal")
    holders = env["coop.shareholder"].search(
        [("register_id", "=", register.id)], order="number", limit=USERS)
    logins = []
    for holder in holders:
        login = "%s%d" % (LOGIN_PREFIX, holder.number)
        if not env["res.users"].search([("login", "=", login)]):
            user = env["res.users"].with_context(no_reset_password=True).create({
                "name": holder.display_name, "login": login, "password": login,
                "groups_id": [(6, 0, portal.ids)]})
            holder.write({"partner_id": user.partner_id.id})
        logins.append(login)
    cr.commit()
    cr.close()
    return logins


def server_time(logins, count=20):
    """Each page rendered by Odoo's WSGI application in this process: ms and queries."""
    import odoo
    from werkzeug.test import Client
    from werkzeug.wrappers import BaseResponse
    odoo.tools.config["db_name"] = BENCH_DB
    odoo.tools.config["dbfilter"] = "^%s$" % BENCH_DB
    figures = collections.defaultdict(list)
    environ = {"REMOTE_ADDR": "127.0.0.1"}
    for login in logins[:count]:
        client = Client(odoo.http.root, BaseResponse)
        page = client.get("/web/login", environ_base=environ).data.decode()
        token = page.split('name="csrf_token" value="')[1].split('"')[0]
        client.post("/web/login", environ_base=environ, data={
            "login": login, "password": login, "csrf_token": token})
        for url in ("/my/aandelen", "/my/home"):
            client.get(url, environ_base=environ)  # first call of the session: caches
            queries = odoo.sql_db.sql_counter
            start, cpu = time.perf_counter(), time.process_time()
            response = client.get(url, environ_base=environ)
            elapsed = (time.perf_counter() - start) * 1000
            cpu = (time.process_time() - cpu) * 1000
            assert response.status_code == 200, (url, response.status_code)
            if url == "/my/aandelen":
                assert MARK in response.data.decode(), "no holding on the page"
            figures[url].append((elapsed, odoo.sql_db.sql_counter - queries, cpu))
    return figures


def client_login(session, base, login):
    page = session.get(base + "/web/login", timeout=60).text
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    session.post(base + "/web/login", timeout=60, data={
        "login": login, "password": login, "csrf_token": token})
    # Odoo 11 answers a login with a page that redirects in JavaScript: check the session
    if MARK not in session.get(base + "/my/aandelen", timeout=60).text:
        raise RuntimeError("login refused")


def client(session, base, deadline, latencies, errors):
    """One user loading his page again and again until the deadline."""
    import requests
    while time.time() < deadline:
        start = time.perf_counter()
        try:
            response = session.get(base + "/my/aandelen", timeout=30)
            if response.status_code != 200:
                kind = "HTTP %s" % response.status_code
            elif MARK not in response.text:
                kind = "page without holdings"
            else:
                kind = None
        except requests.Timeout:
            kind = "timeout (30 s)"
        except requests.ConnectionError:
            kind = "connection error"
        latencies.append((time.perf_counter() - start) * 1000)
        if kind:
            errors[kind] += 1


def client_process(cookies, base, deadline, queue):
    """A client process: one thread per user (session cookie) until the deadline."""
    import requests
    latencies, errors = [], collections.Counter()
    threads = []
    for cookie in cookies:
        session = requests.Session()
        session.cookies.update(cookie)
        threads.append(threading.Thread(target=client, args=(session, base, deadline,
                                                             latencies, errors)))
    while time.time() < deadline - SECONDS:
        time.sleep(0.05)  # all processes start their clients together
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queue.put((latencies, dict(errors)))


def percentile(values, pct):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * pct / 100.0))]


def load(logins, workers):
    """Odoo's server (prefork with workers, threaded with 0) and USERS concurrent clients;
    returns the figures."""
    import requests
    conf = os.path.join(ROOT, ".local", "bench-dar.conf")
    base = "http://127.0.0.1:%s" % PORT
    log = os.path.join(ROOT, ".local", "log", "bench-dar-portal-server.log")
    os.makedirs(os.path.dirname(log), exist_ok=True)
    # scripts/odoo-bin, not `python -c`: the prefork server starts its longpolling process
    # as sys.argv[0] + "gevent", which fails with -c
    server = subprocess.Popen([
        sys.executable, os.path.join(ROOT, "scripts", "odoo-bin"), "-c", conf,
        "-d", BENCH_DB, "--http-interface=127.0.0.1", "--http-port=%s" % PORT,
        "--longpolling-port=%s" % (PORT + 1), "--workers=%s" % workers,
        "--max-cron-threads=0", "--db-filter=^%s$" % BENCH_DB, "--limit-time-real=120",
        "--log-level=warn", "--logfile=%s" % log], stdin=subprocess.DEVNULL,
        start_new_session=True)
    try:
        for _ in range(120):
            try:
                requests.get(base + "/web/login", timeout=5)
                break
            except requests.RequestException:
                time.sleep(1)
        # every client logs in before the clock starts (a login is not a page view)
        sessions, errors = [], collections.Counter()
        for login in logins:
            session = requests.Session()
            try:
                client_login(session, base, login)
                sessions.append(session)
            except (requests.RequestException, RuntimeError, IndexError):
                errors["login failed"] += 1
        # warm-up, not measured: every worker renders the page a few times (each process
        # compiles the templates and fills its caches on its first requests)
        warm = time.time() + 10
        warmers = [threading.Thread(target=client, args=(s, base, warm, [],
                                                         collections.Counter()))
                   for s in sessions[:2 * max(workers, 1)]]
        for thread in warmers:
            thread.start()
        for thread in warmers:
            thread.join(60)
        # the clients run in several processes of a few threads each, so that the load
        # generator (one GIL per process) does not limit the figures: a prefork worker that
        # accepted a connection waits, idle, until its client thread gets the GIL to send
        cookies = [s.cookies.get_dict() for s in sessions]
        groups = [cookies[i::CLIENT_PROCESSES] for i in range(CLIENT_PROCESSES)]
        context = multiprocessing.get_context("spawn")
        queue = context.Queue()
        deadline = time.time() + SECONDS + 3  # the processes start within 3 s
        procs = [context.Process(target=client_process, args=(group, base, deadline, queue))
                 for group in groups if group]
        start = time.time()
        for proc in procs:
            proc.start()
        latencies = []
        for _ in procs:
            lat, errs = queue.get(timeout=SECONDS + 120)
            latencies.extend(lat)
            errors.update(errs)
        for proc in procs:
            proc.join(30)
        elapsed = time.time() - start - 3
    finally:
        stop_server(server)
    return {"requests": len(latencies), "elapsed": elapsed, "latencies": latencies,
            "errors": errors, "clients": len(sessions)}


def stop_server(server):
    """Stop Odoo with its workers and longpolling process, and wait for the port to be
    free (the next server must not find the old one still answering)."""
    import socket
    try:
        os.killpg(server.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        server.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(30)
    for _ in range(60):
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", PORT)) != 0:
                return
        time.sleep(1)


def loadavg():
    return "%.1f / %.1f / %.1f" % os.getloadavg()


def main():
    if not (REUSE and subprocess.call(["psql", "-d", BENCH_DB, "-c", "select 1"],
                                      stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL) == 0):
        subprocess.call(["dropdb", "--if-exists", BENCH_DB])
        subprocess.check_call(["createdb", "-T", SOURCE, BENCH_DB])
    lines = []

    def out(line):
        print(line, flush=True)
        lines.append(line)

    try:
        logins = build()
        out("Run on %s UTC, register of %d shareholders and %d entries, %d portal users, "
            "this machine (%d cores, shared with the other engineers' test runs)." % (
                time.strftime("%Y-%m-%d %H:%M", time.gmtime()), bench_dar.HOLDERS,
                bench_dar.ENTRIES, len(logins), os.cpu_count()))
        out("")
        out("- machine load before (1/5/15 min): %s" % loadavg())
        figures = server_time(logins)
        page, home = figures["/my/aandelen"], figures["/my/home"]
        ms, home_ms = [f[0] for f in page], [f[0] for f in home]
        out("- server time of /my/aandelen (Odoo's WSGI application in process, %d "
            "shareholders): p50 %.0f ms, p95 %.0f ms, max %.0f ms (target < 300 ms); "
            "%d SQL queries; CPU time of the Odoo process p50 %.0f ms (the rest is "
            "PostgreSQL and waiting for a core)" % (
                len(page), statistics.median(ms), percentile(ms, 95), max(ms),
                max(f[1] for f in page), statistics.median(f[2] for f in page)))
        out("- Odoo's generic portal home /my/home of the same users: p50 %.0f ms, %d SQL "
            "queries; ratio /my/aandelen : /my/home = %.2f" % (
                statistics.median(home_ms), max(f[1] for f in home),
                statistics.median(ms) / statistics.median(home_ms)))
        runs = [("Odoo prefork server, %d workers" % WORKERS, WORKERS)]
        if not NO_BASELINE:
            runs.append(("Odoo's threaded server (no workers, as in the test setup)", 0))
        rates = []
        for label, workers in runs:
            result = load(logins, workers)
            lat, errors = result["latencies"], result["errors"]
            rates.append(result["requests"] / max(result["elapsed"], 1))
            out("- load, %s: %d concurrent users for %d s (+ their last request): %d "
                "requests in %.0f s = %.1f requests/s, %d errors%s" % (
                    label, result["clients"], SECONDS, result["requests"],
                    result["elapsed"], rates[-1], sum(errors.values()),
                    (" (%s)" % ", ".join("%s: %d" % kv for kv in sorted(errors.items())))
                    if errors else ""))
            if lat:
                out("  latency: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms" % (
                    percentile(lat, 50), percentile(lat, 95), percentile(lat, 99),
                    max(lat)))
        if len(rates) == 2 and rates[1]:
            out("- throughput ratio prefork : threaded = %.2f" % (rates[0] / rates[1]))
        out("- machine load after (1/5/15 min): %s" % loadavg())
        if not NO_WRITE:
            bench_dar.write_section("bench_dar_portal", [
                "", "## Shareholder portal under load (bench/bench_dar_portal.py)", ""]
                + lines + [""])
    finally:
        import odoo
        odoo.sql_db.close_db(BENCH_DB)
        if not KEEP:
            subprocess.call(["dropdb", "--if-exists", BENCH_DB])


if __name__ == "__main__":
    from odoo import api as odoo_api
    with odoo_api.Environment.manage():
        main()

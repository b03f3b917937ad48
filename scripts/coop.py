#!/usr/bin/env python3
"""Drive Odoo for the Coopkracht platform: template database, demo database, tests.

Run through the Makefile (which runs scripts/setup.sh first). Subcommands:

  run                 create the demo database `coopkracht` when missing, then serve it
  test [PYTEST_ARGS]  throw-away database, coop addons installed, log checked, pytest;
                      ends with one line `N passed, N failed`
  newdb NAME          a fresh database with the coop addons installed (for development)
  update NAME ADDONS  update addons on a development database
  template            build (or reuse) the template database of Odoo's own modules

The template database holds Odoo's modules that our addons depend on (with demo data and
nl_BE loaded); it is keyed by a hash of the lock file and that module list, so a change
rebuilds it. Test and demo databases are copies of it (`createdb -T`), which saves the
two to three minutes that installing Odoo's own modules takes.
"""
import ast
import configparser
import fcntl
import glob
import hashlib
import http.cookiejar
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.environ["COOP_VENV"]
DATA_DIR = os.environ["COOP_DATA_DIR"]
PYTHON = os.path.join(VENV, "bin", "python")
LOG_DIR = os.path.join(ROOT, ".local", "log")
TEMPLATE_FORMAT = "3"  # bump when the template recipe changes
RUN_DB = os.environ.get("COOP_DB", "coopkracht")
RUN_PORT = int(os.environ.get("COOP_PORT", "8069"))
TEST_DB = os.environ.get("COOP_TEST_DB", "coopkracht_test")
TEST_PORT = int(os.environ.get("COOP_TEST_PORT", "8169"))
TEMPLATE_PORT = 8099  # one template build at a time (file lock), so one port serves
# COOP_ADDONS=coop_x,coop_y limits what is installed to those and the coop addons they need.
ONLY_ADDONS = [a for a in os.environ.get("COOP_ADDONS", "").split(",") if a]
# Odoo's and OCA's modules the platform builds on: always in the template, so that an
# addon starting to depend on one of them does not rebuild it. Modules named in a coop
# manifest are added to these.
BASE_MODULES = ["base", "web", "mail", "portal", "website", "website_form", "l10n_be",
                "l10n_be_invoice_bba", "base_iban", "account_invoicing", "payment_transfer",
                "membership", "event", "website_event", "event_sale", "website_event_sale",
                "mass_mailing", "website_mass_mailing", "queue_job", "report_xlsx", "auditlog"]


def odoo_addons_dir():
    out = subprocess.check_output(
        [PYTHON, "-c", "import odoo.addons, os; print(os.path.dirname(odoo.addons.__file__))"],
        universal_newlines=True)
    return out.strip()


def addons_path():
    return ",".join([odoo_addons_dir(), os.path.join(ROOT, "addons")])


def coop_addons():
    """The project's installable addons, in dependency order."""
    manifests = {}
    for man in sorted(glob.glob(os.path.join(ROOT, "addons", "*", "__manifest__.py"))):
        name = os.path.basename(os.path.dirname(man))
        with open(man) as f:
            data = ast.literal_eval(f.read())
        if data.get("installable", True):
            manifests[name] = data
    ordered, seen = [], set()

    def visit(name):
        if name in seen or name not in manifests:
            return
        seen.add(name)
        for dep in manifests[name].get("depends", []):
            visit(dep)
        ordered.append(name)

    for name in (ONLY_ADDONS or manifests):
        visit(name)
    return ordered, manifests


def external_depends():
    """Odoo modules the template needs: BASE_MODULES and what any coop manifest names."""
    _names, manifests = coop_addons()
    names = list(manifests)
    deps = set(BASE_MODULES)
    for name in names:
        deps.update(d for d in manifests[name].get("depends", []) if d not in manifests)
    return sorted(deps)


def psql(sql, db="postgres"):
    return subprocess.check_output(["psql", "-d", db, "-XAtqc", sql], universal_newlines=True).strip()


def db_exists(name):
    return psql("SELECT 1 FROM pg_database WHERE datname = '%s'" % name.replace("'", "")) == "1"


def drop_db(name):
    if db_exists(name):
        psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%s'" % name)
        subprocess.check_call(["dropdb", name])
    shutil.rmtree(os.path.join(DATA_DIR, "filestore", name), ignore_errors=True)


def write_config(path, db, port, extra=None):
    """An Odoo configuration for this checkout: config/odoo.conf plus the local paths."""
    cfg = configparser.ConfigParser(interpolation=None)
    cfg.read(os.path.join(ROOT, "config", "odoo.conf"))
    opts = cfg["options"]
    opts.update({"addons_path": addons_path(), "data_dir": DATA_DIR, "db_name": db,
                 "dbfilter": "^%s$" % re.escape(db), "http_port": str(port)})
    opts.update({k: str(v) for k, v in (extra or {}).items()})
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        cfg.write(f)
    return path


def odoo_cmd(conf, *args):
    return [PYTHON, os.path.join(ROOT, "scripts", "odoo-bin"), "-c", conf] + list(args)


def run_odoo(conf, logfile, *args):
    if os.path.exists(logfile):
        os.remove(logfile)
    cmd = odoo_cmd(conf, "--logfile=%s" % logfile, "--stop-after-init", *args)
    env = dict(os.environ, PATH=os.path.join(ROOT, "node_modules", ".bin") + os.pathsep + os.environ["PATH"])
    rc = subprocess.call(cmd, cwd=ROOT, env=env, stdin=subprocess.DEVNULL)
    return rc


def log_problems(logfile, strict_modules=()):
    """Problems in an Odoo log: ERROR/CRITICAL anywhere, WARNINGs from our addons,
    models without access rules."""
    problems = []
    pat = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (\w+) (\S+) (\S+): (.*)")
    with open(logfile, errors="replace") as f:
        for line in f:
            m = pat.match(line)
            if not m:
                continue
            level, _db, logger, msg = m.groups()
            # our addons by name, or our models by name (coop.*)
            ours = any(mod in logger or mod in msg for mod in strict_modules) or (
                bool(strict_modules) and re.search(r"\bcoop\.[a-z_.]+", msg) is not None)
            if level in ("ERROR", "CRITICAL"):
                problems.append(line.rstrip())
            elif level == "WARNING" and ours:
                problems.append(line.rstrip())
            elif "has no access rules" in msg and ours:
                problems.append(line.rstrip())
    return problems


def template_name():
    h = hashlib.sha1()
    with open(os.path.join(ROOT, "requirements.lock"), "rb") as f:
        h.update(f.read())
    h.update(",".join(external_depends()).encode())
    h.update(TEMPLATE_FORMAT.encode())
    return "coopkracht_tpl_" + h.hexdigest()[:10]


def ensure_template():
    """The template database, built under a file lock (several checkouts may ask at once)."""
    os.makedirs(DATA_DIR, exist_ok=True)
    with open(os.path.join(DATA_DIR, ".template.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _ensure_template()


def _ensure_template():
    name = template_name()
    if db_exists(name):
        return name
    deps = external_depends()
    print("[coop] building template database %s (%d Odoo modules, nl_BE): a few minutes, once"
          % (name, len(deps)), flush=True)
    tmp = name + "_building"
    drop_db(tmp)
    subprocess.check_call(["createdb", tmp])
    conf = write_config(os.path.join(ROOT, ".local", "template.conf"), tmp, TEMPLATE_PORT)
    logfile = os.path.join(LOG_DIR, "template.log")
    t0 = time.time()
    rc = run_odoo(conf, logfile, "-d", tmp, "-i", ",".join(deps), "--load-language=nl_BE")
    problems = [p for p in log_problems(logfile) if " CRITICAL " in p]
    if rc != 0 or problems:
        print("[coop] template build failed (rc=%s), see %s" % (rc, logfile), file=sys.stderr)
        print("\n".join(problems[:20]), file=sys.stderr)
        sys.exit(1)
    # Keep the three newest templates (other checkouts may use another lock), drop older ones.
    olds = psql("SELECT datname FROM pg_database WHERE datname LIKE 'coopkracht\\_tpl\\_%' "
                "AND datname NOT LIKE '%\\_building' ORDER BY oid DESC").split()
    for old in olds[2:]:
        drop_db(old)
    psql('ALTER DATABASE "%s" RENAME TO "%s"' % (tmp, name))
    src = os.path.join(DATA_DIR, "filestore", tmp)
    if os.path.isdir(src):
        os.rename(src, os.path.join(DATA_DIR, "filestore", name))
    print("[coop] template built in %.0f s" % (time.time() - t0), flush=True)
    return name


def create_from_template(db):
    tpl = ensure_template()
    drop_db(db)
    subprocess.check_call(["createdb", "-T", tpl, db])
    src = os.path.join(DATA_DIR, "filestore", tpl)
    if os.path.isdir(src):
        shutil.copytree(src, os.path.join(DATA_DIR, "filestore", db))


def install_coop(db, port, logname, extra_args=()):
    """Install all coop addons on db; return (rc, problems, conf)."""
    names, _ = coop_addons()
    conf = write_config(os.path.join(ROOT, ".local", "%s.conf" % db), db, port)
    logfile = os.path.join(LOG_DIR, logname)
    t0 = time.time()
    rc = run_odoo(conf, logfile, "-d", db, "-i", ",".join(names), *extra_args)
    problems = log_problems(logfile, strict_modules=names)
    print("[coop] installed %s on %s in %.0f s (log: %s)"
          % (", ".join(names), db, time.time() - t0, os.path.relpath(logfile, ROOT)), flush=True)
    return rc, problems, conf


def cmd_newdb(db, port=RUN_PORT):
    create_from_template(db)
    rc, problems, conf = install_coop(db, port, "install-%s.log" % db)
    if rc or problems:
        print("\n".join(problems), file=sys.stderr)
        print("[coop] installing the coop addons on %s failed" % db, file=sys.stderr)
        drop_db(db)
        sys.exit(1)
    warm_up(db, port)
    return conf


def cmd_run():
    conf = write_config(os.path.join(ROOT, ".local", "%s.conf" % RUN_DB), RUN_DB, RUN_PORT)
    if not db_exists(RUN_DB):
        conf = cmd_newdb(RUN_DB, RUN_PORT)
    print("[coop] serving database %s on http://localhost:%d (admin / admin); log: .local/log/run.log"
          % (RUN_DB, RUN_PORT), flush=True)
    env = dict(os.environ)
    os.execve(PYTHON, odoo_cmd(conf, "--logfile=%s" % os.path.join(LOG_DIR, "run.log"),
                               "--http-interface=0.0.0.0"), env)


def cmd_update(db, addons):
    conf = write_config(os.path.join(ROOT, ".local", "%s.conf" % db), db, RUN_PORT)
    logfile = os.path.join(LOG_DIR, "update-%s.log" % db)
    rc = run_odoo(conf, logfile, "-d", db, "-u", addons)
    problems = log_problems(logfile, strict_modules=addons.split(","))
    print("\n".join(problems))
    sys.exit(1 if rc or problems else 0)


def warm_up(db, port):
    """Serve db briefly and open the pages whose asset bundles Odoo compiles on first use
    (frontend, backend), so that each browser test does not compile them again inside its
    rolled-back test transaction."""
    conf = write_config(os.path.join(ROOT, ".local", "warmup-%s.conf" % db), db, port)
    logfile = os.path.join(LOG_DIR, "warmup-%s.log" % db)
    env = dict(os.environ, PATH=os.path.join(ROOT, "node_modules", ".bin") + os.pathsep + os.environ["PATH"])
    proc = subprocess.Popen(odoo_cmd(conf, "--logfile=%s" % logfile, "--max-cron-threads=0"),
                            cwd=ROOT, env=env, stdin=subprocess.DEVNULL)
    base = "http://127.0.0.1:%d" % port
    t0 = time.time()
    try:
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        while True:
            try:
                opener.open(base + "/web/login", timeout=120).read()
                break
            except OSError:
                if time.time() - t0 > 120 or proc.poll() is not None:
                    raise
                time.sleep(0.5)
        opener.open(base + "/", timeout=300).read()
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": {
            "db": db, "login": "admin", "password": "admin"}}).encode()
        req = urllib.request.Request(base + "/web/session/authenticate", data=body,
                                     headers={"Content-Type": "application/json"})
        opener.open(req, timeout=120).read()
        opener.open(base + "/web", timeout=300).read()
        opener.open(base + "/my", timeout=300).read()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    print("[coop] asset bundles compiled in %.0f s" % (time.time() - t0), flush=True)


def copy_db(src, dst):
    """dst as a copy of src (database and filestore); src must have no connection."""
    drop_db(dst)
    subprocess.check_call(["createdb", "-T", src, dst])
    store = os.path.join(DATA_DIR, "filestore", src)
    if os.path.isdir(store):
        shutil.copytree(store, os.path.join(DATA_DIR, "filestore", dst))


def start_live_server(db, port):
    """A second Odoo server for the tests that must not share the test's cursor
    (addons/coop_website/tests/live.py): its own process on a copy of the freshly
    installed test database. Returns (process, live db name)."""
    live_db = db + "_live"
    copy_db(db, live_db)
    conf = write_config(os.path.join(ROOT, ".local", "live-%s.conf" % db), live_db, port,
                        {"max_cron_threads": 0, "workers": 0, "proxy_mode": True,
                         # as in production (config/odoo-docker.conf): tests/test_deploy_proxy.py
                         "coop_block_db_manager": True,
                         "server_wide_modules": "web,queue_job,coop_website"})
    logfile = os.path.join(LOG_DIR, "live-%s.log" % db)
    env = dict(os.environ, PATH=os.path.join(ROOT, "node_modules", ".bin") + os.pathsep + os.environ["PATH"])
    proc = subprocess.Popen(odoo_cmd(conf, "--logfile=%s" % logfile), cwd=ROOT, env=env,
                            stdin=subprocess.DEVNULL)
    t0 = time.time()
    while True:
        try:
            urllib.request.urlopen("http://127.0.0.1:%d/web/login" % port, timeout=120).read()
            break
        except OSError:
            if time.time() - t0 > 180 or proc.poll() is not None:
                stop_server(proc)
                raise
            time.sleep(0.5)
    print("[coop] live server on http://127.0.0.1:%d (database %s) for the tests that must not "
          "share the test cursor" % (port, live_db), flush=True)
    return proc, live_db


def stop_server(proc):
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def junit_counts(path):
    """(passed, failed, skipped) from a pytest junit XML file."""
    if not os.path.exists(path):
        return 0, 0, 0
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root)
    tests = failures = errors = skipped = 0
    for s in suites:
        tests += int(s.get("tests", 0))
        failures += int(s.get("failures", 0))
        errors += int(s.get("errors", 0))
        skipped += int(s.get("skipped", 0))
    failed = failures + errors
    return tests - failed - skipped, failed, skipped


def cmd_test(pytest_args):
    t0 = time.time()
    os.makedirs(os.path.join(ROOT, "test-output"), exist_ok=True)
    quick = os.environ.get("COOP_TEST_UPDATE")  # development: update these addons on the kept database
    if quick and db_exists(TEST_DB):
        conf = write_config(os.path.join(ROOT, ".local", "%s.conf" % TEST_DB), TEST_DB, TEST_PORT)
        logfile = os.path.join(LOG_DIR, "update-%s.log" % TEST_DB)
        rc = run_odoo(conf, logfile, "-d", TEST_DB, "-u", quick)
        problems = log_problems(logfile, strict_modules=quick.split(","))
        print("[coop] COOP_TEST_UPDATE: updated %s on the kept database %s" % (quick, TEST_DB), flush=True)
    else:
        create_from_template(TEST_DB)
        rc, problems, _conf = install_coop(TEST_DB, TEST_PORT, "install-%s.log" % TEST_DB)
    passed = failed = skipped = 0
    if rc == 0 and not problems:
        passed += 1
        print("[coop] install check: no ERROR/CRITICAL, no WARNING of our addons, every model has access rules")
    else:
        failed += 1
        print("[coop] install check FAILED (rc=%s):" % rc)
        print("\n".join(problems[:50]))
    if rc == 0:
        warm_up(TEST_DB, TEST_PORT)
        conf = write_config(os.path.join(ROOT, ".local", "pytest-%s.conf" % TEST_DB), TEST_DB, TEST_PORT,
                            {"logfile": os.path.join(LOG_DIR, "pytest-%s.log" % TEST_DB), "log_level": "info"})
        junit = os.path.join(ROOT, "test-output", "junit-%s.xml" % TEST_DB)
        if os.path.exists(junit):
            os.remove(junit)
        targets = pytest_args or (sorted(glob.glob(os.path.join("addons", "*", "tests")))
                                  + ["tests"])
        live_port = TEST_PORT + 1
        upgrade_db = TEST_DB + "_upgrade"  # tests/test_upgrade.py upgrades this copy
        copy_db(TEST_DB, upgrade_db)
        two_db = TEST_DB + "_two"  # tests/test_two_servers.py runs two app servers on it
        copy_db(TEST_DB, two_db)
        live_proc, live_db = start_live_server(TEST_DB, live_port)
        upgrade_result = os.path.join(ROOT, "test-output", "upgrade-%s.json" % TEST_DB)
        if os.path.exists(upgrade_result):
            os.remove(upgrade_result)
        upgrade_proc = None
        if any(t.rstrip("/") in ("tests", "tests/test_upgrade.py") for t in targets):
            # the upgrades take minutes: they run beside the other tests, and
            # tests/test_upgrade.py waits for their result
            upgrade_proc = subprocess.Popen(
                [PYTHON, os.path.join(ROOT, "tests", "test_upgrade.py"), upgrade_db, upgrade_result],
                cwd=ROOT, stdin=subprocess.DEVNULL,
                env=dict(os.environ, COOP_UPGRADE_PORT=str(TEST_PORT + 2),
                         PATH=os.path.join(ROOT, "node_modules", ".bin") + os.pathsep + os.environ["PATH"]))
        env = dict(os.environ, COOP_TEST_DB=TEST_DB, COOP_TEST_PORT=str(TEST_PORT),
                   COOP_TEST_URL="http://127.0.0.1:%d" % TEST_PORT,
                   COOP_LIVE_URL="http://127.0.0.1:%d" % live_port, COOP_LIVE_DB=live_db,
                   COOP_UPGRADE_DB=upgrade_db, COOP_UPGRADE_PORT=str(TEST_PORT + 2),
                   COOP_UPGRADE_RESULT=upgrade_result, COOP_TWO_DB=two_db,
                   COOP_TEST_OUTPUT=os.path.join(ROOT, "test-output"),
                   PATH=os.path.join(ROOT, "node_modules", ".bin") + os.pathsep + os.environ["PATH"])
        cmd = [PYTHON, "-m", "pytest", "-p", "no:cacheprovider", "--odoo-database=%s" % TEST_DB,
               "--odoo-config=%s" % conf, "--odoo-http", "--junitxml=%s" % junit, "-q",
               "-o", "junit_family=xunit1", "-p", "no:warnings"] + targets
        try:
            subprocess.call(cmd, cwd=ROOT, env=env, stdin=subprocess.DEVNULL)
        finally:
            if upgrade_proc is not None and upgrade_proc.poll() is None:
                stop_server(upgrade_proc)
            stop_server(live_proc)
            drop_db(live_db)
            drop_db(upgrade_db)
            drop_db(two_db)
        p, f, s = junit_counts(junit)
        if p + f + s == 0:
            print("[coop] pytest ran no test (see output above)")
            failed += 1
        passed, failed, skipped = passed + p, failed + f, skipped + s
    print("[coop] whole run: %.0f s" % (time.time() - t0))
    line = "%d passed, %d failed" % (passed, failed)
    if skipped:
        line += ", %d skipped" % skipped
    print(line, flush=True)
    return 1 if failed else 0


# Odoo's own modules whose behaviour the coop addons extend: `make test-core` runs their
# test suites with and without the coop addons and compares.
CORE_TEST_MODULES = ["account", "sale", "portal", "auth_signup", "mail", "mass_mailing", "event",
                     "event_sale", "website_event_sale", "membership", "website", "website_sale"]
_RAN = re.compile(r" odoo\.addons\.(\w+)\.tests\.[\w.]+: Ran (\d+) tests? in ")
_FAILED = re.compile(r" (?:FAIL|ERROR): (test\w*) \((odoo\.addons\.(\w+)\.[\w.]+)\)")


def core_results(logfile):
    """({module: tests run}, {module: set of failed test ids}) from an Odoo test log."""
    ran, failed = {}, {}
    with open(logfile, errors="replace") as f:
        for line in f:
            m = _RAN.search(line)
            if m:
                ran[m.group(1)] = ran.get(m.group(1), 0) + int(m.group(2))
            m = _FAILED.search(line)
            if m:
                failed.setdefault(m.group(3), set()).add("%s.%s" % (m.group(2), m.group(1)))
    return ran, failed


def run_core_tests(db, port, with_coop, modules):
    """Odoo's own tests of modules on a copy of the template (with the coop addons first
    installed when with_coop), every user in en_US as those tests expect."""
    create_from_template(db)
    conf = write_config(os.path.join(ROOT, ".local", "%s.conf" % db), db, port, {"max_cron_threads": 0})
    if with_coop:
        rc, problems, conf = install_coop(db, port, "install-%s.log" % db)
        if rc:
            print("\n".join(problems[:20]), file=sys.stderr)
            sys.exit("[coop] installing the coop addons on %s failed" % db)
        conf = write_config(os.path.join(ROOT, ".local", "%s.conf" % db), db, port, {"max_cron_threads": 0})
    # the template has only nl_BE active; Odoo's tests create users in en_US
    psql("UPDATE res_lang SET active = true WHERE code = 'en_US'; "
         "UPDATE res_partner SET lang = 'en_US'; UPDATE ir_default SET json_value = '\"en_US\"' "
         "WHERE field_id IN (SELECT id FROM ir_model_fields WHERE model = 'res.partner' AND name = 'lang')", db)
    logfile = os.path.join(LOG_DIR, "core-%s.log" % db)
    t0 = time.time()
    rc = run_odoo(conf, logfile, "-d", db, "-u", ",".join(modules), "--test-enable", "--log-level=test")
    print("[coop] Odoo's tests %s the coop addons: %.0f s (log %s)" % (
        "with" if with_coop else "without", time.time() - t0, os.path.relpath(logfile, ROOT)), flush=True)
    # (the exit code is not 0 when a test fails: only the log tells a run that went through)
    with open(logfile, errors="replace") as f:
        complete = "odoo.service.server: All post-tested in" in f.read()
    if not complete:  # the update itself broke: no test result would mean anything
        sys.exit("[coop] the run %s the coop addons stopped before the end (exit code %s); see %s"
                 % ("with" if with_coop else "without", rc, os.path.relpath(logfile, ROOT)))
    return core_results(logfile)


def cmd_test_core(modules=None):
    """Odoo's own test suites side by side, without and with the coop addons; fails when a
    test fails with them that passes without them."""
    modules = modules or CORE_TEST_MODULES
    base = os.environ.get("COOP_CORE_DB", "coopkracht_core")
    ran_a, failed_a = run_core_tests(base + "_plain", TEST_PORT + 3, False, modules)
    ran_b, failed_b = run_core_tests(base + "_coop", TEST_PORT + 4, True, modules)
    names = sorted(set(ran_a) | set(ran_b))
    print("%-24s %18s %18s" % ("module", "without coop", "with coop"))
    regressions = []
    for name in names:
        fa, fb = failed_a.get(name, set()), failed_b.get(name, set())
        print("%-24s %9d ran %3d failed %9d ran %3d failed" % (
            name, ran_a.get(name, 0), len(fa), ran_b.get(name, 0), len(fb)))
        if not name.startswith("coop_"):
            regressions.extend(sorted(fb - fa))
    for test in regressions:
        print("[coop] fails only with the coop addons: %s" % test)
    known = sorted(set().union(*failed_a.values())) if failed_a else []
    for test in known:
        print("[coop] fails without the coop addons too (environment): %s" % test)
    passed = sum(ran_b.get(n, 0) - len(failed_b.get(n, ())) for n in names if not n.startswith("coop_"))
    print("%d passed, %d failed" % (passed, len(regressions)), flush=True)
    for db in (base + "_plain", base + "_coop"):
        drop_db(db)
    return 1 if regressions else 0


def main(argv):
    os.makedirs(LOG_DIR, exist_ok=True)
    os.makedirs(DATA_DIR, exist_ok=True)
    cmd = argv[0] if argv else "test"
    if cmd == "run":
        cmd_run()
    elif cmd == "test":
        sys.exit(cmd_test(argv[1:]))
    elif cmd == "newdb":
        db = argv[1]
        port = int(argv[2]) if len(argv) > 2 else RUN_PORT
        cmd_newdb(db, port)
    elif cmd == "update":
        cmd_update(argv[1], argv[2])
    elif cmd == "test-core":
        sys.exit(cmd_test_core([m for m in ",".join(argv[1:]).split(",") if m]))
    elif cmd == "template":
        print(ensure_template())
    else:
        print(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.default_int_handler)
    main(sys.argv[1:])

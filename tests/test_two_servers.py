# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two app servers behind one proxy, as docker-compose.yml scales them: two prefork Odoo
servers on loopback, on the same database and data directory, behind a real nginx that
balances between them. Server A has the "jobs" role (cron thread and the queue_job
runner), server B the "web" role (neither), as scripts/odoo-entrypoint sets them.

`make test` copies the test database to `<test db>_two` for this (COOP_TWO_DB)."""
import base64
import configparser
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import uuid
import xmlrpc.client

from nginx_conf import write_main_config

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TWO_DB = os.environ.get("COOP_TWO_DB", "")
BASE = int(os.environ.get("COOP_TEST_PORT", "8169")) + 10
A, A_LONGPOLLING, B, B_LONGPOLLING, PROXY = BASE, BASE + 1, BASE + 2, BASE + 3, BASE + 4
ADMIN = ("admin", "admin")


def write_server_config(directory, name, port, longpolling, role):
    """config/odoo.conf with this checkout's paths, in prefork mode, for a role."""
    from odoo.tools import config
    cfg = configparser.ConfigParser(interpolation=None)
    cfg.read(os.path.join(ROOT, "config", "odoo.conf"))
    options = cfg["options"]
    options.update({
        "addons_path": config["addons_path"], "data_dir": config["data_dir"],
        "db_name": TWO_DB, "dbfilter": "^%s$" % TWO_DB, "http_port": str(port),
        "longpolling_port": str(longpolling), "workers": "2", "proxy_mode": "True",
        "limit_time_real": "300", "limit_time_cpu": "240",
        "logfile": os.path.join(directory, "%s.log" % name),
        "max_cron_threads": "1" if role == "jobs" else "0",
        "server_wide_modules": "web,queue_job,coop_website" if role == "jobs"
                               else "web,coop_website",
    })
    if role == "jobs":
        cfg["queue_job"] = {"channels": "root:1"}
    elif cfg.has_section("queue_job"):
        cfg.remove_section("queue_job")
    path = os.path.join(directory, "%s.conf" % name)
    with open(path, "w") as f:
        cfg.write(f)
    return path


def write_proxy_config(directory):
    return write_main_config(directory, """
    upstream coop_odoo {{ server 127.0.0.1:{a}; server 127.0.0.1:{b}; }}
    upstream coop_longpolling {{ server 127.0.0.1:{alp}; server 127.0.0.1:{blp}; }}
    server {{
        listen 127.0.0.1:{proxy};
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        add_header X-Coop-Upstream $upstream_addr always;
        location /longpolling {{ proxy_pass http://coop_longpolling; }}
        location / {{ proxy_pass http://coop_odoo; }}
    }}""".format(a=A, b=B, alp=A_LONGPOLLING, blp=B_LONGPOLLING, proxy=PROXY))


def wait_for(url, proc, timeout=240):
    import requests
    deadline = time.time() + timeout
    while True:
        try:
            if requests.get(url, timeout=60).status_code < 500:
                return
        except requests.ConnectionError:
            pass
        if time.time() > deadline or proc.poll() is not None:
            raise AssertionError("%s did not come up" % url)
        time.sleep(0.5)


def stop(proc):
    if proc and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(30)


class TestTwoAppServers(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not TWO_DB:
            raise unittest.SkipTest("no database for two servers (COOP_TWO_DB): make test")
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        assert os.path.exists(nginx), "nginx is missing: scripts/setup.sh installs it"
        cls.tmp = tempfile.mkdtemp(prefix="coop-two-")
        cls.procs = []
        odoo_bin = os.path.join(ROOT, "scripts", "odoo-bin")
        env = dict(os.environ, PATH=os.path.join(ROOT, "node_modules", ".bin") + os.pathsep
                   + os.environ["PATH"])
        for name, port, longpolling, role in (("a", A, A_LONGPOLLING, "jobs"),
                                              ("b", B, B_LONGPOLLING, "web")):
            conf = write_server_config(cls.tmp, name, port, longpolling, role)
            cls.procs.append(subprocess.Popen([sys.executable, odoo_bin, "-c", conf],
                                              cwd=ROOT, env=env, stdin=subprocess.DEVNULL))
        cls.procs.append(subprocess.Popen([nginx, "-c", write_proxy_config(cls.tmp), "-g",
                                           "daemon off;"], stdin=subprocess.DEVNULL))
        try:
            wait_for("http://127.0.0.1:%d/web/login" % A, cls.procs[0])
            wait_for("http://127.0.0.1:%d/web/login" % B, cls.procs[1])
            wait_for("http://127.0.0.1:%d/web/login" % PROXY, cls.procs[2])
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        for proc in reversed(getattr(cls, "procs", [])):
            stop(proc)
        shutil.rmtree(getattr(cls, "tmp", ""), ignore_errors=True)
        super().tearDownClass()

    # -- helpers --------------------------------------------------------------------
    @staticmethod
    def url(port):
        return "http://127.0.0.1:%d" % port

    def rpc(self, port, model, method, *args, **kwargs):
        common = xmlrpc.client.ServerProxy(self.url(port) + "/xmlrpc/2/common")
        uid = common.authenticate(TWO_DB, ADMIN[0], ADMIN[1], {})
        models = xmlrpc.client.ServerProxy(self.url(port) + "/xmlrpc/2/object", allow_none=True)
        return models.execute_kw(TWO_DB, uid, ADMIN[1], model, method, list(args), kwargs)

    def session_info(self, session, base):
        reply = session.post(base + "/web/session/get_session_info", timeout=60,
                             json={"jsonrpc": "2.0", "method": "call", "params": {}})
        return reply, (reply.json().get("result") or {}).get("uid") or False

    @contextlib.contextmanager
    def env(self):
        """An environment on a cursor of its own on the two servers' database."""
        import odoo
        from odoo import SUPERUSER_ID, api
        with api.Environment.manage():
            cr = odoo.registry(TWO_DB).cursor()
            try:
                yield api.Environment(cr, SUPERUSER_ID, {})
                cr.commit()  # pylint: disable=invalid-commit
            finally:
                cr.close()

    def wait_until(self, condition, timeout, what):
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = condition()
            if value:
                return value
            time.sleep(1)
        raise AssertionError("%s did not happen within %s s" % (what, timeout))

    # -- tests ----------------------------------------------------------------------
    def test_login_holds_on_both_servers(self):
        """Logged in through server A, the same browser session is known to server B,
        and through the proxy, whichever server answers."""
        import requests
        session = requests.Session()
        page = session.get(self.url(A) + "/web/login", timeout=60)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        session.post(self.url(A) + "/web/login", timeout=60, data={
            "login": ADMIN[0], "password": ADMIN[1], "db": TWO_DB, "csrf_token": token})
        _reply, uid_a = self.session_info(session, self.url(A))
        self.assertTrue(uid_a, "the login on server A did not hold")
        _reply, uid_b = self.session_info(session, self.url(B))
        self.assertEqual(uid_b, uid_a, "server B does not know the session made on A")
        upstreams = set()
        for _i in range(6):
            reply, uid = self.session_info(session, self.url(PROXY))
            self.assertEqual(uid, uid_a)
            upstreams.add(reply.headers.get("X-Coop-Upstream"))
        self.assertEqual(upstreams, {"127.0.0.1:%d" % A, "127.0.0.1:%d" % B})

    def test_upload_served_by_the_other_server(self):
        """A file uploaded through server A (the shared filestore) is served by B."""
        import requests
        content = ("Coopkracht %s" % uuid.uuid4().hex).encode()
        attachment = self.rpc(A, "ir.attachment", "create", {
            "name": "two-servers.txt", "datas_fname": "two-servers.txt", "public": True,
            "datas": base64.b64encode(content).decode()})
        served = requests.get(self.url(B) + "/web/content/%d?download=true" % attachment,
                              timeout=60)
        self.assertEqual(served.status_code, 200)
        self.assertEqual(served.content, content)

    def test_queue_job_runs_exactly_once(self):
        """A background job queued through the database is run once, by the one
        queue_job runner (server A), not by B too."""
        from odoo.addons.coop_share_register.tests.test_import import ENTRIES, HOLDERS
        with self.env() as env:
            register = env["coop.share.register"].search([], limit=1)
            self.assertTrue(register, "no DAR register in the demo data")
            job = env["coop.share.register.job"].create({
                "register_id": register.id, "kind": "import", "dry_run": True,
                "holder_file": base64.b64encode(HOLDERS.encode()),
                "entry_file": base64.b64encode(ENTRIES.encode())})
            queued = job.with_delay(description="two servers").run()
            uuid_ = queued.uuid

        def done():
            with self.env() as env:
                record = env["queue.job"].search([("uuid", "=", uuid_)])
                return record.state in ("done", "failed") and (record.state, record.retry)
        state, retry = self.wait_until(done, 180, "the queue job")
        self.assertEqual((state, retry), ("done", 1))
        time.sleep(5)
        with self.env() as env:
            record = env["queue.job"].search([("uuid", "=", uuid_)])
            self.assertEqual((record.state, record.retry), ("done", 1))

    def test_cron_runs_exactly_once(self):
        """A scheduled action due now runs once across both servers (only A has a cron
        thread)."""
        key = "coop.two_servers.%s" % uuid.uuid4().hex[:10]
        with self.env() as env:
            env["ir.cron"].create({
                "name": "two servers %s" % key, "model_id": env.ref("base.model_res_partner").id,
                "state": "code", "interval_number": 1, "interval_type": "days",
                "numbercall": -1, "nextcall": "2000-01-01 00:00:00",
                "code": "param = env['ir.config_parameter'].sudo()\n"
                        "param.set_param(%r, str(int(param.get_param(%r, '0')) + 1))"
                        % (key, key)})

        def count():  # in SQL: get_param is cached in this process's registry
            with self.env() as env:
                env.cr.execute("SELECT value FROM ir_config_parameter WHERE key = %s", (key,))
                row = env.cr.fetchone()
                return int(row[0]) if row else 0
        self.wait_until(count, 200, "the scheduled action")
        time.sleep(10)
        self.assertEqual(count(), 1)

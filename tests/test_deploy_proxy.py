# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The production reverse proxy (deploy/nginx.conf) and the database-manager block,
against real servers: a real nginx with that file (its upstream pointed at the live Odoo
server of the test run, a throw-away self-signed certificate) and the live server itself,
which runs with coop_block_db_manager and coop_website as a server-wide module, as in
config/odoo-docker.conf."""
import os
import re
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
import warnings
import xmlrpc.client
from urllib.parse import urlsplit

from nginx_conf import write_main_config

from odoo.addons.coop_website.tests.live import LiveServerCase

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEST_PORT = int(os.environ.get("COOP_TEST_PORT", "8169"))
HTTP_PORT, HTTPS_PORT = TEST_PORT + 6, TEST_PORT + 7


def render_proxy_config(directory, upstream_port):
    """deploy/nginx.conf for loopback: upstreams, listen ports and certificate paths
    replaced, wrapped in a main configuration that keeps every file in directory."""
    with open(os.path.join(ROOT, "deploy", "nginx.conf")) as f:
        site = f.read()
    replacements = {
        "server odoo:8069;": "server 127.0.0.1:%d;" % upstream_port,
        "server odoo:8072;": "server 127.0.0.1:%d;" % upstream_port,
        "listen 80;": "listen 127.0.0.1:%d;" % HTTP_PORT,
        "listen 443 ssl;": "listen 127.0.0.1:%d ssl;" % HTTPS_PORT,
        "/etc/nginx/tls/": directory + "/",
    }
    for old, new in replacements.items():
        assert old in site, old
        site = site.replace(old, new)
    with open(os.path.join(directory, "site.conf"), "w") as f:
        f.write(site)
    return write_main_config(directory, "    include %s/site.conf;" % directory)


class TestProductionProxy(LiveServerCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        assert os.path.exists(nginx), "nginx is missing: scripts/setup.sh installs it"
        cls.tmp = tempfile.mkdtemp(prefix="coop-proxy-")
        subprocess.check_call([
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=localhost", "-keyout", os.path.join(cls.tmp, "privkey.pem"),
            "-out", os.path.join(cls.tmp, "fullchain.pem")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        conf = render_proxy_config(cls.tmp, urlsplit(cls.url).port)
        test = subprocess.run([nginx, "-t", "-c", conf], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, universal_newlines=True)
        assert test.returncode == 0, test.stdout
        cls.nginx = subprocess.Popen([nginx, "-c", conf, "-g", "daemon off;"],
                                     stdin=subprocess.DEVNULL)
        cls.proxy = "https://127.0.0.1:%d" % HTTPS_PORT
        import requests
        deadline = time.time() + 30
        while True:
            try:
                session = requests.Session()
                session.trust_env = False
                session.get(cls.proxy + "/web/login", verify=False, timeout=60)
                break
            except requests.ConnectionError:
                if time.time() > deadline or cls.nginx.poll() is not None:
                    raise
                time.sleep(0.3)

    @classmethod
    def tearDownClass(cls):
        if getattr(cls, "nginx", None):
            cls.nginx.terminate()
            cls.nginx.wait(30)
        shutil.rmtree(getattr(cls, "tmp", ""), ignore_errors=True)
        super().tearDownClass()

    def setUp(self):
        super().setUp()
        warnings.simplefilter("ignore")  # the throw-away certificate is self-signed

    def _session(self):
        session = self.http()
        session.verify = False
        session.trust_env = False  # REQUESTS_CA_BUNDLE would override verify=False
        return session

    def test_http_redirects_to_https(self):
        response = self._session().get("http://127.0.0.1:%d/web/login" % HTTP_PORT,
                                       allow_redirects=False, timeout=60)
        self.assertEqual(response.status_code, 301)
        self.assertTrue(response.headers["Location"].startswith("https://"))

    def test_database_manager_not_reachable_through_the_proxy(self):
        """/web/database/* and the db service of XML-RPC answer 404 at the proxy."""
        session = self._session()
        for path in ("/web/database/manager", "/web/database/selector",
                     "/web/database/list", "/web/database/backup"):
            self.assertEqual(session.get(self.proxy + path, timeout=60).status_code, 404, path)
        for path in ("/xmlrpc/db", "/xmlrpc/2/db"):
            response = session.post(self.proxy + path, data=xmlrpc.client.dumps(
                (), "list"), headers={"Content-Type": "text/xml"}, timeout=60)
            self.assertEqual(response.status_code, 404, path)
        self.assertEqual(session.get(self.proxy + "/web/login", timeout=60).status_code, 200)

    def test_session_cookie_secure_httponly_behind_tls(self):
        """Through the proxy Odoo's session cookie is Secure, HttpOnly and SameSite=Lax,
        also after logging in; the scheme reaches Odoo (proxy_mode), HSTS is sent."""
        _uid, login, password = self.new_live_user()
        session = self._session()
        page = session.get(self.proxy + "/web/login", timeout=60)
        self.assertIn("Strict-Transport-Security", page.headers)
        cookies = [page.headers.get("Set-Cookie", "")]
        response = session.post(self.proxy + "/web/login", timeout=60, data={
            "login": login, "password": password, "db": self.db,
            "csrf_token": self.csrf_token(page.text)}, allow_redirects=False)
        cookies.append(response.headers.get("Set-Cookie", ""))
        cookies = [c for c in cookies if c.startswith("session_id=")]
        self.assertTrue(cookies, "Odoo set no session cookie")
        for cookie in cookies:
            flags = {part.strip().lower() for part in cookie.split(";")}
            self.assertIn("secure", flags, cookie)
            self.assertIn("httponly", flags, cookie)
            self.assertIn("samesite=lax", flags, cookie)
        reply = session.post(self.proxy + "/web/session/get_session_info", timeout=60,
                             json={"jsonrpc": "2.0", "method": "call", "params": {}})
        self.assertEqual(reply.json()["result"]["uid"], self.uid(login, password))
        # Odoo builds its redirects with the client's scheme (proxy_mode)
        anonymous = self._session().get(self.proxy + "/web", allow_redirects=False, timeout=60)
        self.assertIn(anonymous.status_code, (301, 302, 303))
        self.assertTrue(re.match(r"https://", anonymous.headers["Location"]),
                        anonymous.headers["Location"])

    def test_requests_over_20_mb_refused(self):
        """The proxy refuses a body over the platform's upload limit (20 MB) with 413,
        before Odoo reads it."""
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        with socket.create_connection(("127.0.0.1", HTTPS_PORT), timeout=60) as raw, \
                context.wrap_socket(raw) as tls:
            tls.sendall(("POST /web/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                         "Content-Type: application/octet-stream\r\n"
                         "Content-Length: %d\r\nConnection: close\r\n\r\n"
                         % (21 * 1024 * 1024)).encode("ascii"))
            status_line = tls.recv(4096).decode("latin-1").split("\r\n")[0]
        self.assertIn(" 413 ", status_line)


class TestDatabaseManagerBlocked(LiveServerCase):
    """Odoo itself (the live server runs with coop_block_db_manager, as in production)
    refuses the database service on every entry point, whatever the master password."""

    def _db(self):
        return xmlrpc.client.ServerProxy(self.url + "/xmlrpc/2/db", allow_none=True)

    def test_db_service_refused_over_xmlrpc_and_jsonrpc(self):
        db = self._db()
        self.assertTrue(db.server_version())
        for method, args in (("list", ()), ("create_database", ("admin", "x", False, "en_US")),
                             ("drop", ("admin", self.db)), ("dump", ("admin", self.db)),
                             ("duplicate_database", ("admin", self.db, "copy")),
                             ("change_admin_password", ("admin", "new")),
                             ("list_lang", ())):
            with self.assertRaises(xmlrpc.client.Fault, msg=method) as caught:
                getattr(db, method)(*args)
            self.assertIn("Access", caught.exception.faultString, method)
        session = self.http()
        reply = session.post(self.url + "/jsonrpc", timeout=60, json={
            "jsonrpc": "2.0", "method": "call",
            "params": {"service": "db", "method": "drop", "args": ["admin", self.db]}})
        self.assertIn("error", reply.json())
        self.assertTrue(self.rpc("res.users", "search_count", [("login", "=", "admin")]))

    def test_database_pages_answer_404(self):
        session = self.http()
        for path in ("/web/database/manager", "/web/database/selector"):
            self.assertEqual(session.get(self.url + path, timeout=60).status_code, 404, path)
        response = session.post(self.url + "/web/database/drop", timeout=60,
                                data={"master_pwd": "admin", "name": self.db})
        self.assertIn(response.status_code, (400, 404))
        self.assertTrue(self.rpc("res.users", "search_count", [("login", "=", "admin")]))

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Bad ids never give a server error: every public and portal route of the coop addons,
found in Odoo's routing map (so that a new route is covered without touching this file),
is called by a visitor and by a portal user with non-numeric, negative, huge, missing and
foreign ids, in its path and in its parameters. The answer is a page (200, a redirect),
400, 403 or 404 — never 500, a 404 of a website route is the site's own (Dutch) page, and a
JSON route answers an Odoo error, never a crash."""
import inspect
import re

from odoo.tests.common import at_install, post_install
from odoo.tools import config

from odoo.addons.coop_website.tests.common import CoopHttpCase, new_user

# the values a bad visitor puts where an id belongs
BAD_VALUES = (
    ("non-numeric", "abc"),
    ("negative", "-1"),
    ("huge", "9" * 20),
    ("foreign", "1"),  # an existing record of somebody else (the administrator's)
    ("empty", ""),
)
PATH_VALUES = {  # per converter of the route's path
    "int": ("0", "2147483648", "99999999999999999999"),
    "model": ("-1", "2147483648", "99999999999999999999", "x-1", "1"),
    "default": ("abc", "-1", "9" * 20, "%27%22%3E"),
}
PARAM_RE = re.compile(r"""(?:post|kw|kwargs|params)(?:\.get\(|\[)\s*["'](\w+)["']""")
ARG_RE = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")


def coop_routes(env):
    """(rule, endpoint) of every route defined or overridden in a coop addon that a
    visitor or a portal user may call (auth public, user or none)."""
    found = []
    for rule in env["ir.http"].routing_map().iter_rules():
        endpoint = rule.endpoint
        method = getattr(endpoint, "method", None)
        function = getattr(method, "__func__", method)
        module = getattr(function, "__module__", "") or ""
        if not module.startswith("odoo.addons.coop_"):
            continue
        if endpoint.routing.get("auth") not in ("public", "user", "none"):
            continue
        if rule.rule.startswith("/web/database"):
            # Odoo's database manager, which coop_website only closes in production
            # (tests/test_deploy_proxy.py); called here it would drop or copy databases
            continue
        found.append((rule, endpoint, function))
    return found


def parameter_names(function, path_args):
    """The request parameters a route reads: its named arguments and what its code reads
    from **post/**kw (post.get("x"), kw["x"])."""
    names = []
    try:
        signature = inspect.signature(function)
        source = inspect.getsource(function)
    except (TypeError, ValueError, OSError):
        return names
    for name, parameter in signature.parameters.items():
        if name == "self" or name in path_args or parameter.kind in (
                parameter.VAR_KEYWORD, parameter.VAR_POSITIONAL):
            continue
        names.append(name)
    for name in PARAM_RE.findall(source):
        if name not in names and name not in path_args and name != "csrf_token":
            names.append(name)
    return names


def path_variants(rule):
    """URLs of the rule with bad values in its path arguments (one URL when it has none)."""
    args = ARG_RE.findall(rule.rule)
    if not args:
        return [rule.rule]
    urls = []
    for index in range(max(len(PATH_VALUES["model"]), len(PATH_VALUES["default"]))):
        def substitute(match):
            kind = match.group(1) or "default"
            values = PATH_VALUES.get(kind, PATH_VALUES["default"])
            return values[index % len(values)]
        urls.append(ARG_RE.sub(substitute, rule.rule))
    return list(dict.fromkeys(urls))


@at_install(False)
@post_install(True)
class TestBadIdsNoServerError(CoopHttpCase):

    def setUp(self):
        super().setUp()
        self.portal = new_user(self.env, "bad_ids_portal", ["base.group_portal"],
                               password="bad_ids_portal")
        self.url_open("/web/login")  # a request builds Odoo's routing map (it needs one)
        self.routes = coop_routes(self.env)

    def _csrf(self):
        page = self.url_open("/web/login").text
        match = re.search(r'name="csrf_token" value="([^"]+)"', page)
        return match and match.group(1)

    def _call(self, url, endpoint, params, token):
        routing = endpoint.routing
        if routing.get("type") == "json":
            response = self.opener.post(
                self.base_url() + url, json={"jsonrpc": "2.0", "method": "call",
                                             "params": params}, timeout=60)
            self.assertLess(response.status_code, 500, url)
            error = response.json().get("error") if response.status_code == 200 else None
            if error:
                name = (error.get("data") or {}).get("name", "")
                self.assertTrue(name.startswith(("odoo.exceptions.", "werkzeug.exceptions.")),
                                "%s %s crashed: %s" % (url, params, name))
            return response
        methods = routing.get("methods") or ["GET"]
        if "GET" in methods:
            return self.opener.get(self.base_url() + url, params=params, timeout=60,
                                   allow_redirects=False)
        data = dict(params, csrf_token=token or "")
        return self.opener.post(self.base_url() + url, data=data, timeout=60,
                                allow_redirects=False)

    @staticmethod
    def base_url():
        return "http://127.0.0.1:%s" % config["http_port"]

    def _walk(self):
        failures = []
        token = self._csrf()
        for rule, endpoint, function in self.routes:
            path_args = [name for _kind, name in ARG_RE.findall(rule.rule)]
            names = parameter_names(function, path_args)
            urls = path_variants(rule)
            calls = [(url, {}) for url in urls]  # bad path ids, parameters missing
            if names:
                calls += [(urls[0], {name: value for name in names})
                          for _label, value in BAD_VALUES]
            for url, params in calls:
                self.share_with_server()
                response = self._call(url, endpoint, params, token)
                if response.status_code >= 500:
                    failures.append("%s %s %s -> %s" % (
                        (endpoint.routing.get("methods") or ["GET"])[0], url, params,
                        response.status_code))
                elif (response.status_code == 404 and endpoint.routing.get("website")
                      and endpoint.routing.get("type") == "http"
                      and 'id="wrapwrap"' not in response.text):
                    failures.append("%s %s -> a bare 404, not the site's page" % (url, params))
        return failures

    def test_routes_are_found(self):
        """The walk sees the routes of every coop addon with pages, not a fixed list."""
        modules = {function.__module__.split(".")[2] for _r, _e, function in self.routes}
        for module in ("coop_website", "coop_membership", "coop_vacancy", "coop_compass",
                       "coop_events", "coop_share_register"):
            self.assertIn(module, modules)
        self.assertGreater(len(self.routes), 20)

    def test_visitor_bad_ids(self):
        """A visitor's bad ids on every route: no 500."""
        failures = self._walk()
        self.assertFalse(failures, "server errors:\n" + "\n".join(failures))

    def test_portal_user_bad_ids(self):
        """A portal user's bad ids on every route: no 500."""
        self.authenticate("bad_ids_portal", "bad_ids_portal")
        failures = self._walk()
        self.assertFalse(failures, "server errors:\n" + "\n".join(failures))

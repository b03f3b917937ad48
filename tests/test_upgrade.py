# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Upgrades work on a database with data: `-u all`, then `-u` of each coop addon alone.

`make test` hands this test a copy of the freshly installed test database (demo data and
every coop addon: COOP_UPGRADE_DB). The upgrade runs as Odoo does it in production, in its
own process. Afterwards the log has no ERROR or CRITICAL, no coop model lost or gained a
record, and the site is what it was: the main menu (no /shop), the identity, the
settings, the mail templates and the Dutch translations."""
import importlib.util
import json
import os
import sys
import time

import psycopg2
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UPGRADE_DB = os.environ.get("COOP_UPGRADE_DB")
UPGRADE_PORT = os.environ.get("COOP_UPGRADE_PORT", "8171")
LOG_DIR = os.path.join(ROOT, ".local", "log")

pytestmark = pytest.mark.skipif(not UPGRADE_DB, reason="no upgrade database: run through make test")


def _coop_script():
    spec = importlib.util.spec_from_file_location("coop_script", os.path.join(ROOT, "scripts", "coop.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _installed_coop_addons(cr):
    cr.execute("SELECT name FROM ir_module_module WHERE state = 'installed' AND name LIKE 'coop\\_%' ORDER BY name")
    return [row[0] for row in cr.fetchall()]


def snapshot(db):
    """What must not change in an upgrade, read with SQL."""
    conn = psycopg2.connect(dbname=db)
    try:
        cr = conn.cursor()
        # every stored model the coop addons define or extend, and its number of rows
        cr.execute("""
            SELECT DISTINCT m.model FROM ir_model m
            JOIN ir_model_data d ON d.model = 'ir.model' AND d.res_id = m.id
            WHERE d.module LIKE 'coop\\_%%' AND NOT m.transient""")
        counts = {}
        for (model,) in cr.fetchall():
            table = model.replace(".", "_")
            cr.execute("SELECT to_regclass(%s)", (table,))
            if cr.fetchone()[0]:
                cr.execute('SELECT count(*) FROM "%s"' % table)  # table name from ir_model, not input
                counts[model] = cr.fetchone()[0]
        cr.execute("""
            SELECT m.url, m.name, m.sequence FROM website_menu m
            JOIN website_menu top ON top.id = m.parent_id AND top.parent_id IS NULL
            ORDER BY top.id, m.sequence, m.id""")
        menu = cr.fetchall()
        cr.execute("""
            SELECT c.name, p.email, p.phone, p.street, p.city, p.website, w.name, w.default_lang_id
            FROM res_company c JOIN res_partner p ON p.id = c.partner_id, website w ORDER BY c.id, w.id""")
        identity = cr.fetchall()
        cr.execute("SELECT key, value FROM ir_config_parameter WHERE key LIKE 'coop%%' ORDER BY key")
        settings = cr.fetchall()
        cr.execute("""
            SELECT d.module || '.' || d.name, t.subject, md5(coalesce(t.body_html, ''))
            FROM mail_template t JOIN ir_model_data d ON d.model = 'mail.template' AND d.res_id = t.id
            WHERE d.module LIKE 'coop\\_%%' ORDER BY 1""")
        templates = cr.fetchall()
        cr.execute("""
            SELECT module, count(*), md5(string_agg(name || coalesce(src, '') || coalesce(value, ''), '|'
                                         ORDER BY name, res_id, src, value))
            FROM ir_translation WHERE lang = 'nl_BE' AND module LIKE 'coop\\_%%' AND value != ''
            GROUP BY module ORDER BY module""")
        translations = cr.fetchall()
        # Belgian Dutch formats (coop_website sets them on base's nl_BE, issue 25.11)
        cr.execute("""SELECT date_format, decimal_point, thousands_sep, grouping
                      FROM res_lang WHERE code = 'nl_BE'""")
        formats = cr.fetchall()
        addons = _installed_coop_addons(cr)
        return {"counts": counts, "menu": menu, "identity": identity, "settings": settings,
                "templates": templates, "translations": translations, "formats": formats,
                "addons": addons}
    finally:
        conn.close()


def upgrade(db, modules, logname):
    """Run `odoo -u modules --stop-after-init` on db in its own process; the log's problems."""
    coop = _coop_script()
    conf = coop.write_config(os.path.join(ROOT, ".local", "upgrade-%s.conf" % db), db, int(UPGRADE_PORT),
                             {"max_cron_threads": 0})
    logfile = os.path.join(LOG_DIR, logname)
    rc = coop.run_odoo(conf, logfile, "-d", db, "-u", modules)
    problems = coop.log_problems(logfile)
    return rc, problems, logfile


def _compare(before, after):
    changed = {}
    for key in before:
        if key == "counts":
            # a model of a newer version of an addon may appear; none may lose a record
            diff = {m: (count, after[key].get(m)) for m, count in before[key].items()
                    if after[key].get(m) != count}
            if diff:
                changed[key] = diff
        elif before[key] != after[key]:
            changed[key] = {"before": before[key], "after": after[key]}
    return changed


def upgrade_checks(db):
    """`-u all`, then `-u coop_x` for each coop addon, on db; the list of problems."""
    before = snapshot(db)
    if not (before["counts"] and before["addons"]):
        return ["the upgrade database has no coop addon"]
    problems = []
    if [url for url, _name, _seq in before["menu"] if (url or "").startswith("/shop")]:
        problems.append("the shop is on the main menu before the upgrade")
    for modules in ["all"] + before["addons"]:
        rc, logged, logfile = upgrade(db, modules, "upgrade-%s.log" % modules)
        if rc or logged:
            problems.append("-u %s failed (rc=%s, %s):\n%s" % (modules, rc, logfile, "\n".join(logged[:20])))
            break
        changed = _compare(before, snapshot(db))
        if changed:
            problems.append("-u %s changed: %r" % (modules, changed))
            break
    return problems


def test_upgrade_all_then_each_coop_addon():
    """`-u all` and then `-u coop_x` for each coop addon leave the data, the menu, the
    identity, the settings, the mail templates, the translations and the nl_BE formats as
    they were, with nothing logged at ERROR or CRITICAL.

    `make test` runs the upgrades in the background while the other tests run (they take
    minutes) and hands over the result in COOP_UPGRADE_RESULT; run alone, it upgrades here."""
    result_file = os.environ.get("COOP_UPGRADE_RESULT")
    if result_file:
        deadline = time.time() + 45 * 60
        while not os.path.exists(result_file) and time.time() < deadline:
            time.sleep(5)
        assert os.path.exists(result_file), "the background upgrade gave no result in 45 minutes"
        with open(result_file) as f:
            problems = json.load(f)
    else:
        problems = upgrade_checks(UPGRADE_DB)
    assert not problems, "\n".join(problems)


def test_snapshot_sees_a_change():
    """The comparison itself: a lost record and a changed menu are reported."""
    before = {"counts": {"coop.x": 3}, "menu": [("/", "Home", 1)]}
    after = {"counts": {"coop.x": 2}, "menu": [("/", "Home", 1), ("/shop", "Shop", 20)]}
    changed = _compare(before, after)
    assert changed["counts"] == {"coop.x": (3, 2)} and "menu" in changed


if __name__ == "__main__":  # make test: python tests/test_upgrade.py DB RESULT_FILE (background)
    found = upgrade_checks(sys.argv[1])
    with open(sys.argv[2] + ".tmp", "w") as out:
        json.dump(found, out)
    os.replace(sys.argv[2] + ".tmp", sys.argv[2])

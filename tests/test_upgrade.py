# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Upgrades work on a database with data: `-u all`, then `-u` of each coop addon alone.

`make test` hands this test a copy of the freshly installed test database (demo data and
every coop addon: COOP_UPGRADE_DB). The upgrade runs as Odoo does it in production, in its
own process. Afterwards the log has no ERROR or CRITICAL, no coop model lost or gained a
record, and the site is what it was: the main menu (no /shop), the identity, the
settings, the mail templates and the Dutch translations."""
import importlib.util
import os

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
            JOIN website w ON w.menu_id = m.parent_id ORDER BY w.id, m.sequence, m.id""")
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
        addons = _installed_coop_addons(cr)
        return {"counts": counts, "menu": menu, "identity": identity, "settings": settings,
                "templates": templates, "translations": translations, "addons": addons}
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
            diff = {m: (before[key].get(m), after[key].get(m)) for m in set(before[key]) | set(after[key])
                    if before[key].get(m) != after[key].get(m)}
            if diff:
                changed[key] = diff
        elif before[key] != after[key]:
            changed[key] = {"before": before[key], "after": after[key]}
    return changed


def test_upgrade_all_then_each_coop_addon():
    """`-u all` and then `-u coop_x` for each coop addon leave the data, the menu, the
    identity, the settings, the mail templates and the translations as they were, with
    nothing logged at ERROR or CRITICAL."""
    before = snapshot(UPGRADE_DB)
    assert before["counts"] and before["addons"], "the upgrade database has no coop addon"
    assert not [url for url, _name, _seq in before["menu"] if (url or "").startswith("/shop")]
    rc, problems, logfile = upgrade(UPGRADE_DB, "all", "upgrade-all.log")
    assert rc == 0 and not problems, "-u all failed (rc=%s, %s):\n%s" % (rc, logfile, "\n".join(problems[:20]))
    after = snapshot(UPGRADE_DB)
    assert not _compare(before, after), "-u all changed: %r" % _compare(before, after)
    for addon in before["addons"]:
        rc, problems, logfile = upgrade(UPGRADE_DB, addon, "upgrade-%s.log" % addon)
        assert rc == 0 and not problems, "-u %s failed (rc=%s, %s):\n%s" % (
            addon, rc, logfile, "\n".join(problems[:20]))
        again = snapshot(UPGRADE_DB)
        assert not _compare(before, again), "-u %s changed: %r" % (addon, _compare(before, again))


def test_snapshot_sees_a_change():
    """The comparison itself: a lost record and a changed menu are reported."""
    before = {"counts": {"coop.x": 3}, "menu": [("/", "Home", 1)]}
    after = {"counts": {"coop.x": 2}, "menu": [("/", "Home", 1), ("/shop", "Shop", 20)]}
    changed = _compare(before, after)
    assert changed["counts"] == {"coop.x": (3, 2)} and "menu" in changed

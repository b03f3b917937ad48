# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The install check of `make test` (scripts/coop.py log_problems): what fails the run."""
import importlib.util
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LINE = "2026-11-27 10:48:19,937 14042 %s coopkracht_test %s: %s\n"


def _coop():
    spec = importlib.util.spec_from_file_location("coop_script", os.path.join(ROOT, "scripts", "coop.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _problems(tmp_path, lines, strict=("coop_website", "coop_share_register")):
    log = tmp_path / "install.log"
    log.write_text("".join(LINE % line for line in lines))
    return _coop().log_problems(str(log), strict_modules=strict)


def test_errors_and_our_warnings_fail(tmp_path):
    """Any ERROR, a WARNING naming one of our addons or one of our models (coop.*), and a
    model of ours without access rules are problems."""
    problems = _problems(tmp_path, [
        ("ERROR", "odoo.sql_db", "bad query"),
        ("WARNING", "odoo.addons.coop_website.models.res_company", "something odd"),
        ("WARNING", "odoo.modules.loading",
         "The transient model coop.share.dividend.config (Dividend settings) should not have "
         "explicit access rules!"),
        ("INFO", "odoo.modules.loading", "The model coop.share.thing has no access rules, consider adding one."),
    ])
    assert len(problems) == 4
    assert "bad query" in problems[0]
    assert "coop.share.dividend.config" in problems[2]
    assert "coop.share.thing has no access rules" in problems[3]


def test_warnings_of_odoo_itself_pass(tmp_path):
    """A WARNING of Odoo's own modules that names none of ours does not fail the run."""
    problems = _problems(tmp_path, [
        ("WARNING", "odoo.addons.base.ir.ir_translation", "module account: no translation for language nl_BE"),
        ("WARNING", "odoo.modules.loading", "The model cooperative.thing has no _description"),
        ("INFO", "odoo.modules.loading", "loading 73 modules..."),
    ])
    assert problems == []

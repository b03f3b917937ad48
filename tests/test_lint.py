# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Lint of the addons: flake8 and pylint-odoo's mandatory checks (.pylintrc)."""
import glob
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _run(args):
    proc = subprocess.run([sys.executable, "-m"] + args, cwd=ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, universal_newlines=True)
    return proc.returncode, proc.stdout


def test_flake8_addons_and_tests():
    """flake8 finds nothing in addons/, tests/, bench/ and scripts/."""
    rc, out = _run(["flake8", "addons", "tests", "bench", "scripts", "conftest.py"])
    assert rc == 0, out


def test_pylint_odoo_mandatory_checks():
    """pylint-odoo's mandatory checks find nothing in any coop addon."""
    addons = sorted(glob.glob(os.path.join(ROOT, "addons", "coop_*")))
    assert addons, "no addons found"
    rc, out = _run(["pylint", "--rcfile=.pylintrc"] + addons)
    assert rc == 0, out

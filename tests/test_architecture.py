# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""ARCHITECTURE.md's diagram says what the manifests say."""
import ast
import glob
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def manifest_edges():
    edges = set()
    for path in glob.glob(os.path.join(ROOT, "addons", "*", "__manifest__.py")):
        with open(path) as f:
            manifest = ast.literal_eval(f.read())
        if not manifest.get("installable", True):
            continue
        name = os.path.basename(os.path.dirname(path))
        edges.update((name, dep) for dep in manifest.get("depends", []))
    return edges


def diagram_edges(text):
    block = re.search(r"```mermaid\n(.*?)```", text, re.S)
    assert block, "ARCHITECTURE.md has no mermaid diagram"
    return set(re.findall(r"^\s*(\w+)\s*-->\s*(\w+)\s*$", block.group(1), re.M))


def test_diagram_matches_the_manifests():
    """Every dependency of a manifest is an arrow of the diagram, and every arrow is one."""
    with open(os.path.join(ROOT, "ARCHITECTURE.md")) as f:
        text = f.read()
    diagram, manifests = diagram_edges(text), manifest_edges()
    assert diagram == manifests, "missing in the diagram: %s; not in any manifest: %s" % (
        sorted(manifests - diagram), sorted(diagram - manifests))


def test_every_addon_has_an_owner_line():
    """The ownership table names every coop addon."""
    with open(os.path.join(ROOT, "ARCHITECTURE.md")) as f:
        text = f.read()
    addons = {a for a, _dep in manifest_edges()}
    missing = [a for a in sorted(addons) if "| `%s` |" % a not in text]
    assert not missing, "ARCHITECTURE.md does not say what these addons own: %s" % missing


def test_the_check_sees_a_missing_arrow():
    """The parser: a diagram lacking one manifest dependency differs from the manifests."""
    text = "```mermaid\ngraph TD\n    coop_a --> coop_b\n```"
    assert diagram_edges(text) == {("coop_a", "coop_b")}


def test_consistent_layout():
    """Every addon follows one layout: wizards in wizards/, pure-Python helpers in tools/
    (nothing but __init__, the manifest and hooks.py at the top), and a manifest that says
    its development status and maintainers."""
    problems = []
    for path in sorted(glob.glob(os.path.join(ROOT, "addons", "*", "__manifest__.py"))):
        addon = os.path.dirname(path)
        name = os.path.basename(addon)
        with open(path) as f:
            manifest = ast.literal_eval(f.read())
        if manifest.get("development_status") not in ("Alpha", "Beta", "Production/Stable",
                                                      "Mature"):
            problems.append("%s: development_status %r" % (name, manifest.get("development_status")))
        if not manifest.get("maintainers"):
            problems.append("%s: no maintainers" % name)
        if os.path.isdir(os.path.join(addon, "wizard")):
            problems.append("%s: wizard/ instead of wizards/" % name)
        top = {os.path.basename(p) for p in glob.glob(os.path.join(addon, "*.py"))}
        stray = sorted(top - {"__init__.py", "__manifest__.py", "hooks.py"})
        if stray:
            problems.append("%s: helpers outside tools/: %s" % (name, stray))
    assert not problems, "\n".join(problems)

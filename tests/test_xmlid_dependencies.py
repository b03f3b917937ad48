# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every XML id an addon references belongs to a module it depends on.

An addon that changes or refers to another module's record without depending on it
works on a fresh install only by the luck of the loading order, and breaks on an
upgrade (`-u all` loads it before that module, which then re-creates its record).
This reads the files, without a database: XML data (ref=, eval="ref(...)",
%(module.id)d, inherit_id, t-call, record/template ids, menuitem parent/action/groups,
groups=) and Python (env.ref, has_group, ref(...) in tests)."""
import ast
import glob
import os
import re

import pytest
from lxml import etree

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDONS = os.path.join(ROOT, "addons")

XMLID = r"([a-z][a-z0-9_]*)\.([A-Za-z0-9_]+)"
_PY_PATTERNS = [
    re.compile(r"""\.ref\(\s*["']%s["']""" % XMLID),
    re.compile(r"""has_group\(\s*["']%s["']""" % XMLID),
    re.compile(r"""\bref\(\s*["']%s["']""" % XMLID),
]
_EVAL_REF = re.compile(r"""\bref\(\s*["']%s["']""" % XMLID)
_PERCENT_REF = re.compile(r"%%\(%s\)[ds]" % XMLID)
_QUALIFIED = re.compile(r"^%s$" % XMLID)


def _odoo_addons_dirs():
    import odoo.addons
    return list(odoo.addons.__path__) + [ADDONS]


def _manifest(module):
    for base in _odoo_addons_dirs():
        path = os.path.join(base, module, "__manifest__.py")
        if os.path.exists(path):
            with open(path) as f:
                return ast.literal_eval(f.read())
    return None


_closure_cache = {}


def dependency_closure(module):
    """module and everything it depends on, transitively (base always)."""
    if module in _closure_cache:
        return _closure_cache[module]
    seen, todo = set(), [module]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        manifest = _manifest(name)
        if manifest is None:
            continue
        todo.extend(manifest.get("depends", []) or ["base"])
    seen.add("base")
    _closure_cache[module] = seen
    return seen


def _xml_references(path):
    """(line, module) of every qualified XML id an XML data file names."""
    refs = []
    tree = etree.parse(path)
    for node in tree.iter():
        if not isinstance(node.tag, str):
            continue
        line = node.sourceline
        attrs = dict(node.attrib)
        for key in ("ref", "inherit_id", "t-call", "parent", "action"):
            value = attrs.get(key)
            if value and _QUALIFIED.match(value):
                refs.append((line, value.split(".")[0], value))
        if node.tag in ("record", "template", "menuitem", "report", "act_window") and "." in attrs.get("id", ""):
            refs.append((line, attrs["id"].split(".")[0], attrs["id"]))
        for key in ("groups",):
            for group in (attrs.get(key) or "").split(","):
                group = group.strip().lstrip("!")
                if _QUALIFIED.match(group):
                    refs.append((line, group.split(".")[0], group))
        for value in list(attrs.values()) + [node.text or ""]:
            for match in _EVAL_REF.finditer(value):
                refs.append((line, match.group(1), "%s.%s" % match.groups()))
            for match in _PERCENT_REF.finditer(value):
                refs.append((line, match.group(1), "%s.%s" % match.groups()))
    return refs


def _py_references(path):
    refs = []
    with open(path, encoding="utf-8") as f:
        for number, text in enumerate(f, 1):
            for pattern in _PY_PATTERNS:
                for match in pattern.finditer(text):
                    refs.append((number, match.group(1), "%s.%s" % match.groups()))
    return refs


def _installable_addons():
    names = []
    for manifest in sorted(glob.glob(os.path.join(ADDONS, "*", "__manifest__.py"))):
        with open(manifest) as f:
            if ast.literal_eval(f.read()).get("installable", True):
                names.append(os.path.basename(os.path.dirname(manifest)))
    return names


def undeclared_references(addon):
    """['file:line names module.id, but addon does not depend on module', ...]"""
    allowed = dependency_closure(addon)
    problems = []
    base = os.path.join(ADDONS, addon)
    files = glob.glob(os.path.join(base, "**", "*.xml"), recursive=True)
    for path in sorted(files):
        if "/static/" in path:  # client-side QWeb: no database records
            continue
        for line, module, xmlid in _xml_references(path):
            if module not in allowed:
                problems.append("%s:%s names %s" % (os.path.relpath(path, ROOT), line, xmlid))
    for path in sorted(glob.glob(os.path.join(base, "**", "*.py"), recursive=True)):
        for line, module, xmlid in _py_references(path):
            if module not in allowed:
                problems.append("%s:%s names %s" % (os.path.relpath(path, ROOT), line, xmlid))
    return problems


@pytest.mark.parametrize("addon", _installable_addons())
def test_references_are_declared_dependencies(addon):
    """No XML id of a module outside the addon's (transitive) dependencies."""
    problems = undeclared_references(addon)
    assert not problems, "%s depends on modules it does not declare:\n%s" % (addon, "\n".join(problems))


def test_the_walk_finds_an_undeclared_reference(tmp_path):
    """The checker itself: a file naming website_sale.menu_shop is caught for an addon
    that depends on website only (the upgrade crash found in operations)."""
    data = tmp_path / "data.xml"
    data.write_text('<odoo><record id="website_sale.menu_shop" model="website.menu">'
                    '<field name="parent_id" ref="website.main_menu"/>'
                    '<field name="x" eval="ref(\'sale.y\')"/></record></odoo>')
    refs = {xmlid for _line, _module, xmlid in _xml_references(str(data))}
    assert refs == {"website_sale.menu_shop", "website.main_menu", "sale.y"}
    allowed = dependency_closure("website")
    assert "website_sale" not in allowed and "website" in allowed and "web" in allowed

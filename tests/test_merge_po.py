# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""scripts/merge-po, the git merge driver of the translations: parallel branches that
change different messages of one nl.po both keep their change (the union driver it
replaces kept ours and lost theirs), references added on either side stay, and a message
changed differently on both sides is a conflict."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DRIVER = os.path.join(ROOT, "scripts", "merge-po")
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'


def entry(msgid, msgstr, refs=("#: model:ir.ui.view,arch_db:coop_x.view_a",)):
    return "#. module: coop_x\n%s\nmsgid \"%s\"\nmsgstr \"%s\"\n" % ("\n".join(refs), msgid, msgstr)


def po(*entries):
    return "\n".join((HEADER,) + entries)


def merge(tmp_path, base, ours, theirs):
    paths = []
    for name, text in (("base", base), ("ours", ours), ("theirs", theirs)):
        path = tmp_path / ("%s.po" % name)
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    rc = subprocess.call([sys.executable, DRIVER] + paths)
    return rc, (tmp_path / "ours.po").read_text(encoding="utf-8")


def test_each_side_keeps_its_changes(tmp_path):
    base = po(entry("Your link", "Uw link"), entry("Your shares", "Uw aandelen"),
              entry("Old", "Oud"))
    ours = po(entry("Your link", "Je link"), entry("Your shares", "Uw aandelen"),
              entry("Old", "Oud"), entry("Ours new", "Van ons"))
    theirs = po(entry("Your link", "Uw link"),
                entry("Your shares", "Jouw aandelen",
                      refs=("#: model:ir.ui.view,arch_db:coop_x.view_a",
                            "#: model:ir.ui.view,arch_db:coop_x.view_b")),
                entry("Theirs new", "Van hen"))
    rc, result = merge(tmp_path, base, ours, theirs)
    assert rc == 0
    assert 'msgstr "Je link"' in result and 'msgstr "Jouw aandelen"' in result
    assert "arch_db:coop_x.view_b" in result
    assert 'msgstr "Van ons"' in result and 'msgstr "Van hen"' in result
    assert 'msgid "Old"' not in result, "removed on their side, unchanged on ours"
    assert result.startswith('msgid ""') and "Content-Type" in result
    assert "Uw " not in result
    check = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(tmp_path / "ours.po")],
                           stderr=subprocess.PIPE, universal_newlines=True)
    assert check.returncode == 0, check.stderr


def test_both_sides_change_one_message(tmp_path):
    base = po(entry("Your link", "Uw link"))
    rc, result = merge(tmp_path, base, po(entry("Your link", "Je link")),
                       po(entry("Your link", "Jouw link")))
    assert rc == 1
    assert "<<<<<<< ours" in result and 'msgstr "Je link"' in result
    assert 'msgstr "Jouw link"' in result

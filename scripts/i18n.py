#!/usr/bin/env python3
"""Export the translatable terms of coop addons and merge them into their nl.po.

    make i18n DB=<database with the addons installed> ADDONS=coop_x[,coop_y]

Writes addons/<x>/i18n/<x>.pot from the database, then creates or updates
addons/<x>/i18n/nl.po with msgmerge (existing translations are kept; new terms get an
empty msgstr to fill in). Then list what still lacks Dutch with:

    python3 scripts/i18n.py --missing coop_x
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def missing(addon):
    """msgids of addon's nl.po without a Dutch msgstr."""
    po = os.path.join(ROOT, "addons", addon, "i18n", "nl.po")
    out = subprocess.check_output(["msgattrib", "--untranslated", "--no-obsolete", po],
                                  universal_newlines=True)
    return [m for m in re.findall(r'^msgid "(.*)"$', out, re.M) if m]


def export(db, addons):
    sys.path.insert(0, os.path.join(ROOT, "scripts"))
    import coop  # noqa: E402 (needs COOP_* from scripts/env.sh)
    conf = coop.write_config(os.path.join(ROOT, ".local", "i18n.conf"), db, coop.TEST_PORT + 60)
    for addon in addons:
        d = os.path.join(ROOT, "addons", addon, "i18n")
        os.makedirs(d, exist_ok=True)
        pot = os.path.join(d, "%s.pot" % addon)
        # Odoo 11 takes the format from the file name and knows no .pot: export a
        # language-less .po (that is a template) and rename it.
        tmp = os.path.join(d, ".%s-template.po" % addon)
        subprocess.check_call(coop.odoo_cmd(conf, "-d", db, "--i18n-export=%s" % tmp,
                                            "--modules=%s" % addon, "--stop-after-init",
                                            "--log-level=warn"), stdin=subprocess.DEVNULL)
        os.replace(tmp, pot)
        po = os.path.join(d, "nl.po")
        if os.path.exists(po):
            subprocess.check_call(["msgmerge", "--quiet", "--update", "--backup=none",
                                   "--no-fuzzy-matching", po, pot])
        else:
            with open(pot) as f:
                text = f.read()
            text = text.replace('"Language: \\n"', '"Language: nl\\n"')
            with open(po, "w") as f:
                f.write(text)
        print("%s: %d terms without Dutch" % (addon, len(missing(addon))))


if __name__ == "__main__":
    if sys.argv[1] == "--missing":
        for a in sys.argv[2:]:
            for m in missing(a):
                print("%s: %s" % (a, m))
    else:
        export(sys.argv[1], sys.argv[2].split(","))

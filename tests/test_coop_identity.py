# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every coop_* addon shows Coopkracht's one identity: its mails use the branded mail
layout in the recipient's language, its PDFs the one report layout, and its backend
menus carry the Dutch names staff know."""
import re

from lxml import etree

from odoo.tests.common import SavepointCase, at_install, post_install
from odoo.tools.safe_eval import safe_eval

# Backend main menus of the coop addons and their Dutch names (issue 10, point 6).
MAIN_MENUS = {
    "coop_membership.menu_root": "Leden",
    "coop_share_register.menu_root": "DAR",
    "coop_vacancy.menu_root": "Vacatures",
    "coop_compass.menu_root": "Kompas",
    "coop_events.menu_root": "Activiteiten",
    "coop_reporting.menu_root": "Rapportering",
}
# Mails that are not written to a person (no recipient language to follow).
MAILS_TO_AN_OFFICE = {"coop_reporting.mail_template_accounting_export"}
REPORT_LAYOUT = "web.external_layout"
T_CALL = re.compile(r't-call="([\w.]+)"')


def _records_of_coop_addons(env, model):
    """{xml id: record} of the records of model that the coop_* addons define."""
    data = env["ir.model.data"].search([("model", "=", model), ("module", "=like", "coop\\_%")])
    return {"%s.%s" % (d.module, d.name): env[model].browse(d.res_id) for d in data}


@at_install(False)
@post_install(True)
class TestCoopIdentityEverywhere(SavepointCase):

    def test_every_mail_template_uses_the_layout(self):
        """Every mail template of the coop addons is wrapped in Coopkracht's mail layout, uses
        no Odoo colour and, when it writes to a person, follows that person's language."""
        templates = _records_of_coop_addons(self.env, "mail.template")
        self.assertGreaterEqual(len(templates), 10, sorted(templates))
        for xmlid, template in templates.items():
            self.assertTrue(template.coop_layout, "%s lacks the Coopkracht layout" % xmlid)
            self.assertNotIn("875a7b", (template.body_html or "").lower(),
                             "%s uses Odoo's purple, not Coopkracht's colours" % xmlid)
            if xmlid not in MAILS_TO_AN_OFFICE and template.model != "mail.message":
                self.assertIn("lang", template.lang or "",
                              "%s does not follow the recipient's language" % xmlid)

    def test_every_mail_template_speaks_dutch_and_french(self):
        """Every mail template of the coop addons that writes to a person has a Dutch and a
        French subject and body (English is the source text)."""
        if not self.env["res.lang"].search([("code", "=", "fr_BE")]):
            self.env["res.lang"].load_lang("fr_BE")
        self.env["ir.module.module"].search([("name", "=like", "coop\\_%"), ("state", "=", "installed")]) \
            ._update_translations(filter_lang="fr_BE")
        templates = _records_of_coop_addons(self.env, "mail.template")
        for xmlid, template in templates.items():
            if xmlid in MAILS_TO_AN_OFFICE or template.model == "mail.message":
                continue
            for field in ("subject", "body_html"):
                english = template.with_context(lang="en_US")[field]
                for lang in ("nl_BE", "fr_BE"):
                    self.assertNotEqual(template.with_context(lang=lang)[field], english,
                                        "%s has no %s %s" % (xmlid, lang, field))

    def _calls_layout(self, key, seen):
        """Whether the QWeb template key (or one it calls) calls the report layout."""
        if key == REPORT_LAYOUT:
            return True
        if key in seen:
            return False
        seen.add(key)
        views = self.env["ir.ui.view"].search([("key", "=", key), ("type", "=", "qweb")])
        for view in views:
            for called in T_CALL.findall(view.arch_db or ""):
                if called.startswith("coop_") or called == REPORT_LAYOUT:
                    if self._calls_layout(called, seen):
                        return True
        return False

    def test_every_pdf_uses_the_report_layout(self):
        """Every PDF report of the coop addons is printed inside web.external_layout, whose
        standard variant carries Coopkracht's logo, address, company number and page numbers."""
        reports = _records_of_coop_addons(self.env, "ir.actions.report")
        pdfs = {x: r for x, r in reports.items() if r.report_type == "qweb-pdf"}
        self.assertGreaterEqual(len(pdfs), 8, sorted(reports))
        for xmlid, report in pdfs.items():
            self.assertTrue(self._calls_layout(report.report_name, set()),
                            "%s (%s) does not use %s" % (xmlid, report.report_name, REPORT_LAYOUT))
        company = self.env.ref("base.main_company")
        self.assertEqual(company.external_report_layout, "standard")

    def test_backend_main_menus_have_dutch_names(self):
        """The coop addons' main menus are Leden, DAR, Vacatures, Kompas, Activiteiten and
        Rapportering for a Dutch-speaking staff member."""
        for xmlid, name in MAIN_MENUS.items():
            menu = self.env.ref(xmlid).with_context(lang="nl_BE")
            self.assertFalse(menu.parent_id, xmlid)
            self.assertEqual(menu.name, name, xmlid)

    def _year_fields(self, node, model, kind, found):
        """(view kind, field node) of the integer year fields under node (model's view)."""
        for child in node:
            if not isinstance(child.tag, str):
                continue
            child_kind = child.tag if child.tag in ("form", "tree", "kanban") else kind
            if child.tag == "field":
                field = self.env[model]._fields.get(child.get("name"))
                if field is None:
                    continue
                name = field.name
                if field.type == "integer" and (name.endswith("year") or name in (
                        "year_from", "year_to")):
                    found.append((kind, child))
                if field.relational:  # the sub-views of a one2many or many2many
                    self._year_fields(child, field.comodel_name, kind, found)
            else:
                self._year_fields(child, model, child_kind, found)
        return found

    def test_years_show_without_thousands_separator(self):
        """Every year field in the coop addons' forms and lists is shown as 2020, not as
        Odoo 11's "2.020": options format false (coop_website's integer_format.js), and in
        lists also widget="integer" that reads the option."""
        views = _records_of_coop_addons(self.env, "ir.ui.view")
        checked = 0
        for xmlid, view in views.items():
            if view.type not in ("form", "tree") or view.model not in self.env:
                continue
            arch = etree.fromstring(view.arch_db.encode("utf-8"))
            for kind, node in self._year_fields(arch, view.model, view.type, []):
                checked += 1
                where = "%s: %s" % (xmlid, etree.tostring(node).decode().strip()[:120])
                options = safe_eval(node.get("options") or "{}", {"false": False, "true": True})
                self.assertIs(options.get("format"), False, where)
                if kind == "tree":
                    self.assertEqual(node.get("widget"), "integer", where)
        self.assertGreaterEqual(checked, 10)

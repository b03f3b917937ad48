# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Column headings: in Dutch no field of a coop model is labelled "ID" but the id itself
(a translation file once gave the vacancy's sector that label, through an XML id that
two fields' names share)."""
from odoo.tests.common import TransactionCase, at_install, post_install


@at_install(False)
@post_install(True)
class TestFieldLabels(TransactionCase):

    def test_no_field_labelled_id_but_the_id(self):
        models = self.env["ir.model"].search([("model", "=like", "coop.%")]).mapped("model")
        self.assertIn("coop.vacancy", models)
        wrong = []
        for model in models:
            if model not in self.env:
                continue
            labels = self.env[model].with_context(lang="nl_BE").fields_get(
                attributes=["string"])
            wrong += ["%s.%s" % (model, name) for name, info in labels.items()
                      if name != "id" and info["string"].strip().upper() == "ID"]
        self.assertFalse(wrong, "fields labelled ID in Dutch: %s" % ", ".join(wrong))
        self.assertEqual(self.env["coop.vacancy"].with_context(lang="nl_BE").fields_get(
            ["sector_id"])["sector_id"]["string"], "Sector")

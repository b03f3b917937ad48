# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.addons.coop_website.tests.common import CoopSavepointCase


class TestDemo(CoopSavepointCase):

    def test_demo_vacancies(self):
        """The demo data holds about 30 vacancies of member organisations and a few of
        non-members, in every state, and its published vacancies are on the website."""
        data = self.env["ir.model.data"].search([("module", "=", "coop_vacancy"), ("model", "=", "coop.vacancy")])
        vacancies = self.env["coop.vacancy"].browse(data.mapped("res_id"))
        if not vacancies:
            self.skipTest("database without demo data")
        self.assertGreaterEqual(len(vacancies), 25)
        self.assertEqual(set(vacancies.mapped("state")),
                         {"draft", "to_review", "published", "closed", "expired", "refused"})
        today = fields.Date.context_today(vacancies)
        members = vacancies.mapped("partner_id").filtered(lambda org: org.coop_is_member_on(today))
        others = vacancies.mapped("partner_id") - members
        self.assertGreaterEqual(len(members), 5)
        self.assertGreaterEqual(len(others), 2)
        self.assertGreater(len(vacancies.filtered(lambda v: v.partner_id in members)),
                           len(vacancies.filtered(lambda v: v.partner_id in others)))
        published = vacancies.filtered(lambda v: v.state == "published")
        online = self.env["coop.vacancy"].search(self.env["coop.vacancy"]._public_domain())
        self.assertEqual(published & online, published)

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import time

from odoo.addons.coop_website.tests.common import CoopBrowserCase, new_user

from .common import kbo


class TestApplicationJourney(CoopBrowserCase):

    def wait_for(self, check, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            self.env.invalidate_all()
            if check():
                return True
            time.sleep(0.5)
        return False

    def test_application_to_first_invoice(self):
        """An organisation applies on the public form; the board approves it in the backend;
        the organisation is a member with its first fee invoice."""
        self.env["ir.config_parameter"].sudo().set_param("coop_membership.fee_pro_rata", "False")
        new_user(self.env, "coord_browser", ["coop_website.group_coop_manager"],
                 password="coord_browser")
        b = self.browser
        b.get(self.base_url + "/lid-worden")
        b.wait_css("form.o_coop_application_form")
        values = {"name": "Browsercoop cv", "kbo_number": kbo(700), "city": "Hasselt",
                  "zip": "3500", "contact_name": "Bram Browser",
                  "contact_email": "bram@browsercoop.example.org", "employee_count": "2"}
        for name, value in values.items():
            b.css("input[name=%s]" % name)[0].send_keys(value)
        from selenium.webdriver.support.ui import Select
        Select(b.css("select[name=legal_form]")[0]).select_by_value("cv")
        b.css("input[name=sector_ids]")[0].click()
        b.screenshot("membership-01-application-form")
        b.css("form.o_coop_application_form button[type=submit]")[0].click()
        b.wait_css(".o_coop_application_thanks")
        b.screenshot("membership-02-application-thanks")
        app = self.env["coop.membership.application"].search([("name", "=", "Browsercoop cv")])
        self.assertEqual(app.state, "submitted")
        self.assertTrue(app.user_id)

        self.browser_login("coord_browser", "coord_browser")
        b.get(self.base_url + "/web#id=%d&model=coop.membership.application&view_type=form" % app.id)
        button = b.wait_css("button[name=action_approve]", timeout=90)
        b.screenshot("membership-03-application-backend")
        button.click()
        self.assertTrue(self.wait_for(lambda: app.state == "approved"),
                        "application not approved; screenshot %s" % b.screenshot("membership-err"))
        b.wait_css(".o_form_view")
        time.sleep(1)
        b.screenshot("membership-04-application-approved")
        partner = app.partner_id
        self.assertEqual(partner.coop_membership_state, "member")
        self.assertTrue(partner.coop_join_date)
        invoice = app.invoice_id
        self.assertEqual(invoice.partner_id, partner)
        self.assertEqual(invoice.amount_total, 250.0)
        self.assertEqual(invoice.reference_type, "bba")
        b.get(self.base_url + "/web#id=%d&model=account.invoice&view_type=form" % invoice.id)
        b.wait_text(".o_form_view", "250", timeout=60)
        b.screenshot("membership-05-first-fee-invoice")

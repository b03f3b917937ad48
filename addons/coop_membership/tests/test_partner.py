# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import psycopg2

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from odoo.addons.coop_website.tests.common import as_user, new_user

from .common import MembershipCase, kbo


class TestPartner(MembershipCase):

    def test_kbo_normalised(self):
        """A valid company number is stored as 0123.456.789, whatever its input form."""
        number = kbo(1)
        org = self.make_org("Norm cv", coop_kbo_number="BE " + number)
        self.assertEqual(org.coop_kbo_number, "%s.%s.%s" % (number[:4], number[4:7], number[7:]))

    def test_kbo_invalid_refused(self):
        """A company number failing the mod-97 check is refused and nothing is written."""
        org = self.make_org("Check cv", seed=2)
        before = org.coop_kbo_number
        bad = kbo(3)[:-1] + str((int(kbo(3)[-1]) + 1) % 10)
        with self.assertRaisesRegex(
                ValidationError, "not a valid Belgian company number|geen geldig Belgisch ondernemingsnummer"):
            org.write({"coop_kbo_number": bad})
        org.invalidate_cache()
        self.assertEqual(org.coop_kbo_number, before)
        count = self.Partner.search_count([])
        with self.assertRaises(ValidationError):
            self.make_org("Bad cv", coop_kbo_number="0123.456.788")
        self.assertEqual(self.Partner.search_count([]), count)

    def test_kbo_invalid_dutch_message(self):
        """The error on a bad company number is in Dutch for a Dutch user."""
        with self.assertRaisesRegex(ValidationError, "geen geldig Belgisch ondernemingsnummer"):
            self.Partner.with_context(lang="nl_BE").create(
                {"name": "X", "is_company": True, "coop_kbo_number": "0123.456.788"})

    def test_kbo_unique_among_active(self):
        """Two active organisations cannot share a company number; an archived one may."""
        first = self.make_org("First cv", seed=4)
        with self.assertRaisesRegex(ValidationError, "already has the company number|heeft al het ondernemingsnummer"):
            self.make_org("Second cv", seed=4)
        first.active = False
        self.assertTrue(self.make_org("Second cv", seed=4))

    def test_member_on(self):
        """coop_is_member_on follows join and leave dates, also for a contact person."""
        org = self.make_member("Dated cv", join_date="2019-05-01")
        contact = self.Partner.create({"name": "Person", "parent_id": org.id})
        self.assertFalse(org.coop_is_member_on("2019-04-30"))
        self.assertTrue(contact.coop_is_member_on("2019-05-01"))
        org.write({"coop_membership_state": "former", "coop_leave_date": "2021-06-30"})
        self.assertTrue(org.coop_is_member_on("2021-06-29"))
        self.assertFalse(org.coop_is_member_on("2021-06-30"))
        domain = self.Partner._coop_member_on_domain("2021-06-29")
        self.assertIn(org, self.Partner.search(domain))

    def test_leave_before_join_refused(self):
        """A leave date before the join date is refused."""
        org = self.make_member("Early cv", join_date="2020-03-01")
        with self.assertRaisesRegex(
                ValidationError, "leave date cannot be before the join date|vóór de toetredingsdatum"):
            with self.env.cr.savepoint():
                org.write({"coop_leave_date": "2020-02-01"})
        org.invalidate_cache()
        self.assertFalse(org.coop_leave_date)

    def test_member_cannot_be_deleted(self):
        """A (former) member is history: deleting it is refused."""
        org = self.make_member("Kept cv")
        with self.assertRaisesRegex(UserError, "cannot be deleted|niet verwijderd"):
            org.unlink()
        self.assertTrue(org.exists())

    def test_internal_user_cannot_edit_membership(self):
        """A plain employee cannot change an organisation's membership data."""
        org = self.make_member("Guarded cv")
        with self.assertRaises(AccessError):
            as_user(org, self.user_internal).write({"coop_membership_state": "former"})

    def test_category_suggestion(self):
        """The category follows the employee threshold of the settings."""
        self.set_param("coop_membership.large_employee_threshold", "20")
        self.cat_small.sequence = -1
        small = self.make_org("Small cv", coop_employee_count=5)
        large = self.make_org("Large cv", coop_employee_count=25)
        Category = self.env["coop.membership.category"]
        self.assertEqual(Category._suggest_for_partner(small).size, "small")
        self.assertEqual(Category._suggest_for_partner(large).size, "large")

    def test_category_product(self):
        """A fee category gets a membership product at its fee, updated with the fee."""
        self.assertTrue(self.cat_large.product_id.membership)
        self.cat_large.fee = 1200
        self.assertEqual(self.cat_large.product_id.list_price, 1200)

    def test_staff_cannot_edit_categories(self):
        """Only the manager edits the fee categories."""
        with self.assertRaises(AccessError):
            as_user(self.cat_small, self.user_coop).write({"fee": 1})
        as_user(self.cat_small, self.user_manager).write({"fee": 300})
        self.assertEqual(self.cat_small.fee, 300)

    def test_settings_manager_only(self):
        """Staff cannot open the membership settings; the manager saves them."""
        with self.assertRaises(AccessError):
            as_user(self.env["coop.membership.config"], self.user_coop).create({})
        config = as_user(self.env["coop.membership.config"], self.user_manager).create(
            {"max_proxies": 3, "fee_pro_rata": True})
        config.action_save()
        params = self.env["ir.config_parameter"].sudo()
        self.assertEqual(params.get_param("coop_membership.max_proxies"), "3")
        self.assertEqual(params.get_param("coop_membership.fee_pro_rata"), "True")

    def test_default_categories(self):
        """Two fee categories ship by default: small 250 EUR and large 1000 EUR a year,
        each with its membership product."""
        small = self.env.ref("coop_membership.category_small")
        large = self.env.ref("coop_membership.category_large")
        self.assertEqual((small.size, small.fee), ("small", 250.0))
        self.assertEqual((large.size, large.fee), ("large", 1000.0))
        self.assertTrue(small.product_id.membership and large.product_id.membership)
        self.assertEqual(small.with_context(lang="nl_BE").name, "Kleine organisatie")

    def test_portal_user_reaches_only_own_organisation(self):
        """A member's portal user cannot change its organisation's membership data, nor
        read another organisation's fee invoice or application."""
        own = self.make_member("Eigen portaal cv")
        other = self.make_member("Ander portaal cv")
        contact = self.Partner.create({"name": "Pia Portaal", "parent_id": own.id,
                                       "email": "pia@example.org"})
        user = new_user(self.env, "pia_portaal", ["base.group_portal"], partner_id=contact.id)
        invoice = other._coop_create_fee_invoice(2030, post=True)
        application = self.Application.create({"name": "Ander aanvraag", "kbo_number": kbo(120)})
        with self.assertRaises(AccessError):
            as_user(own, user).write({"coop_membership_state": "former"})
        with self.assertRaises(AccessError):
            as_user(invoice, user).read(["amount_total"])
        with self.assertRaises(AccessError):
            as_user(application, user).read(["state"])
        self.assertEqual(own.coop_membership_state, "member")

    def test_database_refuses_what_the_checks_refuse(self):
        """Whatever writes them, the database refuses a leave date before the join date, a
        second open application of an organisation and a second fee invoice for a year."""
        org = self.make_member("Databank cv", join_date="2020-03-01")
        applicant = self.make_application("Databank aanvraag", 130).partner_id
        org._coop_create_fee_invoice(2030)
        second = self.env["account.invoice"].create({"partner_id": org.id, "type": "out_invoice"})
        statements = [
            ("UPDATE res_partner SET coop_leave_date = '2020-01-01' WHERE id = %s", [org.id]),
            ("INSERT INTO coop_membership_application (name, partner_id, state)"
             " VALUES ('Tweede', %s, 'submitted')", [applicant.id]),
            ("UPDATE account_invoice SET coop_fee_year = 2030 WHERE id = %s", [second.id]),
        ]
        for query, params in statements:
            with self.assertRaises(psycopg2.IntegrityError), mute_logger("odoo.sql_db"):
                with self.env.cr.savepoint():
                    self.env.cr.execute(query, params)
        self.assertEqual(self.Application.search_count([("partner_id", "=", applicant.id)]), 1)
        with self.assertRaisesRegex(ValidationError, "before the join date|vóór de toetredingsdatum"):
            self.make_member("Omgekeerd cv", join_date="2021-01-01", coop_leave_date="2020-12-31",
                             coop_membership_state="former")

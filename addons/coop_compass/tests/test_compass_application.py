# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Admission link: a membership application (coop_membership) needs a submitted compass scan
of the applicant organisation."""
from odoo.exceptions import UserError

from odoo.addons.coop_website.tests.common import as_user

from .common import CompassCase


class TestApplicationNeedsCompass(CompassCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.application = cls.env["coop.membership.application"].create({
            "name": "Coop A", "partner_id": cls.org_a.id, "contact_name": "Contact of Coop A",
            "contact_email": "contact.a@example.org", "legal_form": "cv", "city": "Gent", "zip": "9000"})

    def _submitted_scan(self, user, organisation):
        scan = as_user(self.env["coop.compass.scan"], user).action_start(organisation)
        scan.set_answers(self._full_answers())
        scan.action_submit()
        return scan.sudo()

    def test_application_refused_without_submitted_scan(self):
        """Without a submitted scan of the organisation the application cannot be submitted."""
        with self.assertRaisesRegex(UserError, "(?i)ICA.(compass|kompas)"):
            self.application._check_submission_requirements()
        draft = as_user(self.env["coop.compass.scan"], self.author).action_start(self.org_a)
        draft.set_answers(self._full_answers())
        with self.assertRaisesRegex(UserError, "(?i)ICA.(compass|kompas)"):
            self.application._check_submission_requirements()

    def test_scan_of_another_organisation_does_not_count(self):
        """A scan of another organisation, even linked by hand, is replaced or refused."""
        other = self._submitted_scan(self.stranger, self.org_b)
        self.application.compass_scan_id = other
        with self.assertRaisesRegex(UserError, "(?i)ICA.(compass|kompas)"):
            self.application._check_submission_requirements()

    def test_submitted_scan_is_linked_and_shown_to_the_board(self):
        """With a submitted scan the check passes, links the scan, and the board sees chart and scores."""
        scan = self._submitted_scan(self.author, self.org_a)
        self.application._check_submission_requirements()
        self.assertEqual(self.application.compass_scan_id, scan)
        seen = as_user(self.application, self.user_board)
        self.assertIn("<svg", seen.compass_radar)
        self.assertAlmostEqual(seen.compass_score_overall, 65.63, places=2)
        self.assertEqual(len(seen.compass_score_ids), 3)
        arch = seen.fields_view_get(view_type="form")["arch"]
        for field in ("compass_scan_id", "compass_score_overall", "compass_score_ids", "compass_radar"):
            self.assertIn('name="%s"' % field, arch, "the board's application form shows %s" % field)

    def test_action_submit_needs_the_scan(self):
        """The application's own submit action refuses without a scan and passes with one."""
        with self.assertRaisesRegex(UserError, "(?i)ICA.(compass|kompas)"):
            self.application.action_submit()
        self.assertEqual(self.application.state, "draft")
        self._submitted_scan(self.author, self.org_a)
        self.application.action_submit()
        self.assertEqual(self.application.state, "submitted")

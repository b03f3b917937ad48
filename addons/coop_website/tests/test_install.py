# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import CoopSavepointCase


class TestGroups(CoopSavepointCase):

    def test_manager_implies_user_and_board(self):
        """A manager has the rights of staff and of the board."""
        self.assertTrue(self.user_manager.has_group("coop_website.group_coop_user"))
        self.assertTrue(self.user_manager.has_group("coop_website.group_coop_board"))

    def test_board_is_not_staff(self):
        """Board members decide and read; they do not get the staff's daily-work group."""
        self.assertTrue(self.user_board.has_group("coop_website.group_coop_board"))
        self.assertFalse(self.user_board.has_group("coop_website.group_coop_user"))

    def test_dutch_is_installed(self):
        """nl_BE is an active language of the database."""
        lang = self.env["res.lang"].search([("code", "=", "nl_BE")])
        self.assertTrue(lang.active)

    def test_french_is_installed_for_mails(self):
        """fr_BE is active, so that French-speaking recipients get their mails in French,
        while the website stays Dutch only."""
        lang = self.env["res.lang"].search([("code", "=", "fr_BE")])
        self.assertTrue(lang.active)
        website = self.env.ref("website.default_website")
        self.assertNotIn("fr_BE", website.language_ids.mapped("code"))

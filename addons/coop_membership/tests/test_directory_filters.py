# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.coop_website.tests.common import CoopHttpCase
from odoo.addons.coop_website.tests.filters import filters_panel


class TestDirectoryFilters(CoopHttpCase):

    def test_directory_filters_fold_on_phone(self):
        """The search form of the member directory is inside the collapsible panel with
        its "Filters" button (folded on a phone, issue 25.6); the members are not."""
        response = self.url_open("/leden")
        self.assertEqual(response.status_code, 200)
        _button, panel = filters_panel(self, response.text, "//form[@action='/leden']")
        self.assertFalse(panel.xpath(".//*[contains(@class, 'o_coop_member ')]"))

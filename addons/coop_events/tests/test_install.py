# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.coop_website.tests.common import CoopSavepointCase


class TestMenu(CoopSavepointCase):

    def test_menu_reserved_to_staff_and_board(self):
        """The addon's main menu is for Coopkracht staff and board, not for other employees."""
        menu = self.env.ref("coop_events.menu_root")
        self.assertTrue(menu.groups_id & self.user_coop.groups_id)
        self.assertTrue(menu.groups_id & self.user_board.groups_id)
        self.assertFalse(menu.groups_id & self.user_internal.groups_id)

    def test_menu_in_dutch(self):
        """The main menu has a Dutch name."""
        menu = self.env.ref("coop_events.menu_root").with_context(lang="nl_BE")
        self.assertNotEqual(menu.name, self.env.ref("coop_events.menu_root").with_context(lang="en_US").name)

    def test_one_events_app(self):
        """Staff who manage events see one top menu for them ("Activiteiten"), not also
        Odoo's "Evenementen"; its attendees, reporting and configuration are inside it."""
        manager = self.env.ref("coop_website.group_coop_manager")
        event_manager = self.env.ref("event.group_event_manager")
        self.user_manager.write({"groups_id": [(4, manager.id), (4, event_manager.id)]})
        Menu = self.env["ir.ui.menu"].sudo(self.user_manager).with_context(lang="nl_BE")
        roots = Menu.search([("parent_id", "=", False)])
        names = roots.mapped("name")
        self.assertIn("Activiteiten", names)
        self.assertNotIn("Evenementen", names)
        self.assertEqual(len([n for n in names if n in ("Activiteiten", "Evenementen")]), 1)
        ours = self.env.ref("coop_events.menu_root")
        for xmlid in ("event.menu_action_registration", "event.menu_reporting_events",
                      "event.menu_event_type"):
            menu = self.env.ref(xmlid)
            self.assertIn(ours, menu.parent_id | menu.parent_id.parent_id, xmlid)

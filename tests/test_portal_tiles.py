# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""/my shows only the tiles of the user's roles (issue 25.14): the demo's shareholder,
member contact and participant each see their own, a portal user without any role none
(no sale tile without sale orders, no empty counter of another role's tile)."""
from odoo.tests.common import at_install, post_install

from odoo.addons.coop_website.tests.common import CoopHttpCase, new_user, portal_tile_counts

# every entry of /my that an installed module can add (coop addons, account, sale)
ALL_TILES = {"/my/membership", "/my/vacatures", "/my/compass", "/my/events", "/my/aandelen",
             "/my/invoices", "/my/quotes", "/my/orders"}


@at_install(False)
@post_install(True)
class TestPortalTilesPerRole(CoopHttpCase):

    def _tiles(self, login, password):
        self.authenticate(login, password)
        response = self.url_open("/my/home")
        self.assertEqual(response.status_code, 200, login)
        tiles = portal_tile_counts(response.content)
        self.assertFalse(set(tiles) - ALL_TILES, "unknown tiles: %s" % tiles)
        return tiles

    def test_shareholder_sees_only_shares(self):
        """aandeelhouder: only his shares (Ecopower 8, BeauVent 4 in one list)."""
        tiles = self._tiles("aandeelhouder", "aandeelhouder")
        self.assertEqual(set(tiles), {"/my/aandelen"})

    def test_member_contact_sees_organisation_tiles(self):
        """lid: membership, vacancies, compass and invoices; no shares, events or sales."""
        tiles = self._tiles("lid", "lid")
        self.assertEqual(set(tiles), {"/my/membership", "/my/vacatures", "/my/compass",
                                      "/my/invoices"})
        self.assertEqual(tiles["/my/compass"], "1")
        org = self.env.ref("coop_membership.partner_member_q_bus_cv_demo")
        self.assertEqual(tiles["/my/vacatures"], str(
            self.env["coop.vacancy"].search_count([("partner_id", "=", org.id)])))

    def test_participant_sees_only_events(self):
        """deelnemer: only her registrations (3); no compass tile with 0."""
        tiles = self._tiles("deelnemer", "deelnemer")
        self.assertEqual(tiles, {"/my/events": "3"})

    def test_user_without_role_sees_no_tile(self):
        """A portal user linked to nothing gets no tile at all (no zero counters)."""
        new_user(self.env, "tiles_nobody", ["base.group_portal"], password="tiles_nobody",
                 lang="nl_BE")
        self.assertEqual(self._tiles("tiles_nobody", "tiles_nobody"), {})

    def test_sale_tile_only_with_sale_orders(self):
        """The sale tiles appear only for a user whose organisation has orders: the same
        roleless user sees "Verkooporders" once an order of his is confirmed."""
        user = new_user(self.env, "tiles_buyer", ["base.group_portal"], password="tiles_buyer",
                        lang="nl_BE")
        self.assertNotIn("/my/orders", self._tiles("tiles_buyer", "tiles_buyer"))
        product = self.env["product.product"].create({"name": "Tegoedbon", "list_price": 10})
        order = self.env["sale.order"].create({
            "partner_id": user.partner_id.id,
            "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 1})]})
        order.message_subscribe([user.partner_id.id])
        order.action_confirm()
        self.assertEqual(self._tiles("tiles_buyer", "tiles_buyer").get("/my/orders"), "1")

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CoopEventPairingSwap(models.TransientModel):
    """Staff's hand adjustment of a Soirée's conversations: swap one participant of a
    table with a participant of another table of the same round (the rules are checked
    on both tables once they changed)."""

    _name = "coop.event.pairing.swap"
    _description = "Swap two participants of a Soirée round"

    pairing_id = fields.Many2one(comodel_name="coop.event.pairing", string="Table",
                                 required=True, ondelete="cascade")
    event_id = fields.Many2one(related="pairing_id.event_id", readonly=True)
    round = fields.Integer(related="pairing_id.round", readonly=True)
    registration_id = fields.Many2one(comodel_name="event.registration",
                                      string="Participant at this table", required=True)
    other_registration_id = fields.Many2one(comodel_name="event.registration",
                                            string="Swap with", required=True,
                                            help="A participant at another table of this round.")

    @api.model
    def default_get(self, field_names):
        values = super().default_get(field_names)
        context = self.env.context
        if not values.get("pairing_id") and context.get("active_model") == "coop.event.pairing":
            values["pairing_id"] = context.get("active_id")
        return values

    @api.multi
    def action_swap(self):
        self.ensure_one()
        self.pairing_id.coop_swap(self.registration_id, self.other_registration_id)
        return {"type": "ir.actions.act_window_close"}

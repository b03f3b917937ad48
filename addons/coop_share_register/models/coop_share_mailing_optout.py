# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CoopShareMailingOptout(models.Model):
    """A shareholder who does not want his cooperative's mailings (per register: the same
    person may want another cooperative's). Mails the law requires still reach him.
    Archived when he wants the mailings again, so the history stays."""

    _name = "coop.share.mailing.optout"
    _inherit = ["coop.share.register.record"]
    _description = "Shareholder who opted out of mailings"
    _order = "date desc, id desc"
    _coop_register_parent = "holder_id"
    _rec_name = "holder_id"

    register_id = fields.Many2one(required=False, readonly=True,
                                  help="The shareholder's register (set when created).")
    holder_id = fields.Many2one(
        comodel_name="coop.shareholder", string="Shareholder", required=True, index=True,
        ondelete="restrict")
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    source = fields.Selection(
        selection=[("link", "Unsubscribe link in a mail"), ("manager", "Register manager")],
        required=True, default="manager", readonly=True)
    active = fields.Boolean(default=True)

    @api.model_cr
    def init(self):
        """One active opt-out per shareholder (archived ones are history)."""
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS coop_share_mailing_optout_active_uniq
            ON coop_share_mailing_optout (holder_id) WHERE active""")

    @api.model
    def create(self, vals):
        holder = self.env["coop.shareholder"].browse(vals.get("holder_id"))
        if self.search_count([("holder_id", "=", holder.id)]):
            raise UserError(_("%(holder)s has already opted out of the mailings.") % {
                "holder": holder.display_name})
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if {"holder_id", "register_id"} & set(vals):
            raise UserError(_("An opt-out cannot move to another shareholder."))
        return super().write(vals)

    @api.multi
    def unlink(self):
        if self:
            raise UserError(_("An opt-out is archived, not deleted: its history stays."))
        return super().unlink()

    @api.model
    def opt_out(self, holders, source="manager"):
        """Opt holders (coop.shareholder) out, those not opted out yet."""
        done = self.search([("holder_id", "in", holders.ids)]).mapped("holder_id")
        for holder in holders - done:
            self.create({"holder_id": holder.id, "source": source})
        return True

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class MassMailing(models.Model):
    """A mass mailing that carries one language version of a shareholder mailing."""

    _inherit = "mail.mass_mailing"

    coop_mailing_id = fields.Many2one(
        comodel_name="coop.share.mailing", string="Shareholder mailing", index=True,
        ondelete="restrict", readonly=True)
    coop_lang_group = fields.Selection(
        selection=[("nl", "Dutch"), ("fr", "French"), ("en", "English")],
        string="Language version", readonly=True)

    @api.multi
    def _get_mass_mailing_context(self):
        """Opt-outs of shareholders are per register and already left out of the
        recipient list (unless the mail is legal): no address-wide blacklist, which would
        mix cooperatives; and two shareholders sharing an address each get their mail."""
        if self.coop_mailing_id:
            return {"mass_mailing_blacklist": set(), "mass_mailing_seen_list": None}
        return super()._get_mass_mailing_context()

    @api.multi
    def update_opt_out(self, email, res_ids, value):
        """The unsubscribe link of a shareholder mailing opts the shareholder out of his
        cooperative's non-legal mailings (not of other cooperatives')."""
        if self.mailing_model_real != "coop.share.mailing.recipient":
            return super().update_opt_out(email, res_ids, value)
        recipients = self.env["coop.share.mailing.recipient"].sudo().browse(res_ids).exists()
        holders = recipients.filtered(
            lambda r: (r.email or "").strip().lower() == (email or "").strip().lower()
            and r.mailing_id == self.coop_mailing_id).mapped("holder_id")
        Optout = self.env["coop.share.mailing.optout"].sudo()
        if value:
            Optout.opt_out(holders, source="link")
        else:
            Optout.search([("holder_id", "in", holders.ids)]).write({"active": False})
        return True

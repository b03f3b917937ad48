# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CoopShareRegister(models.Model):
    _inherit = "coop.share.register"  # pylint: disable=consider-merging-classes-inherited

    dividend_enabled = fields.Boolean(
        string="Pays dividends",
        help="Dividends are optional for a cooperative: only a register that pays them can "
             "have dividend runs.")
    dividend_run_count = fields.Integer(compute="_compute_dividend_run_count")

    @api.multi
    def _compute_dividend_run_count(self):
        if not self.ids:
            return
        data = self.env["coop.share.dividend.run"].read_group(
            [("register_id", "in", self.ids)], ["register_id"], ["register_id"])
        counts = {d["register_id"][0]: d["register_id_count"] for d in data}
        for register in self:
            register.dividend_run_count = counts.get(register.id, 0)

    @api.multi
    def action_open_dividend_runs(self):
        self.ensure_one()
        action = self.env.ref("coop_share_register.coop_share_dividend_run_action").read()[0]
        action["domain"] = [("register_id", "=", self.id)]
        action["context"] = {"default_register_id": self.id}
        return action

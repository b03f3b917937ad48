# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class CoopShareAssemblyHolder(models.Model):
    """A holder on the voting roll of an assembly: his shares and votes as of the record
    date (written once when the session opens), his attendance and his proxy."""

    _name = "coop.share.assembly.holder"
    _inherit = ["coop.share.register.record"]
    _description = "Holder on the voting roll of an assembly"
    _order = "assembly_id, holder_number, id"
    _rec_name = "holder_id"

    assembly_id = fields.Many2one(
        comodel_name="coop.share.assembly", string="Assembly", required=True, index=True,
        ondelete="restrict", readonly=True)
    register_id = fields.Many2one(readonly=True)
    holder_id = fields.Many2one(
        comodel_name="coop.shareholder", string="Shareholder", required=True, index=True,
        ondelete="restrict", readonly=True)
    holder_number = fields.Integer(string="Shareholder number", readonly=True, index=True)
    shares = fields.Integer(readonly=True, help="Shares held on the record date.")
    votes = fields.Float(readonly=True, digits=(16, 4),
                         help="Votes on the record date: shares times the votes per share "
                              "of their class.")
    attendance = fields.Selection(
        selection=[("absent", "Absent"), ("present", "Present"),
                   ("represented", "Represented")],
        required=True, default="absent", readonly=True, index=True)
    proxy_line_id = fields.Many2one(
        comodel_name="coop.share.assembly.holder", string="Represented by", index=True,
        ondelete="restrict", readonly=True,
        help="The attending shareholder who holds this shareholder's proxy.")
    principal_ids = fields.One2many(
        comodel_name="coop.share.assembly.holder", inverse_name="proxy_line_id",
        string="Proxies held", readonly=True)
    proxy_count = fields.Integer(compute="_compute_proxy_count", string="Proxies")
    vote_ids = fields.One2many(
        comodel_name="coop.share.assembly.vote", inverse_name="holder_line_id",
        string="Votes cast", readonly=True)

    _sql_constraints = [
        ("holder_unique", "UNIQUE(assembly_id, holder_id)",
         "A shareholder is only once on the voting roll of an assembly."),
        ("votes_positive", "CHECK(votes >= 0 AND shares >= 0)",
         "Shares and votes on the roll cannot be negative."),
        ("proxy_not_self", "CHECK(proxy_line_id IS NULL OR proxy_line_id <> id)",
         "A shareholder cannot be his own proxy."),
        ("proxy_when_represented",
         "CHECK((attendance = 'represented') = (proxy_line_id IS NOT NULL))",
         "A represented shareholder has a proxy holder, and only he has one."),
    ]

    @api.multi
    def _compute_proxy_count(self):
        if not self.ids:
            return
        data = self.read_group([("proxy_line_id", "in", self.ids)], ["proxy_line_id"],
                               ["proxy_line_id"])
        counts = {d["proxy_line_id"][0]: d["proxy_line_id_count"] for d in data}
        for line in self:
            line.proxy_count = counts.get(line.id, 0)

    @api.constrains("proxy_line_id", "attendance")
    def _check_proxy(self):
        for line in self:
            proxy = line.proxy_line_id
            if not proxy:
                continue
            if proxy.assembly_id != line.assembly_id:
                raise ValidationError(_("The proxy holder is not on this assembly's roll."))
            if proxy.attendance != "present":
                raise ValidationError(_(
                    "%(proxy)s is not present and cannot hold a proxy.") % {
                        "proxy": proxy.holder_id.display_name})
            count = self.search_count([("proxy_line_id", "=", proxy.id)])
            if count > line.assembly_id.proxy_limit:
                raise ValidationError(self._proxy_limit_message(proxy))
        for line in self.filtered(lambda ln: ln.attendance != "present"):
            if self.search_count([("proxy_line_id", "=", line.id)]):
                raise ValidationError(_(
                    "%(holder)s holds proxies and must stay present.") % {
                        "holder": line.holder_id.display_name})

    @api.model
    def _proxy_limit_message(self, proxy):
        return _("%(proxy)s already holds the most proxies allowed at this assembly "
                 "(%(limit)s): the proxy was not recorded.") % {
                     "proxy": proxy.holder_id.display_name,
                     "limit": proxy.assembly_id.proxy_limit}

    @api.multi
    def _check_can_change(self):
        for line in self:
            if line.assembly_id.state != "open":
                raise UserError(_("Attendance is recorded while the assembly is in "
                                  "session."))
            if line.vote_ids:
                raise UserError(_(
                    "%(holder)s has already voted: his attendance cannot change any "
                    "more.") % {"holder": line.holder_id.display_name})

    @api.multi
    def action_present(self):
        self._check_can_change()
        self.write({"attendance": "present", "proxy_line_id": False})
        return True

    @api.multi
    def action_absent(self):
        self._check_can_change()
        self.write({"attendance": "absent", "proxy_line_id": False})
        return True

    @api.multi
    def set_proxy(self, proxy):
        """This holder is represented by proxy (a roll line of the same assembly)."""
        self.ensure_one()
        self._check_can_change()
        if proxy == self:
            raise UserError(_("A shareholder cannot be his own proxy."))
        if proxy.assembly_id != self.assembly_id:
            raise UserError(_("The proxy holder is not on this assembly's roll."))
        if proxy.attendance != "present":
            raise UserError(_("%(proxy)s is not present and cannot hold a proxy.") % {
                "proxy": proxy.holder_id.display_name})
        # two proxies given at once to the same holder: the second waits here
        self.env.cr.execute("SELECT id FROM coop_share_assembly_holder WHERE id = %s FOR UPDATE",
                            (proxy.id,))
        held = self.search_count([("proxy_line_id", "=", proxy.id), ("id", "!=", self.id)])
        if held >= self.assembly_id.proxy_limit:
            raise UserError(self._proxy_limit_message(proxy))
        self.write({"attendance": "represented", "proxy_line_id": proxy.id})
        return True

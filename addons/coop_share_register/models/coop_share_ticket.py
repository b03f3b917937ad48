# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

HELPDESK_GROUP = "coop_share_register.group_dar_helpdesk"
MANAGER_GROUP = "coop_share_register.group_dar_manager"


class CoopShareTicket(models.Model):
    """A support request of a register manager to the helpdesk of the partner
    organisation (Hefboom): a mail thread with a state and an assigned helpdesk user.
    The record rules show a ticket to the users of its register only."""

    _name = "coop.share.ticket"
    _description = "DAR support request"
    _inherit = ["coop.share.register.record", "mail.thread"]
    _order = "id desc"

    name = fields.Char(string="Subject", required=True, track_visibility="onchange")
    number = fields.Char(readonly=True, copy=False, index=True, default="/")
    register_id = fields.Many2one(track_visibility="onchange")
    description = fields.Text(string="Question")
    state = fields.Selection(
        selection=[("new", "New"), ("in_progress", "In progress"),
                   ("waiting", "Waiting for the cooperative"), ("solved", "Solved")],
        required=True, default="new", readonly=True, copy=False, index=True,
        track_visibility="onchange")
    user_id = fields.Many2one(
        comodel_name="res.users", string="Helpdesk user", index=True,
        track_visibility="onchange",
        help="The helpdesk user of the partner organisation who handles this request.")
    requester_id = fields.Many2one(
        comodel_name="res.users", string="Asked by", required=True, readonly=True,
        default=lambda self: self.env.user, ondelete="restrict")
    solved_date = fields.Datetime(string="Solved on", readonly=True, copy=False)

    @api.constrains("user_id", "register_id")
    def _check_user(self):
        for ticket in self:
            user = ticket.user_id
            if not user:
                continue
            # has_group() in 11.0 asks about the current user: read the groups instead
            groups = user.sudo().groups_id
            serves = ticket.register_id in user.sudo().coop_register_ids or \
                self.env.ref("coop_share_register.group_dar_admin") in groups
            if self.env.ref(HELPDESK_GROUP) not in groups or not serves:
                raise ValidationError(_(
                    "%(user)s is not a helpdesk user of the register %(register)s.") % {
                        "user": user.name, "register": ticket.register_id.name})

    @api.model
    def create(self, vals):
        vals = dict(vals)
        if vals.get("register_id"):
            # another cooperative's register: refused before anything is numbered
            self.env["coop.share.register"].browse(vals["register_id"]).check_access_rule(
                "read")
        vals["number"] = self.env["ir.sequence"].sudo().next_by_code("coop.share.ticket") \
            or "/"
        ticket = super().create(vals)
        ticket._subscribe_helpdesk()
        return ticket

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        if vals.get("user_id"):
            self.message_subscribe_users(user_ids=[vals["user_id"]])
        return res

    @api.multi
    def name_get(self):
        return [(t.id, "%s %s" % (t.number, t.name)) for t in self]

    @api.multi
    def _helpdesk_users(self):
        """The helpdesk users who serve this ticket's register."""
        self.ensure_one()
        group = self.env.ref(HELPDESK_GROUP)
        return self.register_id.sudo().user_ids.filtered(
            lambda u: group in u.groups_id and not u.share)

    @api.multi
    def _subscribe_helpdesk(self):
        """The requester and the helpdesk users of the register follow the request
        (they get its mails)."""
        for ticket in self:
            users = ticket.requester_id | ticket._helpdesk_users() | ticket.user_id
            if users:
                ticket.message_subscribe_users(user_ids=users.ids)

    # Actions -----------------------------------------------------------------

    @api.multi
    def _check_helpdesk(self):
        if not self.env.user.has_group(HELPDESK_GROUP):
            raise AccessError(_("Only the helpdesk handles support requests."))
        self.check_access_rule("write")

    @api.multi
    def _check_state(self, states, action):
        for ticket in self:
            if ticket.state not in states:
                raise UserError(_(
                    "Support request %(ticket)s is %(state)s: it cannot be %(action)s.") % {
                        "ticket": ticket.number,
                        "state": dict(self._fields["state"]._description_selection(
                            self.env))[ticket.state],
                        "action": action})

    @api.multi
    def action_take(self):
        """The current helpdesk user takes the request: assigned, in progress."""
        self._check_helpdesk()
        self._check_state(("new", "in_progress", "waiting"), _("taken"))
        return self.write({"user_id": self.env.uid, "state": "in_progress"})

    @api.multi
    def action_wait(self):
        """The helpdesk asked the cooperative something: waiting for its answer."""
        self._check_helpdesk()
        self._check_state(("new", "in_progress"), _("put on hold"))
        return self.write({"state": "waiting"})

    @api.multi
    def action_solve(self):
        """Solved: by the helpdesk, or by the manager who no longer needs help."""
        if not self.env.user.has_group(HELPDESK_GROUP) and \
                not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(_("Only the helpdesk or a register manager closes a support "
                                "request."))
        self.check_access_rule("write")
        self._check_state(("new", "in_progress", "waiting"), _("solved"))
        return self.write({"state": "solved", "solved_date": fields.Datetime.now()})

    @api.multi
    def action_reopen(self):
        """A solved request comes back (the problem is still there)."""
        self.check_access_rule("write")
        self._check_state(("solved",), _("reopened"))
        return self.write({"state": "in_progress", "solved_date": False})

    @api.multi
    @api.returns("self", lambda value: value.id)
    def message_post(self, **kwargs):
        """An answer moves the request on: a helpdesk answer to a new request puts it in
        progress; the cooperative's answer to a waiting request gives it back to the
        helpdesk."""
        message = super().message_post(**kwargs)
        if kwargs.get("message_type", "notification") == "comment" and len(self) == 1:
            helpdesk = self.env.user.has_group(HELPDESK_GROUP)
            if helpdesk and self.state == "new":
                self.write({"state": "in_progress", "user_id": self.user_id.id or self.env.uid})
            elif not helpdesk and self.state == "waiting":
                self.write({"state": "in_progress"})
        return message

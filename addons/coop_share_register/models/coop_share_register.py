# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.coop_website.tools.validators import format_company_number, is_valid_company_number


class CoopShareRegister(models.Model):
    """One client cooperative's share register (DAR)."""

    _name = "coop.share.register"
    _description = "Share register of a client cooperative"
    _inherit = ["mail.thread"]
    _order = "name"

    name = fields.Char(required=True, track_visibility="onchange")
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Cooperative", required=True,
        ondelete="restrict", help="The client cooperative (a company).")
    company_number = fields.Char(
        required=True, track_visibility="onchange",
        help="Belgian company number of the cooperative, e.g. 0403.170.701.")
    service_mode = fields.Selection(
        selection=[("direct", "Coopkracht member"), ("partner", "Via partner organisation")],
        required=True, default="direct", track_visibility="onchange",
        help="How the cooperative is served: as a member of Coopkracht directly, or via the "
             "partner organisation (Hefboom).")
    partner_org_id = fields.Many2one(
        comodel_name="res.partner", string="Partner organisation", ondelete="restrict",
        help="The organisation that serves this cooperative (helpdesk), e.g. Hefboom.")
    service_start = fields.Date(
        string="Client since", required=True, default=fields.Date.context_today)
    service_end = fields.Date(string="Client until")
    active = fields.Boolean(default=True)
    min_shares = fields.Integer(
        string="Minimum shares per holder", default=1,
        help="A holder who holds shares holds at least this many (all classes together).")
    max_shares = fields.Integer(
        string="Maximum shares per holder", default=0,
        help="At most this many shares per holder (all classes together); 0 means no maximum.")
    voting_mode = fields.Selection(
        selection=[("per_share", "One vote per share (class votes per share)"),
                   ("per_holder", "One vote per shareholder"),
                   ("capped", "Votes per share, capped per shareholder")],
        string="Votes at the general assembly", required=True, default="per_share",
        help="As the articles of association say. The voting roll of an assembly, its "
             "quorum and its results follow this rule as it was when the session opened.")
    voting_cap = fields.Integer(
        string="Most votes per shareholder", default=0,
        help="With capped votes: no shareholder has more votes than this.")
    admission_rules = fields.Text(
        string="Who may become shareholder",
        help="The admission conditions from the articles of association.")
    currency_id = fields.Many2one(
        comodel_name="res.currency", required=True,
        default=lambda self: self.env.ref("base.EUR"))
    user_ids = fields.Many2many(
        comodel_name="res.users", relation="coop_share_register_user_rel",
        column1="register_id", column2="user_id", string="Staff users",
        help="Users who work for this register (register managers, viewers, helpdesk).")
    class_ids = fields.One2many(
        comodel_name="coop.share.class", inverse_name="register_id", string="Share classes")
    shareholder_count = fields.Integer(compute="_compute_counts")
    entry_count = fields.Integer(compute="_compute_counts")

    _sql_constraints = [
        ("min_shares_positive", "CHECK(min_shares >= 0)",
         "The minimum number of shares cannot be negative."),
        ("max_shares_positive", "CHECK(max_shares >= 0)",
         "The maximum number of shares cannot be negative."),
        ("voting_cap_set", "CHECK(voting_mode <> 'capped' OR voting_cap >= 1)",
         "With capped votes, the most votes per shareholder is at least 1."),
    ]

    @api.multi
    def _compute_counts(self):
        if not self.ids:
            return
        for model, field in (("coop.shareholder", "shareholder_count"),
                             ("coop.share.entry", "entry_count")):
            data = self.env[model].read_group(
                [("register_id", "in", self.ids)], ["register_id"], ["register_id"])
            counts = {d["register_id"][0]: d["register_id_count"] for d in data}
            for register in self:
                register[field] = counts.get(register.id, 0)

    @api.constrains("company_number")
    def _check_company_number(self):
        for register in self:
            if not is_valid_company_number(register.company_number):
                raise ValidationError(_(
                    "The company number %(number)s of %(name)s is not a valid Belgian "
                    "company number.") % {"number": register.company_number,
                                          "name": register.name})

    @api.constrains("min_shares", "max_shares")
    def _check_min_max(self):
        for register in self:
            if register.max_shares and register.max_shares < register.min_shares:
                raise ValidationError(_(
                    "The maximum number of shares per holder is lower than the minimum."))

    @api.constrains("service_mode", "partner_org_id")
    def _check_partner_org(self):
        for register in self:
            if register.service_mode == "partner" and not register.partner_org_id:
                raise ValidationError(_(
                    "A cooperative served via a partner organisation needs that organisation."))

    @api.model
    def create(self, vals):
        if vals.get("company_number"):
            vals["company_number"] = format_company_number(vals["company_number"])
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if vals.get("company_number"):
            vals["company_number"] = format_company_number(vals["company_number"])
        res = super().write(vals)
        if "user_ids" in vals:
            self.env["ir.rule"].clear_caches()
        return res

    @api.model_cr
    def init(self):
        """The counters of the gapless numbering: one row per register and kind, updated
        under a row lock in the confirming transaction (a rollback gives the number back)."""
        self.env.cr.execute("""
            CREATE TABLE IF NOT EXISTS coop_share_register_counter (
                register_id integer NOT NULL
                    REFERENCES coop_share_register(id) ON DELETE CASCADE,
                kind varchar NOT NULL,
                last_number integer NOT NULL DEFAULT 0,
                PRIMARY KEY (register_id, kind)
            )""")

    # Numbering ---------------------------------------------------------------

    @api.multi
    def _lock_counter(self, kind):
        """Lock this register's counter row of kind (created when missing) until the end
        of the transaction: every confirmation of the register waits here for the others.
        Returns the last number given."""
        self.ensure_one()
        self.env.cr.execute("""
            INSERT INTO coop_share_register_counter AS c (register_id, kind, last_number)
            VALUES (%s, %s, 0)
            ON CONFLICT (register_id, kind) DO UPDATE SET last_number = c.last_number
            RETURNING last_number""", (self.id, kind))
        return self.env.cr.fetchone()[0]

    @api.multi
    def _next_number(self, kind, count=1):
        """The next `count` numbers of kind in this register: gapless and unique, because
        the counter row stays locked until commit or rollback (a rollback gives them
        back). One statement: it takes the lock and the numbers."""
        self.ensure_one()
        self.env.cr.execute("""
            INSERT INTO coop_share_register_counter AS c (register_id, kind, last_number)
            VALUES (%s, %s, %s)
            ON CONFLICT (register_id, kind) DO UPDATE
                SET last_number = c.last_number + EXCLUDED.last_number
            RETURNING last_number""", (self.id, kind, count))
        last = self.env.cr.fetchone()[0]
        return list(range(last - count + 1, last + 1))

    # Figures -----------------------------------------------------------------

    @api.multi
    def action_open_shareholders(self):
        self.ensure_one()
        action = self.env.ref("coop_share_register.coop_shareholder_action").read()[0]
        action["domain"] = [("register_id", "=", self.id)]
        action["context"] = {"default_register_id": self.id}
        return action

    @api.multi
    def action_open_entries(self):
        self.ensure_one()
        action = self.env.ref("coop_share_register.coop_share_entry_action").read()[0]
        action["domain"] = [("register_id", "=", self.id)]
        action["context"] = {"default_register_id": self.id}
        return action

    @api.model
    def coop_year_figures(self, year):
        """DAR clients of a year, for the annual report: registers served at some time in
        that year, split into Coopkracht members (served directly) and clients served via
        the partner organisation. One grouped query."""
        start, end = "%04d-01-01" % year, "%04d-12-31" % year
        domain = [
            ("service_start", "<=", end),
            "|", ("service_end", "=", False), ("service_end", ">=", start),
            "|", ("active", "=", True), ("active", "=", False),
        ]
        data = self.read_group(domain, ["service_mode"], ["service_mode"])
        counts = {d["service_mode"]: d["service_mode_count"] for d in data}
        members, via_partner = counts.get("direct", 0), counts.get("partner", 0)
        return {"clients": members + via_partner, "members": members,
                "via_partner": via_partner}

    @api.multi
    def share_totals(self, date=None):
        """Total shares issued per class of this register as of date: {class_id: shares}."""
        self.ensure_one()
        return self.env["coop.share.position"].compute_class_totals(self, date)

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.coop_website.tools.formatting import share_count

ENTRY_TYPES = [
    ("subscription", "Subscription"),
    ("transfer", "Transfer"),
    ("transmission", "Transmission"),
    ("redemption", "Redemption (exit)"),
    ("exclusion", "Exclusion"),
    ("conversion", "Conversion"),
    ("correction", "Correction"),
]
# which holder fields each type needs
NEEDS_TO = ("subscription", "transfer", "transmission")
NEEDS_FROM = ("transfer", "transmission", "redemption", "exclusion", "conversion")
EXITS = ("redemption", "exclusion")

# Columns that make up the register: a confirmed row never changes them (ORM and trigger).
BUSINESS_COLUMNS = (
    "register_id", "number", "name", "entry_type", "effect_type", "sign", "date",
    "class_id", "to_class_id", "quantity", "to_quantity", "nominal_amount",
    "holder_from_id", "holder_to_id", "board_decision_date", "board_decision_ref",
    "note", "amount_paid_out", "corrected_entry_id", "state", "confirm_uid", "confirm_date",
    "ref",
)


class CoopShareEntry(models.Model):
    """One line of the register. Confirmed lines are history: never rewritten or deleted;
    a mistake is reversed by a linked correction entry."""

    _name = "coop.share.entry"
    _description = "Share register entry"
    _inherit = ["coop.share.register.record", "mail.thread"]
    _order = "number desc, id desc"

    register_id = fields.Many2one(index=False, track_visibility="onchange")
    # register_id, number, ref, date and state have no index of their own: every query
    # names the register, and the composite indexes (register_id, number), (register_id,
    # ref) and (register_id, state, date) serve them; fewer indexes, faster imports
    number = fields.Integer(readonly=True, copy=False,
                            help="Entry number in the register, given at confirmation.")
    name = fields.Char(string="Entry", readonly=True, copy=False, default="/")
    ref = fields.Char(string="External reference", copy=False,
                      help="Reference of this entry in an imported spreadsheet.")
    entry_type = fields.Selection(
        selection=ENTRY_TYPES, string="Type", required=True, default="subscription",
        track_visibility="onchange")
    effect_type = fields.Selection(
        selection=ENTRY_TYPES[:-1], compute="_compute_effect", store=True,
        help="The type whose effect this entry has (a correction: the corrected entry's).")
    sign = fields.Integer(compute="_compute_effect", store=True,
                          help="1, or -1 for a correction (it reverses the corrected entry).")
    date = fields.Date(required=True, default=fields.Date.context_today,
                       track_visibility="onchange")
    class_id = fields.Many2one(
        comodel_name="coop.share.class", string="Share class", required=True,
        ondelete="restrict", index=True, track_visibility="onchange")
    to_class_id = fields.Many2one(
        comodel_name="coop.share.class", string="Converted into class", ondelete="restrict")
    quantity = fields.Integer(required=True, default=1, track_visibility="onchange")
    to_quantity = fields.Integer(string="Quantity received",
                                 help="Conversion: the number of shares of the new class.")
    nominal_amount = fields.Monetary(
        currency_field="currency_id", compute="_compute_nominal_amount", store=True,
        readonly=False, help="Nominal value of the shares of this entry.")
    # not read as superuser (whoever reads an entry reads its register): no second read of
    # the entries in a sudo environment, which cost most of a list page's time
    currency_id = fields.Many2one(related="register_id.currency_id", readonly=True,
                                  related_sudo=False)
    holder_from_id = fields.Many2one(
        comodel_name="coop.shareholder", string="From holder", index=True,
        ondelete="restrict", track_visibility="onchange")
    holder_to_id = fields.Many2one(
        comodel_name="coop.shareholder", string="To holder", index=True,
        ondelete="restrict", track_visibility="onchange")
    board_decision_date = fields.Date()
    board_decision_ref = fields.Char(string="Board decision")
    note = fields.Text()
    amount_paid_out = fields.Monetary(
        currency_field="currency_id",
        help="Exit or exclusion: the amount paid out to the holder.")
    corrected_entry_id = fields.Many2one(
        comodel_name="coop.share.entry", string="Corrects entry", ondelete="restrict",
        index=True, copy=False)
    correction_ids = fields.One2many(
        comodel_name="coop.share.entry", inverse_name="corrected_entry_id",
        string="Corrections")
    payment_ids = fields.One2many(
        comodel_name="coop.share.payment", inverse_name="entry_id", string="Payments")
    amount_paid = fields.Monetary(currency_field="currency_id", compute="_compute_paid")
    amount_unpaid = fields.Monetary(currency_field="currency_id", compute="_compute_paid")
    state = fields.Selection(
        selection=[("draft", "Draft"), ("confirmed", "Confirmed"), ("cancel", "Cancelled")],
        required=True, default="draft", readonly=True, copy=False,
        track_visibility="onchange")
    confirm_uid = fields.Many2one(comodel_name="res.users", string="Confirmed by",
                                  readonly=True, copy=False)
    confirm_date = fields.Datetime(string="Confirmed on", readonly=True, copy=False)

    _sql_constraints = [
        ("number_unique", "UNIQUE(register_id, number)",
         "An entry number is unique within a register."),
        ("ref_unique", "UNIQUE(register_id, ref)",
         "An external reference is unique within a register."),
        ("quantity_positive", "CHECK(quantity > 0)",
         "The number of shares of an entry must be positive."),
        ("paid_out_positive", "CHECK(amount_paid_out IS NULL OR amount_paid_out >= 0)",
         "The amount paid out cannot be negative."),
    ]

    @api.depends("entry_type", "corrected_entry_id.entry_type")
    def _compute_effect(self):
        for entry in self:
            if entry.entry_type == "correction":
                entry.effect_type = entry.corrected_entry_id.entry_type
                entry.sign = -1
            else:
                entry.effect_type = entry.entry_type
                entry.sign = 1

    @api.depends("quantity", "class_id.nominal_value")
    def _compute_nominal_amount(self):
        for entry in self:
            entry.nominal_amount = entry.quantity * entry.class_id.nominal_value

    @api.depends("payment_ids.amount", "nominal_amount")
    def _compute_paid(self):
        for entry in self:
            entry.amount_paid = sum(entry.payment_ids.mapped("amount"))
            entry.amount_unpaid = entry.nominal_amount - entry.amount_paid \
                if entry.entry_type == "subscription" else 0.0

    # Constraints -------------------------------------------------------------

    @api.constrains("quantity", "to_quantity")
    def _check_quantity(self):
        for entry in self:
            if entry.quantity <= 0:
                raise ValidationError(_("The number of shares of an entry must be positive."))
            if entry.entry_type == "conversion" and entry.to_quantity <= 0:
                raise ValidationError(_(
                    "A conversion needs a positive number of shares of the new class."))

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        for entry in self:
            if entry.date > today:
                raise ValidationError(_("An entry cannot be dated in the future (%s).")
                                      % entry.date)

    @api.constrains("register_id", "class_id", "to_class_id", "holder_from_id",
                    "holder_to_id", "corrected_entry_id", "entry_type")
    def _check_register(self):
        for entry in self:
            reg = entry.register_id
            for rec in (entry.class_id, entry.to_class_id, entry.holder_from_id,
                        entry.holder_to_id, entry.corrected_entry_id):
                if rec and rec.register_id != reg:
                    raise ValidationError(_(
                        "An entry of register %s can only use share classes, holders and "
                        "entries of that same register.") % reg.name)
            etype = entry.entry_type
            if etype in NEEDS_TO and not entry.holder_to_id:
                raise ValidationError(_("This kind of entry needs the holder who receives "
                                        "the shares."))
            if etype in NEEDS_FROM and not entry.holder_from_id:
                raise ValidationError(_("This kind of entry needs the holder who gives up "
                                        "the shares."))
            if etype in ("transfer", "transmission") and \
                    entry.holder_from_id == entry.holder_to_id:
                raise ValidationError(_("A holder cannot transfer shares to himself."))
            if etype == "conversion" and (not entry.to_class_id or
                                          entry.to_class_id == entry.class_id):
                raise ValidationError(_("A conversion needs another share class."))
            if etype == "correction":
                orig = entry.corrected_entry_id
                if not orig:
                    raise ValidationError(_("A correction needs the entry it corrects."))
                if orig.entry_type == "correction":
                    raise ValidationError(_("A correction cannot be corrected; record the "
                                            "entry again instead."))

    # CRUD --------------------------------------------------------------------

    @api.model
    def create(self, vals):
        vals = dict(vals)
        if vals.get("register_id"):
            self.env["coop.share.register"].browse(vals["register_id"]).check_access_rule(
                "read")
        if vals.get("entry_type") == "correction" and vals.get("corrected_entry_id"):
            vals.update(self._correction_values(
                self.browse(vals["corrected_entry_id"])))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        business = set(vals) & set(BUSINESS_COLUMNS) - {"state"}
        if business or "state" in vals:
            for entry in self:
                if entry.state == "confirmed":
                    raise UserError(_(
                        "Entry %s is confirmed: the register is never rewritten. Record a "
                        "correction entry instead.") % entry.name)
                if entry.state == "cancel" and business:
                    raise UserError(_("Entry %s is cancelled and cannot be changed.")
                                    % entry.name)
        return super().write(vals)

    @api.multi
    def unlink(self):
        for entry in self:
            if entry.state == "confirmed":
                raise UserError(_(
                    "Entry %s is confirmed: register entries are never deleted. Record a "
                    "correction entry instead.") % entry.name)
        return super().unlink()

    @api.model_cr
    def init(self):
        """A trigger refuses, in the database itself, any change of a confirmed row's
        register columns and any deletion of a confirmed row."""
        cols = [c for c in BUSINESS_COLUMNS]
        old = ", ".join("OLD.%s" % c for c in cols)
        new = ", ".join("NEW.%s" % c for c in cols)
        # column names come from the constant above, not from input
        self.env.cr.execute(  # pylint: disable=sql-injection
            """
            CREATE OR REPLACE FUNCTION coop_share_entry_protect() RETURNS trigger AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    IF OLD.state = 'confirmed' THEN
                        RAISE EXCEPTION 'coop_share_entry %% is confirmed and cannot be deleted', OLD.id
                            USING ERRCODE = 'integrity_constraint_violation';
                    END IF;
                    RETURN OLD;
                END IF;
                IF OLD.state = 'confirmed' AND ROW(%s) IS DISTINCT FROM ROW(%s) THEN
                    RAISE EXCEPTION 'coop_share_entry %% is confirmed and cannot be changed', OLD.id
                        USING ERRCODE = 'integrity_constraint_violation';
                END IF;
                RETURN NEW;
            END $$ LANGUAGE plpgsql;
            DROP TRIGGER IF EXISTS coop_share_entry_protect ON coop_share_entry;
            CREATE TRIGGER coop_share_entry_protect BEFORE UPDATE OR DELETE ON coop_share_entry
                FOR EACH ROW EXECUTE PROCEDURE coop_share_entry_protect();
        """ % (new, old))
        self.env.cr.execute("""
            CREATE INDEX IF NOT EXISTS coop_share_entry_movement_idx
            ON coop_share_entry (register_id, state, date)""")
        # the list's first page (default order, any filter on type and state) as an
        # index-only scan, and its count
        self.env.cr.execute("""
            CREATE INDEX IF NOT EXISTS coop_share_entry_page_idx
            ON coop_share_entry (register_id, number DESC, id DESC) INCLUDE (entry_type, state)
        """)
        self.env.cr.execute("""
            CREATE INDEX IF NOT EXISTS coop_share_entry_list_idx
            ON coop_share_entry (register_id, entry_type, state)""")
        self.env.cr.execute("""
            CREATE OR REPLACE VIEW coop_share_movement AS
            SELECT e.id AS entry_id, e.register_id, e.date, e.holder_to_id AS holder_id,
                   CASE WHEN e.effect_type = 'conversion' THEN e.to_class_id
                        ELSE e.class_id END AS class_id,
                   e.sign * CASE WHEN e.effect_type = 'conversion' THEN e.to_quantity
                                 ELSE e.quantity END AS qty,
                   e.effect_type, e.sign
              FROM coop_share_entry e
             WHERE e.state = 'confirmed'
               AND e.effect_type IN ('subscription', 'transfer', 'transmission', 'conversion')
            UNION ALL
            SELECT e.id, e.register_id, e.date, e.holder_from_id, e.class_id,
                   -e.sign * e.quantity, e.effect_type, e.sign
              FROM coop_share_entry e
             WHERE e.state = 'confirmed'
               AND e.effect_type IN ('transfer', 'transmission', 'redemption', 'exclusion',
                                     'conversion')
        """)

    @api.model
    def _correction_values(self, original):
        """A correction copies the corrected entry's register data (it reverses it)."""
        return {
            "register_id": original.register_id.id,
            "class_id": original.class_id.id,
            "to_class_id": original.to_class_id.id,
            "quantity": original.quantity,
            "to_quantity": original.to_quantity,
            "holder_from_id": original.holder_from_id.id,
            "holder_to_id": original.holder_to_id.id,
            "nominal_amount": original.nominal_amount,
        }

    # Actions -----------------------------------------------------------------

    @api.onchange("entry_type", "holder_from_id")
    def _onchange_entry_type(self):
        if self.entry_type == "conversion":
            self.holder_to_id = self.holder_from_id

    @api.multi
    def action_confirm(self):
        """Confirm drafts: number them and check the invariants, under the register's
        counter lock so that concurrent confirmations of the register wait for each other."""
        if not self.env.user.has_group("coop_share_register.group_dar_manager"):
            raise AccessError(_("Only a register manager can confirm register entries."))
        for entry in self.sorted(lambda e: (e.date, e.id)):
            entry._confirm_one()
        # after the whole batch: an exclusion of a holder with several classes is one
        # entry per class, confirmed together
        self.filtered(lambda e: e.entry_type == "exclusion")._check_exclusions_complete()
        return True

    @api.multi
    def _check_exclusions_complete(self):
        """An exclusion (uitsluiting) removes the shareholder: after it he holds no share
        of any class. A partial exclusion is refused (a withdrawal, uittreding, may be
        partial)."""
        for entry in self:
            self.env.cr.execute("""
                SELECT c.code, SUM(m.qty) FROM coop_share_movement m
                  JOIN coop_share_class c ON c.id = m.class_id
                 WHERE m.register_id = %s AND m.holder_id = %s AND m.date <= %s
                 GROUP BY c.code HAVING SUM(m.qty) <> 0 ORDER BY c.code""",
                                (entry.register_id.id, entry.holder_from_id.id, entry.date))
            left = self.env.cr.fetchall()
            if left:
                raise ValidationError(_(
                    "An exclusion removes the shareholder from the register: after %(entry)s "
                    "%(holder)s would still hold %(shares)s. Exclude all of his shares, of "
                    "every class, on the same date (a withdrawal may be partial).") % {
                        "entry": entry.name, "holder": entry.holder_from_id.display_name,
                        "shares": ", ".join("%s %s" % (share_count(qty), code)
                                            for code, qty in left)})

    @api.multi
    def _confirm_one(self):  # pylint: disable=missing-return
        self.ensure_one()
        if self.state != "draft":
            raise UserError(_("Only a draft entry can be confirmed (%(entry)s is %(state)s).") % {
                "entry": self.name, "state": dict(self._fields["state"].selection)[self.state]})
        self.check_access_rule("write")
        register = self.register_id
        # the number, and the lock on the register's counter until the end of the
        # transaction: concurrent confirmations of the register wait here (a rollback
        # gives the number back, so the numbering stays gapless)
        number = register._next_number("entry")[0]
        if self.entry_type == "correction":
            if self.corrected_entry_id.state != "confirmed":
                raise UserError(_("Only a confirmed entry can be corrected."))
            if self.search_count([("corrected_entry_id", "=", self.corrected_entry_id.id),
                                  ("state", "=", "confirmed")]):
                raise UserError(_("Entry %s has already been corrected.")
                                % self.corrected_entry_id.name)
        self._check_date()
        self._check_register()
        # the guard of write() refuses any change of a confirmed entry: bypass it only here
        super(CoopShareEntry, self).write({
            "number": number,
            "name": "%s/%06d" % (self._name_prefix(), number),
            "state": "confirmed",
            "confirm_uid": self.env.uid,
            "confirm_date": fields.Datetime.now(),
        })
        self._check_holdings()
        self._update_holder_states()

    @api.multi
    def _update_holder_states(self):
        """Holders who now hold shares are shareholders; those left with none are former."""
        self.ensure_one()
        holders = self.holder_from_id | self.holder_to_id
        self.env.cr.execute("""
            SELECT holder_id, COALESCE(SUM(qty), 0) FROM coop_share_movement
             WHERE register_id = %s AND holder_id = ANY(%s) GROUP BY holder_id""",
                            (self.register_id.id, holders.ids))
        held = dict(self.env.cr.fetchall())
        for holder in holders:
            if held.get(holder.id, 0) > 0 and holder.state != "active":
                holder.write({"state": "active", "exit_date": False,
                              "admission_date": holder.admission_date or self.date})
            elif held.get(holder.id, 0) <= 0 and holder.state == "active":
                holder.write({"state": "former", "exit_date": self.date})

    @api.model
    def _name_prefix(self):
        """The prefix of entry names (a hook)."""
        return "R"

    @api.multi
    def _check_holdings(self):
        """With this (just confirmed) entry in the register: no holder concerned holds a
        negative number of shares of a class at any date, and from the entry's date on every
        holder concerned holds 0 or between the register's minimum and maximum shares."""
        self.ensure_one()
        holders = (self.holder_from_id | self.holder_to_id).ids
        cr = self.env.cr
        # By date (nobody gives up shares before the day he holds them) and entry by entry
        # in the register's number order, as the printed register reads: a transfer
        # numbered before the subscription it needs is refused even on the same day.
        cr.execute("""
            WITH days AS (
                SELECT holder_id, class_id, date, SUM(qty) AS qty
                  FROM coop_share_movement
                 WHERE register_id = %(register)s AND holder_id = ANY(%(holders)s)
                 GROUP BY holder_id, class_id, date
            ), by_date AS (
                SELECT holder_id, class_id, date, NULL::integer AS number,
                       SUM(qty) OVER (PARTITION BY holder_id, class_id ORDER BY date) AS held
                  FROM days
            ), by_number AS (
                SELECT m.holder_id, m.class_id, m.date, e.number,
                       SUM(m.qty) OVER (PARTITION BY m.holder_id, m.class_id
                                        ORDER BY e.number, m.entry_id
                                        ROWS UNBOUNDED PRECEDING) AS held
                  FROM coop_share_movement m
                  JOIN coop_share_entry e ON e.id = m.entry_id
                 WHERE m.register_id = %(register)s AND m.holder_id = ANY(%(holders)s)
            )
            SELECT holder_id, class_id, date, number, held FROM (
                SELECT * FROM by_date UNION ALL SELECT * FROM by_number) AS checks
             WHERE held < 0 ORDER BY date, number NULLS FIRST LIMIT 1""",
                   {"register": self.register_id.id, "holders": holders})
        row = cr.fetchone()
        if row and row[3] is None:
            holder = self.env["coop.shareholder"].browse(row[0])
            share_class = self.env["coop.share.class"].browse(row[1])
            raise ValidationError(_(
                "%(holder)s would hold %(shares)s shares of class %(share_class)s on "
                "%(date)s: a holder can only give up shares held on that date.") % {
                    "holder": holder.display_name, "share_class": share_class.code,
                    "date": row[2], "shares": share_count(row[4])})
        if row:
            holder = self.env["coop.shareholder"].browse(row[0])
            share_class = self.env["coop.share.class"].browse(row[1])
            raise ValidationError(_(
                "%(holder)s would hold %(shares)s shares of class %(share_class)s after entry "
                "%(number)s of %(date)s: in the register's order a holder can only give up "
                "shares he already holds.") % {
                    "holder": holder.display_name, "share_class": share_class.code,
                    "date": row[2], "number": row[3], "shares": share_count(row[4])})
        register = self.register_id
        if not register.min_shares and not register.max_shares:
            return
        cr.execute("""
            WITH days AS (
                SELECT holder_id, date, SUM(qty) AS qty
                  FROM coop_share_movement
                 WHERE register_id = %s AND holder_id = ANY(%s)
                 GROUP BY holder_id, date
            ), running AS (
                SELECT holder_id, date,
                       SUM(qty) OVER (PARTITION BY holder_id ORDER BY date) AS held
                  FROM days
            )
            SELECT holder_id, date, held FROM running
             WHERE date >= %s AND held <> 0
               AND (held < %s OR (%s > 0 AND held > %s))
             ORDER BY date LIMIT 1""", (register.id, holders, self.date, register.min_shares,
                                        register.max_shares, register.max_shares))
        row = cr.fetchone()
        if row:
            holder = self.env["coop.shareholder"].browse(row[0])
            raise ValidationError(_(
                "%(holder)s would hold %(shares)s shares on %(date)s, outside the register's "
                "limits (minimum %(min)s, maximum %(max)s).") % {
                    "holder": holder.display_name, "shares": share_count(row[2]),
                    "date": row[1], "min": register.min_shares,
                    "max": register.max_shares or "-"})

    @api.multi
    def action_cancel(self):
        for entry in self:
            if entry.state != "draft":
                raise UserError(_("Only a draft entry can be cancelled; a confirmed entry is "
                                  "corrected with a correction entry."))
        self.check_access_rule("write")
        return self.write({"state": "cancel"})

    @api.multi
    def action_correct(self):
        """A draft correction entry reversing this confirmed entry."""
        self.ensure_one()
        if self.state != "confirmed" or self.entry_type == "correction":
            raise UserError(_("Only a confirmed entry that is not a correction itself can be "
                              "corrected."))
        correction = self.create({
            "register_id": self.register_id.id,
            "entry_type": "correction",
            "corrected_entry_id": self.id,
            "date": fields.Date.context_today(self),
            "class_id": self.class_id.id,
            "quantity": self.quantity,
        })
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": correction.id,
            "view_mode": "form",
            "target": "current",
        }

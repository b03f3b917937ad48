# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.coop_website.tools.validators import (
    format_company_number, is_valid_company_number, is_valid_iban, is_valid_national_number,
    normalise_iban, normalise_national_number)


class CoopShareholder(models.Model):
    """A holder in one register. The same human in two cooperatives is two records."""

    _name = "coop.shareholder"
    _description = "Shareholder"
    _inherit = ["coop.share.register.record", "mail.thread"]
    _order = "number, id"

    number = fields.Integer(
        string="Shareholder number", readonly=True, copy=False, index=True,
        help="Given by the register when the shareholder is created: gapless per register.")
    holder_type = fields.Selection(
        selection=[("person", "Natural person"), ("company", "Legal person")],
        string="Type", required=True, default="person")
    name = fields.Char(required=True, index=True, track_visibility="onchange",
                       help="Last name of a person, or the name of a legal person.")
    firstname = fields.Char(string="First name", track_visibility="onchange")
    display_name = fields.Char(compute="_compute_display_name", store=True, index=True)
    national_number = fields.Char(
        help="Belgian national register number (only where the cooperative keeps it).")
    company_number = fields.Char(help="Belgian company number of a legal person.")
    birthdate = fields.Date()
    street = fields.Char(track_visibility="onchange")
    zip = fields.Char(track_visibility="onchange")
    city = fields.Char(track_visibility="onchange")
    country_id = fields.Many2one(
        comodel_name="res.country", default=lambda self: self.env.ref("base.be"))
    lang = fields.Selection(
        selection=[("nl_BE", "Dutch"), ("fr_BE", "French"), ("en_US", "English")],
        string="Language", required=True, default="nl_BE")
    email = fields.Char(track_visibility="onchange")
    phone = fields.Char()
    iban = fields.Char(string="IBAN", track_visibility="onchange")
    admission_date = fields.Date(track_visibility="onchange")
    exit_date = fields.Date(track_visibility="onchange")
    state = fields.Selection(
        selection=[("candidate", "Candidate"), ("active", "Shareholder"),
                   ("former", "Former shareholder")],
        required=True, default="candidate", track_visibility="onchange")
    ref = fields.Char(
        string="External reference", index=True, copy=False,
        help="The reference of this holder in an imported spreadsheet: importing the same "
             "file again finds the holder instead of creating it twice.")
    entry_to_ids = fields.One2many(
        comodel_name="coop.share.entry", inverse_name="holder_to_id", string="Entries received")
    entry_from_ids = fields.One2many(
        comodel_name="coop.share.entry", inverse_name="holder_from_id", string="Entries given")

    _sql_constraints = [
        ("number_unique", "UNIQUE(register_id, number)",
         "A shareholder number is unique within a register."),
        ("ref_unique", "UNIQUE(register_id, ref)",
         "An external reference is unique within a register."),
    ]

    @api.depends("name", "firstname", "number")
    def _compute_display_name(self):
        for holder in self:
            name = " ".join(p for p in (holder.firstname, holder.name) if p)
            holder.display_name = "%s %s" % (holder.number, name) if holder.number else name

    @api.multi
    def name_get(self):
        return [(h.id, h.display_name) for h in self]

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        args = list(args or [])
        if name:
            domain = ["|", ("display_name", operator, name), ("ref", "=", name)]
            if name.isdigit():
                domain = ["|", ("number", "=", int(name))] + domain
            return self.search(domain + args, limit=limit).name_get()
        return super().name_search(name, args, operator, limit)

    @api.constrains("national_number")
    def _check_national_number(self):
        for holder in self:
            if holder.national_number and not is_valid_national_number(holder.national_number):
                raise ValidationError(_("%s is not a valid Belgian national number.")
                                      % holder.national_number)

    @api.constrains("company_number", "holder_type")
    def _check_company_number(self):
        for holder in self:
            if holder.company_number and not is_valid_company_number(holder.company_number):
                raise ValidationError(_("%s is not a valid Belgian company number.")
                                      % holder.company_number)
            if holder.holder_type == "company" and holder.national_number:
                raise ValidationError(_("A legal person has no national number."))

    @api.constrains("iban")
    def _check_iban(self):
        for holder in self:
            if holder.iban and not is_valid_iban(holder.iban):
                raise ValidationError(_("%s is not a valid IBAN.") % holder.iban)

    @api.constrains("admission_date", "exit_date")
    def _check_dates(self):
        for holder in self:
            if holder.admission_date and holder.exit_date and \
                    holder.exit_date < holder.admission_date:
                raise ValidationError(_("The exit date is before the admission date."))

    @api.model
    def _normalize_vals(self, vals):
        if vals.get("iban"):
            vals["iban"] = normalise_iban(vals["iban"]) or vals["iban"]
        if vals.get("national_number"):
            vals["national_number"] = (normalise_national_number(vals["national_number"])
                                       or vals["national_number"])
        if vals.get("company_number"):
            vals["company_number"] = format_company_number(vals["company_number"])
        return vals

    @api.model
    def create(self, vals):
        vals = self._normalize_vals(dict(vals))
        if vals.get("register_id"):
            register = self.env["coop.share.register"].browse(vals["register_id"])
            # another cooperative's register: refused before anything is numbered
            register.check_access_rule("read")
        if not vals.get("number") and vals.get("register_id"):
            vals["number"] = register._next_number("holder")[0]
        return super().create(vals)

    @api.multi
    def write(self, vals):
        vals = self._normalize_vals(dict(vals))
        if "number" in vals:
            raise UserError(_("A shareholder number cannot be changed."))
        return super().write(vals)

    @api.multi
    def unlink(self):
        if self.env["coop.share.entry"].sudo().search_count(
                ["|", ("holder_to_id", "in", self.ids), ("holder_from_id", "in", self.ids),
                 ("state", "=", "confirmed")]):
            raise UserError(_("A shareholder with confirmed register entries cannot be "
                              "deleted."))
        return super().unlink()

    @api.multi
    def positions(self, date=None):
        """This holder's positions per class as of date (list of dicts)."""
        self.ensure_one()
        return self.env["coop.share.position"].compute_positions(
            self.register_id, date, holder_ids=self.ids)

    @api.multi
    def coop_shares_held(self, date=None):
        """{holder id: number of shares held as of date (default today)}, in one query."""
        date = date or fields.Date.context_today(self)
        result = dict.fromkeys(self.ids, 0)
        if self.ids:
            # the query reads the movements directly: only holders the user may read
            self.check_access_rights("read")
            self.check_access_rule("read")
            self.env.cr.execute("""
                SELECT holder_id, COALESCE(SUM(qty), 0)::integer FROM coop_share_movement
                 WHERE holder_id = ANY(%s) AND date <= %s GROUP BY holder_id""",
                                (self.ids, date))
            result.update(self.env.cr.fetchall())
        return result

    @api.multi
    def action_open_entries(self):
        self.ensure_one()
        action = self.env.ref("coop_share_register.coop_share_entry_action").read()[0]
        action["domain"] = ["|", ("holder_to_id", "=", self.id), ("holder_from_id", "=", self.id)]
        action["context"] = {"default_register_id": self.register_id.id,
                             "default_holder_to_id": self.id}
        return action

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import os
import tempfile

import xlsxwriter

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .coop_share_position import POSITIONS_SQL

# The voting roll of an assembly in one INSERT ... SELECT: every holder with shares on the
# record date (the register's positions query), with his shares and his votes: per class
# the shares times the votes per share valid on the record date (the latest dated change
# of the class's voting rights, else the class's own figure), or one vote per shareholder,
# or those votes capped, as the register's voting_mode says (the articles of association).
ROLL_SQL = """
    INSERT INTO coop_share_assembly_holder
           (assembly_id, register_id, holder_id, holder_number, shares, votes, attendance,
            create_uid, write_uid, create_date, write_date)
    SELECT %(assembly)s, %(register)s, pos.holder_id, h.number, SUM(pos.shares),
           CASE %(voting_mode)s
                WHEN 'per_holder' THEN 1
                WHEN 'capped' THEN LEAST(
                    SUM(pos.shares * COALESCE(vr.votes_per_share, c.votes_per_share)),
                    %(voting_cap)s)
                ELSE SUM(pos.shares * COALESCE(vr.votes_per_share, c.votes_per_share))
           END, 'absent',
           %(uid)s, %(uid)s, now() at time zone 'UTC', now() at time zone 'UTC'
      FROM (""" + POSITIONS_SQL + """) pos
      JOIN coop_share_class c ON c.id = pos.class_id
      JOIN coop_shareholder h ON h.id = pos.holder_id
      LEFT JOIN LATERAL (
            SELECT v.votes_per_share FROM coop_share_class_voting_right v
             WHERE v.class_id = c.id AND v.date_from <= %(date)s
             ORDER BY v.date_from DESC LIMIT 1) vr ON true
     WHERE pos.shares > 0
     GROUP BY pos.holder_id, h.number
"""


class CoopShareAssembly(models.Model):
    """A general assembly of a client cooperative: its invitation, the voting roll as of
    the record date, attendance and proxies, resolutions and their results."""

    _name = "coop.share.assembly"
    _description = "General assembly of a cooperative"
    _inherit = ["coop.share.register.record", "mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(required=True, track_visibility="onchange",
                       default=lambda self: _("General assembly"))
    date = fields.Datetime(string="Date and time", required=True, track_visibility="onchange")
    location = fields.Char(track_visibility="onchange")
    record_date = fields.Date(
        required=True, track_visibility="onchange",
        help="The shares held on this date (end of day) give the right to vote, with the "
             "voting rights of their class on that date.")
    proxy_limit = fields.Integer(
        string="Proxies per attendee", default=1, required=True,
        help="The most proxies one attending shareholder may hold (articles of "
             "association).")
    agenda = fields.Html(help="The agenda, shown in the invitation.")
    state = fields.Selection(
        selection=[("draft", "In preparation"), ("open", "In session"),
                   ("closed", "Closed")],
        required=True, default="draft", readonly=True, copy=False, index=True,
        track_visibility="onchange")
    holder_line_ids = fields.One2many(
        comodel_name="coop.share.assembly.holder", inverse_name="assembly_id",
        string="Voting roll", readonly=True)
    resolution_ids = fields.One2many(
        comodel_name="coop.share.assembly.resolution", inverse_name="assembly_id",
        string="Resolutions")
    mailing_ids = fields.One2many(
        comodel_name="coop.share.mailing", inverse_name="assembly_id", string="Mailings",
        readonly=True)
    holder_count = fields.Integer(compute="_compute_figures", string="Holders entitled")
    present_count = fields.Integer(compute="_compute_figures", string="Present")
    represented_count = fields.Integer(compute="_compute_figures", string="Represented")
    votes_total = fields.Float(compute="_compute_figures", string="Votes in total")
    votes_attending = fields.Float(compute="_compute_figures",
                                   string="Votes present or represented")

    _sql_constraints = [
        ("proxy_limit_positive", "CHECK(proxy_limit >= 0)",
         "The number of proxies per attendee cannot be negative."),
    ]

    @api.multi
    def _compute_figures(self):
        """Holders on the roll, present, represented and their votes: one grouped query."""
        if not self.ids:
            return
        self.env.cr.execute("""
            SELECT assembly_id, COUNT(*),
                   COUNT(*) FILTER (WHERE attendance = 'present'),
                   COUNT(*) FILTER (WHERE attendance = 'represented'),
                   COALESCE(SUM(votes), 0),
                   COALESCE(SUM(votes) FILTER (WHERE attendance <> 'absent'), 0)
              FROM coop_share_assembly_holder WHERE assembly_id IN %s
             GROUP BY assembly_id""", (tuple(self.ids),))
        figures = {row[0]: row[1:] for row in self.env.cr.fetchall()}
        for assembly in self:
            (assembly.holder_count, assembly.present_count, assembly.represented_count,
             assembly.votes_total, assembly.votes_attending) = figures.get(
                 assembly.id, (0, 0, 0, 0.0, 0.0))

    @api.constrains("record_date", "date")
    def _check_record_date(self):
        # as superuser: an assembly in a register the user may not read is refused by the
        # record rules right after, with an access error
        for assembly in self.sudo():
            if assembly.record_date and assembly.date and \
                    assembly.record_date > assembly.date[:10]:
                raise ValidationError(_("The record date comes before the assembly."))

    @api.multi
    def write(self, vals):
        if {"register_id", "record_date"} & set(vals) and \
                self.filtered(lambda a: a.state != "draft"):
            raise UserError(_("The register and the record date of an assembly in session "
                              "cannot be changed."))
        return super().write(vals)

    @api.multi
    def unlink(self):
        if self.filtered(lambda a: a.state != "draft"):
            raise UserError(_("An assembly that was held cannot be deleted."))
        return super().unlink()

    # Actions ----------------------------------------------------------------

    @api.multi
    def action_open(self):
        """Open the session: the voting roll is made from the register as of the record
        date (one query) and does not change any more."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(_("This assembly is already in session or closed."))
        today = fields.Date.context_today(self)
        if self.record_date > today:
            raise UserError(_("The voting roll can only be made once the record date "
                              "(%(date)s) has passed.") % {"date": self.record_date})
        params = self.env["coop.share.position"]._query_params(
            self.register_id, self.record_date)
        params.update({"assembly": self.id, "uid": self.env.uid,
                       "voting_mode": self.register_id.voting_mode or "per_share",
                       "voting_cap": self.register_id.voting_cap or 0})
        self.check_access_rule("write")
        self.env.cr.execute(ROLL_SQL, params)
        self.env["coop.share.assembly.holder"].invalidate_cache()
        self.write({"state": "open"})
        return True

    @api.multi
    def action_close(self):
        self.ensure_one()
        if self.state != "open":
            raise UserError(_("Only an assembly in session can be closed."))
        self.resolution_ids.filtered(lambda r: r.state == "open").action_close_voting()
        self.write({"state": "closed"})
        return True

    @api.multi
    def action_invite(self):
        """A draft invitation mailing (legal: it reaches every shareholder) from the
        assembly template, to review and send."""
        self.ensure_one()
        template = self.env.ref("coop_share_register.mailing_template_assembly")
        mailing = self.env["coop.share.mailing"].create({
            "register_id": self.register_id.id, "assembly_id": self.id,
            "mailing_template_id": template.id, "name": template.subject_nl, "segment": "all",
            "legal": True, "kind": "assembly",
        })
        return {"type": "ir.actions.act_window", "res_model": "coop.share.mailing",
                "res_id": mailing.id, "view_mode": "form", "target": "current"}

    @api.multi
    def action_open_roll(self):
        self.ensure_one()
        action = self.env.ref("coop_share_register.coop_share_assembly_holder_action")
        action = action.read()[0]
        action["domain"] = [("assembly_id", "=", self.id)]
        action["context"] = {"search_default_attending": 0}
        return action

    @api.multi
    def action_export_xlsx(self):
        """The result sheet as XLSX, attached to the assembly and downloaded."""
        self.ensure_one()
        content = self.export_xlsx()
        attachment = self.env["ir.attachment"].create({
            "name": "%s.xlsx" % self._file_name(),
            "datas_fname": "%s.xlsx" % self._file_name(),
            "datas": base64.b64encode(content),
            "res_model": self._name, "res_id": self.id,
        })
        return {"type": "ir.actions.act_url", "target": "self",
                "url": "/web/content/%s?download=true" % attachment.id}

    @api.multi
    def action_print_result(self):
        self.ensure_one()
        return self.env.ref("coop_share_register.report_assembly_result_action").report_action(
            self)

    # Business methods ---------------------------------------------------------------

    @api.multi
    def _file_name(self):
        self.ensure_one()
        return "%s-%s" % (self.register_id.company_number, (self.date or "")[:10])

    @api.multi
    def _line(self, holder, raise_missing=True):
        """The roll line of holder (a coop.shareholder), refused with a clear message when
        he held no shares on the record date."""
        self.ensure_one()
        if self.state == "draft":
            raise UserError(_("Open the session first: the voting roll is made then."))
        if holder.sudo().register_id != self.register_id:
            # another cooperative's shareholder: not even his name is shown
            raise UserError(_("This shareholder is not in the register of %(register)s and "
                              "has no vote at this assembly.") % {
                                  "register": self.register_id.name})
        line = self.env["coop.share.assembly.holder"].search(
            [("assembly_id", "=", self.id), ("holder_id", "=", holder.id)], limit=1)
        if not line and raise_missing:
            raise UserError(_(
                "%(holder)s held no shares of %(register)s on the record date (%(date)s) "
                "and has no vote at this assembly.") % {
                    "holder": holder.sudo().display_name, "register": self.register_id.name,
                    "date": self.record_date})
        return line

    @api.multi
    def register_attendance(self, holder, present=True):
        """Record holder (coop.shareholder) as present (or absent again)."""
        line = self._line(holder)
        if present:
            line.action_present()
        else:
            line.action_absent()
        return line

    @api.multi
    def register_proxy(self, holder, proxy_holder):
        """Record that holder is represented by proxy_holder (both coop.shareholder)."""
        line = self._line(holder)
        proxy = self._line(proxy_holder)
        line.set_proxy(proxy)
        return line

    @api.multi
    def result_values(self):
        """The figures of the result sheet (PDF and XLSX)."""
        self.ensure_one()
        lines = self.env["coop.share.assembly.holder"].search(
            [("assembly_id", "=", self.id), ("attendance", "!=", "absent")],
            order="attendance desc, holder_number")
        return {"assembly": self, "lines": lines, "resolutions": self.resolution_ids}

    @api.multi
    def export_xlsx(self):
        """The result sheet (bytes): the resolutions with their result and the attendance
        list, written by xlsxwriter in constant-memory mode."""
        self.ensure_one()
        self.check_access_rule("read")
        values = self.result_values()
        handle, path = tempfile.mkstemp(suffix=".xlsx")
        os.close(handle)
        try:
            book = xlsxwriter.Workbook(path, {"constant_memory": True})
            bold = book.add_format({"bold": True})
            sheet = book.add_worksheet(_("Resolutions"))
            sheet.write_row(0, 0, [self.register_id.name, self.name, self.date or "",
                                   self.location or ""], bold)
            sheet.write_row(1, 0, [_("Record date"), self.record_date])
            sheet.write_row(2, 0, [_("Holders entitled"), self.holder_count,
                                   _("Votes in total"), self.votes_total])
            sheet.write_row(3, 0, [_("Present"), self.present_count, _("Represented"),
                                   self.represented_count, _("Votes present or represented"),
                                   self.votes_attending])
            sheet.write_row(5, 0, [_("No."), _("Resolution"), _("Majority"), _("For"),
                                   _("Against"), _("Abstain"), _("Result")], bold)
            majorities = dict(self.env["coop.share.assembly.resolution"]._fields[
                "majority"]._description_selection(self.env))
            results = dict(self.env["coop.share.assembly.resolution"]._fields[
                "result"]._description_selection(self.env))
            for row, resolution in enumerate(values["resolutions"], start=6):
                sheet.write_row(row, 0, [
                    resolution.sequence, resolution.name, majorities[resolution.majority],
                    resolution.votes_for, resolution.votes_against, resolution.votes_abstain,
                    results[resolution.result]])
            sheet = book.add_worksheet(_("Attendance"))
            sheet.write_row(0, 0, [_("Shareholder number"), _("Shareholder"), _("Shares"),
                                   _("Votes"), _("Attendance"), _("Represented by")], bold)
            attendance = dict(self.env["coop.share.assembly.holder"]._fields[
                "attendance"]._description_selection(self.env))
            for row, line in enumerate(values["lines"], start=1):
                sheet.write_row(row, 0, [
                    line.holder_id.number, line.holder_id.display_name, line.shares,
                    line.votes, attendance[line.attendance],
                    line.proxy_line_id.holder_id.display_name or ""])
            book.close()
            with open(path, "rb") as handle_file:
                return handle_file.read()
        finally:
            os.unlink(path)

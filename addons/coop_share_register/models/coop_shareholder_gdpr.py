# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import format_date

from .res_config_settings_gdpr import DEFAULT_RETENTION_YEARS, RETENTION_PARAM

_logger = logging.getLogger(__name__)

MANAGER_GROUP = "coop_share_register.group_dar_manager"
# the holder's personal data; the register keeps number, type, dates, state and language
PERSONAL_FIELDS = ("firstname", "national_number", "company_number", "birthdate", "street",
                   "zip", "city", "country_id", "email", "phone", "iban", "ref", "partner_id")
EXPORT_FIELDS = ("number", "holder_type", "name", "firstname", "national_number",
                 "company_number", "birthdate", "street", "zip", "city", "lang", "email",
                 "phone", "iban", "admission_date", "exit_date", "state", "ref")
# personal data in the change requests of the portal
REQUEST_FIELDS = ("street", "zip", "city", "email", "phone", "iban", "partner_id")
CRON_BATCH = 500


class CoopShareholder(models.Model):
    """Privacy (GDPR): export of a shareholder's data on request, anonymisation of a
    former shareholder once the retention period after the exit date is over. The register
    entries are not touched: they keep their numbers, dates, classes, quantities and
    amounts, and point to the (anonymised) holder by its shareholder number."""

    _inherit = "coop.shareholder"  # pylint: disable=consider-merging-classes-inherited

    anonymised = fields.Boolean(readonly=True, copy=False, index=True)
    anonymised_date = fields.Datetime(string="Anonymised on", readonly=True, copy=False)
    anonymised_uid = fields.Many2one(comodel_name="res.users", string="Anonymised by",
                                     readonly=True, copy=False)

    # Retention ---------------------------------------------------------------

    @api.model
    def _gdpr_retention_years(self):
        """The retention period (years after the exit date) from the settings."""
        value = self.env["ir.config_parameter"].sudo().get_param(
            RETENTION_PARAM, DEFAULT_RETENTION_YEARS)
        try:
            years = int(value)
        except (TypeError, ValueError):
            years = DEFAULT_RETENTION_YEARS
        return max(years, 1)

    @api.multi
    def _gdpr_anonymise_from(self):
        """The first day on which this former holder may be anonymised (a date string),
        or False when the holder has no exit date."""
        self.ensure_one()
        if not self.exit_date:
            return False
        exit_date = fields.Date.from_string(self.exit_date)
        return fields.Date.to_string(exit_date + relativedelta(
            years=self._gdpr_retention_years()))

    @api.model
    def _gdpr_exit_cutoff(self, today=None):
        """Holders who left on or before this date are past the retention period."""
        today = fields.Date.from_string(today or fields.Date.context_today(self))
        return fields.Date.to_string(today - relativedelta(years=self._gdpr_retention_years()))

    @api.multi
    def _gdpr_check_manager(self, operation):
        """Only a manager of the holder's own register (or the DAR administrator)."""
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(_("Only a register manager can export or anonymise a "
                                "shareholder's personal data."))
        self.check_access_rights(operation)
        self.check_access_rule(operation)

    # Export ------------------------------------------------------------------

    @api.multi
    def gdpr_export_data(self):
        """Everything the register holds about this holder, as a JSON-ready dict: the
        person's data, positions, entries, payments and portal change requests. Other
        holders appear by their shareholder number only. Logged (who, when)."""
        self.ensure_one()
        self._gdpr_check_manager("read")
        holder = self.sudo()
        register = holder.register_id
        classes = {c.id: c.code for c in register.class_ids}
        data = {name: holder[name] or None for name in EXPORT_FIELDS}
        data["country"] = holder.country_id.code or None
        entries = self.env["coop.share.entry"].sudo().search(
            ["|", ("holder_to_id", "=", holder.id), ("holder_from_id", "=", holder.id),
             ("state", "!=", "cancel")], order="date, id")
        payments = self.env["coop.share.payment"].sudo().search(
            [("holder_id", "=", holder.id)], order="date, id")
        positions = self.env["coop.share.position"].sudo().compute_positions(
            register, holder_ids=holder.ids)
        result = {
            "register": {"name": register.name, "company_number": register.company_number},
            "exported_on": fields.Datetime.now(),
            "shareholder": data,
            "positions": [{"class": classes.get(p["class_id"]), "shares": p["shares"],
                           "nominal": float(p["nominal"]), "paid": float(p["paid"]),
                           "unpaid": float(p["unpaid"])} for p in positions],
            "entries": [{
                "number": e.number or None, "name": e.name, "date": e.date,
                "type": e.entry_type, "class": e.class_id.code, "quantity": e.quantity,
                "nominal_amount": e.nominal_amount,
                "amount_paid_out": e.amount_paid_out or None,
                "from_holder_number": e.holder_from_id.number or None,
                "to_holder_number": e.holder_to_id.number or None,
                "state": e.state, "board_decision_date": e.board_decision_date or None,
                "note": e.note or None} for e in entries],
            "payments": [{"date": p.date, "amount": p.amount, "entry": p.entry_id.name}
                         for p in payments],
            "change_requests": [{
                "date": r.create_date, "state": r.state,
                "changes": {name: r[name] or None
                            for name in (r.changed_fields or "").split(",") if name}}
                for r in holder.change_request_ids],
        }
        self._gdpr_log("export")
        return result

    @api.multi
    def action_gdpr_export(self):
        """Download the JSON export (the controller checks the access again)."""
        self.ensure_one()
        self._gdpr_check_manager("read")
        return {"type": "ir.actions.act_url", "target": "self",
                "url": "/coop_share_register/privacy_export/%s" % self.id}

    # Anonymisation -----------------------------------------------------------

    @api.multi
    def _gdpr_check_anonymisable(self, today=None):
        """Raise UserError (in the user's language) for a holder that cannot be
        anonymised yet: still a shareholder, no exit date, or within the period."""
        today = today or fields.Date.context_today(self)
        for holder in self:
            if holder.anonymised:
                raise UserError(_("Shareholder %s is already anonymised.") % holder.number)
            if holder.state != "former" or not holder.exit_date:
                raise UserError(_(
                    "Shareholder %s is not a former shareholder with an exit date: only the "
                    "data of a shareholder who left can be anonymised.") % holder.number)
            start = holder._gdpr_anonymise_from()
            if fields.Date.from_string(start) > fields.Date.from_string(today):
                raise UserError(_(
                    "Shareholder %(number)s left on %(exit)s: the register keeps the personal "
                    "data for %(years)s years after the exit, so it can be anonymised from "
                    "%(start)s on.") % {
                        "number": holder.number,
                        "exit": format_date(self.env, holder.exit_date),
                        "years": holder._gdpr_retention_years(),
                        "start": format_date(self.env, start)})

    @api.multi
    def action_anonymise(self):
        """Anonymise these former shareholders now (refused before the end of the
        retention period)."""
        self._gdpr_check_manager("write")
        self._gdpr_check_anonymisable()
        self._gdpr_anonymise("manual")
        return True

    @api.model
    def _anonymise_values(self):
        """The values written on an anonymised holder (a hook)."""
        values = dict.fromkeys(PERSONAL_FIELDS, False)
        values.update(name=_("Anonymised"), anonymised=True,
                      anonymised_date=fields.Datetime.now(), anonymised_uid=self.env.uid)
        return values

    @api.multi
    def _gdpr_anonymise(self, mode):
        """Remove the personal data of these holders: their fields, their portal change
        requests, the messages, followers and attachments of their records, the messages
        sent about them on their entries, and the names kept in the entries' tracking.
        Number, type, language, admission and exit dates stay; so do the entries."""
        if not self:
            return
        uid = self.env.uid
        holders = self.sudo().with_context(tracking_disable=True, lang=self.env.lang)
        values = holders._anonymise_values()
        values["anonymised_uid"] = uid
        holders.write(values)
        requests = holders.mapped("change_request_ids")
        requests.write(dict.fromkeys(REQUEST_FIELDS, False))
        holders._anonymise_related(requests)
        holders._gdpr_log("anonymise", mode=mode, uid=uid)
        _logger.info("privacy: %d former shareholder(s) anonymised (ids %s), mode %s, uid %s",
                     len(holders), holders.ids, mode, uid)

    @api.multi
    def _anonymise_related(self, requests):
        """The traces of these holders outside their own fields (a hook for other
        modules holding personal data of shareholders)."""
        env = self.env
        cr = env.cr
        recipients = env["coop.share.mailing.recipient"].sudo().search(
            [("holder_id", "in", self.ids)])
        # the mailings' archived mails hang on the recipients' messages (deleted with them)
        docs = [("coop.shareholder", self.ids), ("coop.shareholder.change.request",
                                                 requests.ids),
                ("coop.share.mailing.recipient", recipients.ids)]
        for model, ids in docs:
            if not ids:
                continue
            domain = [("model", "=", model), ("res_id", "in", ids)]
            env["mail.message"].sudo().search(domain).unlink()
            env["mail.followers"].sudo().search(
                [("res_model", "=", model), ("res_id", "in", ids)]).unlink()
            env["mail.activity"].sudo().search(
                [("res_model", "=", model), ("res_id", "in", ids)]).unlink()
            env["ir.attachment"].sudo().search(
                [("res_model", "=", model), ("res_id", "in", ids)]).unlink()
        entries = env["coop.share.entry"].sudo().search(
            ["|", ("holder_to_id", "in", self.ids), ("holder_from_id", "in", self.ids)])
        if entries:
            # mails and notes about the holder on the entries (the tracking stays)
            env["mail.message"].sudo().search(
                [("model", "=", "coop.share.entry"), ("res_id", "in", entries.ids),
                 ("message_type", "in", ("email", "comment"))]).unlink()
        # the address a mailing went to and the IBAN a dividend was paid to (the amounts stay)
        if recipients:
            cr.execute("UPDATE coop_share_mailing_recipient SET email = NULL WHERE id IN %s",
                       (tuple(recipients.ids),))
            recipients.invalidate_cache(["email"])
        cr.execute("UPDATE coop_share_dividend_line SET iban = NULL WHERE holder_id IN %s",
                   (tuple(self.ids),))
        env["coop.share.dividend.line"].invalidate_cache(["iban"])
        for holder in self:
            # the tracking of the entries kept the holder's name: keep only the number
            for side in ("old", "new"):
                # the column names come from this loop, not from input
                cr.execute(  # pylint: disable=sql-injection
                    """
                    UPDATE mail_tracking_value v SET {side}_value_char = %s
                      FROM mail_message m
                     WHERE m.id = v.mail_message_id AND m.model = 'coop.share.entry'
                       AND v.field IN ('holder_to_id', 'holder_from_id')
                       AND v.{side}_value_integer = %s""".format(side=side),
                    (holder.display_name, holder.id))

    @api.multi
    def _gdpr_log(self, action, mode="manual", uid=None):
        Log = self.env["coop.shareholder.privacy.log"].sudo()
        for holder in self:
            Log.create({"register_id": holder.register_id.id, "holder_id": holder.id,
                        "holder_number": holder.number, "action": action, "mode": mode,
                        "user_id": uid or self.env.uid})

    @api.model
    def _cron_anonymise(self, today=None):
        """Anonymise the former shareholders whose retention period is over (as of today,
        a date string for tests), in batches. Returns how many."""
        cutoff = self._gdpr_exit_cutoff(today)
        holders = self.sudo().search([
            ("state", "=", "former"), ("anonymised", "=", False),
            ("exit_date", "!=", False), ("exit_date", "<=", cutoff)])
        for start in range(0, len(holders), CRON_BATCH):
            holders[start:start + CRON_BATCH]._gdpr_anonymise("cron")
        return len(holders)

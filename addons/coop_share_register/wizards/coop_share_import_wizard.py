# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Import of an existing register (shareholders and entries) from CSV or XLSX.

Every row is checked first and every problem reported by row and column; then the rows
are written in batches through the ORM cursor (the access rights are checked up front)
inside a savepoint, the register's invariants are checked on the result in one query, and
the savepoint is released only when nothing is wrong: all or nothing. Rows whose external
reference is already in the register are left alone, so importing a file twice changes
nothing the second time.
"""
import base64
import csv
import datetime
import io
import re

from psycopg2.extras import execute_values

from odoo import _, api, fields, models
from odoo.addons.base_iban.models.res_partner_bank import normalize_iban, validate_iban
from odoo.exceptions import AccessError, ValidationError

from ..models.coop_share_entry import EXITS, NEEDS_FROM, NEEDS_TO
from ..models.validators import (digits, format_company_number, is_valid_company_number,
                                 is_valid_national_number)

HOLDER_COLUMNS = ("ref", "type", "name", "firstname", "national_number", "company_number",
                  "birthdate", "street", "zip", "city", "country", "lang", "email", "phone",
                  "iban", "admission_date")
HOLDER_REQUIRED = ("ref", "type", "name")
ENTRY_COLUMNS = ("ref", "date", "type", "class", "quantity", "from_holder", "to_holder",
                 "to_class", "to_quantity", "board_decision_date", "board_decision_ref",
                 "amount_paid_out", "paid_amount", "note")
ENTRY_REQUIRED = ("ref", "date", "type", "class", "quantity")
ENTRY_TYPES = ("subscription", "transfer", "transmission", "redemption", "exclusion",
               "conversion")
LANGS = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_US", "nl_be": "nl_BE", "fr_be": "fr_BE",
         "en_us": "en_US"}
BATCH = 2000


class ImportProblems(Exception):
    """The list of problems found in the file(s)."""


class CoopShareImportWizard(models.TransientModel):
    _name = "coop.share.import.wizard"
    _description = "Import of a share register"

    register_id = fields.Many2one(
        comodel_name="coop.share.register", string="Register", required=True,
        default=lambda self: self.env.user.coop_register_ids[:1])
    holder_file = fields.Binary(string="Shareholders file", attachment=False)
    holder_filename = fields.Char()
    entry_file = fields.Binary(string="Entries file", attachment=False)
    entry_filename = fields.Char()
    report = fields.Text(readonly=True)
    state = fields.Selection(
        selection=[("new", "New"), ("checked", "Checked"), ("failed", "Problems found"),
                   ("done", "Imported")], default="new", readonly=True)

    # Actions -----------------------------------------------------------------

    @api.multi
    def action_dry_run(self):
        self.ensure_one()
        result = self.import_files(self.register_id, self._file(self.holder_file),
                                   self._file(self.entry_file), dry_run=True)
        return self._show(result)

    @api.multi
    def action_import(self):
        self.ensure_one()
        result = self.import_files(self.register_id, self._file(self.holder_file),
                                   self._file(self.entry_file), dry_run=False)
        return self._show(result)

    @api.multi
    def _show(self, result):
        if result["problems"]:
            state = "failed"
            text = _("%s problem(s) found; nothing was written.") % len(result["problems"])
            text += "\n" + "\n".join(result["problems"])
        else:
            state = "checked" if result["dry_run"] else "done"
            text = (_("Check only: nothing was written.\n") if result["dry_run"] else "") + _(
                "Shareholders: %(holders_new)s new, %(holders_known)s already in the "
                "register.\nEntries: %(entries_new)s new, %(entries_known)s already in the "
                "register.") % result
        self.write({"report": text, "state": state})
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id,
                "view_mode": "form", "target": "new"}

    @api.model
    def _file(self, data):
        return base64.b64decode(data) if data else None

    # Parsing -----------------------------------------------------------------

    @api.model
    def _read_table(self, content, label):
        """Rows of a CSV (UTF-8) or XLSX file as (row number, {column: text}) and its
        header. XLSX dates come back as YYYY-MM-DD."""
        if content[:2] == b"PK":
            return self._read_xlsx(content, label)
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ImportProblems([_(
                "%s: the file is not encoded in UTF-8 (perhaps Latin-1 or Windows-1252). "
                "Save it as 'CSV UTF-8' and upload it again.") % label])
        sample = text[:4096]
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        header = [h.strip().lower() for h in next(reader, [])]
        rows = []
        for number, values in enumerate(reader, start=2):
            if not any(v.strip() for v in values):
                continue
            rows.append((number, dict(zip(header, (v.strip() for v in values)))))
        return header, rows

    @api.model
    def _read_xlsx(self, content, label):
        import xlrd
        try:
            book = xlrd.open_workbook(file_contents=content)
        except Exception:
            raise ImportProblems([_("%s: the file cannot be read as an XLSX workbook.")
                                  % label])
        sheet = book.sheet_by_index(0)
        if not sheet.nrows:
            return [], []
        header = [str(v).strip().lower() for v in sheet.row_values(0)]
        rows = []
        for r in range(1, sheet.nrows):
            values = []
            for cell in sheet.row(r):
                if cell.ctype == xlrd.XL_CELL_DATE:
                    values.append(xlrd.xldate.xldate_as_datetime(
                        cell.value, book.datemode).strftime("%Y-%m-%d"))
                elif cell.ctype == xlrd.XL_CELL_NUMBER and cell.value == int(cell.value):
                    values.append(str(int(cell.value)))
                else:
                    values.append(str(cell.value).strip())
            if any(values):
                rows.append((r + 1, dict(zip(header, values))))
        return header, rows

    @api.model
    def _problem(self, label, number, column, message):
        return _("%(file)s, row %(row)s, column '%(column)s': %(message)s") % {
            "file": label, "row": number, "column": column, "message": message}

    @api.model
    def _check_header(self, header, columns, required, label, problems):
        for col in header:
            if col not in columns:
                problems.append(_(
                    "%(file)s, row 1, column '%(column)s': unknown column (expected: "
                    "%(expected)s).") % {"file": label, "column": col,
                                         "expected": ", ".join(columns)})
        for col in required:
            if col not in header:
                problems.append(_("%(file)s, row 1: the column '%(column)s' is missing.")
                                % {"file": label, "column": col})

    # Cell converters: return a value or append a problem ----------------------

    @staticmethod
    def _date(value):
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", value or ""):
            raise ValueError
        return datetime.datetime.strptime(value, "%Y-%m-%d").date()

    @staticmethod
    def _amount(value):
        if not re.match(r"^-?\d+([.,]\d{1,2})?$", value or ""):
            raise ValueError
        return float(value.replace(",", "."))

    # Import ------------------------------------------------------------------

    @api.model
    def import_files(self, register, holder_content=None, entry_content=None,
                     dry_run=True):
        """Check (and unless dry_run, write) the files. Returns a dict with problems (a
        list of sentences by row and column) and the counts. Writes nothing on any
        problem."""
        Entry = self.env["coop.share.entry"]
        Holder = self.env["coop.shareholder"]
        register = register.with_env(self.env)
        register.check_access_rights("read")
        register.check_access_rule("read")
        if not dry_run:
            if not self.env.user.has_group("coop_share_register.group_dar_manager"):
                raise AccessError(_("Only a register manager can import into a register; "
                                    "the helpdesk can check files."))
            for model in (Holder, Entry, self.env["coop.share.payment"]):
                model.check_access_rights("create")
            register.check_access_rule("write")
        result = {"problems": [], "dry_run": dry_run, "holders_new": 0, "holders_known": 0,
                  "entries_new": 0, "entries_known": 0}
        try:
            holders = self._parse_holders(register, holder_content) if holder_content else []
            entries = self._parse_entries(register, entry_content, holders) \
                if entry_content else []
        except ImportProblems as problems:
            result["problems"] = problems.args[0]
            return result
        result["holders_new"] = len([h for h in holders if not h.get("known")])
        result["holders_known"] = len(holders) - result["holders_new"]
        result["entries_new"] = len([e for e in entries if not e.get("known")])
        result["entries_known"] = len(entries) - result["entries_new"]
        cr = self.env.cr
        cr.execute("SAVEPOINT coop_dar_import")
        try:
            self._write_rows(register, holders, entries)
            problems = self._check_invariants(register, entries)
        except Exception:
            cr.execute("ROLLBACK TO SAVEPOINT coop_dar_import")
            raise
        if problems or dry_run:
            cr.execute("ROLLBACK TO SAVEPOINT coop_dar_import")
        else:
            cr.execute("RELEASE SAVEPOINT coop_dar_import")
        # the ORM cache may hold rows of the rolled back savepoint
        self.invalidate_cache()
        result["problems"] = problems
        return result

    @api.model
    def _parse_holders(self, register, content):
        label = _("Shareholders")
        header, rows = self._read_table(content, label)
        problems = []
        self._check_header(header, HOLDER_COLUMNS, HOLDER_REQUIRED, label, problems)
        if problems:
            raise ImportProblems(problems)
        self.env.cr.execute("SELECT ref, id FROM coop_shareholder WHERE register_id = %s "
                            "AND ref IS NOT NULL", (register.id,))
        known = dict(self.env.cr.fetchall())
        countries = {c.code.upper(): c.id for c in self.env["res.country"].search([])}
        seen, result = {}, []
        for number, row in rows:
            def bad(column, message, number=number):
                problems.append(self._problem(label, number, column, message))
            vals = {"row": number}
            for col in HOLDER_REQUIRED:
                if not row.get(col):
                    bad(col, _("a value is required."))
            ref = row.get("ref")
            if ref in seen:
                bad("ref", _("duplicate row: reference %(ref)s is already on row %(row)s.")
                    % {"ref": ref, "row": seen[ref]})
            seen[ref] = number
            vals["ref"] = ref
            htype = row.get("type", "")
            if htype and htype not in ("person", "company"):
                bad("type", _("'%s' is not 'person' or 'company'.") % htype)
            vals["holder_type"] = htype
            vals["name"] = row.get("name")
            vals["firstname"] = row.get("firstname") or None
            nn = row.get("national_number")
            if nn and not is_valid_national_number(nn):
                bad("national_number", _("%s is not a valid Belgian national number.") % nn)
            vals["national_number"] = digits(nn) or None
            cn = row.get("company_number")
            if cn and not is_valid_company_number(cn):
                bad("company_number", _("%s is not a valid Belgian company number.") % cn)
            vals["company_number"] = format_company_number(cn) if cn else None
            for col in ("birthdate", "admission_date"):
                vals[col] = None
                if row.get(col):
                    try:
                        vals[col] = self._date(row[col])
                    except ValueError:
                        bad(col, _("'%s' is not a date in the form YYYY-MM-DD.") % row[col])
            iban = row.get("iban")
            vals["iban"] = None
            if iban:
                try:
                    validate_iban(iban)
                    vals["iban"] = normalize_iban(iban).upper()
                except ValidationError:
                    bad("iban", _("%s is not a valid IBAN.") % iban)
            country = (row.get("country") or "BE").upper()
            if country not in countries:
                bad("country", _("unknown country code %s.") % country)
            vals["country_id"] = countries.get(country)
            lang = (row.get("lang") or "nl").lower()
            if lang not in LANGS:
                bad("lang", _("'%s' is not nl, fr or en.") % lang)
            vals["lang"] = LANGS.get(lang)
            for col in ("street", "zip", "city", "email", "phone"):
                vals[col] = row.get(col) or None
            vals["known"] = known.get(ref)
            result.append(vals)
        if problems:
            raise ImportProblems(problems)
        return result

    @api.model
    def _parse_entries(self, register, content, holders):
        label = _("Entries")
        header, rows = self._read_table(content, label)
        problems = []
        self._check_header(header, ENTRY_COLUMNS, ENTRY_REQUIRED, label, problems)
        if problems:
            raise ImportProblems(problems)
        cr = self.env.cr
        cr.execute("SELECT ref, id FROM coop_share_entry WHERE register_id = %s "
                   "AND ref IS NOT NULL", (register.id,))
        known = dict(cr.fetchall())
        cr.execute("SELECT ref FROM coop_shareholder WHERE register_id = %s "
                   "AND ref IS NOT NULL", (register.id,))
        holder_refs = {r[0] for r in cr.fetchall()} | {h["ref"] for h in holders}
        classes = {c.code: c for c in self.env["coop.share.class"].search(
            [("register_id", "=", register.id)])}
        today = fields.Date.from_string(fields.Date.context_today(self))
        seen, result = {}, []
        for number, row in rows:
            def bad(column, message, number=number):
                problems.append(self._problem(label, number, column, message))
            vals = {"row": number}
            for col in ENTRY_REQUIRED:
                if not row.get(col):
                    bad(col, _("a value is required."))
            ref = row.get("ref")
            if ref in seen:
                bad("ref", _("duplicate row: reference %(ref)s is already on row %(row)s.")
                    % {"ref": ref, "row": seen[ref]})
            seen[ref] = number
            vals["ref"] = ref
            etype = row.get("type", "")
            if etype and etype not in ENTRY_TYPES:
                bad("type", _("'%(value)s' is not one of %(allowed)s.") % {
                    "value": etype, "allowed": ", ".join(ENTRY_TYPES)})
            vals["entry_type"] = etype
            vals["date"] = None
            if row.get("date"):
                try:
                    vals["date"] = self._date(row["date"])
                    if vals["date"] > today:
                        bad("date", _("%s is in the future.") % row["date"])
                except ValueError:
                    bad("date", _("'%s' is not a date in the form YYYY-MM-DD.") % row["date"])
            vals["board_decision_date"] = None
            if row.get("board_decision_date"):
                try:
                    vals["board_decision_date"] = self._date(row["board_decision_date"])
                except ValueError:
                    bad("board_decision_date", _("'%s' is not a date in the form "
                                                 "YYYY-MM-DD.") % row["board_decision_date"])
            for col, required in (("class", True), ("to_class", etype == "conversion")):
                code = row.get(col)
                vals[col] = None
                if code and code not in classes:
                    bad(col, _("unknown share class %s in this register.") % code)
                elif code:
                    vals[col] = classes[code]
                elif required and col != "class":
                    bad(col, _("a value is required for this type."))
            for col, required in (("quantity", True), ("to_quantity", etype == "conversion")):
                value = row.get(col)
                vals[col] = None
                if value:
                    if not re.match(r"^-?\d+$", value):
                        bad(col, _("'%s' is not a whole number.") % value)
                    elif int(value) <= 0:
                        bad(col, _("the number of shares must be positive."))
                    else:
                        vals[col] = int(value)
                elif required and col != "quantity":
                    bad(col, _("a value is required for this type."))
            for col in ("amount_paid_out", "paid_amount"):
                value = row.get(col)
                vals[col] = None
                if value:
                    try:
                        vals[col] = self._amount(value)
                        if vals[col] < 0:
                            bad(col, _("the amount cannot be negative."))
                    except ValueError:
                        bad(col, _("'%s' is not an amount (e.g. 250.00).") % value)
            for col, needed in (("from_holder", etype in NEEDS_FROM),
                                ("to_holder", etype in NEEDS_TO)):
                value = row.get(col)
                vals[col] = value or None
                if needed and not value:
                    bad(col, _("a value is required for this type."))
                elif value and value not in holder_refs:
                    bad(col, _("unknown shareholder %s in this register.") % value)
            if etype == "conversion" and not row.get("to_holder"):
                vals["to_holder"] = vals["from_holder"]
            if etype in ("transfer", "transmission") and vals["from_holder"] and \
                    vals["from_holder"] == vals["to_holder"]:
                bad("to_holder", _("a holder cannot transfer shares to himself."))
            if vals["paid_amount"] and etype != "subscription":
                bad("paid_amount", _("payments are only registered on subscriptions."))
            if etype in EXITS and vals["amount_paid_out"] is None:
                vals["amount_paid_out"] = 0.0
            vals["board_decision_ref"] = row.get("board_decision_ref") or None
            vals["note"] = row.get("note") or None
            vals["known"] = known.get(ref)
            result.append(vals)
        if problems:
            raise ImportProblems(problems)
        return result

    @api.model
    def _write_rows(self, register, holders, entries):
        """Insert the new rows in batches (the file has been checked)."""
        cr, uid = self.env.cr, self.env.uid
        now = fields.Datetime.now()
        new_holders = [h for h in holders if not h["known"]]
        if new_holders:
            numbers = register._next_number("holder", len(new_holders))
            rows = []
            for vals, number in zip(new_holders, numbers):
                name = " ".join(p for p in (vals["firstname"], vals["name"]) if p)
                rows.append((
                    register.id, number, vals["holder_type"], vals["name"], vals["firstname"],
                    "%s %s" % (number, name), vals["national_number"],
                    vals["company_number"], vals["birthdate"], vals["street"], vals["zip"],
                    vals["city"], vals["country_id"], vals["lang"], vals["email"],
                    vals["phone"], vals["iban"], vals["admission_date"], "candidate",
                    vals["ref"], uid, now, uid, now))
            execute_values(cr, """
                INSERT INTO coop_shareholder (register_id, number, holder_type, name,
                    firstname, display_name, national_number, company_number, birthdate,
                    street, zip, city, country_id, lang, email, phone, iban, admission_date,
                    state, ref, create_uid, create_date, write_uid, write_date)
                VALUES %s""", rows, page_size=BATCH)
        new_entries = [e for e in entries if not e["known"]]
        if not new_entries:
            return
        cr.execute("SELECT ref, id FROM coop_shareholder WHERE register_id = %s "
                   "AND ref IS NOT NULL", (register.id,))
        holder_ids = dict(cr.fetchall())
        new_entries.sort(key=lambda e: (e["date"], e["row"]))
        numbers = register._next_number("entry", len(new_entries))
        prefix = self.env["coop.share.entry"]._name_prefix()
        rows = []
        for vals, number in zip(new_entries, numbers):
            vals["number"] = number
            nominal = vals["quantity"] * vals["class"].nominal_value
            rows.append((
                register.id, number, "%s/%06d" % (prefix, number), vals["ref"],
                vals["entry_type"], vals["entry_type"], 1, vals["date"], vals["class"].id,
                vals["to_class"].id if vals["to_class"] else None, vals["quantity"],
                vals["to_quantity"], nominal, holder_ids.get(vals["from_holder"]),
                holder_ids.get(vals["to_holder"]), vals["board_decision_date"],
                vals["board_decision_ref"], vals["note"], vals["amount_paid_out"],
                "confirmed", uid, now, uid, now, uid, now))
        execute_values(cr, """
            INSERT INTO coop_share_entry (register_id, number, name, ref, entry_type,
                effect_type, sign, date, class_id, to_class_id, quantity, to_quantity,
                nominal_amount, holder_from_id, holder_to_id, board_decision_date,
                board_decision_ref, note, amount_paid_out, state, confirm_uid, confirm_date,
                create_uid, create_date, write_uid, write_date)
            VALUES %s""", rows, page_size=BATCH)
        payments = [e for e in new_entries if e["paid_amount"]]
        if payments:
            cr.execute("SELECT ref, id FROM coop_share_entry WHERE register_id = %s "
                       "AND ref = ANY(%s)", (register.id, [e["ref"] for e in payments]))
            entry_ids = dict(cr.fetchall())
            execute_values(cr, """
                INSERT INTO coop_share_payment (entry_id, register_id, holder_id, date,
                    amount, create_uid, create_date, write_uid, write_date)
                VALUES %s""", [(
                    entry_ids[e["ref"]], register.id, holder_ids[e["to_holder"]], e["date"],
                    e["paid_amount"], uid, now, uid, now) for e in payments], page_size=BATCH)
        if len(new_entries) > 1000:
            # fresh statistics for the planner after a large import
            cr.execute("ANALYZE coop_share_entry")
            cr.execute("ANALYZE coop_shareholder")
            cr.execute("ANALYZE coop_share_payment")
        # holders who hold shares now are shareholders, those who left are former ones
        cr.execute("""
            WITH held AS (
                SELECT holder_id, SUM(qty) AS qty, MIN(date) AS first, MAX(date) AS last
                  FROM coop_share_movement WHERE register_id = %s GROUP BY holder_id)
            UPDATE coop_shareholder h
               SET state = CASE WHEN held.qty > 0 THEN 'active' ELSE 'former' END,
                   admission_date = COALESCE(h.admission_date, held.first),
                   exit_date = CASE WHEN held.qty > 0 THEN NULL ELSE held.last END
              FROM held WHERE held.holder_id = h.id AND h.register_id = %s""",
                   (register.id, register.id))

    @api.model
    def _check_invariants(self, register, entries):
        """After the insert: no negative holding at any date, the register's limits, and
        payments within the nominal amount; problems point at the file's rows."""
        cr = self.env.cr
        problems = []
        by_number = {e.get("number"): e["row"] for e in entries if e.get("number")}
        cr.execute("""
            WITH days AS (
                SELECT holder_id, class_id, date, SUM(qty) AS qty, MAX(entry_id) AS entry_id
                  FROM coop_share_movement WHERE register_id = %s
                 GROUP BY holder_id, class_id, date
            ), running AS (
                SELECT holder_id, class_id, date, entry_id,
                       SUM(qty) OVER (PARTITION BY holder_id, class_id ORDER BY date) AS held
                  FROM days)
            SELECT h.ref, c.code, r.date, r.held, e.number FROM running r
              JOIN coop_shareholder h ON h.id = r.holder_id
              JOIN coop_share_class c ON c.id = r.class_id
              JOIN coop_share_entry e ON e.id = r.entry_id
             WHERE r.held < 0 ORDER BY r.date LIMIT 100""", (register.id,))
        for ref, code, date, held, number in cr.fetchall():
            problems.append(_(
                "Entries, row %(row)s: shareholder %(holder)s would hold %(shares)s shares of "
                "class %(share_class)s on %(date)s (more shares given up than held).") % {
                    "row": by_number.get(number, "?"), "holder": ref, "shares": held,
                    "share_class": code, "date": date})
        if register.min_shares or register.max_shares:
            cr.execute("""
                WITH days AS (
                    SELECT holder_id, date, SUM(qty) AS qty, MAX(entry_id) AS entry_id
                      FROM coop_share_movement WHERE register_id = %s
                     GROUP BY holder_id, date
                ), running AS (
                    SELECT holder_id, date, entry_id,
                           SUM(qty) OVER (PARTITION BY holder_id ORDER BY date) AS held
                      FROM days)
                SELECT h.ref, r.date, r.held, e.number FROM running r
                  JOIN coop_shareholder h ON h.id = r.holder_id
                  JOIN coop_share_entry e ON e.id = r.entry_id
                 WHERE r.entry_id = ANY(%s) AND r.held > 0
                   AND (r.held < %s OR (%s > 0 AND r.held > %s))
                 ORDER BY r.date LIMIT 100""", (
                register.id, [] if not entries else self._new_entry_ids(register, entries),
                register.min_shares, register.max_shares, register.max_shares))
            for ref, date, held, number in cr.fetchall():
                problems.append(_(
                    "Entries, row %(row)s: shareholder %(holder)s would hold %(shares)s shares "
                    "on %(date)s, outside the register's limits (minimum %(min)s, maximum "
                    "%(max)s).") % {
                        "row": by_number.get(number, "?"), "holder": ref, "shares": held,
                        "date": date, "min": register.min_shares,
                        "max": register.max_shares or "-"})
        cr.execute("""
            SELECT e.number FROM coop_share_payment p
              JOIN coop_share_entry e ON e.id = p.entry_id
             WHERE e.register_id = %s GROUP BY e.id, e.number
            HAVING SUM(p.amount) > MAX(e.nominal_amount) LIMIT 100""", (register.id,))
        for (number,) in cr.fetchall():
            problems.append(_("Entries, row %s, column 'paid_amount': more than the nominal "
                              "amount of the subscription.") % by_number.get(number, "?"))
        return problems

    @api.model
    def _new_entry_ids(self, register, entries):
        numbers = [e["number"] for e in entries if e.get("number")]
        self.env.cr.execute("SELECT id FROM coop_share_entry WHERE register_id = %s AND "
                            "number = ANY(%s)", (register.id, numbers))
        return [r[0] for r in self.env.cr.fetchall()]

    @api.model
    def example_csv(self, kind):
        """The example file of the documented template (readme/USAGE.rst)."""
        if kind == "holders":
            lines = [",".join(HOLDER_COLUMNS),
                     "H0001,person,Peeters,An,85073003328,,1985-07-30,Kerkstraat 1,9000,Gent,"
                     "BE,nl,an.peeters@example.org,+32 9 123 45 67,BE71096123456769,2019-03-01",
                     "H0002,company,Zonnige Buren cv,,,0403.170.701,,Marktplein 3,2000,"
                     "Antwerpen,BE,nl,info@example.org,,,2019-04-15"]
        else:
            lines = [",".join(ENTRY_COLUMNS),
                     "E0001,2019-03-01,subscription,A,4,,H0001,,,2019-02-20,RvB 2019/02,,"
                     "250.00,",
                     "E0002,2019-04-15,subscription,A,10,,H0002,,,2019-04-10,RvB 2019/04,,"
                     "1250.00,",
                     "E0003,2020-05-04,transfer,A,2,H0001,H0002,,,2020-04-28,RvB 2020/04,,,"
                     "Overdracht tussen aandeelhouders"]
        return ("\n".join(lines) + "\n").encode("utf-8")

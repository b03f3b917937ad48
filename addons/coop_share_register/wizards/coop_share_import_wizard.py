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
import csv
import datetime
import io
import re

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.coop_website.tools.formatting import share_count
from odoo.addons.coop_website.tools.validators import (
    normalise_company_number, normalise_iban, normalise_national_number)

from ..models.coop_share_entry import EXITS, NEEDS_FROM, NEEDS_TO

HOLDER_COLUMNS = ("ref", "type", "name", "firstname", "national_number", "company_number",
                  "birthdate", "street", "zip", "city", "country", "lang", "email", "phone",
                  "iban", "admission_date")
HOLDER_REQUIRED = ("ref", "type", "name")
ENTRY_COLUMNS = ("ref", "date", "type", "class", "quantity", "from_holder", "to_holder",
                 "to_class", "to_quantity", "board_decision_date", "board_decision_ref",
                 "amount_paid_out", "paid_amount", "corrects", "note")
ENTRY_REQUIRED = ("ref", "date", "type", "class", "quantity")
ENTRY_TYPES = ("subscription", "transfer", "transmission", "redemption", "exclusion",
               "conversion", "correction")
LANGS = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_US", "nl_be": "nl_BE", "fr_be": "fr_BE",
         "en_us": "en_US"}
PROGRESS_ROWS = 5000  # rows between two progress reports
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
AMOUNT_RE = re.compile(r"^-?\d+([.,]\d{1,2})?$")
INTEGER_RE = re.compile(r"^-?\d+$")


class ImportProblems(Exception):
    """The list of problems found in the file(s)."""


class CellError(Exception):
    """The problem of one cell (its message)."""


class CoopShareImportWizard(models.TransientModel):
    _name = "coop.share.import.wizard"
    _inherit = ["coop.share.staff.mixin"]
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
        self._coop_check_staff_records()
        return self._run(dry_run=True)

    @api.multi
    def action_import(self):
        self._coop_check_staff_records()
        return self._run(dry_run=False)

    @api.multi
    def _run(self, dry_run):
        """Small files at once; large ones as a background job whose progress the
        register's staff follow (Tools > Background jobs)."""
        self.ensure_one()
        holders, entries = self._file(self.holder_file), self._file(self.entry_file)
        lines = sum(c.count(b"\n") for c in (holders, entries) if c and c[:2] != b"PK")
        size = sum(len(c) for c in (holders, entries) if c)
        if lines > self._background_rows() or size > self._background_rows() * 200:
            job_rec = self.env["coop.share.register.job"].start(
                self.register_id, "import", dry_run=dry_run, holder_file=self.holder_file,
                entry_file=self.entry_file)
            return job_rec.action_open()
        result = self.import_files(self.register_id, holders, entries, dry_run=dry_run)
        return self._show(result)

    @api.model
    def _background_rows(self):
        """Files of more rows than this are imported as a background job (a hook)."""
        return 5000

    @api.model
    def _result_text(self, result):
        if result["problems"]:
            text = _("%s problem(s) found; nothing was written.") % len(result["problems"])
            return text + "\n" + "\n".join(result["problems"])
        return (_("Check only: nothing was written.\n") if result["dry_run"] else "") + _(
            "Shareholders: %(holders_new)s new, %(holders_known)s already in the "
            "register.\nEntries: %(entries_new)s new, %(entries_known)s already in the "
            "register.") % result

    @api.multi
    def _show(self, result):
        if result["problems"]:
            state = "failed"
        else:
            state = "checked" if result["dry_run"] else "done"
        self.write({"report": self._result_text(result), "state": state})
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id,
                "view_mode": "form", "target": "new"}

    @api.model
    def _file(self, data):
        """The uploaded file's bytes; its size is checked before it is decoded."""
        return self.env["coop.upload"]._coop_check_upload(data) if data else None

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

    # Cell converters: return the value or raise CellError with the message ----

    @staticmethod
    def _date(value):
        if not DATE_RE.match(value or ""):
            raise ValueError
        # datetime.date checks the day of the month (ValueError); faster than strptime
        return datetime.date(int(value[:4]), int(value[5:7]), int(value[8:10]))

    @staticmethod
    def _amount(value):
        if not AMOUNT_RE.match(value or ""):
            raise ValueError
        return float(value.replace(",", "."))

    @api.model
    def _cell_date(self, value):
        try:
            return self._date(value)
        except ValueError:
            raise CellError(_("'%s' is not a date in the form YYYY-MM-DD.") % value)

    @api.model
    def _cell_past_date(self):
        """A converter to a date not after today (today taken once, not per cell)."""
        today = fields.Date.from_string(fields.Date.context_today(self))

        def convert(value):
            date = self._cell_date(value)
            if date > today:
                raise CellError(_("%s is in the future.") % value)
            return date
        return convert

    @api.model
    def _cell_amount(self, value):
        try:
            amount = self._amount(value)
        except ValueError:
            raise CellError(_("'%s' is not an amount (e.g. 250.00).") % value)
        if amount < 0:
            raise CellError(_("the amount cannot be negative."))
        return amount

    @api.model
    def _cell_shares(self, value):
        if not INTEGER_RE.match(value):
            raise CellError(_("'%s' is not a whole number.") % value)
        if int(value) <= 0:
            raise CellError(_("the number of shares must be positive."))
        return int(value)

    @api.model
    def _cell_choice(self, choices, message):
        """A converter to one of choices ({text: value}); message names the allowed texts."""
        def convert(value):
            if value.lower() not in choices:
                raise CellError(message % value)
            return choices[value.lower()]
        return convert

    @api.model
    def _cell_entry_type(self, value):
        if value not in ENTRY_TYPES:
            raise CellError(_("'%(value)s' is not one of %(allowed)s.") % {
                "value": value, "allowed": ", ".join(ENTRY_TYPES)})
        return value

    @api.model
    def _cell_lookup(self, known, message):
        """A converter that keeps a value found in known (a set or dict)."""
        def convert(value):
            if value not in known:
                raise CellError(message % value)
            return known[value] if isinstance(known, dict) else value
        return convert

    @api.model
    def _cell_national_number(self, value):
        number = normalise_national_number(value)
        if not number:
            raise CellError(_("%s is not a valid Belgian national number.") % value)
        return number

    @api.model
    def _cell_company_number(self, value):
        number = normalise_company_number(value)
        if not number:
            raise CellError(_("%s is not a valid Belgian company number.") % value)
        return number

    @api.model
    def _cell_iban(self, value):
        iban = normalise_iban(value)
        if not iban:
            raise CellError(_("%s is not a valid IBAN.") % value)
        return iban

    # Import ------------------------------------------------------------------

    @api.model
    def import_files(self, register, holder_content=None, entry_content=None,
                     dry_run=True, progress=None):
        """Check (and unless dry_run, write) the files. Returns a dict with problems (a
        list of sentences by row and column) and the counts. Writes nothing on any
        problem. progress(done, total, message), if given, is told how far it got."""
        progress = progress or (lambda done, total, message: None)
        # size and zip bombs, before anything parses the files (20 MB, a setting)
        Upload = self.env["coop.upload"]
        for content, label in ((holder_content, _("The shareholders file")),
                               (entry_content, _("The entries file"))):
            if content:
                Upload._coop_check_upload(content, label, encoded=False)
        Entry = self.env["coop.share.entry"]
        Holder = self.env["coop.shareholder"]
        register = register.with_env(self.env)
        self._coop_check_staff(register)
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
            holders = self._parse_holders(register, holder_content, progress) \
                if holder_content else []
            entries = self._parse_entries(register, entry_content, holders, progress) \
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
            progress(1, 3, _("Writing %(holders)s shareholders and %(entries)s entries") % {
                "holders": result["holders_new"], "entries": result["entries_new"]})
            self._write_rows(register, holders, entries)
            progress(2, 3, _("Checking the register's rules"))
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

    # The one validation routine of every file ----------------------------------

    @api.model
    def _validate_rows(self, label, content, columns, required, cells, check_row,
                       progress=None, row_required=None):
        """Read content (CSV or XLSX) and check it: the header, then on every row the
        required columns, duplicate references, each cell through its converter (cells:
        [(column, converter)]) and the entity's rules across columns (check_row(row, vals,
        bad)). Returns the rows' values; raises ImportProblems with every problem by row
        and column."""
        header, rows = self._read_table(content, label)
        problems = []
        self._check_header(header, columns, required, label, problems)
        if problems:
            raise ImportProblems(problems)
        seen, result = {}, []
        for count, (number, row) in enumerate(rows, start=1):
            def bad(column, message, number=number):
                problems.append(self._problem(label, number, column, message))
            vals = {"row": number}
            for col in (required if row_required is None else row_required):
                if not row.get(col):
                    bad(col, _("a value is required."))
            ref = row.get("ref")
            if ref and ref in seen:
                bad("ref", _("duplicate row: reference %(ref)s is already on row %(row)s.")
                    % {"ref": ref, "row": seen[ref]})
            seen.setdefault(ref, number)
            for col, convert in cells:
                vals[col] = None
                value = row.get(col)
                if value:
                    try:
                        vals[col] = convert(value)
                    except CellError as error:
                        bad(col, error.args[0])
            check_row(row, vals, bad)
            result.append(vals)
            if progress and not count % PROGRESS_ROWS:
                progress(count, len(rows), _("%(file)s: %(count)s of %(total)s rows "
                                             "checked") % {"file": label, "count": count,
                                                           "total": len(rows)})
        if problems:
            raise ImportProblems(problems)
        return result

    @api.model
    def _parse_holders(self, register, content, progress=None):
        self.env.cr.execute("SELECT ref, id FROM coop_shareholder WHERE register_id = %s "
                            "AND ref IS NOT NULL", (register.id,))
        known = dict(self.env.cr.fetchall())
        countries = {c.code.lower(): c.id for c in self.env["res.country"].search([])}
        text = lambda v: v  # noqa: E731
        cells = [
            ("ref", text), ("name", text), ("firstname", text),
            ("type", self._cell_choice({"person": "person", "company": "company"},
                                       _("'%s' is not 'person' or 'company'."))),
            ("national_number", self._cell_national_number),
            ("company_number", self._cell_company_number),
            ("birthdate", self._cell_date), ("admission_date", self._cell_date),
            ("iban", self._cell_iban),
            ("country", self._cell_choice(countries, _("unknown country code %s."))),
            ("lang", self._cell_choice(LANGS, _("'%s' is not nl, fr or en."))),
            ("street", text), ("zip", text), ("city", text), ("email", text),
            ("phone", text),
        ]

        def check_row(row, vals, bad):
            vals["holder_type"] = vals.pop("type")
            if not row.get("country"):
                vals["country"] = countries.get("be")
            vals["country_id"] = vals.pop("country")
            if not row.get("lang"):
                vals["lang"] = LANGS["nl"]
            vals["known"] = known.get(vals["ref"])
        return self._validate_rows(_("Shareholders"), content, HOLDER_COLUMNS,
                                   HOLDER_REQUIRED, cells, check_row, progress)

    @api.model
    def _parse_entries(self, register, content, holders, progress=None):
        cr = self.env.cr
        cr.execute("""
            SELECT e.ref, e.id, e.entry_type, e.state, e.class_id, e.to_class_id, e.quantity,
                   e.to_quantity, e.nominal_amount, hf.ref, ht.ref, e.date,
                   EXISTS(SELECT 1 FROM coop_share_entry c
                           WHERE c.corrected_entry_id = e.id AND c.state = 'confirmed')
              FROM coop_share_entry e
              LEFT JOIN coop_shareholder hf ON hf.id = e.holder_from_id
              LEFT JOIN coop_shareholder ht ON ht.id = e.holder_to_id
             WHERE e.register_id = %s AND e.ref IS NOT NULL""", (register.id,))
        known = {r[0]: r for r in cr.fetchall()}
        cr.execute("SELECT ref FROM coop_shareholder WHERE register_id = %s "
                   "AND ref IS NOT NULL", (register.id,))
        holder_refs = {r[0] for r in cr.fetchall()} | {h["ref"] for h in holders}
        classes = {c.code: c for c in self.env["coop.share.class"].search(
            [("register_id", "=", register.id)])}
        classes_by_id = {c.id: c for c in classes.values()}
        in_file = {}  # ref -> values of the rows checked so far (corrections look back)
        corrected = {}  # corrected ref -> row of its correction
        text = lambda v: v  # noqa: E731
        holder = self._cell_lookup(holder_refs, _("unknown shareholder %s in this register."))
        share_class = self._cell_lookup(classes, _("unknown share class %s in this register."))
        cells = [
            ("ref", text),
            ("type", self._cell_entry_type),
            ("date", self._cell_past_date()),
            ("board_decision_date", self._cell_date),
            ("class", share_class), ("to_class", share_class),
            ("quantity", self._cell_shares), ("to_quantity", self._cell_shares),
            ("amount_paid_out", self._cell_amount), ("paid_amount", self._cell_amount),
            ("from_holder", holder), ("to_holder", holder),
            ("corrects", text), ("board_decision_ref", text), ("note", text),
        ]

        def check_row(row, vals, bad):
            etype = vals["entry_type"] = vals.pop("type")
            if etype == "correction":
                self._check_correction_row(row, vals, bad, known, in_file, corrected,
                                           classes_by_id)
            else:
                for col in ("class", "quantity"):
                    if not row.get(col):
                        bad(col, _("a value is required."))
                if row.get("corrects"):
                    bad("corrects", _("only a correction corrects another entry."))
                for col, needed in (("from_holder", etype in NEEDS_FROM),
                                    ("to_holder", etype in NEEDS_TO),
                                    ("to_class", etype == "conversion"),
                                    ("to_quantity", etype == "conversion")):
                    if needed and not row.get(col):
                        bad(col, _("a value is required for this type."))
                if etype == "conversion" and not row.get("to_holder"):
                    vals["to_holder"] = vals["from_holder"]
                if etype in ("transfer", "transmission") and vals["from_holder"] and \
                        vals["from_holder"] == vals["to_holder"]:
                    bad("to_holder", _("a holder cannot transfer shares to himself."))
                if vals["paid_amount"] and etype != "subscription":
                    bad("paid_amount", _("payments are only registered on subscriptions."))
                if etype in EXITS and vals["amount_paid_out"] is None:
                    vals["amount_paid_out"] = 0.0
                vals["effect_type"], vals["sign"], vals["corrected_id"] = etype, 1, None
            vals["known"] = known.get(vals["ref"], (None, None))[1]
            if vals["ref"]:
                in_file.setdefault(vals["ref"], vals)
        return self._validate_rows(_("Entries"), content, ENTRY_COLUMNS, ENTRY_REQUIRED,
                                   cells, check_row, progress,
                                   row_required=("ref", "date", "type"))

    @api.model
    def _check_correction_row(self, row, vals, bad, known, in_file, corrected, classes):
        """A correction row reverses the entry named in 'corrects' (already in the register
        or earlier in the file): it takes that entry's class, quantity and holders."""
        ref = vals["corrects"]
        vals["corrected_id"] = None
        if not ref:
            bad("corrects", _("a correction needs the reference of the entry it corrects."))
            return
        if ref in known:  # in the register (perhaps also in this file, known then)
            (_ref, entry_id, etype, state, class_id, to_class_id, quantity, to_quantity,
             _nominal, from_ref, to_ref, date, is_corrected) = known[ref]
            if state != "confirmed":
                bad("corrects", _("entry %s is not confirmed.") % ref)
                return
            values = dict(entry_type=etype, class_id=classes.get(class_id),
                          to_class=classes.get(to_class_id), quantity=quantity,
                          to_quantity=to_quantity, from_holder=from_ref, to_holder=to_ref,
                          date=fields.Date.from_string(date), corrected=is_corrected,
                          nominal=_nominal)
            vals["corrected_id"] = entry_id
        elif ref in in_file:
            orig = in_file[ref]
            values = dict(entry_type=orig["entry_type"], class_id=orig["class"],
                          to_class=orig["to_class"], quantity=orig["quantity"],
                          to_quantity=orig["to_quantity"], from_holder=orig["from_holder"],
                          to_holder=orig["to_holder"], date=orig["date"], corrected=False)
        else:
            bad("corrects", _("unknown entry %s in this register or earlier in the file.")
                % ref)
            return
        if values["entry_type"] == "correction":
            bad("corrects", _("a correction cannot be corrected; record the entry again "
                              "instead."))
        elif (values["corrected"] and vals["ref"] not in known) or \
                (ref in corrected and corrected[ref] != vals["row"]):
            bad("corrects", _("entry %s has already been corrected.") % ref)
        corrected.setdefault(ref, vals["row"])
        if values["date"] and vals["date"] and vals["date"] < values["date"]:
            bad("date", _("a correction cannot be dated before the entry it corrects."))
        if vals["class"] and vals["class"] != values["class_id"]:
            bad("class", _("the class differs from the corrected entry's."))
        if vals["quantity"] and vals["quantity"] != values["quantity"]:
            bad("quantity", _("the quantity differs from the corrected entry's."))
        for col in ("paid_amount", "amount_paid_out", "to_class", "to_quantity"):
            if row.get(col):
                bad(col, _("a correction takes this from the entry it corrects."))
        for col in ("from_holder", "to_holder"):
            if vals[col] and vals[col] != values[col]:
                bad(col, _("the holder differs from the corrected entry's."))
        vals.update({
            "class": values["class_id"], "to_class": values["to_class"],
            "quantity": values["quantity"], "to_quantity": values["to_quantity"],
            "from_holder": values["from_holder"], "to_holder": values["to_holder"],
            "effect_type": values["entry_type"], "sign": -1, "corrects": ref,
            "nominal": values.get("nominal"),
        })

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
            self._copy_rows("coop_shareholder", (
                "register_id", "number", "holder_type", "name", "firstname", "display_name",
                "national_number", "company_number", "birthdate", "street", "zip", "city",
                "country_id", "lang", "email", "phone", "iban", "admission_date", "state",
                "ref", "create_uid", "create_date", "write_uid", "write_date"), rows)
        new_entries = [e for e in entries if not e["known"]]
        if not new_entries:
            return
        cr.execute("SELECT ref, id FROM coop_shareholder WHERE register_id = %s "
                   "AND ref IS NOT NULL", (register.id,))
        holder_ids = dict(cr.fetchall())
        new_entries.sort(key=lambda e: (e["date"], e["row"]))
        numbers = register._next_number("entry", len(new_entries))
        for vals, number in zip(new_entries, numbers):
            vals["number"] = number
        # the corrected entries first: a correction row points at its entry's id
        self._insert_entries(register, [e for e in new_entries if e["sign"] > 0], holder_ids)
        corrections = [e for e in new_entries if e["sign"] < 0]
        if corrections:
            cr.execute("SELECT ref, id FROM coop_share_entry WHERE register_id = %s "
                       "AND ref = ANY(%s)", (register.id, [e["corrects"] for e in corrections]))
            entry_ids = dict(cr.fetchall())
            for vals in corrections:
                vals["corrected_id"] = vals["corrected_id"] or entry_ids[vals["corrects"]]
            self._insert_entries(register, corrections, holder_ids)
        payments = [e for e in new_entries if e["paid_amount"]]
        if payments:
            cr.execute("SELECT ref, id FROM coop_share_entry WHERE register_id = %s "
                       "AND ref = ANY(%s)", (register.id, [e["ref"] for e in payments]))
            entry_ids = dict(cr.fetchall())
            self._copy_rows("coop_share_payment", (
                "entry_id", "register_id", "holder_id", "date", "amount", "create_uid",
                "create_date", "write_uid", "write_date"), [(
                    entry_ids[e["ref"]], register.id, holder_ids[e["to_holder"]], e["date"],
                    e["paid_amount"], uid, now, uid, now) for e in payments])
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
    def _insert_entries(self, register, entries, holder_ids):
        """Insert checked entries (numbered) as confirmed rows of the register."""
        if not entries:
            return
        uid, now = self.env.uid, fields.Datetime.now()
        prefix = self.env["coop.share.entry"]._name_prefix()
        # the classes' ids and values read once, not through the ORM on every row
        classes = {c: (c.id, c.nominal_value) for c in {v["class"] for v in entries} |
                   {v["to_class"] for v in entries if v["to_class"]}}
        rows = []
        for vals in entries:
            class_id, nominal_value = classes[vals["class"]]
            nominal = vals.get("nominal")
            if nominal is None:
                nominal = vals["quantity"] * nominal_value
            rows.append((
                register.id, vals["number"], "%s/%06d" % (prefix, vals["number"]),
                vals["ref"], vals["entry_type"], vals["effect_type"], vals["sign"],
                vals["date"], class_id,
                classes[vals["to_class"]][0] if vals["to_class"] else None, vals["quantity"],
                vals["to_quantity"], nominal, holder_ids.get(vals["from_holder"]),
                holder_ids.get(vals["to_holder"]), vals["board_decision_date"],
                vals["board_decision_ref"], vals["note"], vals["amount_paid_out"],
                vals["corrected_id"], "confirmed", uid, now, uid, now, uid, now))
        self._copy_rows("coop_share_entry", (
            "register_id", "number", "name", "ref", "entry_type", "effect_type", "sign", "date",
            "class_id", "to_class_id", "quantity", "to_quantity", "nominal_amount",
            "holder_from_id", "holder_to_id", "board_decision_date", "board_decision_ref",
            "note", "amount_paid_out", "corrected_entry_id", "state", "confirm_uid",
            "confirm_date", "create_uid", "create_date", "write_uid", "write_date"), rows)

    @api.model
    def _copy_rows(self, table, columns, rows):
        """Insert checked rows with COPY (CSV through the ORM's cursor, in its
        transaction): about twice as fast as multi-row INSERTs. Every value but a number is
        quoted (so no text can pass for COPY's end-of-data line); None is written as an
        empty quoted field, which FORCE_NULL reads as NULL (the parsers turn empty cells
        into None, so no text value is empty)."""
        data = io.StringIO()
        csv.writer(data, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC).writerows(rows)
        data.seek(0)
        # table and column names are constants of this module, not input
        self.env.cr.copy_expert("COPY %s (%s) FROM STDIN WITH (FORMAT csv, FORCE_NULL (%s))" % (
            table, ", ".join(columns), ", ".join(columns)), data)

    @api.model
    def _check_invariants(self, register, entries):
        """After the insert: no negative holding at any date, the register's limits, and
        payments within the nominal amount; problems point at the file's rows."""
        cr = self.env.cr
        problems = []
        by_number = {e.get("number"): e["row"] for e in entries if e.get("number")}
        # by date, and entry by entry in number order as the register reads (the rules of
        # coop.share.entry._check_holdings): same-day rows are never reordered
        cr.execute("""
            WITH days AS (
                SELECT holder_id, class_id, date, SUM(qty) AS qty, MAX(entry_id) AS entry_id
                  FROM coop_share_movement WHERE register_id = %(register)s
                 GROUP BY holder_id, class_id, date
            ), by_date AS (
                SELECT holder_id, class_id, date, entry_id, FALSE AS in_order,
                       SUM(qty) OVER (PARTITION BY holder_id, class_id ORDER BY date) AS held
                  FROM days
            ), by_number AS (
                SELECT m.holder_id, m.class_id, m.date, m.entry_id, TRUE AS in_order,
                       SUM(m.qty) OVER (PARTITION BY m.holder_id, m.class_id
                                        ORDER BY e.number, m.entry_id
                                        ROWS UNBOUNDED PRECEDING) AS held
                  FROM coop_share_movement m
                  JOIN coop_share_entry e ON e.id = m.entry_id
                 WHERE m.register_id = %(register)s)
            SELECT DISTINCT ON (r.holder_id, r.class_id)
                   h.ref, c.code, r.date, r.held, e.number, r.in_order
              FROM (SELECT * FROM by_date UNION ALL SELECT * FROM by_number) r
              JOIN coop_shareholder h ON h.id = r.holder_id
              JOIN coop_share_class c ON c.id = r.class_id
              JOIN coop_share_entry e ON e.id = r.entry_id
             WHERE r.held < 0
             ORDER BY r.holder_id, r.class_id, r.in_order, r.date, e.number
             LIMIT 100""", {"register": register.id})
        for ref, code, date, held, number, in_order in cr.fetchall():
            values = {"row": by_number.get(number, "?"), "holder": ref,
                      "shares": share_count(held), "number": number,
                      "share_class": code, "date": date}
            if in_order:
                problems.append(_(
                    "Entries, row %(row)s: shareholder %(holder)s would hold %(shares)s "
                    "shares of class %(share_class)s after entry %(number)s of %(date)s (more "
                    "shares given up than held at that point of the register).") % values)
            else:
                problems.append(_(
                    "Entries, row %(row)s: shareholder %(holder)s would hold %(shares)s "
                    "shares of class %(share_class)s on %(date)s (more shares given up than "
                    "held).") % values)
        # an exclusion removes the shareholder: nothing of any class is left after it
        cr.execute("""
            SELECT e.number, h.ref, SUM(m.qty) FROM coop_share_entry e
              JOIN coop_shareholder h ON h.id = e.holder_from_id
              JOIN coop_share_movement m ON m.register_id = e.register_id
                                        AND m.holder_id = e.holder_from_id AND m.date <= e.date
             WHERE e.register_id = %s AND e.state = 'confirmed' AND e.entry_type = 'exclusion'
               AND NOT EXISTS (SELECT 1 FROM coop_share_entry c
                                WHERE c.corrected_entry_id = e.id AND c.state = 'confirmed')
             GROUP BY e.id, e.number, h.ref HAVING SUM(m.qty) <> 0
             ORDER BY e.number LIMIT 100""", (register.id,))
        for number, ref, held in cr.fetchall():
            problems.append(_(
                "Entries, row %(row)s: the exclusion of shareholder %(holder)s leaves him "
                "%(shares)s shares: an exclusion covers all of his shares, of every class "
                "(a withdrawal may be partial).") % {
                    "row": by_number.get(number, "?"), "holder": ref,
                    "shares": share_count(held)})
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
                        "row": by_number.get(number, "?"), "holder": ref,
                        "shares": share_count(held), "date": date, "min": register.min_shares,
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
                     "250.00,,",
                     "E0002,2019-04-15,subscription,A,10,,H0002,,,2019-04-10,RvB 2019/04,,"
                     "1250.00,,",
                     "E0003,2020-05-04,transfer,A,2,H0001,H0002,,,2020-04-28,RvB 2020/04,,,,"
                     "Overdracht tussen aandeelhouders",
                     "E0004,2020-05-06,correction,,,,,,,2020-05-05,RvB 2020/05,,,E0003,"
                     "Overdracht E0003 ingeschreven bij vergissing"]
        return ("\n".join(lines) + "\n").encode("utf-8")

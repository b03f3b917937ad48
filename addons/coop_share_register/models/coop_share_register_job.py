# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Background work on a large register (OCA queue_job): the full register extract PDF and
the import of large files, with their progress visible to the register's staff.

The job runs in one transaction (an import is all or nothing), so its progress cannot be
written on the job's own row: other users would not see it before the end, and the
register's transaction would conflict with it. The progress goes to a small side table
through a separate, immediately committed cursor; the job's row gets its result at the end.
"""
import base64
import io
import logging

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.queue_job.job import job

_logger = logging.getLogger(__name__)


class CoopShareRegisterJob(models.Model):
    _name = "coop.share.register.job"
    _inherit = ["coop.share.register.record"]
    _description = "Background job on a share register"
    _order = "id desc"

    register_id = fields.Many2one(ondelete="cascade", readonly=True)
    kind = fields.Selection(
        selection=[("extract", "Register extract (PDF)"), ("import", "Import")],
        required=True, readonly=True)
    date = fields.Date(string="As of", readonly=True)
    dry_run = fields.Boolean(string="Check only", readonly=True)
    holder_file = fields.Binary(string="Shareholders file", attachment=True, readonly=True)
    entry_file = fields.Binary(string="Entries file", attachment=True, readonly=True)
    result_state = fields.Selection(
        selection=[("queued", "Waiting"), ("done", "Done"), ("problems", "Problems found")],
        default="queued", required=True, readonly=True)
    state = fields.Selection(
        selection=[("queued", "Waiting"), ("running", "Running"), ("done", "Done"),
                   ("problems", "Problems found"), ("failed", "Failed")],
        compute="_compute_progress")
    progress = fields.Float(compute="_compute_progress", help="Percentage done.")
    progress_message = fields.Char(compute="_compute_progress", string="Progress")
    report = fields.Text(readonly=True)
    attachment_id = fields.Many2one(comodel_name="ir.attachment", string="Result",
                                    readonly=True)
    job_uuid = fields.Char(readonly=True, copy=False)

    @api.model_cr
    def init(self):
        self.env.cr.execute("""
            CREATE TABLE IF NOT EXISTS coop_share_register_job_progress (
                job_id integer PRIMARY KEY,
                state varchar NOT NULL,
                progress double precision NOT NULL DEFAULT 0,
                message varchar,
                write_date timestamp NOT NULL DEFAULT (now() at time zone 'UTC')
            )""")

    @api.multi
    def name_get(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        return [(j.id, "%s - %s" % (kinds.get(j.kind), j.register_id.name)) for j in self]

    @api.multi
    def _compute_progress(self):
        if not self.ids:
            return
        self.env.cr.execute("""
            SELECT job_id, state, progress, message FROM coop_share_register_job_progress
             WHERE job_id = ANY(%s)""", (self.ids,))
        rows = {r[0]: r[1:] for r in self.env.cr.fetchall()}
        for job_rec in self:
            state, progress, message = rows.get(job_rec.id, ("queued", 0.0, False))
            if job_rec.result_state != "queued":
                state, progress = job_rec.result_state, 100.0
            job_rec.state = state
            job_rec.progress = progress
            job_rec.progress_message = message

    # Progress ----------------------------------------------------------------

    @api.multi
    def _report_progress(self, done, total, message=None, state="running"):
        """Record the progress in its own committed transaction: visible to the register's
        staff at once, while the job's own transaction goes on."""
        self.ensure_one()
        progress = min(100.0, 100.0 * done / total) if total else 0.0
        params = (self.id, state, progress, message)
        sql = """
            INSERT INTO coop_share_register_job_progress (job_id, state, progress, message)
            VALUES (%s, %s, %s, %s)
            ON CONFLICT (job_id) DO UPDATE SET state = EXCLUDED.state,
                progress = EXCLUDED.progress, message = EXCLUDED.message,
                write_date = now() at time zone 'UTC'"""
        if self.env.registry.in_test_mode():
            # the HTTP tests' single cursor: there is no other transaction
            self.env.cr.execute(sql, params)
            return
        try:
            with self.env.registry.cursor() as cr:
                cr.execute("SET LOCAL lock_timeout = '2s'")
                cr.execute(sql, params)
        except Exception:  # progress is informative: never fail the job for it
            _logger.warning("progress of job %s not recorded", self.id, exc_info=True)

    # Start -------------------------------------------------------------------

    @api.model
    def start(self, register, kind, **values):
        """Create the job for register and put it in the queue."""
        register = register.with_env(self.env)
        register.check_access_rights("read")
        register.check_access_rule("read")
        if not self.env.user.has_group("coop_share_register.group_dar_manager") and \
                not (kind == "import" and values.get("dry_run")):
            raise AccessError(_("Only a register manager can start this job; the helpdesk "
                                "can check import files."))
        vals = dict(values, register_id=register.id, kind=kind)
        record = self.create(vals)
        queued = record.with_delay(description=record.display_name).run()
        record.sudo().write({"job_uuid": queued.uuid})
        return record

    @api.multi
    def action_open(self):
        self.ensure_one()
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id,
                "view_mode": "form", "target": "current"}

    @api.multi
    def action_refresh(self):
        """The form's button to see the latest progress."""
        return self.action_open()

    # Run ---------------------------------------------------------------------

    @api.multi
    @job(default_channel="root")
    def run(self):
        """The job. The queue's runner calls it as superuser: it works as the user who
        started it, so that the register's access rules apply."""
        self.ensure_one()
        record = self.with_env(self.env(user=self.create_uid.id))
        if record.result_state != "queued":
            return _("Already done.")
        record._report_progress(0, 1, _("Started"))
        try:
            if record.kind == "extract":
                result = record._run_extract()
            else:
                result = record._run_import()
        except Exception as error:
            record._report_progress(0, 1, str(error)[:500], state="failed")
            raise
        record._report_progress(1, 1, _("Done"), state="done")
        return result

    @api.multi
    def _run_extract(self):
        """The whole register as of the date, rendered in parts of shareholder numbers
        (the progress), merged into one PDF attached to this job."""
        register = self.register_id
        part = self.env["coop.share.export.wizard"]._extract_part_size()
        self.env.cr.execute("""
            SELECT number FROM coop_shareholder
             WHERE register_id = %s AND number IS NOT NULL ORDER BY number""",
                            (register.id,))
        numbers = [r[0] for r in self.env.cr.fetchall()] or [0]
        ranges = [(numbers[i], numbers[min(i + part, len(numbers)) - 1])
                  for i in range(0, len(numbers), part)]
        report = self.env.ref("coop_share_register.report_register_extract_action")
        parts = []
        for done, (first, last) in enumerate(ranges):
            content = report.render_qweb_pdf(register.ids, data={
                "date": self.date, "number_from": first, "number_to": last})[0]
            parts.append(content)
            self._report_progress(done + 1, len(ranges) + 1, _(
                "Shareholders %(first)s to %(last)s of %(count)s rendered") % {
                    "first": first, "last": last, "count": len(numbers)})
        if all(p[:4] == b"%PDF" for p in parts):
            content, ext, mimetype = self._merge_pdf(parts), "pdf", "application/pdf"
        else:  # tests render HTML instead of calling wkhtmltopdf (Odoo's own rule)
            content, ext, mimetype = b"\n".join(parts), "html", "text/html"
        name = "%s-register-%s.%s" % (register.company_number, self.date, ext)
        attachment = self.env["ir.attachment"].create({
            "name": name, "datas_fname": name, "datas": base64.b64encode(content),
            "mimetype": mimetype, "res_model": self._name, "res_id": self.id})
        self.write({"attachment_id": attachment.id, "result_state": "done",
                    "report": _("%(count)s shareholders in %(parts)s part(s).") % {
                        "count": len(numbers), "parts": len(ranges)}})
        return name

    @api.model
    def _merge_pdf(self, parts):
        from PyPDF2 import PdfFileReader, PdfFileWriter
        writer = PdfFileWriter()
        for content in parts:
            reader = PdfFileReader(io.BytesIO(content))
            for page in range(reader.getNumPages()):
                writer.addPage(reader.getPage(page))
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    @api.multi
    def _run_import(self):
        wizard = self.env["coop.share.import.wizard"]

        def progress(done, total, message):
            self._report_progress(done, total, message)
        decode = wizard._file
        result = wizard.import_files(self.register_id, decode(self.holder_file),
                                     decode(self.entry_file), dry_run=self.dry_run,
                                     progress=progress)
        self.write({"result_state": "problems" if result["problems"] else "done",
                    "report": wizard._result_text(result)})
        return self.report

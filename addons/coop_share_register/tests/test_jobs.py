# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
import subprocess
from unittest.mock import patch

from odoo.exceptions import AccessError

from odoo.addons.queue_job.job import Job

from .common import DarCase, as_user
from .test_import import ENTRIES, HOLDERS


def text_of(content):
    """The text of a PDF (pdftotext), or of the HTML that Odoo renders instead of a PDF
    when tests run with test_enable."""
    if content[:4] == b"%PDF":
        return subprocess.run(["pdftotext", "-", "-"], input=content, check=True,
                              stdout=subprocess.PIPE).stdout.decode()
    return content.decode()


class TestRegisterJobs(DarCase):
    """The full register extract and large imports run as queue_job jobs whose progress
    the register's staff see while they run."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_entry("subscription", cls.class_a, 4, holder_to=cls.ann, date="2023-01-01")
        cls.make_entry("subscription", cls.class_a, 2, holder_to=cls.bart, date="2023-01-02")
        cls.make_entry("subscription", cls.class_b, 3, holder_to=cls.cleo, date="2023-01-02")
        cls.Job = cls.env["coop.share.register.job"]

    def setUp(self):
        super().setUp()
        self.addCleanup(self._purge_progress)
        self.seen = []  # (state, progress, message) read by another connection

    def _purge_progress(self):
        """The progress rows were committed by their own connection."""
        with self.registry.cursor() as cr:
            cr.execute("DELETE FROM coop_share_register_job_progress WHERE job_id = ANY(%s)",
                       (self.Job.search([]).ids,))

    def _committed_progress(self, job_rec):
        with self.registry.cursor() as cr:
            cr.execute("SELECT state, progress, message FROM coop_share_register_job_progress "
                       "WHERE job_id = %s", (job_rec.id,))
            return cr.fetchone()

    def perform(self, job_rec):
        """Run the queued job synchronously, as queue_job's runner does (as superuser),
        while another connection watches the progress."""
        self.assertTrue(job_rec.job_uuid)
        queued = self.env["queue.job"].search([("uuid", "=", job_rec.job_uuid)])
        self.assertEqual((queued.model_name, queued.method_name),
                         ("coop.share.register.job", "run"))
        original = type(self.Job)._report_progress
        test = self

        def spy(record, done, total, message=None, state="running"):
            original(record, done, total, message=message, state=state)
            test.seen.append(test._committed_progress(record))
        with patch.object(type(self.Job), "_report_progress", spy):
            Job.load(self.env, job_rec.job_uuid).perform()
        job_rec.invalidate_cache()
        return job_rec

    def test_full_register_extract_job(self):
        """The manager starts the whole register's extract; it is rendered in parts with
        progress visible to other connections, and the result is attached to the job."""
        Wizard = as_user(self.env["coop.share.export.wizard"], self.manager_a)
        wizard = Wizard.create({"register_id": self.reg_a.id, "date": "2023-03-01"})
        with patch.object(type(Wizard), "_extract_part_size", lambda self: 1):
            action = wizard.action_extract_job()
            job_rec = as_user(self.Job, self.manager_a).browse(action["res_id"])
            self.assertEqual((job_rec.kind, job_rec.state, job_rec.progress),
                             ("extract", "queued", 0.0))
            self.perform(job_rec)
        # two holders, one per part: 0 %, 33 %, 67 %, then done; each seen from outside
        progress = [round(p[1]) for p in self.seen]
        self.assertEqual(progress, [0, 33, 67, 100])
        self.assertEqual(self.seen[1][0], "running")
        self.assertIn("1", self.seen[1][2])
        self.assertEqual(self.seen[-1][0], "done")
        self.assertEqual((job_rec.state, job_rec.progress), ("done", 100.0))
        attachment = as_user(job_rec, self.manager_a).attachment_id
        content = text_of(base64.b64decode(attachment.datas))
        self.assertIn("Peeters", content)
        self.assertIn("Janssens", content)
        self.assertNotIn("Maes", content)
        self.assertEqual((attachment.res_model, attachment.res_id), (job_rec._name, job_rec.id))

    def test_job_and_result_invisible_to_other_cooperative(self):
        """Register B's manager sees neither the job nor its PDF; the viewer cannot start
        an extract job; nobody starts one on another register."""
        job_rec = as_user(self.Job, self.manager_a).start(self.reg_a, "extract",
                                                          date="2023-03-01")
        self.perform(job_rec)
        self.assertFalse(as_user(self.Job, self.manager_b).search([]))
        with self.assertRaises(AccessError):
            as_user(job_rec, self.manager_b).read(["report"])
        with self.assertRaises(AccessError):
            as_user(job_rec.attachment_id, self.manager_b).read(["datas"])
        with self.assertRaises(AccessError):
            as_user(self.Job, self.manager_b).start(self.reg_a, "extract")
        with self.assertRaises(AccessError):
            as_user(self.Job, self.viewer_a).start(self.reg_a, "extract")
        self.assertEqual(as_user(self.Job, self.viewer_a).search([]), job_rec)

    def test_large_import_runs_as_job_with_progress(self):
        """A file above the threshold is imported by a job, with row progress; the result
        is the same as a direct import, all or nothing."""
        Wizard = as_user(self.env["coop.share.import.wizard"], self.manager_a)
        wizard = Wizard.create({
            "register_id": self.reg_a.id,
            "holder_file": base64.b64encode(HOLDERS.encode()),
            "entry_file": base64.b64encode(ENTRIES.encode())})
        with patch.object(type(Wizard), "_background_rows", lambda self: 2), \
                patch("odoo.addons.coop_share_register.wizards.coop_share_import_wizard."
                      "PROGRESS_ROWS", 2):
            action = wizard.action_import()
            self.assertEqual(action["res_model"], "coop.share.register.job")
            job_rec = self.Job.browse(action["res_id"])
            self.perform(job_rec)
        messages = [p[2] for p in self.seen]
        self.assertTrue(any("2" in (m or "") and "3" in (m or "") for m in messages),
                        messages)  # "2 of 3 rows checked"
        self.assertEqual(job_rec.state, "done", job_rec.report)
        self.assertIn("4", job_rec.report)
        self.assertEqual(self.Entry.search_count([("register_id", "=", self.reg_a.id),
                                                  ("ref", "!=", False)]), 4)
        # a bad file through the job: problems reported, nothing written
        before = self.Entry.search_count([("register_id", "=", self.reg_a.id)])
        bad = as_user(self.Job, self.manager_a).start(
            self.reg_a, "import", holder_file=base64.b64encode(HOLDERS.encode()),
            entry_file=base64.b64encode(ENTRIES.replace("E4,", "E5,").replace(
                "transfer,A,2", "transfer,A,99").encode()))
        self.perform(bad)
        self.assertEqual(bad.state, "problems")
        # E1-E3 are known (skipped); the new E5 gives up H3's shares a second time
        self.assertIn("H3", bad.report)
        self.assertEqual(self.Entry.search_count([("register_id", "=", self.reg_a.id)]),
                         before)

    def test_helpdesk_checks_in_background_but_never_imports(self):
        """The helpdesk may run a check job on the register it serves, not an import."""
        Job_h = as_user(self.Job, self.helpdesk)
        holders = base64.b64encode(b"ref,type,name\nX1,person,Test\n")
        check = Job_h.start(self.reg_b, "import", dry_run=True, holder_file=holders)
        self.perform(check)
        self.assertEqual(check.state, "done", check.report)
        self.assertFalse(self.Holder.search([("ref", "=", "X1")]))
        with self.assertRaises(AccessError):
            Job_h.start(self.reg_b, "import", dry_run=False, holder_file=holders)

    def test_parts_merged_into_one_pdf(self):
        """Outside tests the parts are PDFs (wkhtmltopdf): they are merged into one PDF
        with every page, in order."""
        from PyPDF2 import PdfFileReader
        from reportlab.pdfgen import canvas
        parts = []
        for pages in (2, 1):
            data = io.BytesIO()
            pdf = canvas.Canvas(data)
            for page in range(pages):
                pdf.drawString(100, 700, "deel %s pagina %s" % (pages, page + 1))
                pdf.showPage()
            pdf.save()
            parts.append(data.getvalue())
        merged = PdfFileReader(io.BytesIO(self.Job._merge_pdf(parts)))
        self.assertEqual(merged.getNumPages(), 3)
        self.assertIn("deel 1 pagina 1", merged.getPage(2).extract_text())

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import subprocess
from unittest.mock import patch

from odoo.tools import config

from .common import CompassCase


class TestReport(CompassCase):

    def test_pdf_report_text(self):
        """The PDF (wkhtmltopdf) names the scan, the principles with their scores and the improvements."""
        scan = self.env["coop.compass.scan"].sudo(self.author).action_start(self.org_a).sudo()
        scan.set_answers(self._full_answers())
        scan.action_submit()
        self.env["ir.config_parameter"].sudo().set_param(
            "report.url", "http://127.0.0.1:%s" % config["http_port"])
        report = self.env.ref("coop_compass.compass_scan_report").with_context(lang="en_US")
        # Odoo renders HTML instead of a PDF in test mode unless a report directory is configured
        with patch.dict(config.options, {"test_report_directory": "/tmp"}):
            pdf, fmt = report.render_qweb_pdf([scan.id])
        self.assertEqual(fmt, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, stdout=subprocess.PIPE,
                              check=True).stdout.decode()
        self.assertIn("Coop A v1", text)
        self.assertIn("Overall score: 66 / 100", text)
        self.assertRegex(text, r"101\. Open membership\s+69")
        self.assertRegex(text, r"102\. Democratic control\s+25")
        self.assertIn("Work on P2", text)
        self.assertIn("We could do more.", text)

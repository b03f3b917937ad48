# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import subprocess
from unittest.mock import patch

from odoo.tests.common import at_install, post_install
from odoo.tools import config

from odoo.addons.coop_website.tests.common import as_user

from .common import CompassCase


# post-install: wkhtmltopdf fetches the report's assets from the server, which answers only
# once the registry is loaded (at install, under Odoo's own runner, it would wait for ever)
@at_install(False)
@post_install(True)
class TestReport(CompassCase):

    def test_pdf_report_text(self):
        """The PDF (wkhtmltopdf), in the person's language (Dutch), names the scan, the principles
        with their scores and the improvements."""
        self.author.partner_id.lang = "nl_BE"
        scan = as_user(self.env["coop.compass.scan"], self.author).action_start(self.org_a).sudo()
        scan.set_answers(self._full_answers())
        scan.action_submit()
        self.env["ir.config_parameter"].sudo().set_param(
            "report.url", "http://127.0.0.1:%s" % config["http_port"])
        report = self.env.ref("coop_compass.compass_scan_report")
        # Odoo renders HTML instead of a PDF in test mode unless a report directory is configured
        with patch.dict(config.options, {"test_report_directory": "/tmp"}):
            pdf, fmt = report.render_qweb_pdf([scan.id])
        self.assertEqual(fmt, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, stdout=subprocess.PIPE,
                              check=True).stdout.decode()
        self.assertIn("Coop A v1", text)
        self.assertIn("Totaalscore: 66 / 100", text)
        self.assertIn("Werkpunten", text)
        self.assertRegex(text, r"101\. Open membership\s+69")
        self.assertRegex(text, r"102\. Democratic control\s+25")
        self.assertIn("Work on P2", text)
        self.assertIn("We could do more.", text)

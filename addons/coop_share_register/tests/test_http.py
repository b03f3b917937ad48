# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import json
import re

from odoo.tests.common import HttpCase, at_install, post_install
from odoo.tools import config, mute_logger

from odoo.addons.coop_website.tests.common import SharedCursorMixin, new_user

from .common import company_number


@at_install(False)
@post_install(True)
class TestHttpIsolation(SharedCursorMixin, HttpCase):
    """Crafted report URLs, exports and RPC searches give nothing of another register."""

    def setUp(self):
        super().setUp()
        env = self.env(context={"tracking_disable": True})
        partner = env["res.partner"].create({"name": "Coop X", "is_company": True})
        self.reg_a = env["coop.share.register"].create({
            "name": "Coop X", "partner_id": partner.id,
            "company_number": company_number("07654321")})
        self.reg_b = env["coop.share.register"].create({
            "name": "Coop Y", "partner_id": partner.id,
            "company_number": company_number("07654322")})
        cls_b = env["coop.share.class"].create({
            "register_id": self.reg_b.id, "code": "A", "name": "A", "nominal_value": 50})
        self.holder_a = env["coop.shareholder"].create({
            "register_id": self.reg_a.id, "name": "Zichtbaar"})
        self.holder_b = env["coop.shareholder"].create({
            "register_id": self.reg_b.id, "name": "Geheimhouder"})
        env["coop.share.entry"].create({
            "register_id": self.reg_b.id, "entry_type": "subscription",
            "class_id": cls_b.id, "quantity": 2, "holder_to_id": self.holder_b.id,
            "date": "2024-01-01"}).action_confirm()
        new_user(env, "dar_http_a", ["coop_share_register.group_dar_manager"],
                 password="dar_http_a", coop_register_ids=[(6, 0, self.reg_a.ids)])
        self.authenticate("dar_http_a", "dar_http_a")

    def rpc(self, route, params):
        response = self.opener.post(
            "http://127.0.0.1:%s%s" % (config["http_port"], route), data=json.dumps({
                "jsonrpc": "2.0", "method": "call", "params": params}),
            headers={"Content-Type": "application/json"}, timeout=30)
        return response.json()

    def test_search_read(self):
        """/web/dataset/search_read returns only the user's own register."""
        result = self.rpc("/web/dataset/search_read", {
            "model": "coop.shareholder", "fields": ["name", "register_id"], "domain": [],
            "limit": 80})["result"]
        names = {r["name"] for r in result["records"]}
        self.assertIn("Zichtbaar", names)
        self.assertNotIn("Geheimhouder", names)
        result = self.rpc("/web/dataset/search_read", {
            "model": "coop.share.entry", "fields": ["name"],
            "domain": [["register_id", "=", self.reg_b.id]]})["result"]
        self.assertEqual(result["length"], 0)
        with mute_logger("odoo.http"):
            result = self.rpc("/web/dataset/call_kw", {
                "model": "coop.shareholder", "method": "read", "args": [[self.holder_b.id],
                                                                        ["name"]],
                "kwargs": {}})
        self.assertIn("error", result)
        result = self.rpc("/web/dataset/call_kw", {
            "model": "coop.shareholder", "method": "name_search", "args": ["Geheim"],
            "kwargs": {}})
        self.assertEqual(result["result"], [])

    def test_report_urls(self):
        """Crafted /report/pdf and /report/html URLs of another register fail."""
        for url in ("/report/pdf/coop_share_register.report_register_extract/%s" % self.reg_b.id,
                    "/report/html/coop_share_register.report_register_extract/%s"
                    % self.reg_b.id,
                    "/report/pdf/coop_share_register.report_shareholder_certificate/%s"
                    % self.holder_b.id):
            with mute_logger("odoo.http", "werkzeug", "odoo.addons.base.ir.ir_ui_view"):
                response = self.url_open(url)
            self.assertNotEqual(response.status_code, 200, url)
            self.assertNotIn(b"Geheimhouder", response.content)

    def test_spreadsheet_export(self):
        """/web/export/xls and /web/export/csv (Odoo 11's export routes; /web/export/xlsx
        only exists from Odoo 12) give nothing of another register."""
        page = self.url_open("/web").text
        token = re.search(r'csrf_token: "([0-9a-fo]+)"', page).group(1)
        for route in ("/web/export/xls", "/web/export/csv"):
            data = json.dumps({"model": "coop.shareholder", "fields": [
                {"name": "name", "label": "Name"}], "ids": [self.holder_b.id], "domain": [],
                "import_compat": False})
            with mute_logger("odoo.http", "werkzeug"):
                response = self.url_open(route, data={
                    "data": data, "token": "1", "csrf_token": token})
            self.assertNotIn(b"Geheimhouder", response.content, route)
            self.assertNotIn("Geheimhouder".encode("utf-16-le"), response.content, route)
            self.assertNotIn("attachment", response.headers.get("Content-Disposition", ""))
        # the domain path (no ids) exports only the own register
        data = json.dumps({"model": "coop.shareholder", "fields": [
            {"name": "name", "label": "Name"}], "ids": False, "domain": [],
            "import_compat": False})
        response = self.url_open("/web/export/csv", data={
            "data": data, "token": "1", "csrf_token": token})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Zichtbaar", response.text)
        self.assertNotIn("Geheimhouder", response.text)

    def test_job_result_and_payments_of_other_register(self):
        """The PDF of another register's background job cannot be downloaded through
        /web/content, and its payments are not listed."""
        env = self.env(context={"tracking_disable": True})
        sub_b = env["coop.share.entry"].search([("register_id", "=", self.reg_b.id)])
        env["coop.share.payment"].create({"entry_id": sub_b.id, "date": "2024-01-02",
                                          "amount": 40.0})
        job_b = env["coop.share.register.job"].create({
            "register_id": self.reg_b.id, "kind": "extract", "date": "2024-01-31"})
        attachment = env["ir.attachment"].create({
            "name": "register.html", "datas_fname": "register.html",
            "datas": base64.b64encode(b"<p>Geheimhouder</p>"),
            "res_model": job_b._name, "res_id": job_b.id})
        job_b.attachment_id = attachment
        for url in ("/web/content/%s?download=true" % attachment.id,
                    "/web/content/ir.attachment/%s/datas" % attachment.id,
                    "/web/content/coop.share.register.job/%s/attachment_id" % job_b.id):
            with mute_logger("odoo.http", "werkzeug"):
                response = self.url_open(url)
            self.assertNotEqual(response.status_code, 200, url)
            self.assertNotIn(b"Geheimhouder", response.content, url)
        result = self.rpc("/web/dataset/search_read", {
            "model": "coop.share.payment", "fields": ["amount", "register_id"],
            "domain": []})["result"]
        self.assertEqual(result["length"], 0)
        result = self.rpc("/web/dataset/search_read", {
            "model": "coop.share.register.job", "fields": ["register_id"],
            "domain": []})["result"]
        self.assertEqual(result["length"], 0)

    def test_example_download(self):
        """The import template's example file downloads for DAR users."""
        response = self.url_open("/coop_share_register/import_example/holders")
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"ref,type,name", response.content)

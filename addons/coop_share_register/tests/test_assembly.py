# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import psycopg2
import xlrd

from odoo.addons.coop_website.tests.common import CoopHttpCase, new_user
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import DarCase, as_user, company_number

NL = {"lang": "nl_BE"}


class AssemblyCase(DarCase):
    """Register A: class A (1 vote per share), class B (1 vote per share, 3 from
    2023-06-01 and 10 from 2024-06-01). Record date 2024-04-30: Ann 4 A (she transfers
    one share to Fien after the record date), Bart 2 B, Fien 3 A, Gert 1 A, Hilde 1 A;
    Dirk only subscribes after the record date."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Assembly = cls.env["coop.share.assembly"]
        cls.Vote = cls.env["coop.share.assembly.vote"]
        Right = cls.env["coop.share.class.voting.right"]
        Right.create({"class_id": cls.class_a2.id, "date_from": "2023-06-01",
                      "votes_per_share": 3.0})
        Right.create({"class_id": cls.class_a2.id, "date_from": "2024-06-01",
                      "votes_per_share": 10.0})
        cls.fien = cls.make_holder(cls.reg_a, "Claes", firstname="Fien")
        cls.gert = cls.make_holder(cls.reg_a, "Wouters", firstname="Gert")
        cls.hilde = cls.make_holder(cls.reg_a, "Smets", firstname="Hilde")
        cls.dirk = cls.make_holder(cls.reg_a, "Dewulf", firstname="Dirk")
        cls.make_entry("subscription", cls.class_a, 4, holder_to=cls.ann, date="2024-01-10")
        cls.make_entry("subscription", cls.class_a2, 2, holder_to=cls.bart, date="2024-01-10")
        cls.make_entry("subscription", cls.class_a, 3, holder_to=cls.fien, date="2024-01-10")
        cls.make_entry("subscription", cls.class_a, 1, holder_to=cls.gert, date="2024-01-10")
        cls.make_entry("subscription", cls.class_a, 1, holder_to=cls.hilde, date="2024-01-10")
        cls.make_entry("subscription", cls.class_a, 1, holder_to=cls.dirk, date="2024-05-15")
        cls.make_entry("transfer", cls.class_a, 1, holder_to=cls.fien, holder_from=cls.ann,
                       date="2024-05-10")
        cls.make_entry("subscription", cls.class_b, 5, holder_to=cls.cleo, date="2024-01-10")
        cls.assembly = as_user(cls.Assembly, cls.manager_a).create({
            "name": "Algemene vergadering 2024", "register_id": cls.reg_a.id,
            "date": "2024-06-15 12:00:00", "record_date": "2024-04-30",
            "location": "Gent", "proxy_limit": 1})
        cls.res1 = cls.assembly.resolution_ids.create({
            "assembly_id": cls.assembly.id, "sequence": 1,
            "name": "Goedkeuring van de jaarrekening", "majority": "simple"})
        cls.res2 = cls.assembly.resolution_ids.create({
            "assembly_id": cls.assembly.id, "sequence": 2,
            "name": "Wijziging van de statuten", "majority": "two_thirds"})

    def line(self, holder):
        return self.assembly.holder_line_ids.filtered(lambda ln: ln.holder_id == holder)

    def open_session(self):
        self.assembly.action_open()
        self.assembly.register_attendance(self.ann)
        self.assembly.register_attendance(self.bart)
        self.assembly.register_proxy(self.fien, self.ann)
        (self.res1 | self.res2).action_open_voting()


class TestAssembly(AssemblyCase):

    def test_roll_as_of_record_date(self):
        """The roll holds the holders of the record date with their shares then, weighted
        by the class's voting rights valid on that date."""
        self.assembly.action_open()
        roll = {ln.holder_id: (ln.shares, ln.votes) for ln in self.assembly.holder_line_ids}
        self.assertEqual(roll, {self.ann: (4, 4.0), self.bart: (2, 6.0), self.fien: (3, 3.0),
                                self.gert: (1, 1.0), self.hilde: (1, 1.0)})
        self.assertEqual(self.assembly.votes_total, 15.0)
        self.assertEqual(self.assembly.state, "open")
        with self.assertRaises(UserError):
            self.assembly.write({"record_date": "2024-05-31"})

    def test_voting_modes(self):
        """The register's voting rule (articles of association) decides the roll, and so
        the quorum and the results: one vote per shareholder, or the votes per share capped
        at N; a capped rule needs a cap of at least 1 (also in the database)."""
        self.reg_a.write({"voting_mode": "per_holder"})
        self.assembly.action_open()
        votes = {ln.holder_id: ln.votes for ln in self.assembly.holder_line_ids}
        self.assertEqual(set(votes.values()), {1.0})
        self.assertEqual(self.assembly.votes_total, 5.0)
        self.assembly.register_attendance(self.ann)
        self.assembly.register_attendance(self.bart)
        self.assembly.invalidate_cache()
        self.assertEqual(self.assembly.votes_attending, 2.0)
        self.res1.action_open_voting()
        self.res1.cast_vote(self.ann, "for")
        self.res1.cast_vote(self.bart, "against")
        self.assertEqual((self.res1.votes_for, self.res1.votes_against), (1.0, 1.0))

        capped = as_user(self.Assembly, self.manager_a).create({
            "name": "Buitengewone algemene vergadering", "register_id": self.reg_a.id,
            "date": "2024-07-15 12:00:00", "record_date": "2024-04-30"})
        self.reg_a.write({"voting_mode": "capped", "voting_cap": 3})
        capped.action_open()
        votes = {ln.holder_id: ln.votes for ln in capped.holder_line_ids}
        self.assertEqual(votes, {self.ann: 3.0, self.bart: 3.0, self.fien: 3.0,
                                 self.gert: 1.0, self.hilde: 1.0})
        self.assertEqual(capped.votes_total, 11.0)
        with self.assertRaises(psycopg2.IntegrityError), self.cr.savepoint(), \
                mute_logger("odoo.sql_db"):
            self.reg_a.write({"voting_cap": 0})

    def test_attendance_proxies_votes_and_results(self):
        """Present holders vote themselves and for the holders whose proxy they hold;
        results are weighted, abstentions not counted, majorities applied."""
        self.open_session()
        self.assertEqual((self.assembly.present_count, self.assembly.represented_count),
                         (2, 1))
        self.assertEqual(self.assembly.votes_attending, 13.0)
        wizard = as_user(self.env["coop.share.assembly.vote.wizard"], self.manager_a).create({
            "resolution_id": self.res1.id, "voter_id": self.line(self.ann).id,
            "choice": "for", "include_proxies": True})
        wizard.action_cast()
        self.assertEqual(wizard.vote_count, 2)
        self.res1.cast_vote(self.bart, "against")
        self.res2.cast_vote(self.ann, "for")
        self.res2.cast_vote(self.fien, "abstain", cast_by=self.ann)
        self.res2.cast_vote(self.bart, "against")
        self.assertEqual((self.res1.votes_for, self.res1.votes_against), (7.0, 6.0))
        self.assertEqual(self.res1.result, "pending")
        self.assembly.action_close()
        self.res1.invalidate_cache()
        self.assertEqual(self.res1.result, "adopted")
        self.assertEqual((self.res2.votes_for, self.res2.votes_against,
                          self.res2.votes_abstain), (4.0, 6.0, 3.0))
        self.assertEqual(self.res2.result, "rejected")
        vote = self.Vote.search([("resolution_id", "=", self.res2.id),
                                 ("holder_id", "=", self.fien.id)])
        self.assertEqual(vote.cast_by_line_id, self.line(self.ann))

    def test_two_thirds_reached(self):
        """A two-thirds majority is reached at exactly two thirds of the votes cast."""
        self.open_session()
        self.assembly.register_attendance(self.gert)
        self.assembly.register_attendance(self.hilde)
        # for: Ann 4 + Fien 3 + Gert 1 = 8, against: Hilde 1 -> 8 of 9 votes cast
        for holder in (self.ann, self.gert):
            self.res2.cast_vote(holder, "for")
        self.res2.cast_vote(self.fien, "for", cast_by=self.ann)
        self.res2.cast_vote(self.hilde, "against")
        self.res2.action_close_voting()
        self.assertEqual(self.res2.result, "adopted")
        self.assertTrue(self.res2._adopted(2.0, 1.0))
        self.assertFalse(self.res2._adopted(1.99, 1.0))

    def test_vote_by_non_holder_refused(self):
        """A holder without shares on the record date, or another cooperative's, cannot
        vote: Dutch message, nothing written."""
        self.open_session()
        res1 = self.res1.with_context(**NL)
        with self.assertRaisesRegex(UserError, "geen aandelen"):
            res1.cast_vote(self.dirk, "for")
        with self.assertRaisesRegex(UserError, "niet in het register"):
            res1.cast_vote(self.cleo, "for")
        with self.assertRaisesRegex(UserError, "geen aandelen"):
            self.assembly.with_context(**NL).register_attendance(self.dirk)
        self.assertFalse(self.Vote.search([("assembly_id", "=", self.assembly.id)]))

    def test_double_vote_refused(self):
        """A second vote of the same holder is refused in Dutch (ORM) and by the
        database; the first vote stands."""
        self.open_session()
        first = self.res1.cast_vote(self.ann, "for")
        with self.assertRaisesRegex(UserError, "al gestemd"):
            self.res1.with_context(**NL).cast_vote(self.ann, "against")
        with self.assertRaisesRegex(UserError, "al gestemd"):
            self.res1.with_context(**NL).cast_vote(self.ann, "against", cast_by=self.bart)
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.IntegrityError):
            with self.env.cr.savepoint():
                self.Vote.create({"resolution_id": self.res1.id,
                                  "holder_line_id": self.line(self.ann).id,
                                  "cast_by_line_id": self.line(self.ann).id,
                                  "choice": "against", "weight": 4.0})
        votes = self.Vote.search([("resolution_id", "=", self.res1.id)])
        self.assertEqual(votes, first)
        self.assertEqual(first.choice, "for")

    def test_proxy_above_limit_refused(self):
        """A proxy beyond the assembly's limit is refused in Dutch and not recorded, also
        when written directly."""
        self.open_session()
        with self.assertRaisesRegex(UserError, "volmachten"):
            self.assembly.with_context(**NL).register_proxy(self.gert, self.ann)
        self.assertEqual(self.line(self.gert).attendance, "absent")
        self.assertEqual(self.line(self.ann).proxy_count, 1)
        with self.assertRaisesRegex(ValidationError, "volmachten"):
            self.line(self.gert).with_context(**NL).write(
                {"attendance": "represented", "proxy_line_id": self.line(self.ann).id})
        # a proxy to an absent holder, to himself
        with self.assertRaises(UserError):
            self.assembly.register_proxy(self.hilde, self.gert)
        with self.assertRaises(UserError):
            self.assembly.register_proxy(self.hilde, self.hilde)
        self.assertEqual(self.line(self.hilde).attendance, "absent")

    def test_absent_or_wrong_proxy_cannot_vote(self):
        """An absent holder cannot vote, nor can someone vote for a holder whose proxy he
        does not hold; a holder who voted keeps his attendance."""
        self.open_session()
        with self.assertRaisesRegex(UserError, "niet als aanwezig"):
            self.res1.with_context(**NL).cast_vote(self.gert, "for")
        with self.assertRaisesRegex(UserError, "volmacht"):
            self.res1.with_context(**NL).cast_vote(self.fien, "for", cast_by=self.bart)
        self.res1.cast_vote(self.bart, "for")
        with self.assertRaises(UserError):
            self.line(self.bart).action_absent()
        self.res2.action_close_voting()
        with self.assertRaises(UserError):
            self.res2.cast_vote(self.ann, "for")

    def test_votes_never_deleted_or_changed(self):
        """Votes cannot be changed or deleted through the ORM or in SQL; a resolution
        that was voted on stays."""
        self.open_session()
        vote = self.res1.cast_vote(self.ann, "for")
        with self.assertRaises(UserError):
            vote.unlink()
        with self.assertRaises(UserError):
            vote.write({"choice": "against"})
        with self.assertRaises(UserError):
            as_user(vote, self.admin_dar).unlink()
        for sql in ("DELETE FROM coop_share_assembly_vote WHERE id = %s",
                    "UPDATE coop_share_assembly_vote SET choice = 'against' WHERE id = %s"):
            with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.Error):
                with self.env.cr.savepoint():
                    self.env.cr.execute(sql, (vote.id,))
        with self.assertRaises(UserError):
            self.res1.unlink()
        with self.assertRaises(UserError):
            self.assembly.unlink()
        self.assertTrue(vote.exists())

    def test_result_sheet_pdf_and_xlsx(self):
        """The result sheet shows the figures, each resolution's result and the attendance
        list, in the PDF report and in the XLSX."""
        self.open_session()
        self.res1.cast_vote(self.ann, "for")
        self.res1.cast_vote(self.bart, "against")
        self.res1.cast_vote(self.fien, "for", cast_by=self.ann)
        self.assembly.action_close()
        report = self.env.ref("coop_share_register.report_assembly_result_action")
        self.assertEqual(report.report_type, "qweb-pdf")
        html = as_user(report, self.manager_a).with_context(**NL).render_qweb_html(
            self.assembly.ids)[0].decode()
        for text in ("Goedkeuring van de jaarrekening", "Aangenomen", "Verworpen",
                     "Peeters", "Claes", "Aanwezigheidslijst"):
            self.assertIn(text, html)
        self.assertNotIn("Wouters", html)  # absent
        content = as_user(self.assembly, self.manager_a).with_context(**NL).export_xlsx()
        book = xlrd.open_workbook(file_contents=content)
        sheet = book.sheet_by_index(0)
        rows = [sheet.row_values(r) for r in range(sheet.nrows)]
        self.assertIn([1, "Goedkeuring van de jaarrekening", "Gewone meerderheid", 7.0, 6.0,
                       0.0, "Aangenomen"], rows)
        attendance = book.sheet_by_index(1)
        self.assertEqual(attendance.nrows, 4)
        names = [attendance.cell_value(r, 1) for r in range(1, 4)]
        self.assertEqual(len([n for n in names if "Claes" in n]), 1)
        action = as_user(self.assembly, self.manager_a).action_export_xlsx()
        self.assertIn("/web/content/", action["url"])

    def test_invitation_mailing(self):
        """The invitation is a legal mailing from the assembly template: it reaches every
        shareholder with an e-mail address, opted out or not, with the date and place."""
        self.ann.write({"email": "ann@example.org"})
        self.env["coop.share.mailing.optout"].create({"holder_id": self.ann.id})
        self.bart.write({"email": "bart@example.org", "lang": "fr_BE"})
        self.reg_a.partner_id.email = "info@zonnecoop.be"
        action = self.assembly.action_invite()
        mailing = self.env["coop.share.mailing"].browse(action["res_id"])
        self.assertEqual((mailing.assembly_id, mailing.kind, mailing.legal),
                         (self.assembly, "assembly", True))
        as_user(mailing, self.manager_a).action_send()
        from odoo.addons.queue_job.job import Job
        for method in ("job_queue_batches", "job_send_batch"):
            for job in self.env["queue.job"].search(
                    [("func_string", "=like", "coop.share.mailing(%d,).%%" % mailing.id),
                     ("method_name", "=", method)]):
                Job.load(self.env, job.uuid).perform()
        mails = self.env["mail.mail"].search(
            [("mailing_id", "in", mailing.sudo().mass_mailing_ids.ids)])
        self.assertEqual(sorted(mails.mapped("email_to")), ["ann@example.org", "bart@example.org"])
        ann = mails.filtered(lambda m: m.email_to == "ann@example.org")
        self.assertIn("15/06/2024 14:00 (Gent)", ann.body_html)
        self.assertIn("registratiedatum, 30/04/2024", ann.body_html)
        bart = mails.filtered(lambda m: m.email_to == "bart@example.org")
        self.assertIn("Invitation", bart.subject)


class TestAssemblyIsolation(AssemblyCase):

    def test_other_cooperative_cannot_touch_the_assembly(self):
        """Another cooperative's manager does not see the assembly, its roll or votes, and
        can neither open it, record attendance nor vote; he cannot create an assembly in
        a register not his own."""
        self.open_session()
        vote = self.res1.cast_vote(self.ann, "for")
        for model in ("coop.share.assembly", "coop.share.assembly.holder",
                      "coop.share.assembly.resolution", "coop.share.assembly.vote"):
            self.assertFalse(as_user(self.env[model], self.manager_b).search([]), model)
        with self.assertRaises(AccessError):
            as_user(self.assembly, self.manager_b).read(["name"])
        with self.assertRaises(AccessError):
            as_user(vote, self.manager_b).read(["choice"])
        with self.assertRaises(AccessError):
            as_user(self.res2, self.manager_b).cast_vote(self.bart, "for")
        with self.assertRaises(AccessError):
            as_user(self.line(self.gert), self.manager_b).action_present()
        with self.assertRaises(AccessError):
            as_user(self.Assembly, self.manager_b).create({
                "register_id": self.reg_a.id, "date": "2024-06-15 12:00:00",
                "record_date": "2024-04-30"})
        with self.assertRaises(AccessError):
            as_user(self.assembly, self.manager_b).export_xlsx()
        self.assertEqual(self.Vote.search([("assembly_id", "=", self.assembly.id)]), vote)

    def test_viewer_reads_but_cannot_vote(self):
        """A register viewer sees the assembly of his register but records nothing."""
        self.open_session()
        self.assertEqual(as_user(self.Assembly, self.viewer_a).search([]), self.assembly)
        with self.assertRaises(AccessError):
            as_user(self.res1, self.viewer_a).cast_vote(self.ann, "for")
        with self.assertRaises(AccessError):
            as_user(self.line(self.gert), self.viewer_a).action_present()


class TestAssemblyHttp(CoopHttpCase):
    """The result sheet through HTTP: its owner downloads it, another cooperative's
    manager gets nothing from crafted URLs."""

    def setUp(self):
        super().setUp()
        env = self.env(context={"tracking_disable": True})
        registers = []
        for name, digits in (("Zonnecoop X", "07654321"), ("Windcoop Y", "07654322")):
            partner = env["res.partner"].create({"name": name, "is_company": True})
            registers.append(env["coop.share.register"].create({
                "name": name, "partner_id": partner.id,
                "company_number": company_number(digits)}))
        reg_x, reg_y = registers
        share_class = env["coop.share.class"].create({
            "register_id": reg_x.id, "code": "A", "name": "A", "nominal_value": 100})
        holder = env["coop.shareholder"].create({"register_id": reg_x.id, "name": "Geheim",
                                                 "firstname": "Gerda"})
        env["coop.share.entry"].create({
            "register_id": reg_x.id, "entry_type": "subscription", "class_id": share_class.id,
            "quantity": 3, "holder_to_id": holder.id, "date": "2024-01-10"}).action_confirm()
        self.assembly = env["coop.share.assembly"].create({
            "register_id": reg_x.id, "date": "2024-06-15 12:00:00",
            "record_date": "2024-04-30"})
        self.assembly.action_open()
        self.assembly.register_attendance(holder)
        action = self.assembly.action_export_xlsx()
        self.xlsx_url = action["url"]
        for login, register in (("dar_ga_http_x", reg_x), ("dar_ga_http_y", reg_y)):
            new_user(env, login, ["coop_share_register.group_dar_manager"], password=login,
                     coop_register_ids=[(6, 0, register.ids)])
        self.share_with_server()

    def test_result_sheet_urls(self):
        """The register's manager gets the XLSX and the HTML result sheet; the other
        cooperative's manager gets neither."""
        report = "/report/html/coop_share_register.report_assembly_result/%s" % \
            self.assembly.id
        self.authenticate("dar_ga_http_x", "dar_ga_http_x")
        response = self.url_open(self.xlsx_url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content[:2], b"PK")
        response = self.url_open(report, timeout=120)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Gerda Geheim", response.text)
        self.authenticate("dar_ga_http_y", "dar_ga_http_y")
        with mute_logger("odoo.http", "werkzeug", "odoo.addons.base.ir.ir_ui_view"):
            for url in (self.xlsx_url, report,
                        "/report/pdf/coop_share_register.report_assembly_result/%s"
                        % self.assembly.id):
                response = self.url_open(url, timeout=120)
                self.assertNotEqual(response.status_code, 200, url)
                self.assertNotIn(b"Gerda", response.content)

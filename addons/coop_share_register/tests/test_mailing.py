# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo.addons.coop_website.tests.common import CoopHttpCase, new_user
from odoo.addons.queue_job.job import Job
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import config, mute_logger

from .common import DarCase, as_user, company_number

NL = {"lang": "nl_BE"}


class MailingCase(DarCase):
    """Register A with Ann (Dutch, fully paid), Bart (French, class B, unpaid balance),
    Dirk (English, opted out of mailings), Eva (no e-mail); register B with Cleo."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Mailing = cls.env["coop.share.mailing"]
        cls.reg_a.partner_id.email = "info@zonnecoop.be"
        cls.reg_b.partner_id.email = "info@windcoop.be"
        cls.ann.write({"email": "ann@example.org", "lang": "nl_BE"})
        cls.bart.write({"email": "bart@example.org", "lang": "fr_BE"})
        cls.Optout = cls.env["coop.share.mailing.optout"]
        cls.dirk = cls.make_holder(cls.reg_a, "Dewulf", firstname="Dirk", lang="en_US",
                                   email="dirk@example.org")
        as_user(cls.Optout, cls.manager_a).create({"holder_id": cls.dirk.id})
        cls.eva = cls.make_holder(cls.reg_a, "Verhaegen", firstname="Eva")
        cls.cleo.write({"email": "cleo@example.org"})
        sub = cls.make_entry("subscription", cls.class_a, 4, holder_to=cls.ann,
                             date="2024-01-10")
        cls.Payment.create({"entry_id": sub.id, "date": "2024-01-12", "amount": 1000.0})
        sub = cls.make_entry("subscription", cls.class_a2, 2, holder_to=cls.bart,
                             date="2024-01-10")
        cls.Payment.create({"entry_id": sub.id, "date": "2024-01-12", "amount": 200.0})
        sub = cls.make_entry("subscription", cls.class_a, 1, holder_to=cls.dirk,
                             date="2024-01-10")
        cls.Payment.create({"entry_id": sub.id, "date": "2024-01-12", "amount": 250.0})
        cls.make_entry("subscription", cls.class_a, 1, holder_to=cls.eva, date="2024-01-10")
        cls.make_entry("subscription", cls.class_b, 5, holder_to=cls.cleo, date="2024-01-10")

    def new_mailing(self, template_xmlid="mailing_template_statement", user=None, **values):
        vals = {"register_id": self.reg_a.id, "date": "2024-12-31",
                "mailing_template_id": self.env.ref("coop_share_register.%s" % template_xmlid).id}
        vals.update(values)
        return as_user(self.Mailing, user or self.manager_a).create(vals)

    def jobs(self, mailing, method="job_send_batch"):
        return self.env["queue.job"].search([
            ("model_name", "=", "coop.share.mailing"), ("method_name", "=", method),
            ("func_string", "=like", "coop.share.mailing(%d,).%%" % mailing.id)], order="id")

    def queue_batches(self, mailing):
        """Run the job that queues the batches (the job runner's first step)."""
        for job in self.jobs(mailing, "job_queue_batches"):
            Job.load(self.env, job.uuid).perform()
        return self.jobs(mailing)

    def run_jobs(self, mailing):
        for job in self.queue_batches(mailing):
            Job.load(self.env, job.uuid).perform()
        mailing.invalidate_cache()

    def mails(self, mailing):
        return self.env["mail.mail"].search(
            [("mailing_id", "in", mailing.sudo().mass_mailing_ids.ids)])

    def mail_to(self, mailing, email):
        return self.mails(mailing).filtered(lambda m: m.email_to == email)


class TestMailing(MailingCase):

    def test_statement_reaches_the_right_shareholders_personalised(self):
        """A yearly statement goes, through queued jobs, to every shareholder of the
        register with an e-mail address (legal: also the opted-out one), in his language,
        with his name, shares and balance, from the cooperative."""
        mailing = self.new_mailing()
        self.assertTrue(mailing.legal)
        mailing.action_send()
        self.assertEqual(mailing.state, "sending")
        # nothing is rendered in the request: the jobs do it
        self.assertFalse(self.mails(mailing))
        self.assertEqual(len(self.jobs(mailing, "job_queue_batches")), 1)
        self.assertEqual(len(self.queue_batches(mailing)), mailing.batch_count)
        self.run_jobs(mailing)
        mails = self.mails(mailing)
        self.assertEqual(sorted(mails.mapped("email_to")),
                         ["ann@example.org", "bart@example.org", "dirk@example.org"])
        self.assertEqual(set(mails.mapped("email_from")), {"Zonnecoop A <info@zonnecoop.be>"})
        self.assertEqual(set(mails.mapped("reply_to")), {"info@zonnecoop.be"})
        ann = self.mail_to(mailing, "ann@example.org")
        self.assertEqual(ann.subject, "Uw aandelen in Zonnecoop A op 31/12/2024")
        self.assertIn("Beste Ann", ann.body_html)
        self.assertIn("<td>Aantal aandelen</td><td>4</td>", ann.body_html)
        self.assertIn("1.000,00 EUR", ann.body_html)
        self.assertNotIn("unsubscribe", ann.body_html)
        bart = self.mail_to(mailing, "bart@example.org")
        self.assertEqual(bart.subject, "Vos parts dans Zonnecoop A au 31/12/2024")
        self.assertIn("<td>Reste à libérer</td><td>800,00 EUR</td>", bart.body_html)
        dirk = self.mail_to(mailing, "dirk@example.org")
        self.assertIn("Dear Dirk", dirk.body_html)
        self.assertNotIn("Maes", "".join(mails.mapped("body_html")))
        self.assertEqual(mailing.state, "done")
        self.assertEqual(mailing.progress, 100.0)

    def test_opt_out_respected_for_non_legal_mail(self):
        """A news mailing skips the shareholder who opted out and carries an unsubscribe
        link; the link opts the shareholder out of his own cooperative only."""
        ann_b = self.make_holder(self.reg_b, "Peeters", firstname="Ann",
                                 email="ann@example.org")
        mailing = self.new_mailing("mailing_template_news")
        self.assertFalse(mailing.legal)
        self.assertEqual(mailing.preview_counts(),
                         {"recipients": 2, "opted_out": 1, "without_email": 1})
        mailing.action_send()
        # mails that are not legal are not archived once sent: keep them to read them here
        mailing.sudo().mass_mailing_ids.write({"keep_archives": True})
        self.run_jobs(mailing)
        mails = self.mails(mailing)
        self.assertEqual(sorted(mails.mapped("email_to")), ["ann@example.org", "bart@example.org"])
        ann_mail = self.mail_to(mailing, "ann@example.org")
        self.assertIn("/unsubscribe_from_list", ann_mail.body_html)
        self.assertIn("Geen mails meer ontvangen", ann_mail.body_html)
        # the link of the mail as Odoo sends it, then the unsubscribe page's call
        url = ann_mail._get_unsubscribe_url("ann@example.org")
        self.assertIn("/mail/mailing/%d/unsubscribe" % ann_mail.mailing_id.id, url)
        ann_mail.mailing_id.update_opt_out("ann@example.org", [ann_mail.res_id], True)
        optout = self.Optout.search([("holder_id", "=", self.ann.id)])
        self.assertEqual(optout.source, "link")
        self.assertFalse(self.Optout.search([("holder_id", "=", ann_b.id)]))
        again = self.new_mailing("mailing_template_news")
        self.assertEqual(again.preview_counts()["recipients"], 1)
        # she wants the mailings again: the opt-out is archived, not deleted
        optout.active = False
        self.assertEqual(again.preview_counts()["recipients"], 2)
        self.assertTrue(optout.exists())
        with self.assertRaises(UserError):
            optout.unlink()

    def test_segments(self):
        """Per class, with an unpaid balance, chosen holders, holders of shares: each
        segment selects the right shareholders."""
        cases = [
            ({"segment": "classes", "class_ids": [(6, 0, self.class_a2.ids)]}, self.bart),
            ({"segment": "unpaid"}, self.bart | self.eva),
            ({"segment": "selection", "holder_ids": [(6, 0, self.ann.ids)]}, self.ann),
            ({"segment": "active"}, self.ann | self.bart | self.dirk | self.eva),
        ]
        self.eva.email = "eva@example.org"
        for values, expected in cases:
            mailing = self.new_mailing(**values)
            mailing.action_send()
            self.assertEqual(mailing.recipient_ids.mapped("holder_id"), expected, values)
        former = self.make_holder(self.reg_a, "Oud", email="oud@example.org", state="former")
        mailing = self.new_mailing(segment="former")
        mailing.action_send()
        self.assertEqual(mailing.recipient_ids.mapped("holder_id"), former)

    def test_batches_progress_and_retry(self):
        """Mails are made in batches by separate jobs with visible progress; a job run
        twice sends nobody twice."""
        self.env["ir.config_parameter"].set_param("coop_share_register.mailing_batch_size", "2")
        mailing = self.new_mailing()
        mailing.action_send()
        self.assertEqual(mailing.batch_count, 2)
        self.assertFalse(self.jobs(mailing))
        jobs = self.queue_batches(mailing)
        self.assertEqual(len(jobs), 2)
        Job.load(self.env, jobs[0].uuid).perform()
        mailing.invalidate_cache()
        self.assertEqual((mailing.processed_count, mailing.recipient_count), (2, 3))
        self.assertAlmostEqual(mailing.progress, 66.7)
        self.assertEqual(mailing.state, "sending")
        Job.load(self.env, jobs[0].uuid).perform()
        self.assertEqual(len(self.mails(mailing)), 2)
        # a job method called from a request (RPC) is refused
        with self.assertRaises(AccessError):
            mailing.job_send_batch(1)
        self.assertEqual(len(self.mails(mailing)), 2)
        Job.load(self.env, jobs[1].uuid).perform()
        mailing.invalidate_cache()
        self.assertEqual(len(self.mails(mailing)), 3)
        self.assertEqual(mailing.state, "done")

    def test_cancel_stops_remaining_batches(self):
        """A cancelled mailing's remaining jobs prepare no mail."""
        self.env["ir.config_parameter"].set_param("coop_share_register.mailing_batch_size", "2")
        mailing = self.new_mailing()
        mailing.action_send()
        jobs = self.queue_batches(mailing)
        Job.load(self.env, jobs[0].uuid).perform()
        mailing.action_cancel()
        Job.load(self.env, jobs[1].uuid).perform()
        self.assertEqual(len(self.mails(mailing)), 2)
        self.assertEqual(mailing.state, "cancel")

    def test_statistics_sent_opened_bounced(self):
        """Sent, opened and bounced are counted per mailing from the mass mailing
        statistics; non-legal mails are not archived once sent, legal ones are."""
        mailing = self.new_mailing()
        mailing.action_send()
        self.assertEqual((mailing.recipient_count, mailing.processed_count,
                          mailing.sent_count), (3, 0, 0))
        self.run_jobs(mailing)
        # the jobs hand the mails to the mail server (in tests: Odoo's test mode)
        self.assertEqual((mailing.recipient_count, mailing.processed_count,
                          mailing.sent_count), (3, 3, 3))
        self.assertEqual(set(self.mails(mailing).mapped("state")), {"sent"})
        stats = self.env["mail.mail.statistics"].search(
            [("mass_mailing_id", "in", mailing.sudo().mass_mailing_ids.ids)], order="id")
        self.assertEqual(len(stats), 3)
        stats[0].set_opened(mail_message_ids=[stats[0].message_id])
        stats[1].set_bounced(mail_message_ids=[stats[1].message_id])
        mailing.invalidate_cache()
        self.assertEqual((mailing.sent_count, mailing.opened_count, mailing.bounced_count),
                         (3, 1, 1))
        other = self.new_mailing("mailing_template_news")
        self.assertEqual((other.sent_count, other.opened_count), (0, 0))
        other.action_send()
        self.run_jobs(other)
        self.assertEqual((other.sent_count, other.opened_count), (2, 0))
        self.assertFalse(self.mails(other))

    def test_manager_without_own_email_can_send(self):
        """The mailing leaves from the cooperative: a manager without an e-mail address of
        his own sends it all the same."""
        self.manager_a.partner_id.email = False
        mailing = self.new_mailing()
        mailing.action_send()
        self.assertEqual(mailing.state, "sending")

    def test_sent_mailing_cannot_change(self):
        """A sent mailing cannot be edited or deleted."""
        mailing = self.new_mailing()
        mailing.action_send()
        with self.assertRaises(UserError):
            mailing.write({"body_nl": "<p>Anders</p>"})
        with self.assertRaises(UserError):
            mailing.unlink()
        with self.assertRaises(UserError):
            mailing.action_send()

    def test_without_sender_or_recipients_nothing_sent(self):
        """A register without a sender address, or a mailing without recipients, is
        refused with a Dutch message and nothing is written."""
        self.reg_a.partner_id.email = False
        mailing = self.new_mailing()
        with self.assertRaisesRegex(UserError, "geen e-mailadres voor zijn mailings"):
            mailing.with_context(**NL).action_send()
        self.assertFalse(mailing.recipient_ids)
        self.assertEqual(mailing.state, "draft")
        self.reg_a.partner_id.email = "aandeelhouders@zonnecoop.be"
        empty = self.new_mailing(segment="former")
        with self.assertRaisesRegex(UserError, "Geen aandeelhouder"):
            empty.with_context(**NL).action_send()
        self.assertFalse(self.jobs(empty) | self.jobs(empty, "job_queue_batches"))
        mailing.action_send()
        self.assertEqual(mailing.email_from, "Zonnecoop A <aandeelhouders@zonnecoop.be>")


class TestMailingIsolation(MailingCase):
    """A manager never reaches another cooperative's shareholders."""

    def test_mailing_for_other_register_refused(self):
        """A manager cannot create a mailing in another cooperative's register."""
        with self.assertRaises(AccessError):
            self.new_mailing(register_id=self.reg_b.id)

    def test_other_cooperatives_holders_refused_in_dutch(self):
        """Choosing another cooperative's shareholder is refused with a Dutch message and
        nothing is written."""
        count = self.Mailing.search_count([])
        with self.assertRaisesRegex(ValidationError, "andere coöperatie"):
            as_user(self.Mailing, self.manager_a).with_context(**NL).create({
                "register_id": self.reg_a.id, "name": "Test", "body_nl": "<p>x</p>",
                "segment": "selection", "holder_ids": [(6, 0, (self.ann | self.cleo).ids)]})
        with self.assertRaisesRegex(ValidationError, "andere coöperatie"):
            as_user(self.Mailing, self.manager_a).with_context(**NL).create({
                "register_id": self.reg_a.id, "name": "Test", "body_nl": "<p>x</p>",
                "segment": "classes", "class_ids": [(6, 0, self.class_b.ids)]})
        self.assertEqual(self.Mailing.search_count([]), count)

    def test_send_time_check_refuses_and_sends_nothing(self):
        """Even when another cooperative's shareholder got into a mailing behind the
        ORM's back, sending refuses it in Dutch: no recipient, no mass mailing, no job,
        no mail."""
        mailing = self.new_mailing(segment="selection", holder_ids=[(6, 0, self.ann.ids)])
        self.env.cr.execute("INSERT INTO coop_share_mailing_holder_rel VALUES (%s, %s)",
                            (mailing.id, self.cleo.id))
        mailing.invalidate_cache()
        with self.assertRaisesRegex(ValidationError, "andere coöperatie"):
            mailing.with_context(**NL).action_send()
        self.assertFalse(mailing.recipient_ids)
        self.assertFalse(mailing.sudo().mass_mailing_ids)
        self.assertFalse(self.jobs(mailing) | self.jobs(mailing, "job_queue_batches"))
        self.assertFalse(self.env["mail.mail"].search([("email_to", "=", "cleo@example.org")]))
        self.assertEqual(mailing.state, "draft")

    def test_other_manager_sees_and_sends_nothing(self):
        """Another cooperative's manager does not see the mailing, its recipients or its
        figures, and cannot send or cancel it; a viewer cannot send."""
        mailing = self.new_mailing()
        mailing.action_send()
        self.assertFalse(as_user(self.Mailing, self.manager_b).search([]))
        self.assertFalse(as_user(self.env["coop.share.mailing.recipient"],
                                 self.manager_b).search([]))
        self.assertFalse(as_user(self.Mailing, self.manager_b).read_group(
            [], ["register_id"], ["register_id"]))
        with self.assertRaises(AccessError):
            as_user(mailing, self.manager_b).read(["name", "sent_count"])
        draft = self.new_mailing()
        with self.assertRaises(AccessError):
            as_user(draft, self.manager_b).action_send()
        with self.assertRaises(AccessError):
            as_user(draft, self.manager_b).action_cancel()
        with self.assertRaises(AccessError):
            as_user(draft, self.viewer_a).action_send()
        self.assertEqual(draft.state, "draft")
        self.assertEqual(as_user(self.Mailing, self.viewer_a).search([]), mailing | draft)

    def test_opt_outs_per_cooperative(self):
        """A manager sees and records opt-outs of his own register only."""
        self.assertEqual(as_user(self.Optout, self.manager_a).search([]).mapped("holder_id"),
                         self.dirk)
        self.assertFalse(as_user(self.Optout, self.manager_b).search([]))
        with self.assertRaises(AccessError):
            as_user(self.Optout, self.manager_a).create({"holder_id": self.cleo.id})
        self.assertFalse(self.Optout.search([("holder_id", "=", self.cleo.id)]))

    def test_mails_and_statistics_stay_within_the_cooperative(self):
        """The kept mails of a cooperative's legal mailing, their statistics and mails about
        DAR records are readable by neither another cooperative's manager nor Coopkracht's
        internal users (Odoo 11 lets every user read every outgoing mail)."""
        mailing = self.new_mailing()
        mailing.action_send()
        self.run_jobs(mailing)
        mails = self.mails(mailing)
        self.assertTrue(mails, "the statement is a legal mail: its mails are kept")
        stats = self.env["mail.mail.statistics"].search(
            [("mass_mailing_id", "in", mailing.sudo().mass_mailing_ids.ids)])
        self.assertTrue(stats)
        about_holder = self.env["mail.mail"].create({
            "subject": "Dividend", "body_html": "<p>IBAN BE68539007547034</p>",
            "email_to": "ann@example.org", "model": "coop.shareholder", "res_id": self.ann.id})
        staff = new_user(self.env, "coop_staff_mails", ["base.group_user"])
        Mail, Stats = self.env["mail.mail"], self.env["mail.mail.statistics"]
        for user in (self.manager_b, staff):
            self.assertFalse(as_user(Mail, user).search([("id", "in", (mails | about_holder).ids)]))
            self.assertFalse(as_user(Stats, user).search([("id", "in", stats.ids)]))
            for record in (mails[:1], about_holder, stats[:1]):
                with self.assertRaises(AccessError):
                    as_user(record, user).read(["create_date"])
        self.assertEqual(as_user(Mail, self.manager_a).search([("id", "in", mails.ids)]), mails)
        self.assertEqual(as_user(Stats, self.manager_a).search([("id", "in", stats.ids)]), stats)
        other = Mail.create({"subject": "Nieuwsbrief", "body_html": "<p>Hallo</p>",
                             "email_to": "x@example.org", "model": "res.partner",
                             "res_id": self.reg_a.partner_id.id})
        self.assertEqual(as_user(Mail, staff).search([("id", "=", other.id)]), other,
                         "other mails stay readable as in Odoo")

    def test_coopkracht_mass_mailing_users_do_not_see_dar_mailings(self):
        """Coopkracht's own newsletter users do not see the mass mailings that carry a
        cooperative's mailing."""
        mailing = self.new_mailing()
        mailing.action_send()
        staff = new_user(self.env, "newsletter_staff",
                         ["base.group_user", "mass_mailing.group_mass_mailing_user"])
        visible = as_user(self.env["mail.mass_mailing"], staff).search([])
        self.assertFalse(visible & mailing.sudo().mass_mailing_ids)


class TestMailingHttp(CoopHttpCase):
    """The unsubscribe link of a mail and crafted requests of another cooperative's
    manager, through HTTP."""

    def setUp(self):
        super().setUp()
        env = self.env(context={"tracking_disable": True})
        registers = []
        for name, digits in (("Zonnecoop X", "07654321"), ("Windcoop Y", "07654322")):
            partner = env["res.partner"].create({
                "name": name, "is_company": True, "email": "info@%s.be" % digits})
            registers.append(env["coop.share.register"].create({
                "name": name, "partner_id": partner.id,
                "company_number": company_number(digits)}))
        self.reg_x, self.reg_y = registers
        Holder = env["coop.shareholder"]
        self.ann_x = Holder.create({"register_id": self.reg_x.id, "name": "Peeters",
                                    "firstname": "Ann", "email": "ann@example.org"})
        self.ann_y = Holder.create({"register_id": self.reg_y.id, "name": "Peeters",
                                    "firstname": "Ann", "email": "ann@example.org"})
        new_user(env, "dar_mail_http_y", ["coop_share_register.group_dar_manager"],
                 password="dar_mail_http_y", coop_register_ids=[(6, 0, self.reg_y.ids)])
        template = env.ref("coop_share_register.mailing_template_news")
        self.mailing = env["coop.share.mailing"].create({
            "register_id": self.reg_x.id, "mailing_template_id": template.id})
        self.mailing.action_send()
        self.mailing.sudo().mass_mailing_ids.write({"keep_archives": True})
        for method in ("job_queue_batches", "job_send_batch"):
            for job in env["queue.job"].search(
                    [("func_string", "=like", "coop.share.mailing(%d,).%%" % self.mailing.id),
                     ("method_name", "=", method)]):
                Job.load(env, job.uuid).perform()
        self.mail = env["mail.mail"].search(
            [("mailing_id", "in", self.mailing.sudo().mass_mailing_ids.ids)])
        self.assertEqual(len(self.mail), 1)
        self.share_with_server()

    def optouts(self, holder):
        return self.env["coop.share.mailing.optout"].search([("holder_id", "=", holder.id)])

    def test_unsubscribe_link(self):
        """The link in the mail opts the shareholder out of his cooperative's mailings,
        not of the other cooperative's; a forged token changes nothing."""
        url = self.mail._get_unsubscribe_url("ann@example.org")
        path = url[url.index("/mail/mailing/"):]
        with mute_logger("odoo.http"):
            forged = self.url_open(path.replace("token=", "token=0"))
        self.assertNotEqual(forged.status_code, 200)
        self.assertFalse(self.optouts(self.ann_x))
        response = self.url_open(path)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.optouts(self.ann_x).source, "link")
        self.assertFalse(self.optouts(self.ann_y))

    def rpc(self, model, method, args):
        response = self.opener.post(
            "http://127.0.0.1:%s/web/dataset/call_kw" % config["http_port"],
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": {
                "model": model, "method": method, "args": args, "kwargs": {}}}),
            headers={"Content-Type": "application/json"}, timeout=30)
        return response.json()

    def test_other_manager_requests_refused(self):
        """Another cooperative's manager reads, searches and sends nothing of the mailing
        through RPC."""
        self.authenticate("dar_mail_http_y", "dar_mail_http_y")
        with mute_logger("odoo.http"):
            result = self.rpc("coop.share.mailing", "read", [self.mailing.ids, ["name"]])
            self.assertIn("error", result)
            result = self.rpc("coop.share.mailing", "action_send", [self.mailing.ids])
            self.assertIn("error", result)
        result = self.rpc("coop.share.mailing.recipient", "search_read",
                          [[], ["email", "holder_id"]])
        self.assertEqual(result["result"], [])
        result = self.rpc("coop.share.mailing", "read_group",
                          [[], ["register_id"], ["register_id"]])
        self.assertEqual(result["result"], [])

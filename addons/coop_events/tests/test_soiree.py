# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import itertools
import subprocess
from datetime import datetime, timedelta
from unittest.mock import patch

from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import at_install, post_install
from odoo.tools import config
from odoo.tools.safe_eval import safe_eval

from odoo.addons.coop_website.tests.common import as_user

from .common import CoopEventCase


# post-install: wkhtmltopdf fetches the report's assets from the server, which answers only
# once the registry is loaded (at install, under Odoo's own runner, it would wait for ever)
@at_install(False)
@post_install(True)
class TestSoiree(CoopEventCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.soiree = cls.make_event("Soirée Gent", kind="soiree", begin="2030-10-14 17:00:00",
                                    end="2030-10-14 21:00:00", coop_city="Gent")
        cls.orgs = [cls.make_org("Coop %d" % i, member=i % 2 == 0) for i in range(7)]
        cls.regs = cls.env["event.registration"]
        for i, org in enumerate(cls.orgs):
            contact = cls.make_contact(org, "Deelnemer %d" % i, "p%d@coop%d.example" % (i, i))
            cls.regs |= cls.register(cls.soiree, contact.name, contact.email, partner=contact)
        # two people of the same organisation
        extra = cls.make_contact(cls.orgs[0], "Collega 0", "collega@coop0.example")
        cls.regs |= cls.register(cls.soiree, extra.name, extra.email, partner=extra)

    def _pairs(self, event):
        return [frozenset(p.registration_ids.ids) for p in event.coop_pairing_ids]

    def test_pairing_persisted_with_rules(self):
        """Eight people, three rounds: four tables a round, every round everybody once,
        colleagues never together, no pair twice, different questions per round."""
        self.soiree.action_coop_make_pairing(seed=1)
        pairings = self.soiree.coop_pairing_ids
        self.assertEqual(len(pairings), 12)
        colleagues = self.regs.filtered(lambda r: r.coop_org_id == self.orgs[0])
        self.assertEqual(len(colleagues), 2)
        for number in (1, 2, 3):
            of_round = pairings.filtered(lambda p: p.round == number)
            self.assertEqual(sorted(of_round.mapped("registration_ids").ids), sorted(self.regs.ids))
            for pairing in of_round:
                self.assertNotEqual(pairing.registration_ids, colleagues)
        pairs = self._pairs(self.soiree)
        self.assertEqual(len(pairs), len(set(pairs)))
        questions = [set(pairings.filtered(lambda p: p.round == n)[0].question_ids.ids)
                     for n in (1, 2, 3)]
        for a, b in itertools.combinations(questions, 2):
            self.assertFalse(a & b, "a question came back in another round")
        self.assertTrue(all(questions))

    def test_odd_number_gives_table_of_three(self):
        """With one no-show (seven people) each round has exactly one table of three."""
        self.regs[-1].action_coop_mark_no_show()
        self.soiree.action_coop_make_pairing(seed=2)
        for number in (1, 2, 3):
            sizes = sorted(len(p.registration_ids) for p in self.soiree.coop_pairing_ids
                           if p.round == number)
            self.assertEqual(sizes, [2, 2, 3])

    def test_avoids_earlier_soiree_pairs(self):
        """People who met at an earlier Soirée are not paired again."""
        earlier = self.make_event("Soirée Antwerpen", kind="soiree",
                                  begin="2029-10-14 17:00:00", end="2029-10-14 21:00:00")
        a, b = self.regs[1], self.regs[2]
        ea = self.register(earlier, a.name, a.email, partner=a.partner_id)
        eb = self.register(earlier, b.name, b.email, partner=b.partner_id)
        self.env["coop.event.pairing"].create({
            "event_id": earlier.id, "round": 1, "table_number": 1,
            "registration_ids": [(6, 0, (ea | eb).ids)]})
        for seed in range(5):
            self.soiree.action_coop_make_pairing(seed=seed)
            self.assertNotIn(frozenset((a | b).ids), self._pairs(self.soiree))

    def test_regenerate_replaces(self):
        """Regenerating replaces the conversations instead of adding to them."""
        self.soiree.action_coop_make_pairing(seed=1)
        self.soiree.action_coop_make_pairing(seed=2)
        self.assertEqual(len(self.soiree.coop_pairing_ids), 12)

    def test_newcomers(self):
        """Newcomers (preferably paired with members): a non-member's contact, and a
        member's contact at their organisation's first Soirée; a member whose organisation
        took part in an earlier Soirée is not new."""
        earlier = self.make_event("Soirée 2029", kind="soiree", begin="2029-10-14 17:00:00",
                                  end="2029-10-14 21:00:00")
        veteran = self.regs.filtered(lambda r: r.coop_org_id == self.orgs[2])
        self.register(earlier, "Collega 2", "collega@coop2.example",
                      partner=self.make_contact(self.orgs[2], "Collega 2",
                                                "collega@coop2.example"))
        # between the earlier Soirée and self.soiree (2030)
        later = self.make_event("Soirée november 2029", kind="soiree",
                                begin="2029-11-14 17:00:00", end="2029-11-14 21:00:00")
        again = self.register(later, veteran.name, veteran.email, partner=veteran.partner_id)
        first = self.register(later, "Deelnemer 4", "p4@coop4.example", partner=self.env[
            "res.partner"].search([("email", "=", "p4@coop4.example")], limit=1))
        outsider = self.register(later, "Deelnemer 1", "p1@coop1.example")
        self.assertEqual((again.coop_is_member, again.coop_newcomer), (True, False))
        self.assertEqual((first.coop_is_member, first.coop_newcomer), (True, True))
        self.assertEqual((outsider.coop_is_member, outsider.coop_newcomer), (False, True))

    def test_too_few_attendees(self):
        """A pairing request with fewer than two attendees is refused."""
        lonely = self.make_event("Lege soirée", kind="soiree")
        self.register(lonely, "Enige", "enige@example.org")
        with self.assertRaisesRegex(UserError, "At least two participants"):
            lonely.action_coop_make_pairing()

    def test_manual_adjustment_checked(self):
        """Hand-made changes keep the rules: colleagues, strangers of another event,
        or a fourth person are refused; a valid swap is accepted."""
        self.soiree.action_coop_make_pairing(seed=1)
        colleagues = self.regs.filtered(lambda r: r.coop_org_id == self.orgs[0])
        table = self.soiree.coop_pairing_ids[0]
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env["coop.event.pairing"].create({
                "event_id": self.soiree.id, "round": 9, "table_number": 1,
                "registration_ids": [(6, 0, colleagues.ids)]})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            table.registration_ids = [(6, 0, self.regs[:4].ids)]
        other = self.make_event("Andere", kind="soiree")
        stranger = self.register(other, "Vreemde", "vreemde@example.org")
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            table.registration_ids = [(4, stranger.id)]
        # a valid swap of two people between two tables of round 1
        round1 = self.soiree.coop_pairing_ids.filtered(lambda p: p.round == 1)
        t1, x, t2, y = self._valid_swap(round1)
        new1 = t1.registration_ids - x | y
        new2 = t2.registration_ids - y | x
        t1.coop_swap(x, y)
        self.assertEqual(t1.registration_ids, new1)
        self.assertEqual(t2.registration_ids, new2)
        # a swap that puts colleagues together is refused
        c1, c2 = colleagues
        t_c1 = round1.filtered(lambda p: c1 in p.registration_ids)
        partner = t_c1.registration_ids - c1
        t_c2 = round1.filtered(lambda p: c2 in p.registration_ids)
        if t_c1 != t_c2:
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                t_c1.coop_swap(partner[0], c2)

    def test_schedule_reports_render(self):
        """The schedules per participant and per table render with names and questions."""
        self.soiree.action_coop_make_pairing(seed=1)
        for xmlid in ("coop_events.report_schedule_participant",
                      "coop_events.report_schedule_table"):
            html = self.env.ref(xmlid).render_qweb_html(self.soiree.ids)[0].decode()
            self.assertIn("Deelnemer 3", html)
            self.assertIn(self.soiree.coop_pairing_ids[0].question_ids[0].name[:20], html)

    def test_schedule_pdfs_in_dutch(self):
        """The printed schedules (PDF by wkhtmltopdf, in Dutch) of two Soirées printed
        together: one page per participant with their rounds, tables, partners and
        questions; per table every round with its tables, each Soirée on a new page."""
        self.soiree.action_coop_make_pairing(seed=1)
        second = self.make_event("Soirée Brugge", kind="soiree", begin="2030-11-14 17:00:00",
                                 end="2030-11-14 21:00:00", coop_pairing_rounds=1)
        self.register(second, "Gast Een", "gast1@example.org")
        self.register(second, "Gast Twee", "gast2@example.org")
        second.action_coop_make_pairing(seed=1)
        events = self.soiree | second
        self.env["ir.config_parameter"].sudo().set_param(
            "report.url", "http://127.0.0.1:%s" % config["http_port"])

        def pdf_text(xmlid):
            report = self.env.ref(xmlid).with_context(lang="nl_BE")
            # Odoo renders HTML instead of a PDF in test mode unless a report directory is set
            with patch.dict(config.options, {"test_report_directory": "/tmp"}):
                pdf, fmt = report.render_qweb_pdf(events.ids)
            self.assertEqual(fmt, "pdf")
            self.assertTrue(pdf.startswith(b"%PDF"))
            return subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf,
                                  stdout=subprocess.PIPE, check=True).stdout.decode()

        per_person = pdf_text("coop_events.report_schedule_participant")
        pages = [page for page in per_person.split("\f") if page.strip()]
        self.assertEqual(len(pages), len(self.regs) + 2, "one page per participant")
        self.assertIn("Gast Twee", pages[-1])
        self.assertIn("Soirée Brugge", pages[-1])
        someone = self.regs.sorted("name")[0]
        self.assertIn(someone.name, pages[0])
        for pairing in someone.coop_pairing_ids:
            for other in pairing.registration_ids - someone:
                self.assertIn(other.name, pages[0])
        self.assertRegex(pages[0], r"Ronde\s+Tafel\s+Met\s+Vragen")
        per_table = pdf_text("coop_events.report_schedule_table")
        for number in (1, 2, 3):
            self.assertIn("Ronde %d" % number, per_table)
        self.assertIn("Deelnemers", per_table)
        for registration in self.regs:
            self.assertEqual(per_table.count(registration.name), 3, "once per round")
        last = [page for page in per_table.split("\f") if page.strip()][-1]
        self.assertIn("Soirée Brugge", last)
        self.assertNotIn(self.regs[0].name, last, "the second Soirée starts a new page")

    def test_staff_can_pair_board_cannot(self):
        """Staff regenerates the pairing; a board member cannot change conversations."""
        as_user(self.soiree, self.user_coop).action_coop_make_pairing(seed=3)
        self.assertTrue(self.soiree.coop_pairing_ids)
        with self.assertRaises(AccessError):
            as_user(self.soiree.coop_pairing_ids[:1], self.user_board).write({"round": 7})
        with self.assertRaises(AccessError):
            as_user(self.soiree.coop_pairing_ids[:1], self.user_internal).read(["round"])

    def _valid_swap(self, tables):
        """(table, person there, other table, person there) of a swap that keeps the rules."""
        for t1, t2 in itertools.permutations(tables, 2):
            x, y = t1.registration_ids[0], t2.registration_ids[0]
            new1 = t1.registration_ids - x | y
            new2 = t2.registration_ids - y | x
            others = {frozenset(p.registration_ids.ids)
                      for p in self.soiree.coop_pairing_ids - t1 - t2}
            if any(len(n.mapped("coop_org_id")) < len(n) for n in (new1, new2)) or \
                    frozenset(new1.ids) in others or frozenset(new2.ids) in others:
                continue
            return t1, x, t2, y
        self.fail("no valid swap found to test")

    def test_swap_wizard(self):
        """Staff adjusts a pair by hand through the "Swap participants" wizard opened from
        a table; a swap that breaks a rule is refused and changes nothing; the board
        cannot swap."""
        self.soiree.action_coop_make_pairing(seed=1)
        round1 = self.soiree.coop_pairing_ids.filtered(lambda p: p.round == 1)
        t1, x, t2, y = self._valid_swap(round1)
        Wizard = as_user(self.env["coop.event.pairing.swap"], self.user_coop).with_context(
            active_model="coop.event.pairing", active_id=t1.id)
        # the wizard offers the people of this table, and those of the round's other tables
        arch = etree.fromstring(Wizard.fields_view_get(view_type="form")["arch"])
        values = {"pairing_id": t1.id, "event_id": self.soiree.id, "round": 1}
        Registration = self.env["event.registration"]
        offered = {name: Registration.search(safe_eval(
            arch.xpath("//field[@name='%s']" % name)[0].get("domain"), values))
            for name in ("registration_id", "other_registration_id")}
        self.assertEqual(offered["registration_id"], t1.registration_ids)
        self.assertEqual(offered["other_registration_id"],
                         (round1 - t1).mapped("registration_ids"))
        wizard = Wizard.create({"registration_id": x.id, "other_registration_id": y.id})
        self.assertEqual(wizard.pairing_id, t1, "the table the wizard was opened from")
        before1, before2 = t1.registration_ids, t2.registration_ids
        wizard.action_swap()
        self.soiree.coop_pairing_ids.invalidate_cache()
        self.assertEqual(t1.registration_ids, before1 - x | y)
        self.assertEqual(t2.registration_ids, before2 - y | x)
        # colleagues at one table: refused, both tables unchanged
        c1, c2 = self.regs.filtered(lambda r: r.coop_org_id == self.orgs[0])
        table_c1 = round1.filtered(lambda p: c1 in p.registration_ids)
        table_c2 = round1.filtered(lambda p: c2 in p.registration_ids)
        self.assertNotEqual(table_c1, table_c2)
        mate = table_c1.registration_ids - c1
        snapshot = {p.id: p.registration_ids for p in round1}
        with self.assertRaisesRegex(ValidationError, "same organisation"), \
                self.env.cr.savepoint():
            Wizard.with_context(active_id=table_c1.id).create({
                "registration_id": mate[0].id, "other_registration_id": c2.id}).action_swap()
        round1.invalidate_cache()
        self.assertEqual({p.id: p.registration_ids for p in round1}, snapshot)
        # someone of the same table, or of another round: refused
        with self.assertRaises(UserError), self.env.cr.savepoint():
            Wizard.with_context(active_id=t1.id).create({
                "registration_id": t1.registration_ids[0].id,
                "other_registration_id": t1.registration_ids[1].id}).action_swap()
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            as_user(self.env["coop.event.pairing.swap"], self.user_board).create({
                "pairing_id": t1.id, "registration_id": t1.registration_ids[0].id,
                "other_registration_id": t2.registration_ids[0].id}).action_swap()

    def test_reminder_two_days_before(self):
        """A new event reminds its registrants two days before the start, in Dutch, once;
        cancelled registrations get nothing."""
        now = datetime.utcnow().replace(microsecond=0)
        soiree = self.make_event(
            "Soirée Leuven", kind="soiree", coop_city="Leuven",
            begin=fields.Datetime.to_string(now + timedelta(days=1)),
            end=fields.Datetime.to_string(now + timedelta(days=1, hours=4)))
        scheduler = soiree.event_mail_ids
        self.assertEqual(len(scheduler), 1)
        self.assertEqual((scheduler.interval_type, scheduler.interval_nbr, scheduler.template_id),
                         ("before_event", 2, self.env.ref("coop_events.mail_template_reminder")))
        dirk = self.register(soiree, "Dirk", "dirk@nieuwkomer.example")
        gone = self.register(soiree, "Eva", "eva@nieuwkomer.example")
        gone.button_reg_cancel()
        self.env["event.mail"].run()
        self.env["event.mail"].run()
        Mail = self.env["mail.mail"]
        mails = Mail.search([("model", "=", "event.registration"),
                             ("res_id", "in", (dirk | gone).ids)])
        self.assertEqual(mails.mapped("res_id"), [dirk.id], "one reminder, not to Eva")
        self.assertIn("Herinnering: Soirée Leuven", mails.subject)
        self.assertIn("Leuven", mails.body_html)
        self.assertTrue(scheduler.done)

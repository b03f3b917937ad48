# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue #7's "Done when", through the ORM as a client cooperative's register manager
working in Dutch (the browser journey is in test_browser)."""
import xlrd

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import DarCase

HOLDERS = ("ref,type,name,firstname,street,zip,city,lang\n"
           "P1,person,Claes,Dirk,Dorp 1,3000,Leuven,nl\n"
           "P2,person,Wouters,Els,Dorp 2,3000,Leuven,fr\n")
ENTRIES = ("ref,date,type,class,quantity,from_holder,to_holder,paid_amount\n"
           "S1,2021-01-04,subscription,A,10,,P1,1000.00\n"
           "S2,2021-01-05,subscription,A,6,,P2,\n")


class TestManagerJourney(DarCase):

    def test_manager_runs_his_register_in_dutch_and_sees_nothing_else(self):
        """Set up, import, each kind of entry, payments, positions, certificate, register
        extract and XLSX export — as manager A, in Dutch; nothing of register B."""
        env = self.env(user=self.manager_a.id, context={"lang": "nl_BE"})
        register = env["coop.share.register"].browse(self.reg_a.id)
        # set up: the register's rules and a share class
        register.write({"min_shares": 1, "max_shares": 40,
                        "admission_rules": "Natuurlijke personen uit de regio"})
        class_c = env["coop.share.class"].create({
            "register_id": register.id, "code": "C", "name": "Klasse C",
            "nominal_value": 100.0, "voting_rights": "1 stem per aandeelhouder",
            "transfer_restrictions": "Enkel aan aandeelhouders"})
        with self.assertRaises(AccessError):
            env["coop.share.class"].create({"register_id": self.reg_b.id, "code": "X",
                                            "name": "X", "nominal_value": 1.0})
        # import a spreadsheet
        result = env["coop.share.import.wizard"].import_files(
            register, HOLDERS.encode(), ENTRIES.encode(), dry_run=False)
        self.assertFalse(result["problems"], result["problems"])
        Holder, Entry = env["coop.shareholder"], env["coop.share.entry"]
        dirk = Holder.search([("ref", "=", "P1")])
        els = Holder.search([("ref", "=", "P2")])
        self.assertEqual(len(dirk | els), 2)

        def record(etype, share_class, qty, **values):
            entry = Entry.create(dict(values, register_id=register.id, entry_type=etype,
                                      class_id=share_class.id, quantity=qty))
            entry.action_confirm()
            self.assertEqual(entry.state, "confirmed")
            return entry
        class_a = env["coop.share.class"].browse(self.class_a.id)
        ann = Holder.browse(self.ann.id)
        sub = record("subscription", class_a, 4, holder_to_id=ann.id, date="2022-01-03")
        env["coop.share.payment"].create({"entry_id": sub.id, "date": "2022-01-10",
                                          "amount": 500.0})
        record("transfer", class_a, 2, holder_from_id=dirk.id, holder_to_id=ann.id,
               date="2022-02-01")
        record("transmission", class_a, 1, holder_from_id=dirk.id, holder_to_id=els.id,
               date="2022-03-01")
        record("conversion", class_a, 2, holder_from_id=els.id, holder_to_id=els.id,
               to_class_id=class_c.id, to_quantity=5, date="2022-04-01")
        record("redemption", class_a, 1, holder_from_id=dirk.id, date="2022-05-02",
               amount_paid_out=250.0)
        wrong = record("exclusion", class_a, 6, holder_from_id=dirk.id, date="2022-06-01",
                       amount_paid_out=1500.0)
        correction = Entry.browse(wrong.action_correct()["res_id"])
        correction.action_confirm()
        # a bad entry is refused in Dutch
        with self.assertRaisesRegex(ValidationError, r"zou op .* -\d+ aandelen van klasse"), \
                self.cr.savepoint():
            record("transfer", class_a, 50, holder_from_id=ann.id, holder_to_id=els.id,
                   date="2022-07-01")
        # positions: shares, paid and unpaid
        positions = {(p["holder_id"], p["class_id"]): p for p in
                     env["coop.share.position"].compute_positions(register)}
        self.assertEqual(positions[(ann.id, class_a.id)]["shares"], 6)
        self.assertEqual(positions[(ann.id, class_a.id)]["unpaid"], 500.0)
        self.assertEqual(positions[(dirk.id, class_a.id)]["shares"], 6)
        self.assertEqual(positions[(els.id, class_c.id)]["shares"], 5)
        self.assertEqual(register.share_totals(), {class_a.id: 6 + 6 + 5, class_c.id: 5})
        self.assertEqual(register.share_totals("2022-12-31")[class_a.id], 6 + 0 + 5,
                         "the correction (dated today) gives Dirk his shares back")
        # certificate and register extract, in Dutch
        cert = env.ref("coop_share_register.report_shareholder_certificate_action")
        html = cert.render_qweb_html(dirk.ids)[0].decode()
        self.assertIn("Bewijs van inschrijving", html)
        self.assertIn("Claes", html)
        extract = env.ref("coop_share_register.report_register_extract_action")
        html = extract.render_qweb_html(register.ids)[0].decode()
        for name in ("Claes", "Wouters", "Peeters"):
            self.assertIn(name, html)
        self.assertNotIn("Maes", html)
        # XLSX export of the entries: every entry, none of register B
        content = env["coop.share.export.wizard"].export_xlsx(register, "entries")
        sheet = xlrd.open_workbook(file_contents=content).sheet_by_index(0)
        self.assertEqual(sheet.nrows - 1, Entry.search_count([("state", "=", "confirmed")]))
        self.assertEqual(sheet.cell_value(0, 0), "Nummer")
        # nothing of the other cooperative, whichever way
        self.assertFalse(Entry.search([("register_id", "=", self.reg_b.id)]))
        self.assertFalse(Holder.name_search("Maes"))
        self.assertEqual(Entry.read_group([], ["register_id"], ["register_id"])[0][
            "register_id"][0], register.id)
        with self.assertRaises(AccessError):
            env["coop.share.export.wizard"].export_xlsx(self.reg_b, "positions")
        with self.assertRaises((AccessError, UserError)):
            env["coop.share.register.job"].start(self.reg_b, "extract")

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The portal speaks to its users with one form of address, "je/jouw", as the website
does (issue 25.13): in our own Dutch translations and in those of Odoo's portal,
account, sale, event and website strings that the portal shows."""
import glob
import os
import re

from odoo.tests.common import at_install, post_install

from odoo.addons.coop_website.tests.common import CoopHttpCase, new_user, page_text

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# the polite form: u, uw, uzelf (a word of its own, any case)
POLITE = re.compile(r"\b(?:[Uu]w|[Uu]zelf|[Uu])\b(?![.'’-])")
PAGES = ("/my", "/my/home", "/my/invoices", "/my/account", "/my/events", "/my/compass",
         "/my/vacatures", "/my/aandelen")


def polite_phrases(text):
    """The phrases of text (a few words around each) that use the polite form."""
    return ["...%s..." % text[max(0, m.start() - 30):m.end() + 30].strip()
            for m in POLITE.finditer(text)]


def po_entries(path):
    """(msgid, msgstr) of each translation of a .po file."""
    with open(path, encoding="utf-8") as handle:
        content = handle.read()
    for block in content.split("\n\n"):
        parts, key = {}, None
        for line in block.splitlines():
            match = re.match(r'^(msgid|msgstr) (".*")$', line)
            if match:
                key = match.group(1)
                parts[key] = [match.group(2)]
            elif line.startswith('"') and key:
                parts[key].append(line)
            else:
                key = None
        if "msgid" in parts and "msgstr" in parts:
            yield tuple("".join(bytes(piece[1:-1], "utf-8").decode("unicode_escape")
                                .encode("latin-1").decode("utf-8") for piece in parts[k])
                        for k in ("msgid", "msgstr"))


def strip_markup(text):
    """The words of a translation: no HTML tags, no ${...} or %(...)s placeholders."""
    text = re.sub(r"\$\{[^}]*\}|%\([^)]*\)[sd]|<[^>]*>|&\w+;", " ", text)
    return " ".join(text.split())


def test_polite_regex():
    """The check finds u/uw/U as words and nothing inside other words or initials."""
    assert POLITE.search("Uw documenten")
    assert POLITE.search("Hebt u intussen betaald")
    assert POLITE.search("U beheert dit register niet.")
    assert not POLITE.search("Je portaal: jouw documenten, uur, duwen, Utrecht, uitnodiging")
    assert not POLITE.search("U.S.A.")


def test_our_translations_use_je():
    """No Dutch translation of a coop addon uses u/uw (the offending terms are listed)."""
    offending = []
    for path in sorted(glob.glob(os.path.join(ROOT, "addons", "coop_*", "i18n", "nl*.po"))):
        for msgid, msgstr in po_entries(path):
            for phrase in polite_phrases(strip_markup(msgstr)):
                offending.append("%s: %r -> %s" % (os.path.relpath(path, ROOT), msgid[:60], phrase))
    assert not offending, "polite form in our translations:\n" + "\n".join(offending)


@at_install(False)
@post_install(True)
class TestPortalWording(CoopHttpCase):

    def _open_invoice(self, partner):
        company = self.env.ref("base.main_company")
        income = self.env["account.account"].search([
            ("company_id", "=", company.id),
            ("user_type_id", "=", self.env.ref("account.data_account_type_revenue").id)], limit=1)
        invoice = self.env["account.invoice"].create({
            "partner_id": partner.id, "date_invoice": "2026-01-15",
            "invoice_line_ids": [(0, 0, {"name": "Lidmaatschapsbijdrage 2026", "quantity": 1,
                                         "price_unit": 1250.0, "account_id": income.id})]})
        invoice.action_invoice_open()
        return invoice

    def test_portal_pages_use_je(self):
        """A Dutch-speaking portal user with an invoice reads no u/uw on /my, the
        invoices, an invoice, the account details and our own /my pages (the offending
        phrases are listed)."""
        user = new_user(self.env, "wording_portal", ["base.group_portal"],
                        password="wording_portal", lang="nl_BE")
        invoice = self._open_invoice(user.partner_id)
        self.authenticate("wording_portal", "wording_portal")
        offending = {}
        for path in PAGES + ("/my/invoices/%d" % invoice.id,):
            response = self.url_open(path)
            self.assertEqual(response.status_code, 200, path)
            self.assertIn('lang="nl-BE"', response.text, path)
            phrases = polite_phrases(page_text(response.content))
            if phrases:
                offending[path] = phrases
        self.assertFalse(offending, "polite form on portal pages: %s" % offending)
        # the portal does say "je" where it addresses the user
        response = self.url_open("/my/home")
        self.assertIn("Jouw documenten", page_text(response.content))
        # and it writes the invoice's date and amount in Belgian Dutch (issue 25.11)
        text = page_text(self.url_open("/my/invoices").content).replace("\xa0", " ")
        self.assertIn(invoice.number, text)
        self.assertIn("15/01/2026", text)
        self.assertIn("1.250,00 €", text)

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from unittest.mock import patch
from urllib.parse import parse_qs, urlparse

from lxml import html as lxml_html

from odoo import tools

from .common import CoopSavepointCase

MARKER = 'data-coop-layout="1"'


class TestMailLayout(CoopSavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("base.lang_en").active = True
        cls.env["res.lang"].load_lang("fr_BE")
        module = cls.env["ir.module.module"].search([("name", "=", "coop_website")])
        module._update_translations(filter_lang="fr_BE")
        Partner = cls.env["res.partner"]
        cls.anna = Partner.create({"name": "Anna Peeters", "email": "anna@voorbeeld.be", "lang": "nl_BE"})
        cls.john = Partner.create({"name": "John Smith", "email": "john@example.org", "lang": "en_US"})
        cls.marie = Partner.create({"name": "Marie Dubois", "email": "marie@exemple.be", "lang": "fr_BE"})
        partner_model = cls.env.ref("base.model_res_partner")
        cls.template = cls.env["mail.template"].create({
            "name": "Test welcome",
            "model_id": partner_model.id,
            "subject": "Welcome ${object.name}",
            "body_html": "<p>Hello ${object.name}</p>",
            "email_to": "${object.email}",
            "lang": "${object.lang}",
            "coop_layout": True,
        })
        cls.plain_template = cls.template.copy({"coop_layout": False})

    def test_body_wrapped_in_layout(self):
        """A coop_layout template's body sits inside the layout with logo and address."""
        values = self.template.generate_email(self.anna.id)
        body = values["body_html"]
        self.assertIn(MARKER, body)
        self.assertIn("Hello Anna Peeters", body)
        self.assertIn("/logo.png?company=", body)
        self.assertIn("Posthoflei 3 bus 3", body)
        self.assertIn("2600", body)
        self.assertEqual(values["body"], tools.html_sanitize(body))
        self.assertIn("Hello Anna Peeters", values["body"])

    def test_multi_mode_returns_dict_of_dicts(self):
        """For a list of ids every record's mail is wrapped, each in its own language."""
        values = self.template.generate_email([self.anna.id, self.marie.id])
        self.assertEqual(set(values), {self.anna.id, self.marie.id})
        self.assertIn("Hello Anna Peeters", values[self.anna.id]["body_html"])
        self.assertIn("Hello Marie Dubois", values[self.marie.id]["body_html"])
        self.assertIn("Hét netwerk voor coöperaties in Vlaanderen", values[self.anna.id]["body_html"])
        self.assertIn("Le réseau des coopératives en Flandre", values[self.marie.id]["body_html"])
        for vals in values.values():
            self.assertEqual(vals["body_html"].count(MARKER), 1)

    def test_layout_follows_recipient_language(self):
        """Dutch, English and French recipients get the layout in their language."""
        texts = {
            self.anna: ("Hét netwerk voor coöperaties in Vlaanderen", 'lang="nl"'),
            self.john: ("The network for cooperatives in Flanders", 'lang="en"'),
            self.marie: ("Le réseau des coopératives en Flandre", 'lang="fr"'),
        }
        for partner, (text, lang_attr) in texts.items():
            body = self.template.generate_email(partner.id)["body_html"]
            self.assertIn(text, body, partner.name)
            self.assertIn(lang_attr, body, partner.name)

    def test_dutch_by_default(self):
        """A template without a language expression renders the layout in Dutch."""
        self.template.lang = False
        body = self.template.with_context(lang=None).generate_email(self.john.id)["body_html"]
        self.assertIn("Hét netwerk voor coöperaties in Vlaanderen", body)

    def test_recipient_without_language_reads_dutch(self):
        """A recipient without a language, or with one the database does not have, gets
        the Dutch text of the template, also when the sender works in English."""
        self.template.with_context(lang="nl_BE").write({
            "subject": "Welkom ${object.name}", "body_html": "<p>Hallo ${object.name}</p>"})
        noor = self.env["res.partner"].create({
            "name": "Noor Zondertaal", "email": "noor@voorbeeld.be", "lang": False})
        values = self.template.with_context(lang="en_US").generate_email(noor.id)
        self.assertEqual(values["subject"], "Welkom Noor Zondertaal")
        self.assertIn("Hallo Noor Zondertaal", values["body_html"])
        self.assertIn("Hét netwerk voor coöperaties in Vlaanderen", values["body_html"])
        # the recipient's own language still wins
        values = self.template.with_context(lang="nl_BE").generate_email(self.john.id)
        self.assertEqual(values["subject"], "Welcome John Smith")
        self.assertIn("Hello John Smith", values["body_html"])
        # a language that is not installed: Dutch
        self.template.lang = "de_DE"
        values = self.template.with_context(lang="en_US").generate_email(self.john.id)
        self.assertIn("Hallo John Smith", values["body_html"])

    def test_english_needs_no_installed_language(self):
        """English, the templates' source text, is written also where en_US is not an active
        language of the database; French needs fr_BE."""
        Lang = type(self.env["res.lang"])
        with patch.object(Lang, "get_installed", return_value=[("nl_BE", "Nederlands")]):
            english = self.template.generate_email(self.john.id)["body_html"]
            french = self.template.generate_email(self.marie.id)["body_html"]
        self.assertIn("Hello John Smith", english)
        self.assertIn("The network for cooperatives in Flanders", english)
        self.assertIn("Hét netwerk voor coöperaties in Vlaanderen", french)

    def test_plain_template_untouched(self):
        """Templates without coop_layout keep their body as written."""
        values = self.plain_template.generate_email(self.anna.id)
        self.assertNotIn(MARKER, values["body_html"])
        self.assertIn("Hello Anna Peeters", values["body_html"])

    def test_no_double_wrap(self):
        """A body that already carries the layout is not wrapped again."""
        body = self.template.generate_email(self.anna.id)["body_html"]
        again = self.template._coop_wrap_body(body, self.anna.id, "nl_BE")
        self.assertEqual(again.count(MARKER), 1)

    def test_composed_then_notified_mail_wrapped_once(self):
        """A template body posted as a message (composer) is not wrapped again by the notification."""
        follower = self.env["res.partner"].create({"name": "Vera Volger", "email": "vera@voorbeeld.be"})
        body = self.template.generate_email(self.anna.id)["body_html"]
        message = self.anna.with_context(mail_notify_force_send=False).message_post(
            body=body, subtype="mail.mt_comment", message_type="comment", partner_ids=[follower.id])
        mails = self.env["mail.mail"].search([("mail_message_id", "=", message.id)])
        self.assertTrue(mails)
        for mail in mails:
            self.assertEqual(mail.body_html.count("o_coop_mail_layout"), 1)

    def test_send_mail_stores_wrapped_body(self):
        """send_mail queues a mail.mail whose HTML is the branded layout."""
        mail_id = self.template.send_mail(self.anna.id)
        mail = self.env["mail.mail"].browse(mail_id)
        self.assertIn(MARKER, mail.body_html)
        self.assertIn("Hello Anna Peeters", mail.body)

    def test_partner_mail_has_no_unsubscribe_link(self):
        """A transactional mail to a partner has no unsubscribe link."""
        body = self.template.generate_email(self.anna.id)["body_html"]
        self.assertNotIn("/nieuwsbrief/afmelden", body)

    def test_context_or_placeholder_adds_unsubscribe_link(self):
        """The context key or the %%UNSUBSCRIBE%% placeholder add the link."""
        body = self.template.with_context(coop_unsubscribe=True).generate_email(self.anna.id)["body_html"]
        self.assertIn("/nieuwsbrief/afmelden", body)
        self.template.body_html = "<p>Nieuws ${object.name}</p>%%UNSUBSCRIBE%%"
        body = self.template.generate_email(self.anna.id)["body_html"]
        self.assertIn("/nieuwsbrief/afmelden", body)
        self.assertNotIn("%%UNSUBSCRIBE%%", body)


class TestNewsletterUnsubscribe(CoopSavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mailing_list = cls.env.ref("coop_website.mailing_list_newsletter")
        cls.contact = cls.env["mail.mass_mailing.contact"].create({
            "name": "Lies Janssens", "email": "lies@voorbeeld.be",
            "list_ids": [(6, 0, cls.mailing_list.ids)],
        })
        cls.template = cls.env["mail.template"].create({
            "name": "Test newsletter",
            "model_id": cls.env.ref("mass_mailing.model_mail_mass_mailing_contact").id,
            "subject": "Nieuws",
            "body_html": "<p>Dag ${object.name}</p>",
            "coop_layout": True,
        })

    def _link(self):
        body = self.template.generate_email(self.contact.id)["body_html"]
        links = [a.get("href") for a in lxml_html.fromstring(body).xpath("//a[@href]")
                 if "/nieuwsbrief/afmelden" in a.get("href")]
        self.assertEqual(len(links), 1)
        return links[0]

    def test_newsletter_contact_mail_has_unsubscribe_link(self):
        """Mails to newsletter contacts carry a working unsubscribe link."""
        query = parse_qs(urlparse(self._link()).query)
        self.assertEqual(query["email"], ["lies@voorbeeld.be"])
        Partner = self.env["res.partner"]
        self.assertTrue(Partner.coop_unsubscribe(query["email"][0], query["token"][0]))
        self.assertTrue(self.contact.opt_out)

    def test_wrong_token_changes_nothing(self):
        """A forged or altered token does not unsubscribe anyone."""
        query = parse_qs(urlparse(self._link()).query)
        Partner = self.env["res.partner"]
        self.assertFalse(Partner.coop_unsubscribe("lies@voorbeeld.be", "0" * 64))
        self.assertFalse(Partner.coop_unsubscribe("ander@voorbeeld.be", query["token"][0]))
        self.assertFalse(Partner.coop_unsubscribe("lies@voorbeeld.be", ""))
        self.assertFalse(self.contact.opt_out)


class TestNotificationLayout(CoopSavepointCase):

    def test_chatter_notification_is_branded(self):
        """A message posted on a record reaches followers in Coopkracht's layout, without Odoo's advertisement."""
        Partner = self.env["res.partner"]
        record = Partner.create({"name": "Coöperatie De Test cv", "email": "info@detest.be"})
        follower = Partner.create({"name": "Piet Volger", "email": "piet@voorbeeld.be", "lang": "nl_BE"})
        message = record.with_context(mail_notify_force_send=False).message_post(
            body="<p>Uw aanvraag is ontvangen.</p>", subtype="mail.mt_comment",
            message_type="comment", partner_ids=[follower.id])
        mails = self.env["mail.mail"].search([("mail_message_id", "=", message.id)])
        self.assertTrue(mails)
        for mail in mails:
            self.assertIn(MARKER, mail.body_html)
            self.assertIn("Uw aanvraag is ontvangen.", mail.body_html)
            self.assertNotIn("using", mail.body_html)
            self.assertNotIn("odoo.com", mail.body_html)

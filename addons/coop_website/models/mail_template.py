# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.tools import pycompat

# Mark a body that already carries the layout, so that a composed mail that is
# posted again (notification) is not wrapped twice. The class survives the
# sanitizing of message bodies, the data attribute does not.
LAYOUT_MARKER = 'data-coop-layout="1"'
LAYOUT_CLASS = "o_coop_mail_layout"


class MailTemplate(models.Model):
    _inherit = "mail.template"

    coop_layout = fields.Boolean(
        string="Coopkracht layout",
        help="Wrap the body of this template in Coopkracht's mail layout "
             "(logo, address, unsubscribe link where relevant).",
    )

    @api.model
    def _coop_default_lang(self):
        """Language of a mail whose template names none: Dutch."""
        return "nl_BE"

    @api.model
    def _coop_unsubscribe_models(self):
        """Models whose mails always get an unsubscribe link (newsletter contacts)."""
        return ["mail.mass_mailing.contact"]

    @api.model
    def _coop_recipient_email(self, record):
        """E-mail address the unsubscribe link of a mail about record acts on."""
        for name in ("email", "email_from"):
            if name in record._fields and record[name]:
                return tools.email_split(record[name])[0] if tools.email_split(record[name]) else False
        if "partner_id" in record._fields and record.partner_id.email:
            return record.partner_id.email
        return False

    @api.multi
    def _coop_wants_unsubscribe(self, body):
        self.ensure_one()
        return (self.model in self._coop_unsubscribe_models()
                or self.env.context.get("coop_unsubscribe")
                or "%%UNSUBSCRIBE%%" in (body or ""))

    @api.multi
    def _coop_wrap_body(self, body, res_id, lang):
        """body (HTML) inside Coopkracht's mail layout, in lang."""
        self.ensure_one()
        if not body or LAYOUT_MARKER in body or LAYOUT_CLASS in body:
            return body
        record = self.env[self.model].browse(res_id) if self.model and res_id else None
        company = self.env.user.company_id
        if record is not None and "company_id" in record._fields and record.sudo().company_id:
            company = record.sudo().company_id
        unsubscribe_url = False
        if self._coop_wants_unsubscribe(body) and record is not None:
            email = self._coop_recipient_email(record.sudo())
            if email:
                unsubscribe_url = self.env["res.partner"]._coop_unsubscribe_url(email)
        body = body.replace("%%UNSUBSCRIBE%%", "")
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        values = {
            "body": body,
            "company": company.sudo(),
            "base_url": base_url,
            "logo_url": "%s/logo.png?company=%d" % (base_url, company.id),
            "unsubscribe_url": unsubscribe_url,
            "lang_code": (lang or "nl_BE").split("_")[0],
        }
        html = self.env["ir.qweb"].with_context(lang=lang).render(
            "coop_website.mail_layout", values)
        if isinstance(html, bytes):
            html = html.decode("utf-8")
        return html

    @api.multi
    def _coop_lang(self, lang):
        """The language a mail is written in: the recipient's (the template's lang
        expression) when it is English (the source text) or an installed language,
        else Dutch."""
        if lang and (lang == "en_US" or lang in dict(self.env["res.lang"].get_installed())):
            return lang
        return self._coop_default_lang()

    @api.multi
    def get_email_template(self, res_ids):
        """Templates with Coopkracht's layout speak Dutch to a recipient without a
        (known) language, whatever the sender's language; Odoo uses the sender's."""
        if len(self) != 1 or not self.coop_layout:
            return super().get_email_template(res_ids)
        multi_mode = not isinstance(res_ids, pycompat.integer_types)
        ids = [None] if res_ids is None else list(res_ids) if multi_mode else [res_ids]
        langs = self.render_template(self.lang, self.model, ids) if self.lang else {}
        results = {res_id: self.with_context(lang=self._coop_lang(langs.get(res_id)))
                   for res_id in ids}
        return results if multi_mode else results[ids[0]]

    @api.multi
    def generate_email(self, res_ids, fields=None):
        results = super().generate_email(res_ids, fields=fields)
        if not self.coop_layout:
            return results
        multi_mode = not isinstance(res_ids, pycompat.integer_types)
        ids = res_ids if multi_mode else [res_ids]
        by_id = results if multi_mode else {ids[0]: results}
        templates = self.get_email_template(ids)
        for res_id in ids:
            values = by_id.get(res_id)
            if not values or not values.get("body_html"):
                continue
            template = templates.get(res_id) or self
            lang = template.env.context.get("lang") or self._coop_default_lang()
            values["body_html"] = self._coop_wrap_body(values["body_html"], res_id, lang)
            values["body"] = tools.html_sanitize(values["body_html"])
        return results

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

MAILING_KINDS = [
    ("general", "General information"),
    ("assembly", "General assembly invitation"),
    ("statement", "Yearly statement"),
    ("dividend", "Dividend notice"),
]


class CoopShareMailingTemplate(models.Model):
    """A text for mailings to shareholders, in Dutch and (optionally) French and English.
    Placeholders are rendered per recipient (`${object.shares}`, `${object.holder_id.name}`,
    ...): the recipient is a `coop.share.mailing.recipient`."""

    _name = "coop.share.mailing.template"
    _description = "Shareholder mailing template"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(selection=MAILING_KINDS, required=True, default="general")
    legal = fields.Boolean(
        string="Legal mail",
        help="A mail the cooperative must send (invitation to the general assembly, "
             "statement, dividend notice): it also reaches shareholders who opted out.")
    subject_nl = fields.Char(string="Subject (Dutch)", required=True)
    body_nl = fields.Html(string="Text (Dutch)", required=True, sanitize=False)
    subject_fr = fields.Char(string="Subject (French)")
    body_fr = fields.Html(string="Text (French)", sanitize=False)
    subject_en = fields.Char(string="Subject (English)")
    body_en = fields.Html(string="Text (English)", sanitize=False)
    active = fields.Boolean(default=True)

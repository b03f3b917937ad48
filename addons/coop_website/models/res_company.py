# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import subprocess

from odoo import api, models
from odoo.addons.base.ir.ir_actions_report import _get_wkhtmltopdf_bin

_WKHTMLTOPDF = {}


def wkhtmltopdf_has_patched_qt():
    """Whether wkhtmltopdf can print HTML headers and footers (a build 'with
    patched qt'); Debian's package cannot. Asked once per process."""
    if "patched" not in _WKHTMLTOPDF:
        try:
            out = subprocess.check_output([_get_wkhtmltopdf_bin(), "--version"],
                                          stderr=subprocess.STDOUT, timeout=30)
            _WKHTMLTOPDF["patched"] = b"patched qt" in out
        except (OSError, IOError, subprocess.SubprocessError):
            _WKHTMLTOPDF["patched"] = False
    return _WKHTMLTOPDF["patched"]


# Coopkracht's identity: the values the install writes on the main company.
COOP_IDENTITY = {
    "name": "Coopkracht vzw",
    "street": "Posthoflei 3 bus 3",
    "street2": False,
    "zip": "2600",
    "city": "Berchem",
    "website": "https://coopkracht.be",
    "email": "info@coopkracht.be",
    "external_report_layout": "standard",
}


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.multi
    def coop_apply_identity(self):
        """Write Coopkracht's name, address, country, currency and report layout
        on these companies (only the values that differ)."""
        belgium = self.env.ref("base.be")
        eur = self.env.ref("base.EUR")
        for company in self:
            vals = dict(COOP_IDENTITY, country_id=belgium.id)
            if company.currency_id != eur:
                vals["currency_id"] = eur.id
            vals = {k: v for k, v in vals.items()
                    if (company[k].id if hasattr(company[k], "id") and k.endswith("_id") else company[k]) != v}
            if vals:
                company.write(vals)
        return True

    @api.multi
    def write(self, vals):
        """A new name of a company is also the company name of the contacts that carry
        the old one (Odoo's admin and demo users: "YourCompany, Administrator")."""
        old_names = {company.id: company.name for company in self} if "name" in vals else {}
        result = super().write(vals)
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        for company in self.filtered(lambda c: c.id in old_names and c.name != old_names[c.id]):
            Partner.search([("company_name", "=", old_names[company.id])]).write(
                {"company_name": company.name})
        return result

    @api.model
    def coop_report_inline_frame(self):
        """Print the company block and footer inside the page body: needed when
        wkhtmltopdf cannot render the layout's header and footer."""
        return not wkhtmltopdf_has_patched_qt()

    @api.multi
    def coop_formatted_registry(self):
        """The company number as printed: 'BE 0123.456.789' (KBO notation)."""
        self.ensure_one()
        digits = "".join(c for c in (self.company_registry or "") if c.isdigit())
        if len(digits) == 9:
            digits = "0" + digits
        if len(digits) != 10:
            return self.company_registry or ""
        return "%s.%s.%s" % (digits[:4], digits[4:7], digits[7:])

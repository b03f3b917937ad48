# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, models


class MemberListXlsx(models.AbstractModel):
    """The member list as an Excel file (report_xlsx)."""

    _name = "report.coop_membership.member_list_xlsx"
    _inherit = "report.report_xlsx.abstract"

    def _columns(self):
        return [
            (_("Name"), lambda p: p.name),
            (_("Company number"), lambda p: p.coop_kbo_number or ""),
            (_("Legal form"), lambda p: dict(p._fields["coop_legal_form"]._description_selection(
                p.env)).get(p.coop_legal_form, "")),
            (_("Membership"), lambda p: dict(p._fields["coop_membership_state"]
                                             ._description_selection(p.env))[p.coop_membership_state]),
            (_("Fee category"), lambda p: p.coop_category_id.name or ""),
            (_("Joined"), lambda p: p.coop_join_date or ""),
            (_("Left"), lambda p: p.coop_leave_date or ""),
            (_("Sectors"), lambda p: ", ".join(p.coop_sector_ids.mapped("name"))),
            (_("Street"), lambda p: p.street or ""),
            (_("Zip"), lambda p: p.zip or ""),
            (_("City"), lambda p: p.city or ""),
            (_("E-mail"), lambda p: p.email or ""),
            (_("Phone"), lambda p: p.phone or ""),
            (_("Website"), lambda p: p.website or ""),
        ]

    def generate_xlsx_report(self, workbook, data, partners):
        sheet = workbook.add_worksheet(_("Members"))
        bold = workbook.add_format({"bold": True})
        columns = self._columns()
        for col, (title, _getter) in enumerate(columns):
            sheet.write(0, col, title, bold)
        for row, partner in enumerate(partners.sorted("name"), start=1):
            for col, (_title, getter) in enumerate(columns):
                sheet.write(row, col, getter(partner))

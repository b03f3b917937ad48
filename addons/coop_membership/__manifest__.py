# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    'name': 'Coopkracht: member organisations',
    'summary': 'Member organisations, yearly fees through accounting, joining and leaving, general assemblies',
    'version': '11.0.1.0.0',
    'category': 'Coopkracht',
    'author': 'Coopkracht vzw',
    'website': 'https://coopkracht.be',
    'license': 'AGPL-3',
    'depends': ['coop_website', 'membership', 'account_invoicing', 'l10n_be_invoice_bba'],
    'data': ['views/menus.xml'],
    'demo': [],
    'installable': True,
    'application': True,
}

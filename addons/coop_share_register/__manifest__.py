# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    'name': 'Coopkracht: digital share register (DAR)',
    'summary': 'The DAR: an append-only share register per client cooperative',
    'version': '11.0.1.0.0',
    'category': 'Coopkracht',
    'author': 'Coopkracht vzw',
    'website': 'https://coopkracht.be',
    'license': 'AGPL-3',
    'depends': ['coop_website', 'base_iban', 'mail', 'portal'],
    'external_dependencies': {'python': ['xlsxwriter', 'xlrd']},
    'data': [
        'security/coop_share_register_security.xml',
        'security/ir.model.access.csv',
        'views/coop_share_register_views.xml',
        'views/coop_shareholder_views.xml',
        'views/coop_share_entry_views.xml',
        'wizards/coop_share_wizard_views.xml',
        'report/register_reports.xml',
        'views/menus.xml',
    ],
    'demo': ['demo/coop_share_register_demo.xml'],
    'installable': True,
    'application': True,
}

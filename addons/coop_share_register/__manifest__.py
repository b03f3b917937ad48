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
    'depends': ['coop_website', 'base_iban'],
    'data': ['views/menus.xml'],
    'demo': [],
    'installable': True,
    'application': True,
}

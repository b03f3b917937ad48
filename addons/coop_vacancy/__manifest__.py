# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    'name': 'Coopkracht: vacancy bank',
    'summary': 'The vacancy bank: free posting for members, moderated posting for others',
    'version': '11.0.1.0.0',
    'category': 'Coopkracht',
    'author': 'Coopkracht vzw',
    'website': 'https://coopkracht.be',
    'license': 'AGPL-3',
    'depends': ['coop_membership'],
    'data': ['views/menus.xml'],
    'demo': [],
    'installable': True,
    'application': True,
}

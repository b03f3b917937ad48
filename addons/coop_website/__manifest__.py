# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    'name': 'Coopkracht: website and identity',
    'summary': "Coopkracht's identity: company data, website frame, mail and report layout, staff groups",
    'version': '11.0.1.0.0',
    'category': 'Coopkracht',
    'author': 'Coopkracht vzw',
    'website': 'https://coopkracht.be',
    'license': 'AGPL-3',
    'depends': ['website', 'portal', 'mail', 'l10n_be'],
    'data': ['security/coop_website_security.xml'],
    'demo': [],
    'installable': True,
    'application': False,
}

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    'name': 'Coopkracht: website and identity',
    'summary': "Coopkracht's identity: company data, website frame, mail and report layout, staff groups",
    'version': '11.0.1.1.0',
    'category': 'Coopkracht',
    'author': 'Coopkracht vzw',
    'website': 'https://coopkracht.be',
    'license': 'AGPL-3',
    'depends': ['website', 'portal', 'mail', 'l10n_be', 'website_mass_mailing'],
    'data': [
        'security/coop_website_security.xml',
        'data/company_data.xml',
        'data/mail_data.xml',
        'views/assets.xml',
        'views/res_config_settings_views.xml',
        'views/website_layout_templates.xml',
        'views/website_pages.xml',
        'views/portal_templates.xml',
        'views/mail_layout_templates.xml',
        'report/report_layout_templates.xml',
    ],
    'qweb': [
        'static/src/xml/user_menu.xml',
    ],
    'demo': [],
    'post_init_hook': 'post_init_hook',
    'installable': True,
    'application': False,
}

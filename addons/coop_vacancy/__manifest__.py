# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    'name': 'Coopkracht: vacancy bank',
    'summary': 'The vacancy bank: free posting for members, moderated posting for others',
    'version': '11.0.1.1.0',
    'category': 'Coopkracht',
    'author': 'Coopkracht vzw',
    'website': 'https://coopkracht.be',
    'license': 'AGPL-3',
    'depends': ['coop_membership', 'website', 'portal', 'mail', 'account_invoicing'],
    'data': [
        'security/ir.model.access.csv',
        'security/coop_vacancy_security.xml',
        'data/coop_vacancy_data.xml',
        'data/mail_template_data.xml',
        'views/coop_vacancy_view_views.xml',
        'views/coop_vacancy_views.xml',
        'views/res_config_settings_views.xml',
        'views/assets.xml',
        'views/website_templates.xml',
        'views/portal_templates.xml',
        'views/menus.xml',
    ],
    'demo': ['demo/coop_vacancy_demo.xml'],
    'post_init_hook': 'post_init_hook',
    'installable': True,
    'application': True,
}

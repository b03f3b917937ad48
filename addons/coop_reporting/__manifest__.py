# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    'name': 'Coopkracht: reporting',
    'summary': "Accounting export for Coopfabrik and the annual report's figures",
    'version': '11.0.1.1.0',
    'category': 'Coopkracht',
    'development_status': 'Beta',
    'maintainers': ['coopkracht'],
    'author': 'Coopkracht vzw',
    'website': 'https://coopkracht.be',
    'license': 'AGPL-3',
    'depends': ['coop_membership', 'coop_compass', 'coop_vacancy', 'coop_events', 'coop_share_register'],
    'data': [
        'security/coop_reporting_security.xml',
        'security/ir.model.access.csv',
        'data/mail_template_data.xml',
        'wizards/coop_accounting_export_wizard.xml',
        'views/coop_accounting_export_views.xml',
        'views/coop_year_figures_views.xml',
        'views/res_config_settings_views.xml',
        'views/menus.xml',
    ],
    'external_dependencies': {'python': ['xlsxwriter']},
    'demo': ['demo/coop_reporting_demo.xml'],
    'installable': True,
    'application': True,
}

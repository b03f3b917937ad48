# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    'name': 'Coopkracht: ICA compass',
    'summary': 'The ICA compass self-scan, scored per cooperative principle',
    'version': '11.0.1.0.0',
    'category': 'Coopkracht',
    'author': 'Coopkracht vzw',
    'website': 'https://coopkracht.be',
    'license': 'AGPL-3',
    'depends': ['coop_membership', 'coop_website', 'portal', 'website'],
    'data': [
        'security/coop_compass_security.xml',
        'security/ir.model.access.csv',
        'data/compass_content_data.xml',
        'views/compass_principle_views.xml',
        'views/compass_scan_views.xml',
        'views/compass_score_views.xml',
        'views/res_config_settings_views.xml',
        'views/assets.xml',
        'views/compass_templates.xml',
        'views/compass_portal_templates.xml',
        'report/compass_scan_report.xml',
        'views/menus.xml',
    ],
    'demo': ['demo/compass_demo.xml'],
    'installable': True,
    'application': True,
}

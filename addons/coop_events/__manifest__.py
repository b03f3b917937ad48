# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    'name': 'Coopkracht: events',
    'summary': 'Soirées with one-on-one conversations, webinars, evaluations and newsletter figures',
    'version': '11.0.1.0.0',
    'category': 'Coopkracht',
    'author': 'Coopkracht vzw',
    'website': 'https://coopkracht.be',
    'license': 'AGPL-3',
    'depends': ['coop_membership', 'website_event', 'event_sale', 'website_event_sale', 'mass_mailing'],
    'data': [
        'security/coop_events_security.xml',
        'security/ir.model.access.csv',
        'data/coop_events_data.xml',
        'data/coop_event_question_data.xml',
        'data/website_menu_data.xml',
        'wizard/coop_event_pairing_swap_views.xml',
        'views/event_event_views.xml',
        'views/coop_event_pairing_views.xml',
        'views/coop_event_evaluation_views.xml',
        'views/coop_events_templates.xml',
        'report/coop_event_pairing_report.xml',
        'views/menus.xml',
    ],
    'demo': ['demo/coop_events_demo.xml', 'demo/coop_events_upcoming_demo.xml'],
    'installable': True,
    'application': True,
}

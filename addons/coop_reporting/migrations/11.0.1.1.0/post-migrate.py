# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""11.0.1.1.0: one company number field for every addon (coop_membership's
coop_kbo_number); the numbers of the old res_partner.company_registry column move there."""
from odoo.addons.coop_reporting.tools.upgrade import move_company_registry


def migrate(cr, version):
    if version:
        move_company_registry(cr)

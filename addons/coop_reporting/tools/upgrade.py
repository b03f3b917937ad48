# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Data moves of this addon's upgrades, plain functions on a cursor (called from
migrations/<version>/post-migrate.py, tested in tests/test_upgrade_company_number.py)."""
import logging

from odoo.addons.coop_website.tools.validators import normalise_company_number

_logger = logging.getLogger(__name__)


def move_company_registry(cr):
    """Move the company numbers of coop_reporting's former ``res_partner.company_registry``
    column into coop_membership's ``coop_kbo_number`` where that one is empty.

    Numbers are normalised (0123.456.789); a number that fails the KBO check, or that
    another active organisation already has, is not moved and is logged with the
    partner, so that staff can complete the contact. Returns the number of partners moved."""
    cr.execute("""SELECT 1 FROM information_schema.columns
                   WHERE table_name = 'res_partner' AND column_name = 'company_registry'""")
    if not cr.fetchone():
        return 0
    cr.execute("""SELECT id, name, company_registry, is_company, active FROM res_partner
                   WHERE company_registry IS NOT NULL AND TRIM(company_registry) != ''
                     AND (coop_kbo_number IS NULL OR coop_kbo_number = '')
                   ORDER BY id""")
    moved = 0
    for partner_id, name, number, is_company, active in cr.fetchall():
        normalised = normalise_company_number(number)
        if not normalised:
            _logger.warning("Company number %r of partner %s (%s) is not a valid KBO number: "
                            "not moved to coop_kbo_number.", number, partner_id, name)
            continue
        if is_company and active:
            cr.execute("""SELECT id FROM res_partner
                           WHERE coop_kbo_number = %s AND is_company AND active AND id != %s
                           LIMIT 1""", (normalised, partner_id))
            other = cr.fetchone()
            if other:
                _logger.warning("Company number %s of partner %s (%s) belongs to partner %s already: "
                                "not moved to coop_kbo_number.", normalised, partner_id, name, other[0])
                continue
        cr.execute("UPDATE res_partner SET coop_kbo_number = %s WHERE id = %s", (normalised, partner_id))
        moved += 1
    _logger.info("Moved %d company numbers from company_registry to coop_kbo_number.", moved)
    return moved

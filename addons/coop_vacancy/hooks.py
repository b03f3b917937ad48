# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, api


def post_init_hook(cr, registry):
    """After the translations of a fresh install: no field labelled "ID" but the id
    (see coop.vacancy._coop_fix_label_translations; updates run it from the data file)."""
    api.Environment(cr, SUPERUSER_ID, {})["coop.vacancy"]._coop_fix_label_translations()

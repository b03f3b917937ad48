# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The review setting moves to config_parameter= (Odoo 12 semantics): "True" or absent
instead of "1"/"0", else the settings form would read "0" as ticked."""


def migrate(cr, version):
    if not version:
        return
    cr.execute("DELETE FROM ir_config_parameter WHERE key = 'coop_vacancy.review_members' "
               "AND value IN ('0', 'False', '')")
    cr.execute("UPDATE ir_config_parameter SET value = 'True' "
               "WHERE key = 'coop_vacancy.review_members' AND value = '1'")

# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Numbers as people read them in messages (no Odoo import)."""


def share_count(value):
    """A number of shares as a whole number ('-5', not '-5.0'); a fraction, which a
    register never holds, keeps its decimals so that it is not hidden."""
    if value is None:
        return "0"
    number = float(value)
    if number == int(number):
        return str(int(number))
    return ("%.4f" % number).rstrip("0")

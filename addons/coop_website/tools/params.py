# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Request parameters that must be record ids (no Odoo import).

A public form or link may carry anything where an id belongs: text, a negative number,
a number beyond PostgreSQL's integer. `parse_id` turns that into a usable id or None, so
that a route answers 400/404 with a message instead of a server error."""
MAX_ID = 2 ** 31 - 1  # PostgreSQL's integer: larger ids would fail in SQL


def parse_id(value):
    """A positive database id from value (str or int), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    else:
        text = (value or "").strip() if isinstance(value, str) else ""
        if not text.isdigit() or len(text) > 10:
            return None
        number = int(text)
    return number if 0 < number <= MAX_ID else None


def parse_ids(values):
    """The usable ids among values, in order, without repetitions."""
    result = []
    for value in values or ():
        number = parse_id(value)
        if number and number not in result:
            result.append(number)
    return result

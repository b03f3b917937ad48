# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Ids in URLs beyond PostgreSQL's integer do not match a route (404), instead of failing
in SQL (500): `/my/vacatures/99999999999`, `/event/x-99999999999/register`. This covers
the `int` and `model` converters of every route, Odoo's own included."""
import re

from werkzeug.routing import ValidationError

from odoo import models

from ..tools.params import MAX_ID

LAST_NUMBER_RE = re.compile(r"(-?\d+)$")


def bounded(converter):
    """A subclass of the converter class whose ids stay within PostgreSQL's integer."""

    class Bounded(converter):

        def to_python(self, value):
            match = LAST_NUMBER_RE.search(str(value))
            if match and abs(int(match.group(1))) > MAX_ID:
                raise ValidationError()
            return super().to_python(value)

    Bounded.__name__ = "CoopBounded" + converter.__name__
    return Bounded


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _get_converters(cls):
        converters = dict(super(IrHttp, cls)._get_converters())
        for key in ("int", "model"):
            if key in converters:
                converters[key] = bounded(converters[key])
        return converters

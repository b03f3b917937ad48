# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure-Python helpers of the reporting: the data moves of its migrations."""
from . import upgrade  # noqa: F401

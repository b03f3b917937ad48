# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure-Python helpers of the compass: the radar chart."""
from . import radar  # noqa: F401

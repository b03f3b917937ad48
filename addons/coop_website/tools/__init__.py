# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure-Python helpers shared by every coop addon (validators, formatting, URLs):
`from odoo.addons.coop_website.tools import ...`. One module per concern."""
from . import identity  # noqa: F401
from . import visits  # noqa: F401
from . import uploads  # noqa: F401
from . import params  # noqa: F401
from . import formatting  # noqa: F401
from . import sharing  # noqa: F401
from . import validators  # noqa: F401

from . import coop_share_position_wizard
from . import coop_share_export_wizard
from . import coop_share_import_wizard
from . import coop_share_portal_invite
from . import coop_share_assembly_vote_wizard
from . import coop_share_assembly_proxy_wizard
from . import coop_share_dividend_config

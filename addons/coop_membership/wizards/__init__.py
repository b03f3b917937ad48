from . import coop_membership_fee_run
from . import coop_membership_leave
from . import coop_membership_at_date
from . import coop_membership_config

from . import register_reports
from . import coop_share_statement

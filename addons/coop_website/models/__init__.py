from . import mail_template
from . import res_company
from . import res_config_settings
from . import res_partner
from . import ir_actions_report
from . import coop_website_visit
from . import coop_upload
from . import ir_http

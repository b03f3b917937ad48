from . import res_config_settings
from . import coop_accounting_export
from . import coop_year_figures
from . import coop_report_members
from . import coop_report_event_participants
from . import coop_report_vacancies
from . import coop_year_comparison
from . import coop_reporting_dashboard

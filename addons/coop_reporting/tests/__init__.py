from . import test_install
from . import test_accounting_export
from . import test_year_figures
from . import test_demo_2021
from . import test_browser_journey
from . import test_reporting_settings
from . import test_upgrade_company_number
from . import test_year_figures_archived

from . import test_install
from . import test_compass_scoring
from . import test_compass_figures
from . import test_compass_access
from . import test_compass_portal
from . import test_compass_report
from . import test_compass_browser
from . import test_compass_settings

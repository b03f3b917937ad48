from . import test_install
from . import test_pairing_rules
from . import test_pricing
from . import test_soiree
from . import test_evaluation
from . import test_figures
from . import test_webinar
from . import test_http

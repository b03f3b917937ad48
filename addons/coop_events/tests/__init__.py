from . import test_install
from . import test_pairing_rules
from . import test_pricing
from . import test_soiree

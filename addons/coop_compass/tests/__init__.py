from . import test_install
from . import test_compass_scoring
from . import test_compass_figures
from . import test_compass_access

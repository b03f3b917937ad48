from . import test_install
from . import test_partner
from . import test_fee_run
from . import test_application
from . import test_leave
from . import test_assembly
from . import test_figures

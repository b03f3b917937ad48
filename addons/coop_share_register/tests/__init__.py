from . import test_install
from . import test_validators
from . import test_entries
from . import test_access
from . import test_import
from . import test_outputs
from . import test_http
from . import test_concurrency

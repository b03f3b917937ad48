from . import test_install
from . import test_vacancy_workflow
from . import test_vacancy_constraints
from . import test_vacancy_access
from . import test_vacancy_views
from . import test_vacancy_http
from . import test_vacancy_browser
from . import test_vacancy_settings

from . import test_install
from . import test_identity
from . import test_mail_layout
from . import test_report_layout
from . import test_website_http
from . import test_website_browser
from . import test_settings_backport
from . import test_live_server

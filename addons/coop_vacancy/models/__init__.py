from . import coop_vacancy
from . import coop_vacancy_view
from . import res_config_settings
from . import coop_vacancy_demo

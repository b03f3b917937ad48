from . import compass_principle
from . import compass_question
from . import compass_nrc_condition
from . import compass_scan
from . import compass_answer
from . import compass_score
from . import res_config_settings
from . import membership_application

from . import coop_event_question
from . import event_event
from . import event_ticket
from . import event_registration
from . import coop_event_pairing
from . import coop_event_evaluation
from . import mass_mailing
from . import coop_event_figures

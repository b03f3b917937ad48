from . import main
from . import portal
from . import subscription
from . import privacy

from . import main
from . import visit
from . import database

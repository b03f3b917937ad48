from . import main
from . import visit

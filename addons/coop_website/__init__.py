from . import controllers
from . import models
from . import tools
from .deployment import post_load
from .hooks import post_init_hook

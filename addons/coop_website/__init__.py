from . import controllers
from . import models
from . import tools
from .tools.deployment import post_load
from .hooks import post_init_hook

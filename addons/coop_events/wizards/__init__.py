from . import coop_event_pairing_swap
from . import coop_mailing_article_insert

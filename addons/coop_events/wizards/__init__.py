from . import coop_event_pairing_swap

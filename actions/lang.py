"""The conversation's written standard for the actions: one rule, ``veileder.i18n.choose``."""
from __future__ import annotations

from rasa_sdk import Tracker

from veileder.i18n import choose

LANGUAGE_SLOT = "language"


def language_of(tracker: Tracker) -> str:
    """"nb", "nn" or "en": the ``language`` slot, else the channel's preset, else bokmål."""
    return choose(tracker.get_slot(LANGUAGE_SLOT), (tracker.latest_message or {}).get("metadata"))

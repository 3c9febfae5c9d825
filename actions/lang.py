"""The conversation's written standard for the actions: one rule, ``veileder.i18n.choose``."""
from __future__ import annotations

from rasa_sdk import Tracker

from veileder.i18n import choose, written_texts

LANGUAGE_SLOT = "language"
#: As components/nlg.py: the latest user messages the language is read from.
MAX_MESSAGES_READ = 200


def language_of(tracker: Tracker) -> str:
    """"nb", "nn" or "en": read from the conversation's user messages, else the channel's
    preset, else bokmål (the same rule as the response generator)."""
    turns = [("user", e.get("text")) if e.get("event") == "user" else
             ("bot", [b.get("payload") for b in (e.get("data") or {}).get("buttons") or []])
             for e in tracker.events if e.get("event") in ("user", "bot")]
    texts = written_texts(turns)
    return choose(tracker.get_slot(LANGUAGE_SLOT), (tracker.latest_message or {}).get("metadata"),
                  texts[-MAX_MESSAGES_READ:])

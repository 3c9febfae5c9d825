"""Helpers for action tests: real rasa_sdk Trackers and response rendering."""
from __future__ import annotations

import asyncio
import re
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

SLOT = re.compile(r"\{(\w+)\}")


def verdict_outcome(text: str) -> Optional[str]:
    """The outcome of the verdict in an answer ("eligible", "not_eligible", "uncertain"), from
    its opening sentence, before the deadline ("Dere kan søke.") or after it ("Dere kan søke
    etter reglene, men fristen gikk ut …"), in any of the three standards; ``None`` when the
    text holds no verdict."""
    from veileder.eligibility import OPENINGS, OPENINGS_AFTER_DEADLINE
    from veileder.i18n import LANGUAGES

    for outcome, opening in OPENINGS.items():
        for lang in LANGUAGES:
            after = OPENINGS_AFTER_DEADLINE[outcome](lang).split("{deadline}")[0]
            if opening(lang) in text or after in text:
                return outcome
    return None


def user_event(text: str, intent: str) -> Dict[str, Any]:
    """A user turn as the action server sees it in ``tracker.events``."""
    parse = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": []}
    return {"event": "user", "text": text, "parse_data": parse}


def tracker(text: str = "", intent: str = "greet", slots: Optional[Dict[str, Any]] = None,
            parse: Optional[Dict[str, Any]] = None, active_loop: Optional[dict] = None,
            earlier: Optional[List[Dict[str, Any]]] = None,
            sender_id: str = "test") -> Tracker:
    """A tracker whose latest message is ``text``; ``earlier`` events come before it."""
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": []}
    latest.update(parse or {})
    return Tracker(
        sender_id=sender_id,
        slots=dict(slots or {}),
        latest_message=latest,
        events=[*(earlier or []), {"event": "action", "name": "action_listen"},
                {"event": "user", "text": text, "parse_data": latest}],
        paused=False,
        followup_action=None,
        active_loop=active_loop or {},
        latest_action_name="action_listen",
    )


def run(action, track: Tracker, domain: dict):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, track, domain))
    return dispatcher.messages, events


def render(template: str, slots: Dict[str, Any]) -> str:
    """Fill {slot} like Rasa's TemplatedNaturalLanguageGenerator; a missing slot fails."""
    def fill(match):
        name = match.group(1)
        if name not in slots:
            raise KeyError(f"slot {name!r} used in a response but not filled")
        return str(slots[name])
    return SLOT.sub(fill, template)


def response_texts(domain: dict) -> Dict[str, List[str]]:
    return {
        name: [variant["text"] for variant in variants if "text" in variant]
        for name, variants in domain["responses"].items()
    }


#: Slots the answering actions set so that 👍/👎 know which answer they rate (actions/feedback.py)
FEEDBACK_SLOTS = ("last_answer_key", "last_question")


def without_feedback(events: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The events without the feedback bookkeeping slots: what steers the dialogue."""
    return [e for e in events
            if not (e.get("event") == "slot" and e.get("name") in FEEDBACK_SLOTS)]

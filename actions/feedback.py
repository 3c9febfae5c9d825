"""Feedback on answers: 👍/👎 under an answer, and an optional comment after 👎.

The answering actions (``action_answer_faq``, the deadline answers, the verdict) put the
feedback buttons under their answer (:func:`rated`) and remember which answer it was in two
slots that do not steer the dialogue: ``last_answer_key`` (the response, e.g.
``utter_faq/belop``, or the action's name for answers it writes itself) and ``last_question``
(the user message it answered). ``action_feedback`` stores the rating against them
(``components.records``) and forgets them, so a second click on the same answer is not
counted twice. After 👎 the slot ``feedback_wants_comment`` is true and a rule starts
``feedback_form``: one free-text turn, "nei takk" skips; ``action_feedback_comment`` stores it.
No buttons while a form runs (a click would be read as the form's answer).
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet

from actions.lang import language_of
from components.records import RATINGS, records_from_settings
from components.settings import get_settings
from veileder import handoff

logger = logging.getLogger(__name__)

KEY_SLOT = "last_answer_key"
QUESTION_SLOT = "last_question"
WANTS_COMMENT_SLOT = "feedback_wants_comment"
COMMENT_SLOT = "feedback_comment"
RATING_ENTITY = "rating"


def rated(tracker: Tracker, key: str) -> Tuple[List[Dict[str, Any]], List[EventType]]:
    """The feedback buttons for an answer and the slots that say which answer it is; no
    buttons (and nothing to rate) while a form runs."""
    if (tracker.active_loop or {}).get("name"):
        return [], []
    question = (tracker.latest_message or {}).get("text")
    return list(handoff.FEEDBACK_BUTTONS), [SlotSet(KEY_SLOT, key), SlotSet(QUESTION_SLOT, question)]


def rating_of(message: Dict[str, Any]) -> str:
    """"up" or "down": the button's entity (``/feedback{"rating":"down"}``), else the text."""
    for entity in message.get("entities") or []:
        if entity.get("entity") == RATING_ENTITY and entity.get("value") in RATINGS:
            return entity["value"]
    return handoff.rating_from_text(message.get("text"))


def _records():
    return records_from_settings(get_settings())


class ActionFeedback(Action):
    """Store 👍/👎 against the answer it rates; after 👎 ask for a comment (a rule)."""

    def name(self) -> Text:
        return "action_feedback"

    async def run(self, dispatcher, tracker: Tracker, domain) -> List[EventType]:
        rating = rating_of(tracker.latest_message or {})
        key: Optional[str] = tracker.get_slot(KEY_SLOT)
        stored = False
        if key:
            try:
                await asyncio.to_thread(_records().add_feedback, tracker.sender_id, key, rating,
                                        question=tracker.get_slot(QUESTION_SLOT))
                stored = True
            except Exception:  # noqa: BLE001 - feedback must never break the conversation
                logger.exception("Tilbakemeldingen kunne ikke lagres")
        events: List[EventType] = [SlotSet(KEY_SLOT, None), SlotSet(QUESTION_SLOT, None)] \
            if key else []
        lang = language_of(tracker)
        if rating == "down" and stored:
            dispatcher.utter_message(text=handoff.THANKS_DOWN(lang))
            return events + [SlotSet(WANTS_COMMENT_SLOT, True)]
        thanks = handoff.THANKS_UP if rating == "up" else handoff.THANKS_DOWN
        dispatcher.utter_message(text=thanks(lang))
        return events + [SlotSet(WANTS_COMMENT_SLOT, False)]


class ActionAskFeedbackComment(Action):
    def name(self) -> Text:
        return "action_ask_feedback_comment"

    async def run(self, dispatcher, tracker, domain) -> List[EventType]:
        lang = language_of(tracker)
        dispatcher.utter_message(text=handoff.ASK_COMMENT(lang),
                                 buttons=handoff.comment_buttons(lang))
        return []


class ActionFeedbackComment(Action):
    """The comment after 👎 (or "nei takk"): attached to the conversation's latest 👎."""

    def name(self) -> Text:
        return "action_feedback_comment"

    async def run(self, dispatcher, tracker: Tracker, domain) -> List[EventType]:
        comment = tracker.get_slot(COMMENT_SLOT)
        if handoff.is_skip(comment) or handoff.is_cancel(comment):
            dispatcher.utter_message(text=handoff.COMMENT_SKIPPED(language_of(tracker)))
        else:
            try:
                await asyncio.to_thread(_records().comment_latest_down_vote,
                                        tracker.sender_id, comment)
            except Exception:  # noqa: BLE001
                logger.exception("Kommentaren kunne ikke lagres")
            dispatcher.utter_message(text=handoff.COMMENT_THANKS(language_of(tracker)))
        return [SlotSet(COMMENT_SLOT, None), SlotSet(WANTS_COMMENT_SLOT, False)]

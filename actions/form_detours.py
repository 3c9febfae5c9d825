"""A question in the middle of the eligibility check, or an answer the classifier took for one.

Inside the form, a message the classifier reads as an FAQ or "not in the announcement" question
("Pengane kjem frå staten, nesten alt", "Styret blir oppnemnt av departementet") is often the
answer to the question just asked, in the user's own words. ``action_answer_in_form`` runs in
place of the FAQ answer (data/rules/eligibility_detours.yml): when the message answers the
requested question (``veileder.answers.read``) or states facts the check asks about
(``stated_slots``), it says nothing and the form reads the message next; otherwise it answers
the question as the FAQ does, and the form asks its question again.
"""
from __future__ import annotations

from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType

from actions.eligibility import FAMILY_SLOT, SLOTS, stated_slots
from actions.faq import selected_response, utter_answer
from veileder import answers

NAME = "action_answer_in_form"
_FIELD_OF_SLOT = {slot: field for field, slot in SLOTS.items()}


def answers_the_question(tracker: Tracker) -> bool:
    """Whether the latest message answers the form's requested question or states its facts."""
    text = (tracker.latest_message or {}).get("text")
    requested = tracker.get_slot("requested_slot")
    if not text or not requested or requested == FAMILY_SLOT:
        return False
    field = _FIELD_OF_SLOT.get(requested)
    if field is None:
        return False
    return answers.read(field, text).kind is not None or bool(stated_slots(text))


class ActionAnswerInForm(Action):
    def name(self) -> Text:
        return NAME

    async def run(self, dispatcher, tracker: Tracker, domain) -> List[EventType]:
        if answers_the_question(tracker):
            return []  # the form reads the message as the answer (actions/eligibility.py)
        message = tracker.latest_message or {}
        response = selected_response(message)
        if response:
            utter_answer(dispatcher, response, message.get("text"), response[len("utter_"):])
        return []

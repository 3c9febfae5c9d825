"""FAQ answers, with one exception: a writer who says what they themselves are gets a verdict.

"Kan bedrifter søke?" gets the FAQ answer the ResponseSelector picked (``utter_faq/bedrift``).
"Jeg har et enkeltpersonforetak, kan jeg søke?" is the same topic, but the writer has told us
who is asking, so the answer is the eligibility check's verdict for them ("Dere kan ikke søke",
the reason and how to take part instead), the same text the check itself ends with.
``veileder.applicant.identify`` decides, reading only what the writer says about themselves
(``about_self``); only the families the rules exclude outright qualify, because their verdict
needs no further question.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType

from actions import clock, texts
from veileder.applicant import identify
from veileder.eligibility import EXCLUDED
from veileder.facts import verdict_at
from veileder.polarity import OPENING_VARIABLE, opening

RETRIEVAL_INTENT = "faq"
# FAQ topics about who may not apply, and the families whose verdict follows from that alone.
SELF_VERDICT_TOPICS = {"faq/bedrift", "faq/privatperson", "faq/hvem_kan_soke"}


def selected_response(parse_data: Dict[str, Any]) -> Optional[str]:
    """The response the ResponseSelector chose for the FAQ, e.g. ``utter_faq/bedrift``."""
    selectors = parse_data.get("response_selector") or {}
    # one ResponseSelector without ``retrieval_intent`` answers under "default" (config.yml)
    selector = selectors.get(RETRIEVAL_INTENT) or selectors.get("default") or {}
    response = selector.get("response") or {}
    key = response.get("intent_response_key")
    if key:
        return f"utter_{key}"
    return response.get("utter_action")


def utter_answer(dispatcher, response: str, question: Optional[str],
                 topic: Optional[str]) -> None:
    """The FAQ answer, with "Ja."/"Nei." first when the question is a yes/no question
    (``veileder.polarity``); the response generator puts the opening in front, one message."""
    first = opening(question, topic, clock.call(), clock.now())
    if first:
        dispatcher.utter_message(response=response, **{OPENING_VARIABLE: first})
    else:
        dispatcher.utter_message(response=response)


class ActionAnswerFaq(Action):
    def name(self) -> Text:
        return "action_answer_faq"

    async def run(self, dispatcher, tracker: Tracker, domain) -> List[EventType]:
        message = tracker.latest_message or {}
        response = selected_response(message)
        topic = response[len("utter_"):] if response else None
        who = None
        if topic in SELF_VERDICT_TOPICS:
            who = identify(message.get("text"), about_self=True)
        if who is not None and who.family in EXCLUDED:
            verdict = verdict_at(who.facts, clock.call(), clock.now())
            dispatcher.utter_message(text=verdict.summary())
            return []
        if response:
            utter_answer(dispatcher, response, message.get("text"), topic)
        else:  # no FAQ answer selected (a button "/faq" without a key): hand over
            contact = clock.call().kontakt
            dispatcher.utter_message(
                text=texts.GIVE_UP.format(contact_name=contact.navn, contact_url=contact.url)
            )
        return []

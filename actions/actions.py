"""Custom actions: thin adapters from Rasa to the domain modules in ``veileder/``."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action
from rasa_sdk.events import EventType, UserUtteranceReverted

from actions import clock
from actions import texts
from actions.feedback import rated
from actions.handoff import offer_after_fallbacks
from actions.lang import language_of
from actions.texts import SUGGESTIONS
from veileder import deadline, deadline_questions, input_check, polarity
from veileder.norsk import bullet_list

clock.check_configuration()

MAX_SUGGESTIONS = 3
RESPONSE_SELECTOR_KEY = "default"


class ActionDeadlineStatus(Action):
    def name(self) -> Text:
        return "action_deadline_status"

    async def run(self, dispatcher, tracker, domain) -> List[EventType]:
        call, now = clock.call(), clock.now()
        lang = language_of(tracker)
        answer = deadline.status(call, now).message(call, lang=lang)
        # "Er fristen i mai?" -> "Nei. Fristen ... er torsdag 16. april 2020 ..."
        first = polarity.opening(tracker.latest_message.get("text"), "ask_deadline", call, now)
        buttons, events = rated(tracker, self.name())
        dispatcher.utter_message(text=polarity.prefix_answer(first, answer, lang), buttons=buttons)
        return events


class ActionCheckSubmissionTime(Action):
    def name(self) -> Text:
        return "action_check_submission_time"

    async def run(self, dispatcher, tracker, domain) -> List[EventType]:
        text = tracker.latest_message.get("text") or ""
        if deadline_questions.is_deadline_claim(text):
            # "Er fristen 16. april?" asks what the deadline is, not whether a plan is in time
            return await ActionDeadlineStatus().run(dispatcher, tracker, domain)
        result = deadline.check_submission(clock.call(), text, clock.now(),
                                           lang=language_of(tracker))
        if result.kind == "not_a_date" and deadline.status(clock.call(), clock.now()).passed:
            # "Rekker vi å sende skisse før fristen går ut?" with no time in it, once the
            # deadline has passed: no plan to check, the answer is that it has passed
            return await ActionDeadlineStatus().run(dispatcher, tracker, domain)
        buttons, events = rated(tracker, self.name())
        dispatcher.utter_message(text=result.message, buttons=buttons)
        return events


class ActionHandleInvalidInput(Action):
    def name(self) -> Text:
        return "action_handle_invalid_input"

    async def run(self, dispatcher, tracker, domain) -> List[EventType]:
        text = tracker.latest_message.get("text")
        kind = input_check.problem(text) or input_check.NO_WORDS
        if tracker.latest_message.get("intent", {}).get("name") == "other_language":
            kind = input_check.OTHER_SCRIPT
        dispatcher.utter_message(text=input_check.ANSWERS[kind](language_of(tracker)))
        return []


def suggestion_keys(parse_data: Dict[str, Any]) -> List[str]:
    """The most likely intents of a message we did not understand, best first."""
    keys: List[str] = []
    retrieval = (
        (parse_data.get("response_selector") or {})
        .get(RESPONSE_SELECTOR_KEY, {})
        .get("ranking", [])
    )
    for ranked in parse_data.get("intent_ranking") or []:
        name = ranked.get("name")
        if name in ("faq", "ukjent"):
            candidates = [r.get("intent_response_key") for r in retrieval[:2]]
        else:
            candidates = [name]
        for key in candidates:
            if key in SUGGESTIONS and key not in keys:
                keys.append(key)
        if len(keys) >= MAX_SUGGESTIONS:
            break
    return keys[:MAX_SUGGESTIONS]


class ActionDefaultAskAffirmation(Action):
    """First stage of the two-stage fallback: "Mente du …?" with the likely topics."""

    def name(self) -> Text:
        return "action_default_ask_affirmation"

    async def run(self, dispatcher, tracker, domain) -> List[EventType]:
        lang = language_of(tracker)
        keys = suggestion_keys(tracker.latest_message)
        if not keys:
            dispatcher.utter_message(text=texts.ASK_REPHRASE(lang))
            return []
        # the question in the user's own standard: it is sent as the user's next message
        buttons = [
            {"title": SUGGESTIONS[key][0](lang), "payload": SUGGESTIONS[key][1](lang)}
            for key in keys
        ]
        # out_of_scope is what Rasa's two-stage fallback reads as "none of these".
        buttons.append({"title": texts.SOMETHING_ELSE(lang), "payload": "/out_of_scope"})
        topics = bullet_list([SUGGESTIONS[key][0](lang) for key in keys])
        dispatcher.utter_message(
            text=texts.DID_YOU_MEAN.format(lang, topics=topics) + "\n"
            + texts.DID_YOU_MEAN_TAIL(lang),
            buttons=buttons,
        )
        return []


class ActionDefaultAskRephrase(Action):
    """Second stage of the two-stage fallback."""

    def name(self) -> Text:
        return "action_default_ask_rephrase"

    async def run(self, dispatcher, tracker, domain) -> List[EventType]:
        dispatcher.utter_message(text=texts.ASK_REPHRASE(language_of(tracker)))
        return []


class ActionDefaultFallback(Action):
    """When the fallback gives up: say so, and where to get help; after two fallbacks in a row
    (counted from the tracker), offer a person with buttons."""

    def name(self) -> Text:
        return "action_default_fallback"

    async def run(self, dispatcher, tracker, domain) -> List[EventType]:
        if offer_after_fallbacks(dispatcher, tracker):
            return [UserUtteranceReverted()]
        contact = clock.call().kontakt
        dispatcher.utter_message(text=texts.GIVE_UP.format(
            language_of(tracker), contact_name=contact.navn, contact_url=contact.url))
        return [UserUtteranceReverted()]

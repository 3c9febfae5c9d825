"""Reaching a person: the offer, and a message for an adviser (``handoff_form``).

- "Jeg vil snakke med et menneske" (``human_handoff``), "er du en robot?" and two fallbacks in a
  row (``action_default_fallback``) offer a person with two buttons: the contact details from
  the call file (the FAQ answer ``faq/kontakt``) or a message for an adviser.
- ``handoff_form`` asks for the question, then for consent to store a name and an e-mail
  address; only with consent does it ask for them, and each may be skipped ("hopp over"). A
  malformed e-mail address is asked for once more. "avbryt" cancels at any question (a rule
  runs ``action_cancel_handoff``).
- ``action_submit_handoff`` stores the ticket and tells the advisers
  (``components.notify.create_ticket_and_notify``), then says when an adviser will see it
  (``veileder.opening_hours.availability_sentence``).
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet

from actions import clock
from actions.lang import language_of
from components.notify import NotifyConfig, create_ticket_and_notify
from components.records import records_from_settings
from components.settings import get_settings
from veileder import answers, handoff
from veileder.opening_hours import availability_sentence

logger = logging.getLogger(__name__)

FORM = "handoff_form"
QUESTION, CONSENT, NAME, EMAIL = ("handoff_question", "handoff_consent", "handoff_name",
                                  "handoff_email")
RETRIED = "handoff_email_retried"
FORM_SLOTS = [QUESTION, CONSENT, NAME, EMAIL, RETRIED]


def _latest_text(tracker: Tracker) -> str:
    return str((tracker.latest_message or {}).get("text") or "").strip()


def _given(value: Any) -> Optional[str]:
    """A slot's value, or None when it was skipped or never asked."""
    if value is None or value == handoff.SKIPPED:
        return None
    return str(value).strip() or None


class ValidateHandoffForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_handoff_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> List[Text]:
        if tracker.get_slot(CONSENT) == answers.YES:
            return [QUESTION, CONSENT, NAME, EMAIL]
        return [QUESTION, CONSENT]  # no consent: name and e-mail are never asked

    def _skip_requested(self, tracker: Tracker, slot: str) -> Dict[Text, Any]:
        """"hopp over" at an optional question, whatever the classifier took it for (it may
        take it for "stop", which the mappings leave to the cancel rule)."""
        if tracker.get_slot("requested_slot") == slot and handoff.is_skip(_latest_text(tracker)) \
                and slot not in tracker.slots_to_validate():
            return {slot: handoff.SKIPPED}
        return {}

    async def extract_handoff_name(self, dispatcher, tracker, domain) -> Dict[Text, Any]:
        return self._skip_requested(tracker, NAME)

    async def extract_handoff_email(self, dispatcher, tracker, domain) -> Dict[Text, Any]:
        return self._skip_requested(tracker, EMAIL)

    async def extract_handoff_consent(self, dispatcher, tracker, domain) -> Dict[Text, Any]:
        """"nei takk" is an answer to the consent question, even when taken for "stop"."""
        text = _latest_text(tracker)
        if tracker.get_slot("requested_slot") == CONSENT and CONSENT not in \
                tracker.slots_to_validate() and answers.parse_answer(text) in (answers.YES,
                                                                             answers.NO):
            return {CONSENT: text}
        return {}

    async def validate_handoff_question(self, value, dispatcher, tracker,
                                        domain) -> Dict[Text, Any]:
        text = str(value or "").strip()
        if len(text) < 2 or text.startswith("/"):
            return {QUESTION: None}
        return {QUESTION: text}

    async def validate_handoff_consent(self, value, dispatcher, tracker,
                                       domain) -> Dict[Text, Any]:
        answer = answers.parse_answer(str(value or ""))
        if answer == answers.YES:
            return {CONSENT: answers.YES}
        if answer == answers.NO:
            return {CONSENT: answers.NO, NAME: None, EMAIL: None}
        dispatcher.utter_message(text=handoff.ASK_CONSENT_AGAIN(language_of(tracker)))
        return {CONSENT: None}

    async def validate_handoff_name(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        if handoff.is_skip(str(value or "")):
            return {NAME: handoff.SKIPPED}
        return {NAME: str(value).strip()[:200]}

    async def validate_handoff_email(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        if handoff.is_skip(str(value or "")):
            return {EMAIL: handoff.SKIPPED}
        email = handoff.find_email(str(value or ""))
        if email:
            return {EMAIL: email}
        if tracker.get_slot(RETRIED):
            dispatcher.utter_message(text=handoff.EMAIL_GIVEN_UP(language_of(tracker)))
            return {EMAIL: handoff.SKIPPED}
        dispatcher.utter_message(text=handoff.EMAIL_AGAIN(language_of(tracker)))
        return {EMAIL: None, RETRIED: True}


def _no_buttons(lang: str = "nb") -> List[Dict[str, str]]:
    return []


class _Ask:
    """Mixin for the form's questions (not an Action itself, so the SDK does not register
    it): the question and its buttons in the conversation's language."""

    slot = ""
    text: Optional[Callable[[str], str]] = None  # a LocalText
    buttons: Callable[[str], List[Dict[str, str]]] = staticmethod(_no_buttons)

    def name(self) -> Text:
        return f"action_ask_{self.slot}"

    def message(self, lang: str = "nb") -> str:
        return self.text(lang) if self.text else ""

    async def run(self, dispatcher, tracker, domain) -> List[EventType]:
        lang = language_of(tracker)
        dispatcher.utter_message(text=self.message(lang), buttons=self.buttons(lang))
        return []


class ActionAskHandoffQuestion(_Ask, Action):
    slot, text = QUESTION, handoff.ASK_QUESTION


class ActionAskHandoffConsent(_Ask, Action):
    slot, buttons = CONSENT, staticmethod(handoff.consent_buttons)

    def message(self, lang: str = "nb") -> str:
        return handoff.ASK_CONSENT.format(lang,
                                          days=get_settings().assistant_ticket_retention_days)


class ActionAskHandoffName(_Ask, Action):
    slot, text, buttons = NAME, handoff.ASK_NAME, staticmethod(handoff.skip_buttons)


class ActionAskHandoffEmail(_Ask, Action):
    slot, text, buttons = EMAIL, handoff.ASK_EMAIL, staticmethod(handoff.skip_buttons)


def _reset() -> List[EventType]:
    return [SlotSet(slot, None) for slot in FORM_SLOTS]


class ActionSubmitHandoff(Action):
    """Store the ticket, tell the advisers, and tell the user what happens next and when."""

    def name(self) -> Text:
        return "action_submit_handoff"

    async def run(self, dispatcher, tracker: Tracker, domain) -> List[EventType]:
        settings = get_settings()
        lang = language_of(tracker)
        contact = clock.call().kontakt
        consent = tracker.get_slot(CONSENT) == answers.YES
        name = _given(tracker.get_slot(NAME)) if consent else None
        email = _given(tracker.get_slot(EMAIL)) if consent else None
        try:
            ticket, sent = await create_ticket_and_notify(
                records_from_settings(settings), NotifyConfig.from_settings(settings),
                tracker.sender_id, str(tracker.get_slot(QUESTION) or ""),
                channel=tracker.get_latest_input_channel(), name=name, email=email,
                consent=consent)
        except Exception:  # noqa: BLE001 - say so, never lose the user's turn silently
            logger.exception("Henvendelsen kunne ikke lagres")
            dispatcher.utter_message(text=handoff.NOT_SENT.format(
                lang, contact_name=contact.navn, contact_url=contact.url))
            return _reset()
        logger.info("Henvendelse #%s lagret (webhook: %s, e-post: %s)", ticket.id, sent.webhook,
                    sent.email)
        parts = [handoff.SENT.format(lang, contact_name=contact.navn, ticket=ticket.id),
                 availability_sentence(settings.now(), settings.opening_hours(), lang=lang)]
        if ticket.email:
            parts.append(handoff.REPLY_BY_EMAIL.format(lang, email=ticket.email))
        else:
            parts.append(handoff.NO_REPLY_ADDRESS.format(lang, contact_name=contact.navn,
                                                         contact_url=contact.url))
        dispatcher.utter_message(text=" ".join(parts))
        return _reset()


class ActionCancelHandoff(Action):
    def name(self) -> Text:
        return "action_cancel_handoff"

    async def run(self, dispatcher, tracker, domain) -> List[EventType]:
        dispatcher.utter_message(text=handoff.CANCELLED(language_of(tracker)))
        return _reset()


def offer_after_fallbacks(dispatcher, tracker: Tracker) -> bool:
    """After two fallbacks in a row, offer a person (True when offered)."""
    turns = [((e.get("parse_data") or {}).get("intent", {}).get("name"), e.get("text"))
             for e in tracker.applied_events() if e.get("event") == "user"]
    if handoff.consecutive_fallbacks(turns) < handoff.OFFER_AFTER:
        return False
    contact = clock.call().kontakt
    lang = language_of(tracker)
    dispatcher.utter_message(text=handoff.OFFER_AFTER_FALLBACKS.format(
        lang, contact_name=contact.navn, contact_url=contact.url),
        buttons=handoff.handoff_buttons(lang))
    return True

"""The guided eligibility check: a Rasa form over ``veileder.eligibility``.

- ``validate_eligibility_form`` decides which questions are needed and reads the answers. The
  verdict comes first: the form asks only what the verdict needs (``verdict_questions``), so a
  municipality gets it in the reply that learns what it is. The project questions
  (``project_questions``) follow only when the user accepts the project check offered with the
  verdict (``action_start_project_check``); the form then ends with strengths and gaps.
- It reads the answers (``veileder.answers`` for yes/no/"vet ikke"; who is asking with
  ``veileder.applicant.identify``, after looking up an organisation number in Enhetsregisteret).
- ``action_ask_elig_<field>`` asks the question of ``eligibility.QUESTIONS`` with buttons.
- ``action_eligibility_summary`` gives the verdict and offers the project check (not to an
  applicant who may not apply), or, after the project check, the strengths and gaps;
  ``action_reset_eligibility`` starts over,
  reading who is asking from the message that started the check when it says so.

Every text and button title is in the conversation's written standard
(``actions.lang.language_of``): the texts are ``LocalText`` (the bokmål string, ``X(lang)`` for
nynorsk or English); intent payloads ("/affirm") are the same in every standard, payloads that
are sentences ("Vi er en kommune") are written in the button's language (``buttons_in``).
"""
from __future__ import annotations

import asyncio
import dataclasses
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet

from actions import clock
from actions.feedback import rated
from actions.lang import language_of
from components.settings import get_settings
from veileder import answers, orgnr
from veileder import applicant
from veileder.asker import own_family
from veileder.eligibility import recogniser
from veileder.i18n import LocalText as T
from veileder.eligibility.statements import stated_facts
from veileder.eligibility import (
    ANSWER_FIELDS,
    CASE_BY_CASE,
    FAMILY_LABELS,
    HARD_FIELDS,
    PROJECT_OFFER,
    QUESTIONS,
    SOFT_FIELDS,
    TEST_FIELDS,
    ApplicantFacts,
    OrgFamily,
    Verdict,
    family_from_text,
    project_questions,
    verdict_questions,
)
from veileder.eligibility.wording import SOFT_CRITERIA
from veileder.facts import verdict_at
from veileder.deadline_questions import asks_if_open
from veileder.polarity import NO, prefix_answer, verdict_opening
from veileder.orgnr import RegistryEntry

# The lemma dictionaries load with the action server, not in the first check (recogniser.py).
recogniser.warm_up()

FORM = "eligibility_form"
FAMILY_SLOT = "elig_family"
REGISTER_SLOT = "elig_register"
#: True while the form asks the project questions (after the verdict, when wanted)
PROJECT_SLOT = "elig_project"
#: True right after a verdict that offers the project check: a rule reads it for the "ja"
OFFERED_SLOT = "elig_project_offered"
SLOTS = {name: f"elig_{name}" for name in ("family",) + ANSWER_FIELDS}
ALL_SLOTS = list(SLOTS.values()) + [REGISTER_SLOT, PROJECT_SLOT, OFFERED_SLOT]

YES_NO_BUTTONS = [
    {"title": T("Ja", "Ja", "Yes"), "payload": "ja"},
    {"title": T("Nei", "Nei", "No"), "payload": "nei"},
    {"title": T("Vet ikke", "Veit ikkje", "Don't know"),
     "payload": T("vet ikke", "veit ikkje", "don't know")},
]
# A payload that is a sentence is sent as the user's message, and the conversation's language
# is read from the user's messages: so it is written in the button's language ("Me er ein
# kommune"), or a nynorsk user who presses "Kommune" would be answered in bokmål from then on.
# Intent payloads ("/affirm") and words of no standard ("ja") are the same in all three.
FAMILY_BUTTONS = [
    {"title": T("Kommune", "Kommune", "Municipality"),
     "payload": T("Vi er en kommune", "Me er ein kommune", "We are a municipality")},
    {"title": T("Fylkeskommune", "Fylkeskommune", "County authority"),
     "payload": T("Vi er en fylkeskommune", "Me er ein fylkeskommune",
                  "We are a county authority")},
    {"title": T("Statlig etat", "Statleg etat", "Government agency"),
     "payload": T("Vi er en statlig etat", "Me er ein statleg etat",
                  "We are a government agency")},
    {"title": T("Helseforetak", "Helseføretak", "Health trust"),
     "payload": T("Vi er et helseforetak", "Me er eit helseføretak", "We are a health trust")},
    {"title": T("Bedrift", "Bedrift", "Company"),
     "payload": T("Vi er en bedrift", "Me er ei bedrift", "We are a company")},
    {"title": T("Privatperson", "Privatperson", "Private person"),
     "payload": T("Jeg er privatperson", "Eg er privatperson", "I am a private person")},
]
OFFER_BUTTONS = [
    {"title": T("Ja, sjekk prosjektet", "Ja, sjekk prosjektet", "Yes, check the project"),
     "payload": "/affirm"},
    {"title": T("Nei takk", "Nei takk", "No, thanks"), "payload": "/deny"},
]
RESTART_BUTTONS = [{"title": T("Start sjekken på nytt", "Start sjekken på nytt",
                               "Start the check again"), "payload": "Start sjekken på nytt"}]
STOP_BUTTONS = [{"title": T("Ja, avbryt", "Ja, avbryt", "Yes, stop"), "payload": "/affirm"},
                {"title": T("Nei, fortsett", "Nei, hald fram", "No, continue"),
                 "payload": "/deny"}]
NOT_UNDERSTOOD_ANSWER = T("Svar «ja», «nei» eller «vet ikke», eller trykk på en av knappene.",
                          "Svar «ja», «nei» eller «veit ikkje», eller trykk på ein av knappane.",
                          "Answer «yes», «no» or «don't know», or press one of the buttons.")
#: After an unsure answer ("delvis", "tja"): the form notes "vet ikke" (veileder.answers).
HEDGED_NOTE = T(answers.HEDGED_NOTE,
                "Det høyrest ut som de ikkje er heilt sikre, så eg noterer «veit ikkje». Då tek "
                "eg med spørsmålet i det de bør avklare med Innovasjon Norge.",
                "It sounds as if you are not quite sure, so I will note «don't know». Then I "
                "will add the question to what you should settle with Innovasjon Norge.")
#: Before a project question: which of the call's criteria it is about.
CRITERION_HEADING = T("Punkt {number} av {total}: {name}.", "Punkt {number} av {total}: {name}.",
                      "Point {number} of {total}: {name}.")
PROJECT_CHECK_START = T("Fint. Jeg stiller noen korte spørsmål om prosjektet. Svar ja, nei eller "
                        "vet ikke.",
                        "Fint. Eg stiller nokre korte spørsmål om prosjektet. Svar ja, nei "
                        "eller veit ikkje.",
                        "Good. I will ask a few short questions about the project. Answer yes, "
                        "no or don't know.")
STOP_QUESTION = T("Vil du avbryte sjekken av om dere kan søke?",
                  "Vil du avbryte sjekken av om de kan søkje?",
                  "Do you want to stop checking whether you can apply?")


def buttons_in(buttons: List[Dict[str, Any]], lang: str = "nb") -> List[Dict[str, Any]]:
    """The buttons with their titles, and the payloads that are sentences, in ``lang``."""
    return [{key: str(value(lang)) if isinstance(value, T) else value
             for key, value in button.items()} for button in buttons]

registry = orgnr.RegistryClient(get_settings().enhetsregisteret_url)


@dataclasses.dataclass
class Identification:
    """Who is asking, as the form keeps it: the family's value and the register entry (slots),
    and what to say about it."""
    family: Optional[str] = None
    register: Optional[Dict[str, Any]] = None
    message: Optional[str] = None
    looked_up: bool = False  # an organisation number was in the text


async def identify(text: str, lang: str = "nb") -> Identification:
    """Who is asking (``veileder.applicant.identify``), from free text and the register's answer
    for an organisation number in it; what to say about it in ``lang``."""
    number = orgnr.find_in_text(text)
    lookup = await asyncio.to_thread(registry.lookup, number) if number else None
    who = applicant.identify(text, lookup=lookup, lang=lang)
    return Identification(
        who.family.value if who.family else None,
        dataclasses.asdict(who.entry) if who.entry else None,
        who.message,
        looked_up=lookup is not None,
    )


FAMILY_VALUES = {family.value for family in OrgFamily}
_ENTRY_FIELDS = {f.name for f in dataclasses.fields(RegistryEntry)}


def facts_from_slots(slots: Dict[str, Any]) -> ApplicantFacts:
    register = slots.get(REGISTER_SLOT) or {}
    family = slots.get(FAMILY_SLOT)
    # only a validated family counts; raw text not yet validated means "not known yet"
    family = family if family in FAMILY_VALUES else None
    if register.get("orgnr") and register.get("navn"):
        entry = RegistryEntry(**{k: v for k, v in register.items() if k in _ENTRY_FIELDS})
        facts = ApplicantFacts.from_registry(entry, family=family)
    else:
        facts = ApplicantFacts(family=family)
    for name in ANSWER_FIELDS:
        value = slots.get(SLOTS[name])
        if value == answers.YES:
            facts = facts.with_answer(name, True)
        elif value == answers.NO:
            facts = facts.with_answer(name, False)
        elif value == answers.UNKNOWN:
            facts = facts.with_answer(name, None)
    return facts


def stated_slots(text: Optional[str]) -> Dict[str, Any]:
    """The answer slots a message fills by saying so ("vi er heleid av kommunen",
    "vi følger anskaffelsesreglene"): ``veileder.eligibility.statements.stated_facts``."""
    return {SLOTS[name]: answers.YES if value else answers.NO
            for name, value in stated_facts(text).items() if name in ANSWER_FIELDS}


def family_events(ident: Identification, text: Optional[str] = None) -> Dict[str, Any]:
    """Slots for a newly known family: answers that depend on the family start over, except
    what the same message ``text`` states."""
    values: Dict[str, Any] = {FAMILY_SLOT: ident.family, REGISTER_SLOT: ident.register}
    values.update({SLOTS[name]: None for name in HARD_FIELDS + TEST_FIELDS})
    values.update(stated_slots(text))
    return values


def recognised(ident: Identification, lang: str = "nb") -> str:
    family = OrgFamily(ident.family)
    prefix = f"{ident.message} " if ident.message else ""
    text = prefix + applicant.RECOGNISED.format(lang, label=FAMILY_LABELS[family](lang))
    if family in CASE_BY_CASE and verdict_questions(ApplicantFacts(family=family)):
        text += " " + applicant.DEPENDS_ON_QUESTIONS(lang)
    return text


def verdict_follows(ident: Identification, events: Dict[str, Any]) -> bool:
    """Whether the rules decide as soon as the family is known (with what the same message
    stated), so that the verdict follows at once."""
    stated = {slot: value for slot, value in events.items() if value is not None}
    return not verdict_questions(facts_from_slots(stated))


def verdict_answer(verdict: Verdict, tracker: Tracker) -> str:
    """The verdict's text; "Ja." / "Nei." first when it answers, in the same turn, the yes/no
    question the user asked ("Kan kommunen søke?"), as every yes/no question is answered."""
    text = tracker.latest_message.get("text")
    asked = verdict_opening(text, verdict.outcome)
    if asked and verdict.deadline_passed and asks_if_open(text):
        asked = NO  # "Rekker vi å søke før jul?" asks about the time: no, it has passed
    return prefix_answer(asked, verdict.summary(), verdict.lang)


def offers_project_check(facts: ApplicantFacts, verdict_outcome: str) -> bool:
    """Whether the project check is offered after this verdict: not to an applicant who may
    not apply, and not when no project question is left."""
    return verdict_outcome != "not_eligible" and bool(project_questions(facts))


class ValidateEligibilityForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_eligibility_form"

    async def run(self, dispatcher, tracker, domain) -> List[EventType]:
        """Facts the message states fill their slots first, so the next question is chosen
        knowing them; the answer to the question asked is read as before."""
        text = _fresh_text(tracker)
        requested = tracker.get_slot("requested_slot")
        stated = [SlotSet(slot, value) for slot, value in stated_slots(text).items()
                  if slot != requested and tracker.get_slot(slot) != value]
        tracker.add_slots(stated)
        return stated + await super().run(dispatcher, tracker, domain)

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> List[Text]:
        facts = facts_from_slots(tracker.slots)
        if facts.family is None:
            return [FAMILY_SLOT]
        # The family stays in the list (it is filled, so not asked) so that a correction
        # ("vent, vi er faktisk en fylkeskommune") is read at any later question. The verdict
        # first: project questions only in the project check, once the verdict is known.
        needed = verdict_questions(facts)
        if not needed and tracker.get_slot(PROJECT_SLOT):
            needed = project_questions(facts)
        return [FAMILY_SLOT] + [SLOTS[name] for name in needed]

    async def extract_elig_family(self, dispatcher, tracker, domain) -> Dict[Text, Any]:
        """Who is asking, also when the classifier took the answer for a question
        ("stiftlese", "eg er sjølvstendig næringsdrivande"), and corrections later on."""
        text = _fresh_text(tracker)
        if text is None or FAMILY_SLOT in tracker.slots_to_validate():
            return {}
        requested = tracker.get_slot("requested_slot")
        if requested == FAMILY_SLOT:
            if family_from_text(text) is not None or orgnr.find_in_text(text):
                return {FAMILY_SLOT: text}
            return {}
        # a correction at a later question: the writer says they are another kind of body
        # ("vent, vi er faktisk en fylkeskommune"), and it is no yes/no answer. A body named in
        # an answer about someone else ("styret er fra kommunene", "eid av Helse Midt-Norge
        # RHF") is not a correction.
        family = own_family(text)
        if (
            family is not None
            and answers.parse_answer(text) is None
            and family.value != tracker.get_slot(FAMILY_SLOT)
        ):
            return {FAMILY_SLOT: text}
        return {}

    async def validate_elig_family(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        if value in FAMILY_VALUES:
            return {FAMILY_SLOT: value}  # already validated (e.g. read from the first message)
        lang = language_of(tracker)
        ident = await identify(str(value or ""), lang)
        if ident.family is None:
            dispatcher.utter_message(text=ident.message or applicant.NOT_RECOGNISED(lang))
            return {FAMILY_SLOT: None}
        correction = tracker.get_slot("requested_slot") not in (None, FAMILY_SLOT)
        events = family_events(ident, _fresh_text(tracker))
        if correction:
            text = applicant.CORRECTED(lang) + " " + recognised(ident, lang)
        elif verdict_follows(ident, events):
            # the verdict comes in this same reply and names the family itself ("Dere er en
            # kommune."): "Da regner jeg dere som en kommune." would only delay its "Ja."
            text = ident.message or ""
        else:
            text = recognised(ident, lang)
        if text.strip():
            dispatcher.utter_message(text=text.strip())
        return events


def _fresh_text(tracker: Tracker) -> Optional[str]:
    """The user's message, when the form runs right after it: not when the form runs again
    after a detour (an FAQ answer) or after the action that started the check."""
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            return event.get("text") or None
        if kind == "bot":
            return None  # a detour answered the message (actions/form_detours.py)
        if kind == "action" and event.get("name") not in (FORM, "action_listen",
                                                          "action_answer_in_form"):
            return None
    return None


def _answer_extractor(slot: str):
    field = slot[len("elig_"):]

    async def extract(self, dispatcher, tracker, domain) -> Dict[Text, Any]:
        """A yes/no/"vet ikke" answer the classifier took for something else ("usikker")."""
        text = _fresh_text(tracker)
        if (
            text is None
            or tracker.get_slot("requested_slot") != slot
            or slot in tracker.slots_to_validate()
            or answers.read(field, text).kind is None
        ):
            return {}
        return {slot: text}

    extract.__name__ = f"extract_{slot}"
    return extract


def _answer_validator(slot: str):
    field = slot[len("elig_"):]

    async def validate(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        # read against the question: "delvis" is "vet ikke", "ikke noe kommersielt" a yes
        answer = answers.read(field, str(value or ""))
        lang = language_of(tracker)
        if answer.kind is None:
            dispatcher.utter_message(text=NOT_UNDERSTOOD_ANSWER(lang))
        elif answer.note:
            note = HEDGED_NOTE(lang) if answer.note == answers.HEDGED_NOTE else answer.note
            dispatcher.utter_message(text=note)
        return {slot: answer.value}

    validate.__name__ = f"validate_{slot}"
    return validate


for _field in ANSWER_FIELDS:
    setattr(ValidateEligibilityForm, f"validate_{SLOTS[_field]}", _answer_validator(SLOTS[_field]))
    setattr(ValidateEligibilityForm, f"extract_{SLOTS[_field]}", _answer_extractor(SLOTS[_field]))


class _Ask:
    """Mixin for the ask actions (not an Action itself, so the SDK does not register it)."""

    field: str = ""

    def name(self) -> Text:
        return f"action_ask_{SLOTS[self.field]}"

    async def run(self, dispatcher, tracker, domain) -> List[EventType]:
        lang = language_of(tracker)
        buttons = FAMILY_BUTTONS if self.field == "family" else YES_NO_BUTTONS
        dispatcher.utter_message(text=question_text(self.field, lang),
                                 buttons=buttons_in(buttons, lang))
        return []


def question_text(field: str, lang: str = "nb") -> str:
    """The question; a project question says which of the call's criteria it is about:
    "Punkt 1 av 4: Prosjekt som løser en samfunnsutfordring.\n\nSkal prosjektet …"."""
    question = QUESTIONS[field](lang)
    if field not in SOFT_FIELDS:
        return question
    call = clock.call().in_language(lang)
    criteria = [c.id for c in call.kriterier]
    criterion_id = SOFT_CRITERIA[field][0]
    if criterion_id not in criteria:
        return question
    heading = CRITERION_HEADING.format(lang, number=criteria.index(criterion_id) + 1,
                                       total=len(criteria),
                                       name=call.criterion(criterion_id).navn)
    return f"{heading}\n\n{question}"


# One ask action per question: action_ask_elig_family, action_ask_elig_publicly_funded, ...
ASK_ACTIONS = {
    field: type(f"AskElig_{field}", (_Ask, Action), {"field": field})
    for field in ("family",) + ANSWER_FIELDS
}


class ActionResetEligibility(Action):
    """Forget the previous check; take who is asking from the message that started it."""

    def name(self) -> Text:
        return "action_reset_eligibility"

    async def run(self, dispatcher, tracker, domain) -> List[EventType]:
        events: List[EventType] = [SlotSet(slot, None) for slot in ALL_SLOTS]
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        # "Vi er Vefsn kommune, kan vi søke?" or just "Vi er Vefsn kommune" starts the check
        # and says who is asking.
        if intent in ("check_eligibility", "inform_org"):
            lang = language_of(tracker)
            ident = await identify(tracker.latest_message.get("text") or "", lang)
            text = tracker.latest_message.get("text")
            if ident.family is not None:
                found = family_events(ident, text)
                said = (ident.message or "") if verdict_follows(ident, found) else \
                    recognised(ident, lang)
                if said.strip():
                    dispatcher.utter_message(text=said.strip())
                events.extend(SlotSet(k, v) for k, v in found.items())
            elif ident.looked_up and ident.message:
                dispatcher.utter_message(text=ident.message)
            if ident.family is None:
                events.extend(SlotSet(k, v) for k, v in stated_slots(text).items())
        return events


class ActionEligibilitySummary(Action):
    """The verdict, with the offer of the project check; after the project check, the strengths
    and gaps of the project."""

    def name(self) -> Text:
        return "action_eligibility_summary"

    async def run(self, dispatcher, tracker, domain) -> List[EventType]:
        lang = language_of(tracker)
        facts = facts_from_slots(tracker.slots)
        verdict = verdict_at(facts, clock.call(), clock.now(), lang)
        restart = buttons_in(RESTART_BUTTONS, lang)
        # 👍/👎 under the verdict (actions/feedback.py), after its own buttons
        rating, rate = rated(tracker, self.name())
        if tracker.get_slot(PROJECT_SLOT):
            dispatcher.utter_message(text=verdict.project_summary(), buttons=restart + rating)
            return rate + [SlotSet(PROJECT_SLOT, False), SlotSet(OFFERED_SLOT, False)]
        offered = offers_project_check(facts, verdict.outcome)
        dispatcher.utter_message(text=verdict_answer(verdict, tracker),
                                 buttons=([] if offered else restart) + rating)
        if offered:
            dispatcher.utter_message(text=PROJECT_OFFER(lang),
                                     buttons=buttons_in(OFFER_BUTTONS, lang))
        return rate + [SlotSet(OFFERED_SLOT, offered)]


class ActionStartProjectCheck(Action):
    """The user wants the project check after the verdict: the form asks the project
    questions next."""

    def name(self) -> Text:
        return "action_start_project_check"

    async def run(self, dispatcher, tracker, domain) -> List[EventType]:
        dispatcher.utter_message(text=PROJECT_CHECK_START(language_of(tracker)))
        # elig_project_offered stays set while the form runs (the rule that started it reads
        # it on every step); the project check's answer clears it
        return [SlotSet(PROJECT_SLOT, True)]


class ActionAskStopCheck(Action):
    """Ask before cancelling; no form question is open while we wait for the answer."""

    def name(self) -> Text:
        return "action_ask_stop_check"

    async def run(self, dispatcher, tracker, domain) -> List[EventType]:
        lang = language_of(tracker)
        dispatcher.utter_message(text=STOP_QUESTION(lang), buttons=buttons_in(STOP_BUTTONS, lang))
        return [SlotSet("requested_slot", None)]

"""FAQ answers, and the answer for the organisation a question is about.

"Hva er gevinstpotensial?" gets the FAQ answer the ResponseSelector picked. A question about
who may apply that names a kind of body gets the answer for that kind of body, not the general
"who may apply" text:

- the writer says what they are ("Jeg har et enkeltpersonforetak, kan jeg søke?", "vi er en
  kommune, hvem kan søke?"; ``veileder.applicant.identify`` with ``about_self``), or the
  question names the kind of body in the third person ("Kan Statsforvalteren søke?", "Kan et
  kommunalt foretak søke?", "Gjelder dette et interkommunalt politisk råd?";
  ``veileder.asker.named_applicant``);
- a family covered by default (R3) gets the verdict, the same text the check ends with, and the
  offer of the project check; a family the rules exclude (R2) gets the verdict (not eligible,
  how to take part instead), except that "Kan bedrifter søke?" in general keeps its FAQ answer,
  which says the same; a case-by-case family (R4) gets what it depends on (the three tests) and
  a button that starts the check for it; a body named by its name ("Kan Helse Bergen HF
  søke?") is taken as the writer's own, and the check starts with its open questions.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet

from actions import clock, texts
from actions.lang import language_of
from actions.feedback import rated
from actions.eligibility import (
    ALL_SLOTS,
    buttons_in,
    FAMILY_SLOT,
    FORM,
    OFFER_BUTTONS,
    OFFERED_SLOT,
    PROJECT_SLOT,
    stated_slots,
    verdict_answer,
)
from veileder.applicant import DEPENDS_ON_QUESTIONS, RECOGNISED, identify
from veileder.asker import applying_asks, asks_to_apply, named_applicant, named_body, own_family
from veileder.eligibility import (
    CASE_BY_CASE,
    EXCLUDED,
    FAMILY_LABELS,
    PROJECT_OFFER,
    ApplicantFacts,
    OrgFamily,
    depends_answer,
    project_questions,
    verdict_questions,
)
from veileder.eligibility.statements import stated_facts
from veileder.norsk import fold
from veileder.existing_solution import existing_solution_claim, mentions_existing_solution
from veileder.facts import verdict_at
from veileder.polarity import OPENING_VARIABLE, opening
from veileder.question_topics import (
    asks_about_digital,
    asks_applicant_requirement,
    asks_about_own_gain,
    asks_about_working_with_business,
    asks_what_it_takes,
    asks_who_only,
    asks_whom_to_contact,
    named_criterion,
)
from veileder.unknowns import unknown_answer, unknown_topic

RETRIEVAL_INTENT = "faq"
# FAQ topics about who may apply: a writer who says what they are gets the answer for them.
SELF_VERDICT_TOPICS = {"faq/bedrift", "faq/privatperson", "faq/hvem_kan_soke"}
# FAQ topics that answer who may apply in general.
WHO_TOPICS = {"faq/hvem_kan_soke", "faq/bedrift", "faq/privatperson"}
# Broad answers a question about applying for a topic or together with others may be taken for.
BROAD_TOPICS = WHO_TOPICS | {"faq/hva_sendes_inn", "faq/kriterier"}
# The criteria: the list and each of them.
CRITERIA_TOPICS = {"faq/kriterier", "faq/samfunnsutfordring", "faq/gjennomforingsevne",
                   "faq/verdiskaping", "faq/samarbeid", "faq/gevinstpotensial"}
# The answers about solutions that exist already.
EXISTING_TOPICS = {"faq/finnes_pa_markedet", "faq/eksisterende_losning", "faq/formal"}
_BUYS = re.compile(r"\b(?:kjop\w*|kaup\w*|buy\w*|purchas\w*|procur\w*|ta i bruk|innfore|innfora|"
                   r"implement\w*|anskaff\w*)\b")
# Answers that are already about applying together or on a topic, or about the deadline.
OWN_ANSWER_TOPICS = {"faq/samarbeid", "faq/tema", "faq/frist", "faq/bedrift"}
# The FAQ answer about solutions that exist already.
EXISTING_SOLUTION_RESPONSE = "utter_faq/finnes_pa_markedet"
# FAQ answers that already are the answer for an excluded kind of body asked about in general.
EXCLUDED_TOPICS = {"faq/bedrift", "faq/privatperson"}


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
                 topic: Optional[str], buttons: Optional[List[Dict[str, Any]]] = None) -> None:
    """The FAQ answer, with "Ja."/"Nei." first when the question is a yes/no question
    (``veileder.polarity``); the response generator puts the opening in front, one message.
    ``buttons`` (the feedback buttons) come after the response's own buttons."""
    first = opening(question, topic, clock.call(), clock.now())
    extra: Dict[str, Any] = {"buttons": buttons} if buttons else {}
    if first:
        extra[OPENING_VARIABLE] = first
    dispatcher.utter_message(response=response, **extra)


def asked_about(text: Optional[str], topic: Optional[str]) -> Optional[ApplicantFacts]:
    """The applicant the question is about, when it names one: the writer (on a topic about
    who may apply), or a kind of body in the third person; ``None`` otherwise."""
    facts: Optional[ApplicantFacts] = None
    family = named_applicant(text)  # "Jeg jobber i kommunen, kan bedrifter søke?": companies
    if family is not None:
        if family in EXCLUDED and topic in EXCLUDED_TOPICS:
            return None  # "Kan bedrifter søke?": the FAQ answer is the answer for them
        facts = ApplicantFacts(family=family)
    elif topic in SELF_VERDICT_TOPICS:
        who = identify(text, about_self=True)
        if who.family is not None and who.family is not OrgFamily.UNKNOWN:
            facts = who.facts
    if facts is None:
        return None
    # what the writer says about themselves counts too ("… men vi er ikke omfattet av …")
    for name, value in stated_facts(text).items():
        facts = facts.with_answer(name, value)
    return facts


def narrower_topic(text: Optional[str], topic: Optional[str]) -> Optional[str]:
    """The FAQ key that answers what the question asks when the classifier chose a broader
    answer: "Kan vi søke om penger til velferdsteknologi?" asks about the topic, "Kan vi søke på
    vegne av flere kommuner?" about collaboration, "Hvem kan vi ringe …?" whom to contact,
    "Kva slags samarbeid ser dei etter?" one criterion; None to keep the classifier's."""
    instead = None
    if topic in BROAD_TOPICS or (topic or "").startswith("ukjent/") or (
            topic not in OWN_ANSWER_TOPICS and existing_solution_claim(text) is None):
        instead = applying_asks(text)
    if not instead and topic in WHO_TOPICS and asks_whom_to_contact(text):
        instead = "kontakt"
    if not instead and (topic in WHO_TOPICS | CRITERIA_TOPICS - {"faq/samarbeid"} or
                        (topic or "").startswith("ukjent/")) and \
            asks_about_working_with_business(text):
        instead = "samarbeid"  # "Do we need to work with businesses?"
    if not instead and topic == "faq/kriterier":
        instead = named_criterion(text)
    if not instead and topic == "faq/gevinster" and asks_about_own_gain(text):
        instead = "gevinstpotensial"  # "Hva slags gevinster må behovet ha?"
    if not instead and topic not in EXISTING_TOPICS and existing_solution_claim(text) is True \
            and _BUYS.search(fold(text or "")) and not asks_to_apply(text):
        instead = "finnes_pa_markedet"  # "Kan vi bruke pengene til å kjøpe X som andre bruker?"
    if not instead and topic in EXISTING_TOPICS | {"faq/kriterier", "faq/tema"} and \
            asks_about_digital(text) and existing_solution_claim(text) is None and \
            not mentions_existing_solution(text):
        instead = "samfunnsutfordring"  # "Må løsningen være digital?": an example the call gives
    if not instead and topic not in WHO_TOPICS and asks_applicant_requirement(text):
        instead = "hvem_kan_soke"  # "Do we have to be covered by the procurement rules?"
    if not instead and topic not in WHO_TOPICS and asks_who_only(text):
        instead = "hvem_kan_soke"  # "Er det berre små distriktskommunar som kan søkje?"
    if not instead and topic not in CRITERIA_TOPICS and asks_what_it_takes(text):
        instead = "kriterier"  # "Hva skal til for at prosjektet blir valgt ut?"
    return instead


def family_label(family: OrgFamily, lang: str = "nb") -> str:
    """"et helseforetak eller et annet særlovsselskap" in bokmål, nynorsk or English."""
    return FAMILY_LABELS[family](lang)


def check_payload(family: OrgFamily, lang: str = "nb") -> str:
    """The message a button sends to start the check for this kind of body, in the user's
    standard (it is the user's next message, and it must not switch the language)."""
    return texts.CHECK_QUESTION.format(lang, label=family_label(family, lang))


class ActionAnswerFaq(Action):
    def name(self) -> Text:
        return "action_answer_faq"

    async def run(self, dispatcher, tracker: Tracker, domain) -> List[EventType]:
        message = tracker.latest_message or {}
        response = selected_response(message)
        topic = response[len("utter_"):] if response else None
        instead = narrower_topic(message.get("text"), topic)
        facts = None if instead else asked_about(message.get("text"), topic)
        # an offer of the project check is answered now or not at all; no slot otherwise
        clear = [SlotSet(OFFERED_SLOT, False)] if tracker.get_slot(OFFERED_SLOT) else []
        if facts is not None:
            return clear + self._answer_for(facts, message.get("text"), dispatcher, tracker)
        unknown = unknown_topic(message.get("text"))
        if unknown and not (topic or "").startswith("ukjent/") and \
                not mentions_existing_solution(message.get("text")):
            # "Hvem eier resultatene?" is not answered by who is behind the call
            contact = clock.call().kontakt
            buttons, rate = rated(tracker, f"{self.name()}:{unknown}")
            dispatcher.utter_message(text=unknown_answer(unknown, contact.navn, contact.url,
                                                         lang=language_of(tracker)),
                                     buttons=buttons)
            return clear + rate
        if instead:
            response, topic = f"utter_faq/{instead}", f"faq/{instead}"
        if mentions_existing_solution(message.get("text")):
            # "Vi vil kjøpe et system som finnes. Passer det?": what the call says of that
            response, topic = EXISTING_SOLUTION_RESPONSE, EXISTING_SOLUTION_RESPONSE[len("utter_"):]
        if response:
            buttons, rate = rated(tracker, response)
            utter_answer(dispatcher, response, message.get("text"), topic, buttons)
            return clear + rate
        else:  # no FAQ answer selected (a button "/faq" without a key): hand over
            contact = clock.call().kontakt
            dispatcher.utter_message(text=texts.GIVE_UP.format(
                language_of(tracker), contact_name=contact.navn, contact_url=contact.url))
        return clear

    def _answer_for(self, facts: ApplicantFacts, text: Optional[str],
                    dispatcher, tracker: Tracker) -> List[EventType]:
        family = facts.family
        lang = language_of(tracker)
        name = named_body(text)
        own = own_family(text) is not None
        if family in CASE_BY_CASE and (name or own) and facts.orgnr is None and \
                verdict_questions(facts):
            # "Kan Helse Bergen HF søke?": a body named by its name is the writer's own, and so
            # is "Me er eit aksjeselskap eigd av kommunen": the check asks the open questions of
            # the three tests at once
            label = family_label(family, lang)
            said = (texts.NAMED_CHECK.format(lang, name=name, label=label) if name else
                    f"{RECOGNISED.format(lang, label=label)} {DEPENDS_ON_QUESTIONS(lang)}")
            dispatcher.utter_message(text=said)
            return [*(SlotSet(slot, None) for slot in ALL_SLOTS),
                    SlotSet(FAMILY_SLOT, family.value),
                    *(SlotSet(slot, value) for slot, value in stated_slots(text).items()),
                    FollowupAction(FORM)]
        buttons, rate = rated(tracker, self.name())
        if family in CASE_BY_CASE and facts.orgnr is None and verdict_questions(facts):
            dispatcher.utter_message(
                text=depends_answer(family, clock.call(), lang=lang),
                buttons=[{"title": texts.CHECK_TITLE(lang), "payload": check_payload(family, lang)}]
                + buttons,
            )
            return rate
        verdict = verdict_at(facts, clock.call(), clock.now(), lang=lang)
        dispatcher.utter_message(text=verdict_answer(verdict, tracker), buttons=buttons)
        if family in EXCLUDED or verdict.outcome == "not_eligible" or \
                not project_questions(facts):
            return rate
        dispatcher.utter_message(text=PROJECT_OFFER(lang), buttons=buttons_in(OFFER_BUTTONS, lang))
        return rate + [SlotSet(FAMILY_SLOT, family.value), SlotSet(PROJECT_SLOT, None),
                       SlotSet(OFFERED_SLOT, True),
                *(SlotSet(slot, value) for slot, value in stated_slots(text).items())]

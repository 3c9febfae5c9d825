"""NLU guard: messages with no readable question get a fixed intent; two corrections.

It runs last in the pipeline. Empty, overlong, emoji-only, markup and mostly non-Latin messages
would otherwise reach the classifiers' guesses (or the two-stage fallback, which would offer
"Mente du …?" for an emoji). The rules live in :mod:`veileder.input_check`.

Corrections of the classifiers' intent, each a rule of the domain modules:

- a greeting or thanks in front of a question: the question counts
  (``input_check.is_question_behind_pleasantry``);
- a writer who says what they are and asks whether they may apply ("Vi er en bedrift som lager
  sensorer … Kan vi søke?") asks for the eligibility check, whatever topic the classifier heard
  in the rest of a long message (``veileder.asker``); so does a bare "kan vi søke?" that the
  classifier took for the general "who may apply" question or did not understand;
- only a question about the asker's own eligibility starts the check: one that mentions applying
  but asks something else ("Hva må være med i skissen når vi søker?", "Kan vi søke sammen med
  en leverandør?"; ``asker.asks_other_about_applying``) gets the FAQ answer, and so does a
  question about a named kind of body ("Kan Statsforvalteren søke?"; ``asker.named_applicant``),
  which ``actions/faq.py`` answers for that kind of body;
- a question about something the announcement does not say ("Hvem eier resultatene?";
  ``veileder.unknowns``) that the classifier took for out of scope, unclear or the check gets
  the FAQ action, which says that the announcement does not say it;
- what an applicant must be ("Må søkjaren vere omfatta av anskaffingsregelverket?";
  ``question_topics.asks_applicant_requirement``) gets the FAQ answer on who may apply;
- "Is the call still open?" (``deadline_questions.asks_if_open``) and "When do applications close?"
  (``question_topics.asks_for_the_deadline``) get the deadline's status.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

# Rasa's check of action server answers with a validator built once (see the module)
from components import action_validation  # noqa: F401
# spaCy's lemma table in about 15 MB instead of 290 MB (see the module)
from components import compact_lemmas  # noqa: F401
from veileder import input_check
from veileder.eligibility import recogniser
from veileder.asker import (
    applying_asks,
    asks_other_about_applying,
    asks_to_apply,
    named_applicant,
    own_family,
)
from veileder.existing_solution import mentions_existing_solution
from veileder.deadline_questions import asks_if_open, asks_who_it_is_open_to
from veileder.question_topics import (asks_applicant_requirement, asks_for_the_deadline,
                                      asks_if_bot, asks_what_it_takes)
from veileder.unknowns import unknown_topic

CHECK_INTENT = "check_eligibility"
# FAQ answers that actions/faq.py turns into the verdict for a writer who is a company or person
FAQ_GIVES_VERDICT = {"faq/bedrift", "faq/privatperson"}
FAQ_INTENT = "faq"
# Intents a question about a named kind of body may replace: the classifier was unsure, or took
# it for the check ("Kan Statsforvalteren søke?" is not out of scope).
# "Hva må være med i skissen når vi søker?" is no deadline question: an unsure deadline answer
# with no word of time is corrected to the FAQ answer when the question is about applying.
UNSURE = 0.8
TIME_WORDS = re.compile(r"frist|dato|deadline|klokk|\bkl\b|tid\b|tidspunkt|seinast|senest|innen|"
                        r"^\W*(?:når|naar|when)\b|"
                        r"\bdag\b|\bmåned|\buke|\d", re.IGNORECASE)
NAMED_OVERRIDABLE = {"out_of_scope", "nlu_fallback", "ukjent", "check_eligibility", "inform_org"}
EXISTING_OVERRIDABLE = NAMED_OVERRIDABLE | {"ask_deadline", "check_submission_time"}
# A question about something the announcement does not say ("Hvem eier resultatene?") is no
# hand-over, no out-of-scope question and no request for the check.
UNKNOWN_OVERRIDABLE = {"out_of_scope", "nlu_fallback", "check_eligibility", "inform_org"}
# "Snakker jeg med et menneske?" asks whether this is a machine, whatever the classifier heard.
BOT_OVERRIDABLE = {"human_handoff", "faq", "ukjent", "out_of_scope", "nlu_fallback"}
# "Is the call still open?" asks for the deadline's status, whatever else the classifier heard.
OPEN_OVERRIDABLE = {"out_of_scope", "nlu_fallback", "ukjent", "faq"}
# Intents a self-check request may replace; timing questions, "stop", "no" and hand-over stay.
OVERRIDABLE = {
    "faq", "ukjent", "inform_org", "out_of_scope", "nlu_fallback", "greet", "thank", "help",
    "affirm", "bot_challenge",
}


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class InputGuard(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "InputGuard":
        # The lemma dictionaries of the organisation check load with the model, not in the
        # first user's "Kan vi søke?" (about 0.9 s; veileder/eligibility/recogniser.py).
        recogniser.warm_up()
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            kind = input_check.problem(message.get(TEXT))
            if kind is None:
                self._look_past_pleasantries(message)
                self._self_check_request(message)
                self._not_a_check(message)
                continue
            intent = {
                INTENT_NAME_KEY: input_check.INTENT_FOR_PROBLEM[kind],
                PREDICTED_CONFIDENCE_KEY: 1.0,
            }
            message.set(INTENT, intent, add_to_output=True)
            message.set("intent_ranking", [intent], add_to_output=True)
            message.set("input_problem", kind, add_to_output=True)
        return messages

    @staticmethod
    def _look_past_pleasantries(message: Message) -> None:
        """"Hei, jeg jobber i Tromsø kommune. Hvor mye kan vi få?" is classified as a greeting
        because of its first word; answer what comes after it instead: the best-ranked intent
        that is not a pleasantry."""
        intent = message.get(INTENT) or {}
        if intent.get(INTENT_NAME_KEY) not in input_check.GREETING_INTENTS:
            return
        if not input_check.is_question_behind_pleasantry(message.get(TEXT)):
            return
        skip = set(input_check.GREETING_INTENTS) | {"goodbye", "nlu_fallback"}
        for ranked in message.get("intent_ranking") or []:
            if ranked.get(INTENT_NAME_KEY) not in skip:
                message.set(INTENT, dict(ranked), add_to_output=True)
                return

    @staticmethod
    def _self_check_request(message: Message) -> None:
        intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        key = response_key(message)
        if intent == "faq" and key in FAQ_GIVES_VERDICT:
            return  # actions/faq.py answers a company or person about itself with the verdict
        text = message.get(TEXT)
        if not asks_to_apply(text):
            return
        if own_family(text) is not None:
            # "Statsforvalteren i Nordland her. Er det mulig for oss å søke?" taken for a
            # deadline question without a word on time: the writer asks about themselves
            confidence = (message.get(INTENT) or {}).get(PREDICTED_CONFIDENCE_KEY) or 0.0
            wanted = intent in OVERRIDABLE or (
                intent == "ask_deadline" and confidence < UNSURE
                and not TIME_WORDS.search(text or "") and not asks_if_open(text))
        else:  # "kan vi søke?" with no word on who: only where the classifier was unsure
            wanted = intent == "nlu_fallback" or (intent == "faq" and key == "faq/hvem_kan_soke")
        if wanted:
            message.set(INTENT, {INTENT_NAME_KEY: CHECK_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0},
                        add_to_output=True)
            message.set("intent_override", "self_check_request", add_to_output=True)


    @staticmethod
    def _not_a_check(message: Message) -> None:
        """A question that mentions applying but asks something else, or asks about a named
        kind of body, gets the FAQ answer, not the check."""
        intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        text = message.get(TEXT)
        confidence = (message.get(INTENT) or {}).get(PREDICTED_CONFIDENCE_KEY) or 0.0
        if intent in UNKNOWN_OVERRIDABLE | {"ukjent"} and own_family(text) is None and \
                asks_applicant_requirement(text):
            # "Må søkjaren vere omfatta av anskaffingsregelverket?": who may apply
            reason = "applicant_requirement"
        elif intent == CHECK_INTENT and asks_other_about_applying(text):
            reason = "asks_other_about_applying"
        elif intent == "ask_deadline" and confidence < UNSURE and response_key(message) and \
                asks_other_about_applying(text) and not TIME_WORDS.search(text or ""):
            reason = "asks_other_about_applying"
        elif (intent in NAMED_OVERRIDABLE or (intent == "ask_deadline" and
                                                 asks_who_it_is_open_to(text))) and \
                not asks_to_apply(text) and own_family(text) is None and \
                named_applicant(text) is not None:
            # "Kan Statsforvalteren søke?", "Is it open for private persons also?"
            reason = "named_applicant"
        elif intent in EXISTING_OVERRIDABLE and "?" in (text or "") and \
                not asks_to_apply(text) and mentions_existing_solution(text):
            # "Vi vil kjøpe et system som finnes. Passer det?": the FAQ answers about existing
            # solutions (actions/faq.py), whatever topic the classifier heard in the question
            reason = "existing_solution"
        elif intent in BOT_OVERRIDABLE and asks_if_bot(text):
            # "Snakker jeg med et menneske nå?" asks what answers, not for a person
            message.set(INTENT, {INTENT_NAME_KEY: "bot_challenge", PREDICTED_CONFIDENCE_KEY: 1.0},
                        add_to_output=True)
            message.set("intent_override", "asks_if_bot", add_to_output=True)
            return
        elif intent in OPEN_OVERRIDABLE and (asks_if_open(text) or asks_for_the_deadline(text)):
            # "Is the call still open?": the deadline's status
            message.set(INTENT, {INTENT_NAME_KEY: "ask_deadline", PREDICTED_CONFIDENCE_KEY: 1.0},
                        add_to_output=True)
            message.set("intent_override", "asks_if_open", add_to_output=True)
            return
        elif intent in ("nlu_fallback", "out_of_scope") and (applying_asks(text) or
                                                             asks_what_it_takes(text)):
            # "Me vil søkje om eit prosjekt innan helse, passar det?": the topic (actions/faq.py)
            reason = "asks_other_about_applying"
        elif intent in UNKNOWN_OVERRIDABLE and not asks_to_apply(text) and \
                own_family(text) is None and unknown_topic(text) is not None:
            # "Hvem eier resultatene?": the announcement does not say (actions/faq.py)
            reason = "unknown_topic"
        else:
            return
        message.set(INTENT, {INTENT_NAME_KEY: FAQ_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0},
                    add_to_output=True)
        message.set("intent_override", reason, add_to_output=True)


def response_key(message: Message) -> Optional[str]:
    """The FAQ answer the ResponseSelector chose (one selector: key "default")."""
    selectors = message.get("response_selector") or {}
    selected = selectors.get("faq") or selectors.get("default") or {}
    return (selected.get("response") or {}).get("intent_response_key")

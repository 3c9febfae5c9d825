"""NLU guard: messages with no readable question get a fixed intent; two corrections.

It runs last in the pipeline. Empty, overlong, emoji-only, markup and mostly non-Latin messages
would otherwise reach the classifiers' guesses (or the two-stage fallback, which would offer
"Mente du …?" for an emoji). The rules live in :mod:`veileder.input_check`.

Two corrections of the classifiers' intent, each a rule of the domain modules:

- a greeting or thanks in front of a question: the question counts
  (``input_check.is_question_behind_pleasantry``);
- a writer who says what they are and asks whether they may apply ("Vi er en bedrift som lager
  sensorer … Kan vi søke?") asks for the eligibility check, whatever topic the classifier heard
  in the rest of a long message (``veileder.asker.self_check_request``).
"""
from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from veileder import input_check
from veileder.asker import self_check_request

CHECK_INTENT = "check_eligibility"
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
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            kind = input_check.problem(message.get(TEXT))
            if kind is None:
                self._look_past_pleasantries(message)
                self._self_check_request(message)
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
        intent = message.get(INTENT) or {}
        if intent.get(INTENT_NAME_KEY) not in OVERRIDABLE:
            return
        if self_check_request(message.get(TEXT)) is None:
            return
        message.set(INTENT, {INTENT_NAME_KEY: CHECK_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0},
                    add_to_output=True)
        message.set("intent_override", "self_check_request", add_to_output=True)

"""NLU component: the written standard of each message, as the entity ``language``.

It runs last in the pipeline. When a message tells which standard it is written in (bokmål,
nynorsk or English; ``veileder.language.detect``), it carries the entity ``language`` with that
value, and the slot ``language`` (``domain.yml``, mapped from the entity) takes it. A message
that does not tell ("ja", "16. april", an organisation number) carries no entity, so the slot
keeps the conversation's language. An explicit request ("kan du svare på nynorsk?", "in English
please"; ``veileder.language.requested_language``) sets the language it asks for and becomes the
intent ``switch_language``, whatever the classifiers heard, so the rule for it confirms the
switch in the new language. Nothing is trained: the rules are in :mod:`veileder.language`.
"""
from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_CONFIDENCE,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    INTENT,
    INTENT_NAME_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from veileder import language

ENTITY = "language"
SWITCH_INTENT = "switch_language"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False
)
class LanguageDetector(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "LanguageDetector":
        warm_up = getattr(language, "warm_up", None)
        if warm_up is not None:
            warm_up()  # the first user's message is not the one that loads the word lists
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            requested = language.requested_language(text)
            found = requested or language.detect(text)
            if found is None:
                continue
            entities = [e for e in message.get(ENTITIES, []) if e.get(ENTITY_ATTRIBUTE_TYPE) != ENTITY]
            entities.append({
                ENTITY_ATTRIBUTE_TYPE: ENTITY,
                ENTITY_ATTRIBUTE_VALUE: found,
                ENTITY_ATTRIBUTE_START: 0,
                ENTITY_ATTRIBUTE_END: len(text),
                ENTITY_ATTRIBUTE_CONFIDENCE: 1.0,
                EXTRACTOR: type(self).__name__,
            })
            message.set(ENTITIES, entities, add_to_output=True)
            if requested:
                intent = {INTENT_NAME_KEY: SWITCH_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
                message.set(INTENT, intent, add_to_output=True)
                ranking = [r for r in message.get("intent_ranking") or []
                           if r.get(INTENT_NAME_KEY) != SWITCH_INTENT]
                message.set("intent_ranking", [intent] + ranking, add_to_output=True)
        return messages

"""NLU component: a request to answer in another written standard becomes ``switch_language``.

It runs last in the pipeline. "kan du svare på nynorsk?", "svar på bokmål", "in English please"
(``veileder.language.requested_language``) get the intent ``switch_language``, whatever the
classifiers heard, so the rule for it confirms the switch in the new language. The language
itself is not set here: it is read from the conversation's messages when an answer is given
(``veileder.i18n.choose``), so a request holds for the rest of the conversation. Nothing is
trained, and the intent has no training examples: with examples the classifier's other intents
got worse on the NLU held-out set (0.968 -> 0.954) for requests the rule recognises anyway. The
rules are in :mod:`veileder.language`, whose tables are built when the model loads.
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

from veileder import language

SWITCH_INTENT = "switch_language"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
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
        language.warm_up()  # the first user's message is not the one that builds the tables
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if language.requested_language(message.get(TEXT) or "") is None:
                continue
            intent = {INTENT_NAME_KEY: SWITCH_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
            message.set(INTENT, intent, add_to_output=True)
            ranking = [r for r in message.get("intent_ranking") or []
                       if r.get(INTENT_NAME_KEY) != SWITCH_INTENT]
            message.set("intent_ranking", [intent] + ranking, add_to_output=True)
        return messages

"""Rasa's response generator with the call's facts, rendered when an answer is given.

``endpoints.yml`` names this class under ``nlg:``. Every response Rasa sends goes through it:
the rules' ``utter_*``, the FAQ answers that ``action_answer_faq`` asks for by name
(``utter_faq/...``), form questions and buttons. It is Rasa's templated generator (response
variations, channels and slot conditions work as before) with one addition: the template
variables hold the call's facts from :func:`veileder.facts.fact_slots`, computed at that moment
with the configured clock and call file. So facts are not stored in conversations, a changed call
file changes the next answer (the file is re-read when its mtime changes), and "… igjen" turns
into "Fristen har gått ut." when the deadline passes, even within one conversation. An action may
pass a yes or a no to put first (``answer_opening``, ``veileder.polarity``): one message, the
answer written once.

Each response is given in the conversation's written standard (``veileder.i18n.choose``: read
from the user's messages in the conversation, else the channel's preset in the message's
metadata, else bokmål). The choice is Rasa's own: response variations in ``domain.yml`` carry
``condition: [{type: slot, name: language, value: nn}]``, and this generator puts the chosen
language into the slot values the conditions are matched against, and fills the facts in that
standard.

It renders in Rasa's process: no HTTP hop per response (``bench/bench_nlg.py`` measures it
against the plain templated generator and a callback NLG server).
"""
from __future__ import annotations

import copy
import logging
from datetime import datetime
from typing import Any, Callable, Dict, Optional, Text

from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.utils.endpoints import EndpointConfig

from actions import clock
# Rasa's check of action server answers with a validator built once (see the module)
from components import action_validation  # noqa: F401
from veileder.call import Call, CallFileError
from veileder.facts import fact_slots
from veileder.i18n import choose, normalise, written_texts
from veileder.polarity import OPENING_VARIABLE, prefix_answer
from veileder.question_topics import bot_question_opening

#: The answer to "are you a bot?": honest, with a yes or a no first.
BOT_CHALLENGE = "utter_bot_challenge"
#: The slot that holds the conversation's written standard (domain.yml).
LANGUAGE_SLOT = "language"
#: The conversation's language is read from at most this many of its latest user messages.
MAX_MESSAGES_READ = 200

logger = logging.getLogger(__name__)


class CallFactsNLG(TemplatedNaturalLanguageGenerator):
    """Templated responses whose variables are the call's facts at answer time, then slots.

    Precedence when a name is in several places: values passed with the message (``kwargs``,
    as Rasa does), then the facts, then the conversation's slots.
    """

    def __init__(
        self,
        endpoint_config: Optional[EndpointConfig] = None,
        domain: Optional[Domain] = None,
        *,
        now: Callable[[], datetime] = clock.now,
        call: Callable[[], Call] = clock.call,
    ) -> None:
        # Rasa builds the generator before the model is loaded and then sets ``responses``
        # from the model's domain (Agent.load_model); a domain given here is used as is.
        super().__init__(domain.responses if domain else {})
        self._now = now
        self._call = call
        self._last_good_call: Optional[Call] = None
        # Fail at start-up, not at the first answer, on a broken call file or clock setting.
        self._current_call()
        self._now()

    def _current_call(self) -> Call:
        try:
            self._last_good_call = self._call()
        except CallFileError:
            if self._last_good_call is None:
                raise
            # A file being edited (or saved broken) must not silence the assistant: answer
            # from the last valid version; /healthz reports the broken file.
            logger.exception("call file unreadable; answering from its last valid version")
        return self._last_good_call

    def facts(self, now: Optional[datetime] = None, lang: Text = "nb") -> Dict[Text, Any]:
        """The call's facts as template variables, at ``now`` (default: the clock), in ``lang``."""
        return fact_slots(self._current_call(), now or self._now(), lang)

    @staticmethod
    def language(tracker: Any) -> Text:
        """The standard to answer in, from the conversation's user messages and the channel's
        preset (``veileder.i18n.choose``)."""
        latest = getattr(tracker, "latest_message", None)
        turns = [("user", e.text) if isinstance(e, UserUttered) else
                 ("bot", [b.get("payload") for b in (e.data or {}).get("buttons") or []])
                 for e in tracker.events if isinstance(e, (UserUttered, BotUttered))]
        texts = written_texts(turns)
        return choose(tracker.get_slot(LANGUAGE_SLOT), getattr(latest, "metadata", None),
                      texts[-MAX_MESSAGES_READ:])

    async def generate(
        self,
        utter_action: Text,
        tracker: Any,
        output_channel: Text,
        **kwargs: Any,
    ) -> Optional[Dict[Text, Any]]:
        """As Rasa's, and "Er du en bot?" gets "Ja." first, "Er du et menneske?" "Nei."."""
        if utter_action == BOT_CHALLENGE and OPENING_VARIABLE not in kwargs:
            latest = getattr(tracker, "latest_message", None)
            first = bot_question_opening(getattr(latest, "text", None))
            if first:
                kwargs[OPENING_VARIABLE] = first
        filled_slots = tracker.current_slot_values()
        filled_slots[LANGUAGE_SLOT] = self.language(tracker)
        return self.generate_from_slots(utter_action, filled_slots, output_channel, **kwargs)

    def generate_from_slots(
        self,
        utter_action: Text,
        filled_slots: Dict[Text, Any],
        output_channel: Text,
        **kwargs: Any,
    ) -> Optional[Dict[Text, Any]]:
        # Variations are chosen on the conversation's slots only (conditions name slots); the
        # language is the one ``generate`` chose (a caller without a tracker gets bokmål).
        filled_slots = dict(filled_slots or {})
        lang = normalise(filled_slots.get(LANGUAGE_SLOT))
        filled_slots[LANGUAGE_SLOT] = lang
        response = copy.deepcopy(
            self._random_response_for(utter_action, output_channel, filled_slots)
        )
        if response is None:
            return None
        variables = dict(filled_slots or {})
        variables.update(self.facts(lang=lang))
        opening = kwargs.pop(OPENING_VARIABLE, None)
        filled = self._fill_response(response, variables, **kwargs)
        if opening and filled.get("text"):
            # "Nei." in front of the FAQ answer to a yes/no question (veileder/polarity.py)
            filled["text"] = prefix_answer(opening, filled["text"], lang)
        return filled

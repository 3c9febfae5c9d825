"""Rasa checks each action server answer with a validator built once, not on every call.

Rasa 3.6 checks every answer of the action server against the response schema
(``RemoteAction._validate_action_result``) with ``jsonschema.validate(result, schema)``. That
call first checks the schema itself against JSON Schema's metaschema and then builds a new
validator, on every call: about 45 ms per custom action on a 2-core machine, most of a turn in
Rasa's process (the events schema is large). Profiling a turn found it the slowest part
(``bench/bench_latency.py`` profiles one).

:func:`apply` replaces that method with one that checks the same answer against the same schema
with a validator built and checked once per action class (about 1 ms a call). Validation stays
on and fails the same way: the error ``jsonschema.validate`` would raise (its ``best_match``),
with Rasa's hint about the response format appended.

The patch is applied when this module is imported; :mod:`components.input_guard` (in the NLU
pipeline) and :mod:`components.nlg` (``endpoints.yml``) import it, so Rasa's process always has
it. It is applied only to the Rasa versions it was written against (:data:`RASA_SERIES`): on any
other version Rasa's own method stays and a warning says the patch needs a look.
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Dict, Optional, Text

logger = logging.getLogger(__name__)

#: The Rasa release series whose ``RemoteAction._validate_action_result`` this replaces.
RASA_SERIES = "3.6."
_MARK = "_assistant_cached_validator"


def _validator_for(action_class: type) -> Any:
    """The schema's validator, built and checked against the metaschema once per class."""
    cached = action_class.__dict__.get(_MARK)
    if cached is None:
        from jsonschema.validators import validator_for

        schema = action_class.action_response_format_spec()
        cls = validator_for(schema)
        cls.check_schema(schema)  # as jsonschema.validate does, once
        cached = cls(schema)
        setattr(action_class, _MARK, cached)
    return cached


def validate_action_result(self: Any, result: Dict[Text, Any]) -> bool:
    """``RemoteAction._validate_action_result`` of Rasa 3.6 with a validator built once."""
    from jsonschema.exceptions import best_match

    from rasa.shared.constants import DOCS_BASE_URL

    error = best_match(_validator_for(type(self)).iter_errors(result))
    if error is None:
        return True
    error.message += (  # Rasa's own wording
        f". Failed to validate Action server response from API, "
        f"make sure your response from the Action endpoint is valid. "
        f"For more information about the format visit "
        f"{DOCS_BASE_URL}/custom-actions"
    )
    raise error


def apply(version: Optional[str] = None) -> bool:
    """Patch Rasa's RemoteAction; True when the cached validator is in use.

    ``version`` defaults to the installed Rasa's; another series than :data:`RASA_SERIES`
    leaves Rasa as it is.
    """
    import rasa
    from rasa.core.actions.action import RemoteAction

    version = version or rasa.__version__
    current: Callable = RemoteAction._validate_action_result
    if current is validate_action_result:
        return True
    if not version.startswith(RASA_SERIES) or not hasattr(RemoteAction,
                                                          "action_response_format_spec"):
        logger.warning("Rasa %s: the cached validator of action answers (%s) is written for "
                       "Rasa %sx and is not applied; check it against this version.",
                       version, __name__, RASA_SERIES)
        return False
    RemoteAction._validate_action_result = validate_action_result
    return True


def remove() -> None:
    """Rasa's own method again (for tests)."""
    from rasa.core.actions.action import RemoteAction

    if RemoteAction.__dict__.get("_validate_action_result") is validate_action_result:
        RemoteAction._validate_action_result = _ORIGINAL


def _original() -> Callable:
    from rasa.core.actions.action import RemoteAction

    method = RemoteAction.__dict__.get("_validate_action_result")
    return method if method is not validate_action_result else None  # type: ignore[return-value]


_ORIGINAL = _original()
APPLIED = apply()

"""Rasa checks action server answers with a validator built once (components/action_validation.py):
through Rasa's own ``RemoteAction._validate_action_result``, valid answers pass and invalid ones
are rejected with the same error as Rasa's unpatched method; the patch holds only for Rasa 3.6."""
from __future__ import annotations

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import EndpointConfig

from components import action_validation

VALID = [
    {},
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "elig_family", "value": "kommune"},
                {"event": "slot", "name": "requested_slot", "value": None},
                {"event": "followup", "name": "utter_ask_elig_role"}],
     "responses": [{"response": "utter_faq/belop"}, {"text": "Fristen har gått ut."}]},
    {"events": [{"event": "active_loop", "name": None},
                {"event": "action_execution_rejected", "name": "eligibility_form"}]},
]
INVALID = [
    [],                                                      # not an object
    {"events": "slot"},                                      # events is no list
    {"events": [{"name": "elig_family", "value": 1}]},       # an event without "event"
    {"events": [{"event": "no_such_event"}]},                # an unknown event
    {"events": [{"event": "slot", "value": "x"}]},           # a slot event without a name
    {"responses": [["not", "an", "object"]]},                # a response that is no object
]


@pytest.fixture
def action():
    return RemoteAction("action_answer_faq", EndpointConfig("http://127.0.0.1:9/webhook"))


def test_rasa_uses_the_cached_validator():
    assert action_validation.APPLIED
    assert RemoteAction._validate_action_result is action_validation.validate_action_result
    first = action_validation._validator_for(RemoteAction)
    assert action_validation._validator_for(RemoteAction) is first


@pytest.mark.parametrize("answer", VALID)
def test_a_valid_answer_passes(action, answer):
    assert action._validate_action_result(answer) is True


@pytest.mark.parametrize("answer", INVALID)
def test_an_invalid_answer_is_rejected_as_rasa_rejects_it(action, answer):
    with pytest.raises(jsonschema.ValidationError) as patched:
        action._validate_action_result(answer)
    assert "Failed to validate Action server response from API" in patched.value.message
    # Rasa's own method, unpatched, raises the same error
    with pytest.raises(jsonschema.ValidationError) as original:
        action_validation._ORIGINAL(action, answer)
    assert patched.value.message == original.value.message
    assert list(patched.value.path) == list(original.value.path)


@pytest.mark.parametrize("answer", VALID)
def test_rasa_own_method_agrees_on_valid_answers(action, answer):
    assert action_validation._ORIGINAL(action, answer) is True


@pytest.mark.parametrize("version, applied", [("3.6.21", True), ("3.6.0", True),
                                              ("3.7.0", False), ("4.0.1", False)])
def test_the_patch_holds_only_for_rasa_3_6(version, applied):
    action_validation.remove()
    try:
        assert RemoteAction._validate_action_result is action_validation._ORIGINAL
        assert action_validation.apply(version) is applied
        patched = RemoteAction._validate_action_result is action_validation.validate_action_result
        assert patched is applied
    finally:
        action_validation.remove()
        assert action_validation.apply() is True

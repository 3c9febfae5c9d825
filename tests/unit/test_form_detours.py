"""Inside the check, a message that answers the question is read as the answer, not as an FAQ
question (actions/form_detours.py)."""
import pytest

from actions.form_detours import ActionAnswerInForm
from testkit.helpers import run, tracker

FORM = {"name": "eligibility_form"}


def in_form(text, requested, key="ukjent/neste_runde"):
    parse = {"response_selector": {"default": {"response": {
        "intent_response_key": key, "utter_action": f"utter_{key}", "confidence": 0.9}}}}
    return tracker(text, key.split("/")[0], parse=parse, active_loop=FORM,
                   slots={"requested_slot": requested, "elig_family": "helseforetak"})


@pytest.mark.parametrize("text,requested", [
    ("Pengane kjem frå staten, nesten alt", "elig_publicly_funded"),
    ("ja, nesten bare offentlige midler", "elig_publicly_funded"),
    ("Vi driver ikke kommersielt", "elig_general_interest"),
    ("tror det, men må dobbeltsjekke", "elig_public_control"),
])
def test_an_answer_in_own_words_is_left_to_the_form(domain, text, requested):
    messages, events = run(ActionAnswerInForm(), in_form(text, requested), domain)
    assert messages == [] and events == []


@pytest.mark.parametrize("text,key", [
    ("Hva betyr gevinstpotensial?", "faq/gevinstpotensial"),
    ("Når kommer neste utlysning?", "ukjent/neste_runde"),
])
def test_a_question_gets_its_answer_and_the_form_asks_again(domain, text, key):
    messages, _ = run(ActionAnswerInForm(), in_form(text, "elig_publicly_funded", key), domain)
    assert messages[0]["response"] == f"utter_{key}"


def test_the_form_reads_the_message_after_a_silent_detour():
    from actions.eligibility import _fresh_text

    track = in_form("Pengane kjem frå staten, nesten alt", "elig_publicly_funded")
    track.events.append({"event": "action", "name": "action_answer_in_form"})
    assert _fresh_text(track) == "Pengane kjem frå staten, nesten alt"
    track.events.append({"event": "bot", "text": "Gevinstpotensial betyr …"})
    assert _fresh_text(track) is None

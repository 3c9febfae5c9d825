"""Custom actions with real rasa_sdk Trackers and the domain modules."""
from __future__ import annotations

import pytest

from actions import actions, texts
from testkit.helpers import run, tracker
from veileder import input_check


@pytest.fixture(autouse=True)
def after_the_deadline(monkeypatch):
    monkeypatch.setenv("ASSISTANT_NOW", "2026-11-27T10:00:00+01:00")


def test_no_custom_session_start(domain):
    """Rasa's own session start runs (in Rasa, no call to the action server): the facts are
    filled in when an answer is given (components/nlg.py), not stored at session start."""
    assert "action_session_start" not in domain["actions"]
    assert not hasattr(actions, "ActionSessionStart")


@pytest.mark.parametrize("now,expected", [
    ("2026-11-27T10:00:00+01:00", ["gikk ut", "torsdag 16. april 2020 kl. 17.00"]),
    ("2020-04-16T14:45:00+02:00", ["i dag", "2 timer og 15 minutter"]),
    ("2020-04-13T12:00:00+02:00", ["3 dager og 5 timer"]),
])
def test_deadline_status(domain, monkeypatch, now, expected):
    monkeypatch.setenv("ASSISTANT_NOW", now)
    messages, _ = run(actions.ActionDeadlineStatus(), tracker("når er fristen", "ask_deadline"), domain)
    assert len(messages) == 1
    for part in expected:
        assert part in messages[0]["text"]


def test_every_deadline_answer_after_the_deadline_says_it_has_passed(domain):
    for text in ["når er fristen?", "frist?", "hvor lenge er det igjen"]:
        messages, _ = run(actions.ActionDeadlineStatus(), tracker(text, "ask_deadline"), domain)
        assert "gikk ut" in messages[0]["text"]


@pytest.mark.parametrize("now,text,expected", [
    ("2020-04-15T09:00:00+02:00", "rekker vi det om vi sender 16. april kl 16.40?", "rekker"),
    ("2020-04-15T09:00:00+02:00", "hva om vi sender 16.04.2020 17:05", "for sent"),
])
def test_check_submission_time(domain, monkeypatch, now, text, expected):
    monkeypatch.setenv("ASSISTANT_NOW", now)
    messages, _ = run(actions.ActionCheckSubmissionTime(), tracker(text, "check_submission_time"), domain)
    assert expected in messages[0]["text"].lower()


@pytest.mark.parametrize("text,kind", [
    ("", input_check.EMPTY), ("😀😀", input_check.NO_WORDS),
    ("<script>alert(1)</script>", input_check.MARKUP), ("x" * 10_000, input_check.TOO_LONG),
])
def test_invalid_input_gets_its_own_short_answer(domain, text, kind):
    messages, _ = run(actions.ActionHandleInvalidInput(), tracker(text, "invalid_input"), domain)
    assert messages[0]["text"] == input_check.ANSWERS[kind]


def test_other_language_answer(domain):
    messages, _ = run(actions.ActionHandleInvalidInput(),
                      tracker("Wie kann ich mich bewerben?", "other_language"), domain)
    assert messages[0]["text"] == input_check.ANSWERS[input_check.OTHER_SCRIPT]


def _fallback_parse(intents, responses):
    return {
        "intent": {"name": "nlu_fallback", "confidence": 0.5},
        "intent_ranking": [{"name": "nlu_fallback", "confidence": 0.5}]
        + [{"name": n, "confidence": c} for n, c in intents],
        "response_selector": {"default": {"ranking": [
            {"intent_response_key": k, "confidence": c} for k, c in responses]}},
    }


def test_ask_affirmation_offers_the_likely_topics_as_buttons(domain):
    parse = _fallback_parse([("faq", 0.4), ("ask_deadline", 0.3), ("greet", 0.1)],
                            [("faq/belop", 0.6), ("faq/formal", 0.2)])
    messages, _ = run(actions.ActionDefaultAskAffirmation(),
                      tracker("penger?", "nlu_fallback", parse=parse), domain)
    msg = messages[0]
    # the topics are in the text as well, for channels that show no buttons
    assert msg["text"].startswith("Jeg er ikke helt sikker på hva du mener. Mente du")
    assert "• Hvor mye penger det er\n• Målet med utlysningen\n• Fristen" in msg["text"]
    titles = [b["title"] for b in msg["buttons"]]
    assert titles[:3] == ["Hvor mye penger det er", "Målet med utlysningen", "Fristen"]
    assert msg["buttons"][-1] == {"title": texts.SOMETHING_ELSE, "payload": "/out_of_scope"}


def test_ask_affirmation_without_candidates_asks_to_rephrase(domain):
    parse = _fallback_parse([("out_of_scope", 0.4)], [])
    messages, _ = run(actions.ActionDefaultAskAffirmation(),
                      tracker("hmm", "nlu_fallback", parse=parse), domain)
    assert messages[0]["text"] == texts.ASK_REPHRASE


def test_fallback_gives_up_with_contact(domain):
    messages, events = run(actions.ActionDefaultFallback(), tracker("??", "nlu_fallback"), domain)
    assert "https://www.innovasjonnorge.no" in messages[0]["text"]
    assert events[0]["event"] == "rewind"


def test_every_suggestion_label_is_a_known_intent(domain):
    known = set(domain["intents"]) | {k.split("/", 1)[1] for k in texts.SUGGESTIONS if "/" in k}
    responses = set(domain["responses"])
    for key in texts.SUGGESTIONS:
        if "/" in key:
            assert f"utter_{key}" in responses, key
        else:
            assert key in known, key

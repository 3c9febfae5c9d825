"""One place per fact: every fact of the call file reaches some answer, no answer hard-codes a
fact, and a changed call file changes the answers without retraining.

The facts reach the answers through the response generator (components/nlg.py), which fills
them in when an answer is given; they are not slots, so no conversation stores them.
"""
from __future__ import annotations

import asyncio
import os
import re
from datetime import datetime, timedelta, timezone

import pytest
import yaml
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from actions import actions, texts
from components.nlg import CallFactsNLG
from testkit import ROOT
from testkit.helpers import render, response_texts, run, tracker
from veileder import deadline
from veileder.call import DEFAULT_CALL_FILE, TRANSLATIONS, load_call
from veileder.facts import fact_slots

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=timezone.utc)
OSLO_SUMMER = timezone(timedelta(hours=2))  # the deadline, 16 April 2020, is in summer time
STRUCTURAL_KEYS = {"id", "tidssone", "tidspunkt", "kroner"}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def leaf_strings(node, key=None):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from leaf_strings(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from leaf_strings(v, key)
    elif isinstance(node, str) and key not in STRUCTURAL_KEYS:
        yield node


def all_answers(domain, call, now) -> str:
    slots = fact_slots(call, now)
    rendered = [render(t, slots) for variants in response_texts(domain).values() for t in variants]
    rendered.append(deadline.status(call, now).message(call))
    return norm("\n".join(rendered))


def test_every_fact_of_the_call_file_is_in_some_answer(domain):
    call = load_call()
    answers = all_answers(domain, call, NOW)
    raw = yaml.safe_load(DEFAULT_CALL_FILE.read_text(encoding="utf-8"))
    # the bokmål facts; the nn:/en: sections reach the answers in their own standard
    # (tests/unit/test_i18n_domain.py)
    raw = {key: value for key, value in raw.items() if key not in TRANSLATIONS}
    missing = [fact for fact in leaf_strings(raw) if norm(fact) not in answers]
    assert not missing, f"facts that no answer states: {missing}"
    # the structural facts, in their spoken form
    assert call.belop.tekst in answers
    assert deadline.format_datetime(call.frist.at, call.frist.tidssone) in answers


FACT_LIKE = re.compile(
    r"\d|millioner|kroner|januar|februar|mars|april|mai|juni|juli|august|september|oktober"
    r"|november|desember|https?://|www\.|Innovasjon Norge|Helleland",
    re.IGNORECASE,
)


def test_no_answer_hard_codes_a_fact(domain):
    """Facts reach the texts only through slots, so no answer can contradict the call file."""
    offenders = []
    for name, variants in response_texts(domain).items():
        for text in variants:
            bare = re.sub(r"\{\w+\}", "", text)
            if FACT_LIKE.search(bare):
                offenders.append((name, FACT_LIKE.search(bare).group(0)))
    for name in ("ASK_REPHRASE", "GIVE_UP", "DID_YOU_MEAN", "DID_YOU_MEAN_TAIL", "SOMETHING_ELSE"):
        bare = re.sub(r"\{\w+\}", "", getattr(texts, name))
        if FACT_LIKE.search(bare):
            offenders.append((name, FACT_LIKE.search(bare).group(0)))
    assert not offenders


def test_every_variable_in_a_response_is_a_fact_or_a_slot(domain):
    facts = fact_slots(load_call(), NOW)
    declared = set(domain["slots"])
    variables = {**facts, **{name: "" for name in declared}}
    for variants in response_texts(domain).values():
        for text in variants:
            render(text, variables)  # raises on a variable that is neither
    # facts are rendered, never stored: none of them is a slot of the conversation
    assert not set(facts) & declared, set(facts) & declared


@pytest.fixture(scope="module")
def rasa_domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def conversation(domain: Domain, text: str = "hva skal sendes inn?") -> DialogueStateTracker:
    """A conversation as Rasa keeps it: session start, then one user message."""
    return DialogueStateTracker.from_events("test", [
        ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
        UserUttered(text, {"name": "faq", "confidence": 1.0}),
    ], slots=domain.slots)


def answer(nlg: CallFactsNLG, name: str, track: DialogueStateTracker, **kwargs) -> dict:
    return asyncio.run(nlg.generate(name, track, "rest", **kwargs))


def test_the_generator_fills_the_facts_into_every_response(rasa_domain):
    nlg = CallFactsNLG(domain=rasa_domain, now=lambda: NOW)
    track = conversation(rasa_domain)
    for name in rasa_domain.responses:
        text = answer(nlg, name, track)["text"]
        assert "{" not in text, (name, text)
    belop = answer(nlg, "utter_faq/belop", track)["text"]
    assert belop.startswith("Det er 75 millioner kroner i utlysningen til sammen.")
    # buttons pass through; a value sent with the message still wins (Rasa's precedence)
    greet = answer(nlg, "utter_greet", track, call_title="X")
    assert greet["text"].startswith("Hei! Jeg er en digital assistent for utlysningen «X»")
    assert len(greet["buttons"]) == 4


def test_the_deadline_state_is_computed_when_the_answer_is_given(rasa_domain):
    """One conversation, answered under two clocks: before the deadline and after it."""
    clock = {"now": datetime(2020, 4, 16, 16, 30, tzinfo=OSLO_SUMMER)}
    nlg = CallFactsNLG(domain=rasa_domain, now=lambda: clock["now"])
    track = conversation(rasa_domain)
    before = answer(nlg, "utter_faq/hva_sendes_inn", track)["text"]
    assert "Det er 30 minutter igjen til fristen." in before
    clock["now"] = datetime(2020, 4, 16, 17, 0, 1, tzinfo=OSLO_SUMMER)
    after = answer(nlg, "utter_faq/hva_sendes_inn", track)["text"]
    assert "Fristen gikk ut torsdag 16. april 2020 kl. 17.00" in after and "igjen" not in after


def test_the_generator_uses_the_configured_clock(rasa_domain, monkeypatch):
    monkeypatch.setenv("ASSISTANT_NOW", "2020-04-16T16:30:00+02:00")
    nlg = CallFactsNLG(domain=rasa_domain)
    assert "30 minutter igjen" in answer(nlg, "utter_faq/hva_sendes_inn", conversation(rasa_domain))["text"]
    monkeypatch.setenv("ASSISTANT_NOW", "2020-04-16T17:30:00+02:00")
    assert "gikk ut" in answer(nlg, "utter_faq/hva_sendes_inn", conversation(rasa_domain))["text"]


def test_response_conditions_still_choose_on_slots(rasa_domain):
    responses = {"utter_x": [
        {"text": "skjema: {call_title}", "condition": [
            {"type": "slot", "name": "requested_slot", "value": "elig_family"}]},
        {"text": "vanlig: {call_amount}"},
    ]}
    nlg = CallFactsNLG(domain=rasa_domain, now=lambda: NOW)
    nlg.responses = responses
    plain = nlg.generate_from_slots("utter_x", {"requested_slot": None}, "rest")
    assert plain["text"] == "vanlig: 75 millioner kroner"
    asked = nlg.generate_from_slots("utter_x", {"requested_slot": "elig_family"}, "rest")
    assert asked["text"] == "skjema: 75 millioner kroner til innovasjonspartnerskap"


def test_no_fact_is_stored_in_a_new_conversation(tmp_path):
    """A session start stores no slot: the domain has no fact slots and no custom session start
    (Rasa's default, with carry_over_slots_to_new_session false, stores none). The running
    assistant is checked the same way in tests/integration/test_running_assistant.py."""
    from rasa.core.actions.action import ActionSessionStart
    from rasa.core.channels.channel import CollectingOutputChannel
    from rasa.core.tracker_store import SQLTrackerStore

    domain = Domain.load(str(ROOT / "domain.yml"))
    assert "action_session_start" not in domain.user_actions
    assert not domain.session_config.carry_over_slots
    nlg = CallFactsNLG(domain=domain)
    track = DialogueStateTracker("new", domain.slots)
    events = asyncio.run(ActionSessionStart().run(CollectingOutputChannel(), nlg, track, domain))
    track.update(ActionExecuted("action_session_start"))
    for event in events:
        track.update(event)
    store = SQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "tracker.db"))
    asyncio.run(store.save(track))
    stored = asyncio.run(store.retrieve("new"))
    names = [e.type_name for e in stored.events]
    assert names == ["action", "session_started", "action"], names
    assert not [e for e in stored.events if e.type_name == "slot"]


def test_a_changed_call_file_changes_every_answer_without_retraining(
        rasa_domain, call_copy, monkeypatch):
    monkeypatch.setenv("ASSISTANT_NOW", "2031-05-18T10:00:00+02:00")
    nlg = CallFactsNLG(domain=rasa_domain)  # started with the old file ...
    track = conversation(rasa_domain)
    assert "75 millioner kroner" in answer(nlg, "utter_faq/belop", track)["text"]

    data = yaml.safe_load(call_copy.read_text(encoding="utf-8"))
    data["frist"]["tidspunkt"] = datetime(2031, 5, 20, 12, 0)
    data["belop"]["kroner"] = 80_000_000
    data["kontakt"]["url"] = "https://example.org/kontakt"
    call_copy.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    stat = call_copy.stat()
    os.utime(call_copy, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))

    # ... the same generator, in the same conversation, answers from the changed file
    answers = "\n".join(answer(nlg, name, track)["text"] for name in rasa_domain.responses)
    assert "Det er 80 millioner kroner i utlysningen" in answers
    assert "tirsdag 20. mai 2031 kl. 12.00" in answers and "igjen til fristen" in answers
    assert "Det er 75 millioner" not in answers and "16. april 2020" not in answers
    assert "innovasjonnorge.no" not in answers
    # and the deadline action computes from the same file
    messages, _ = run(actions.ActionDeadlineStatus(), tracker("når er fristen?", "ask_deadline"), {})
    text = messages[0]["text"]
    assert "tirsdag 20. mai 2031 kl. 12.00" in text
    assert "16. april" not in text


def test_a_broken_call_file_leaves_the_last_valid_facts(rasa_domain, call_copy):
    nlg = CallFactsNLG(domain=rasa_domain, now=lambda: NOW)
    call_copy.write_text("belop: [\n", encoding="utf-8")
    stat = call_copy.stat()
    os.utime(call_copy, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    text = answer(nlg, "utter_faq/belop", conversation(rasa_domain))["text"]
    assert "75 millioner kroner" in text

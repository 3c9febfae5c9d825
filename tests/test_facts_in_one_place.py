"""One place per fact: every fact of the call file reaches some answer, no answer hard-codes a
fact, and a changed call file changes the answers without retraining."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest
import yaml

from actions import actions, texts
from tests.helpers import render, response_texts, run, tracker
from veileder import deadline
from veileder.call import DEFAULT_CALL_FILE, load_call
from veileder.facts import fact_slots

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=timezone.utc)
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


def test_every_slot_used_in_a_response_is_filled(domain):
    slots = fact_slots(load_call(), NOW)
    for variants in response_texts(domain).values():
        for text in variants:
            render(text, slots)  # raises on a missing slot
    declared = set(domain["slots"])
    assert set(slots) <= declared, set(slots) - declared


def test_a_changed_call_file_changes_every_answer_without_retraining(domain, call_copy, monkeypatch):
    data = yaml.safe_load(call_copy.read_text(encoding="utf-8"))
    data["frist"]["tidspunkt"] = datetime(2031, 5, 20, 12, 0)
    data["belop"]["kroner"] = 80_000_000
    data["kontakt"]["url"] = "https://example.org/kontakt"
    call_copy.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("ASSISTANT_NOW", "2031-05-18T10:00:00+02:00")

    # the session start fills the slots from the changed file ...
    messages, events = run(actions.ActionSessionStart(), tracker(), domain)
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots["call_amount"] == "80 millioner kroner"
    assert "20. mai 2031 kl. 12.00" in slots["deadline_text"]
    assert "igjen" in slots["deadline_state"]
    # ... so every templated answer carries the new facts and none the old
    answers = "\n".join(render(t, slots) for v in response_texts(domain).values() for t in v)
    assert "Det er 80 millioner kroner i utlysningen" in answers
    assert "Det er 75 millioner" not in answers and "16. april 2020" not in answers
    assert "innovasjonnorge.no" not in answers
    # and the deadline action computes from the same file
    messages, _ = run(actions.ActionDeadlineStatus(), tracker("når er fristen?", "ask_deadline"), domain)
    text = messages[0]["text"]
    assert "tirsdag 20. mai 2031 kl. 12.00" in text
    assert "16. april" not in text

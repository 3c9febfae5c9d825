"""Who is asking about themselves (veileder.asker), and the FAQ action that uses it."""
from __future__ import annotations

import pytest

from actions.faq import ActionAnswerFaq, selected_response
from tests.helpers import run, tracker
from veileder.asker import own_family
from veileder.eligibility import OPENINGS, OrgFamily

F = OrgFamily


@pytest.mark.parametrize("text,expected", [
    # the writer says what they are
    ("Jeg har et enkeltpersonforetak, kan jeg søke?", F.SOLE_TRADER),
    ("jeg har enkelpersonforetak kan jeg søke", F.SOLE_TRADER),
    ("eg driv eit enkeltpersonføretak, kan eg søkje", F.SOLE_TRADER),
    ("Jeg er selvstendig næringsdrivende. Kan jeg søke?", F.SOLE_TRADER),
    ("Vi er et aksjeselskap – kan vi søke?", F.COMPANY),
    ("vi er en liten bedrift og lurer på om vi kan søke", F.COMPANY),
    ("Me er eit lite firma, kan me søkje?", F.COMPANY),
    ("Jeg er privatperson, kan jeg søke?", F.PRIVATE_PERSON),
    ("Kan jeg som privatperson søke om midler?", F.PRIVATE_PERSON),
    ("kan eg som privatperson søkje?", F.PRIVATE_PERSON),
    ("I'm a private individual, can I apply?", F.PRIVATE_PERSON),
    ("We are a company. Can we apply?", F.COMPANY),
    ("Jeg jobber i kommunen", F.MUNICIPALITY),
    # only about others
    ("Kan bedrifter søke?", None),
    ("Kan et AS søke i kommunen?", None),
    ("Can companies apply?", None),
    ("Kan en student søke?", None),
    ("Jeg er konsulent og har kunder i privat sektor. Kan en bedrift søke direkte?", None),
    ("Kan jeg søke alene, uten organisasjon bak meg?", None),
    ("", None),
    (None, None),
])
def test_own_family(text, expected):
    assert own_family(text) is expected


def faq_tracker(text, key):
    parse = {"response_selector": {"default": {"response": {
        "intent_response_key": key, "utter_action": f"utter_{key}", "confidence": 0.9}}}}
    return tracker(text, "faq", parse=parse)


def test_selected_response_reads_the_response_selector():
    assert selected_response(faq_tracker("x", "faq/belop").latest_message) == "utter_faq/belop"
    named = {"response_selector": {"faq": {"response": {"intent_response_key": "faq/frist"}}}}
    assert selected_response(named) == "utter_faq/frist"
    assert selected_response({}) is None


@pytest.fixture(autouse=True)
def pinned_clock(monkeypatch):
    monkeypatch.setenv("ASSISTANT_NOW", "2020-04-01T12:00:00+02:00")


@pytest.mark.parametrize("text,key", [
    ("Jeg har et enkeltpersonforetak, kan jeg søke?", "faq/bedrift"),
    ("Jeg er en privatperson med en god idé, kan jeg søke?", "faq/privatperson"),
    ("vi er et AS, hvem kan søke?", "faq/hvem_kan_soke"),
])
def test_a_writer_who_is_excluded_gets_the_verdict(domain, text, key):
    messages, events = run(ActionAnswerFaq(), faq_tracker(text, key), domain)
    assert len(messages) == 1 and events == []
    answer = messages[0]["text"]
    assert answer.startswith(OPENINGS["not_eligible"])
    assert "leverandør eller partner" in answer
    assert "Fristen" in answer or "frist" in answer


@pytest.mark.parametrize("text,key", [
    ("Kan bedrifter søke?", "faq/bedrift"),
    ("Kan jeg som privatperson få vite hva beløpet er?", "faq/belop"),
    ("Jeg jobber i kommunen, kan bedrifter søke?", "faq/bedrift"),
])
def test_other_questions_get_the_selected_faq_answer(domain, text, key):
    messages, _ = run(ActionAnswerFaq(), faq_tracker(text, key), domain)
    assert messages == [{"response": f"utter_{key}", **{k: v for k, v in messages[0].items()
                                                        if k != "response"}}]
    assert messages[0]["response"] in domain["responses"]


def test_no_selection_hands_over_to_a_human(domain):
    messages, _ = run(ActionAnswerFaq(), tracker("/faq", "faq"), domain)
    assert "innovasjonnorge.no" in messages[0]["text"]

"""The yes or no goes first in the FAQ and deadline answers: the actions and the generator."""
from __future__ import annotations

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from actions.actions import ActionCheckSubmissionTime, ActionDeadlineStatus
from actions.faq import ActionAnswerFaq
from components.nlg import CallFactsNLG
from testkit import ROOT
from testkit.helpers import run, tracker
from veileder.polarity import OPENING_VARIABLE


@pytest.fixture(autouse=True)
def pinned_clock(monkeypatch):
    monkeypatch.setenv("ASSISTANT_NOW", "2020-04-01T12:00:00+02:00")


def faq_tracker(text, key):
    parse = {"response_selector": {"default": {"response": {
        "intent_response_key": key, "utter_action": f"utter_{key}", "confidence": 0.9}}}}
    return tracker(text, "faq", parse=parse)


@pytest.mark.parametrize("text,key,first", [
    ("Er potten på 100 millioner?", "faq/belop", "Nei."),
    ("Er klima et aktuelt tema?", "faq/tema", "Ja."),
    ("Må løsningen være ny for markedet?", "faq/finnes_pa_markedet", "Ja."),
])
def test_the_faq_action_passes_the_opening_with_the_response(text, key, first):
    messages, _ = run(ActionAnswerFaq(), faq_tracker(text, key), {})
    assert len(messages) == 1
    assert messages[0]["response"] == f"utter_{key}"
    assert messages[0][OPENING_VARIABLE] == first


def test_a_wh_question_gets_the_answer_unchanged():
    messages, _ = run(ActionAnswerFaq(), faq_tracker("Hvor mye penger er det?", "faq/belop"), {})
    assert OPENING_VARIABLE not in messages[0]


def test_the_deadline_answer_opens_with_no_for_a_wrong_month():
    messages, _ = run(ActionDeadlineStatus(), tracker("Er fristen i mai?", "ask_deadline"), {})
    assert messages[0]["text"].startswith("Nei. Fristen for å sende inn skisse er torsdag "
                                          "16. april 2020 kl. 17.00")


@pytest.mark.parametrize("key", ["faq/hva_sendes_inn", "ukjent/neste_runde", "faq/tema"])
def test_a_project_that_uses_what_exists_gets_the_existing_solution_answer(key):
    """Whatever topic the classifier heard in "Passer det?", a message that says the project
    buys a solution that exists gets what the call says of that, with "Nei." first."""
    text = "Vi vil kjøpe inn et fagsystem som flere kommuner allerede bruker. Passer det?"
    messages, _ = run(ActionAnswerFaq(), faq_tracker(text, key), {})
    assert messages[0]["response"] == "utter_faq/finnes_pa_markedet"
    assert messages[0][OPENING_VARIABLE] == "Nei."


@pytest.mark.parametrize("text, first", [
    ("Er fristen 16. april?", "Ja."),
    ("Var fristen 16. mars?", "Nei."),
])
def test_a_deadline_claim_taken_for_a_planned_time_gets_the_deadline_answer(text, first):
    """The classifier may read "Er fristen 16. april?" as a planned submission time; it asks
    what the deadline is, so the answer is the deadline's, with a yes or a no first."""
    messages, _ = run(ActionCheckSubmissionTime(), tracker(text, "check_submission_time"), {})
    assert messages[0]["text"].startswith(f"{first} Fristen")
    assert "Dere skrev" not in messages[0]["text"]


@pytest.fixture(scope="module")
def rasa_domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def _render(domain, name, **kwargs):
    nlg = CallFactsNLG(domain=domain, now=lambda: datetime(2020, 4, 1, tzinfo=ZoneInfo(
        "Europe/Oslo")))
    track = DialogueStateTracker.from_events("t", [
        ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
        UserUttered("x", {"name": "faq", "confidence": 1.0})], slots=domain.slots)
    return asyncio.run(nlg.generate(name, track, "rest", **kwargs))["text"]


def test_the_generator_puts_the_opening_in_front_once(rasa_domain):
    text = _render(rasa_domain, "utter_faq/belop", **{OPENING_VARIABLE: "Nei."})
    assert text.startswith("Nei. Det er 75 millioner kroner i utlysningen til sammen.")
    # the template already says "Nei.": not twice
    text = _render(rasa_domain, "utter_faq/bedrift", **{OPENING_VARIABLE: "Nei."})
    assert text.startswith("Nei. Bedrifter") and not text.startswith("Nei. Nei.")
    assert not _render(rasa_domain, "utter_faq/belop").startswith(("Ja", "Nei"))


@pytest.mark.parametrize("text, lang, first", [
    ("Rekker vi å sende skisse før fristen går ut?", "nb", "Nei. Fristen gikk ut"),
    ("Rekk me å sende skisse før fristen går ut?", "nn", "Nei. Fristen gjekk ut"),
])
def test_in_time_without_a_time_after_the_deadline_gets_no_and_the_deadline(
        monkeypatch, text, lang, first):
    """No time to check in the message and the deadline has passed: not "no date found", but
    that it has passed."""
    monkeypatch.setenv("ASSISTANT_NOW", "2026-12-02T09:00:00+01:00")
    messages, _ = run(ActionCheckSubmissionTime(),
                      tracker(text, "check_submission_time", slots={"language": lang}), {})
    assert messages[0]["text"].startswith(first)


def test_in_time_without_a_time_before_the_deadline_asks_when():
    messages, _ = run(ActionCheckSubmissionTime(),
                      tracker("Rekker vi å sende skisse før fristen går ut?",
                              "check_submission_time"), {})
    assert messages[0]["text"].startswith("Jeg fant ingen dato")


@pytest.mark.parametrize("text, chosen", [
    ("Er det berre små distriktskommunar som kan søkje?", "faq/samarbeid"),
    ("Is this only for small rural municipalities?", "faq/samarbeid"),
    ("Gjelder ordningen bare de store byene?", "faq/tema"),
])
def test_only_some_bodies_gets_who_may_apply_with_no_first(text, chosen):
    """"Only small municipalities?" asks who may apply, whichever neighbouring answer the
    classifier chose; every public body may, so the answer opens with "Nei."."""
    messages, _ = run(ActionAnswerFaq(), faq_tracker(text, chosen), {})
    assert messages[0]["response"] == "utter_faq/hvem_kan_soke"
    assert messages[0][OPENING_VARIABLE] == "Nei."


@pytest.mark.parametrize("text, chosen", [
    ("Må søkjaren vere omfatta av anskaffingsregelverket?", "faq/hva_sendes_inn"),
    ("Do we have to be covered by the public procurement rules to apply?",
     "ukjent/belop_per_prosjekt"),
])
def test_what_an_applicant_must_be_gets_who_may_apply_with_yes_first(text, chosen):
    messages, _ = run(ActionAnswerFaq(), faq_tracker(text, chosen), {})
    assert messages[0]["response"] == "utter_faq/hvem_kan_soke"
    assert messages[0][OPENING_VARIABLE] == "Ja."


@pytest.mark.parametrize("text, chosen, opening_", [
    ("Kan digital teknologi vere ein del av løysinga vår?", "faq/finnes_pa_markedet", "Ja."),
    ("Er digitale løsninger aktuelle?", "faq/tema", "Ja."),
    # an example in the call, not a requirement: no yes or no, the criterion says it
    ("Må løsningen være digital, eller kan det være noe annet?", "faq/finnes_pa_markedet", None),
])
def test_digital_solutions_get_the_criterion_that_names_them(text, chosen, opening_):
    messages, _ = run(ActionAnswerFaq(), faq_tracker(text, chosen), {})
    assert messages[0]["response"] == "utter_faq/samfunnsutfordring"
    assert messages[0].get(OPENING_VARIABLE) == opening_


def test_buying_an_existing_digital_solution_stays_the_existing_solution_answer():
    messages, _ = run(ActionAnswerFaq(), faq_tracker(
        "Vi vil kjøpe en digital løsning som finnes. Passer det?", "faq/finnes_pa_markedet"), {})
    assert messages[0]["response"] == "utter_faq/finnes_pa_markedet"


@pytest.mark.parametrize("text, chosen", [
    ("Må me ha med bedrifter i prosjektet, eller kan me gjere alt sjølve?",
     "faq/gjennomforingsevne"),
    ("Må vi ha med bedrifter i prosjektet, eller kan vi gjøre alt selv i kommunen?",
     "ukjent/belop_per_prosjekt"),
])
def test_including_business_gets_the_collaboration_answer_with_yes(text, chosen):
    messages, _ = run(ActionAnswerFaq(), faq_tracker(text, chosen), {})
    assert messages[0]["response"] == "utter_faq/samarbeid"
    assert messages[0][OPENING_VARIABLE] == "Ja."

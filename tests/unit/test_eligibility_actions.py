"""The eligibility form's actions with real Trackers, the rules and a stand-in register."""
from __future__ import annotations

import asyncio

import pytest

from actions import eligibility as form
from testkit.brreg_standin import BrregStandin, closed_port_url
from testkit.helpers import run, tracker, without_feedback
from veileder import orgnr
from veileder.eligibility import OPENINGS


@pytest.fixture(autouse=True)
def pinned(monkeypatch):
    monkeypatch.setenv("ASSISTANT_NOW", "2020-04-01T12:00:00+02:00")


@pytest.fixture
def register(monkeypatch):
    with BrregStandin() as standin:
        monkeypatch.setattr(form, "registry", orgnr.RegistryClient(base_url=standin.base_url, timeout=1.0))
        yield standin


def slots(**values):
    base = {slot: None for slot in form.ALL_SLOTS}
    base.update({"requested_slot": None})
    base.update(values)
    return base


def required(slot_values):
    validator = form.ValidateEligibilityForm()
    return asyncio.run(validator.required_slots([], None, tracker(slots=slot_values), {}))


def test_only_needed_questions_are_asked():
    assert required(slots()) == ["elig_family"]
    # a municipality is publicly funded, does public tasks and is covered: nothing more before
    # the verdict; the criteria only in the project check, after the verdict
    assert required(slots(elig_family="municipality")) == ["elig_family"]
    assert required(slots(elig_family="municipality", elig_project=True)) == [
        "elig_family", "elig_challenge", "elig_no_market_solution", "elig_top_management",
        "elig_market_potential", "elig_collaboration"]
    # a hard rule decides at once: no more questions
    assert required(slots(elig_family="company")) == ["elig_family"]
    assert required(slots(elig_family="private_person")) == ["elig_family"]
    # a case-by-case body is asked only the open tests before the verdict
    assert required(slots(elig_family="foundation")) == [
        "elig_family", "elig_general_interest", "elig_publicly_funded", "elig_public_control"]
    # even in the project check, the verdict's questions come first
    assert required(slots(elig_family="foundation", elig_project=True))[1] == \
        "elig_general_interest"
    # raw text that was never validated does not count as a family
    assert required(slots(elig_family="Vi er en kommune")) == ["elig_family"]
    # "vet ikke" is not asked again
    assert "elig_general_interest" not in required(slots(elig_family="foundation",
                                                          elig_general_interest="vet_ikke"))


@pytest.mark.parametrize("text,family", [
    ("Vi er Vefsn kommune", "municipality"), ("jeg jobber i Skatteetaten", "state_agency"),
    ("me er ein kommune", "municipality"), ("fylkeskommunen", "county"),
    ("et helseforetak", "health_trust"), ("vi er et AS", "company"),
    ("enkeltpersonforetak", "sole_trader"), ("jeg er privatperson", "private_person"),
])
def test_identify_from_text(text, family):
    assert asyncio.run(form.identify(text)).family == family


def test_identify_from_the_register(register):
    ident = asyncio.run(form.identify("orgnr 991 000 100"))
    assert ident.family == "municipality"
    assert ident.register["navn"] == "TESTVIK KOMMUNE"
    assert "TESTVIK KOMMUNE" in ident.message
    assert asyncio.run(form.identify("991000305")).family == "health_trust"
    assert asyncio.run(form.identify("991000607")).family == "company"


def test_a_wrong_check_digit_gets_a_clear_message(register):
    ident = asyncio.run(form.identify("991000101"))
    assert ident.family is None
    assert "kontrollsifferet" in ident.message
    assert not register.hits  # the register is not asked


def test_an_unknown_number_and_a_register_that_is_down(register, monkeypatch):
    unknown = asyncio.run(form.identify("974760673"))
    assert unknown.family is None and "Skriv heller" in unknown.message
    monkeypatch.setattr(form, "registry", orgnr.RegistryClient(base_url=closed_port_url(), timeout=0.5))
    down = asyncio.run(form.identify("991000100"))
    assert down.family is None and "Skriv heller hva slags virksomhet" in down.message
    # with words beside the number, the form goes on from the words
    assert asyncio.run(form.identify("991000100, vi er en kommune")).family == "municipality"


def test_a_register_that_is_down_asks_once_for_the_kind_of_body(monkeypatch):
    """The bug of three identifications: 'Skriv heller hva slags virksomhet dere er.' twice."""
    monkeypatch.setattr(form, "registry", orgnr.RegistryClient(base_url=closed_port_url(), timeout=0.5))
    result, messages = validate("elig_family", "991 000 100")
    assert result == {"elig_family": None}
    assert messages == [messages[0]]
    assert messages[0].count("Skriv heller hva slags virksomhet dere er.") == 1


def validate(slot, value, slot_values=None, requested=None):
    validator = form.ValidateEligibilityForm()
    values = slots(**(slot_values or {}))
    values["requested_slot"] = requested or slot
    values[slot] = value
    method = getattr(validator, f"validate_{slot}")
    from rasa_sdk.executor import CollectingDispatcher
    dispatcher = CollectingDispatcher()
    result = asyncio.run(method(value, dispatcher, tracker(value, slots=values), {}))
    return result, [m.get("text") for m in dispatcher.messages]


def test_validate_family_and_a_correction_that_resets_dependent_answers():
    result, messages = validate("elig_family", "vi er en stiftelse")
    assert result["elig_family"] == "foundation"
    assert "stiftelse" in messages[0]
    result, messages = validate(
        "elig_family", "vent, vi er faktisk en fylkeskommune",
        {"elig_family": "foundation", "elig_general_interest": "ja", "elig_challenge": "ja"},
        requested="elig_public_control")
    assert result["elig_family"] == "county"
    assert result["elig_general_interest"] is None  # depends on the family: asked again if needed
    assert "elig_challenge" not in result  # the criteria answers stay
    assert messages[0].startswith("Takk, da endrer jeg det.")
    result, messages = validate("elig_family", "blåbær")
    assert result == {"elig_family": None} and "kjente ikke igjen" in messages[0]


@pytest.mark.parametrize("text,value", [
    ("ja", "ja"), ("jepp", "ja"), ("ja, det er me", "ja"), ("nei, ikkje", "nei"),
    ("nope", "nei"), ("vet ikke", "vet_ikke"), ("usikker", "vet_ikke"), ("hmm kanskje", "vet_ikke"),
])
def test_validate_yes_no(text, value):
    result, messages = validate("elig_challenge", text, {"elig_family": "municipality"})
    assert result == {"elig_challenge": value} and not messages


def test_an_unreadable_answer_is_asked_again():
    result, messages = validate("elig_challenge", "blå", {"elig_family": "municipality"})
    assert result == {"elig_challenge": None}
    assert "ja" in messages[0] and "vet ikke" in messages[0]


def summary(**values):
    messages, events = run(form.ActionEligibilitySummary(), tracker(slots=slots(**values)), {})
    return messages[0]["text"], without_feedback(events)


@pytest.mark.parametrize("values,outcome", [
    ({"elig_family": "municipality", "elig_challenge": "ja"}, "eligible"),
    ({"elig_family": "county"}, "eligible"),
    ({"elig_family": "state_agency"}, "eligible"),
    ({"elig_family": "intermunicipal"}, "eligible"),
    ({"elig_family": "health_trust", "elig_general_interest": "ja", "elig_publicly_funded": "ja"}, "eligible"),
    ({"elig_family": "company"}, "not_eligible"),
    ({"elig_family": "sole_trader"}, "not_eligible"),
    ({"elig_family": "private_person"}, "not_eligible"),
    ({"elig_family": "foundation", "elig_general_interest": "vet_ikke",
      "elig_publicly_funded": "vet_ikke", "elig_public_control": "vet_ikke"}, "uncertain"),
])
def test_summary_opens_with_the_plain_verdict(values, outcome):
    text, events = summary(**values)
    assert text.startswith(OPENINGS[outcome])
    # the verdict is said, not stored; only whether the project check was offered is kept
    offered = outcome != "not_eligible"
    assert events == [{"event": "slot", "timestamp": None, "name": "elig_project_offered",
                       "value": offered}]


def test_the_summary_says_how_companies_can_take_part():
    text, _ = summary(elig_family="company")
    assert "leverandør" in text or "partner" in text


def test_reset_reads_who_is_asking_from_the_starting_message():
    start = tracker("Vi er Vefsn kommune, kan vi søke?", "check_eligibility")
    messages, events = run(form.ActionResetEligibility(), start, {})
    values = {e["name"]: e["value"] for e in events}
    assert values["elig_family"] == "municipality"
    # the verdict follows in this reply and says "Dere er en kommune": nothing before it
    assert messages == []
    start = tracker("Vi er en stiftelse, kan vi søke?", "check_eligibility")
    messages, events = run(form.ActionResetEligibility(), start, {})
    assert {e["name"]: e["value"] for e in events}["elig_family"] == "foundation"
    assert messages[0]["text"].startswith("Da regner jeg dere som en stiftelse.")
    messages, events = run(form.ActionResetEligibility(), tracker("Kan vi søke?", "check_eligibility"), {})
    assert not messages and all(e["value"] is None for e in events)


def test_asking_to_stop_closes_the_open_question():
    messages, events = run(form.ActionAskStopCheck(), tracker("avbryt", "stop"), {})
    assert "avbryte" in messages[0]["text"]
    assert events == [{"event": "slot", "timestamp": None, "name": "requested_slot", "value": None}]


def test_every_question_has_an_ask_action_with_buttons():
    for field, cls in form.ASK_ACTIONS.items():
        messages, _ = run(cls(), tracker(), {})
        assert messages[0]["buttons"]


def extract(slot, text, intent, slot_values):
    validator = form.ValidateEligibilityForm()
    values = slots(**slot_values)
    track = tracker(text, intent, slots=values)
    return asyncio.run(getattr(validator, f"extract_{slot}")(None, track, {}))


def test_answers_the_classifier_took_for_questions_are_still_read():
    # "usikker" classified as a FAQ question is still the answer to the open question
    assert extract("elig_challenge", "usikker", "faq",
                   {"elig_family": "municipality", "requested_slot": "elig_challenge"}) == {
        "elig_challenge": "usikker"}
    # a real question is left to the FAQ detour
    assert extract("elig_challenge", "Hva betyr gevinstpotensial?", "faq",
                   {"elig_family": "municipality", "requested_slot": "elig_challenge"}) == {}
    # "stiftlese" taken for a FAQ question is still who is asking
    assert extract("elig_family", "stiftlese", "faq", {"requested_slot": "elig_family"}) == {
        "elig_family": "stiftlese"}


def test_a_correction_at_a_later_question_is_read_but_an_answer_is_not():
    state = {"elig_family": "foundation", "requested_slot": "elig_general_interest"}
    assert extract("elig_family", "vent, vi er faktisk en fylkeskommune", "inform_org", state) == {
        "elig_family": "vent, vi er faktisk en fylkeskommune"}
    assert extract("elig_family", "nei, vi driver forretning", "inform_org", state) == {}
    assert extract("elig_family", "vi er en stiftelse", "inform_org", state) == {}  # no change
    # a body named in an answer about someone else is no correction
    for answer in ("styret er oppnevnt av kommunene", "Eid av Helse Midt-Norge RHF",
                   "Formålet er kulturtilbud til innbyggerne, vi tar ikke ut utbytte"):
        assert extract("elig_family", answer, "inform_org", state) == {}, answer

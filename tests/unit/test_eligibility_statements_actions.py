"""The form reads facts stated before they are asked for, partial answers and existing solutions."""
from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import eligibility as form
from testkit.helpers import run, tracker
from veileder.eligibility import OPENINGS, SETTLE


@pytest.fixture(autouse=True)
def pinned(monkeypatch):
    monkeypatch.setenv("ASSISTANT_NOW", "2020-04-01T12:00:00+02:00")


def slots(**values):
    base = {slot: None for slot in form.ALL_SLOTS}
    base.update({"requested_slot": None})
    base.update(values)
    return base


def summary(**values):
    messages, _ = run(form.ActionEligibilitySummary(), tracker(slots=slots(**values)), {})
    return messages[0]["text"]


def form_run(text, domain, **values):
    """validate_eligibility_form on a message typed while ``requested_slot`` is open."""
    values = slots(**values)
    requested = values["requested_slot"]
    track = tracker(text, "inform_org", slots=values,
                    active_loop={"name": form.FORM})
    track.events.insert(0, {"event": "action", "name": form.FORM})
    if requested:
        track.slots[requested] = text  # Rasa's from_text mapping for the open question
        track.events.append({"event": "slot", "name": requested, "value": text})
    dispatcher = CollectingDispatcher()
    events = asyncio.run(form.ValidateEligibilityForm().run(dispatcher, track, domain))
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}, dispatcher.messages


def test_the_starting_message_fills_what_it_states():
    start = tracker("Vi er en kommune, men vi er ikke omfattet av anskaffelsesregelverket. "
                    "Kan vi søke?", "check_eligibility")
    _, events = run(form.ActionResetEligibility(), start, {})
    values = {e["name"]: e["value"] for e in events}
    assert values["elig_family"] == "municipality"
    assert values["elig_covered_by_procurement"] == "nei"
    text = summary(elig_family="municipality", elig_covered_by_procurement="nei")
    assert text.startswith(OPENINGS["uncertain"])
    assert "Kommuner omfattes normalt av anskaffelsesregelverket (anskaffelsesloven § 2)" in text
    assert "Dere sier at dere ikke omfattes" in text
    assert f"«{SETTLE['covered_by_procurement']}»" in text


def test_a_starting_message_without_a_family_still_states_facts():
    start = tracker("Vi er heleid av kommunen og følger anskaffelsesreglene. Kan vi søke?",
                    "check_eligibility")
    _, events = run(form.ActionResetEligibility(), start, {})
    values = {e["name"]: e["value"] for e in events}
    assert values["elig_public_control"] == "ja"
    assert values["elig_covered_by_procurement"] == "ja"


def test_an_answer_that_also_states_other_facts_fills_them(domain):
    """In the project check (after the verdict), an answer may state another criterion too."""
    values, _ = form_run("ja, og vi vil kjøpe inn et system som finnes", domain,
                         elig_family="municipality", requested_slot="elig_challenge",
                         elig_project=True)
    assert values["elig_challenge"] == "ja"
    assert values["elig_no_market_solution"] == "nei"
    assert values["requested_slot"] == "elig_top_management"  # not asked about the market


def test_a_stated_fact_is_not_asked(domain):
    values, _ = form_run("Vi er en stiftelse. Styret er oppnevnt av fylkeskommunen, og vi er "
                         "finansiert av staten", domain, elig_family="foundation",
                         requested_slot="elig_general_interest")
    assert values["elig_publicly_funded"] == "ja"
    assert values["elig_public_control"] == "ja"


@pytest.mark.parametrize("slot,text,value", [
    ("elig_publicly_funded", "Både og, omtrent halvparten er offentlige midler", "vet_ikke"),
    ("elig_publicly_funded", "ca 80 % fra staten", "ja"),
    ("elig_publicly_funded", "40 %", "nei"),
    ("elig_covered_by_procurement", "tror det, men må dobbeltsjekke", "vet_ikke"),
    ("elig_general_interest", "Vi driver sykehus, ikke noe kommersielt", "ja"),
    ("elig_general_interest", "delvis", "vet_ikke"),
])
def test_answers_are_read_against_the_question(slot, text, value):
    validator = form.ValidateEligibilityForm()
    values = slots(elig_family="foundation", requested_slot=slot)
    dispatcher = CollectingDispatcher()
    result = asyncio.run(getattr(validator, f"validate_{slot}")(
        text, dispatcher, tracker(text, slots=values), {}))
    assert result == {slot: value}
    if value == "vet_ikke":
        assert "vet ikke" in dispatcher.messages[0]["text"]


def test_buying_what_exists_is_explained_in_the_summary():
    text = summary(elig_family="municipality", elig_no_market_solution="nei")
    assert "gir ikke penger til å kjøpe en løsning som finnes fra før" in text
    assert "Det skal ikke finnes noen løsning på markedet i dag" in text  # the call's criterion
    assert "utvikle noe nytt sammen med bedrifter" in text

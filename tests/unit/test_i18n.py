"""The language of a conversation and texts in three standards: the mechanism (veileder/i18n.py,
the call file's nn/en sections, the response generator and the NLU component)."""
from __future__ import annotations

import asyncio
from datetime import datetime, timezone

import pytest
import yaml
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message

from actions.lang import language_of
from components.language import LanguageDetector
from components.nlg import CallFactsNLG
from testkit import ROOT
from testkit.helpers import tracker
from veileder.call import CallFileError, DEFAULT_CALL_FILE, TRANSLATIONS, parse_call
from veileder.i18n import Tekst, choose, normalise, pick, preset_language, written_texts
from veileder.norsk import amount_text

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=timezone.utc)


# --- Tekst ----------------------------------------------------------------------------------
def test_a_tekst_gives_the_variant_asked_for_and_bokmal_for_anything_else():
    text = Tekst(nb="Hva heter {name}?", nn="Kva heiter {name}?", en="What is {name} called?")
    assert text("nn") == "Kva heiter {name}?"
    assert text.format("en", name="X") == "What is X called?"
    assert text(None) == text("de") == text("nb") == "Hva heter {name}?"
    assert text("nn-NO") == "Kva heiter {name}?"


@pytest.mark.parametrize("variants", [
    dict(nb="a", nn="", en="c"),
    dict(nb="a {x}", nn="b {x}", en="c"),
    dict(nb="a {x}", nn="b {y}", en="c {x}"),
])
def test_a_tekst_without_all_three_variants_or_with_other_placeholders_is_refused(variants):
    with pytest.raises(ValueError):
        Tekst(**variants)


def test_pick_chooses_one_of_three_values():
    assert pick("en", nb=1, nn=2, en=3) == 3 and pick("xx", nb=1, nn=2, en=3) == 1


# --- the rule of the conversation's language ------------------------------------------------
@pytest.mark.parametrize("slot, metadata, expected", [
    (None, None, "nb"),
    ("nn", None, "nn"),
    (None, {"lang": "en"}, "en"),
    (None, {"lang": "nn-NO"}, "nn"),
    ("nb", {"lang": "nn"}, "nb"),            # the user's own writing wins over the preset
    (None, {"teams": {"locale": "nn-NO"}}, "nn"),
    (None, {"teams": {"locale": "en-US"}}, "en"),
    (None, {"teams": {"locale": "de-DE"}}, "nb"),
    (None, {"lang": 7}, "nb"),
    (None, "nn", "nb"),
    ("xx", None, "nb"),
])
def test_the_language_is_the_slot_then_the_channel_preset_then_bokmal(slot, metadata, expected):
    assert choose(slot, metadata) == expected


def test_normalise_and_presets():
    assert normalise("en-GB") == "en" and normalise(None) == "nb"
    assert preset_language({"lang": "no"}) == "nb" and preset_language({}) is None


def test_actions_read_a_set_slot_or_the_metadata():
    assert language_of(tracker("hei", slots={"language": "nn"})) == "nn"
    assert language_of(tracker("hei", parse={"metadata": {"lang": "en"}})) == "en"
    assert language_of(tracker("hei")) == "nb"


# --- amounts ---------------------------------------------------------------------------------
@pytest.mark.parametrize("kroner, lang, expected", [
    (75_000_000, "nb", "75 millioner kroner"),
    (75_000_000, "nn", "75 millionar kroner"),
    (75_000_000, "en", "NOK 75 million"),
    (1_000_000, "nn", "1 million kroner"),
    (1_500_000, "nb", "1\u00a0500\u00a0000 kroner"),
    (1_500_000, "en", "NOK 1,500,000"),
])
def test_amounts_in_each_standard(kroner, lang, expected):
    assert amount_text(kroner, lang) == expected


# --- the call file's nn/en sections ----------------------------------------------------------
def base_data():
    """The call file's bokmål part (its own nn/en texts: tests/unit/test_i18n_domain.py)."""
    data = yaml.safe_load(DEFAULT_CALL_FILE.read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if key not in TRANSLATIONS}


def test_a_translation_replaces_texts_and_keeps_the_facts():
    data = base_data()
    data["nn"] = {"formal": {"kort": "Kort på nynorsk."},
                  "kriterier": [{"id": "samarbeid", "navn": "Prosjekt som inneber samarbeid"}]}
    call = parse_call(data)
    nn = call.in_language("nn")
    assert nn.formal.kort == "Kort på nynorsk." and nn.formal.mal == call.formal.mal
    assert nn.criterion("samarbeid").navn == "Prosjekt som inneber samarbeid"
    assert nn.criterion("samarbeid").punkter == call.criterion("samarbeid").punkter
    assert nn.frist.at == call.frist.at and nn.belop == call.belop
    assert call.in_language("en") is call and call.in_language("nb") is call


@pytest.mark.parametrize("section, message", [
    ({"formal": {"kortt": "x"}}, "nn.formal.kortt"),
    ({"frist": {"tidspunkt": "2021-01-01T00:00:00"}}, "nn.frist.tidspunkt"),
    ({"belop": {"kroner": 1}}, "nn.belop.kroner"),
    ({"kriterier": [{"id": "ukjent", "navn": "x"}]}, "ukjent id"),
    ({"formal": "tekst"}, "nn.formal"),
    ({"formal": {"kort": ""}}, "nn.formal.kort"),
])
def test_a_translation_can_only_change_wording(section, message):
    data = base_data()
    data["nn"] = section
    with pytest.raises(CallFileError, match=message.replace(".", r"\.")):
        parse_call(data)


# --- the response generator ------------------------------------------------------------------
@pytest.fixture(scope="module")
def rasa_domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def conversation(domain, *, slot=None, metadata=None):
    events = [ActionExecuted("action_session_start"), SessionStarted(),
              ActionExecuted("action_listen"),
              UserUttered("ja", {"name": "affirm", "confidence": 1.0}, metadata=metadata)]
    if slot:
        events.append(SlotSet("language", slot))
    return DialogueStateTracker.from_events("test", events, slots=domain.slots)


@pytest.mark.parametrize("slot, metadata, expected", [
    ("nn", None, "Då svarar eg på nynorsk."),
    ("en", None, "Sure, I will answer in English."),
    (None, None, "Greit, jeg svarer på bokmål."),
    (None, {"lang": "nn"}, "Då svarar eg på nynorsk."),
    ("nb", {"lang": "en"}, "Greit, jeg svarer på bokmål."),
])
def test_the_generator_picks_the_variation_of_the_conversations_language(
        rasa_domain, slot, metadata, expected):
    nlg = CallFactsNLG(domain=rasa_domain, now=lambda: NOW)
    track = conversation(rasa_domain, slot=slot, metadata=metadata)
    reply = asyncio.run(nlg.generate("utter_language_switched", track, "rest"))
    assert reply["text"] == expected


def test_the_generator_fills_the_facts_in_the_conversations_language(rasa_domain):
    nlg = CallFactsNLG(domain=rasa_domain, now=lambda: NOW)
    assert nlg.facts(lang="en")["call_amount"] == "NOK 75 million"
    assert nlg.facts(lang="nn")["call_amount"] == "75 millionar kroner"
    assert nlg.facts()["call_amount"] == "75 millioner kroner"


# --- the NLU component ----------------------------------------------------------------------
def run_detector(text: str) -> Message:
    message = Message(data={"text": text, "intent": {"name": "faq", "confidence": 0.9},
                            "intent_ranking": [{"name": "faq", "confidence": 0.9}]})
    LanguageDetector().process([message])
    return message


@pytest.mark.parametrize("text", ["Kva er fristen for å søkje?", "What is the deadline?", "ja",
                                  "må skissen være på norsk?"])
def test_the_detector_leaves_other_messages_as_they_are(text):
    message = run_detector(text)
    assert message.get("intent")["name"] == "faq" and not message.get("entities")


@pytest.mark.parametrize("text", ["kan du svare på nynorsk?", "in English please", "svar på bokmål"])
def test_a_request_to_switch_becomes_the_switch_intent(text):
    message = run_detector(text)
    assert message.get("intent")["name"] == "switch_language"
    assert message.get("intent_ranking")[0]["name"] == "switch_language"


# --- the conversation's language from its messages -------------------------------------------
@pytest.mark.parametrize("texts, preset, expected", [
    ([], None, "nb"),
    ([], "nn", "nn"),
    (["Kva er fristen?"], None, "nn"),
    (["Kva er fristen?", "ja", "16. april"], None, "nn"),              # short ones keep it
    (["Kva er fristen?", "Hva er fristen?"], None, "nb"),               # the latest that tells
    (["Hva er fristen?"], "nn", "nb"),                                 # writing beats the preset
    (["ja"], "en", "en"),
    (["Kva er fristen?", "in English please", "Kven kan søkje?"], None, "en"),  # a request holds
    (["in English please", "svar på nynorsk", "ok"], None, "nn"),
    (["Kva er fristen?", "kan du svare på norsk?"], None, "nn"),        # "norsk" keeps nynorsk
    (["What is the deadline?", "kan du svare på norsk?"], None, "nb"),
])
def test_the_language_of_a_conversation(texts, preset, expected):
    assert choose(None, {"lang": preset} if preset else None, texts) == expected


def rasa_conversation(domain, texts, metadata=None):
    events = [ActionExecuted("action_session_start"), SessionStarted()]
    for text in texts:
        events += [ActionExecuted("action_listen"),
                   UserUttered(text, {"name": "faq", "confidence": 1.0}, metadata=metadata)]
    return DialogueStateTracker.from_events("test", events, slots=domain.slots)


def test_the_generator_answers_in_the_language_the_user_writes(rasa_domain):
    nlg = CallFactsNLG(domain=rasa_domain, now=lambda: NOW)
    for texts, expected in ((["Kva er fristen?", "ja"], "Då svarar eg på nynorsk."),
                            (["What is the deadline?"], "Sure, I will answer in English."),
                            (["Hva er fristen?"], "Greit, jeg svarer på bokmål.")):
        track = rasa_conversation(rasa_domain, texts)
        assert asyncio.run(nlg.generate("utter_language_switched", track, "rest"))["text"] == expected


def test_actions_read_the_language_from_the_conversation():
    earlier = [{"event": "user", "text": "Kva er fristen?"}]
    assert language_of(tracker("ja", earlier=earlier)) == "nn"
    assert language_of(tracker("What is the deadline?")) == "en"


def test_a_button_click_does_not_change_the_language():
    turns = [("user", "Kva kan du hjelpe med?"), ("bot", ["Hvem kan søke?", "/check_eligibility"]),
             ("user", "Hvem kan søke?"), ("bot", ["ja", "vet ikke"]), ("user", "vet ikke"),
             ("bot", []), ("user", "Hvem kan søke?")]
    assert written_texts(turns[:5]) == ["Kva kan du hjelpe med?"]
    assert choose(None, None, written_texts(turns[:5])) == "nn"
    # typed again later, when no button offered it, it is the user's own writing
    assert written_texts(turns)[-1] == "Hvem kan søke?" and choose(None, None, written_texts(turns)) == "nb"


def test_the_generator_and_the_actions_skip_button_clicks(rasa_domain):
    from rasa.shared.core.events import BotUttered
    events = [ActionExecuted("action_session_start"), SessionStarted(),
              ActionExecuted("action_listen"),
              UserUttered("Kva er fristen?", {"name": "ask_deadline", "confidence": 1.0}),
              BotUttered("…", {"buttons": [{"title": "Ja", "payload": "vet ikke"}]}),
              ActionExecuted("action_listen"),
              UserUttered("vet ikke", {"name": "deny", "confidence": 1.0})]
    track = DialogueStateTracker.from_events("test", events, slots=rasa_domain.slots)
    assert CallFactsNLG.language(track) == "nn"
    earlier = [{"event": "user", "text": "Kva er fristen?"},
               {"event": "bot", "text": "…", "data": {"buttons": [{"payload": "vet ikke"}]}}]
    assert language_of(tracker("vet ikke", earlier=earlier)) == "nn"

"""Every response in domain.yml and every text of the call file in three standards (issue 13).

The responses: bokmål first and without a condition, then one nynorsk and one English variant
on the ``language`` slot, with the bokmål's placeholders and button payloads. The call file: its
``nn:``/``en:`` sections give every text the assistant says, and each reaches an answer in its
own standard. Rendering: the generator (components/nlg.py) answers in nynorsk and English with
every placeholder filled.
"""
from __future__ import annotations

import asyncio
import re
from datetime import datetime, timezone
from string import Formatter
from typing import Any, Dict, Iterator, List, Tuple

import pytest
import yaml
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from components.nlg import CallFactsNLG
from testkit import ROOT
from veileder.call import DEFAULT_CALL_FILE, TRANSLATIONS, load_call
from veileder.language import detect

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=timezone.utc)
LANGS = ("nn", "en")
RESPONSES: Dict[str, List[dict]] = yaml.safe_load(
    (ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]
NAMES = sorted(RESPONSES)


def language_condition(variant: dict):
    """The language a variant is for: None for bokmål (no condition), else the slot value."""
    condition = variant.get("condition")
    if not condition:
        return None
    assert condition == [{"type": "slot", "name": "language", "value": condition[0].get("value")}], \
        condition
    return condition[0]["value"]


def placeholders(text: str) -> List[str]:
    return sorted({name for _, name, _, _ in Formatter().parse(text) if name})


def payloads(variant: dict) -> List[str]:
    return [button["payload"] for button in variant.get("buttons", [])]


def by_language(name: str) -> Dict[Any, List[dict]]:
    variants: Dict[Any, List[dict]] = {}
    for variant in RESPONSES[name]:
        variants.setdefault(language_condition(variant), []).append(variant)
    return variants


# --- domain.yml: the shape of every response -------------------------------------------------
def test_every_response_is_here():
    assert len(NAMES) >= 35 and "utter_greet" in NAMES and "utter_faq/kontakt" in NAMES


@pytest.mark.parametrize("name", NAMES)
def test_bokmal_first_without_condition_then_nynorsk_and_english(name):
    variants = RESPONSES[name]
    langs = [language_condition(v) for v in variants]
    bokmal = langs.count(None)
    assert bokmal >= 1 and langs[:bokmal] == [None] * bokmal, f"{name}: bokmål first, {langs}"
    assert set(langs) == {None, "nn", "en"}, f"{name}: {langs}"
    # several bokmål variations (or channel-specific ones): each has its nn and en counterpart
    for lang in LANGS:
        channels = sorted(str(v.get("channel")) for v in by_language(name)[lang])
        assert channels == sorted(str(v.get("channel")) for v in by_language(name)[None]), \
            (name, lang)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("lang", LANGS)
def test_a_translation_has_the_bokmal_placeholders_and_button_payloads(name, lang):
    bokmal = by_language(name)[None]
    for variant in by_language(name)[lang]:
        assert placeholders(variant["text"]) == placeholders(bokmal[0]["text"]), (name, lang)
        assert payloads(variant) == payloads(bokmal[0]), (name, lang)
        titles = [b["title"] for b in variant.get("buttons", [])]
        assert titles != [b["title"] for b in bokmal[0].get("buttons", [])] or not titles, \
            f"{name}: translate the button titles"


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("lang", LANGS)
def test_a_translation_is_written_in_its_standard(name, lang):
    """The words around the placeholders are in the variant's standard (or too few to tell)."""
    for variant in by_language(name)[lang]:
        frame = re.sub(r"\{\w+\}", " ", variant["text"])
        assert detect(frame) in (lang, None), (name, lang, detect(frame), frame)


# --- the call file: every text the assistant says in nn and en -------------------------------
#: Facts that are not texts: the same in every standard (the call file may not translate them).
STRUCTURAL = {"id", "kroner", "tidspunkt", "tidssone", "url"}
#: Text fields that stay as in bokmål, and why.
SAME = {
    ("nb", "tittel"): "the call's name",
    ("nb", "eier"): "a name (Innovasjon Norge)",
    ("nb", "kontakt.navn"): "a name (Innovasjon Norge)",
    ("nb", "minister.navn"): "a name",
    ("nb", "minister.sitat"): "a quotation: the answers mark it as one ('said (in Norwegian)')",
    ("nb", "les_mer.0.tittel"): "the title of a Norwegian web page",
    ("nb", "les_mer.1.tittel"): "the title of a Norwegian web page",
    ("nb", "kilde.tittel"): "the title of the Norwegian announcement",
    ("nn", "kunngjort"): "'februar 2020' is nynorsk too",
    ("nn", "minister.tittel"): "'distrikts- og digitaliseringsminister' is nynorsk too",
    ("nn", "frist.hva"): "'skisse' is nynorsk too (ei skisse)",
    ("nn", "kriterier.gjennomforingsevne.navn"): "'Prosjekt med gjennomføringsevne' is nynorsk too",
}


def text_fields(node: Any, path: str = "") -> Iterator[Tuple[str, Any]]:
    """(dotted path, text or list of texts) for every text field; criteria by id."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in STRUCTURAL:
                yield from text_fields(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list) and node and all(isinstance(v, str) for v in node):
        yield path, node
    elif isinstance(node, list):
        for index, value in enumerate(node):
            label = value.get("id", index) if isinstance(value, dict) else index
            yield from text_fields(value, f"{path}.{label}")
    elif isinstance(node, str):
        yield path, node


CALL = load_call()
FIELDS = dict(text_fields(CALL.dict()))


def test_the_call_file_has_nynorsk_and_english_texts():
    assert CALL.languages == sorted(LANGS)
    assert len(FIELDS) >= 30 and "kriterier.samarbeid.punkter" in FIELDS


@pytest.mark.parametrize("path", sorted(FIELDS))
@pytest.mark.parametrize("lang", LANGS)
def test_every_text_of_the_call_has_its_nynorsk_and_english_variant(path, lang):
    translated = dict(text_fields(CALL.in_language(lang).dict()))[path]
    same = ("nb", path) in SAME or (lang, path) in SAME
    if same:
        assert translated == FIELDS[path], f"{lang}.{path} should stay as in bokmål"
    else:
        assert translated != FIELDS[path], f"{lang}.{path} is not translated"
        if isinstance(translated, list):
            assert len(translated) == len(FIELDS[path]), f"{lang}.{path}: the same points"


def test_the_exceptions_name_real_fields():
    assert {path for _, path in SAME} <= set(FIELDS)


def test_the_facts_stay_the_same_in_every_standard():
    for lang in LANGS:
        other = CALL.in_language(lang)
        assert other.belop == CALL.belop and other.frist.at == CALL.frist.at
        assert [c.id for c in other.kriterier] == [c.id for c in CALL.kriterier]
        assert [len(c.punkter) for c in other.kriterier] == [len(c.punkter) for c in CALL.kriterier]
        assert other.kilde.url == CALL.kilde.url and other.kontakt == CALL.kontakt


# --- rendering: the generator answers in nynorsk and English ---------------------------------
@pytest.fixture(scope="module")
def nlg() -> CallFactsNLG:
    return CallFactsNLG(domain=DOMAIN, now=lambda: NOW)


DOMAIN = Domain.load(str(ROOT / "domain.yml"))


def conversation(lang: Any) -> DialogueStateTracker:
    events = [ActionExecuted("action_session_start"), SessionStarted(),
              ActionExecuted("action_listen"),
              UserUttered("hei", {"name": "greet", "confidence": 1.0})]
    if lang:
        events.append(SlotSet("language", lang))
    return DialogueStateTracker.from_events("test", events, slots=DOMAIN.slots)


def answer(nlg: CallFactsNLG, name: str, lang: Any) -> dict:
    return asyncio.run(nlg.generate(name, conversation(lang), "rest"))


@pytest.mark.parametrize("name", NAMES)
def test_every_response_renders_in_nynorsk_and_english(nlg, name):
    bokmal = answer(nlg, name, None)
    texts = {None: bokmal["text"]}
    for lang in LANGS:
        reply = answer(nlg, name, lang)
        assert "{" not in reply["text"], (name, lang, reply["text"])
        assert reply["text"] not in texts.values(), (name, lang, reply["text"])
        assert payloads(reply) == payloads(bokmal), (name, lang)
        texts[lang] = reply["text"]


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("lang", LANGS)
def test_every_translated_fact_reaches_an_answer_in_its_own_standard(nlg, lang):
    answers = norm("\n".join(answer(nlg, name, lang)["text"] for name in NAMES))
    section = yaml.safe_load(DEFAULT_CALL_FILE.read_text(encoding="utf-8"))[lang]
    missing = [text for _, value in text_fields(section)
               for text in (value if isinstance(value, list) else [value])
               if norm(text) not in answers]
    assert not missing, f"{lang} texts that no {lang} answer states: {missing}"
    assert set(TRANSLATIONS) == set(LANGS)


@pytest.mark.parametrize("name, lang, expected", [
    ("utter_faq/belop", "nn", "Det er 75 millionar kroner i utlysinga til saman."),
    ("utter_faq/belop", "en", "The call has NOK 75 million in total."),
    ("utter_faq/hva_sendes_inn", "nn", "Det som skal sendast inn, er ei skisse."),
    ("utter_faq/hva_sendes_inn", "en", "What you submit is a sketch."),
    ("utter_ukjent/soknadsprosess", "nn", "det skal sendast inn ei skisse."),
    ("utter_ukjent/soknadsprosess", "en", "It says that a sketch is to be submitted."),
    ("utter_faq/om_utlysningen", "en", "from Innovasjon Norge, announced in February 2020."),
    ("utter_faq/hvem_star_bak", "en", "The Minister of Regional Development and Digitalisation, "
                                      "Linda Hofstad Helleland, said about the scheme (in "
                                      "Norwegian): «Gjennom denne ordningen"),
    ("utter_faq/hvem_star_bak", "nn", "Dette sa distrikts- og digitaliseringsminister Linda "
                                      "Hofstad Helleland om ordninga: «"),
    ("utter_faq/tema", "en", "Examples are climate and the environment, mobility, smarter public "
                             "administration and health/welfare."),
    ("utter_faq/hvem_kan_soke", "nn", "Det vil seie at verksemda:\n• er offentleg finansiert"),
    ("utter_goodbye", "nn", "Ha det bra! Lukke til med arbeidet."),
    ("utter_greet", "en", "Hi! I am a digital assistant for the call «75 millioner kroner til "
                          "innovasjonspartnerskap» from Innovasjon Norge."),
])
def test_a_few_answers_word_for_word(nlg, name, lang, expected):
    assert expected in answer(nlg, name, lang)["text"]


def test_button_titles_are_translated_and_payloads_kept(nlg):
    nn = answer(nlg, "utter_greet", "nn")["buttons"]
    en = answer(nlg, "utter_greet", "en")["buttons"]
    assert [b["title"] for b in nn][:2] == ["Kva er utlysinga?", "Kven kan søkje?"]
    assert [b["title"] for b in en][:2] == ["What is the call?", "Who can apply?"]
    assert [b["payload"] for b in en] == [b["payload"] for b in nn] == [
        "Hva er utlysningen?", "Hvem kan søke?", "Når er fristen?", "Hva kan du hjelpe med?"]

"""veileder.language: bokmål, nynorsk or English, from the labelled messages in
tests/unit/data/language_labelled.yml.

Every item not marked ``known_wrong`` must come out exactly as labelled; over the whole file
(known_wrong items included) detect must be right for at least ``ACCURACY_FLOOR`` of the items.
bench/bench_language.py prints the same figures per class, next to simplemma's.
"""
from __future__ import annotations

import ast
import time
from pathlib import Path

import pytest
import yaml

from testkit import ROOT
from veileder import language, language_words
from veileder.language import (
    DEFAULT,
    LANGUAGES,
    conversation_language,
    detect,
    from_accept_language,
    from_locale,
    requested_language,
)

DATA = yaml.safe_load((Path(__file__).parent / "data" / "language_labelled.yml")
                      .read_text(encoding="utf-8"))
#: The least share of the detect items (known_wrong ones included) that detect gets right.
ACCURACY_FLOOR = 0.97


def _cases(section):
    return [pytest.param(item, id=f"{i:03d}-{str(item.get('text', item.get('locale')))[:40]}")
            for i, item in enumerate(DATA[section])]


def _exact(section):
    return [case for case in _cases(section) if not case.values[0].get("known_wrong")]


# --- The data file ------------------------------------------------------------------------------
def test_the_labelled_file_is_big_and_varied_enough():
    detect_items, requests = DATA["detect"], DATA["requested"]
    assert len(detect_items) >= 180
    assert len(requests) >= 25
    for section in (detect_items, requests):
        assert {item["expected"] for item in section} == {"nb", "nn", "en", None}
        for item in section:
            assert set(item) <= {"text", "expected", "note", "known_wrong"}, item
    assert sum(item["expected"] is None for item in requests) >= 10
    assert {item["expected"] for item in DATA["locales"]} == {"nb", "nn", "en", None}


# --- detect -------------------------------------------------------------------------------------
@pytest.mark.parametrize("item", _exact("detect"))
def test_detect(item):
    assert detect(item["text"]) == item["expected"], item.get("note")


def test_detect_accuracy_over_the_whole_file():
    items = DATA["detect"]
    right = sum(detect(item["text"]) == item["expected"] for item in items)
    assert right / len(items) >= ACCURACY_FLOOR, f"{right}/{len(items)}"


@pytest.mark.parametrize("item", _cases("detect"))
def test_ordinary_messages_are_not_requests_to_switch(item):
    assert requested_language(item["text"]) is None


def test_detect_answers_only_the_three_standards_or_none():
    assert LANGUAGES == ("nb", "nn", "en") and DEFAULT == "nb"
    for text in ("", "   ", "\n", "12345", "😀", None):
        assert detect(text) is None


def test_detect_is_fast_and_needs_no_dictionaries():
    language.warm_up()
    texts = [item["text"] for item in DATA["detect"]]
    start = time.perf_counter()
    for text in texts * 5:
        detect(text)
    mean = (time.perf_counter() - start) / (5 * len(texts))
    assert mean < 0.001, f"{mean * 1e6:.0f} µs per message"


# --- requested_language -------------------------------------------------------------------------
@pytest.mark.parametrize("item", _exact("requested"))
def test_requested_language(item):
    assert requested_language(item["text"]) == item["expected"], item.get("note")


# --- conversation_language ----------------------------------------------------------------------
CONVERSATION = [
    # (text, current, expected)
    ("kan du svare på nynorsk?", "nb", "nn"),
    ("in English please", "nn", "en"),
    ("svar på bokmål", "en", "nb"),
    ("Kva er fristen?", "nb", "nn"),
    ("Hva er fristen?", "nn", "nb"),
    ("What is the deadline?", "nb", "en"),
    ("Kva er fristen?", "en", "nn"),
    ("ja", "nn", "nn"),
    ("takk", "en", "en"),
    ("16. april", None, "nb"),
    ("Bergen kommune", "nn", "nn"),
    ("923 609 016", None, "nb"),
    ("ok", "xx", "nb"),
    ("Kan du svare på norsk?", "nn", "nn"),
    ("Kan du svare på norsk?", "nb", "nb"),
    ("Kan du svare på norsk?", "en", "nb"),
    ("Answer in Norwegian please", None, "nb"),
    ("Må skissen være på norsk?", "nn", "nb"),
    ("Can we submit the application in English?", "nb", "en"),
    ("Kan vi skrive søknaden på engelsk?", "en", "en"),
    ("Kan vi søke?", "nn", "nn"),
    ("Kan vi søke?", None, "nb"),
]


@pytest.mark.parametrize("text,current,expected", CONVERSATION)
def test_conversation_language(text, current, expected):
    assert conversation_language(text, current) == expected


# --- from_locale --------------------------------------------------------------------------------
@pytest.mark.parametrize("item", _cases("locales"))
def test_from_locale(item):
    assert from_locale(item["locale"]) == item["expected"]


# --- from_accept_language ---------------------------------------------------------------------
@pytest.mark.parametrize("header, expected", [
    ("nn", "nn"), ("nn-NO", "nn"), ("nb", "nb"), ("nb-NO", "nb"), ("no", "nb"), ("en", "en"),
    ("en-US", "en"), ("EN-gb", "en"),
    ("nn-NO,nn;q=0.9,nb;q=0.8,en;q=0.5", "nn"),
    ("de-DE,de;q=0.9,en;q=0.7", "en"),          # the first of the three it names
    ("en;q=0.5, nn;q=0.8", "nn"),               # the higher q wins, not the first listed
    ("nb;q=0.8, nn;q=0.8", "nb"),               # of equal q, the first listed
    ("nn;q=0, en", "en"),                       # q=0: "not this one"
    ("nn;q=0", None),
    ("nn;q=abc, en;q=0.1", "en"),               # a malformed q counts as 0
    ("nn;q=2, en;q=0.1", "en"),                 # so does one out of range
    ("nn;q=nan, en;q=0.1", "en"),
    ("nn ; Q=0.4 , en ; q=0.3", "nn"),          # spaces and a capital Q
    ("*", None), ("*, nn;q=0.1", "nn"),
    ("de, sv", None), ("", None), (None, None), (",,;", None),
])
def test_from_accept_language(header, expected):
    assert from_accept_language(header) == expected


# --- The tables ---------------------------------------------------------------------------------
def test_no_word_is_in_two_tables():
    tables = {"nn": language_words.NYNORSK, "nb": language_words.BOKMAL,
              "en": language_words.ENGLISH, "no": language_words.NORWEGIAN}
    names = sorted(tables)
    for i, first in enumerate(names):
        for second in names[i + 1:]:
            assert not set(tables[first]) & set(tables[second]), (first, second)
        assert not set(tables[first]) & language_words.AMBIGUOUS, first
    assert language_words.TYPO_TOLERANT <= set(tables["nb"]) | set(tables["nn"])


@pytest.mark.parametrize("typed,expected", [
    ("sokje", "nn"), ("soekje", "nn"), ("vaere", "nb"), ("fraa", "nn"), ("ogsaa", "nb"),
    ("hoyrer", "nn"), ("hvme", "nb"), ("kvifro", "nn"),
])
def test_spellings_without_aeoa_and_typos_count(typed, expected):
    found = language.scores(f"{typed} {typed}")
    assert found[expected] > 0 and found["nb" if expected == "nn" else "nn"] == 0


@pytest.mark.parametrize("typed", ["fra", "og", "da", "for"])
def test_plain_spellings_that_collide_with_another_word_do_not_count_for_nynorsk(typed):
    assert language.scores(typed)["nn"] == 0


def test_the_module_imports_no_rasa_and_no_dictionaries():
    tree = ast.parse((ROOT / "veileder" / "language.py").read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree)
                if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module}
    assert imported <= {"__future__", "itertools", "re", "unicodedata", "typing", "veileder"}
    assert (ROOT / "veileder" / "language.py").read_text(encoding="utf-8").count("\n") < 400

"""Spelling of every bokmål and nynorsk text the assistant says (testkit/spelling.py): the
responses in domain.yml, every veileder.i18n.Tekst of the product and the call file, checked
with hunspell's nb_NO and nn_NO (Debian's hunspell-no, installed by `make install` through
scripts/install-spelling.sh), with the few words in data/spelling_accepted.txt. The nynorsk
texts are also checked for common bokmål words that nn_NO lets through."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings

import pytest

from testkit import ROOT
from testkit import spelling
from testkit.spelling import BOKMAL_ONLY, Text

REASON = spelling.unavailable()
needs_hunspell = pytest.mark.skipif(REASON is not None, reason=REASON or "")


@pytest.fixture(scope="module")
def texts():
    """Every text, collected in a fresh process: there ``veileder.i18n.ALL`` holds only the
    product's Tekst, not the ones other tests make."""
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3"}
    run = subprocess.run([sys.executable, "-W", "ignore", "-m", "testkit.spelling", "--json"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    data = json.loads(run.stdout)
    for module, error in data["not_imported"].items():
        warnings.warn(f"spelling: {module} did not import, its Tekst are not checked: {error}")
    return [Text(**t) for t in data["texts"]]


# --- the texts collected --------------------------------------------------------------------
def test_the_collection_has_both_standards_of_the_domain_and_the_call(texts):
    wheres = {(t.standard, t.where) for t in texts}
    assert ("nb", "domain.yml utter_greet") in wheres
    assert ("nb", "domain.yml utter_greet (button)") in wheres
    assert ("nn", "domain.yml utter_language_switched") in wheres
    assert ("nb", "calls/innovasjonspartnerskap-2020.yml formal.kort") in wheres
    assert not any("sure, i will answer" in t.text.lower() for t in texts)  # English: not here
    assert {t.standard for t in texts} == {"nb", "nn"}


def test_every_tekst_of_the_product_is_named_by_its_file_and_line(texts):
    teksts = [t for t in texts if t.where.split(" ")[0].endswith(".py")
              or t.where.startswith("veileder.i18n.ALL")]
    assert all(t.where.split(":")[0].endswith(".py") for t in teksts), [
        t.where for t in teksts if not t.where.split(":")[0].endswith(".py")]
    assert not any(t.where.startswith("tests/") for t in teksts)


# --- the spelling ---------------------------------------------------------------------------
@needs_hunspell
@pytest.mark.parametrize("standard", ["nb", "nn"])
def test_every_text_is_spelled_right(texts, standard):
    unknown = spelling.check(texts)[standard]
    assert not unknown, (
        f"{len(unknown)} words hunspell {spelling.DICTIONARIES[standard]} does not know: fix the "
        f"spelling, or add the word with its reason to tests/unit/data/spelling_accepted.txt\n"
        + spelling.report(unknown))


@needs_hunspell
def test_the_nynorsk_texts_have_no_common_bokmal_words(texts):
    mixed = spelling.bokmal_in_nynorsk(texts)
    assert not mixed, "bokmål words in nynorsk texts:\n" + spelling.report(mixed, BOKMAL_ONLY)


@needs_hunspell
def test_every_accepted_word_is_one_hunspell_does_not_know():
    """The list holds only what it must: a word hunspell knows in all its standards goes."""
    accepted = spelling.load_accepted()
    unknown = {standard: spelling.misspelled(words, standard)
               for standard, words in accepted.items()}
    everywhere = {word for word in set().union(*accepted.values())
                  if not any(word in accepted[s] and word in unknown[s] for s in accepted)}
    assert not everywhere, f"hunspell knows these, remove them from the list: {everywhere}"


# --- the checker itself ---------------------------------------------------------------------
@needs_hunspell
@pytest.mark.parametrize("word, standard, flagged", [
    ("ikkje", "nn", False),
    ("ikke", "nn", True),
    ("kva", "nb", True),
    ("ikke", "nb", False),
    ("hva", "nn", True),
    ("søknad", "nb", False),
    ("søknad", "nn", False),
    ("søkjer", "nn", False),
    ("korleis", "nb", True),
    ("utlysninng", "nb", True),
])
def test_the_checker_flags_a_word_outside_its_standard(word, standard, flagged):
    text = Text(standard, "fixture", f"Eit ord: {word}." if standard == "nn" else f"Ord: {word}.")
    unknown = spelling.check([text], accepted={"nb": set(), "nn": set()}, quotes=[])[standard]
    assert (word in unknown) is flagged, unknown
    if flagged:
        assert unknown[word] == ["fixture"]


@needs_hunspell
def test_accepted_words_are_not_reported_and_a_prefix_limits_the_standard():
    texts = [Text("nb", "a", "Smart Care Cluster har en chatbot."),
             Text("nn", "b", "Smart Care Cluster har ein chatbot.")]
    unknown = spelling.check(texts, accepted={"nb": {"Care", "Cluster", "chatbot"},
                                              "nn": {"Care", "Cluster"}}, quotes=[])
    assert unknown == {"nb": {}, "nn": {"chatbot": ["b"]}}


@pytest.mark.parametrize("text, expected", [
    ("Frist {deadline_sentence} kl. 17.00", ["Frist", "kl"]),
    ("Se https://www.innovasjonnorge.no/sok?x=1 eller www.example.no.", ["Se", "eller"]),
    ("Skriv til post@example.no i dag", ["Skriv", "til", "dag"]),
    ("Les [kunngjøringen](https://example.no) og `kode`", ["Les", "kunngjøringen", "og"]),
    ("**Viktig:** 75 millioner", ["Viktig", "millioner"]),
    ("e-postadresse og offentlig-private", ["postadresse", "og", "offentlig", "private"]),
    ("o.l. og f.eks. helse/velferd", ["og", "eks", "helse", "velferd"]),
    ("Skriv «kan vi søke?» for å starte", ["Skriv", "kan", "vi", "søke", "for", "starte"]),
])
def test_what_is_not_prose_is_taken_out_before_the_check(text, expected):
    assert spelling.words(text) == expected


def test_quotations_of_the_announcement_are_taken_out_and_other_quotations_stay():
    quotes = ["75 millioner kroner til innovasjonspartnerskap"]
    text = "Utlysinga «75 millioner kroner til innovasjonspartnerskap». Skriv «hjelp»."
    assert spelling.words(text, quotes) == ["Utlysinga", "Skriv", "hjelp"]


def test_the_announcement_quotes_are_its_title_and_the_ministers_words():
    quotes = spelling.announcement_quotes()
    assert "75 millioner kroner til innovasjonspartnerskap" in quotes
    assert any(q.startswith("Gjennom denne ordningen") for q in quotes)


@pytest.mark.parametrize("text, expected", [
    ("Eg veit ikke kva de skal søkje om.", ["ikke"]),
    ("Kva er fristen? Hva er fristen?", ["Hva"]),
    ("Pengane kjem frå Innovasjon Norge.", []),
    ("Pengane kommer fra Innovasjon Norge.", ["fra", "kommer"]),
    ("Offentlege verksemder kan søkje.", []),
    ("Offentlige virksomheter kan søke.", ["Offentlige", "søke", "virksomheter"]),
    ("Det er berre noko du må vite, og mykje meir.", []),
    ("Det er bare noe du må vite, og mye mer.", ["bare", "mye", "noe"]),
    ("Kven kan eg kontakte? Hvem kan jeg kontakte?", ["Hvem", "jeg"]),
    ("Korleis søkjer de? Hvordan søker dere?", ["dere", "Hvordan", "søker"]),
    ("ikkje-offentleg", []),
    ("ikke-offentlig", ["ikke", "offentlig"]),
])
def test_common_bokmal_words_are_found_in_nynorsk_texts(text, expected):
    found = spelling.bokmal_in_nynorsk([Text("nn", "fixture", text)], quotes=[])
    assert sorted(found, key=str.lower) == sorted(expected, key=str.lower)
    assert all(places == ["fixture"] for places in found.values())


def test_bokmal_texts_are_not_checked_for_bokmal_words():
    assert spelling.bokmal_in_nynorsk([Text("nb", "x", "Hva er ikke dette?")], quotes=[]) == {}


def test_every_bokmal_word_in_the_list_is_lower_case_and_has_a_nynorsk_form():
    assert all(word == word.lower() and form and form != word
               for word, form in BOKMAL_ONLY.items())


@pytest.mark.parametrize("condition, standard", [
    (None, "nb"),
    ([{"type": "slot", "name": "language", "value": "nn"}], "nn"),
    ([{"type": "slot", "name": "language", "value": "en"}], None),
    ([{"type": "slot", "name": "elig_project", "value": True}], "nb"),
])
def test_a_response_variant_is_bokmal_without_a_language_condition(condition, standard):
    assert spelling._standard_of({"text": "x", "condition": condition}) == standard


def test_the_nynorsk_call_checks_kept_names_and_quotes_as_bokmal(tmp_path):
    source = (ROOT / "calls" / "innovasjonspartnerskap-2020.yml").read_text(encoding="utf-8")
    nn = ("\nnn:\n  formal:\n    kort: Innovasjon Norge søkjer kommunar og etatar.\n"
          "  minister:\n    tittel: distrikts- og digitaliseringsminister\n")
    path = tmp_path / "call.yml"
    path.write_text(source + nn, encoding="utf-8")
    found = {t.where.split(" ", 1)[1]: t.standard for t in spelling.call_texts(path)}
    assert found["formal.kort"] == "nb" and found["nn.formal.kort"] == "nn"
    assert found["nn.minister.sitat"] == "nb"       # the announcement's words, unchanged
    assert found["nn.tittel"] == "nb"
    assert found["nn.formal.mal"] == "nn"            # not translated: checked as nynorsk
    assert "nn.id" not in found and "nn.kilde.url" not in found

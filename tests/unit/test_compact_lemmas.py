"""spaCy's lemma table in compact arrays (components/compact_lemmas.py) gives the same lemmas as
spaCy's own table: for a small table, for every form of the offline pipeline's, and through
Rasa's ``SpacyNLP.load_model``; only on the Rasa and spaCy versions it was written for."""
from __future__ import annotations

import numpy as np
import pytest
from rasa.nlu.utils.spacy_utils import SpacyNLP
from spacy.lookups import Table
from spacy.strings import get_string_id

from components import compact_lemmas
from components.compact_lemmas import CompactTable
from components.nb_pipeline import DEFAULT_DIR
from testkit import ROOT

PIPELINE = ROOT / DEFAULT_DIR
SMALL = {"kommunane": "kommune", "kommunen": "kommune", "søknaden": "søknad",
         "soknaden": "søknad", "kan": "kunne", "vi": "vi", "ære": "ære"}
# (key, default, expected): strings are hashed as spaCy does; ints are hashes already
LOOKUPS = [
    ("kommunane", None, "kommune"),
    ("søknaden", "x", "søknad"),
    ("ære", None, "ære"),
    ("finnes-ikke", None, None),
    ("finnes-ikke", "finnes-ikke", "finnes-ikke"),
    ("", "", ""),
]
SENTENCES = ["kommunane søker om midler til søknaden", "vi er en stiftelse opprettet av "
             "nordland fylkeskommune", "me er ein kommune i vestland", "soknadsfristen er i mars"]


@pytest.fixture(scope="module")
def small():
    return Table.from_dict(SMALL, name="lemma_lookup"), CompactTable(Table.from_dict(SMALL))


@pytest.mark.parametrize("key, default, expected", LOOKUPS)
def test_a_lookup_answers_as_spacy_does(small, key, default, expected):
    table, compact = small
    assert table.get(key, default) == expected
    assert compact.get(key, default) == expected
    assert (key in compact) == (key in table)
    if expected is not None and key in table:
        assert compact[key] == table[key]
        assert compact.get(get_string_id(key)) == expected  # by the hash, as spaCy stores it


def test_a_missing_form_is_a_key_error(small):
    with pytest.raises(KeyError):
        small[1]["finnes-ikke"]
    assert len(small[1]) == len(SMALL)


@pytest.fixture(scope="module")
def spacy_table():
    if not PIPELINE.exists():
        pytest.skip(f"{DEFAULT_DIR} is not built (make install)")
    import spacy

    return spacy.load(PIPELINE).get_pipe("lemmatizer").lookups.get_table("lemma_lookup")


def test_every_form_of_the_pipeline_has_the_same_lemma(spacy_table):
    compact = CompactTable(spacy_table)
    assert len(compact) == len(spacy_table)
    hashes = np.fromiter(spacy_table.keys(), dtype=np.uint64, count=len(spacy_table))
    for key, lemma in zip(hashes[::7].tolist(), list(spacy_table.values())[::7]):
        assert compact.get(key) == lemma, key
    assert compact.nbytes() < 30_000_000


def test_rasa_loads_the_pipeline_with_the_compact_table(spacy_table):
    import spacy

    assert compact_lemmas.APPLIED
    model = SpacyNLP.load_model(str(PIPELINE)).model
    table = model.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    assert isinstance(table, CompactTable)
    plain = spacy.load(PIPELINE)
    for text in SENTENCES:
        assert [t.lemma_ for t in model(text)] == [t.lemma_ for t in plain(text)], text
    assert compact_lemmas.compact(model) is False  # once is enough


@pytest.mark.parametrize("rasa_version, spacy_version, applied", [
    ("3.6.21", "3.4.4", True), ("3.7.0", "3.4.4", False), ("3.6.21", "4.0.0", False)])
def test_the_patch_holds_only_for_rasa_3_6_and_spacy_3(rasa_version, spacy_version, applied):
    compact_lemmas.remove()
    try:
        assert not hasattr(SpacyNLP.load_model, "original")
        assert compact_lemmas.apply(rasa_version, spacy_version) is applied
        assert hasattr(SpacyNLP.load_model, "original") is applied
    finally:
        compact_lemmas.remove()
        assert compact_lemmas.apply() is True

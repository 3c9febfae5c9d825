"""Build the offline Norwegian spaCy pipeline from PyPI parts.

spaCy 3.4's ``nb`` lookup table holds only 1,582 forms, while the Norsk Ordbank data ships in
spacy-lookups-data as ``nb_lemma_exc`` (keyed by part of speech) for the rule lemmatizer, which
needs a POS tagger that no PyPI pipeline provides. Without a tagger we merge the exception tables
(verb before noun before adjective before adverb, so "kan" -> "kunne") into one lookup table, add
nynorsk forms from simplemma's lexicon (kommunane -> kommune) and spellings without æøå
(soknad -> søknad), and save a blank ``nb`` pipeline with a lookup lemmatizer.

Rasa keys its training cache on the model path string only, so the directory name carries
:data:`PIPELINE_VERSION`: bump it whenever the tables or this code change.

Usage: ``python -m components.nb_pipeline [TARGET_DIR]`` (default: :data:`DEFAULT_DIR`).
Lexicon data: Norsk Ordbank (Språkrådet/UiB, CC BY 4.0) via spacy-lookups-data; simplemma (MIT,
nynorsk data from the same kind of sources). See README for attribution.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Dict

PIPELINE_NAME = "nb_veileder"
PIPELINE_VERSION = "1.0.0"
DEFAULT_DIR = Path("build") / "spacy" / f"{PIPELINE_NAME}-{PIPELINE_VERSION}"

# Order decides ties: the first part of speech that knows a form wins.
POS_ORDER = ("verb", "noun", "adj", "adv")
AUXILIARIES = {"være", "ha", "kunne", "skulle", "ville", "måtte", "bli", "få", "gjøre"}
ASCII_FOLDS = (
    str.maketrans({"æ": "ae", "ø": "o", "å": "a"}),
    str.maketrans({"æ": "a", "ø": "o", "å": "a"}),
    str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"}),
)


def ordbank_table() -> Dict[str, str]:
    """Norsk Ordbank forms -> lemma, merged across parts of speech."""
    from spacy.lookups import load_lookups
    from spacy.strings import hash_string

    exc = load_lookups("nb", ["lemma_exc"]).get_table("lemma_exc")
    table: Dict[str, str] = {}
    for pos in POS_ORDER:
        for form, lemmas in exc.get(hash_string(pos), {}).items():
            if lemmas and form not in table:
                table[form] = lemmas[0]
    return table


def keep_function_words(table: Dict[str, str]) -> None:
    """Without a tagger "vi" would become the verb "vie" and "for" the verb "fore": spaCy's
    Norwegian stop words keep their own form, except the forms of auxiliary verbs."""
    from spacy.lang.nb.stop_words import STOP_WORDS

    for word in STOP_WORDS:
        if table.get(word) not in AUXILIARIES:
            table[word] = word


def nynorsk_forms(known: Dict[str, str]) -> Dict[str, str]:
    """Nynorsk forms from simplemma that bokmål does not already know."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    extra: Dict[str, str] = {}
    nn = DefaultDictionaryFactory().get_dictionary("nn")
    for form, lemma in nn.items():
        form = form.lower()
        if form not in known and form.isalpha():
            extra[form] = lemma.decode("utf-8") if isinstance(lemma, bytes) else str(lemma)
    return extra


def ascii_folded(table: Dict[str, str]) -> Dict[str, str]:
    """Spellings without æøå that do not collide with a real word."""
    extra: Dict[str, str] = {}
    for form, lemma in table.items():
        if not any(ch in form for ch in "æøå"):
            continue
        for fold in ASCII_FOLDS:
            folded = form.translate(fold)
            if folded not in table and folded not in extra:
                extra[folded] = lemma
    return extra


def build_table() -> Dict[str, str]:
    table = ordbank_table()
    keep_function_words(table)
    table.update(nynorsk_forms(table))
    table.update(ascii_folded(table))
    return table


def build(target: Path = DEFAULT_DIR) -> Path:
    import spacy
    from spacy.lookups import Lookups

    target = Path(target)
    table = build_table()
    nlp = spacy.blank("nb")
    lookups = Lookups()
    lookups.add_table("lemma_lookup", table)
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    lemmatizer.initialize(lookups=lookups)
    nlp.meta["name"] = f"{PIPELINE_NAME}"
    nlp.meta["version"] = PIPELINE_VERSION
    nlp.meta["description"] = (
        "Blank spaCy nb pipeline with a lookup lemmatizer from Norsk Ordbank "
        "(spacy-lookups-data, CC BY 4.0), simplemma nynorsk forms and spellings without æøå."
    )
    nlp.meta["sources"] = [
        {"name": "Norsk Ordbank via spacy-lookups-data", "license": "CC BY 4.0"},
        {"name": "simplemma (nn)", "license": "MIT"},
    ]
    tmp = target.with_name(target.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(tmp)
    if target.exists():
        shutil.rmtree(target)
    tmp.rename(target)
    return target


if __name__ == "__main__":
    out = build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DIR)
    print(f"built {out}")

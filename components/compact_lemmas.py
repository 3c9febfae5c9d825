"""The spaCy lemma table in Rasa's memory: about 15 MB instead of about 290 MB, same lemmas.

The offline pipeline (``components/nb_pipeline.py``) lemmatises by lookup in a table of about
905,000 forms (Norsk Ordbank, nynorsk forms, spellings without æøå). spaCy keeps such a table as
an ordered dict from each form's 64-bit hash to a string of its own: about 290 MB of every Rasa
process (and of ``rasa train``), measured as resident memory.

:class:`CompactTable` holds the same content in sorted numpy arrays: the forms' hashes, for each
the number of its lemma, and the distinct lemmas (about 150,000) in one string. A lookup is a
binary search (a few microseconds); it answers exactly as spaCy's table does
(``tests/unit/test_compact_lemmas.py`` compares them).

:func:`apply` wraps Rasa's ``SpacyNLP.load_model`` so that every spaCy model Rasa loads gets the
compact table (:func:`compact`). It is applied when this module is imported;
:mod:`components.input_guard` imports it, and Rasa imports the pipeline's own components before
it loads any of them. Only for the Rasa and spaCy versions it was written against
(:data:`RASA_SERIES`, :data:`SPACY_SERIES`); otherwise spaCy's own table stays.
"""
from __future__ import annotations

import ctypes
import gc
import logging
from typing import Any, Optional, Union

import numpy as np

logger = logging.getLogger(__name__)

RASA_SERIES = "3.6."
#: spaCy's lookup lemmatizer calls ``lookups.get_table("lemma_lookup", {}).get(text, text)``.
SPACY_SERIES = "3."
TABLE = "lemma_lookup"
_MARK = "_assistant_compact_lemmas"


class CompactTable:
    """A read-only stand-in for spaCy's lookup ``Table`` (``get``, ``in``, ``[]``, ``len``)."""

    def __init__(self, table: Any) -> None:
        count = len(table)
        keys = np.fromiter(table.keys(), dtype=np.uint64, count=count)
        numbers: dict = {}
        codes = np.empty(count, dtype=np.uint32)
        for i, lemma in enumerate(table.values()):
            code = numbers.get(lemma)
            if code is None:
                code = numbers[lemma] = len(numbers)
            codes[i] = code
        lengths = np.fromiter((len(lemma) for lemma in numbers), dtype=np.int64,
                              count=len(numbers))
        self._ends = np.cumsum(lengths).astype(np.uint32)
        self._starts = (self._ends - lengths).astype(np.uint32)
        self._text = "".join(numbers)  # one object instead of 150,000 small ones
        order = np.argsort(keys, kind="stable")
        self._keys = keys[order]
        self._codes = codes[order]

    def _code(self, key: Union[str, int]) -> Optional[int]:
        from spacy.strings import get_string_id

        wanted = np.uint64(get_string_id(key))
        i = int(np.searchsorted(self._keys, wanted))
        if i < len(self._keys) and self._keys[i] == wanted:
            return int(self._codes[i])
        return None

    def get(self, key: Union[str, int], default: Any = None) -> Any:
        code = self._code(key)
        if code is None:
            return default
        return self._text[self._starts[code]:self._ends[code]]

    def __getitem__(self, key: Union[str, int]) -> str:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, (str, int)) and self._code(key) is not None

    def __len__(self) -> int:
        return len(self._keys)

    def nbytes(self) -> int:
        return int(self._keys.nbytes + self._codes.nbytes + self._starts.nbytes +
                   self._ends.nbytes + len(self._text.encode("utf-8")))


def compact(nlp: Any) -> bool:
    """Replace ``nlp``'s lookup lemma table by a :class:`CompactTable`; True if it did.

    A pipeline without a lookup lemmatizer (e.g. nb_core_news_sm's rule lemmatizer) is left
    as it is. The freed memory is handed back to the system (glibc's ``malloc_trim``)."""
    if "lemmatizer" not in getattr(nlp, "pipe_names", ()):
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    lookups = getattr(lemmatizer, "lookups", None)
    tables = getattr(lookups, "_tables", None)
    if getattr(lemmatizer, "mode", None) != "lookup" or not isinstance(tables, dict) or \
            TABLE not in tables or isinstance(tables[TABLE], CompactTable):
        return False
    tables[TABLE] = CompactTable(tables[TABLE])
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # pragma: no cover - not glibc: the memory is reused
        pass
    return True


def apply(rasa_version: Optional[str] = None, spacy_version: Optional[str] = None) -> bool:
    """Wrap Rasa's ``SpacyNLP.load_model``; True when loaded models get the compact table."""
    import rasa
    import spacy
    from rasa.nlu.utils.spacy_utils import SpacyNLP

    rasa_version = rasa_version or rasa.__version__
    spacy_version = spacy_version or spacy.__version__
    current = SpacyNLP.__dict__["load_model"]
    if getattr(current.__func__, _MARK, False):
        return True
    if not (rasa_version.startswith(RASA_SERIES) and spacy_version.startswith(SPACY_SERIES)):
        logger.warning("Rasa %s, spaCy %s: the compact lemma table (%s) is written for Rasa "
                       "%sx and spaCy %sx and is not applied; check it against these versions.",
                       rasa_version, spacy_version, __name__, RASA_SERIES, SPACY_SERIES)
        return False
    load = current.__func__

    def load_model(spacy_model_name: str) -> Any:
        model = load(spacy_model_name)
        if compact(model.model):
            logger.info("spaCy model %s: lemma table compacted", spacy_model_name)
        return model

    load_model.__doc__ = load.__doc__
    load_model.original = load  # type: ignore[attr-defined]
    setattr(load_model, _MARK, True)
    SpacyNLP.load_model = staticmethod(load_model)
    return True


def remove() -> None:
    """Rasa's own ``load_model`` again (for tests)."""
    from rasa.nlu.utils.spacy_utils import SpacyNLP

    current = SpacyNLP.__dict__["load_model"].__func__
    if getattr(current, _MARK, False):
        SpacyNLP.load_model = staticmethod(current.original)


APPLIED = apply()

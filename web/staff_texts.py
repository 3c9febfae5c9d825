"""Texts for the staff pages: unanswered questions grouped by likeness, and every answer the
assistant can give with the call's facts filled in.

Grouping (:func:`cluster`): a question is normalised (:func:`normalise`: folded with
``veileder.norsk.fold``, punctuation removed, each word's lemma from simplemma, the words as a
sorted set), texts with the same normal form count together, and then a form joins the first
group (most frequent first) whose first form is at least :data:`SIMILAR` alike by
``difflib.SequenceMatcher`` over the sorted words. Deterministic: the same input gives the same
groups in the same order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

import simplemma
import yaml

from veileder.call import Call
from veileder.facts import fact_slots
from veileder.norsk import fold
from veileder.privacy import mask_personal_data

SIMILAR = 0.8
MAX_FORMS = 1000  # forms beyond the most frequent ones are grouped only when identical
_WORD = re.compile(r"[a-z0-9]+")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def shown(text: Optional[str]) -> str:
    """A user's text as the staff pages show it: masked again (it was masked when stored)."""
    return mask_personal_data(text or "")


@lru_cache(maxsize=20000)
def _lemma(word: str) -> str:
    return fold(simplemma.lemmatize(word, lang="nb"))


def normalise(text: str) -> str:
    """'Hvor mye KAN hvert prosjekt få??' -> 'fa hver hvor kunne mye prosjekt' (sorted lemmas)."""
    words = _WORD.findall(fold(text))
    return " ".join(sorted({_lemma(w) for w in words}))


@dataclass
class Group:
    text: str  # the most frequent wording (masked)
    count: int = 0
    variants: List[str] = field(default_factory=list)  # other wordings, most frequent first
    form: str = ""
    wordings: Dict[str, int] = field(default_factory=dict)


def cluster(texts: Iterable[Tuple[str, int]], max_variants: int = 5) -> List[Group]:
    """``(text, count)`` pairs grouped by likeness; the biggest group first."""
    by_form: Dict[str, List[Tuple[str, int]]] = {}
    for text, count in texts:
        text = shown(text).strip()
        if text:
            by_form.setdefault(normalise(text), []).append((text, count))
    forms = sorted(by_form.items(), key=lambda item: (-sum(c for _, c in item[1]), item[0]))
    groups: List[Group] = []
    matchers: List[SequenceMatcher] = []
    for index, (form, wordings) in enumerate(forms):
        target = None
        if index < MAX_FORMS:
            for group, matcher in zip(groups, matchers):
                matcher.set_seq1(form)
                if matcher.real_quick_ratio() >= SIMILAR and matcher.quick_ratio() >= SIMILAR \
                        and matcher.ratio() >= SIMILAR:
                    target = group
                    break
        if target is None:
            target = Group(text="", form=form)
            groups.append(target)
            matcher = SequenceMatcher(autojunk=False)
            matcher.set_seq2(form)
            matchers.append(matcher)
        for text, count in wordings:
            target.count += count
            target.wordings[text] = target.wordings.get(text, 0) + count
    for group in groups:
        ordered = sorted(group.wordings, key=lambda t: (-group.wordings[t], t))
        group.text, group.variants = ordered[0], ordered[1:max_variants + 1]
    return sorted(groups, key=lambda g: (-g.count, g.text))


# --- the answers --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Answer:
    key: str  # the response's name in domain.yml, e.g. utter_faq/frist
    texts: Tuple[str, ...]  # its variants with the call's facts filled in


def _fill(template: str, facts: Dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: str(facts.get(m.group(1), m.group(0))), template)


def _responses(domain_file: Path) -> Dict[str, List[str]]:
    domain = yaml.safe_load(domain_file.read_text(encoding="utf-8"))
    return {name: [v["text"] for v in variants if isinstance(v, dict) and "text" in v]
            for name, variants in (domain.get("responses") or {}).items()}


_cache: Dict[Path, Tuple[float, Dict[str, List[str]]]] = {}


def responses(domain_file: Path) -> Dict[str, List[str]]:
    """The responses of ``domain_file`` (re-read when the file changes)."""
    mtime = domain_file.stat().st_mtime
    cached = _cache.get(domain_file)
    if cached is None or cached[0] != mtime:
        _cache[domain_file] = cached = (mtime, _responses(domain_file))
    return cached[1]


def answers(domain_file: Path, call: Call, now: datetime, query: str = "") -> List[Answer]:
    """Every response in the domain with the call's facts at ``now`` filled in (a placeholder
    that is not a fact, such as a slot, stays as ``{name}``), those whose name or text has
    every word of ``query`` (folded: case, æøå and accents do not matter)."""
    facts = fact_slots(call, now)
    words = fold(query).split()
    found = []
    for key, templates in sorted(responses(domain_file).items()):
        texts = tuple(_fill(t, facts) for t in templates)
        haystack = fold(key + " " + " ".join(texts))
        if all(w in haystack for w in words):
            found.append(Answer(key, texts))
    return found

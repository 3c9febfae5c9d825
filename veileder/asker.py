"""Is the writer asking about themselves? "Jeg er privatperson, kan jeg søke?"

Pure domain code. The FAQ answers "Kan bedrifter søke?" in general terms; when the writer says
what they themselves are ("jeg har et enkeltpersonforetak", "eg driv eit AS", "I'm a private
individual") the assistant gives the eligibility verdict for them instead, the same one the
eligibility check ends with. This module finds that self-description: a clause with a
first-person word (jeg/eg/vi/me/I/we) that names a kind of applicant.

``own_family(text) -> Optional[OrgFamily]``
    The kind of applicant the writer says they are, or ``None`` when the text only asks about
    others ("Jeg er konsulent. Kan en bedrift søke?" is about others: "konsulent" names no
    applicant, and "en bedrift" stands in a clause without a first-person word).
"""
from __future__ import annotations

import re
from typing import Optional

from veileder.eligibility import OrgFamily, family_from_text

# Clauses: sentences, commas, semicolons, dashes and "og/and/men/but" between them.
_CLAUSE_SPLIT = re.compile(r"[.!?;:,\n]+|\s[-–—]\s|\s(?:og|men|and|but)\s", re.IGNORECASE)
# First-person words. Lowercase "i" is the Norwegian preposition, so English "I" must be a
# capital letter ("I", "I'm", "I've").
_FIRST_PERSON = re.compile(
    r"(?:\b(?:jeg|jæ|eg|vi|me|meg|oss|mitt|min|mi|vår|vårt|våre|we|my|our)\b)"
    r"|(?:(?<![\w'])I(?:'m|'ve|’m|’ve)?(?![\w]))",
    re.IGNORECASE,
)
_CAPITAL_I_ONLY = re.compile(r"(?<![\w'])i(?:'m|'ve|’m|’ve)?(?![\w])")


def _has_first_person(clause: str) -> bool:
    for match in _FIRST_PERSON.finditer(clause):
        word = match.group(0)
        if word[0] == "i" and _CAPITAL_I_ONLY.fullmatch(word):
            continue  # Norwegian "i" (in), not English "I"
        return True
    return False


def own_family(text: Optional[str]) -> Optional[OrgFamily]:
    """The kind of applicant the writer says they themselves are, if any."""
    if not text:
        return None
    for clause in _CLAUSE_SPLIT.split(text):
        if clause and _has_first_person(clause):
            family = family_from_text(clause)
            if family is not None and family is not OrgFamily.UNKNOWN:
                return family
    return None

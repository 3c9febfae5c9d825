"""Yes / no / "vet ikke" answers in free text: bokmål, nynorsk, English, sloppy spelling.

The guided eligibility check asks yes/no questions and offers buttons, but people type
"jepp", "ja, det er me", "nei, ikkje", "usikker" or "tror ikke det". Rasa's affirm/deny intents
are a guess; the form reads the text itself with this small lexicon, so the answer is the same
whatever the classifier thought. No maintained library covers Norwegian yes/no answers.
"""
from __future__ import annotations

import re
from typing import Optional

from veileder.norsk import fold

YES = "ja"
NO = "nei"
UNKNOWN = "vet_ikke"

# Checked first: these contain "ikke"/"not" but mean "I don't know".
_UNKNOWN_PHRASES = (
    "vet ikke", "veit ikke", "vet ikkje", "veit ikkje", "vet ik", "vet ikk", "vet itte",
    "aner ikke", "aner ikkje", "ikke sikker", "ikkje sikker", "ikke godt a si", "usikker",
    "uvisst", "kanskje", "muligens", "kommer an pa", "det kjem an pa", "delvis", "tja", "hmm",
    "vanskelig a si", "vanskeleg a seie", "don t know", "dont know", "do not know", "not sure",
    "unsure", "maybe", "no idea", "i don t know", "idk", "vet ikke helt", "ikke helt sikker",
    "har ikke oversikt", "vet ikke om", "sjekke", "ma sjekke", "ma undersoke", "uklart",
)
_YES_WORDS = {
    "ja", "jo", "jepp", "japp", "jupp", "jada", "joda", "jaha", "jau", "yes", "yep", "yeah",
    "yup", "ok", "okei", "okay", "stemmer", "riktig", "korrekt", "absolutt", "selvsagt",
    "sjolvsagt", "sjølvsagt", "definitivt", "klart", "sure", "correct", "true", "visst", "javisst",
    "jaa", "jaaa", "j", "y",
}
_NO_WORDS = {
    "nei", "nope", "no", "nah", "nix", "neppe", "ikke", "ikkje", "ikkje", "aldri", "feil",
    "neida", "noi", "nai", "n", "not", "never", "false", "nej", "nee", "neg",
}
_NEGATIONS = {"ikke", "ikkje", "not", "aldri", "never", "ingen", "inga", "intet"}


def _words(text: str) -> str:
    """The folded words, one space between them. "aa" and "oe" stay: "noe" is not "no"."""
    return re.sub(r"[^a-z0-9]+", " ", fold(text, aa=False, oe=False)).strip()


def parse_answer(text: Optional[str]) -> Optional[str]:
    """``"ja"``, ``"nei"``, ``"vet_ikke"``, or None when the text is no such answer."""
    if not text:
        return None
    folded = _words(text)
    if not folded:
        return None
    if "?" in text and len(folded.split()) > 3:
        return None  # a question, not an answer
    padded = f" {folded} "
    if any(f" {phrase} " in padded for phrase in _UNKNOWN_PHRASES):
        return UNKNOWN
    words = folded.split()
    first = words[0]
    if first in _NO_WORDS:
        return NO
    if first in _YES_WORDS:
        # "ja, men det er vi ikke" is still a no only when a negation follows a verb;
        # keep it simple: a yes word first is a yes unless "ikke" follows right after.
        if len(words) > 1 and words[1] in _NEGATIONS:
            return NO
        return YES
    # "det er vi", "det gjør vi", "tror det" / "tror ikke det", "that's right"
    if first in {"det", "tror", "trur", "that", "we", "i", "vi", "me", "eg", "jeg", "absolutely"}:
        if any(w in _NEGATIONS for w in words) or "ikke" in words:
            return NO
        if len(words) <= 5:
            return YES
    return None

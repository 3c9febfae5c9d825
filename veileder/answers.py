"""Yes / no / "vet ikke" answers in free text: bokmål, nynorsk, English, sloppy spelling.

The guided eligibility check asks yes/no questions and offers buttons, but people type
"jepp", "ja, det er me", "nei, ikkje", "usikker" or "tror ikke det". Rasa's affirm/deny intents
are a guess; the form reads the text itself with this small lexicon, so the answer is the same
whatever the classifier thought. No maintained library covers Norwegian yes/no answers.

``parse_answer(text) -> Optional[str]``
    ``"ja"``, ``"nei"``, ``"vet_ikke"`` or None, from the words alone.
``read(field, text) -> Answer``
    The answer to the question of ``field`` (``veileder.eligibility.QUESTIONS``), read against
    that question:

    - a partial or hedged answer is no "no": "både og", "delvis", "litt av begge", "ca 50/50",
      "tror det, men må dobbeltsjekke", "jeg tror ikke det, men er usikker" are ``HEDGED``,
      stored as "vet ikke" (R10: the verdict names the question to settle);
    - a statement answers by its content (``veileder.eligibility.statements``): to "Ble
      virksomheten opprettet … og ikke for å drive industri eller forretning?" the answer "Vi
      driver sykehus, ikke noe kommersielt" is a yes, "vi driver kommersielt" a no;
    - shares of public funding, to the funding question: "ca 80 % fra staten" is a yes (mainly
      means more than half), "40 %" a no, "omtrent halvparten" or "50 %" ``HEDGED``.

    ``Answer.kind`` is ``YES``, ``NO``, ``UNKNOWN``, ``HEDGED`` or None (no answer);
    ``Answer.value`` is what the form stores (``HEDGED`` as ``UNKNOWN``); ``Answer.note`` is a
    sentence for the user when the answer was read as unsure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from veileder.eligibility.statements import public_share, stated_facts
from veileder.norsk import fold

YES = "ja"
NO = "nei"
UNKNOWN = "vet_ikke"
HEDGED = "usikker"

#: What the form says when it reads an answer as unsure.
HEDGED_NOTE = ("Det høres ut som dere ikke er helt sikre, så jeg noterer «vet ikke». Da tar jeg "
               "med spørsmålet i det dere bør avklare med Innovasjon Norge.")

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

# Partly yes, partly no.
_PARTIAL = re.compile(
    r"\b(?:delvis|til dels|bade og|baade og|begge deler|litt av begge|litt av hvert|litt av "
    r"kvart|ja og nei|nja|jein|halvt om halvt|partly|partially|in part|both|"
    r"somewhat|sort of|kind of|a bit of both|mixed|blanding|blanda|50 ?/ ?50|50 50|fifty fifty|"
    r"halvparten|half)\b")
# Leaning one way ...
_LEAN = re.compile(r"\b(?:tror|trur|antar|regner med|reknar med|trolig|truleg|sannsynligvis|"
                   r"sannsynlegvis|nok|vel|think|believe|probably|guess|assume|likely|"
                   r"formodentlig|i utgangspunktet)\b")
# ... but not sure.
_DOUBT = re.compile(r"\b(?:men|but|usikker|sjekke|dobbeltsjekke|dobbelsjekke|undersoke|bekrefte|"
                    r"not sure|unsure|ikke sikker|ikkje sikker|ikke helt|ikkje heilt|check|"
                    r"confirm|verify|vet ikke|veit ikkje|tror jeg|trur eg|i think)\b")
_PERCENT_OR_FRACTION = re.compile(r"\d\s*(?:%|prosent|percent|pst)|\b(?:halvparten|half|"
                                  r"tredjedel\w*|thirds?|fjerdedel\w*|quarters?|50 ?/ ?50|"
                                  r"det meste|mesteparten|storstedelen|mostly|the majority)\b")
_FUNDING_FIELDS = ("publicly_funded", "public_control")


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


@dataclass(frozen=True)
class Answer:
    """An answer to one of the form's questions (see :func:`read`)."""

    kind: Optional[str]

    @property
    def value(self) -> Optional[str]:
        """What the form stores: ``"ja"``, ``"nei"``, ``"vet_ikke"`` (also for ``HEDGED``)."""
        return UNKNOWN if self.kind == HEDGED else self.kind

    @property
    def note(self) -> Optional[str]:
        return HEDGED_NOTE if self.kind == HEDGED else None


def _hedged(folded: str) -> bool:
    if _PARTIAL.search(folded):
        return True
    return bool(_LEAN.search(folded) and _DOUBT.search(folded))


def read(field: str, text: Optional[str]) -> Answer:
    """The answer to the question of ``field`` in ``text`` (see the module docstring)."""
    if not text or not _words(text):
        return Answer(None)
    folded = _words(text)
    if field in _FUNDING_FIELDS and _PERCENT_OR_FRACTION.search(fold(text, oe=False)):
        share = public_share(text)
        if share is not None and share != 50.0:
            if share > 50.0:
                return Answer(YES)
            return Answer(NO if field == "publicly_funded" else HEDGED)
        if share == 50.0:
            return Answer(HEDGED)  # "mainly" is more than half
    if _hedged(f" {folded} "):
        return Answer(HEDGED)
    stated = stated_facts(text).get(field)
    if stated is not None:
        return Answer(YES if stated else NO)
    return Answer(parse_answer(text))

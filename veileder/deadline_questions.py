"""Questions about the deadline's state rather than a planned time: "Er fristen 16. april?"
asks what the deadline is, "Is the call still open?" and "Can we still submit a sketch?" ask
whether it has passed. Bokmål, nynorsk and English, read from the question sentence
(``veileder.polarity.yes_no_clause``)."""
from __future__ import annotations

import re
from typing import Optional

from veileder.eligibility import family_from_text
from veileder.polarity import yes_no_clause

__all__ = ["is_deadline_claim", "asks_if_open", "asks_who_it_is_open_to"]


def is_deadline_claim(text: Optional[str]) -> bool:
    """A yes/no question about the deadline's value ("Er fristen 16. april?", "Var fristen
    klokka 12?", "Is the deadline in April?"), not about a planned submission."""
    clause = yes_no_clause(text)
    return clause is not None and bool(_DEADLINE_SUBJECT.search(clause))


_DEADLINE_SUBJECT = re.compile(
    r"^\W*(?:er|var|blir|vart|gjekk|gikk|is|was|will)\s+(?:ikke\s+|ikkje\s+|not\s+)?"
    r"(?:(?:soknads|skisse|innleverings)?fristen|the\s+deadline|deadline)\b")


# "Is the call still open?", "Er utlysningen stengt?": the deadline's status
_CALL_SUBJECT = re.compile(r"\b(?:utlysning\w*|utlysing\w*|ordning\w*|(?:soknads|skisse)?frist\w*|"
                           r"skiss\w*|sketch\w*|"
                           r"the call|call|deadline|soknad\w*|applications?|it|den|ho|han|potten)\b")


def asks_who_it_is_open_to(text: Optional[str]) -> bool:
    """A yes/no question whether the call is open to a kind of body ("Is it open for private
    persons also?", "Er utlysinga open for stiftingar?"): a question about who may apply."""
    clause = yes_no_clause(text)
    return clause is not None and _open_to_someone(clause)


def _open_to_someone(clause: str) -> bool:
    open_to = _OPEN_TO.search(clause)
    return bool(open_to) and family_from_text(clause[open_to.end():]) is not None


def asks_if_open(text: Optional[str]) -> bool:
    """A yes/no question whether the call is still open or has closed ("Is the call still
    open?", "Er utlysningen fortsatt åpen?", "Har fristen gått ut?")."""
    clause = yes_no_clause(text)
    if clause is None:
        return False
    if _open_to_someone(clause):
        return False  # "Is it open for private persons also?" asks who may apply
    if _STILL_SEND.search(clause) or _SEND_NOW.search(clause) or _MAKE_IT.search(clause):
        return True
    if not _CALL_SUBJECT.search(clause):
        return False
    return bool(re.search(r"\b(?:rekker|rekk|rekke|make it|still time|passed|ended|over|apen|"
                          r"apent|open|opent|stengt|closed|expired|utlopt|utgatt|gatt ut|"
                          r"gikk ut|gjekk ut|still accepting|tar (?:fortsatt |framleis )?imot|"
                          r"fortsatt mulig|framleis mogleg|still possible)\b", clause))


# "Can we still submit a sketch?", "Kan me framleis sende inn skisse?"
_STILL_SEND = re.compile(r"\b(?:still|fortsatt|framleis|fremdeles|enno|enda)\s+(?:\w+\s+){0,2}?"
                         r"(?:submit|send|apply|hand in|soke|sokje|sende|levere|lever)\b")
_OPEN_TO = re.compile(r"\b(?:open|opne|ope|apen|apent|aapen)\s+(?:for|to|til)\b")
# "Kan me søkje no i desember?", "Can we apply now?": applying now, whether it has passed
_SEND_NOW = re.compile(r"\b(?:soke|sokje|soka|sende|sendast|sendes|levere|leverast|apply|submit|"
                       r"send)\b(?:\s+(?:inn|in|ei|en|et|a|the|skiss\w*|sketch\w*|soknad\w*)){0,3}"
                       r"\s+(?:na|naa|no|now|i dag|idag|today|i ar|this year|i desember|i haust|"
                       r"i host|for jul|before christmas)\b")
# "Rekker vi å søke før jul?", "Rekk me det?": in time, whether it has passed
_MAKE_IT = re.compile(r"^\W*(?:rekker|rekk|rakk|rekke)\s+(?:vi|me|dere|de|dykk|eg|jeg)\b")

"""The patterns of the date scanner (``veileder.dates``), built from the words in
``veileder.date_words``. Each pattern has a pass in the scanner that reads its groups.
"""
from __future__ import annotations

import re
from typing import Iterable

from veileder.date_words import (
    DEADLINE_DAY_WORDS,
    HALVES,
    HOUR_WORDS,
    MODES,
    MONTH_BY_NAME,
    NAMED_DAYS,
    NEGATION,
    NEXT_WEEK,
    NOW_WORDS,
    NUMBERS,
    PERIODS,
    QUALIFIER_HOUR_WORDS,
    RELATION_BY_WORD,
    RELATIVE_DAYS,
    UNITS,
    WEEKDAY_BY_NAME,
    WEEKDAY_BY_PREFIX,
    ZONES,
    normalise,
)


def _alt(words: Iterable[str], spaced: bool = False) -> str:
    """Regex alternation, longest first; with spaced=True a space may be missing or repeated."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(word)
        parts.append(escaped.replace(r"\ ", r"\s*") if spaced else escaped.replace(r"\ ", r"\s+"))
    return "(?:" + "|".join(parts) + ")"


_MONTH = _alt(MONTH_BY_NAME)
_WEEKDAY = _alt(WEEKDAY_BY_NAME)
_WEEKDAY_ABBR = _alt(WEEKDAY_BY_PREFIX)
_HOURW = _alt(HOUR_WORDS)
_NUMW = _alt(NUMBERS)
_UNIT = _alt(UNITS)
_AMPM = r"(?:\s*(?P<ap>[ap])\.?\s?m\b\.?)?"
_OCLOCK = r"(?:\s*o'?\s?clock\b)?"
_KL = r"\b(?:klokka|klokken|klokke|kloka|klokk|klk|kl)(?![a-z])\.?:?\s*"
_AFTER_BARE_HOUR = (  # what may follow "før 17" / "før fem" for it to be a time
    r"(?=\s*(?:$|[^\sa-z0-9]|(?:i|pa|om|og|eller|men|er|da|sa|hvis|dersom|if|on|at|in|the|this|"
    r"next|neste|samme|same|today|tomorrow|tonight|norsk|norwegian|utc|gmt|cet|cest|am|pm|"
    r"o'?clock|klokka|kl|tid|idag|imorgen|imorgon|" + _WEEKDAY + "|" + _MONTH + r")\b))"
)

def _pattern(regex: str) -> "re.Pattern[str]":
    return re.compile(regex)


ISO = _pattern(
    r"(?<![\d.])(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:(?:t|\s+)(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<z>z\b|[+-]\d{2}(?::?\d{2})?\b)?)?(?![\d])"
)
ZONE = _pattern(
    r"\b(?:utc|gmt)\s*(?P<sign>[+-])\s*(?P<oh>\d{1,2})(?::?(?P<om>\d{2}))?\b"
    r"|(?<=\s)(?P<sign2>[+-])(?P<oh2>\d{2}):?(?P<om2>\d{2})\b"
    r"|\b(?P<name>" + _alt(ZONES) + r")\b"
)
OFFSET = _pattern(
    r"\b(?P<pre>om|in|innen|innan|within)\s+"
    r"(?:(?:(?:en|ei|ein|et|eitt|a|an)\s+)?(?P<half>" + _alt(HALVES) + r")\b"
    r"|(?P<n1>\d{1,3}|" + _NUMW + r"|et|a|an)\s+(?P<u1>" + _UNIT + r")\b"
    r"(?:\s*(?:og|and|,)\s*(?P<n2>\d{1,3}|" + _NUMW + r"|et|a|an)\s+(?P<u2>" + _UNIT + r")\b)?)"
)
_AMOUNT = r"(?:\d{1,3}|" + _NUMW + r")"
MORE = _pattern(  # "tre timer til", "3 more hours", "another 2 hours"
    r"\b(?:(?P<n1>" + _AMOUNT + r")\s+(?P<u1>" + _UNIT + r")\s+til"
    r"|(?P<n2>" + _AMOUNT + r")\s+more\s+(?P<u2>" + _UNIT + r")"
    r"|another\s+(?P<n3>" + _AMOUNT + r")\s+(?P<u3>" + _UNIT + r"))\b"
)
_HOUR_TOKEN = r"(?:" + _HOURW + r"|\d{1,2})"
CLOCK_NB = _pattern(
    r"\b(?P<n>" + _NUMW + r"|kvart|\d{1,2})\s+(?:minutt(?:er)?\s+)?(?P<dir>over|pa)\s+"
    r"(?P<halv>halv\s+)?(?P<hw>" + _HOUR_TOKEN + r")(?![a-z\d])"
)
CLOCK_HALF = _pattern(r"\bhalv\s+(?P<hw>" + _HOUR_TOKEN + r")(?![a-z\d])")
CLOCK_EN = _pattern(
    r"\b(?P<n>" + _NUMW + r"|quarter|half|\d{1,2})\s+(?:minutes?\s+)?(?P<dir>past|to|after)\s+"
    r"(?P<hw>" + _HOUR_TOKEN + r")(?![a-z\d])"
)
KL = _pattern(
    _KL + r"(?:(?P<hhmm>\d{3,4})(?!\d)"
    r"|(?P<h>\d{1,2})(?:[.:](?P<m>\d{2})(?:[.:](?P<s>\d{2}))?)?(?![\d])"
    r"|(?P<hw>" + _HOURW + r")(?![a-z]))" + _AMPM + _OCLOCK
)
AT = _pattern(  # English "at 5", "at 4.30pm"; bare "at N" only where Norwegian "at" cannot be
    r"(?:\bat|@)\s*(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?(?![\d])" + _AMPM + _OCLOCK
    + r"(?=\s*(?:$|[,.?!;)]|on\b|tomorrow\b|today\b|tonight\b|utc\b|gmt\b|cet\b|cest\b|"
    r"norwegian\b|in\b|the\b|next\b|this\b))"
)
COLON = _pattern(
    r"(?<![\d:.])(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?(?![\d:])" + _AMPM
)
DATE_YEAR = _pattern(
    r"(?<![\d.:/])(?P<d>\d{1,2})(?P<s1>[./-])(?P<m>\d{1,2})(?P<s2>[./-])(?P<y>\d{4}|\d{2})"
    r"(?![\d]|[.:]\d)"
)
_ORDINAL = r"(?:\.|st\b|nd\b|rd\b|th\b|de\b)?"
DATE_TEXT = _pattern(
    r"\b(?P<d>\d{1,2})" + _ORDINAL + r"\s*(?:of\s+)?(?P<mon>" + _MONTH + r")\b\.?"
    r"(?:\s*,?\s*(?P<y>(?:19|20)\d{2})\b)?"
    r"|\b(?P<mon2>" + _MONTH + r")\b\.?\s*(?P<d2>\d{1,2})" + _ORDINAL
    + r"(?![\d:])(?:\s*,?\s*(?P<y2>(?:19|20)\d{2})\b)?"
)
TIDEN = _pattern(r"\b(?P<h>" + _HOUR_TOKEN + r")\s*-?\s*(?:tiden|tida|tia)\b")
AMPM = _pattern(
    r"(?:(?<![\d.:])(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?|\b(?P<hw>" + _HOURW + r"))"
    r"(?:\s*(?P<ap>[ap])\.?\s?m\b\.?|\s*o'?\s?clock\b)"
)
QUALIFIED = _pattern(
    r"\b(?:" + _alt(w for w in RELATION_BY_WORD if w != "at") + r")\.?\s+"
    r"(?:(?P<h>\d{1,2})(?![\d]|[.:/,-]\d)|(?P<hw>" + _alt(QUALIFIER_HOUR_WORDS) + r")\b)"
    + _AFTER_BARE_HOUR
)
NOON = _pattern(r"\b(?P<w>noon|midday|midnatt|midnight)\b")
SHORT_DATE = _pattern(
    r"(?<![\d.:/])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P<dot>\.(?!\d))?(?![\d:/]|\.\d)"
)
DAY_ONLY = _pattern(r"\b(?:den|the)\s+(?P<d>\d{1,2})(?:\.|st\b|nd\b|rd\b|th\b|e\b)(?!\s*\d)")
RELATIVE_DAY = _pattern(r"\b(?P<w>" + _alt(map(normalise, RELATIVE_DAYS), spaced=True) + r")\b")
NAMED_DAY = _pattern(r"(?<![\w.])(?P<w>" + _alt(NAMED_DAYS) + r")(?![\w])")
DEADLINE_DAY = _pattern(r"\b(?P<w>" + _alt(map(normalise, DEADLINE_DAY_WORDS)) + r")\b")
WEEKDAY = _pattern(
    r"\b(?:(?:pa|on)\s+)?(?:(?P<mode>" + _alt(MODES) + r")\s+)?(?P<wd>" + _WEEKDAY + r")(?:en)?\b"
    r"(?P<nw>\s+" + _alt(map(normalise, NEXT_WEEK)) + r"\b)?"
)
WEEKDAY_ABBR = _pattern(r"\b(?P<wd>" + _WEEKDAY_ABBR + r")\.?,?\s*(?=\d)")
PERIOD = _pattern(r"\b(?P<w>" + _alt(PERIODS) + r"|(?P<ap>[ap])\.m\.?)(?![a-z])")
NOW = _pattern(r"\b(?P<w>" + _alt(map(normalise, NOW_WORDS)) + r")\b")
RELATION_BEFORE = _pattern(r"\b(?P<q>" + _alt(RELATION_BY_WORD) + r")\.?\s*$")
NEGATION_BEFORE = _pattern(NEGATION + r"(?:\s+[a-z\-]+){0,3}\s*$")

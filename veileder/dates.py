"""Norwegian date and time expressions -> aware datetimes.

``parse_planned_time(text, now, default_year)`` finds the date/time expression in a chat message
("rekker vi det om vi sender inn skissen 16. april kl 16.40?") and returns a :class:`ParsedTime`.

Why not dateparser
------------------
Rasa 3.6's pins resolve dateparser 1.2.0. Probed with ``languages=["nb", "nn", "en"]``, it
returns None for the most common Norwegian forms ("16. april 2020 kl. 17.00", "16. april kl
16.40", "16/4 klokka 17", "i morgen kl 12", "på fredag", "i dag før fem", "om to dager",
"neste fredag", "i overmorgen"); where it does answer, it cannot say whether a time was given
("fredag" -> 00:00, "i morgon" -> tomorrow at the current clock time), it reads "16.04" as the
time 16:04 today, it silently accepts times that do not exist in the DST gap, and it picks
winter time for ambiguous autumn times. Since every answer about the deadline depends on exactly
those distinctions, the parser below is written by hand, table-driven, with no dateparser call.

What is understood (text is lower-cased; æ/ø/å may be written ae/o/a, aa; one typo is forgiven
in month and weekday names of five letters or more, e.g. "torsadg", "febuary")
------------------
* Dates: "16. april", "16 april 2020", "16.april", "16. apr.", "april 16th, 2020", "16th of April",
  "16.04.2020", "16.4.20", "16/4", "16/4-2020", "16-04-2020", "16.4", "16.4.", "2020-04-16",
  "den 16." (day in the current month). Month names in bokmål/nynorsk and English, with
  three-letter abbreviations and "sept".
* Relative dates: "i dag"/"idag", "i morgen"/"i morgon"/"i morra", "i overmorgen"/"i overmorgon",
  "i går", "i kveld", "i ettermiddag", "i formiddag", "today", "tomorrow", "tonight",
  "om to dager/dagar", "om ei veke", "in 3 days", weekdays ("fredag", "på fredag", "neste fredag",
  "forrige fredag", "fredag neste uke"; nynorsk måndag/tysdag/laurdag/sundag; English).
* Times: "kl 17", "kl. 17.00", "kl1700", "klokka 17", "klokken 16:45", "16:45", "17:00:30",
  "16.45" (see below), "5 pm", "4:30 pm", "five o'clock", "noon", "midnatt"/"midnight" (24.00:
  the end of the day), "halv fem", "kvart på fem", "ti over fire", "fem på halv fem",
  "half past four", "quarter to five", "17-tiden" (around), "før fem", "innen 17", "etter 12".
* Relative times: "om 2 timer og 15 minutter", "om en halvtime", "om et kvarter", "in 2 hours",
  "tre timer til", "3 more hours", "nå"/"now" (only when nothing else is found).
* Zones: "UTC", "GMT", "CET", "CEST", "norsk tid", "UTC+2", "+02:00", ISO offsets; the instant is
  converted to ``tz``.
* Named days in ``default_year``: "skjærtorsdag", "langfredag", "påskeaften", "2. påskedag",
  "kristi himmelfartsdag", "2. pinsedag", "julaften", "nyttårsaften", English "Easter Monday"...
  (Easter computed by :func:`easter_sunday`), and, when the caller passes ``deadline_day``,
  "fristdagen"/"siste dag"/"the deadline day".
* Relation words: "før"/"before" (strictly before), "innen"/"senest"/"by"/"ikke etter" (at or
  before), "etter"/"after", "ikke før"/"tidligst"/"not until" (at or after), "rundt"/"ca."/
  "around"/"17-tiden" (within 30 minutes either way). The word before the time counts, else the
  word before the date ("før fredag kl 12"). They are returned in ``ParsedTime.relation``;
  ``deadline.check_submission`` turns them into an interval.

Decisions
---------
* Hours 1-6 written without a leading zero and without a morning word ("kl 5", "fem",
  "halv fem", "16.4 kl 5", "5:30") mean the afternoon (17.00, 16.30, ...): nobody plans to submit
  a sketch at 05.00, and Norwegians say "klokka fem" for 17.00. "kl 05", "05:30" and "0530" are
  read literally, "i kveld"/"ettermiddag"/"pm" add 12 to hours 1-11, "om morgenen"/"tidlig"/
  "am" keep the hour. Hours 7-12 are read as written ("kl 8" is 08.00).
* "16.04" without "kl" is a date (16 April) unless the message already has a date, in which case
  it is the time 16.04. "16.45" (minutes > 12) and "17.00" are always times; "16.4" is always a
  date. "16/4" is a date; "4/16" (month > 12) is read the American way.
* A date without a year gets ``default_year`` (the deadline's year). "den 16." takes the month
  and year of ``now``. Dates outside 1900-2199 are reported as ``impossible_date``.
* "før" is folded to "foer", so it never meets the word "for" ("aiming for the 15th"); "for"
  itself means "før" only right before a clock time ("for fem", "for kl 17"), as typed without ø.
* A negation up to three words before "før"/"innen"/"etter" reverses it: "vi får ikke signert
  før fredag" is "from friday" (``relation="from"``), "vi rekker ikke innen torsdag" is "after".
  Not when "det" comes right before the negation ("er det ikke greit å sende før fem?").
* Bare weekdays and "på fredag" mean the nearest such day, today included; "neste fredag" the
  first one after today; "fredag neste uke" the Friday of next week; "forrige fredag" the last
  one before today. A weekday and a date in the same message must agree ("fredag 16. april 2020"
  is reported as ``weekday_mismatch``).
* Date only: ``when`` is the start of that day in ``tz``, ``has_time`` False. Time only: ``when``
  is that time today (so a zone can be converted), ``has_date`` False; the caller should ask for
  the day.
* Daylight saving: a local time in the spring gap ("29. mars 2020 kl 02.30" in Oslo) does not
  exist and gives ``error="nonexistent_time"``; a local time that occurs twice in autumn
  ("25. oktober 2020 kl 02.30") is the first occurrence (summer time, +02:00). Relative offsets
  ("om 2 timer") are elapsed time; relative days ("i morgen kl 12") are wall-clock time.
  Compare results as instants in UTC: by PEP 495, ``==`` between zones is False for such times.
* Several dates or times in one message: the first of each is used.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Callable, Dict, Iterable, List, Optional, Tuple
from zoneinfo import ZoneInfo

DEFAULT_TZ = "Europe/Oslo"

# --- Vocabulary: every name is written here once. --------------------------------------------
# Month number = position + 1. The first name is bokmål (also nynorsk) and is used for output.
MONTHS: Tuple[Tuple[str, ...], ...] = (
    ("januar", "january"),
    ("februar", "february"),
    ("mars", "march"),
    ("april",),
    ("mai", "may"),
    ("juni", "june"),
    ("juli", "july"),
    ("august",),
    ("september",),
    ("oktober", "october"),
    ("november",),
    ("desember", "december"),
)
# Position = datetime.weekday(). Bokmål first (used for output), then nynorsk, then English.
WEEKDAYS: Tuple[Tuple[str, ...], ...] = (
    ("mandag", "måndag", "monday"),
    ("tirsdag", "tysdag", "tuesday"),
    ("onsdag", "wednesday"),
    ("torsdag", "thursday"),
    ("fredag", "friday"),
    ("lørdag", "laurdag", "saturday"),
    ("søndag", "sundag", "sunday"),
)
MONTH_NAMES_NB: Tuple[str, ...] = tuple(names[0] for names in MONTHS)
WEEKDAY_NAMES_NB: Tuple[str, ...] = tuple(names[0] for names in WEEKDAYS)

NUMBER_WORDS: Dict[str, int] = {
    "en": 1, "ett": 1, "ein": 1, "eitt": 1, "ei": 1, "one": 1,
    "to": 2, "two": 2, "tre": 3, "three": 3, "fire": 4, "four": 4, "fem": 5, "five": 5,
    "seks": 6, "six": 6, "sju": 7, "syv": 7, "seven": 7, "åtte": 8, "eight": 8,
    "ni": 9, "nine": 9, "ti": 10, "ten": 10, "elleve": 11, "eleven": 11, "tolv": 12, "twelve": 12,
    "femten": 15, "fifteen": 15, "tjue": 20, "twenty": 20, "tretti": 30, "tredve": 30,
    "thirty": 30,
}
# Words for "one" that are too common to be read as an hour after "før"/"etter" ("før en uke").
_ARTICLES = {"en", "ei", "ein", "ett", "eitt", "et", "one", "a", "an"}

_RELATIVE_DAYS: Dict[str, Tuple[int, Optional[str]]] = {
    # phrase (spaces may be left out) -> (days from today, part of day)
    "i dag": (0, None), "today": (0, None),
    "i morgen": (1, None), "i morgon": (1, None), "i morra": (1, None),
    "tomorrow": (1, None), "tomorow": (1, None), "tmrw": (1, None),
    "i overmorgen": (2, None), "i overmorgon": (2, None), "overimorgen": (2, None),
    "day after tomorrow": (2, None),
    "i går": (-1, None), "yesterday": (-1, None),
    "i kveld": (0, "pm"), "tonight": (0, "pm"), "this evening": (0, "pm"),
    "i ettermiddag": (0, "pm"), "this afternoon": (0, "pm"),
    "i formiddag": (0, "am"), "i morges": (0, "am"), "this morning": (0, "am"),
}
_PERIOD_WORDS: Dict[str, str] = {
    "morgen": "am", "morgenen": "am", "morgon": "am", "morgonen": "am", "formiddag": "am",
    "formiddagen": "am", "tidlig": "am", "tidleg": "am", "morning": "am",
    "kveld": "pm", "kvelden": "pm", "ettermiddag": "pm", "ettermiddagen": "pm",
    "afternoon": "pm", "evening": "pm",
}
_DURATION_UNITS: Dict[str, str] = {
    "dag": "days", "dager": "days", "dagar": "days", "døgn": "days", "day": "days", "days": "days",
    "uke": "weeks", "uker": "weeks", "veke": "weeks", "veker": "weeks", "vekar": "weeks",
    "week": "weeks", "weeks": "weeks",
    "time": "hours", "timer": "hours", "timar": "hours", "hour": "hours", "hours": "hours",
    "minutt": "minutes", "minutter": "minutes", "minuttar": "minutes", "min": "minutes",
    "minute": "minutes", "minutes": "minutes", "mins": "minutes",
}
_HALF_HOUR_WORDS: Dict[str, int] = {
    "halvtime": 30, "halvtimen": 30, "half an hour": 30, "half hour": 30,
    "kvarter": 15, "quarter of an hour": 15, "quarter hour": 15,
}
# Relation words before a time or date.
_RELATIONS: Dict[str, str] = {
    "før": "before", "before": "before", "prior to": "before",
    "for": "before",  # "før" without ø; only read so right before a time ("for fem", "for kl 17")
    "innen": "by", "innan": "by", "senest": "by", "seinast": "by", "by": "by", "until": "by",
    "no later than": "by", "ikke senere enn": "by", "ikkje seinare enn": "by",
    "etter": "after", "after": "after", "senere enn": "after", "seinare enn": "after",
    "later than": "after",
    "tidligst": "from", "tidlegast": "from", "not until": "from", "no earlier than": "from",
    "earliest": "from",
    "rundt": "around", "ca": "around", "cirka": "around", "circa": "around",
    "omkring": "around", "omtrent": "around", "around": "around", "about": "around",
    "ved": "at", "at": "at",
}
# A negation shortly before a relation word reverses it: "vi får ikke signert før fredag" is
# "not until friday". Not after "det" ("er det ikke greit å sende før fem?" is a question).
_NEGATED = {"before": "from", "by": "after", "after": "by"}
_NEGATION = r"(?<!\bdet )\b(?:ikke|ikkje|not|never|aldri|[a-z]+n't)"
_WEEKDAY_MODES: Dict[str, str] = {
    "på": "nearest", "on": "nearest", "denne": "nearest", "this": "nearest",
    "kommende": "nearest", "førstkommende": "nearest", "førstkomande": "nearest",
    "coming": "nearest",
    "neste": "next", "next": "next",
    "forrige": "last", "sist": "last", "siste": "last", "last": "last",
}
# Named days in default_year: days from Easter Sunday, or a fixed (month, day).
_MOVABLE_DAYS: Dict[str, int] = {
    "skjærtorsdag": -3, "maundy thursday": -3,
    "langfredag": -2, "good friday": -2,
    "påskeaften": -1, "easter saturday": -1, "easter eve": -1,
    "påskedag": 0, "første påskedag": 0, "1. påskedag": 0, "easter sunday": 0, "easter day": 0,
    "andre påskedag": 1, "annen påskedag": 1, "2. påskedag": 1, "easter monday": 1,
    "kristi himmelfartsdag": 39, "himmelfartsdag": 39, "kristi himmelfart": 39,
    "ascension day": 39,
    "pinseaften": 48, "pinsedag": 49, "første pinsedag": 49, "1. pinsedag": 49,
    "whit sunday": 49, "andre pinsedag": 50, "annen pinsedag": 50, "2. pinsedag": 50,
    "whit monday": 50,
}
_FIXED_DAYS: Dict[str, Tuple[int, int]] = {
    "nyttårsdag": (1, 1), "første nyttårsdag": (1, 1), "new year's day": (1, 1),
    "arbeidernes dag": (5, 1), "grunnlovsdagen": (5, 17), "grunnlovsdag": (5, 17),
    "julaften": (12, 24), "julaftan": (12, 24), "christmas eve": (12, 24),
    "første juledag": (12, 25), "1. juledag": (12, 25), "juledag": (12, 25),
    "christmas day": (12, 25), "andre juledag": (12, 26), "2. juledag": (12, 26),
    "annen juledag": (12, 26), "boxing day": (12, 26),
    "nyttårsaften": (12, 31), "new year's eve": (12, 31),
}
# Words for the deadline's own day, understood when the caller passes deadline_day.
_DEADLINE_DAY_WORDS = ("fristdagen", "fristdag", "fristdato", "fristdatoen", "på fristen",
                       "siste dag", "siste dagen", "siste frist", "deadline day",
                       "the deadline", "the last day")
_NEXT_WEEK = ("neste uke", "neste veke", "i neste uke", "i neste veke", "next week")
_NOW_WORDS = ("nå", "med en gang", "med ein gong", "straks", "now", "right now", "immediately")
_ZONE_NAMES: Dict[str, str] = {
    "utc": "UTC", "gmt": "UTC", "cet": "+01:00", "cest": "+02:00", "bst": "+01:00",
    "norsk tid": DEFAULT_TZ, "norwegian time": DEFAULT_TZ, "oslo time": DEFAULT_TZ,
    "oslo-tid": DEFAULT_TZ, "london time": "Europe/London", "uk time": "Europe/London",
    "britisk tid": "Europe/London",
}
AROUND_MINUTES = 30  # "rundt 17" means within this many minutes either way
YEARS = range(1900, 2200)  # dates outside are reported as impossible (and cannot overflow)

# --- Folding: lower case, æøå -> ascii, so sloppy spelling matches the same patterns. ------------
_FOLD_TABLE = str.maketrans({
    "æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u",
    "–": "-", "—": "-", "’": "'", "\u00a0": " ",
})


def fold(text: str) -> str:
    """Lower-case, æ/ø/å -> ae/o/a, old 'aa' -> 'a', whitespace collapsed.

    "før" becomes "foer", not "for", so it stays apart from the word "for" ("aiming for the 15th").
    """
    folded = re.sub(r"\bf(?:ø|oe)r\b", "foer", text.lower())
    folded = folded.translate(_FOLD_TABLE).replace("aa", "a")
    return re.sub(r"\s+", " ", folded).strip()


def _folded_map(table: Dict[str, object]) -> Dict[str, object]:
    return {fold(key): value for key, value in table.items()}


_MONTH_BY_NAME: Dict[str, int] = {}
for _number, _names in enumerate(MONTHS, 1):
    for _name in map(fold, _names):
        _MONTH_BY_NAME[_name] = _number
        _MONTH_BY_NAME.setdefault(_name[:3], _number)  # jan, feb, mar, apr, okt/oct, des/dec ...
_MONTH_BY_NAME["sept"] = 9

_WEEKDAY_BY_NAME: Dict[str, int] = {
    fold(name): index for index, names in enumerate(WEEKDAYS) for name in names
}
_WEEKDAY_BY_PREFIX: Dict[str, int] = {  # "tor", "tors", "fre", "thu": only right before a date
    name[:length]: index
    for name, index in _WEEKDAY_BY_NAME.items()
    for length in range(3, len(name))
}
_NUMBERS: Dict[str, int] = _folded_map(NUMBER_WORDS)  # type: ignore[assignment]
_HOUR_WORDS = {word: n for word, n in _NUMBERS.items() if 1 <= n <= 12}
_QUALIFIER_HOUR_WORDS = {word: n for word, n in _HOUR_WORDS.items() if word not in _ARTICLES}
_RELATIVE: Dict[str, Tuple[int, Optional[str]]] = {
    fold(key).replace(" ", ""): value for key, value in _RELATIVE_DAYS.items()
}
_PERIODS: Dict[str, str] = _folded_map(_PERIOD_WORDS)  # type: ignore[assignment]
_UNITS: Dict[str, str] = _folded_map(_DURATION_UNITS)  # type: ignore[assignment]
_HALVES: Dict[str, int] = _folded_map(_HALF_HOUR_WORDS)  # type: ignore[assignment]
_RELATION_BY_WORD: Dict[str, str] = _folded_map(_RELATIONS)  # type: ignore[assignment]
_MODES: Dict[str, str] = _folded_map(_WEEKDAY_MODES)  # type: ignore[assignment]
_NAMED_DAYS: Dict[str, object] = {**_folded_map(_MOVABLE_DAYS), **_folded_map(_FIXED_DAYS)}
_ZONES: Dict[str, str] = _folded_map(_ZONE_NAMES)  # type: ignore[assignment]

# Typo repair: words of 5+ letters one edit away from these become them.
_FUZZY_TARGETS = sorted(
    {w for w in list(_MONTH_BY_NAME) + list(_WEEKDAY_BY_NAME) if len(w) >= 5}
    | {"imorgen", "imorgon", "overmorgen", "overmorgon"}
)
_FUZZY_STOP = {"fridag", "fridagen", "mandat", "mandatet", "mandal", "match", "marsj", "imorges"}


def _alt(words: Iterable[str], spaced: bool = False) -> str:
    """Regex alternation, longest first; with spaced=True a space may be missing or repeated."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(word)
        parts.append(escaped.replace(r"\ ", r"\s*") if spaced else escaped.replace(r"\ ", r"\s+"))
    return "(?:" + "|".join(parts) + ")"


_MONTH = _alt(_MONTH_BY_NAME)
_WEEKDAY = _alt(_WEEKDAY_BY_NAME)
_WEEKDAY_ABBR = _alt(_WEEKDAY_BY_PREFIX)
_HOURW = _alt(_HOUR_WORDS)
_NUMW = _alt(_NUMBERS)
_UNIT = _alt(_UNITS)
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


_P_ISO = _pattern(
    r"(?<![\d.])(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:(?:t|\s+)(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<z>z\b|[+-]\d{2}(?::?\d{2})?\b)?)?(?![\d])"
)
_P_ZONE = _pattern(
    r"\b(?:utc|gmt)\s*(?P<sign>[+-])\s*(?P<oh>\d{1,2})(?::?(?P<om>\d{2}))?\b"
    r"|(?<=\s)(?P<sign2>[+-])(?P<oh2>\d{2}):?(?P<om2>\d{2})\b"
    r"|\b(?P<name>" + _alt(_ZONES) + r")\b"
)
_P_OFFSET = _pattern(
    r"\b(?P<pre>om|in|innen|innan|within)\s+"
    r"(?:(?:(?:en|ei|ein|et|eitt|a|an)\s+)?(?P<half>" + _alt(_HALVES) + r")\b"
    r"|(?P<n1>\d{1,3}|" + _NUMW + r"|et|a|an)\s+(?P<u1>" + _UNIT + r")\b"
    r"(?:\s*(?:og|and|,)\s*(?P<n2>\d{1,3}|" + _NUMW + r"|et|a|an)\s+(?P<u2>" + _UNIT + r")\b)?)"
)
_AMOUNT = r"(?:\d{1,3}|" + _NUMW + r")"
_P_MORE = _pattern(  # "tre timer til", "3 more hours", "another 2 hours"
    r"\b(?:(?P<n1>" + _AMOUNT + r")\s+(?P<u1>" + _UNIT + r")\s+til"
    r"|(?P<n2>" + _AMOUNT + r")\s+more\s+(?P<u2>" + _UNIT + r")"
    r"|another\s+(?P<n3>" + _AMOUNT + r")\s+(?P<u3>" + _UNIT + r"))\b"
)
_HOUR_TOKEN = r"(?:" + _HOURW + r"|\d{1,2})"
_P_CLOCK_NB = _pattern(
    r"\b(?P<n>" + _NUMW + r"|kvart|\d{1,2})\s+(?:minutt(?:er)?\s+)?(?P<dir>over|pa)\s+"
    r"(?P<halv>halv\s+)?(?P<hw>" + _HOUR_TOKEN + r")(?![a-z\d])"
)
_P_CLOCK_HALF = _pattern(r"\bhalv\s+(?P<hw>" + _HOUR_TOKEN + r")(?![a-z\d])")
_P_CLOCK_EN = _pattern(
    r"\b(?P<n>" + _NUMW + r"|quarter|half|\d{1,2})\s+(?:minutes?\s+)?(?P<dir>past|to|after)\s+"
    r"(?P<hw>" + _HOUR_TOKEN + r")(?![a-z\d])"
)
_P_KL = _pattern(
    _KL + r"(?:(?P<hhmm>\d{3,4})(?!\d)"
    r"|(?P<h>\d{1,2})(?:[.:](?P<m>\d{2})(?:[.:](?P<s>\d{2}))?)?(?![\d])"
    r"|(?P<hw>" + _HOURW + r")(?![a-z]))" + _AMPM + _OCLOCK
)
_P_AT = _pattern(  # English "at 5", "at 4.30pm"; bare "at N" only where Norwegian "at" cannot be
    r"(?:\bat|@)\s*(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?(?![\d])" + _AMPM + _OCLOCK
    + r"(?=\s*(?:$|[,.?!;)]|on\b|tomorrow\b|today\b|tonight\b|utc\b|gmt\b|cet\b|cest\b|"
    r"norwegian\b|in\b|the\b|next\b|this\b))"
)
_P_COLON = _pattern(
    r"(?<![\d:.])(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?(?![\d:])" + _AMPM
)
_P_DATE_YEAR = _pattern(
    r"(?<![\d.:/])(?P<d>\d{1,2})(?P<s1>[./-])(?P<m>\d{1,2})(?P<s2>[./-])(?P<y>\d{4}|\d{2})"
    r"(?![\d]|[.:]\d)"
)
_ORDINAL = r"(?:\.|st\b|nd\b|rd\b|th\b|de\b)?"
_P_DATE_TEXT = _pattern(
    r"\b(?P<d>\d{1,2})" + _ORDINAL + r"\s*(?:of\s+)?(?P<mon>" + _MONTH + r")\b\.?"
    r"(?:\s*,?\s*(?P<y>(?:19|20)\d{2})\b)?"
    r"|\b(?P<mon2>" + _MONTH + r")\b\.?\s*(?P<d2>\d{1,2})" + _ORDINAL
    + r"(?![\d:])(?:\s*,?\s*(?P<y2>(?:19|20)\d{2})\b)?"
)
_P_TIDEN = _pattern(r"\b(?P<h>" + _HOUR_TOKEN + r")\s*-?\s*(?:tiden|tida|tia)\b")
_P_AMPM = _pattern(
    r"(?:(?<![\d.:])(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?|\b(?P<hw>" + _HOURW + r"))"
    r"(?:\s*(?P<ap>[ap])\.?\s?m\b\.?|\s*o'?\s?clock\b)"
)
_P_QUALIFIED = _pattern(
    r"\b(?:" + _alt(w for w in _RELATION_BY_WORD if w != "at") + r")\.?\s+"
    r"(?:(?P<h>\d{1,2})(?![\d]|[.:/,-]\d)|(?P<hw>" + _alt(_QUALIFIER_HOUR_WORDS) + r")\b)"
    + _AFTER_BARE_HOUR
)
_P_NOON = _pattern(r"\b(?P<w>noon|midday|midnatt|midnight)\b")
_P_SHORT_DATE = _pattern(
    r"(?<![\d.:/])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P<dot>\.(?!\d))?(?![\d:/]|\.\d)"
)
_P_DAY_ONLY = _pattern(r"\b(?:den|the)\s+(?P<d>\d{1,2})(?:\.|st\b|nd\b|rd\b|th\b|e\b)(?!\s*\d)")
_P_RELATIVE_DAY = _pattern(r"\b(?P<w>" + _alt(map(fold, _RELATIVE_DAYS), spaced=True) + r")\b")
_P_NAMED_DAY = _pattern(r"(?<![\w.])(?P<w>" + _alt(_NAMED_DAYS) + r")(?![\w])")
_P_DEADLINE_DAY = _pattern(r"\b(?P<w>" + _alt(map(fold, _DEADLINE_DAY_WORDS)) + r")\b")
_P_WEEKDAY = _pattern(
    r"\b(?:(?:pa|on)\s+)?(?:(?P<mode>" + _alt(_MODES) + r")\s+)?(?P<wd>" + _WEEKDAY + r")(?:en)?\b"
    r"(?P<nw>\s+" + _alt(map(fold, _NEXT_WEEK)) + r"\b)?"
)
_P_WEEKDAY_ABBR = _pattern(r"\b(?P<wd>" + _WEEKDAY_ABBR + r")\.?,?\s*(?=\d)")
_P_PERIOD = _pattern(r"\b(?P<w>" + _alt(_PERIODS) + r"|(?P<ap>[ap])\.m\.?)(?![a-z])")
_P_NOW = _pattern(r"\b(?P<w>" + _alt(map(fold, _NOW_WORDS)) + r")\b")
_P_RELATION_BEFORE = _pattern(r"\b(?P<q>" + _alt(_RELATION_BY_WORD) + r")\.?\s*$")
_P_NEGATION_BEFORE = _pattern(_NEGATION + r"(?:\s+[a-z\-]+){0,3}\s*$")


# --- Result -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ParsedTime:
    """A planned time found in a message.

    when      aware datetime in ``tz``; start of the day when only a date was given; that time
              today when only a time was given (``has_date`` False); None on error or no match.
    error     None, "not_a_date", "impossible_date", "impossible_time", "nonexistent_time"
              (in the DST gap) or "weekday_mismatch".
    detail    a Norwegian sentence explaining the error, for the answer.
    relation  "at", "before" (strictly), "by" (at or before), "after", "from" (at or after:
              "ikke før", "tidligst", "not until") or "around".
    zone      the zone the user named, as written in upper case ("UTC"), when not ``tz``.
    """

    when: Optional[datetime]
    has_date: bool
    has_time: bool
    error: Optional[str] = None
    detail: Optional[str] = None
    relation: str = "at"
    zone: Optional[str] = None


# --- Internal fragments -------------------------------------------------------------------------
@dataclass
class _DateFrag:
    pos: int
    day: Optional[date]
    detail: Optional[str] = None  # set when the date does not exist


@dataclass
class _TimeFrag:
    pos: int
    hour: int
    minute: int = 0
    second: int = 0
    bare: bool = False  # hour 1-6 written without a leading zero: afternoon
    ampm: Optional[str] = None
    relation: Optional[str] = None


@dataclass
class _MomentFrag:
    pos: int
    when: datetime


@dataclass
class _WeekdayFrag:
    pos: int
    weekday: int
    mode: str
    next_week: bool


def _within_one_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance <= 1 (one insertion, deletion, substitution or swap)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (len(diff) == 2 and diff[1] == diff[0] + 1
                and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    for i in range(len(long_)):
        if long_[:i] + long_[i + 1:] == short:
            return True
    return False


_KNOWN_WORDS = set(_FUZZY_TARGETS) | set(_MONTH_BY_NAME) | set(_WEEKDAY_BY_NAME) | set(_PERIODS)


def _repair_typos(text: str) -> str:
    def fix(match: "re.Match[str]") -> str:
        word = match.group(0)
        if word in _KNOWN_WORDS or word in _FUZZY_STOP:
            return word
        for target in _FUZZY_TARGETS:
            if _within_one_edit(word, target):
                return target
        return word

    return re.sub(r"[a-z]{5,}", fix, text)


def _month_name(month: int) -> str:
    return MONTH_NAMES_NB[month - 1]


def _make_date(year: int, month: int, day: int) -> Tuple[Optional[date], Optional[str]]:
    if year not in YEARS:
        return None, f"Året {year} kan ikke stemme for en innsending."
    if not 1 <= month <= 12:
        return None, f"Måned nummer {month} finnes ikke. Et år har 12 måneder."
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        name = _month_name(month)
        return None, (f"{day}. {name} {year} finnes ikke. "
                      f"{name.capitalize()} {year} har {days} dager.")
    return date(year, month, day), None


def _full_year(text: str) -> int:
    year = int(text)
    return 2000 + year if len(text) == 2 else year


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word]


def _durations(amounts: Iterable[Tuple[Optional[str], Optional[str]]]) -> Dict[str, int]:
    """[("to", "timer"), ("15", "minutter")] -> {"hours": 2, "minutes": 15}."""
    totals: Dict[str, int] = {}
    for n, unit in amounts:
        if n and unit:
            key = _UNITS[unit]
            totals[key] = totals.get(key, 0) + (1 if n in _ARTICLES else _number(n))
    return totals


def _zone_from_offset(sign: str, hours: str, minutes: Optional[str]) -> Tuple[tzinfo, str]:
    delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
    delta = -delta if sign == "-" else delta
    total = int(delta.total_seconds() // 60)
    sign_text = "-" if total < 0 else "+"
    label = f"UTC{sign_text}{abs(total) // 60:02d}:{abs(total) % 60:02d}"
    return timezone(delta), label


def _zone_from_name(name: str) -> tzinfo:
    if name == "UTC":
        return timezone.utc
    if name.startswith(("+", "-")):
        return _zone_from_offset(name[0], name[1:3], name[4:6])[0]
    return ZoneInfo(name)


def _exists(naive: datetime, zone: tzinfo) -> bool:
    """False for local times in the DST gap (they do not survive a round trip through UTC)."""
    aware = naive.replace(tzinfo=zone)
    return aware.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None) == naive


class _Scanner:
    """Finds fragments pass by pass; each pass masks what it consumed."""

    def __init__(self, text: str, now: datetime, default_year: int, zone: ZoneInfo,
                 deadline_day: Optional[date] = None):
        self.text = _repair_typos(fold(text))
        self.work = self.text
        self.now = now  # already in zone
        self.today = now.date()
        self.default_year = default_year
        self.deadline_day = deadline_day
        self.zone = zone
        self.dates: List[_DateFrag] = []
        self.times: List[_TimeFrag] = []
        self.moments: List[_MomentFrag] = []
        self.weekdays: List[_WeekdayFrag] = []
        self.now_pos: Optional[int] = None
        self.ambiguous: List[Tuple[int, str, int]] = []  # "16.04": (pos, "16", 4)
        self.user_zone: Optional[Tuple[tzinfo, str]] = None
        self.period: Optional[str] = None
        passes: List[Tuple["re.Pattern[str]", Callable[["re.Match[str]"], bool]]] = [
            (_P_ISO, self._iso),
            (_P_ZONE, self._zone),
            (_P_OFFSET, self._offset),
            (_P_MORE, self._more),
            (_P_NAMED_DAY, self._named_day),
            (_P_CLOCK_NB, self._clock_nb),
            (_P_CLOCK_HALF, self._clock_half),
            (_P_CLOCK_EN, self._clock_en),
            (_P_KL, self._kl),
            (_P_DATE_YEAR, self._date_year),
            (_P_DATE_TEXT, self._date_text),
            (_P_AT, self._kl),
            (_P_COLON, self._colon),
            (_P_TIDEN, self._tiden),
            (_P_AMPM, self._ampm),
            (_P_QUALIFIED, self._qualified),
            (_P_NOON, self._noon),
            (_P_SHORT_DATE, self._short_date),
            (_P_DAY_ONLY, self._day_only),
            (_P_RELATIVE_DAY, self._relative_day),
            (_P_DEADLINE_DAY, self._deadline_day),
            (_P_WEEKDAY, self._weekday),
            (_P_WEEKDAY_ABBR, self._weekday_abbr),
            (_P_PERIOD, self._period),
            (_P_NOW, self._now),
        ]
        for pattern, handler in passes:
            consumed = [m.span() for m in pattern.finditer(self.work) if handler(m)]
            for start, end in consumed:
                self.work = self.work[:start] + " " * (end - start) + self.work[end:]

    # -- passes: each returns True when it consumed its match --
    def _add_date(self, pos: int, year: int, month: int, day: int) -> None:
        value, detail = _make_date(year, month, day)
        self.dates.append(_DateFrag(pos, value, detail))

    def _iso(self, m: "re.Match[str]") -> bool:
        self._add_date(m.start(), int(m["y"]), int(m["mo"]), int(m["d"]))
        if m["h"]:
            self.times.append(_TimeFrag(m.start("h"), int(m["h"]), int(m["mi"]), int(m["s"] or 0)))
        if m["z"]:
            z = m["z"]
            self.user_zone = ((timezone.utc, "UTC") if z == "z"
                              else _zone_from_offset(z[0], z[1:3], z.replace(":", "")[3:5] or None))
        return True

    def _zone(self, m: "re.Match[str]") -> bool:
        if self.user_zone is not None:
            return True
        if m["name"]:
            key = re.sub(r"\s+", " ", m["name"])
            target = _ZONES[key]
            label = "norsk tid" if target == DEFAULT_TZ else key.upper()
            self.user_zone = (_zone_from_name(target), label)
        elif m["sign"]:
            self.user_zone = _zone_from_offset(m["sign"], m["oh"], m["om"])
        else:
            self.user_zone = _zone_from_offset(m["sign2"], m["oh2"], m["om2"])
        return True

    def _offset(self, m: "re.Match[str]") -> bool:
        """"om 2 timer og 15 minutter", "om to dager", "innen en uke", "om en halvtime"."""
        if m["half"]:
            self._add_offset(m.start("half"), {"minutes": _HALVES[re.sub(r"\s+", " ", m["half"])]})
        else:
            self._add_offset(m.start("n1"), _durations([(m["n1"], m["u1"]), (m["n2"], m["u2"])]))
        return True

    def _more(self, m: "re.Match[str]") -> bool:
        """"tre timer til" (three more hours), "3 more hours", "another 2 hours"."""
        for n, unit in (("n1", "u1"), ("n2", "u2"), ("n3", "u3")):
            if m[n]:
                self._add_offset(m.start(), _durations([(m[n], m[unit])]))
        return True

    def _add_offset(self, pos: int, totals: Dict[str, int]) -> None:
        if totals.get("hours") or totals.get("minutes"):  # elapsed time
            when = (self.now.astimezone(timezone.utc) + timedelta(**totals)).astimezone(self.zone)
            self.moments.append(_MomentFrag(pos, when))
        else:  # calendar days
            day = self.today + timedelta(days=totals.get("days", 0), weeks=totals.get("weeks", 0))
            self.dates.append(_DateFrag(pos, day))

    def _named_day(self, m: "re.Match[str]") -> bool:
        """Holidays: "2. påskedag", "langfredag", "julaften" in default_year."""
        rule = _NAMED_DAYS[re.sub(r"\s+", " ", m["w"])]
        year = self.default_year
        if isinstance(rule, int):
            if year in YEARS:
                self.dates.append(_DateFrag(m.start(), easter_sunday(year) + timedelta(days=rule)))
            else:
                self._add_date(m.start(), year, 1, 1)  # reports the year
        else:
            self._add_date(m.start(), year, *rule)
        return True

    def _deadline_day(self, m: "re.Match[str]") -> bool:
        if self.deadline_day is None:
            return False
        self.dates.append(_DateFrag(m.start(), self.deadline_day))
        return True

    def _hour_value(self, token: str) -> Tuple[int, bool]:
        """(hour, bare) for a digit string or number word."""
        if token.isdigit():
            return int(token), len(token) == 1
        return _NUMBERS[token], True

    def _clock(self, pos: int, hour_token: str, minute: int, previous_hour: bool = False) -> bool:
        """A 12-hour clock phrase: "ti over fire" (4.10), "halv fem" (previous hour: 4.30)."""
        hour, _ = self._hour_value(hour_token)
        if not (1 <= hour <= 12 and 0 <= minute <= 59):
            return False
        if previous_hour:
            hour = 12 if hour == 1 else hour - 1
        self.times.append(_TimeFrag(pos, hour, minute, bare=True))
        return True

    @staticmethod
    def _clock_minutes(word: str) -> Optional[int]:
        if word in ("kvart", "quarter"):
            return 15
        if word == "half":
            return 30
        value = _number(word)
        return value if 1 <= value <= 29 else None

    def _clock_nb(self, m: "re.Match[str]") -> bool:
        n = self._clock_minutes(m["n"])
        if n is None:
            return False
        if m["halv"]:  # "fem over halv fem" = 4.35, "fem på halv fem" = 4.25
            return self._clock(m.start(), m["hw"], 30 + n if m["dir"] == "over" else 30 - n, True)
        if m["dir"] == "over":
            return self._clock(m.start(), m["hw"], n)
        return self._clock(m.start(), m["hw"], 60 - n, True)

    def _clock_half(self, m: "re.Match[str]") -> bool:
        return self._clock(m.start(), m["hw"], 30, True)

    def _clock_en(self, m: "re.Match[str]") -> bool:
        n = self._clock_minutes(m["n"])
        if n is None:
            return False
        if m["dir"] == "to":
            return self._clock(m.start(), m["hw"], 60 - n, True)
        return self._clock(m.start(), m["hw"], n)

    def _kl(self, m: "re.Match[str]") -> bool:
        groups = m.groupdict()
        if groups.get("hhmm"):
            digits = m["hhmm"]
            hour_text, minute = digits[:-2], int(digits[-2:])
            hour, bare = int(hour_text), len(hour_text) == 1
            second = 0
        elif groups.get("hw"):
            hour, bare = self._hour_value(m["hw"])
            minute = second = 0
        else:
            hour, bare = self._hour_value(m["h"])
            minute = int(m["m"] or 0)
            second = int(groups.get("s") or 0)
        self.times.append(_TimeFrag(m.start(), hour, minute, second, bare, m["ap"]))
        return True

    def _colon(self, m: "re.Match[str]") -> bool:
        hour, bare = self._hour_value(m["h"])
        self.times.append(_TimeFrag(m.start(), hour, int(m["m"]), int(m["s"] or 0), bare, m["ap"]))
        return True

    def _date_year(self, m: "re.Match[str]") -> bool:
        s1, s2 = m["s1"], m["s2"]
        if not (s1 == s2 or (s1 == "/" and s2 == "-")):
            return False
        if s1 == "-" and len(m["y"]) != 4:
            return False
        day, month = int(m["d"]), int(m["m"])
        if s1 == "/" and month > 12 >= day:  # 4/16/2020: American order
            day, month = month, day
        self._add_date(m.start(), _full_year(m["y"]), month, day)
        return True

    def _date_text(self, m: "re.Match[str]") -> bool:
        day, name, year = (m["d"], m["mon"], m["y"]) if m["d"] else (m["d2"], m["mon2"], m["y2"])
        month = _MONTH_BY_NAME[name]
        self._add_date(m.start(), int(year) if year else self.default_year, month, int(day))
        return True

    def _tiden(self, m: "re.Match[str]") -> bool:
        hour, bare = self._hour_value(m["h"])
        self.times.append(_TimeFrag(m.start(), hour, 0, 0, bare, relation="around"))
        return True

    def _ampm(self, m: "re.Match[str]") -> bool:
        hour, bare = self._hour_value(m["h"] or m["hw"])
        self.times.append(_TimeFrag(m.start(), hour, int(m["m"] or 0), 0, bare, m["ap"]))
        return True

    def _qualified(self, m: "re.Match[str]") -> bool:
        token = m["h"] or m["hw"]
        hour, bare = self._hour_value(token)
        if hour > 24:
            return False
        pos = m.start("h") if m["h"] else m.start("hw")
        self.times.append(_TimeFrag(pos, hour, 0, 0, bare))
        return True

    def _noon(self, m: "re.Match[str]") -> bool:
        hour = 12 if m["w"] in ("noon", "midday") else 24
        self.times.append(_TimeFrag(m.start(), hour))
        return True

    def _short_date(self, m: "re.Match[str]") -> bool:
        a_text, b_text = m["a"], m["b"]
        a, b = int(a_text), int(b_text)
        if m["sep"] == "/":
            if b > 12 >= a:  # 4/16: American order
                a, b = b, a
            self._add_date(m.start(), self.default_year, b, a)
        elif len(b_text) == 1:  # "16.4": minutes always have two digits
            self._add_date(m.start(), self.default_year, b, a)
        elif b == 0 or b > 12:  # "17.00", "16.45": a time
            hour, bare = self._hour_value(a_text)
            self.times.append(_TimeFrag(m.start(), hour, b, 0, bare))
        elif m["dot"] or a > 23:  # "16.04.", "25.04"
            self._add_date(m.start(), self.default_year, b, a)
        else:  # "16.04": decided once all dates are known
            self.ambiguous.append((m.start(), a_text, b))
        return True

    def _day_only(self, m: "re.Match[str]") -> bool:
        self._add_date(m.start(), self.today.year, self.today.month, int(m["d"]))
        return True

    def _relative_day(self, m: "re.Match[str]") -> bool:
        offset, period = _RELATIVE[re.sub(r"\s+", "", m["w"])]
        self.dates.append(_DateFrag(m.start(), self.today + timedelta(days=offset)))
        if period and not self.period:
            self.period = period
        return True

    def _weekday(self, m: "re.Match[str]") -> bool:
        mode = _MODES.get(m["mode"] or "", "nearest")
        self.weekdays.append(_WeekdayFrag(m.start(), _WEEKDAY_BY_NAME[m["wd"]], mode,
                                          bool(m["nw"])))
        return True

    def _weekday_abbr(self, m: "re.Match[str]") -> bool:
        self.weekdays.append(_WeekdayFrag(m.start(), _WEEKDAY_BY_PREFIX[m["wd"]], "nearest", False))
        return True

    def _period(self, m: "re.Match[str]") -> bool:
        if not self.period:
            self.period = m["ap"] + "m" if m["ap"] else _PERIODS[m["w"]]
        return True

    def _now(self, m: "re.Match[str]") -> bool:
        if self.now_pos is None:
            self.now_pos = m.start()
        return True

    # -- resolution --
    def _resolve_ambiguous(self) -> None:
        """"16.04" is a date unless the message already has one; then it is the time 16.04."""
        for pos, a_text, b in self.ambiguous:
            if self.dates:
                hour, bare = self._hour_value(a_text)
                self.times.append(_TimeFrag(pos, hour, b, 0, bare))
            else:
                self._add_date(pos, self.default_year, b, int(a_text))

    def _weekday_date(self, frag: _WeekdayFrag) -> date:
        if frag.next_week:
            monday = self.today - timedelta(days=self.today.weekday()) + timedelta(weeks=1)
            return monday + timedelta(days=frag.weekday)
        ahead = (frag.weekday - self.today.weekday()) % 7
        if frag.mode == "next":
            return self.today + timedelta(days=ahead or 7)
        if frag.mode == "last":
            back = (self.today.weekday() - frag.weekday) % 7
            return self.today - timedelta(days=back or 7)
        return self.today + timedelta(days=ahead)

    def _hour(self, frag: _TimeFrag) -> Optional[int]:
        hour = frag.hour
        if frag.ampm:
            if not 1 <= hour <= 12:
                return None
            return (0 if hour == 12 else hour) + (12 if frag.ampm == "p" else 0)
        if self.period == "pm" and 1 <= hour <= 11:
            return hour + 12
        if self.period == "am":
            return hour
        if frag.bare and 1 <= hour <= 6:
            return hour + 12
        return hour

    def _relation(self, pos: int, own: Optional[str], of_time: bool = True) -> str:
        if own:
            return own
        found = _P_RELATION_BEFORE.search(self.text[:pos])
        if not found or (found["q"] == "for" and not of_time):
            return "at"
        relation = _RELATION_BY_WORD[re.sub(r"\s+", " ", found["q"])]
        if relation in _NEGATED and _P_NEGATION_BEFORE.search(self.text[:found.start()]):
            return _NEGATED[relation]
        return relation

    def result(self) -> ParsedTime:
        self._resolve_ambiguous()
        zone_label = self.user_zone[1] if self.user_zone else None
        dates = sorted(self.dates, key=lambda f: f.pos)
        times = sorted(self.times, key=lambda f: f.pos)
        weekdays = sorted(self.weekdays, key=lambda f: f.pos)
        if self.moments:
            moment = min(self.moments, key=lambda f: f.pos)
            return ParsedTime(moment.when, True, True,
                              relation=self._relation(moment.pos, None))
        if not (dates or times or weekdays):
            if self.now_pos is not None:
                return ParsedTime(self.now, True, True)
            return ParsedTime(None, False, False, "not_a_date",
                              "Jeg fant ingen dato eller klokkeslett i meldingen.")

        day: Optional[date] = None
        anchor_pos: Optional[int] = None
        if dates:
            first = dates[0]
            if first.day is None:
                return ParsedTime(None, True, bool(times), "impossible_date", first.detail)
            day, anchor_pos = first.day, first.pos
            if weekdays and weekdays[0].weekday != day.weekday():
                named = WEEKDAY_NAMES_NB[weekdays[0].weekday]
                actual = WEEKDAY_NAMES_NB[day.weekday()]
                return ParsedTime(
                    None, True, bool(times), "weekday_mismatch",
                    f"{day.day}. {_month_name(day.month)} {day.year} er en {actual}, "
                    f"ikke en {named}.")
        elif weekdays:
            day, anchor_pos = self._weekday_date(weekdays[0]), weekdays[0].pos

        date_relation = self._relation(anchor_pos, None, of_time=False) \
            if anchor_pos is not None else "at"
        if not times:
            assert day is not None
            start = datetime.combine(day, time(0), tzinfo=self.zone)
            return ParsedTime(start, True, False, relation=date_relation)

        frag = times[0]
        hour = self._hour(frag)
        valid = (hour is not None and 0 <= hour <= 24 and 0 <= frag.minute <= 59
                 and 0 <= frag.second <= 59 and not (hour == 24 and (frag.minute or frag.second)))
        if not valid:
            shown = f"{frag.hour:02d}.{frag.minute:02d}" + (f" {frag.ampm}m" if frag.ampm else "")
            return ParsedTime(None, day is not None, True, "impossible_time",
                              f"Klokkeslettet {shown} finnes ikke.")
        zone = self.user_zone[0] if self.user_zone else self.zone
        has_date = day is not None
        if day is None:
            day = self.now.astimezone(zone).date()
        extra_day = 0
        if hour == 24:
            hour, extra_day = 0, 1
        naive = datetime.combine(day + timedelta(days=extra_day),
                                 time(hour, frag.minute, frag.second))
        if not _exists(naive, zone):
            return ParsedTime(
                None, has_date, True, "nonexistent_time",
                f"Klokka {hour:02d}.{frag.minute:02d} finnes ikke {day.day}. "
                f"{_month_name(day.month)} {day.year}, fordi klokka ble stilt fram til sommertid "
                f"den natta.")
        when = naive.replace(tzinfo=zone).astimezone(self.zone)
        if zone_label and naive.replace(tzinfo=zone).utcoffset() == when.utcoffset():
            zone_label = None  # e.g. "+02:00" or CEST in summer: the same clock time as tz
        relation = self._relation(frag.pos, frag.relation)
        if relation == "at":  # "før fredag kl 12": the word before the date counts too
            relation = date_relation
        return ParsedTime(when, has_date, True, relation=relation, zone=zone_label)


def easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (Meeus/Jones/Butcher algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


def parse_planned_time(text: str, now: datetime, default_year: int, tz: str = DEFAULT_TZ,
                       deadline_day: Optional[date] = None) -> ParsedTime:
    """Find the planned date/time in ``text``, relative to the aware datetime ``now``.

    ``deadline_day``, when given, is what "fristdagen" / "siste dag" / "the deadline day" mean.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be an aware datetime (with a UTC offset)")
    zone = ZoneInfo(tz)
    return _Scanner(text or "", now.astimezone(zone), default_year, zone, deadline_day).result()

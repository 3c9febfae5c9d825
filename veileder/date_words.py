"""The words of Norwegian and English date and time expressions, for the date scanner
(``veileder.dates``). Every name is written here once, in the tables below; the lookups the
scanner uses are built from them with :func:`normalise`, the fold the scanner reads text with.

The bokmål names of months and weekdays (used for output) are ``veileder.norsk.MONTH_NAMES`` and
``WEEKDAY_NAMES``; the tables here add the nynorsk and English spellings. :func:`repair_typos`
forgives one typo in month and weekday names of five letters or more ("torsadg", "febuary").
"""
from __future__ import annotations

import re
from datetime import date, timedelta, timezone, tzinfo
from typing import Dict, Iterable, Optional, Tuple
from zoneinfo import ZoneInfo

from veileder.norsk import DEFAULT_TZ, MONTH_NAMES, WEEKDAY_NAMES, fold

# --- Vocabulary: every name is written here once. --------------------------------------------
# Month number = position + 1: the bokmål name (also nynorsk), then other spellings.
MONTHS: Tuple[Tuple[str, ...], ...] = tuple((name,) + other for name, other in zip(MONTH_NAMES, (
    ("january",), ("february",), ("march",), (), ("may",), ("june",), ("july",), (), (),
    ("october",), (), ("december",),
)))
# Position = datetime.weekday(): the bokmål name, then nynorsk, then English.
WEEKDAYS: Tuple[Tuple[str, ...], ...] = tuple((name,) + other for name, other in zip(
    WEEKDAY_NAMES, (("måndag", "monday"), ("tysdag", "tuesday"), ("wednesday",), ("thursday",),
                    ("friday",), ("laurdag", "saturday"), ("sundag", "sunday")),
))

NUMBER_WORDS: Dict[str, int] = {
    "en": 1, "ett": 1, "ein": 1, "eitt": 1, "ei": 1, "one": 1,
    "to": 2, "two": 2, "tre": 3, "three": 3, "fire": 4, "four": 4, "fem": 5, "five": 5,
    "seks": 6, "six": 6, "sju": 7, "syv": 7, "seven": 7, "åtte": 8, "eight": 8,
    "ni": 9, "nine": 9, "ti": 10, "ten": 10, "elleve": 11, "eleven": 11, "tolv": 12, "twelve": 12,
    "femten": 15, "fifteen": 15, "tjue": 20, "twenty": 20, "tretti": 30, "tredve": 30,
    "thirty": 30,
}
# Words for "one" that are too common to be read as an hour after "før"/"etter" ("før en uke").
ARTICLES = {"en", "ei", "ein", "ett", "eitt", "et", "one", "a", "an"}

RELATIVE_DAYS: Dict[str, Tuple[int, Optional[str]]] = {
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
PERIOD_WORDS: Dict[str, str] = {
    "morgen": "am", "morgenen": "am", "morgon": "am", "morgonen": "am", "formiddag": "am",
    "formiddagen": "am", "tidlig": "am", "tidleg": "am", "morning": "am",
    "kveld": "pm", "kvelden": "pm", "ettermiddag": "pm", "ettermiddagen": "pm",
    "afternoon": "pm", "evening": "pm",
}
DURATION_UNITS: Dict[str, str] = {
    "dag": "days", "dager": "days", "dagar": "days", "døgn": "days", "day": "days", "days": "days",
    "uke": "weeks", "uker": "weeks", "veke": "weeks", "veker": "weeks", "vekar": "weeks",
    "week": "weeks", "weeks": "weeks",
    "time": "hours", "timer": "hours", "timar": "hours", "hour": "hours", "hours": "hours",
    "minutt": "minutes", "minutter": "minutes", "minuttar": "minutes", "min": "minutes",
    "minute": "minutes", "minutes": "minutes", "mins": "minutes",
}
HALF_HOUR_WORDS: Dict[str, int] = {
    "halvtime": 30, "halvtimen": 30, "half an hour": 30, "half hour": 30,
    "kvarter": 15, "quarter of an hour": 15, "quarter hour": 15,
}
# Relation words before a time or date.
RELATIONS: Dict[str, str] = {
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
NEGATED = {"before": "from", "by": "after", "after": "by"}
NEGATION = r"(?<!\bdet )\b(?:ikke|ikkje|not|never|aldri|[a-z]+n't)"
WEEKDAY_MODES: Dict[str, str] = {
    "på": "nearest", "on": "nearest", "denne": "nearest", "this": "nearest",
    "kommende": "nearest", "førstkommende": "nearest", "førstkomande": "nearest",
    "coming": "nearest",
    "neste": "next", "next": "next",
    "forrige": "last", "sist": "last", "siste": "last", "last": "last",
}
# Named days in default_year: days from Easter Sunday, or a fixed (month, day).
MOVABLE_DAYS: Dict[str, int] = {
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
FIXED_DAYS: Dict[str, Tuple[int, int]] = {
    "nyttårsdag": (1, 1), "første nyttårsdag": (1, 1), "new year's day": (1, 1),
    "arbeidernes dag": (5, 1), "grunnlovsdagen": (5, 17), "grunnlovsdag": (5, 17),
    "julaften": (12, 24), "julaftan": (12, 24), "christmas eve": (12, 24),
    "første juledag": (12, 25), "1. juledag": (12, 25), "juledag": (12, 25),
    "christmas day": (12, 25), "andre juledag": (12, 26), "2. juledag": (12, 26),
    "annen juledag": (12, 26), "boxing day": (12, 26),
    "nyttårsaften": (12, 31), "new year's eve": (12, 31),
}
# Words for the deadline's own day, understood when the caller passes deadline_day.
DEADLINE_DAY_WORDS = ("fristdagen", "fristdag", "fristdato", "fristdatoen", "på fristen",
                       "siste dag", "siste dagen", "siste frist", "deadline day",
                       "the deadline", "the last day")
NEXT_WEEK = ("neste uke", "neste veke", "i neste uke", "i neste veke", "next week")
NOW_WORDS = ("nå", "med en gang", "med ein gong", "straks", "now", "right now", "immediately")
ZONE_NAMES: Dict[str, str] = {
    "utc": "UTC", "gmt": "UTC", "cet": "+01:00", "cest": "+02:00", "bst": "+01:00",
    "norsk tid": DEFAULT_TZ, "norwegian time": DEFAULT_TZ, "oslo time": DEFAULT_TZ,
    "oslo-tid": DEFAULT_TZ, "london time": "Europe/London", "uk time": "Europe/London",
    "britisk tid": "Europe/London",
}

# --- Folding: lower case, æøå -> ascii, so sloppy spelling matches the same patterns. ------------
_PUNCTUATION = str.maketrans({"–": "-", "—": "-", "’": "'"})


def normalise(text: str) -> str:
    """The text as the scanner reads it: folded (``veileder.norsk.fold``, keeping "oe"), old
    'aa' -> 'a', dashes and apostrophes plain, whitespace collapsed.

    "før" becomes "foer", not "for", so it stays apart from the word "for" ("aiming for the 15th").
    """
    marked = re.sub(r"\bf(?:ø|oe)r\b", "foer", text.lower())
    folded = fold(marked, oe=False).translate(_PUNCTUATION)
    return re.sub(r"\s+", " ", folded).strip()


def _folded_map(table: Dict[str, object]) -> Dict[str, object]:
    return {normalise(key): value for key, value in table.items()}


# --- Lookups: the tables as the scanner reads them (normalised) -------------------------------
MONTH_BY_NAME: Dict[str, int] = {}
for _number, _names in enumerate(MONTHS, 1):
    for _name in map(normalise, _names):
        MONTH_BY_NAME[_name] = _number
        MONTH_BY_NAME.setdefault(_name[:3], _number)  # jan, feb, mar, apr, okt/oct, des/dec ...
MONTH_BY_NAME["sept"] = 9

WEEKDAY_BY_NAME: Dict[str, int] = {
    normalise(name): index for index, names in enumerate(WEEKDAYS) for name in names
}
WEEKDAY_BY_PREFIX: Dict[str, int] = {  # "tor", "tors", "fre", "thu": only right before a date
    name[:length]: index
    for name, index in WEEKDAY_BY_NAME.items()
    for length in range(3, len(name))
}
NUMBERS: Dict[str, int] = _folded_map(NUMBER_WORDS)  # type: ignore[assignment]
HOUR_WORDS = {word: n for word, n in NUMBERS.items() if 1 <= n <= 12}
QUALIFIER_HOUR_WORDS = {word: n for word, n in HOUR_WORDS.items() if word not in ARTICLES}
RELATIVE: Dict[str, Tuple[int, Optional[str]]] = {
    normalise(key).replace(" ", ""): value for key, value in RELATIVE_DAYS.items()
}
PERIODS: Dict[str, str] = _folded_map(PERIOD_WORDS)  # type: ignore[assignment]
UNITS: Dict[str, str] = _folded_map(DURATION_UNITS)  # type: ignore[assignment]
HALVES: Dict[str, int] = _folded_map(HALF_HOUR_WORDS)  # type: ignore[assignment]
RELATION_BY_WORD: Dict[str, str] = _folded_map(RELATIONS)  # type: ignore[assignment]
MODES: Dict[str, str] = _folded_map(WEEKDAY_MODES)  # type: ignore[assignment]
NAMED_DAYS: Dict[str, object] = {**_folded_map(MOVABLE_DAYS), **_folded_map(FIXED_DAYS)}
ZONES: Dict[str, str] = _folded_map(ZONE_NAMES)  # type: ignore[assignment]

# Typo repair: words of 5+ letters one edit away from these become them.
_FUZZY_TARGETS = sorted(
    {w for w in list(MONTH_BY_NAME) + list(WEEKDAY_BY_NAME) if len(w) >= 5}
    | {"imorgen", "imorgon", "overmorgen", "overmorgon"}
)
_FUZZY_STOP = {"fridag", "fridagen", "mandat", "mandatet", "mandal", "match", "marsj", "imorges"}


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


_KNOWN_WORDS = set(_FUZZY_TARGETS) | set(MONTH_BY_NAME) | set(WEEKDAY_BY_NAME) | set(PERIODS)


def repair_typos(text: str) -> str:
    def fix(match: "re.Match[str]") -> str:
        word = match.group(0)
        if word in _KNOWN_WORDS or word in _FUZZY_STOP:
            return word
        for target in _FUZZY_TARGETS:
            if _within_one_edit(word, target):
                return target
        return word

    return re.sub(r"[a-z]{5,}", fix, text)


# --- Numbers, durations and zones written in words ----------------------------------------
def number(word: str) -> int:
    """A number written in digits or as a word ("to", "fem")."""
    return int(word) if word.isdigit() else NUMBERS[word]


def durations(amounts: Iterable[Tuple[Optional[str], Optional[str]]]) -> Dict[str, int]:
    """[("to", "timer"), ("15", "minutter")] -> {"hours": 2, "minutes": 15}."""
    totals: Dict[str, int] = {}
    for n, unit in amounts:
        if n and unit:
            key = UNITS[unit]
            totals[key] = totals.get(key, 0) + (1 if n in ARTICLES else number(n))
    return totals


def zone_from_offset(sign: str, hours: str, minutes: Optional[str]) -> Tuple[tzinfo, str]:
    """The zone of "+02:00" and how answers name it ("UTC+02:00")."""
    delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
    delta = -delta if sign == "-" else delta
    total = int(delta.total_seconds() // 60)
    sign_text = "-" if total < 0 else "+"
    label = f"UTC{sign_text}{abs(total) // 60:02d}:{abs(total) % 60:02d}"
    return timezone(delta), label


def zone_from_name(name: str) -> tzinfo:
    """The zone of a value in ``ZONES``: "UTC", an offset "+01:00" or a zone name."""
    if name == "UTC":
        return timezone.utc
    if name.startswith(("+", "-")):
        return zone_from_offset(name[0], name[1:3], name[4:6])[0]
    return ZoneInfo(name)


def easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (Meeus/Jones/Butcher algorithm); the days in
    ``MOVABLE_DAYS`` count from it."""
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

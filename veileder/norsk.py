"""Norwegian language helpers, each in one place: folding text for matching, lists, the names of
months and weekdays, and dates, times and durations as the answers write them.

Pure functions with no locale dependency. The sentences about the call live with their rules
(``veileder.deadline.deadline_sentence``, ``veileder.eligibility.wording``); this module has the
pieces they are built from.

``fold(text, *, aa=True, oe=True)``
    The one fold for matching words: NFKC, lower case, æ/ø/å to ae/o/a, other accents dropped,
    and (unless turned off) the typed spellings "aa" and "oe" to "a" and "o". The recogniser of
    applicants and the asker use it as it is; the yes/no reader (``veileder.answers``) keeps "aa"
    and "oe" ("noe" is not "no"); the date scanner (``veileder.date_words.normalise``) keeps "oe"
    because it writes "før" as "foer", apart from "for".
``bullet_list(items)``, ``join_words(words, last="og")``
    "• a\\n• b" and "a, b og c".
``MONTH_NAMES``, ``WEEKDAY_NAMES``; ``month_names(lang)``, ``weekday_names(lang)``
    Bokmål names, January and Monday first (``datetime.weekday()`` order); the names in a given
    standard (nynorsk "måndag", "tysdag", …; English "Monday", "January", …).
``format_date(day, weekday=True)``, ``format_clock(dt)``, ``format_datetime(dt, tz)``,
``zone_label(tz)``, ``humanize_remaining(td)``
    "torsdag 16. april 2020" (or "16. april 2020"), "17.00", "torsdag 16. april 2020 kl. 17.00",
    "norsk tid", "3 dager og 4 timer". Each takes ``lang`` ("nb", the default, "nn" or "en"):
    nynorsk "3 dagar og 4 timar"; English "Thursday 16 April 2020 at 17:00", "Norwegian time",
    "3 days and 4 hours".
"""
from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta
from typing import Any, Iterable, Tuple
from zoneinfo import ZoneInfo

#: The zone "norsk tid" means.
DEFAULT_TZ = "Europe/Oslo"
_ZONE_LABELS = {DEFAULT_TZ: "norsk tid"}
_ZONE_LABELS_EN = {DEFAULT_TZ: "Norwegian time"}

#: Month names in bokmål (also nynorsk), January first.
MONTH_NAMES: Tuple[str, ...] = ("januar", "februar", "mars", "april", "mai", "juni", "juli",
                                "august", "september", "oktober", "november", "desember")
#: Weekday names in bokmål, Monday first (the order of ``datetime.weekday()``).
WEEKDAY_NAMES: Tuple[str, ...] = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag",
                                  "søndag")
#: Weekday names in nynorsk (the months are the same as in bokmål).
WEEKDAY_NAMES_NN: Tuple[str, ...] = ("måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag",
                                     "sundag")
MONTH_NAMES_EN: Tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July",
                                   "August", "September", "October", "November", "December")
WEEKDAY_NAMES_EN: Tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                     "Saturday", "Sunday")


def month_names(lang: str = "nb") -> Tuple[str, ...]:
    """The month names in ``lang``, January first."""
    return pick(lang, nb=MONTH_NAMES, nn=MONTH_NAMES, en=MONTH_NAMES_EN)


def weekday_names(lang: str = "nb") -> Tuple[str, ...]:
    """The weekday names in ``lang``, Monday first."""
    return pick(lang, nb=WEEKDAY_NAMES, nn=WEEKDAY_NAMES_NN, en=WEEKDAY_NAMES_EN)


def pick(lang: str, *, nb: Any, nn: Any, en: Any) -> Any:
    """One of three values by language code, bokmål for any other code (``veileder.i18n.pick``
    without the locale names: ``veileder.i18n`` imports this module)."""
    return {"nn": nn, "en": en}.get(lang, nb)


# --- Folding ------------------------------------------------------------------------------------
def fold(text: str, *, aa: bool = True, oe: bool = True) -> str:
    """Lower case, æ/ø/å as ae/o/a, other accents dropped; 'aa' -> 'a' and 'oe' -> 'o' unless
    turned off. The same fold on both sides of a comparison."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    if aa:
        text = text.replace("aa", "a")
    if oe:
        text = text.replace("oe", "o")
    return text


# --- Lists --------------------------------------------------------------------------------------
def bullet_list(items: Iterable[str]) -> str:
    """One line per item, each after a bullet: "• a\\n• b"."""
    return "\n".join(f"• {item}" for item in items)


def join_words(words: Iterable[str], last: str = "og") -> str:
    """"a", "a og b", "a, b og c" (``last`` is the word before the last item)."""
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {last} " + words[-1]


# --- Amounts ----------------------------------------------------------------------------------
def amount_text(kroner: int, lang: str = "nb") -> str:
    """"75 millioner kroner" (nynorsk "75 millionar kroner", English "NOK 75 million"); other
    amounts with digit grouping."""
    millions, rest = divmod(kroner, 1_000_000)
    if not rest:
        if lang == "en":
            return f"NOK {millions} million"
        plural = "millionar" if lang == "nn" else "millioner"
        return f"{millions} {'million' if millions == 1 else plural} kroner"
    if lang == "en":
        return f"NOK {kroner:,}"
    return f"{kroner:,} kroner".replace(",", "\u00a0")


# --- Dates and times ----------------------------------------------------------------------------
def zone_label(tz: str, lang: str = "nb") -> str:
    """How answers name a zone: "norsk tid" for Europe/Oslo (English "Norwegian time")."""
    return pick(lang, nb=_ZONE_LABELS, nn=_ZONE_LABELS, en=_ZONE_LABELS_EN).get(tz, tz)


def format_clock(dt: datetime, lang: str = "nb") -> str:
    """"17.00", or "17.00.30" when there are seconds (the clock as it stands in dt's zone);
    English "17:00"."""
    sep = ":" if lang == "en" else "."
    text = f"{dt.hour:02d}{sep}{dt.minute:02d}"
    return text + f"{sep}{dt.second:02d}" if dt.second else text


def format_date(day: date, *, weekday: bool = True, lang: str = "nb") -> str:
    """"torsdag 16. april 2020"; "16. april 2020" with ``weekday=False``; English
    "Thursday 16 April 2020"."""
    months = month_names(lang)
    if lang == "en":
        text = f"{day.day} {months[day.month - 1]} {day.year}"
    else:
        text = f"{day.day}. {months[day.month - 1]} {day.year}"
    return f"{weekday_names(lang)[day.weekday()]} {text}" if weekday else text


def format_datetime(dt: datetime, tz: str = DEFAULT_TZ, lang: str = "nb") -> str:
    """"torsdag 16. april 2020 kl. 17.00" for an aware datetime, shown in ``tz``; English
    "Thursday 16 April 2020 at 17:00"."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"dt must be an aware datetime (with a UTC offset), got {dt!r}")
    local = dt.astimezone(ZoneInfo(tz))
    at = "at" if lang == "en" else "kl."
    return f"{format_date(local.date(), lang=lang)} {at} {format_clock(local, lang)}"


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


#: (singular, plural) of day, hour and minute; the text under one minute; the word "and".
_UNITS = {
    "nb": (("dag", "dager"), ("time", "timer"), ("minutt", "minutter"), "under ett minutt", "og"),
    "nn": (("dag", "dagar"), ("time", "timar"), ("minutt", "minutt"), "under eitt minutt", "og"),
    "en": (("day", "days"), ("hour", "hours"), ("minute", "minutes"), "less than a minute", "and"),
}


def humanize_remaining(td: timedelta, lang: str = "nb") -> str:
    """"3 dager og 4 timer", "2 timer og 15 minutter", "1 dag", "under ett minutt"; nynorsk
    "3 dagar og 4 timar", "under eitt minutt"; English "3 days and 4 hours", "less than a minute".

    Rounded down: the answer never promises more time than there is. Days are shown with
    hours, hours with minutes.
    """
    if td < timedelta(0):
        raise ValueError("remaining time cannot be negative")
    day, hour, minute, under, and_ = pick(lang, nb=_UNITS["nb"], nn=_UNITS["nn"], en=_UNITS["en"])
    minutes_total = int(td.total_seconds() // 60)
    if minutes_total < 1:
        return under
    days, rest = divmod(minutes_total, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        parts = [_plural(days, *day)]
        parts += [_plural(hours, *hour)] if hours else []
    elif hours:
        parts = [_plural(hours, *hour)]
        parts += [_plural(minutes, *minute)] if minutes else []
    else:
        parts = [_plural(minutes, *minute)]
    return f" {and_} ".join(parts)

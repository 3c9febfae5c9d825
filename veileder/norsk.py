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
``MONTH_NAMES``, ``WEEKDAY_NAMES``
    Bokmål names, January and Monday first (``datetime.weekday()`` order).
``format_date(day, weekday=True)``, ``format_clock(dt)``, ``format_datetime(dt, tz)``,
``zone_label(tz)``, ``humanize_remaining(td)``
    "torsdag 16. april 2020" (or "16. april 2020"), "17.00", "torsdag 16. april 2020 kl. 17.00",
    "norsk tid", "3 dager og 4 timer".
"""
from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta
from typing import Iterable, Tuple
from zoneinfo import ZoneInfo

#: The zone "norsk tid" means.
DEFAULT_TZ = "Europe/Oslo"
_ZONE_LABELS = {DEFAULT_TZ: "norsk tid"}

#: Month names in bokmål (also nynorsk), January first.
MONTH_NAMES: Tuple[str, ...] = ("januar", "februar", "mars", "april", "mai", "juni", "juli",
                                "august", "september", "oktober", "november", "desember")
#: Weekday names in bokmål, Monday first (the order of ``datetime.weekday()``).
WEEKDAY_NAMES: Tuple[str, ...] = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag",
                                  "søndag")


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
def zone_label(tz: str) -> str:
    """How answers name a zone: "norsk tid" for Europe/Oslo."""
    return _ZONE_LABELS.get(tz, tz)


def format_clock(dt: datetime) -> str:
    """"17.00", or "17.00.30" when there are seconds (the clock as it stands in dt's zone)."""
    text = f"{dt.hour:02d}.{dt.minute:02d}"
    return text + f".{dt.second:02d}" if dt.second else text


def format_date(day: date, *, weekday: bool = True) -> str:
    """"torsdag 16. april 2020"; "16. april 2020" with ``weekday=False``."""
    text = f"{day.day}. {MONTH_NAMES[day.month - 1]} {day.year}"
    return f"{WEEKDAY_NAMES[day.weekday()]} {text}" if weekday else text


def format_datetime(dt: datetime, tz: str = DEFAULT_TZ) -> str:
    """"torsdag 16. april 2020 kl. 17.00" for an aware datetime, shown in ``tz``."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"dt must be an aware datetime (with a UTC offset), got {dt!r}")
    local = dt.astimezone(ZoneInfo(tz))
    return f"{format_date(local.date())} kl. {format_clock(local)}"


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def humanize_remaining(td: timedelta) -> str:
    """"3 dager og 4 timer", "2 timer og 15 minutter", "1 dag", "under ett minutt".

    Rounded down: the answer never promises more time than there is. Days are shown with
    hours, hours with minutes.
    """
    if td < timedelta(0):
        raise ValueError("remaining time cannot be negative")
    minutes_total = int(td.total_seconds() // 60)
    if minutes_total < 1:
        return "under ett minutt"
    days, rest = divmod(minutes_total, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        parts = [_plural(days, "dag", "dager")]
        parts += [_plural(hours, "time", "timer")] if hours else []
    elif hours:
        parts = [_plural(hours, "time", "timer")]
        parts += [_plural(minutes, "minutt", "minutter")] if minutes else []
    else:
        parts = [_plural(minutes, "minutt", "minutter")]
    return " og ".join(parts)

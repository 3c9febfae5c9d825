"""When advisers are at work, and when one will next see a message.

Pure functions: the clock (``now``, an aware datetime) and the hours are arguments. The hours
come from the settings (``ASSISTANT_OPENING_HOURS``, default ``08:00-16:00``, Monday to Friday,
in ``ASSISTANT_OFFICE_TIMEZONE``, default Europe/Oslo); the adapters build them with
:func:`opening_hours`.

Advisers work Monday to Friday, except Norwegian public holidays as the ``holidays`` package
knows them (``holidays.Norway``: nyttårsdag, skjærtorsdag, langfredag, påskedagene, 1. mai,
Kristi himmelfartsdag, pinsedagene, 17. mai, juledagene; Sundays are asked for without,
``include_sundays=False``, since weekends are closed anyway). Christmas Eve and New Year's Eve
are not public holidays and count as working days.

``next_at_work(now, hours)``
    ``now`` when an adviser is at work, else the next opening (an aware datetime in the office's
    zone).
``availability_sentence(now, hours, lang="nb")``
    A short text for the user who leaves a question, in bokmål ("Kontoret er stengt nå. En
    rådgiver ser på meldingen din tirsdag 30. mars fra kl. 08.00."), nynorsk ("… Ein rådgjevar
    ser på meldinga di tysdag 30. mars frå kl. 08.00.") or English ("… An adviser will look at
    your message on Tuesday 30 March from 08:00.").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import FrozenSet, Optional, Tuple
from zoneinfo import ZoneInfo

import holidays

from veileder.i18n import Tekst
from veileder.norsk import DEFAULT_TZ, format_clock, month_names, weekday_names

DEFAULT_HOURS = "08:00-16:00"
WORKDAYS: FrozenSet[int] = frozenset(range(5))  # Monday to Friday (datetime.weekday())

_HOURS = re.compile(r"^\s*(\d{1,2})(?:[:.](\d{2}))?\s*[-–]\s*(\d{1,2})(?:[:.](\d{2}))?\s*$")


def parse_hours(text: str) -> Tuple[time, time]:
    """"08:00-16:00" (also "8-16", "08.00–16.00") -> (08:00, 16:00).

    Raises ValueError with a Norwegian and English message when it is not a range of two
    times of day with the first before the second.
    """
    match = _HOURS.match(text or "")
    problem = (f"{text!r} er ikke et tidsrom som 08:00-16:00 / is not a range of hours such as "
               f"08:00-16:00")
    if not match:
        raise ValueError(problem)
    h1, m1, h2, m2 = (int(g) if g else 0 for g in match.groups())
    try:
        opens, closes = time(h1, m1), time(h2, m2)
    except ValueError:
        raise ValueError(problem) from None
    if opens >= closes:
        raise ValueError(f"{text!r}: åpningstiden må begynne før den slutter / the opening "
                         f"must come before the closing")
    return opens, closes


@dataclass(frozen=True)
class OpeningHours:
    """Advisers' hours on a working day, in the office's time zone."""

    opens: time = time(8, 0)
    closes: time = time(16, 0)
    tz: str = DEFAULT_TZ
    workdays: FrozenSet[int] = field(default=WORKDAYS)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)


def opening_hours(text: str = DEFAULT_HOURS, tz: str = DEFAULT_TZ) -> OpeningHours:
    """The hours from the settings' text ("08:00-16:00") and zone."""
    opens, closes = parse_hours(text)
    return OpeningHours(opens=opens, closes=closes, tz=tz)


@lru_cache(maxsize=32)
def _public_holidays(year: int, language: str = "no") -> holidays.HolidayBase:
    return holidays.Norway(years=year, include_sundays=False, language=language)


# The holidays package names Norway's holidays in bokmål and American English; the nynorsk names
# are the bokmål ones except these, and "Labor Day" is written the British way.
_NYNORSK_HOLIDAYS = {"Arbeidernes dag": "Arbeidarane sin dag"}
_ENGLISH_HOLIDAYS = {"Labor Day": "Labour Day"}


def holiday_name(day: date, lang: str = "nb") -> Optional[str]:
    """The public holiday's name ("Langfredag", "Andre pinsedag og Grunnlovsdag"; nynorsk
    "Arbeidarane sin dag"; English "Whit Monday and Constitution Day"), or None."""
    english = lang == "en"
    name = _public_holidays(day.year, "en_US" if english else "no").get(day)
    if not name:
        return None
    renamed = _ENGLISH_HOLIDAYS if english else _NYNORSK_HOLIDAYS if lang == "nn" else {}
    parts = [renamed.get(p.strip(), p.strip()) for p in name.split(";")]
    return (" and " if english else " og ").join(parts)


def is_working_day(day: date, hours: OpeningHours = OpeningHours()) -> bool:
    return day.weekday() in hours.workdays and holiday_name(day) is None


def _local(now: datetime, hours: OpeningHours) -> datetime:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"now must be an aware datetime (with a UTC offset), got {now!r}")
    return now.astimezone(hours.zone)


def is_open(now: datetime, hours: OpeningHours = OpeningHours()) -> bool:
    """Whether an adviser is at work at ``now``."""
    local = _local(now, hours)
    return is_working_day(local.date(), hours) and hours.opens <= local.time() < hours.closes


def next_at_work(now: datetime, hours: OpeningHours = OpeningHours()) -> datetime:
    """``now`` (in the office's zone) when an adviser is at work, else the next opening."""
    local = _local(now, hours)
    if is_open(local, hours):
        return local
    day = local.date()
    if not (is_working_day(day, hours) and local.time() < hours.opens):
        day += timedelta(days=1)
        while not is_working_day(day, hours):
            day += timedelta(days=1)
    return datetime.combine(day, hours.opens, tzinfo=hours.zone)


TODAY = Tekst(nb="i dag", nn="i dag", en="today")
TOMORROW = Tekst(nb="i morgen", nn="i morgon", en="tomorrow")
OPEN = Tekst(
    nb="Kontoret er åpent til kl. {closes} i dag. En rådgiver ser på meldingen din så snart som "
       "mulig.",
    nn="Kontoret er ope til kl. {closes} i dag. Ein rådgjevar ser på meldinga di så snart som "
       "mogleg.",
    en="The office is open until {closes} today. An adviser will look at your message as soon "
       "as possible.")
CLOSED_NOW = Tekst(nb="Kontoret er stengt nå.", nn="Kontoret er stengt no.",
                   en="The office is closed now.")
CLOSED_TODAY = Tekst(nb="Kontoret er stengt i dag ({holiday}).",
                     nn="Kontoret er stengt i dag ({holiday}).",
                     en="The office is closed today ({holiday}).")
SEEN_WHEN = Tekst(
    nb="{closed} En rådgiver ser på meldingen din {when} fra kl. {opens}.",
    nn="{closed} Ein rådgjevar ser på meldinga di {when} frå kl. {opens}.",
    en="{closed} An adviser will look at your message {when} from {opens}.")


def _day_text(day: date, today: date, lang: str = "nb") -> str:
    if day == today:
        return TODAY(lang)
    if day == today + timedelta(days=1):
        return TOMORROW(lang)
    weekday, month = weekday_names(lang)[day.weekday()], month_names(lang)[day.month - 1]
    if lang == "en":
        text = f"on {weekday} {day.day} {month}"
    else:
        text = f"{weekday} {day.day}. {month}"
    return text if day.year == today.year else f"{text} {day.year}"


def availability_sentence(now: datetime, hours: OpeningHours = OpeningHours(),
                          lang: str = "nb") -> str:
    """What the user is told about when an adviser will see the message."""
    local = _local(now, hours)
    if is_open(local, hours):
        return OPEN.format(lang, closes=format_clock(_at(local.date(), hours.closes, hours), lang))
    holiday = holiday_name(local.date(), lang)
    closed = (CLOSED_TODAY.format(lang, holiday=holiday if lang == "en" else holiday.lower())
              if holiday else CLOSED_NOW(lang))
    when = next_at_work(local, hours)
    return SEEN_WHEN.format(lang, closed=closed, when=_day_text(when.date(), local.date(), lang),
                            opens=format_clock(when, lang))


def _at(day: date, moment: time, hours: OpeningHours) -> datetime:
    return datetime.combine(day, moment, tzinfo=hours.zone)

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
those distinctions, the parser below is written by hand, table-driven, with no dateparser call:
the words it knows are in ``veileder/date_words.py``, its patterns in ``veileder/date_patterns.py``.

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
from typing import Callable, Dict, List, Optional, Tuple
from zoneinfo import ZoneInfo

from veileder import date_patterns as pat
from veileder.date_words import (
    HALVES, MODES, MONTH_BY_NAME, NAMED_DAYS, NEGATED, NUMBERS, PERIODS, RELATION_BY_WORD,
    RELATIVE, WEEKDAY_BY_NAME, WEEKDAY_BY_PREFIX, ZONES, durations, easter_sunday, normalise,
    number, repair_typos, zone_from_name, zone_from_offset,
)
from veileder.norsk import DEFAULT_TZ, MONTH_NAMES, WEEKDAY_NAMES, format_date

AROUND_MINUTES = 30  # "rundt 17" means within this many minutes either way
YEARS = range(1900, 2200)  # dates outside are reported as impossible (and cannot overflow)


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


def _make_date(year: int, month: int, day: int) -> Tuple[Optional[date], Optional[str]]:
    if year not in YEARS:
        return None, f"Året {year} kan ikke stemme for en innsending."
    if not 1 <= month <= 12:
        return None, f"Måned nummer {month} finnes ikke. Et år har 12 måneder."
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        name = MONTH_NAMES[month - 1]
        return None, (f"{day}. {name} {year} finnes ikke. "
                      f"{name.capitalize()} {year} har {days} dager.")
    return date(year, month, day), None


def _full_year(text: str) -> int:
    year = int(text)
    return 2000 + year if len(text) == 2 else year


def _exists(naive: datetime, zone: tzinfo) -> bool:
    """False for local times in the DST gap (they do not survive a round trip through UTC)."""
    aware = naive.replace(tzinfo=zone)
    return aware.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None) == naive


class _Scanner:
    """Finds fragments pass by pass; each pass masks what it consumed."""

    def __init__(self, text: str, now: datetime, default_year: int, zone: ZoneInfo,
                 deadline_day: Optional[date] = None):
        self.text = repair_typos(normalise(text))
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
            (pat.ISO, self._iso),
            (pat.ZONE, self._zone),
            (pat.OFFSET, self._offset),
            (pat.MORE, self._more),
            (pat.NAMED_DAY, self._named_day),
            (pat.CLOCK_NB, self._clock_nb),
            (pat.CLOCK_HALF, self._clock_half),
            (pat.CLOCK_EN, self._clock_en),
            (pat.KL, self._kl),
            (pat.DATE_YEAR, self._date_year),
            (pat.DATE_TEXT, self._date_text),
            (pat.AT, self._kl),
            (pat.COLON, self._colon),
            (pat.TIDEN, self._tiden),
            (pat.AMPM, self._ampm),
            (pat.QUALIFIED, self._qualified),
            (pat.NOON, self._noon),
            (pat.SHORT_DATE, self._short_date),
            (pat.DAY_ONLY, self._day_only),
            (pat.RELATIVE_DAY, self._relative_day),
            (pat.DEADLINE_DAY, self._deadline_day),
            (pat.WEEKDAY, self._weekday),
            (pat.WEEKDAY_ABBR, self._weekday_abbr),
            (pat.PERIOD, self._period),
            (pat.NOW, self._now),
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
                              else zone_from_offset(z[0], z[1:3], z.replace(":", "")[3:5] or None))
        return True

    def _zone(self, m: "re.Match[str]") -> bool:
        if self.user_zone is not None:
            return True
        if m["name"]:
            key = re.sub(r"\s+", " ", m["name"])
            target = ZONES[key]
            label = "norsk tid" if target == DEFAULT_TZ else key.upper()
            self.user_zone = (zone_from_name(target), label)
        elif m["sign"]:
            self.user_zone = zone_from_offset(m["sign"], m["oh"], m["om"])
        else:
            self.user_zone = zone_from_offset(m["sign2"], m["oh2"], m["om2"])
        return True

    def _offset(self, m: "re.Match[str]") -> bool:
        """"om 2 timer og 15 minutter", "om to dager", "innen en uke", "om en halvtime"."""
        if m["half"]:
            self._add_offset(m.start("half"), {"minutes": HALVES[re.sub(r"\s+", " ", m["half"])]})
        else:
            self._add_offset(m.start("n1"), durations([(m["n1"], m["u1"]), (m["n2"], m["u2"])]))
        return True

    def _more(self, m: "re.Match[str]") -> bool:
        """"tre timer til" (three more hours), "3 more hours", "another 2 hours"."""
        for n, unit in (("n1", "u1"), ("n2", "u2"), ("n3", "u3")):
            if m[n]:
                self._add_offset(m.start(), durations([(m[n], m[unit])]))
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
        rule = NAMED_DAYS[re.sub(r"\s+", " ", m["w"])]
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
        return NUMBERS[token], True

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
        value = number(word)
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
        month = MONTH_BY_NAME[name]
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
        offset, period = RELATIVE[re.sub(r"\s+", "", m["w"])]
        self.dates.append(_DateFrag(m.start(), self.today + timedelta(days=offset)))
        if period and not self.period:
            self.period = period
        return True

    def _weekday(self, m: "re.Match[str]") -> bool:
        mode = MODES.get(m["mode"] or "", "nearest")
        self.weekdays.append(_WeekdayFrag(m.start(), WEEKDAY_BY_NAME[m["wd"]], mode,
                                          bool(m["nw"])))
        return True

    def _weekday_abbr(self, m: "re.Match[str]") -> bool:
        self.weekdays.append(_WeekdayFrag(m.start(), WEEKDAY_BY_PREFIX[m["wd"]], "nearest", False))
        return True

    def _period(self, m: "re.Match[str]") -> bool:
        if not self.period:
            self.period = m["ap"] + "m" if m["ap"] else PERIODS[m["w"]]
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
        found = pat.RELATION_BEFORE.search(self.text[:pos])
        if not found or (found["q"] == "for" and not of_time):
            return "at"
        relation = RELATION_BY_WORD[re.sub(r"\s+", " ", found["q"])]
        if relation in NEGATED and pat.NEGATION_BEFORE.search(self.text[:found.start()]):
            return NEGATED[relation]
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
                named = WEEKDAY_NAMES[weekdays[0].weekday]
                actual = WEEKDAY_NAMES[day.weekday()]
                return ParsedTime(
                    None, True, bool(times), "weekday_mismatch",
                    f"{format_date(day, weekday=False)} er en {actual}, ikke en {named}.")
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
                f"Klokka {hour:02d}.{frag.minute:02d} finnes ikke "
                f"{format_date(day, weekday=False)}, fordi klokka ble stilt fram til sommertid "
                f"den natta.")
        when = naive.replace(tzinfo=zone).astimezone(self.zone)
        if zone_label and naive.replace(tzinfo=zone).utcoffset() == when.utcoffset():
            zone_label = None  # e.g. "+02:00" or CEST in summer: the same clock time as tz
        relation = self._relation(frag.pos, frag.relation)
        if relation == "at":  # "før fredag kl 12": the word before the date counts too
            relation = date_relation
        return ParsedTime(when, has_date, True, relation=relation, zone=zone_label)


def parse_planned_time(text: str, now: datetime, default_year: int, tz: str = DEFAULT_TZ,
                       deadline_day: Optional[date] = None) -> ParsedTime:
    """Find the planned date/time in ``text``, relative to the aware datetime ``now``.

    ``deadline_day``, when given, is what "fristdagen" / "siste dag" / "the deadline day" mean.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be an aware datetime (with a UTC offset)")
    zone = ZoneInfo(tz)
    return _Scanner(text or "", now.astimezone(zone), default_year, zone, deadline_day).result()

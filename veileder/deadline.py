"""The deadline rules: status of the deadline, and "is this submission time in time?".

The deadline is ``call.frist.at`` (16 April 2020 at 17.00, Europe/Oslo, in the 2020 call). A sketch
is in time when it is submitted at or before that instant: 17.00.00 is in time, 17.00.01 is late.

The clock is always an argument (``now``). The running services pass the clock of their
settings (``ASSISTANT_NOW`` when set, the real clock otherwise; ``components/settings.py``).

All comparisons and differences are made in UTC, so they are right across daylight-saving
changes whatever zones the datetimes carry.

The answers are written in bokmål, nynorsk or English (``lang``, bokmål by default); every
sentence is a ``Tekst`` below. What the user wrote is read the same way whatever ``lang`` is.
"""
from __future__ import annotations

from dataclasses import dataclass
import re
from datetime import datetime, time, timedelta, timezone
from typing import Optional, Tuple
from zoneinfo import ZoneInfo

from .call import Call
from .dates import AROUND_MINUTES, ParsedTime, parse_planned_time
from .i18n import Tekst, pick
from .norsk import (
    MONTH_NAMES,
    WEEKDAY_NAMES,
    format_clock,
    format_date,
    format_datetime,
    humanize_remaining,
    month_names,
    weekday_names,
    zone_label,
)

NEAR_LIMIT = timedelta(hours=1)  # closer than this, the answer spells out the last minute


def _require_aware(dt: datetime, name: str) -> None:
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime (with a UTC offset), got {dt!r}")


def _utc(dt: datetime) -> datetime:
    return dt.astimezone(timezone.utc)


def _what(call: Call, lang: str) -> str:
    """What is sent in by the deadline ("skisse"; English "sketch"), from the call file."""
    return call.in_language(lang).frist.hva


# --- Texts --------------------------------------------------------------------------------------
# The article before ``{what}`` is written per standard: bokmål says "sende inn skisse", nynorsk
# "sende inn ei skisse", English "submitting a sketch".
DEADLINE_IS = Tekst(nb="Fristen for å sende inn {what} er {when}.",
                    nn="Fristen for å sende inn ei {what} er {when}.",
                    en="The deadline for submitting a {what} is {when}.")
DEADLINE_WAS = Tekst(nb="Fristen gikk ut {when}. Det var fristen for å sende inn {what}.",
                     nn="Fristen gjekk ut {when}. Det var fristen for å sende inn ei {what}.",
                     en="The deadline passed on {when}. That was the deadline for submitting "
                        "a {what}.")
PASSED_CLAUSE = Tekst(nb="fristen gikk ut {when}", nn="fristen gjekk ut {when}",
                      en="the deadline passed on {when}")
LAST_MINUTE = Tekst(nb="{last} er siste frist; {late} er for sent.",
                    nn="{last} er siste frist; {late} er for seint.",
                    en="{last} is the last moment; {late} is too late.")
NO_LATER_ROUNDS = Tekst(
    nb="Jeg kan ikke si noe om senere runder eller nye utlysninger. "
       "Kontakt {name} for å høre mer: {url}",
    nn="Eg kan ikkje seie noko om seinare rundar eller nye utlysingar. "
       "Kontakt {name} for å høyre meir: {url}",
    en="I cannot say anything about later rounds or new calls. "
       "Contact {name} to find out more: {url}")
UNDER_A_MINUTE = Tekst(nb="Det er under ett minutt igjen.", nn="Det er under eitt minutt att.",
                       en="There is less than a minute left.")
TODAY_AT = Tekst(nb="Det er i dag kl. {clock} – om {left}.",
                 nn="Det er i dag kl. {clock} – om {left}.",
                 en="It is today at {clock} – in {left}.")
LEFT = Tekst(nb="Det er {left} igjen.", nn="Det er {left} att.", en="You have {left} left.")
#: The time left after the deadline sentence in the answers' ``{deadline_sentence}`` (facts).
LEFT_BEFORE_DEADLINE = Tekst(nb="Det er {left} igjen til fristen.",
                             nn="Det er {left} att til fristen.",
                             en="You have {left} left before the deadline.")

NO_DATE = Tekst(nb="Jeg fant ingen dato eller klokkeslett i meldingen.",
                nn="Eg fann ingen dato eller klokkeslett i meldinga.",
                en="I found no date or time in your message.")
WRITE_WHEN = Tekst(nb="Skriv når dere vil sende, for eksempel {example}.",
                   nn="Skriv når de vil sende, til dømes {example}.",
                   en="Write when you plan to submit, for example {example}.")
NO_SUCH_DATE = Tekst(nb="Den datoen finnes ikke.", nn="Den datoen finst ikkje.",
                     en="That date does not exist.")
WRITE_AGAIN = Tekst(nb="Skriv tidspunktet på nytt, for eksempel {example}.",
                    nn="Skriv tidspunktet på nytt, til dømes {example}.",
                    en="Please write the time again, for example {example}.")
CONVERTED = Tekst(nb="regnet om fra {zone}", nn="rekna om frå {zone}", en="converted from {zone}")
WHICH_DAY = Tekst(nb="Hvilken dag vil dere sende?", nn="Kva dag vil de sende?",
                  en="Which day do you plan to submit?")
TIME_WITHOUT_DATE = Tekst(nb="Jeg fant klokkeslettet {clock}, men ingen dato.",
                          nn="Eg fann klokkeslettet {clock}, men ingen dato.",
                          en="I found the time {clock}, but no date.")
WOULD_HAVE_BEEN_IN_TIME = Tekst(nb="En {what} sendt da ville vært i tide.",
                                nn="Ei {what} sendt då ville ha vore i tide.",
                                en="A {what} submitted then would have been in time.")
WOULD_HAVE_BEEN_LATE = Tekst(nb="En {what} sendt da ville vært for sent.",
                             nn="Ei {what} sendt då ville ha kome for seint.",
                             en="A {what} submitted then would have been too late.")
WOULD_HAVE_DEPENDED = Tekst(
    nb="En {what} sendt da ville vært i tide hvis den kom inn senest kl. {clock} {date}.",
    nn="Ei {what} sendt då ville ha vore i tide dersom ho kom inn seinast kl. {clock} {date}.",
    en="A {what} submitted then would have been in time if it arrived by {clock} on {date}.")
ALREADY_BEEN = Tekst(nb="Det tidspunktet har allerede vært.", nn="Det tidspunktet har alt vore.",
                     en="That time has already passed.")
YOU_WROTE = Tekst(nb="Dere skrev {plan}, og nå er det {now}.",
                  nn="De skreiv {plan}, og no er det {now}.",
                  en="You said you would submit {plan}, and it is now {now}.")
LEFT_TO_SPARE = Tekst(nb="Da er det {left} igjen til fristen.",
                      nn="Då er det {left} att til fristen.",
                      en="That leaves {left} before the deadline.")
EXACTLY_AT = Tekst(nb="Det er akkurat på fristen.", nn="Det er akkurat på fristen.",
                   en="That is exactly at the deadline.")
YES_IN_TIME = Tekst(nb="Ja, det rekker dere.", nn="Ja, det rekk de.",
                    en="Yes, you will make it.")
YOU_PLAN = Tekst(nb="Dere vil sende {plan}.", nn="De vil sende {plan}.",
                 en="You plan to submit {plan}.")
NO_TOO_LATE = Tekst(nb="Nei, det er for sent.", nn="Nei, det er for seint.",
                    en="No, that is too late.")
SEND_BEFORE = Tekst(nb="Dere har {left} igjen. Send før fristen.",
                    nn="De har {left} att. Send før fristen.",
                    en="You have {left} left. Submit before the deadline.")
LEFT_NOW = Tekst(nb="Nå er det {left} igjen.", nn="No er det {left} att.",
                 en="You have {left} left now.")
TODAY = Tekst(nb="I dag", nn="I dag", en="Today")
YES_IF_BY = Tekst(nb="Ja, hvis dere sender senest kl. {clock}.",
                  nn="Ja, dersom de sender seinast kl. {clock}.",
                  en="Yes, if you submit by {clock}.")
DEADLINE_DAY = Tekst(nb="{day} er fristdagen.", nn="{day} er fristdagen.",
                     en="{day} is the deadline day.")
IT_DEPENDS = Tekst(nb="Det kommer an på når dere sender.", nn="Det kjem an på når de sender.",
                   en="It depends on when you submit.")
ONLY_IF_BY = Tekst(nb="Det er bare i tide hvis dere sender senest kl. {clock} {date}.",
                   nn="Det er berre i tide dersom de sender seinast kl. {clock} {date}.",
                   en="It is only in time if you submit by {clock} on {date}.")


# --- Sentences shared by the answers ------------------------------------------------------------
def deadline_when(call: Call, lang: str = "nb") -> str:
    """"torsdag 16. april 2020 kl. 17.00 (norsk tid)": the deadline as every answer writes it
    (English "Thursday 16 April 2020 at 17:00 (Norwegian time)")."""
    tz = call.frist.tidssone
    return f"{format_datetime(call.frist.at, tz, lang)} ({zone_label(tz, lang)})"


def deadline_sentence(call: Call, *, passed: bool = False, lang: str = "nb") -> str:
    """The sentence every answer gives the deadline in, with date, time and zone.

    "Fristen for å sende inn skisse er torsdag 16. april 2020 kl. 17.00 (norsk tid)."; once it
    has passed: "Fristen gikk ut torsdag 16. april 2020 kl. 17.00 (norsk tid). Det var fristen
    for å sende inn skisse."
    """
    text = DEADLINE_WAS if passed else DEADLINE_IS
    return text.format(lang, when=deadline_when(call, lang), what=_what(call, lang))


def passed_clause(call: Call, lang: str = "nb") -> str:
    """"fristen gikk ut torsdag 16. april 2020 kl. 17.00 (norsk tid)": the passed deadline as a
    clause, for the first sentence of a verdict."""
    return PASSED_CLAUSE.format(lang, when=deadline_when(call, lang))


def _last_minute_sentence(call: Call, lang: str = "nb") -> str:
    """"17.00 er siste frist; 17.01 er for sent."."""
    local = call.frist.at
    return LAST_MINUTE.format(lang, last=format_clock(local, lang),
                              late=format_clock(local + timedelta(minutes=1), lang))


def _passed_sentences(call: Call, lang: str = "nb") -> str:
    contact = call.in_language(lang).kontakt
    return (f"{deadline_sentence(call, passed=True, lang=lang)} "
            + NO_LATER_ROUNDS.format(lang, name=contact.navn, url=contact.url))


# --- Status -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DeadlineStatus:
    deadline: datetime
    now: datetime
    passed: bool
    remaining: timedelta  # zero once passed

    def message(self, call: Call, lang: str = "nb") -> str:
        """The full answer to "when is the deadline / how long is left?", in ``lang``."""
        if self.passed:
            return _passed_sentences(call, lang)
        tz = ZoneInfo(call.frist.tidssone)
        sentences = [deadline_sentence(call, lang=lang)]
        if self.remaining < timedelta(minutes=1):
            sentences.append(UNDER_A_MINUTE(lang))
            sentences.append(_last_minute_sentence(call, lang))
        elif self.now.astimezone(tz).date() == self.deadline.astimezone(tz).date():
            sentences.append(TODAY_AT.format(
                lang, clock=format_clock(self.deadline.astimezone(tz), lang),
                left=humanize_remaining(self.remaining, lang)))
            if self.remaining <= NEAR_LIMIT:
                sentences.append(_last_minute_sentence(call, lang))
        else:
            sentences.append(LEFT.format(lang, left=humanize_remaining(self.remaining, lang)))
        return " ".join(sentences)


def status(call: Call, now: datetime) -> DeadlineStatus:
    """Where ``now`` stands relative to the call's deadline."""
    _require_aware(now, "now")
    deadline = call.frist.at
    left = _utc(deadline) - _utc(now)
    return DeadlineStatus(deadline=deadline, now=now, passed=left < timedelta(0),
                          remaining=max(left, timedelta(0)))


# --- "Will we make it?" -------------------------------------------------------------------------
@dataclass(frozen=True)
class SubmissionCheck:
    """The answer to "is it in time if we submit at <text>?".

    kind: "in_time", "too_late", "date_only_in_time" (the deadline day without a time: in time
    before the cut-off), "uncertain" (a range that straddles the deadline: "etter kl 12 torsdag",
    "rundt 17", "før kl 18"), "needs_date" (a time without a day), "impossible_date" (a date,
    time or weekday that does not exist), "not_a_date", "already_passed_now" (the planned time is
    already past).
    """

    kind: str
    when: Optional[datetime]
    message: str
    parsed: Optional[ParsedTime] = None


_TINY = timedelta(microseconds=1)


def _interval(parsed: ParsedTime, tz: ZoneInfo) -> Tuple[Optional[datetime], Optional[datetime]]:
    """The instants (UTC) the plan covers, as (earliest, latest); None = unbounded."""
    assert parsed.when is not None
    anchor = _utc(parsed.when)
    if parsed.has_time:
        if parsed.relation in ("before", "by"):
            return None, anchor
        if parsed.relation in ("after", "from"):  # later the same day
            day = parsed.when.astimezone(tz).date()
            end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)
            return anchor + (_TINY if parsed.relation == "after" else timedelta(0)), \
                _utc(end) - _TINY
        if parsed.relation == "around":
            spread = timedelta(minutes=AROUND_MINUTES)
            return anchor - spread, anchor + spread
        return anchor, anchor
    day = parsed.when.astimezone(tz).date()
    start = anchor
    end = _utc(datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)) - _TINY
    return {
        "before": (None, start - _TINY),
        "by": (None, end),
        "after": (end + _TINY, None),
        "from": (start, None),
    }.get(parsed.relation, (start, end))


_RELATION_WORDS = {"at": "", "before": "før ", "by": "senest ", "after": "etter ",
                   "around": "rundt ", "from": "tidligst "}
_RELATION_WORDS_NN = {"at": "", "before": "før ", "by": "seinast ", "after": "etter ",
                      "around": "rundt ", "from": "tidlegast "}
_RELATION_WORDS_EN = {"at": "at ", "before": "before ", "by": "by ", "after": "after ",
                      "around": "around ", "from": "no earlier than "}


def _describe_plan(parsed: ParsedTime, tz: str, lang: str = "nb") -> str:
    """"fredag 17. april 2020 kl. 16.00", "før torsdag 16. april 2020"; English "on Friday
    17 April 2020 at 16:00", "before Thursday 16 April 2020"."""
    assert parsed.when is not None
    prefix = pick(lang, nb=_RELATION_WORDS, nn=_RELATION_WORDS_NN,
                  en=_RELATION_WORDS_EN)[parsed.relation]
    local = parsed.when.astimezone(ZoneInfo(tz))
    day = format_date(local.date(), lang=lang)
    if lang == "en":
        if not parsed.has_time:
            text = ("on " if parsed.relation == "at" else prefix) + day
        else:
            text = f"on {day} {prefix}{format_clock(local, lang)}"
    elif not parsed.has_time:
        return prefix + day
    else:
        text = f"{day} {prefix}kl. {format_clock(local, lang)}"
    if parsed.has_time and parsed.zone:
        text += (f" ({zone_label(tz, lang)}, "
                 f"{CONVERTED.format(lang, zone=parsed.zone)})")
    return text


def _example(call: Call, lang: str = "nb") -> str:
    """«16. april kl. 16.00»: a plan the date reader understands, an hour before the deadline."""
    local = call.frist.at
    month = month_names(lang)[local.month - 1]
    clock = format_clock(local - timedelta(hours=1), lang)
    if lang == "en":
        return f"«{local.day} {month} at {clock}»"
    return f"«{local.day}. {month} kl. {clock}»"


# --- The user's date that does not exist --------------------------------------------------------
# ``veileder.dates`` explains in bokmål why a date or time does not exist (``ParsedTime.detail``);
# these patterns say the same in nynorsk and English. A detail no pattern knows gets the general
# sentence for its kind of error.
_DAY = r"(?P<d>\d+)\. (?P<m>[a-zæøå]+) (?P<y>\d+)"
_DETAILS = [
    (re.compile(r"Året (?P<y>\d+) kan ikke stemme for en innsending\."),
     Tekst(nb="Året {y} kan ikke stemme for en innsending.",
           nn="Året {y} kan ikkje stemme for ei innsending.",
           en="The year {y} cannot be right for a submission.")),
    (re.compile(r"Måned nummer (?P<m>\d+) finnes ikke\. Et år har 12 måneder\."),
     Tekst(nb="Måned nummer {m} finnes ikke. Et år har 12 måneder.",
           nn="Månad nummer {m} finst ikkje. Eit år har 12 månader.",
           en="There is no month number {m}. A year has 12 months.")),
    (re.compile(_DAY + r" finnes ikke\. \w+ \d+ har (?P<n>\d+) dager\."),
     Tekst(nb="{date} finnes ikke. {Month} {y} har {n} dager.",
           nn="{date} finst ikkje. {Month} {y} har {n} dagar.",
           en="{date} does not exist. {Month} {y} has {n} days.")),
    (re.compile(_DAY + r" er en (?P<actual>\w+), ikke en (?P<named>\w+)\."),
     Tekst(nb="{date} er en {actual}, ikke en {named}.",
           nn="{date} er ein {actual}, ikkje ein {named}.",
           en="{date} is a {actual}, not a {named}.")),
    (re.compile(r"Klokkeslettet (?P<shown>.+) finnes ikke\."),
     Tekst(nb="Klokkeslettet {shown} finnes ikke.", nn="Klokkeslettet {shown} finst ikkje.",
           en="The time {shown} does not exist.")),
    (re.compile(r"Klokka (?P<h>\d+)\.(?P<mi>\d+) finnes ikke " + _DAY
                + r", fordi klokka ble stilt fram til sommertid den natta\."),
     Tekst(nb="Klokka {h}.{mi} finnes ikke {date}, fordi klokka ble stilt fram til sommertid "
              "den natta.",
           nn="Klokka {h}.{mi} finst ikkje {date}, fordi klokka vart stilt fram til sommartid "
              "den natta.",
           en="{h}:{mi} does not exist on {date}: the clocks went forward to summer time that "
              "night.")),
]
_GENERAL = {
    "impossible_time": Tekst(nb="Det klokkeslettet finnes ikke.",
                             nn="Det klokkeslettet finst ikkje.",
                             en="That time of day does not exist."),
    "nonexistent_time": Tekst(nb="Det klokkeslettet finnes ikke den dagen, fordi klokka ble "
                                 "stilt fram til sommertid.",
                              nn="Det klokkeslettet finst ikkje den dagen, fordi klokka vart "
                                 "stilt fram til sommartid.",
                              en="That time does not exist on that day: the clocks went "
                                 "forward to summer time."),
    "weekday_mismatch": Tekst(nb="Datoen og ukedagen passer ikke sammen.",
                              nn="Datoen og vekedagen passar ikkje saman.",
                              en="The date and the weekday do not match."),
}


def _in_language(values: dict, lang: str) -> dict:
    """The date and the names of a matched detail, written in ``lang``."""
    out = dict(values)
    if "m" in values and "d" in values:
        name = month_names(lang)[MONTH_NAMES.index(values["m"])]
        day, year = int(values["d"]), values["y"]  # the date itself may not exist: no date()
        out["date"] = f"{day} {name} {year}" if lang == "en" else f"{day}. {name} {year}"
        out["Month"] = _capital(name)
    for key in ("actual", "named"):
        if key in values:
            out[key] = weekday_names(lang)[WEEKDAY_NAMES.index(values[key])]
    return out


def error_detail(parsed: ParsedTime, lang: str = "nb") -> str:
    """Why the date or time in the user's text does not exist, in ``lang``."""
    detail = parsed.detail
    if lang not in ("nn", "en"):
        return detail or NO_SUCH_DATE(lang)
    for pattern, text in _DETAILS:
        found = pattern.fullmatch(detail or "")
        if found:
            try:
                return text.format(lang, **_in_language(found.groupdict(), lang))
            except (ValueError, IndexError, KeyError):
                break
    return _GENERAL.get(parsed.error or "", NO_SUCH_DATE)(lang)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def check_submission(call: Call, text: str, now: datetime, lang: str = "nb") -> SubmissionCheck:
    """Is a submission at the time described in ``text`` (Norwegian or English) in time?

    The answer is written in ``lang``; the text is read the same way whatever ``lang`` is."""
    _require_aware(now, "now")
    tz_name = call.frist.tidssone
    tz = ZoneInfo(tz_name)
    deadline = call.frist.at
    parsed = parse_planned_time(text, now, default_year=deadline.year, tz=tz_name,
                                deadline_day=deadline.astimezone(tz).date())
    sentence = deadline_sentence(call, lang=lang)
    what = _what(call, lang)

    def answer(kind: str, *sentences: str) -> SubmissionCheck:
        message = " ".join(s for s in sentences if s)
        return SubmissionCheck(kind, parsed.when if parsed.error is None else None, message,
                               parsed)

    if parsed.error == "not_a_date":
        return answer("not_a_date", NO_DATE(lang),
                      WRITE_WHEN.format(lang, example=_example(call, lang)), sentence)
    if parsed.error:
        return answer("impossible_date", error_detail(parsed, lang),
                      WRITE_AGAIN.format(lang, example=_example(call, lang)), sentence)
    assert parsed.when is not None
    if not parsed.has_date:
        clock = format_clock(parsed.when.astimezone(tz), lang)
        if parsed.zone:
            clock += f" {zone_label(tz_name, lang)} ({CONVERTED.format(lang, zone=parsed.zone)})"
        return answer("needs_date", WHICH_DAY(lang),
                      TIME_WITHOUT_DATE.format(lang, clock=clock), sentence)

    now_utc, deadline_utc = _utc(now), _utc(deadline)
    earliest, latest = _interval(parsed, tz)
    plan = _describe_plan(parsed, tz_name, lang)
    passed_now = now_utc > deadline_utc
    left = humanize_remaining(max(deadline_utc - now_utc, timedelta(0)), lang)
    after_deadline = _passed_sentences(call, lang) if passed_now else ""
    near = parsed.has_time and abs(_utc(parsed.when) - deadline_utc) <= NEAR_LIMIT
    last_minute = _last_minute_sentence(call, lang)
    local = deadline.astimezone(tz)
    cut_clock, cut_date = format_clock(local, lang), format_date(local.date(), lang=lang)

    if latest is not None and latest < now_utc.replace(second=0, microsecond=0):
        if latest <= deadline_utc:
            would_have = WOULD_HAVE_BEEN_IN_TIME.format(lang, what=what)
        elif earliest is not None and earliest > deadline_utc:
            would_have = WOULD_HAVE_BEEN_LATE.format(lang, what=what)
        else:  # a day (or span) around the deadline: it depends on the hour
            would_have = WOULD_HAVE_DEPENDED.format(lang, what=what, clock=cut_clock,
                                                    date=cut_date)
        return answer("already_passed_now", ALREADY_BEEN(lang),
                      YOU_WROTE.format(lang, plan=plan,
                                       now=format_datetime(now, tz_name, lang)),
                      would_have,
                      after_deadline or f"{sentence} {LEFT.format(lang, left=left)}")
    start = max(earliest or now_utc, now_utc)
    if latest is not None and latest <= deadline_utc:
        margin = ""
        if parsed.has_time and parsed.relation == "at":
            to_spare = deadline_utc - _utc(parsed.when)
            margin = (LEFT_TO_SPARE.format(lang, left=humanize_remaining(to_spare, lang))
                      if to_spare else EXACTLY_AT(lang))
        return answer("in_time", YES_IN_TIME(lang), YOU_PLAN.format(lang, plan=plan),
                      sentence, margin, last_minute if near else "")
    if start > deadline_utc:
        if passed_now:
            return answer("too_late", NO_TOO_LATE(lang), YOU_PLAN.format(lang, plan=plan),
                          after_deadline)
        return answer("too_late", NO_TOO_LATE(lang), YOU_PLAN.format(lang, plan=plan),
                      sentence, SEND_BEFORE.format(lang, left=left),
                      last_minute if near else "")
    today = now.astimezone(tz).date() == local.date()
    left_today = LEFT_NOW.format(lang, left=left) if today else ""
    if not parsed.has_time and parsed.relation in ("at", "by", "before"):  # the deadline day
        day = TODAY(lang) if today else _capital(cut_date)
        return answer("date_only_in_time", YES_IF_BY.format(lang, clock=cut_clock),
                      DEADLINE_DAY.format(lang, day=day), sentence, left_today, last_minute)
    return answer("uncertain", IT_DEPENDS(lang), YOU_PLAN.format(lang, plan=plan),
                  sentence, ONLY_IF_BY.format(lang, clock=cut_clock, date=cut_date),
                  left_today, last_minute)

"""The deadline rules: status of the deadline, and "is this submission time in time?".

The deadline is ``call.frist.at`` (16 April 2020 at 17.00, Europe/Oslo, in the 2020 call). A sketch
is in time when it is submitted at or before that instant: 17.00.00 is in time, 17.00.01 is late.

The clock is always an argument (``now``). The running services pass the clock of their
settings (``ASSISTANT_NOW`` when set, the real clock otherwise; ``components/settings.py``).

All comparisons and differences are made in UTC, so they are right across daylight-saving
changes whatever zones the datetimes carry.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from typing import Optional, Tuple
from zoneinfo import ZoneInfo

from .call import Call
from .dates import AROUND_MINUTES, ParsedTime, parse_planned_time
from .norsk import (
    MONTH_NAMES,
    format_clock,
    format_date,
    format_datetime,
    humanize_remaining,
    zone_label,
)

NEAR_LIMIT = timedelta(hours=1)  # closer than this, the answer spells out the last minute


def _require_aware(dt: datetime, name: str) -> None:
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime (with a UTC offset), got {dt!r}")


def _utc(dt: datetime) -> datetime:
    return dt.astimezone(timezone.utc)




# --- Sentences shared by the answers ------------------------------------------------------------
def deadline_when(call: Call) -> str:
    """"torsdag 16. april 2020 kl. 17.00 (norsk tid)": the deadline as every answer writes it."""
    tz = call.frist.tidssone
    return f"{format_datetime(call.frist.at, tz)} ({zone_label(tz)})"


def deadline_sentence(call: Call, *, passed: bool = False) -> str:
    """The sentence every answer gives the deadline in, with date, time and zone.

    "Fristen for å sende inn skisse er torsdag 16. april 2020 kl. 17.00 (norsk tid)."; once it
    has passed: "Fristen gikk ut torsdag 16. april 2020 kl. 17.00 (norsk tid). Det var fristen
    for å sende inn skisse."
    """
    if passed:
        return (f"Fristen gikk ut {deadline_when(call)}. "
                f"Det var fristen for å sende inn {call.frist.hva}.")
    return f"Fristen for å sende inn {call.frist.hva} er {deadline_when(call)}."


def passed_clause(call: Call) -> str:
    """"fristen gikk ut torsdag 16. april 2020 kl. 17.00 (norsk tid)": the passed deadline as a
    clause, for the first sentence of a verdict."""
    return f"fristen gikk ut {deadline_when(call)}"


def _last_minute_sentence(call: Call) -> str:
    """"17.00 er siste frist; 17.01 er for sent."."""
    local = call.frist.at
    return (f"{format_clock(local)} er siste frist; "
            f"{format_clock(local + timedelta(minutes=1))} er for sent.")


def _passed_sentences(call: Call) -> str:
    return (f"{deadline_sentence(call, passed=True)} "
            f"Jeg kan ikke si noe om senere runder eller nye utlysninger. "
            f"Kontakt {call.kontakt.navn} for å høre mer: {call.kontakt.url}")


# --- Status -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DeadlineStatus:
    deadline: datetime
    now: datetime
    passed: bool
    remaining: timedelta  # zero once passed

    def message(self, call: Call) -> str:
        """The full Norwegian answer to "when is the deadline / how long is left?"."""
        if self.passed:
            return _passed_sentences(call)
        tz = ZoneInfo(call.frist.tidssone)
        sentences = [deadline_sentence(call)]
        if self.remaining < timedelta(minutes=1):
            sentences.append("Det er under ett minutt igjen.")
            sentences.append(_last_minute_sentence(call))
        elif self.now.astimezone(tz).date() == self.deadline.astimezone(tz).date():
            sentences.append(f"Det er i dag kl. {format_clock(self.deadline.astimezone(tz))} – "
                             f"om {humanize_remaining(self.remaining)}.")
            if self.remaining <= NEAR_LIMIT:
                sentences.append(_last_minute_sentence(call))
        else:
            sentences.append(f"Det er {humanize_remaining(self.remaining)} igjen.")
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


def _describe_plan(parsed: ParsedTime, tz: str) -> str:
    assert parsed.when is not None
    prefix = _RELATION_WORDS[parsed.relation]
    local = parsed.when.astimezone(ZoneInfo(tz))
    if not parsed.has_time:
        return prefix + format_date(local.date())
    text = f"{format_date(local.date())} {prefix}kl. {format_clock(local)}"
    if parsed.zone:
        text += f" ({zone_label(tz)}, regnet om fra {parsed.zone})"
    return text


def _example(call: Call) -> str:
    local = call.frist.at
    return f"«{local.day}. {MONTH_NAMES[local.month - 1]} kl. " \
           f"{format_clock(local - timedelta(hours=1))}»"


def check_submission(call: Call, text: str, now: datetime) -> SubmissionCheck:
    """Is a submission at the time described in ``text`` (Norwegian or English) in time?"""
    _require_aware(now, "now")
    tz_name = call.frist.tidssone
    tz = ZoneInfo(tz_name)
    deadline = call.frist.at
    parsed = parse_planned_time(text, now, default_year=deadline.year, tz=tz_name,
                                deadline_day=deadline.astimezone(tz).date())
    sentence = deadline_sentence(call)

    def answer(kind: str, *sentences: str) -> SubmissionCheck:
        message = " ".join(s for s in sentences if s)
        return SubmissionCheck(kind, parsed.when if parsed.error is None else None, message,
                               parsed)

    if parsed.error == "not_a_date":
        return answer("not_a_date", "Jeg fant ingen dato eller klokkeslett i meldingen.",
                      f"Skriv når dere vil sende, for eksempel {_example(call)}.",
                      sentence)
    if parsed.error:
        return answer("impossible_date", parsed.detail or "Den datoen finnes ikke.",
                      f"Skriv tidspunktet på nytt, for eksempel {_example(call)}.",
                      sentence)
    assert parsed.when is not None
    if not parsed.has_date:
        clock = format_clock(parsed.when.astimezone(tz))
        if parsed.zone:
            clock += f" {zone_label(tz_name)} (regnet om fra {parsed.zone})"
        return answer("needs_date", "Hvilken dag vil dere sende?",
                      f"Jeg fant klokkeslettet {clock}, men ingen dato.", sentence)

    now_utc, deadline_utc = _utc(now), _utc(deadline)
    earliest, latest = _interval(parsed, tz)
    plan = _describe_plan(parsed, tz_name)
    passed_now = now_utc > deadline_utc
    left = humanize_remaining(max(deadline_utc - now_utc, timedelta(0)))
    after_deadline = _passed_sentences(call) if passed_now else ""
    near = parsed.has_time and abs(_utc(parsed.when) - deadline_utc) <= NEAR_LIMIT

    if latest is not None and latest < now_utc.replace(second=0, microsecond=0):
        if latest <= deadline_utc:
            would_have = f"En {call.frist.hva} sendt da ville vært i tide."
        elif earliest is not None and earliest > deadline_utc:
            would_have = f"En {call.frist.hva} sendt da ville vært for sent."
        else:  # a day (or span) around the deadline: it depends on the hour
            cut = deadline.astimezone(tz)
            would_have = (f"En {call.frist.hva} sendt da ville vært i tide hvis den kom inn "
                          f"senest kl. {format_clock(cut)} {format_date(cut.date())}.")
        return answer("already_passed_now", "Det tidspunktet har allerede vært.",
                      f"Dere skrev {plan}, og nå er det "
                      f"{format_datetime(now, tz_name)}.", would_have,
                      after_deadline or f"{sentence} Det er {left} igjen.")
    start = max(earliest or now_utc, now_utc)
    if latest is not None and latest <= deadline_utc:
        margin = ""
        if parsed.has_time and parsed.relation == "at":
            to_spare = deadline_utc - _utc(parsed.when)
            margin = (f"Da er det {humanize_remaining(to_spare)} igjen til fristen." if to_spare
                      else "Det er akkurat på fristen.")
        return answer("in_time", "Ja, det rekker dere.", f"Dere vil sende {plan}.",
                      sentence, margin, _last_minute_sentence(call) if near else "")
    if start > deadline_utc:
        if passed_now:
            return answer("too_late", "Nei, det er for sent.", f"Dere vil sende {plan}.",
                          after_deadline)
        return answer("too_late", "Nei, det er for sent.", f"Dere vil sende {plan}.",
                      sentence, f"Dere har {left} igjen. Send før fristen.",
                      _last_minute_sentence(call) if near else "")
    local = deadline.astimezone(tz)
    today = now.astimezone(tz).date() == local.date()
    left_today = f"Nå er det {left} igjen." if today else ""
    if not parsed.has_time and parsed.relation in ("at", "by", "before"):  # the deadline day
        day = "I dag" if today else format_date(local.date()).capitalize()
        return answer("date_only_in_time",
                      f"Ja, hvis dere sender senest kl. {format_clock(local)}.",
                      f"{day} er fristdagen.", sentence, left_today,
                      _last_minute_sentence(call))
    return answer("uncertain", "Det kommer an på når dere sender.", f"Dere vil sende {plan}.",
                  sentence,
                  f"Det er bare i tide hvis dere sender senest kl. {format_clock(local)} "
                  f"{format_date(local.date())}.", left_today, _last_minute_sentence(call))

"""Deadline status, formatting and "is this submission time in time?" (the clock setting:
tests/unit/test_settings.py)."""
from __future__ import annotations

import ast
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veileder.call import DEFAULT_CALL_FILE, load_call
from veileder.deadline import (
    check_submission,
    format_datetime,
    humanize_remaining,
    status,
)
from zoneinfo import ZoneInfo
from testkit import ROOT

OSLO = ZoneInfo("Europe/Oslo")
CALL = load_call(DEFAULT_CALL_FILE)
DEADLINE_TEXT = "torsdag 16. april 2020 kl. 17.00"
DEADLINE_UTC = datetime(2020, 4, 16, 15, 0)  # naive UTC, written independently of the call model


def oslo(*args) -> datetime:
    return datetime(*args, tzinfo=OSLO)


def test_deadline_comes_from_the_call_file():
    assert CALL.frist.at == oslo(2020, 4, 16, 17, 0)
    assert CALL.frist.at.astimezone(timezone.utc).replace(tzinfo=None) == DEADLINE_UTC


# --- status ---------------------------------------------------------------------------------
STATUS = [
    # now, passed, remaining, words in the message
    (oslo(2020, 4, 13, 12, 45), False, timedelta(days=3, hours=4, minutes=15),
     "Det er 3 dager og 4 timer igjen."),
    (oslo(2020, 4, 15, 17, 0), False, timedelta(days=1), "Det er 1 dag igjen."),
    (oslo(2020, 4, 16, 14, 45), False, timedelta(hours=2, minutes=15),
     "Det er i dag kl. 17.00 – om 2 timer og 15 minutter."),
    (oslo(2020, 4, 16, 16, 59), False, timedelta(minutes=1),
     "17.00 er siste frist; 17.01 er for sent."),
    (oslo(2020, 4, 16, 17, 0), False, timedelta(0), "Det er under ett minutt igjen."),
    (oslo(2020, 4, 16, 17, 0, 1), True, timedelta(0), "Fristen gikk ut " + DEADLINE_TEXT),
    (oslo(2020, 4, 17, 9, 0), True, timedelta(0), "Jeg kan ikke si noe om senere runder"),
    (datetime(2021, 1, 1, tzinfo=timezone.utc), True, timedelta(0), "Innovasjon Norge"),
    # across the spring DST change the remaining time is real elapsed time (one hour less)
    (oslo(2020, 3, 28, 17, 0), False, timedelta(days=18, hours=23), "18 dager og 23 timer"),
    # a now in another zone
    (datetime(2020, 4, 16, 14, 0, tzinfo=timezone.utc), False, timedelta(hours=1), "om 1 time."),
]


@pytest.mark.parametrize("now,passed,remaining,words", STATUS)
def test_status(now, passed, remaining, words):
    result = status(CALL, now)
    assert result.passed is passed
    assert result.remaining == remaining
    assert result.deadline == CALL.frist.at
    message = result.message(CALL)
    assert words in message
    assert DEADLINE_TEXT in message and "(norsk tid)" in message and "skisse" in message
    if passed:
        assert str(CALL.kontakt.url) in message and "senere runder" in message
    else:
        assert "gikk ut" not in message


def test_status_needs_an_aware_now():
    with pytest.raises(ValueError):
        status(CALL, datetime(2020, 4, 16, 12, 0))


# --- humanize -------------------------------------------------------------------------------
HUMANIZE = [
    (timedelta(days=3, hours=4), "3 dager og 4 timer"),
    (timedelta(days=3, hours=4, minutes=59), "3 dager og 4 timer"),  # rounded down
    (timedelta(hours=2, minutes=15), "2 timer og 15 minutter"),
    (timedelta(days=1), "1 dag"),
    (timedelta(days=1, hours=1), "1 dag og 1 time"),
    (timedelta(hours=1, minutes=1), "1 time og 1 minutt"),
    (timedelta(hours=5), "5 timer"),
    (timedelta(minutes=45, seconds=59), "45 minutter"),
    (timedelta(minutes=1), "1 minutt"),
    (timedelta(seconds=59), "under ett minutt"),
    (timedelta(0), "under ett minutt"),
]


@pytest.mark.parametrize("td,text", HUMANIZE)
def test_humanize_remaining(td, text):
    assert humanize_remaining(td) == text


def test_humanize_rejects_negative():
    with pytest.raises(ValueError):
        humanize_remaining(timedelta(seconds=-1))


# --- formatting -----------------------------------------------------------------------------
EXPECTED_WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
EXPECTED_MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
                   "september", "oktober", "november", "desember"]


@pytest.mark.parametrize("dt,text", [
    (oslo(2020, 4, 16, 17, 0), DEADLINE_TEXT),
    (datetime(2020, 4, 16, 15, 0, tzinfo=timezone.utc), DEADLINE_TEXT),
    (datetime(2020, 4, 16, 23, 30, tzinfo=timezone.utc), "fredag 17. april 2020 kl. 01.30"),
    (oslo(2020, 4, 16, 17, 0, 30), "torsdag 16. april 2020 kl. 17.00.30"),
    (oslo(2021, 1, 3, 9, 5), "søndag 3. januar 2021 kl. 09.05"),
])
def test_format_datetime(dt, text):
    assert format_datetime(dt) == text


@given(st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30),
                    timezones=st.timezones()))
def test_format_never_shows_a_wrong_weekday_or_month(dt):
    local = dt.astimezone(OSLO)
    weekday, day, month, year, kl, clock = format_datetime(dt).split(" ")
    assert weekday == EXPECTED_WEEKDAYS[local.weekday()]
    assert day == f"{local.day}." and year == str(local.year)
    assert month == EXPECTED_MONTHS[local.month - 1]
    assert (kl, clock[:5]) == ("kl.", f"{local.hour:02d}.{local.minute:02d}")


# --- in time: at or before the deadline instant ----------------------------------------------
@pytest.mark.parametrize("when,in_time", [
    (oslo(2020, 4, 16, 16, 59), True),
    (oslo(2020, 4, 16, 17, 0), True),
    (oslo(2020, 4, 16, 17, 0, 0, 999999), False),
    (oslo(2020, 4, 16, 17, 0, 30), False),
    (oslo(2020, 4, 16, 17, 1), False),
    (datetime(2020, 4, 16, 15, 0, tzinfo=timezone.utc), True),
    (datetime(2020, 4, 16, 11, 0, 1, tzinfo=ZoneInfo("America/New_York")), False),
])
def test_in_time_around_the_minute(when, in_time):
    """Sending at ``when`` is in time exactly when the deadline has not passed at ``when``."""
    assert status(CALL, when).passed is not in_time


def _near(seconds: int, micro: int, zone) -> datetime:
    offset = timedelta(seconds=seconds, microseconds=micro)
    return (datetime(2020, 4, 16, 15, 0, tzinfo=timezone.utc) + offset).astimezone(zone)


near_deadline = st.builds(
    _near,
    st.integers(-2 * 86400, 2 * 86400), st.integers(0, 999999), st.timezones(),
)


@given(st.one_of(st.datetimes(timezones=st.timezones()), near_deadline))
def test_in_time_exactly_at_or_before_the_deadline(when):
    assert status(CALL, when).passed is not (
        when.astimezone(timezone.utc).replace(tzinfo=None) <= DEADLINE_UTC)


# --- check_submission -----------------------------------------------------------------------
BEFORE = oslo(2020, 4, 14, 10, 0)  # tuesday, two days before
DEADLINE_DAY = oslo(2020, 4, 16, 12, 0)
AFTER = oslo(2020, 4, 17, 9, 0)

CHECKS = [
    # text, now, kind, words in the message
    ("rekker vi det om vi sender inn skissen 16. april kl 16.40?", BEFORE, "in_time",
     ["Ja", "kl. 16.40", "20 minutter", "17.00 er siste frist; 17.01 er for sent."]),
    ("16. april kl 16.59", BEFORE, "in_time", ["17.01 er for sent"]),
    ("16. april kl 17.00", BEFORE, "in_time", ["akkurat på fristen", "17.01 er for sent"]),
    ("16. april kl 17:00:30", BEFORE, "too_late", ["Nei", "kl. 17.00.30"]),
    ("16. april kl 17.01", BEFORE, "too_late", ["Nei", "17.00 er siste frist; 17.01 er for sent."]),
    ("i morgen kl 12", BEFORE, "in_time", ["onsdag 15. april 2020 kl. 12.00"]),
    ("15. april", BEFORE, "in_time", ["onsdag 15. april 2020"]),
    ("på fredag", BEFORE, "too_late", ["Nei", "fredag 17. april 2020", "Dere har 2 dager"]),
    ("vi sender 16. april", BEFORE, "date_only_in_time",
     ["Ja, hvis dere sender senest kl. 17.00", "17.01 er for sent"]),
    ("i dag", DEADLINE_DAY, "date_only_in_time", ["I dag er fristdagen", "5 timer igjen"]),
    ("innen 16. april", BEFORE, "date_only_in_time", ["kl. 17.00"]),
    ("før 16. april", BEFORE, "in_time", ["før torsdag 16. april 2020"]),
    ("før 17. april", BEFORE, "date_only_in_time", ["Torsdag 16. april 2020 er fristdagen"]),
    ("etter 10. april", BEFORE, "uncertain", ["senest kl. 17.00"]),
    ("i dag før fem", DEADLINE_DAY, "in_time", ["før kl. 17.00"]),
    ("før kl 18 på torsdag", BEFORE, "uncertain", ["senest kl. 17.00"]),
    ("etter kl 12 på torsdag", BEFORE, "uncertain", ["etter kl. 12.00", "senest kl. 17.00"]),
    ("etter kl 17 på torsdag", BEFORE, "too_late", ["Nei"]),
    ("rundt 17-tiden torsdag", BEFORE, "uncertain", ["rundt kl. 17.00"]),
    ("ca. kl 15 torsdag", BEFORE, "in_time", ["rundt kl. 15.00"]),
    ("16. april kl 15 UTC", BEFORE, "in_time", ["kl. 17.00 (norsk tid, regnet om fra UTC)"]),
    ("16. april 17:00 UTC", BEFORE, "too_late", ["kl. 19.00"]),
    ("kl 16.40", BEFORE, "needs_date", ["Hvilken dag", "16.40"]),
    ("17:00 UTC", BEFORE, "needs_date", ["19.00 norsk tid (regnet om fra UTC)"]),
    ("31. april", BEFORE, "impossible_date", ["31. april 2020 finnes ikke", "30 dager"]),
    ("29. mars 2020 kl 02.30", BEFORE, "impossible_date", ["sommertid"]),
    ("fredag 16. april", BEFORE, "impossible_date", ["er en torsdag, ikke en fredag"]),
    ("kl 25 torsdag", BEFORE, "impossible_date", ["finnes ikke"]),
    ("hvem kan søke?", BEFORE, "not_a_date", ["ingen dato", "«16. april kl. 16.00»"]),
    ("i går kl 12", BEFORE, "already_passed_now", ["allerede", "ville vært i tide"]),
    ("16. april kl 16.40", AFTER, "already_passed_now",
     ["allerede", "ville vært i tide", "Fristen gikk ut", "senere runder"]),
    ("16. april kl 17.30", AFTER, "already_passed_now", ["ville vært for sent"]),
    ("i dag kl 12", AFTER, "too_late", ["Fristen gikk ut", str(CALL.kontakt.url)]),
    ("i dag", oslo(2020, 4, 16, 17, 30), "too_late", ["Fristen gikk ut"]),
    ("nå", oslo(2020, 4, 16, 16, 55), "in_time", ["5 minutter"]),
    ("vi får ikke signert før fredag", BEFORE, "too_late", ["tidligst fredag 17. april 2020"]),
    ("vi blir ikke ferdige før kl 16 på torsdag", BEFORE, "uncertain", ["tidligst kl. 16.00"]),
    ("vi rekker ikke før kl 18 på fristdagen", BEFORE, "too_late", ["tidligst kl. 18.00"]),
    ("kvart over fire på fristdagen", BEFORE, "in_time", ["torsdag 16. april 2020 kl. 16.15"]),
    ("2. påskedag kl 10", oslo(2020, 4, 10, 15, 30), "in_time", ["mandag 13. april 2020"]),
    ("nå", oslo(2020, 4, 16, 17, 5), "too_late", ["Fristen gikk ut"]),
]


@pytest.mark.parametrize("text,now,kind,words", CHECKS)
def test_check_submission(text, now, kind, words):
    result = check_submission(CALL, text, now)
    assert result.kind == kind, result.message
    for word in words:
        assert word in result.message
    assert DEADLINE_TEXT in result.message  # every answer states the deadline
    assert (result.when is None) == (kind in ("impossible_date", "not_a_date"))


def test_check_submission_needs_an_aware_now():
    with pytest.raises(ValueError):
        check_submission(CALL, "i morgen", datetime(2020, 4, 14, 10, 0))


@given(near_deadline)
def test_check_agrees_with_the_deadline_instant(when):
    """A planned instant written as Oslo date and time is in time at or before the deadline."""
    local = when.astimezone(OSLO).replace(microsecond=0)
    text = f"{local.day}.{local.month}.{local.year} kl {local:%H:%M:%S}"
    result = check_submission(CALL, text, oslo(2020, 4, 14, 0, 0))
    in_time = local.astimezone(timezone.utc).replace(tzinfo=None) <= DEADLINE_UTC
    assert result.kind == ("in_time" if in_time else "too_late")


def test_domain_modules_import_no_rasa_or_fastapi():
    package = ROOT / "veileder"
    for module in sorted(package.rglob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        names = {alias.name.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.Import) for alias in node.names}
        names |= {node.module.split(".")[0] for node in ast.walk(tree)
                  if isinstance(node, ast.ImportFrom) and node.module}
        assert not names & {"rasa", "rasa_sdk", "fastapi", "starlette"}, module


def test_a_past_deadline_day_without_a_time_depends_on_the_hour():
    from veileder.call import load_call
    call = load_call()
    now = datetime(2026, 11, 27, 10, 0, tzinfo=ZoneInfo("Europe/Oslo"))
    result = check_submission(call, "Er fristen 16. april?", now)
    assert result.kind == "already_passed_now"
    assert "i tide hvis den kom inn senest kl. 17.00 torsdag 16. april 2020" in result.message
    assert "for sent." not in result.message.split("Fristen gikk ut")[0]
    assert "ville vært i tide." in check_submission(call, "15. april", now).message
    assert "ville vært for sent." in check_submission(call, "17. april", now).message

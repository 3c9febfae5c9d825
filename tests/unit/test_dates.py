"""Norwegian date/time expressions -> aware datetimes (veileder.dates).

Unless a row says otherwise, "now" is tuesday 14 April 2020 10.00 in Oslo and the default year is
2020 (the deadline's year).
"""
from __future__ import annotations

import calendar
from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from veileder.dates import ParsedTime, easter_sunday, parse_planned_time
from veileder.deadline import format_datetime
from veileder.norsk import MONTH_NAMES
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")
NOW = datetime(2020, 4, 14, 10, 0, tzinfo=OSLO)  # a tuesday
BEFORE_SPRING_DST = "2020-03-28T12:00:00+01:00"  # saturday before the clocks go forward


def parse(text: str, now: datetime = NOW) -> ParsedTime:
    return parse_planned_time(text, now, default_year=2020)


# (text, expected instant, now) - the expression has both a date and a time.
INSTANTS = [
    # bokmål, explicit
    ("16. april kl 16.40", "2020-04-16T16:40:00+02:00", None),
    ("16.04.2020 17:05", "2020-04-16T17:05:00+02:00", None),
    ("16/4 klokka 17", "2020-04-16T17:00:00+02:00", None),
    ("torsdag 16. april kl. 1700", "2020-04-16T17:00:00+02:00", None),
    ("16. april 2020 kl. 17.00", "2020-04-16T17:00:00+02:00", None),
    ("rekker vi det om vi sender inn skissen 16. april kl 16.40?", "2020-04-16T16:40:00+02:00",
     None),
    ("16. apr. kl. 16:59", "2020-04-16T16:59:00+02:00", None),
    ("klokken 16.45 den 16. april", "2020-04-16T16:45:00+02:00", None),
    ("16-04-2020 kl 12", "2020-04-16T12:00:00+02:00", None),
    ("16/4-2020 kl. 9.30", "2020-04-16T09:30:00+02:00", None),
    ("2020-04-16 16:30", "2020-04-16T16:30:00+02:00", None),
    ("2020-04-16T14:30:00Z", "2020-04-16T16:30:00+02:00", None),
    ("15. april ved midnatt", "2020-04-16T00:00:00+02:00", None),
    # "16.4 kl 5": hours 1-6 without a leading zero are the afternoon; "kl 05" is the morning
    ("16.4 kl 5", "2020-04-16T17:00:00+02:00", None),
    ("16.4 kl 05", "2020-04-16T05:00:00+02:00", None),
    ("16.04 kl 17", "2020-04-16T17:00:00+02:00", None),  # "16.04" with no other date: a date
    ("i dag 16.04", "2020-04-14T16:04:00+02:00", None),  # ... with another date: a time
    # relative
    ("i morgen kl 12", "2020-04-15T12:00:00+02:00", None),
    ("i dag før fem", "2020-04-14T17:00:00+02:00", None),
    ("i overmorgen kl 14", "2020-04-16T14:00:00+02:00", None),
    ("neste fredag kl 10", "2020-04-17T10:00:00+02:00", None),
    ("fredag neste uke kl 9", "2020-04-24T09:00:00+02:00", None),
    ("torsdag kl 16", "2020-04-16T16:00:00+02:00", None),
    ("i kveld kl 8", "2020-04-14T20:00:00+02:00", None),
    ("i morgen tidlig kl 6", "2020-04-15T06:00:00+02:00", None),
    ("om 2 timer og 15 minutter", "2020-04-14T12:15:00+02:00", None),
    ("om en halvtime", "2020-04-14T10:30:00+02:00", None),
    ("vi trenger tre timer til", "2020-04-14T13:00:00+02:00", None),
    ("we need 3 more hours", "2020-04-14T13:00:00+02:00", None),
    ("2. påskedag kl 10", "2020-04-13T10:00:00+02:00", None),
    ("skjærtorsdag kl 12", "2020-04-09T12:00:00+02:00", None),
    ("kan vi sende nå?", "2020-04-14T10:00:00+02:00", None),
    # nynorsk
    ("i morgon klokka 9", "2020-04-15T09:00:00+02:00", None),
    ("på torsdag klokka halv fem", "2020-04-16T16:30:00+02:00", None),
    ("i overmorgon kl 16.15", "2020-04-16T16:15:00+02:00", None),
    ("måndag 20. april kl 10", "2020-04-20T10:00:00+02:00", None),
    ("laurdag kl 12", "2020-04-18T12:00:00+02:00", None),
    ("kvart på fem på torsdag", "2020-04-16T16:45:00+02:00", None),
    ("fem på halv fem torsdag", "2020-04-16T16:25:00+02:00", None),
    # English
    ("April 16 at 4:59 pm", "2020-04-16T16:59:00+02:00", None),
    ("16th of April 2020, 5pm", "2020-04-16T17:00:00+02:00", None),
    ("tomorrow at noon", "2020-04-15T12:00:00+02:00", None),
    ("thursday at half past four", "2020-04-16T16:30:00+02:00", None),
    ("quarter to five on Thursday", "2020-04-16T16:45:00+02:00", None),
    # other zones are converted to Oslo time
    ("16. april kl 15 UTC", "2020-04-16T17:00:00+02:00", None),
    ("Apr 16, 2020 17:00 UTC", "2020-04-16T19:00:00+02:00", None),
    ("16. april 16:00 CET", "2020-04-16T17:00:00+02:00", None),
    ("16. april 14:00 GMT+1", "2020-04-16T15:00:00+02:00", None),
    ("16. april kl 17 norsk tid", "2020-04-16T17:00:00+02:00", None),
    ("16. april 16:00 +01:00", "2020-04-16T17:00:00+02:00", None),
    # sloppy spelling
    ("kl1700 16.april", "2020-04-16T17:00:00+02:00", None),
    ("torsdag 16 april kl 1659", "2020-04-16T16:59:00+02:00", None),
    ("pa torsdag kl 16", "2020-04-16T16:00:00+02:00", None),
    ("lordag kl 10", "2020-04-18T10:00:00+02:00", None),
    ("torsadg kl 16", "2020-04-16T16:00:00+02:00", None),
    ("16 APRIL KLOKKA 17.00", "2020-04-16T17:00:00+02:00", None),
    # the minute around the deadline
    ("16. april kl 16.59", "2020-04-16T16:59:00+02:00", None),
    ("16. april kl 17.00", "2020-04-16T17:00:00+02:00", None),
    ("16. april kl 17:00:30", "2020-04-16T17:00:30+02:00", None),
    ("16. april kl 17.01", "2020-04-16T17:01:00+02:00", None),
    # daylight saving: last sunday of March (02.00 -> 03.00) and of October (03.00 -> 02.00)
    ("28. mars 2020 kl 12", "2020-03-28T12:00:00+01:00", None),
    ("29. mars 2020 kl 01.59", "2020-03-29T01:59:00+01:00", None),
    ("29. mars 2020 kl 03.00", "2020-03-29T03:00:00+02:00", None),
    ("25. oktober 2020 kl 02.30", "2020-10-25T02:30:00+02:00", None),  # first of the two
    ("25. oktober 2020 kl 03.00", "2020-10-25T03:00:00+01:00", None),
    ("i morgen kl 12", "2020-03-29T12:00:00+02:00", BEFORE_SPRING_DST),  # wall clock
    ("om 24 timer", "2020-03-29T13:00:00+02:00", BEFORE_SPRING_DST),  # elapsed time
]


@pytest.mark.parametrize("text,expected,now", INSTANTS)
def test_instants(text, expected, now):
    parsed = parse(text, datetime.fromisoformat(now) if now else NOW)
    assert parsed.error is None, parsed.detail
    assert parsed.has_date and parsed.has_time
    expected = datetime.fromisoformat(expected)
    # compared in UTC: PEP 495 makes == between zones False for times that occur twice
    assert parsed.when.astimezone(timezone.utc) == expected.astimezone(timezone.utc)
    assert parsed.when.utcoffset() == expected.utcoffset()


# (text, expected day) - a date without a time.
DATES = [
    ("på fredag", "2020-04-17"),
    ("tirsdag", "2020-04-14"),  # today is a tuesday: the nearest tuesday is today
    ("neste tirsdag", "2020-04-21"),
    ("forrige fredag", "2020-04-10"),
    ("om to dager", "2020-04-16"),
    ("om to dagar", "2020-04-16"),
    ("om ei veke", "2020-04-21"),
    ("16. april", "2020-04-16"),
    ("16.4.", "2020-04-16"),
    ("i morgon", "2020-04-15"),
    ("April 17th", "2020-04-17"),
    ("on Friday", "2020-04-17"),
    ("den 17.", "2020-04-17"),
    ("29. februar", "2020-02-29"),  # no year: the deadline's year, a leap year
    ("4/16/2020", "2020-04-16"),  # month > 12: read the American way
    ("langfredag", "2020-04-10"),
    ("Easter Monday", "2020-04-13"),
    ("julaften", "2020-12-24"),
]


@pytest.mark.parametrize("text,expected", DATES)
def test_dates_without_time(text, expected):
    parsed = parse(text)
    assert parsed.error is None, parsed.detail
    assert parsed.has_date and not parsed.has_time
    assert parsed.when == datetime.combine(date.fromisoformat(expected), time(0), tzinfo=OSLO)


# (text, expected clock time in Oslo) - a time without a date: "when" is that time today.
TIMES = [
    ("kl 16.40", "16:40"),
    ("17:00 UTC", "19:00"),
    ("før fem", "17:00"),
    ("halv fem", "16:30"),
    ("klokka 5", "17:00"),
]


@pytest.mark.parametrize("text,expected", TIMES)
def test_times_without_date(text, expected):
    parsed = parse(text)
    assert parsed.error is None and parsed.has_time and not parsed.has_date
    assert parsed.when.astimezone(OSLO).time() == time.fromisoformat(expected)
    assert parsed.when.astimezone(OSLO).date() == NOW.date()


ERRORS = [
    ("31. april", "impossible_date"),
    ("30. februar kl 12", "impossible_date"),
    ("29. februar 2021", "impossible_date"),
    ("32.4", "impossible_date"),
    ("16.13.2020", "impossible_date"),
    ("kl 25", "impossible_time"),
    ("16. april kl 17.75", "impossible_time"),
    ("29. mars 2020 kl 02.30", "nonexistent_time"),  # in the DST gap: does not exist
    ("fredag 16. april 2020", "weekday_mismatch"),
    ("hei, hvem kan søke?", "not_a_date"),
    ("vi er 3 kommuner og 2 etater", "not_a_date"),
    ("", "not_a_date"),
    ("0000-01-01", "impossible_date"),
    ("31.12.9999 kl 24", "impossible_date"),
]


@pytest.mark.parametrize("text,error", ERRORS)
def test_errors(text, error):
    parsed = parse(text)
    assert parsed.error == error
    assert parsed.when is None
    assert parsed.detail  # a sentence for the answer


def test_error_details_name_the_problem():
    assert parse("31. april").detail == "31. april 2020 finnes ikke. April 2020 har 30 dager."
    assert "torsdag" in parse("fredag 16. april 2020").detail


RELATIONS = [
    ("før kl 17 på torsdag", "before"),
    ("innen 16. april", "by"),
    ("senest kl 16.30 i morgen", "by"),
    ("etter kl 12 torsdag", "after"),
    ("rundt 17-tiden torsdag", "around"),
    ("ca. kl 16 på torsdag", "around"),
    ("16. april kl 16", "at"),
    ("før fredag kl 12", "before"),  # the word before the date counts when the time has none
    ("for fem på torsdag", "before"),  # "før" typed without ø, right before a time
    ("we're aiming for the 15th", "at"),  # ... but "for" before a date is just "for"
    ("tidligst torsdag kl 12", "from"),
    ("not until thursday 3pm", "from"),
    # a negation shortly before reverses the relation
    ("vi får ikke signert før fredag", "from"),
    ("vi blir ikke ferdige før kl 16 på torsdag", "from"),
    ("we can't send before Friday", "from"),
    ("vi rekker ikke å sende innen torsdag", "after"),
    ("ikke etter kl 16 torsdag", "by"),
    ("er det ikke greit å sende før fem på torsdag?", "before"),  # a question, not a negation
]


@pytest.mark.parametrize("text,relation", RELATIONS)
def test_relations(text, relation):
    assert parse(text).relation == relation


def test_zone_is_reported_only_when_converted():
    assert parse("16. april kl 15 UTC").zone == "UTC"
    assert parse("16. april kl 17 norsk tid").zone is None
    assert parse("16. april 17:00 +02:00").zone is None


def test_deadline_day_words_need_the_deadline_day():
    deadline_day = date(2020, 4, 16)
    parsed = parse_planned_time("kvart over fire på fristdagen", NOW, 2020,
                                deadline_day=deadline_day)
    assert parsed.when == datetime(2020, 4, 16, 16, 15, tzinfo=OSLO)
    without = parse("kvart over fire på fristdagen")
    assert without.has_time and not without.has_date


@pytest.mark.parametrize("name,holiday", [
    ("skjærtorsdag", "Maundy Thursday"), ("langfredag", "Good Friday"),
    ("påskedag", "Easter Sunday"), ("2. påskedag", "Easter Monday"),
    ("kristi himmelfartsdag", "Ascension Day"), ("2. pinsedag", "Whit Monday"),
])
@pytest.mark.parametrize("year", [1950, 2020, 2021, 2038, 2100])
def test_named_days_agree_with_the_holidays_package(name, holiday, year):
    import holidays

    official = holidays.Norway(years=year, language="en_US")
    expected = [day for day, label in official.items() if holiday in label.split("; ")]
    parsed = parse_planned_time(name, NOW, default_year=year)
    assert parsed.when.date() == expected[0]


def test_easter_sunday_agrees_with_the_holidays_package():
    import holidays

    for year in range(1901, 2101):  # the years the package covers for Norway
        official = holidays.Norway(years=year, language="en_US")
        assert "Easter Sunday" in official.get(easter_sunday(year), "").split("; "), year


def test_now_must_be_aware():
    with pytest.raises(ValueError):
        parse_planned_time("i morgen", datetime(2020, 4, 14, 10), 2020)


def test_default_year_is_used_for_dates_without_year():
    parsed = parse_planned_time("16. april kl 12", NOW, default_year=2021)
    assert parsed.when == datetime(2021, 4, 16, 12, tzinfo=OSLO)


# --- properties -----------------------------------------------------------------------------
aware_minutes = st.datetimes(
    min_value=datetime(1950, 1, 1), max_value=datetime(2090, 12, 31),
    timezones=st.sampled_from([OSLO, timezone.utc, ZoneInfo("America/New_York"),
                               timezone(timedelta(hours=5, minutes=30))]),
).map(lambda dt: dt.replace(second=0, microsecond=0))


@given(aware_minutes)
def test_formatted_datetimes_parse_back(dt):
    """format_datetime's output ("torsdag 16. april 2020 kl. 17.00") parses to the same instant."""
    local = dt.astimezone(OSLO)
    assume(local.replace(fold=0).utcoffset() == local.replace(fold=1).utcoffset())  # not DST
    parsed = parse(format_datetime(dt))
    assert parsed.error is None, parsed.detail
    assert parsed.when.astimezone(timezone.utc) == dt.astimezone(timezone.utc)


FUZZ_TOKENS = [
    "kl", "kl.", "klokka", "16", "17", "5", "05", "24", "00", "99", "9999", "0000", "2020", ".",
    ":", "/", "-", "+", "16.04", "31.12.9999", "0000-01-01", "9999-12-31t23:59+14:00", "april",
    "før", "ikke", "etter", "rundt", "halv", "fem", "kvart", "på", "over", "i morgen", "i dag",
    "fredag", "neste", "om", "to", "dager", "timer", "999", "utc+14", "-12:00", "pm", "midnatt",
    "fristdagen", "2. påskedag", "julaften", "the", "16th", "den", "nå", "til", "-tiden", "?",
]


@given(st.one_of(st.text(max_size=40),
                 st.lists(st.sampled_from(FUZZ_TOKENS), max_size=8).map(" ".join)),
       st.integers(1, 9999))
def test_any_text_gives_an_answer_not_an_exception(text, year):
    parsed = parse_planned_time(text, NOW, default_year=year)
    assert (parsed.error is None) == (parsed.when is not None)
    if parsed.when is not None:
        assert parsed.when.utcoffset() is not None


@given(st.integers(1950, 2090), st.integers(1, 12), st.integers(1, 31))
def test_impossible_days_are_reported(year, month, day):
    parsed = parse(f"{day}. {MONTH_NAMES[month - 1]} {year} kl 12")
    if day <= calendar.monthrange(year, month)[1]:
        assert parsed.when == datetime(year, month, day, 12, tzinfo=OSLO)
    else:
        assert parsed.error == "impossible_date"

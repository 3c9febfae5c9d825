"""veileder/opening_hours.py with a pinned clock: when an adviser is next at work, and what the
user is told. Easter 2027: skjærtorsdag 25 March, langfredag 26 March, andre påskedag 29 March;
17. mai 2027 is also andre pinsedag; Kristi himmelfartsdag 2027 is Thursday 6 May."""
from __future__ import annotations

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

import pytest

from veileder.opening_hours import (
    OpeningHours,
    availability_sentence,
    holiday_name,
    is_open,
    is_working_day,
    next_at_work,
    opening_hours,
    parse_hours,
)

OSLO = ZoneInfo("Europe/Oslo")
HOURS = opening_hours("08:00-16:00", "Europe/Oslo")


def oslo(*args) -> datetime:
    return datetime(*args, tzinfo=OSLO)


CASES = [
    # (what, now, next at work, sentence)
    ("weekday inside hours", oslo(2027, 4, 14, 10, 0), oslo(2027, 4, 14, 10, 0),
     "Kontoret er åpent til kl. 16.00 i dag. En rådgiver ser på meldingen din så snart som "
     "mulig."),
    ("opening minute", oslo(2027, 4, 14, 8, 0), oslo(2027, 4, 14, 8, 0),
     "Kontoret er åpent til kl. 16.00 i dag. En rådgiver ser på meldingen din så snart som "
     "mulig."),
    ("early morning", oslo(2027, 4, 14, 6, 30), oslo(2027, 4, 14, 8, 0),
     "Kontoret er stengt nå. En rådgiver ser på meldingen din i dag fra kl. 08.00."),
    ("closing minute", oslo(2027, 4, 14, 16, 0), oslo(2027, 4, 15, 8, 0),
     "Kontoret er stengt nå. En rådgiver ser på meldingen din i morgen fra kl. 08.00."),
    ("evening", oslo(2027, 4, 14, 21, 15), oslo(2027, 4, 15, 8, 0),
     "Kontoret er stengt nå. En rådgiver ser på meldingen din i morgen fra kl. 08.00."),
    ("Friday evening", oslo(2027, 4, 16, 18, 0), oslo(2027, 4, 19, 8, 0),
     "Kontoret er stengt nå. En rådgiver ser på meldingen din mandag 19. april fra kl. 08.00."),
    ("Saturday", oslo(2027, 4, 17, 12, 0), oslo(2027, 4, 19, 8, 0),
     "Kontoret er stengt nå. En rådgiver ser på meldingen din mandag 19. april fra kl. 08.00."),
    ("Sunday evening", oslo(2027, 4, 18, 22, 0), oslo(2027, 4, 19, 8, 0),
     "Kontoret er stengt nå. En rådgiver ser på meldingen din i morgen fra kl. 08.00."),
    ("the day before Easter's holidays", oslo(2027, 3, 24, 16, 30), oslo(2027, 3, 30, 8, 0),
     "Kontoret er stengt nå. En rådgiver ser på meldingen din tirsdag 30. mars fra kl. 08.00."),
    ("Friday evening in Easter (langfredag)", oslo(2027, 3, 26, 19, 0), oslo(2027, 3, 30, 8, 0),
     "Kontoret er stengt i dag (langfredag). En rådgiver ser på meldingen din tirsdag 30. mars "
     "fra kl. 08.00."),
    ("the Friday before Easter", oslo(2027, 3, 19, 17, 0), oslo(2027, 3, 22, 8, 0),
     "Kontoret er stengt nå. En rådgiver ser på meldingen din mandag 22. mars fra kl. 08.00."),
    ("andre påskedag", oslo(2027, 3, 29, 11, 0), oslo(2027, 3, 30, 8, 0),
     "Kontoret er stengt i dag (andre påskedag). En rådgiver ser på meldingen din i morgen fra "
     "kl. 08.00."),
    ("17. mai", oslo(2027, 5, 17, 10, 0), oslo(2027, 5, 18, 8, 0),
     "Kontoret er stengt i dag (andre pinsedag og grunnlovsdag). En rådgiver ser på meldingen "
     "din i morgen fra kl. 08.00."),
    ("the day before a holiday", oslo(2027, 5, 5, 16, 30), oslo(2027, 5, 7, 8, 0),
     "Kontoret er stengt nå. En rådgiver ser på meldingen din fredag 7. mai fra kl. 08.00."),
    ("Christmas Day", oslo(2026, 12, 25, 10, 0), oslo(2026, 12, 28, 8, 0),
     "Kontoret er stengt i dag (første juledag). En rådgiver ser på meldingen din mandag "
     "28. desember fra kl. 08.00."),
    ("Christmas Eve is a working day", oslo(2026, 12, 24, 9, 0), oslo(2026, 12, 24, 9, 0),
     "Kontoret er åpent til kl. 16.00 i dag. En rådgiver ser på meldingen din så snart som "
     "mulig."),
    ("New Year's Eve evening", oslo(2026, 12, 31, 17, 0), oslo(2027, 1, 4, 8, 0),
     "Kontoret er stengt nå. En rådgiver ser på meldingen din mandag 4. januar 2027 fra "
     "kl. 08.00."),
    ("a UTC clock (06:30Z is 08:30 in Oslo in summer)",
     datetime(2027, 4, 14, 6, 30, tzinfo=timezone.utc), oslo(2027, 4, 14, 8, 30),
     "Kontoret er åpent til kl. 16.00 i dag. En rådgiver ser på meldingen din så snart som "
     "mulig."),
    ("a UTC clock in winter (07:30Z is 08:30 in Oslo)",
     datetime(2027, 1, 13, 7, 30, tzinfo=timezone.utc), oslo(2027, 1, 13, 8, 30),
     "Kontoret er åpent til kl. 16.00 i dag. En rådgiver ser på meldingen din så snart som "
     "mulig."),
]


@pytest.mark.parametrize("what,now,expected,sentence", CASES, ids=[c[0] for c in CASES])
def test_next_at_work_and_what_the_user_is_told(what, now, expected, sentence):
    at_work = next_at_work(now, HOURS)
    assert at_work == expected and at_work.tzinfo is not None
    assert is_open(at_work, HOURS)
    assert is_open(now, HOURS) is (at_work == now)
    assert availability_sentence(now, HOURS) == sentence


@pytest.mark.parametrize("day,name", [
    (date(2027, 3, 25), "Skjærtorsdag"),
    (date(2027, 3, 26), "Langfredag"),
    (date(2027, 3, 29), "Andre påskedag"),
    (date(2027, 5, 1), "Arbeidernes dag"),
    (date(2027, 5, 6), "Kristi himmelfartsdag"),
    (date(2027, 5, 17), "Andre pinsedag og Grunnlovsdag"),
    (date(2026, 12, 26), "Andre juledag"),
    (date(2027, 1, 1), "Første nyttårsdag"),
    (date(2026, 12, 24), None),
    (date(2027, 1, 3), None),  # a plain Sunday is no holiday (include_sundays=False)
])
def test_holidays(day, name):
    assert holiday_name(day) == name


@pytest.mark.parametrize("day,working", [
    (date(2027, 4, 14), True), (date(2027, 4, 17), False), (date(2027, 4, 18), False),
    (date(2027, 3, 25), False), (date(2027, 5, 17), False), (date(2026, 12, 31), True),
])
def test_working_days(day, working):
    assert is_working_day(day, HOURS) is working


@pytest.mark.parametrize("now,expected", [
    (oslo(2027, 4, 14, 8, 30), oslo(2027, 4, 14, 9, 0)),
    (oslo(2027, 4, 14, 14, 59), oslo(2027, 4, 14, 14, 59)),
    (oslo(2027, 4, 14, 15, 0), oslo(2027, 4, 15, 9, 0)),
])
def test_other_hours_from_the_settings(now, expected):
    hours = opening_hours("09:00-15:00", "Europe/Oslo")
    assert next_at_work(now, hours) == expected


@pytest.mark.parametrize("text,expected", [
    ("08:00-16:00", (time(8), time(16))),
    ("8-16", (time(8), time(16))),
    (" 08.30 – 15.45 ", (time(8, 30), time(15, 45))),
])
def test_parse_hours(text, expected):
    assert parse_hours(text) == expected


@pytest.mark.parametrize("text", ["", "åtte til fire", "16:00-08:00", "08:00-08:00",
                                  "25:00-26:00", "08:00"])
def test_parse_hours_refuses(text):
    with pytest.raises(ValueError, match="08:00-16:00|før den slutter"):
        parse_hours(text)


def test_a_naive_clock_is_refused():
    with pytest.raises(ValueError, match="aware"):
        next_at_work(datetime(2027, 4, 14, 10, 0), OpeningHours())

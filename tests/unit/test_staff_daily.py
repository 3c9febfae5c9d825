"""The staff statistics from stored closed days (``web/staff_daily.py``) are the same figures as
the direct computation (``web/staff_stats.py``), over a generated store of several days with
conversations across midnight (Oslo time) and today's part computed live; the purge and a late
event keep them so. SQLite and, when it runs, PostgreSQL."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from components import retention
from components.records import Records, create_engine, daily_statistics
from testkit import tracker_events
from web import staff_daily, staff_stats

TZ = "Europe/Oslo"
#: the pinned clock: 5 November 2026 at noon in Oslo; 1-4 November are closed, 5 is today
NOW = datetime(2026, 11, 5, 12, tzinfo=timezone.utc)
MIDNIGHT = datetime(2026, 11, 2, 23, tzinfo=timezone.utc)  # 3 November 00:00 in Oslo


def before_midnight(seconds: int) -> datetime:
    return MIDNIGHT - timedelta(seconds=seconds)


ACROSS_MIDNIGHT = [
    # the question on 2 November (not an "unanswered" intent), the answer "not in the
    # announcement" on 3 November: counted on the 3rd, once in a range of both days
    ("answered-after-midnight", before_midnight(20), [
        ("user", "Kommer det en ny runde neste år?", "faq"),
        ("bot", "Det står ikke i utlysningen.", "utter_ukjent/neste_runde")]),
    # an unanswered intent before midnight and its answer after: counted on both days alone
    ("unknown-across", before_midnight(20), [
        ("user", "Hvor lang er behandlingstiden?", "ukjent"),
        ("bot", "Det står ikke i utlysningen.", "utter_ukjent/behandlingstid")]),
    # asked for a person before midnight, two fallbacks in a row across it
    ("failed-across", before_midnight(35), [
        ("user", "Kan jeg snakke med en person?", "human_handoff"),
        ("action", "utter_human_handoff"),
        ("user", "asdf", "nlu_fallback"), ("user", "qwerty", "nlu_fallback"),
        ("bot", "Mente du …?", None)]),
    # the form learnt the family before midnight, the verdict came after
    ("elig-across", before_midnight(25), [
        ("user", "Kan vi søke?", "check_eligibility"), ("slot", "elig_family", "municipality"),
        ("action", "action_eligibility_summary"),
        ("bot", "Dere kan søke. Kommuner kan søke.", None)]),
    # a verdict on 4 November for a family learnt on the 3rd
    ("elig-days", datetime(2026, 11, 3, 10, tzinfo=timezone.utc), [
        ("user", "Vi er en stiftelse", "inform_org"), ("slot", "elig_family", "foundation")]),
    ("elig-days", datetime(2026, 11, 4, 10, tzinfo=timezone.utc), [
        ("user", "Hva blir svaret?", "check_eligibility"),
        ("action", "action_eligibility_summary"),
        ("bot", "Vi kan ikke avgjøre om dere kan søke. Det kommer an på finansieringen.", None)]),
]

RANGES = [(date(2026, 11, 1), date(2026, 11, 6)), (date(2026, 11, 2), date(2026, 11, 2)),
          (date(2026, 11, 3), date(2026, 11, 3)), (date(2026, 11, 2), date(2026, 11, 3)),
          (date(2026, 11, 3), date(2026, 11, 5)), (date(2026, 11, 5), date(2026, 11, 5)),
          (date(2026, 11, 4), date(2026, 11, 4)),
          # across the end of summer time (25 October): the trend directly, the rest stored
          (date(2026, 10, 20), date(2026, 11, 6))]


@pytest.fixture
def engine(database_url):
    engine = create_engine(database_url)
    start = datetime(2026, 11, 1, tzinfo=timezone.utc)
    tracker_events.write(engine, list(tracker_events.generated(300, start, days=5, seed=3))
                         + ACROSS_MIDNIGHT, in_time_order=True)
    records = Records(engine)
    records.create_ticket("answered-after-midnight", "Ring meg", now=MIDNIGHT)
    records.create_ticket("elig-days", "Hva nå?", now=datetime(2026, 11, 4, 11,
                                                               tzinfo=timezone.utc))
    yield engine
    engine.dispose()


def direct(engine, rng):
    return (staff_stats.summary(engine, rng), staff_stats.days(engine, rng),
            staff_stats.top_answers(engine, rng), staff_stats.unanswered_texts(engine, rng),
            staff_stats.eligibility(engine, rng))


def from_days(engine, rng, now=NOW):
    return (staff_daily.summary(engine, rng, now), staff_daily.days(engine, rng, now),
            staff_daily.top_answers(engine, rng, now),
            staff_daily.unanswered_texts(engine, rng, now),
            staff_daily.eligibility(engine, rng, now))


def stored_days(engine):
    with engine.connect() as conn:
        return set(conn.execute(sa.select(daily_statistics.c.day).where(
            daily_statistics.c.statistic == staff_daily.MARKER)).scalars())


def test_the_figures_are_the_same_with_and_without_stored_days(engine):
    for first, last in RANGES:
        rng = staff_stats.DateRange(first, last, TZ)
        assert from_days(engine, rng) == direct(engine, rng), (first, last)
        # the second time from the stored days
        assert from_days(engine, rng) == direct(engine, rng), (first, last)
    assert {date(2026, 11, d) for d in (1, 2, 3, 4)} <= stored_days(engine)
    assert not {date(2026, 11, 5), date(2026, 11, 6)} & stored_days(engine)


@pytest.fixture
def midnight(database_url):
    engine = create_engine(database_url)
    tracker_events.write(engine, ACROSS_MIDNIGHT, in_time_order=True)
    yield engine
    engine.dispose()


def one(first: int, last: int) -> staff_stats.DateRange:
    return staff_stats.DateRange(date(2026, 11, first), date(2026, 11, last), TZ)


LONG, NEW_ROUND = "Hvor lang er behandlingstiden?", "Kommer det en ny runde neste år?"


@pytest.mark.parametrize("first, last, texts, conversations, person, failed", [
    (2, 2, {LONG: 1, "asdf": 1}, 4, 1, 0),
    (3, 3, {LONG: 1, NEW_ROUND: 1, "qwerty": 1}, 2, 0, 1),
    (2, 3, {LONG: 1, NEW_ROUND: 1, "asdf": 1, "qwerty": 1}, 5, 1, 1),
])
def test_the_midnight_cases_count_as_before(midnight, first, last, texts, conversations,
                                            person, failed):
    rng = one(first, last)
    assert dict(staff_daily.unanswered_texts(midnight, rng, NOW)) == texts
    summary = staff_daily.summary(midnight, rng, NOW)
    assert (summary.conversations, summary.asked_for_person, summary.failed) == (
        conversations, person, failed)
    assert from_days(midnight, rng) == direct(midnight, rng)
    assert from_days(midnight, rng) == direct(midnight, rng)  # now from the stored days


@pytest.mark.parametrize("first, last, checks", [(3, 3, {"foundation": (1, 0, 0)}),
                                                 (4, 4, {}),
                                                 (3, 4, {"foundation": (1, 1, 1)}),
                                                 (2, 3, {"municipality": (1, 1, 0),
                                                         "foundation": (1, 0, 0)})])
def test_eligibility_across_days(midnight, first, last, checks):
    found = staff_daily.eligibility(midnight, one(first, last), NOW)
    assert {o.family: (o.checks, o.verdicts, o.uncertain) for o in found} == checks
    assert found == staff_stats.eligibility(midnight, one(first, last))


def test_closed_days_are_read_from_the_store_and_today_live(engine, monkeypatch):
    rng = staff_stats.DateRange(date(2026, 11, 1), date(2026, 11, 6), TZ)
    expected = direct(engine, rng)
    from_days(engine, rng)
    computed = []

    def spy(producer):
        def run(conn, one_day):
            computed.append(one_day.first)
            return producer(conn, one_day)
        return run

    for name, producer in list(staff_daily.PRODUCERS.items()):
        monkeypatch.setitem(staff_daily.PRODUCERS, name, spy(producer))
    assert from_days(engine, rng) == expected
    assert set(computed) == {date(2026, 11, 5), date(2026, 11, 6)}


def test_a_late_event_in_a_closed_day_is_counted(engine):
    rng = staff_stats.DateRange(date(2026, 11, 1), date(2026, 11, 6), TZ)
    from_days(engine, rng)
    tracker_events.write(engine, [("late", datetime(2026, 11, 2, 10, tzinfo=timezone.utc),
                                   [("user", "Hvor lang er behandlingstiden?", "ukjent")])])
    later = staff_stats.DateRange(date(2026, 11, 3), date(2026, 11, 6), TZ)
    assert from_days(engine, later) == direct(engine, later)  # seen, but not in this range
    assert from_days(engine, rng) == direct(engine, rng)


def test_storing_a_day_twice_changes_nothing(engine):
    day = date(2026, 11, 3)

    def rows():
        with engine.connect() as conn:
            return sorted(tuple(r)[2:] for r in conn.execute(
                sa.select(daily_statistics).where(daily_statistics.c.day == day)))

    staff_daily._store_day(engine, day, TZ)
    once = rows()
    staff_daily._store_day(engine, day, TZ)
    assert rows() == once and once
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
        conn.execute(daily_statistics.insert(), {"day": day, "statistic": "day", "key": TZ})


def test_the_purge_deletes_the_stored_days_of_what_it_deletes(engine):
    rng = staff_stats.DateRange(date(2026, 11, 1), date(2026, 11, 6), TZ)
    from_days(engine, rng)
    assert date(2026, 11, 1) in stored_days(engine)
    # pinned: conversations whose last event is before 2 November 12:00 UTC are deleted
    purged = retention.purge(engine, datetime(2027, 5, 1, 12, tzinfo=timezone.utc),
                             retention.Periods(conversations=timedelta(days=180)))
    assert purged.conversations > 0
    assert date(2026, 11, 1) not in stored_days(engine)
    assert from_days(engine, rng) == direct(engine, rng)
    assert date(2026, 11, 1) in stored_days(engine)  # computed again from what is left


def test_the_daily_job_purges_then_stores_the_closed_days(engine):
    from components.settings import load_settings
    from web.jobs import daily

    settings = load_settings({
        "ASSISTANT_DATABASE_URL": engine.url.render_as_string(hide_password=False),
        "ASSISTANT_NOW": NOW.isoformat(), "ASSISTANT_OFFICE_TIMEZONE": TZ})
    daily(settings)
    assert {date(2026, 11, d) for d in (1, 2, 3, 4)} <= stored_days(engine)
    assert date(2026, 11, 5) not in stored_days(engine)

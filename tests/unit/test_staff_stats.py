"""Statistics of the staff pages over a tracker store of known content, with exact counts.

The ``events`` rows are written in Rasa 3.6's SQLTrackerStore format (``testkit/
tracker_events.py``), in SQLite and, when it runs, PostgreSQL. The range is 1-7 November 2026
in Oslo time (UTC+1), so a conversation at 23:30 UTC on 31 October is in it and one at 23:30
UTC on 7 November is not.
"""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
import sqlalchemy as sa

from components.records import Records, create_engine
from testkit import tracker_events
from web import charts, staff_stats
from web.staff_texts import cluster, normalise

RANGE = staff_stats.DateRange(date(2026, 11, 1), date(2026, 11, 7), "Europe/Oslo")


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=timezone.utc)


def faq(text, key):
    return [("user", text, "faq"), ("action", "action_answer_faq"), ("bot", "Svar.", key)]


def fallback(text):
    return [("user", text, "nlu_fallback"), ("action", "action_two_stage_fallback"),
            ("bot", "Mente du …?", None)]


CONVERSATIONS = [
    ("faq", at(2, 9), faq("Når er fristen?", "utter_faq/frist")
     + faq("Hvor mye penger?", "utter_faq/belop")),
    ("unknown", at(2, 10), [("user", "Hvor mye kan hvert prosjekt få?", "ukjent"),
                            ("bot", "Det står ikke i utlysningen.",
                             "utter_ukjent/belop_per_prosjekt")]),
    ("fallback-twice", at(3, 8), fallback("asdf") + fallback("qwerty")),
    ("fallback-once", at(3, 12), fallback("blabla") + faq("Når er fristen?", "utter_faq/frist")),
    ("handoff", at(4, 14), [("user", "Kan jeg snakke med en person?", "human_handoff"),
                            ("action", "utter_human_handoff"),
                            ("bot", "Ta kontakt.", "utter_human_handoff"),
                            # words the form could not recognise: no check counted
                            ("slot", "elig_family", "Vi er Kari, ring 912 34 567"),
                            ("slot", "elig_family", None)]),
    ("ticket", at(5, 9), faq("Hvem kan søke?", "utter_faq/hvem_kan_soke")),
    ("gave-up", at(6, 9), [("user", "Ring meg på 912 34 567", "nlu_fallback"),
                           ("action", "action_default_fallback"),
                           ("bot", "Beklager, jeg forsto ikke.", "utter_default")]),
    ("elig-municipality", at(6, 10), [
        ("user", "Hvem eier resultatene?", "faq"), ("action", "action_answer_faq"),
        ("bot", "Det står ikke i utlysningen hvem som eier resultatene.", None),
        ("user", "Kan vi søke?", "check_eligibility"), ("action", "eligibility_form"),
        ("slot", "elig_family", "municipality"), ("action", "action_eligibility_summary"),
        ("bot", "Dere kan søke. Kommuner kan søke.", None)]),
    ("elig-foundation", at(6, 11), [
        ("user", "Kan vi søke?", "check_eligibility"), ("action", "eligibility_form"),
        ("slot", "elig_family", "Vi er en stiftelse"), ("slot", "elig_family", "foundation"),
        ("bot", "Er dere finansiert av det offentlige?", None)]),
    ("elig-company", at(7, 22, 30), [
        ("user", "Vi er et AS", "inform_org"), ("action", "eligibility_form"),
        ("slot", "elig_family", "company"), ("action", "action_eligibility_summary"),
        ("bot", "Dere kan ikke søke. Bedrifter kan ikke søke.", None)]),
    ("after", at(7, 23, 30), faq("Når er fristen?", "utter_faq/frist")),
    ("before", at(31, 22, 59, month=10), faq("Når er fristen?", "utter_faq/frist")),
    ("out-of-scope", at(31, 23, 30, month=10), [
        ("user", "Hva er været i morgen?", "out_of_scope"),
        ("bot", "Det kan jeg dessverre ikke svare på.", "utter_out_of_scope"),
        ("user", "Hvor mye kan hvert prosjekt få", "ukjent"),
        ("bot", "Det står ikke i utlysningen.", "utter_ukjent/belop_per_prosjekt")]),
]


@pytest.fixture
def engine(database_url):
    engine = create_engine(database_url)
    tracker_events.write(engine, CONVERSATIONS)
    records = Records(engine)
    records.create_ticket("ticket", "Kan dere ringe meg?", now=at(5, 9, 5))
    records.create_ticket("after", "Utenfor perioden", now=at(9, 9))
    records.add_feedback("faq", "utter_faq/frist", "up", now=at(2, 9, 1))
    records.add_feedback("fallback-once", "utter_faq/frist", "down",
                         comment="Manglet klokkeslett, ring 912 34 567", now=at(3, 12, 2))
    records.add_feedback("faq", "utter_faq/belop", "down", now=at(2, 9, 2))
    records.add_feedback("after", "utter_faq/frist", "down", now=at(7, 23, 31))
    yield engine
    engine.dispose()


def test_summary_counts_and_rates(engine):
    s = staff_stats.summary(engine, RANGE)
    assert (s.conversations, s.messages, s.fallbacks) == (11, 16, 4)
    assert (s.asked_for_person, s.failed, s.deflected, s.tickets) == (2, 2, 7, 1)
    assert s.deflection_rate == pytest.approx(7 / 11)
    assert s.fallback_rate == pytest.approx(4 / 16)


def test_days_in_oslo_time_with_empty_days(engine):
    days = [(d.day.day, d.conversations, d.messages, d.fallbacks, d.tickets)
            for d in staff_stats.days(engine, RANGE)]
    assert days == [(1, 1, 2, 0, 0), (2, 2, 3, 0, 0), (3, 2, 4, 3, 0), (4, 1, 1, 0, 0),
                    (5, 1, 1, 0, 1), (6, 3, 4, 1, 0), (7, 1, 1, 0, 0)]


def test_top_answers_by_response_key(engine):
    found = [(a.key, a.answers) for a in staff_stats.top_answers(engine, RANGE)]
    assert found == [("", 7), ("utter_faq/frist", 2), ("utter_ukjent/belop_per_prosjekt", 2),
                     ("utter_default", 1), ("utter_faq/belop", 1),
                     ("utter_faq/hvem_kan_soke", 1), ("utter_human_handoff", 1),
                     ("utter_out_of_scope", 1)]
    frist = staff_stats.top_answers(engine, RANGE)[1]
    assert frist.example == "Når er fristen?"


def test_unanswered_questions_grouped(engine):
    texts = dict(staff_stats.unanswered_texts(engine, RANGE))
    assert texts == {"asdf": 1, "qwerty": 1, "blabla": 1, "Ring meg på 912 34 567": 1,
                     "Hva er været i morgen?": 1, "Hvor mye kan hvert prosjekt få?": 1,
                     "Hvor mye kan hvert prosjekt få": 1, "Hvem eier resultatene?": 1}
    groups = cluster(staff_stats.unanswered_texts(engine, RANGE))
    # the most frequent wording names the group; a tie goes to the first in alphabetical order
    assert [(g.text, g.count) for g in groups][0] == ("Hvor mye kan hvert prosjekt få", 2)
    assert groups[0].variants == ["Hvor mye kan hvert prosjekt få?"]
    assert len(groups) == 7 and sum(g.count for g in groups) == 8
    assert "Ring meg på [telefon]" in [g.text for g in groups]  # masked again


def test_feedback_per_answer(engine):
    found = [(f.key, f.up, f.down, f.comments) for f in staff_stats.feedback(engine, RANGE)]
    assert found == [("utter_faq/belop", 0, 1, []),
                     ("utter_faq/frist", 1, 1, ["Manglet klokkeslett, ring [telefon]"])]


def test_eligibility_by_family(engine):
    found = [(o.family, o.checks, o.verdicts, o.eligible, o.not_eligible, o.uncertain)
             for o in staff_stats.eligibility(engine, RANGE)]
    assert found == [("company", 1, 1, 0, 1, 0), ("foundation", 1, 0, 0, 0, 0),
                     ("municipality", 1, 1, 1, 0, 0)]


def everything(engine):
    return [f(engine, RANGE) for f in (staff_stats.summary, staff_stats.days,
                                       staff_stats.top_answers, staff_stats.unanswered_texts,
                                       staff_stats.feedback, staff_stats.eligibility)]


def test_the_indexes_are_created_once_and_change_no_figure(engine):
    def indexes():
        return {i["name"] for i in sa.inspect(engine).get_indexes("events")}

    staff_stats._indexed.add(engine)  # as if they were there: the figures without them
    without = everything(engine)
    assert not indexes() & set(staff_stats.EVENT_INDEXES)
    staff_stats._indexed.discard(engine)
    assert staff_stats.ensure_indexes(engine) is True
    assert set(staff_stats.EVENT_INDEXES) <= indexes()
    staff_stats._indexed.discard(engine)
    assert staff_stats.ensure_indexes(engine) is True  # IF NOT EXISTS: again, nothing changes
    assert everything(engine) == without


def test_an_empty_database_gives_zeros(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    assert staff_stats.ensure_indexes(engine) is False  # no events table yet: tried again later
    assert staff_stats.summary(engine, RANGE).conversations == 0
    assert staff_stats.summary(engine, RANGE).deflection_rate is None
    assert len(staff_stats.days(engine, RANGE)) == 7
    assert staff_stats.top_answers(engine, RANGE) == staff_stats.eligibility(engine, RANGE) == []


# --- normalising and grouping -------------------------------------------------------------------

@pytest.mark.parametrize("a, b, same", [
    ("Hvor mye kan hvert prosjekt få?", "hvor mye kan hvert prosjekt FÅ", True),
    ("Kommer det en ny runde?", "kommer det en ny runde", True),
    ("Hvordan ser skjemaet ut?", "Hvordan ser skjemaene ut", True),
    ("Hvor mye kan hvert prosjekt få?", "Kommer det en ny runde?", False),
])
def test_normalise(a, b, same):
    assert (normalise(a) == normalise(b)) is same


def test_cluster_joins_near_variants_and_is_deterministic():
    texts = [("Hvor mye kan hvert prosjekt få?", 3), ("Hvor mye kan et prosjekt få?", 1),
             ("Kommer det en ny runde?", 2)]
    first = cluster(texts)
    assert [(g.text, g.count) for g in first] == [("Hvor mye kan hvert prosjekt få?", 4),
                                                  ("Kommer det en ny runde?", 2)]
    assert [(g.text, g.count) for g in cluster(list(reversed(texts)))] == \
        [(g.text, g.count) for g in first]


# --- charts -------------------------------------------------------------------------------------

@pytest.mark.parametrize("points, bars, top", [
    ([("01.11.", 0), ("02.11.", 3), ("03.11.", 10)], 3, "10"),
    ([("01.11.", 7)], 1, "10"),
    ([("01.11.", 0)], 1, "1"),
    ([], 0, "1"),
])
def test_bar_chart_has_one_bar_per_day_and_a_name(points, bars, top):
    svg = charts.bar_chart("g", "Samtaler per dag", points)
    assert svg.count("<rect") == bars
    assert 'role="img"' in svg and 'aria-labelledby="g-title g-desc"' in svg
    assert '<title id="g-title">Samtaler per dag</title>' in svg
    assert f">{top}</text>" in svg and "style=" not in svg


def test_bar_heights_are_proportional_and_labels_escaped():
    svg = charts.bar_chart("g", "<b>", [("a<b", 5), ("c", 10)])
    assert 'height="74.0"' in svg and 'height="148.0"' in svg
    assert "<b>" not in svg and "&lt;b&gt;" in svg and "a&lt;b: 5" in svg


# --- the rows Rasa itself writes ----------------------------------------------------------------

async def test_counts_over_rows_written_by_rasas_sql_tracker_store(tmp_path):
    """The same queries over a conversation saved by Rasa 3.6's SQLTrackerStore, so the
    generated rows above cannot drift from the real format."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    def user(text, intent):
        return UserUttered(text, intent={"name": intent, "confidence": 0.9},
                           parse_data={"text": text, "intent": {"name": intent}, "entities": []})

    moment = at(3, 10).timestamp()
    events = [ActionExecuted("action_listen"), user("Hvor mye penger er det?", "faq"),
              ActionExecuted("action_answer_faq"),
              BotUttered("75 millioner kroner.", metadata={"utter_action": "utter_faq/belop"}),
              ActionExecuted("action_listen"), user("asdf", "nlu_fallback"),
              ActionExecuted("action_two_stage_fallback"), BotUttered("Mente du …?"),
              ActionExecuted("action_listen"), user("qwer", "nlu_fallback"),
              ActionExecuted("action_default_fallback"),
              ActionExecuted("action_listen"), user("Kan vi søke?", "check_eligibility"),
              SlotSet("elig_family", "Vi er en kommune"), SlotSet("elig_family", "municipality"),
              ActionExecuted("action_eligibility_summary"),
              BotUttered("Dere kan søke. Kommuner kan søke.")]
    for i, event in enumerate(events):
        event.timestamp = moment + i
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "rasa.db"))
    await store.save(DialogueStateTracker.from_events("rasa-1", events))
    store.engine.dispose()

    engine = create_engine(f"sqlite:///{tmp_path / 'rasa.db'}")
    s = staff_stats.summary(engine, RANGE)
    assert (s.conversations, s.messages, s.fallbacks, s.failed, s.deflected) == (1, 4, 2, 1, 0)
    assert [(a.key, a.answers, a.example) for a in staff_stats.top_answers(engine, RANGE)] == \
        [("", 2, "Kan vi søke?"), ("utter_faq/belop", 1, "Hvor mye penger er det?")]
    assert dict(staff_stats.unanswered_texts(engine, RANGE)) == {"asdf": 1, "qwer": 1}
    assert [(o.family, o.verdicts, o.eligible) for o in staff_stats.eligibility(engine, RANGE)] \
        == [("municipality", 1, 1)]


def verdict_conversation(family: str, verdict: str, hour: int):
    return [("user", "Kan vi søke?", "check_eligibility"), ("action", "eligibility_form"),
            ("slot", "elig_family", family), ("action", "action_eligibility_summary"),
            ("bot", verdict, None)]


# Verdicts as the assistant says them in the three standards, with and without the "Ja." /
# "Nei." / "Jo." that answers a yes/no question (actions.eligibility.verdict_answer)
VERDICTS_IN_EVERY_STANDARD = [
    ("nn-yes", "municipality", "Ja. De kan søkje etter reglane, men fristen gjekk ut torsdag "
                               "16. april 2020 kl. 17.00 (norsk tid)."),
    ("nn-plain", "county", "Ja, de kan søkje."),
    ("en-no", "company", "No. You cannot apply, and the deadline passed on Thursday 16 April."),
    ("en-plain", "company", "You cannot apply, and the deadline passed on Thursday 16 April."),
    ("nb-jo", "state_agency", "Jo. Dere kan søke etter reglene, men fristen gikk ut."),
    ("nn-unsure", "foundation", "Vi kan ikkje avgjere om de kan søkje, og fristen gjekk ut."),
    ("en-unsure", "foundation", "We cannot tell whether you can apply, and the deadline passed."),
    ("nb-nei", "private_person", "Nei. Dere kan ikke søke, og fristen gikk ut."),
]


def test_verdicts_are_counted_in_every_standard(database_url):
    engine = create_engine(database_url)
    try:
        tracker_events.write(engine, [(sender, at(2, 9 + i), verdict_conversation(family, text, i))
                                      for i, (sender, family, text)
                                      in enumerate(VERDICTS_IN_EVERY_STANDARD)])
        found = {o.family: (o.checks, o.verdicts, o.eligible, o.not_eligible, o.uncertain)
                 for o in staff_stats.eligibility(engine, RANGE)}
    finally:
        engine.dispose()
    assert found == {"municipality": (1, 1, 1, 0, 0), "county": (1, 1, 1, 0, 0),
                     "company": (2, 2, 0, 2, 0), "state_agency": (1, 1, 1, 0, 0),
                     "foundation": (2, 2, 0, 0, 2), "private_person": (1, 1, 0, 1, 0)}


def test_every_verdict_opening_is_recognised_and_no_other():
    openings = staff_stats.verdict_openings()
    for sender, family, text in VERDICTS_IN_EVERY_STANDARD:
        outcomes = [o for o, starts in openings.items() if any(text.startswith(s) for s in starts)]
        assert len(outcomes) == 1, (text, outcomes)

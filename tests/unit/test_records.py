"""components/records.py: tickets and feedback in the project's database (SQLite and a throwaway
PostgreSQL database), read back through the API and as raw rows."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from components.records import Records, records_for, records_from_settings
from components.settings import load_settings

T0 = datetime(2027, 3, 1, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def records(database_url):
    store = Records(database_url)
    yield store
    store.engine.dispose()


def raw(records, table):
    with records.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(sa.text(f"SELECT * FROM {table}"))]


@pytest.mark.parametrize("consent,name,email", [
    (True, "Kari Nordmann", "kari@vefsn.kommune.no"),
    (False, None, None),
])
def test_a_ticket_keeps_name_and_email_only_with_consent(records, consent, name, email):
    ticket = records.create_ticket(
        "samtale-1", "Kan vi søke sammen med Bodø? Ring meg på 912 34 567, fnr 010170-10170",
        channel="socketio", name=" Kari Nordmann ", email="kari@vefsn.kommune.no",
        consent=consent, now=T0)
    assert ticket.question == "Kan vi søke sammen med Bodø? Ring meg på [telefon], fnr [nummer]"
    assert (ticket.name, ticket.email, ticket.consent) == (name, email, consent)
    assert (ticket.status, ticket.answer, ticket.channel) == ("open", None, "socketio")
    assert ticket.created_at == ticket.updated_at == T0
    rows = raw(records, "assistant_tickets")
    assert len(rows) == 1 and rows[0]["question"] == ticket.question
    assert (rows[0]["name"], rows[0]["email"]) == (name, email)
    assert "912 34 567" not in str(rows) and "010170" not in str(rows)


@pytest.mark.parametrize("question,email,message", [
    ("   ", None, "empty"),
    ("Hei", "ikke-en-adresse", "not an e-mail address"),
])
def test_a_ticket_needs_a_question_and_a_real_address(records, question, email, message):
    with pytest.raises(ValueError, match=message):
        records.create_ticket("s", question, email=email, consent=True)


def test_tickets_are_listed_newest_first_and_filtered(records):
    made = [records.create_ticket(f"samtale-{i % 2}", f"spørsmål {i}", now=T0 + timedelta(hours=i))
            for i in range(5)]
    records.update_ticket(made[1].id, status="answered", answer="Svar", now=T0 + timedelta(days=1))
    records.update_ticket(made[3].id, status="closed", now=T0 + timedelta(days=1))
    assert [t.question for t in records.list_tickets()] == [f"spørsmål {i}" for i in (4, 3, 2, 1, 0)]
    assert [t.id for t in records.list_tickets(status="open")] == [made[4].id, made[2].id, made[0].id]
    assert [t.id for t in records.list_tickets(sender_id="samtale-1")] == [made[3].id, made[1].id]
    assert [t.id for t in records.list_tickets(since=T0 + timedelta(hours=1),
                                               until=T0 + timedelta(hours=3))] \
        == [made[2].id, made[1].id]
    assert [t.id for t in records.list_tickets(limit=2, offset=1)] == [made[3].id, made[2].id]


def test_a_ticket_is_answered_and_closed(records):
    ticket = records.create_ticket("s", "Når får vi svar?", now=T0)
    later = T0 + timedelta(hours=3)
    answered = records.update_ticket(ticket.id, status="answered", answer=" Innen fredag. ",
                                     now=later)
    assert (answered.status, answered.answer, answered.updated_at, answered.created_at) \
        == ("answered", "Innen fredag.", later, T0)
    assert (answered.answered_at, answered.answer_sent_at) == (later, None)
    sent = records.mark_answer_sent(ticket.id, now=later + timedelta(minutes=1))
    assert sent.answer_sent_at == later + timedelta(minutes=1)
    closed = records.update_ticket(ticket.id, status="closed", now=later + timedelta(days=1))
    assert (closed.status, closed.answer, closed.answered_at) == ("closed", "Innen fredag.", later)
    assert records.get_ticket(ticket.id) == closed
    with pytest.raises(KeyError):
        records.mark_answer_sent(ticket.id + 1000)


def test_an_older_ticket_table_gets_the_new_columns(database_url):
    """A table from before answered_at and answer_sent_at: the columns are added, the rows
    kept, and adding them again changes nothing."""
    engine = sa.create_engine(database_url, future=True)
    kind = "DATETIME" if engine.dialect.name == "sqlite" else "TIMESTAMP WITH TIME ZONE"
    serial = "INTEGER PRIMARY KEY" if engine.dialect.name == "sqlite" else "SERIAL PRIMARY KEY"
    with engine.begin() as conn:
        conn.execute(sa.text(
            f"CREATE TABLE assistant_tickets (id {serial}, created_at {kind} NOT NULL, "
            f"updated_at {kind} NOT NULL, sender_id VARCHAR(255) NOT NULL, channel VARCHAR(64), "
            "question TEXT NOT NULL, name VARCHAR(200), email VARCHAR(320), "
            "consent BOOLEAN NOT NULL, status VARCHAR(16) NOT NULL, answer TEXT)"))
        conn.execute(sa.text(
            "INSERT INTO assistant_tickets (created_at, updated_at, sender_id, question, "
            "consent, status) VALUES (:t, :t, 'gammel', 'Fra før', false, 'open')"),
            {"t": T0.replace(tzinfo=None) if engine.dialect.name == "sqlite" else T0})
    for _ in range(2):
        store = Records(database_url)
        [old] = store.list_tickets()
        assert (old.question, old.answered_at, old.answer_sent_at) == ("Fra før", None, None)
        store.engine.dispose()
    engine.dispose()


@pytest.mark.parametrize("call,error", [
    (lambda r, t: r.update_ticket(t.id, status="slettet"), ValueError),
    (lambda r, t: r.update_ticket(t.id + 1000, status="closed"), KeyError),
    (lambda r, t: r.list_tickets(status="ukjent"), ValueError),
])
def test_bad_ticket_changes_are_refused(records, call, error):
    ticket = records.create_ticket("s", "Hei", now=T0)
    with pytest.raises(error):
        call(records, ticket)
    assert records.get_ticket(ticket.id).status == "open"


def test_feedback_and_a_comment_on_the_latest_down_vote(records):
    records.add_feedback("samtale-1", "utter_faq/frist", "down", question="Når er fristen?",
                         now=T0)
    latest = records.add_feedback("samtale-1", "utter_faq/belop", "down",
                                  question="Hvor mye? ring 91234567", now=T0 + timedelta(minutes=5))
    records.add_feedback("samtale-1", "utter_faq/hvem", "up", now=T0 + timedelta(minutes=9))
    records.add_feedback("samtale-2", "utter_faq/frist", "down", now=T0 + timedelta(minutes=10))
    assert latest.question == "Hvor mye? ring [telefon]" and latest.comment is None
    commented = records.comment_latest_down_vote("samtale-1", "Svaret var feil, mail ola@x.no")
    assert commented.id == latest.id and commented.comment == "Svaret var feil, mail [e-post]"
    assert [f.comment for f in records.list_feedback(sender_id="samtale-1")] \
        == [None, "Svaret var feil, mail [e-post]", None]
    assert [f.response for f in records.list_feedback(rating="down")] \
        == ["utter_faq/frist", "utter_faq/belop", "utter_faq/frist"]
    assert [f.sender_id for f in records.list_feedback(response="utter_faq/frist")] \
        == ["samtale-2", "samtale-1"]
    assert records.comment_latest_down_vote("samtale-3", "hei") is None
    assert "91234567" not in str(raw(records, "assistant_feedback"))


@pytest.mark.parametrize("rating", ["ok", "", "UP"])
def test_a_rating_is_up_or_down(records, rating):
    with pytest.raises(ValueError, match="rating"):
        records.add_feedback("s", "utter_faq/frist", rating)


def test_times_are_aware_utc():
    store = Records("sqlite://")
    oslo = datetime(2027, 3, 1, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    ticket = store.create_ticket("s", "Hei", now=oslo)
    assert ticket.created_at == oslo and ticket.created_at.tzinfo == timezone.utc
    with pytest.raises(sa.exc.StatementError, match="aware"):
        store.create_ticket("s", "Hei", now=datetime(2027, 3, 1, 10, 0))


def test_the_records_use_the_tracker_store_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'sub' / 'tracker.db'}"
    records = records_from_settings(load_settings({"ASSISTANT_DATABASE_URL": url}))
    assert records is records_for(url)
    records.create_ticket("s", "Hei")
    assert (tmp_path / "sub" / "tracker.db").exists()
    assert set(sa.inspect(records.engine).get_table_names()) >= {"assistant_tickets",
                                                                 "assistant_feedback"}
    records.engine.dispose()

"""components/retention.py with a pinned clock: conversations whose last event is older than
the period go (all their events), tickets by their last change, feedback by its own period or
the conversations'. Conversations are written through the tracker store, as Rasa writes them."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from components import retention
from components.records import Records
from components.retention import Periods, Purged, purge
from components.stores import EnvTrackerStore

NOW = datetime(2027, 6, 1, 3, 0, tzinfo=timezone.utc)
DAY = timedelta(days=1)


def conversation(sender, *ages):
    """Events at NOW minus each age: a user message and the bot's answer."""
    events = []
    for age in ages:
        stamp = (NOW - age).timestamp()
        events += [ActionExecuted("action_listen", timestamp=stamp),
                   UserUttered("Når er fristen?", intent={"name": "faq", "confidence": 1},
                               timestamp=stamp),
                   BotUttered("Fristen er ...", timestamp=stamp + 1)]
    return DialogueStateTracker.from_events(sender, events)


CONVERSATIONS = {
    "gammel": (300 * DAY, 200 * DAY),            # last event 200 days ago: deleted
    "akkurat-for-gammel": (180 * DAY + timedelta(seconds=2),),  # bot answer 180 d + 1 s ago
    "fortsatt-i-gang": (400 * DAY, 10 * DAY),    # began long ago, last event recent: kept whole
    "ny": (timedelta(hours=2),),
}


async def write_conversations(url, monkeypatch):
    monkeypatch.setenv("ASSISTANT_DATABASE_URL", url)
    store = EnvTrackerStore()
    for sender, ages in CONVERSATIONS.items():
        await store.save(conversation(sender, *ages))
    store.engine.dispose()


def senders(url):
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return dict(conn.execute(sa.text(
                "SELECT sender_id, COUNT(*) FROM events GROUP BY sender_id")).all())
    finally:
        engine.dispose()


def fill_records(url):
    records = Records(url)
    old = records.create_ticket("gammel", "Gammelt spørsmål", now=NOW - 400 * DAY)
    worked_on = records.create_ticket("gammel", "Gammelt, men besvart", now=NOW - 400 * DAY)
    records.update_ticket(worked_on.id, status="answered", answer="Svar", now=NOW - 100 * DAY)
    records.create_ticket("ny", "Nytt spørsmål", now=NOW - DAY)
    records.add_feedback("gammel", "utter_faq/frist", "down", now=NOW - 200 * DAY)
    records.add_feedback("ny", "utter_faq/frist", "up", now=NOW - 10 * DAY)
    return records, old


async def test_purge_deletes_what_is_older_than_the_periods(database_url, monkeypatch):
    await write_conversations(database_url, monkeypatch)
    records, old_ticket = fill_records(database_url)

    purged = purge(database_url, NOW, Periods())

    assert purged == Purged(conversations=2, events=9, tickets=1, feedback=1)
    assert senders(database_url) == {"fortsatt-i-gang": 6, "ny": 3}
    assert [t.question for t in records.list_tickets()] == ["Nytt spørsmål",
                                                            "Gammelt, men besvart"]
    assert records.get_ticket(old_ticket.id) is None
    assert [f.sender_id for f in records.list_feedback()] == ["ny"]
    assert purge(database_url, NOW, Periods()) == Purged()  # nothing more to do
    records.engine.dispose()


@pytest.mark.parametrize("periods,expected", [
    (Periods(conversations=365 * DAY, tickets=365 * DAY, feedback=365 * DAY),
     Purged(conversations=0, events=0, tickets=1, feedback=0)),
    (Periods(conversations=5 * DAY, tickets=30 * DAY, feedback=5 * DAY),
     Purged(conversations=3, events=15, tickets=2, feedback=2)),
])
async def test_the_periods_decide(database_url, monkeypatch, periods, expected):
    await write_conversations(database_url, monkeypatch)
    records, _ = fill_records(database_url)
    assert purge(database_url, NOW, periods, dry_run=True) == expected
    assert sum(senders(database_url).values()) == 18  # a dry run deletes nothing
    assert purge(database_url, NOW, periods) == expected
    assert sum(senders(database_url).values()) == 18 - expected.events
    records.engine.dispose()


def test_a_database_without_conversations_is_fine(tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    assert purge(url, NOW) == Purged()


def test_a_naive_clock_is_refused(tmp_path):
    with pytest.raises(ValueError, match="aware"):
        purge(f"sqlite:///{tmp_path / 'x.db'}", datetime(2027, 6, 1))


async def test_the_command_uses_the_settings(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    await write_conversations(url, monkeypatch)
    monkeypatch.setenv("ASSISTANT_CONVERSATION_RETENTION_DAYS", "100")
    monkeypatch.setenv("ASSISTANT_NOW", "2020-04-16T16:30:00+02:00")  # not used for retention
    assert retention.main(["purge", "--now", NOW.isoformat(), "--dry-run"]) == 0
    assert capsys.readouterr().out == \
        "Ville slettet 2 samtaler (9 hendelser), 0 henvendelser og 0 tilbakemeldinger.\n"
    assert retention.main(["purge", "--now", NOW.isoformat()]) == 0
    assert capsys.readouterr().out.startswith("Slettet 2 samtaler (9 hendelser)")
    assert set(senders(url)) == {"fortsatt-i-gang", "ny"}


@pytest.mark.parametrize("argv,env,message", [
    (["purge", "--now", "i går"], {}, "ikke et gyldig tidspunkt"),
    (["purge"], {"ASSISTANT_TICKET_RETENTION_DAYS": "-1"},
     "Ugyldig innstilling ASSISTANT_TICKET_RETENTION_DAYS"),
])
def test_the_command_stops_on_bad_input(argv, env, message, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("ASSISTANT_DATABASE_URL", f"sqlite:///{tmp_path / 'x.db'}")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert retention.main(argv) == 2
    assert message in capsys.readouterr().err

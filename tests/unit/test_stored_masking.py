"""What the tracker store actually writes: a conversation saved through EnvTrackerStore into
SQLite and PostgreSQL, read back as raw rows with SQLAlchemy. No identity number, phone number
or e-mail address reaches the database, in user messages, entities or the eligibility form's
free-text slots; organisation numbers do (the check needs them)."""
from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from components.stores import EnvTrackerStore
from testkit import ROOT

SECRETS = ["010170-12345", "010170-10170", "01017010170", "912-34-567", "91234567", "912 34 567",
           "kari@vefsn.kommune.no", "1234 56 78903", "41 23 45 67"]


def user(text, intent="inform", entities=()):
    entities = [dict(e) for e in entities]
    return UserUttered(text, intent={"name": intent, "confidence": 0.9}, entities=entities,
                       parse_data={"text": text, "entities": [dict(e) for e in entities]})


def turns_one():
    return [
        ActionExecuted("action_listen"),
        user("Fødselsnummeret mitt er 010170-10170, kan vi søke?", "ask_eligibility"),
        BotUttered("Hva slags virksomhet er dere?"),
        ActionExecuted("action_listen"),
        user("Vi er Vefsn kommune, orgnr 974760673. Ring meg på 912-34-567",
             entities=[{"entity": "orgnr", "value": "974760673", "start": 30, "end": 39},
                       {"entity": "phone", "value": "912-34-567", "start": 50, "end": 60}]),
        SlotSet("elig_family", "Vi er Vefsn kommune, ring meg på 912-34-567"),
        SlotSet("elig_orgnr", "974760673"),
    ]


def turns_two():
    return [
        ActionExecuted("action_listen"),
        user("ja, skriv til kari@vefsn.kommune.no eller 91234567"),
        SlotSet("elig_publicly_funded", "ja, kontonr 1234 56 78903"),
        SlotSet("elig_general_interest", ["ja", "ring 41 23 45 67"]),
        SlotSet("elig_covered_by_procurement", "vet ikke, spør meg: 010170-12345"),
    ]


def raw_rows(url: str, sender: str):
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(
                sa.text("SELECT type_name, data FROM events WHERE sender_id = :s ORDER BY id"),
                {"s": sender})]
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def domain():
    return Domain.load(str(ROOT / "domain.yml"))


async def test_the_stored_rows_hold_no_personal_data(database_url, monkeypatch, domain):
    monkeypatch.setenv("ASSISTANT_DATABASE_URL", database_url)
    store = EnvTrackerStore(domain=domain)
    tracker = DialogueStateTracker.from_events("samtale-1", turns_one(), slots=domain.slots)
    await store.save(tracker)
    for event in turns_two():  # the next turn is appended to what is stored
        tracker.update(event)
    await store.save(tracker)
    store.engine.dispose()

    rows = raw_rows(database_url, "samtale-1")
    raw = "\n".join(row["data"] for row in rows)
    assert len(rows) == len(turns_one()) + len(turns_two())
    for secret in SECRETS:
        assert secret not in raw, secret
    events = [json.loads(row["data"]) for row in rows]
    texts = [e["text"] for e in events if e["event"] == "user"]
    assert texts == [
        "Fødselsnummeret mitt er [nummer], kan vi søke?",
        "Vi er Vefsn kommune, orgnr 974760673. Ring meg på [telefon]",
        "ja, skriv til [e-post] eller [telefon]",
    ]
    assert [e["parse_data"]["text"] for e in events if e["event"] == "user"] == texts
    entities = [e["parse_data"]["entities"] for e in events if e["event"] == "user"][1]
    assert [x["value"] for x in entities] == ["974760673", "[telefon]"]
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert slots == {
        "elig_family": "Vi er Vefsn kommune, ring meg på [telefon]",
        "elig_orgnr": "974760673",
        "elig_publicly_funded": "ja, kontonr [nummer]",
        "elig_general_interest": ["ja", "ring [telefon]"],
        "elig_covered_by_procurement": "vet ikke, spør meg: [nummer]",
    }
    # the bot's own texts are stored as they were sent
    assert [e["text"] for e in events if e["event"] == "bot"] == ["Hva slags virksomhet er dere?"]


async def test_a_conversation_read_back_is_the_masked_one(database_url, monkeypatch, domain):
    monkeypatch.setenv("ASSISTANT_DATABASE_URL", database_url)
    store = EnvTrackerStore(domain=domain)
    await store.save(DialogueStateTracker.from_events("samtale-2", turns_one(),
                                                      slots=domain.slots))
    again = await store.retrieve("samtale-2")
    store.engine.dispose()
    assert again.get_slot("elig_family") == "Vi er Vefsn kommune, ring meg på [telefon]"
    assert again.latest_message.text.endswith("Ring meg på [telefon]")

"""Tracker and lock stores configured by the settings (``components/settings.py``).

Rasa builds these stores at start-up, so an invalid setting stops Rasa there, naming the variable.

- ``ASSISTANT_DATABASE_URL``: SQLAlchemy URL of the tracker store. Default: a SQLite file
  (``sqlite:///build/rasa-tracker.db``), so ``make run`` needs no database server. Production:
  ``postgresql://user:password@host:5432/rasa``.
- ``ASSISTANT_REDIS_URL``: Redis for the lock store when several Rasa replicas share
  conversations. Unset: locks are kept in memory (one host). The Teams and Slack channels keep
  the events they answered there too (``components/dedup.py``).

Personal data (e-mail addresses, phone numbers, national identity and account numbers) is masked
before anything a user typed is stored (:mod:`veileder.privacy`): the text of user messages (and
its copy in the parse data, with the entities' values) and every string in a slot value (the
eligibility form's free-text answers). :func:`mask_events` does it to the events in place, in
:meth:`EnvTrackerStore.save`, so every event Rasa stores or streams goes through it.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Optional, Text
from urllib.parse import urlsplit, unquote

from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from components.settings import DATABASE_ENV, Settings, get_settings
from veileder.privacy import mask_personal_data, mask_value


def sql_settings(url: str) -> dict:
    """SQLTrackerStore keyword arguments from an SQLAlchemy-style URL."""
    parts = urlsplit(url)
    dialect = parts.scheme.split("+")[0]
    if not dialect:
        raise ValueError(f"{DATABASE_ENV}: '{url}' er ikke en database-URL")
    if dialect == "sqlite":
        db = unquote(parts.path[1:] if parts.path.startswith("/") else parts.path) or "rasa.db"
        if db != ":memory:":
            Path(db).parent.mkdir(parents=True, exist_ok=True)
        return {"dialect": "sqlite", "db": db}
    settings = {
        "dialect": "postgresql" if dialect == "postgres" else dialect,
        "host": parts.hostname or "localhost",
        "port": parts.port,
        "db": unquote(parts.path.lstrip("/")) or "rasa",
        "username": unquote(parts.username) if parts.username else None,
        "password": unquote(parts.password) if parts.password else None,
    }
    return settings


class EnvTrackerStore(SQLTrackerStore):
    """SQL tracker store whose database comes from ``ASSISTANT_DATABASE_URL``; masks personal
    data in user messages before saving."""

    def __init__(
        self,
        domain: Optional[Domain] = None,
        host: Optional[Text] = None,
        event_broker: Any = None,
        **kwargs: Any,
    ) -> None:
        url = get_settings().database_url
        super().__init__(domain=domain, event_broker=event_broker, **sql_settings(url))

    async def save(self, tracker: DialogueStateTracker) -> None:
        mask_events(tracker.events)
        await super().save(tracker)


def _mask_entities(entities: Any) -> None:
    for entity in entities or ():
        if isinstance(entity, dict):
            for key in ("value", "text"):
                if isinstance(entity.get(key), str):
                    entity[key] = mask_personal_data(entity[key])


def mask_events(events: Iterable[Event]) -> None:
    """Mask personal data in user messages and slot values, in place (idempotent)."""
    for event in events:
        if isinstance(event, UserUttered):
            if event.text:
                event.text = mask_personal_data(event.text)
            _mask_entities(event.entities)
            if event.parse_data:
                if isinstance(event.parse_data.get("text"), str):
                    event.parse_data["text"] = mask_personal_data(event.parse_data["text"])
                _mask_entities(event.parse_data.get("entities"))
        elif isinstance(event, SlotSet) and event.value is not None:
            event.value = mask_value(event.value)


class EnvLockStore(LockStore):
    """Redis lock store when ``ASSISTANT_REDIS_URL`` is set, else in memory.

    Rasa wants a class in ``endpoints.yml``; constructing this one gives the store the
    settings ask for (``__new__`` returns a RedisLockStore or an InMemoryLockStore).
    """

    def __new__(cls, endpoint_config: Any = None) -> LockStore:  # type: ignore[misc]
        return lock_store_from_settings(get_settings())


def lock_store_from_settings(settings: Settings) -> LockStore:
    url = settings.redis_url
    if not url:
        return InMemoryLockStore()
    parts = urlsplit(url)
    db = int(parts.path.lstrip("/") or 1)
    return RedisLockStore(
        host=parts.hostname or "localhost",
        port=parts.port or 6379,
        db=db,
        password=unquote(parts.password) if parts.password else None,
        use_ssl=parts.scheme == "rediss",
        key_prefix="innovasjon",
    )

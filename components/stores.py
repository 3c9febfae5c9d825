"""Tracker and lock stores configured by the settings (``components/settings.py``).

Rasa builds these stores at start-up, so an invalid setting stops Rasa there, naming the variable.

- ``ASSISTANT_DATABASE_URL``: SQLAlchemy URL of the tracker store. Default: a SQLite file
  (``sqlite:///build/rasa-tracker.db``), so ``make run`` needs no database server. Production:
  ``postgresql://user:password@host:5432/rasa``.
- ``ASSISTANT_REDIS_URL``: Redis for the lock store when several Rasa replicas share
  conversations (:class:`SerialRedisLockStore`). Unset: locks are kept in memory (one host). The Teams and Slack channels keep
  the events they answered there too (``components/dedup.py``).

Personal data (e-mail addresses, phone numbers, national identity and account numbers) is masked
before anything a user typed is stored (:mod:`veileder.privacy`): the text of user messages (and
its copy in the parse data, with the entities' values) and every string in a slot value (the
eligibility form's free-text answers). :func:`mask_events` does it to the events in place, in
:meth:`EnvTrackerStore.save`, so every event Rasa stores or streams goes through it.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Text
from urllib.parse import urlsplit, unquote

from rasa.core.lock_store import (LOCK_LIFETIME, InMemoryLockStore, LockError, LockStore,
                                  RedisLockStore)
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


class SerialRedisLockStore(RedisLockStore):
    """Rasa's RedisLockStore, with its read-modify-write steps made atomic across replicas.

    Rasa 3.6 issues a ticket by reading the conversation's lock from Redis, adding the ticket and
    writing the lock back (likewise when a ticket is finished or expired ones are removed). Two
    replicas doing that at the same moment for a new conversation both create a lock with ticket
    0, both think it is theirs, and handle two messages of one conversation at once: one of the
    user messages is then lost from the tracker (RasaHQ/rasa#9213; tests/integration/
    test_scale_out.py). Here each such step runs under a short per-conversation Redis mutex
    (redis-py's ``Lock``: SET NX with a token, released by a script), so tickets are handed out
    one after the other and messages are handled in order. The waiting itself is Rasa's.
    """

    MUTEX_TIMEOUT = 10  # seconds a crashed replica can keep the mutex
    MUTEX_WAIT = 10  # seconds to wait for it before giving up (Rasa's LockError)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._local = threading.local()  # cleanup() calls finish_serving(): one mutex

    @contextmanager
    def _mutex(self, conversation_id: Text) -> Iterator[None]:
        if getattr(self._local, "held", False):
            yield
            return
        mutex = self.red.lock(f"{self.key_prefix}mutex:{conversation_id}",
                              timeout=self.MUTEX_TIMEOUT, blocking_timeout=self.MUTEX_WAIT)
        if not mutex.acquire():
            raise LockError(f"Could not lock conversation '{conversation_id}' in Redis.")
        self._local.held = True
        try:
            yield
        finally:
            self._local.held = False
            mutex.release()

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        with self._mutex(conversation_id):
            return super().issue_ticket(conversation_id, lock_lifetime)

    def update_lock(self, conversation_id: Text) -> None:
        with self._mutex(conversation_id):
            super().update_lock(conversation_id)

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        with self._mutex(conversation_id):
            super().finish_serving(conversation_id, ticket_number)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        with self._mutex(conversation_id):
            super().cleanup(conversation_id, ticket_number)


def lock_store_from_settings(settings: Settings) -> LockStore:
    url = settings.redis_url
    if not url:
        return InMemoryLockStore()
    parts = urlsplit(url)
    db = int(parts.path.lstrip("/") or 1)
    return SerialRedisLockStore(
        host=parts.hostname or "localhost",
        port=parts.port or 6379,
        db=db,
        password=unquote(parts.password) if parts.password else None,
        use_ssl=parts.scheme == "rediss",
        key_prefix="innovasjon",
    )

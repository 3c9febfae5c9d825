"""Tickets (questions for an adviser) and feedback on answers, in the project's database.

The database is the tracker store's (``ASSISTANT_DATABASE_URL``: SQLite by default, PostgreSQL
in production), in tables of the project's own, created when missing:

``assistant_tickets``
    ``id``, ``created_at``, ``updated_at``, ``sender_id`` (the conversation), ``channel``,
    ``question`` (masked), ``name`` and ``email`` (only with ``consent``, else NULL),
    ``consent``, ``status`` (``open``, ``answered``, ``closed``), ``answer`` (the adviser's,
    stored as written), ``answered_at`` (when it was last saved) and ``answer_sent_at`` (when
    it was last sent to the user by e-mail; NULL when it was not). Columns added after a
    table was created are added to it by :func:`create_engine` (``ALTER TABLE ... ADD
    COLUMN``).
``assistant_feedback``
    ``id``, ``created_at``, ``sender_id``, ``response`` (the answer rated, e.g.
    ``utter_faq/frist``), ``question`` (the question it answered, masked), ``rating`` (``up``
    or ``down``), ``comment`` (masked).
``assistant_daily_statistics``
    the staff statistics of closed days, derived from the ``events`` table
    (``web/staff_daily.py``).

Everything a user typed is masked with :func:`veileder.privacy.mask_personal_data` before it is
written. Times are aware datetimes in UTC. SQLAlchemy 1.4 Core; no Rasa imports, so the action
server, the web service and the purge command all use this module. ::

    from components.records import records_from_settings
    records = records_from_settings(get_settings())        # one per database URL, cached
    ticket = records.create_ticket("sender-1", "Kan vi søke sammen med Bodø?",
                                   channel="socketio", name="Kari", email="kari@example.no",
                                   consent=True)
    records.list_tickets(status="open")
    records.update_ticket(ticket.id, status="answered", answer="Ja, ...")
    records.mark_answer_sent(ticket.id)                   # after the e-mail to the user went
    records.add_feedback("sender-1", "utter_faq/frist", "down", question="Når er fristen?")
    records.comment_latest_down_vote("sender-1", "Svaret sa ikke klokkeslettet")

The calls block (SQLAlchemy is synchronous): from async code (Rasa SDK actions, FastAPI
``async def``) run them with ``await asyncio.to_thread(records.create_ticket, ...)``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, List, Optional, Union
from urllib.parse import unquote, urlsplit

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from components.settings import Settings
from veileder.privacy import mask_personal_data

TICKET_STATUSES = ("open", "answered", "closed")
RATINGS = ("up", "down")
MAX_QUESTION = 4000
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class UTCDateTime(sa.types.TypeDecorator):
    """Aware datetimes in, aware UTC datetimes out, in SQLite (naive text) and PostgreSQL."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Optional[datetime], dialect: Any) -> Any:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"an aware datetime is needed, got {value!r}")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Optional[datetime], dialect: Any) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


metadata = sa.MetaData()

tickets = sa.Table(
    "assistant_tickets", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", UTCDateTime, nullable=False, index=True),
    sa.Column("updated_at", UTCDateTime, nullable=False, index=True),
    sa.Column("sender_id", sa.String(255), nullable=False, index=True),
    sa.Column("channel", sa.String(64)),
    sa.Column("question", sa.Text, nullable=False),
    sa.Column("name", sa.String(200)),
    sa.Column("email", sa.String(320)),
    sa.Column("consent", sa.Boolean, nullable=False),
    sa.Column("status", sa.String(16), nullable=False, index=True),
    sa.Column("answer", sa.Text),
    sa.Column("answered_at", UTCDateTime),
    sa.Column("answer_sent_at", UTCDateTime),
)
#: columns added to assistant_tickets after its first version: added to an older table
ADDED_COLUMNS = {tickets: ("answered_at", "answer_sent_at")}

feedback = sa.Table(
    "assistant_feedback", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", UTCDateTime, nullable=False, index=True),
    sa.Column("sender_id", sa.String(255), nullable=False, index=True),
    sa.Column("response", sa.String(255), nullable=False, index=True),
    sa.Column("question", sa.Text),
    sa.Column("rating", sa.String(8), nullable=False),
    sa.Column("comment", sa.Text),
)

#: the staff statistics of closed days (``web/staff_daily.py``): rows per day, statistic and key
#: (a response key, a conversation, a text's hash), five counts or event ids and a text
daily_statistics = sa.Table(
    "assistant_daily_statistics", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("day", sa.Date, nullable=False),
    sa.Column("statistic", sa.String(16), nullable=False),
    sa.Column("key", sa.String(255), nullable=False),
    sa.Column("a", sa.BigInteger), sa.Column("b", sa.BigInteger),
    sa.Column("c", sa.BigInteger), sa.Column("d", sa.BigInteger),
    sa.Column("e", sa.BigInteger), sa.Column("text", sa.Text),
    sa.UniqueConstraint("day", "statistic", "key", name="uq_assistant_daily_statistics"),
    # a range of days of one statistic read from the index alone
    sa.Index("ix_assistant_daily_statistics_read", "statistic", "day", "key", "a", "b", "c",
             "d", "e"),
)


@dataclass(frozen=True)
class Ticket:
    id: int
    created_at: datetime
    updated_at: datetime
    sender_id: str
    channel: Optional[str]
    question: str
    name: Optional[str]
    email: Optional[str]
    consent: bool
    status: str
    answer: Optional[str]
    answered_at: Optional[datetime] = None
    answer_sent_at: Optional[datetime] = None


@dataclass(frozen=True)
class Feedback:
    id: int
    created_at: datetime
    sender_id: str
    response: str
    question: Optional[str]
    rating: str
    comment: Optional[str]


def _now(now: Optional[datetime]) -> datetime:
    return now if now is not None else datetime.now(timezone.utc)


def _masked(text: Optional[str]) -> Optional[str]:
    if text is None:
        return None
    text = mask_personal_data(text.strip())
    return text or None


def database_url(url: str) -> str:
    """The URL as SQLAlchemy takes it (``postgres://`` -> ``postgresql://``); a SQLite file's
    folder is created, as the tracker store does (``components/stores.py``)."""
    parts = urlsplit(url)
    scheme = parts.scheme
    if scheme == "postgres":
        url = "postgresql" + url[len("postgres"):]
    if scheme.split("+")[0] == "sqlite":
        db = unquote(parts.path[1:] if parts.path.startswith("/") else parts.path)
        if db and db != ":memory:":
            Path(db).parent.mkdir(parents=True, exist_ok=True)
    return url


def create_engine(url: str) -> Engine:
    """An engine for the project's database with the project's tables created when missing."""
    engine = sa.create_engine(database_url(url), pool_pre_ping=True, future=True)
    _create_tables(engine)
    return engine


def _create_tables(engine: Engine) -> None:
    """The project's tables, created when missing; columns added since, added when missing."""
    metadata.create_all(engine, checkfirst=True)
    for table, names in ADDED_COLUMNS.items():
        present = {c["name"] for c in sa.inspect(engine).get_columns(table.name)}
        for name in names:
            if name in present:
                continue
            kind = table.c[name].type.compile(dialect=engine.dialect)
            try:
                with engine.begin() as conn:
                    conn.execute(sa.text(f"ALTER TABLE {table.name} ADD COLUMN {name} {kind}"))
            except sa.exc.SQLAlchemyError:
                # another process added it at the same moment
                if name not in {c["name"] for c in sa.inspect(engine).get_columns(table.name)}:
                    raise


class Records:
    """Tickets and feedback in one database (an engine from :func:`create_engine`)."""

    def __init__(self, engine: Union[Engine, str]) -> None:
        self.engine = create_engine(engine) if isinstance(engine, str) else engine
        if not isinstance(engine, str):
            _create_tables(self.engine)

    # --- tickets ------------------------------------------------------------------------------
    def create_ticket(self, sender_id: str, question: str, *, channel: Optional[str] = None,
                      name: Optional[str] = None, email: Optional[str] = None,
                      consent: bool = False, now: Optional[datetime] = None) -> Ticket:
        """A new open ticket. The question is masked; name and e-mail are stored only when
        ``consent`` is true (else NULL). Raises ValueError for an empty question or an e-mail
        address that is not one (with consent)."""
        text = _masked((question or "")[:MAX_QUESTION])
        if not text:
            raise ValueError("the question is empty")
        if consent:
            name = (name or "").strip()[:200] or None
            email = (email or "").strip() or None
            if email is not None and not _EMAIL.match(email):
                raise ValueError(f"not an e-mail address: {email!r}")
        else:
            name = email = None
        moment = _now(now)
        row = {"created_at": moment, "updated_at": moment, "sender_id": sender_id,
               "channel": channel, "question": text, "name": name, "email": email,
               "consent": bool(consent), "status": "open", "answer": None}
        with self.engine.begin() as conn:
            new_id = conn.execute(tickets.insert().values(**row)).inserted_primary_key[0]
        return self.get_ticket(new_id)

    def get_ticket(self, ticket_id: int) -> Optional[Ticket]:
        with self.engine.connect() as conn:
            row = conn.execute(tickets.select().where(tickets.c.id == ticket_id)).first()
        return Ticket(**row._mapping) if row else None

    def list_tickets(self, *, status: Optional[str] = None, sender_id: Optional[str] = None,
                     since: Optional[datetime] = None, until: Optional[datetime] = None,
                     limit: int = 100, offset: int = 0) -> List[Ticket]:
        """Tickets, newest first, filtered by status, conversation and creation time
        (``since`` <= created_at < ``until``)."""
        query = tickets.select()
        if status is not None:
            _check(status, TICKET_STATUSES, "status")
            query = query.where(tickets.c.status == status)
        if sender_id is not None:
            query = query.where(tickets.c.sender_id == sender_id)
        if since is not None:
            query = query.where(tickets.c.created_at >= since)
        if until is not None:
            query = query.where(tickets.c.created_at < until)
        query = query.order_by(tickets.c.created_at.desc(), tickets.c.id.desc())
        with self.engine.connect() as conn:
            rows = conn.execute(query.limit(limit).offset(offset)).all()
        return [Ticket(**row._mapping) for row in rows]

    def update_ticket(self, ticket_id: int, *, status: Optional[str] = None,
                      answer: Optional[str] = None, now: Optional[datetime] = None) -> Ticket:
        """Change a ticket's status and/or the adviser's answer (stored as written, never
        masked or logged; saving one sets ``answered_at``). Raises KeyError when there is no
        such ticket, ValueError for an unknown status."""
        moment = _now(now)
        values: dict = {"updated_at": moment}
        if status is not None:
            values["status"] = _check(status, TICKET_STATUSES, "status")
        if answer is not None:
            values["answer"] = answer.strip() or None
            values["answered_at"] = moment if values["answer"] else None
        with self.engine.begin() as conn:
            changed = conn.execute(
                tickets.update().where(tickets.c.id == ticket_id).values(**values)).rowcount
        if not changed:
            raise KeyError(ticket_id)
        return self.get_ticket(ticket_id)

    def mark_answer_sent(self, ticket_id: int, *, now: Optional[datetime] = None) -> Ticket:
        """Record that the ticket's answer was sent to the user by e-mail (now)."""
        moment = _now(now)
        with self.engine.begin() as conn:
            changed = conn.execute(tickets.update().where(tickets.c.id == ticket_id)
                                   .values(answer_sent_at=moment, updated_at=moment)).rowcount
        if not changed:
            raise KeyError(ticket_id)
        return self.get_ticket(ticket_id)

    # --- feedback -----------------------------------------------------------------------------
    def add_feedback(self, sender_id: str, response: str, rating: str, *,
                     question: Optional[str] = None, comment: Optional[str] = None,
                     now: Optional[datetime] = None) -> Feedback:
        """A rating (``up`` or ``down``) of the answer ``response`` (e.g. ``utter_faq/frist``);
        question and comment are masked."""
        row = {"created_at": _now(now), "sender_id": sender_id, "response": response,
               "question": _masked(question), "rating": _check(rating, RATINGS, "rating"),
               "comment": _masked(comment)}
        with self.engine.begin() as conn:
            new_id = conn.execute(feedback.insert().values(**row)).inserted_primary_key[0]
        return self._feedback(new_id)

    def comment_latest_down_vote(self, sender_id: str, comment: str) -> Optional[Feedback]:
        """Attach ``comment`` (masked) to the conversation's latest down-vote; None when the
        conversation has none."""
        latest = (sa.select(feedback.c.id)
                  .where(feedback.c.sender_id == sender_id, feedback.c.rating == "down")
                  .order_by(feedback.c.created_at.desc(), feedback.c.id.desc()).limit(1))
        with self.engine.begin() as conn:
            found = conn.execute(latest).scalar()
            if found is None:
                return None
            conn.execute(feedback.update().where(feedback.c.id == found)
                         .values(comment=_masked(comment)))
        return self._feedback(found)

    def list_feedback(self, *, response: Optional[str] = None, rating: Optional[str] = None,
                      sender_id: Optional[str] = None, limit: int = 100,
                      offset: int = 0) -> List[Feedback]:
        """Feedback, newest first, filtered by answer, rating and conversation."""
        query = feedback.select()
        if response is not None:
            query = query.where(feedback.c.response == response)
        if rating is not None:
            query = query.where(feedback.c.rating == _check(rating, RATINGS, "rating"))
        if sender_id is not None:
            query = query.where(feedback.c.sender_id == sender_id)
        query = query.order_by(feedback.c.created_at.desc(), feedback.c.id.desc())
        with self.engine.connect() as conn:
            rows = conn.execute(query.limit(limit).offset(offset)).all()
        return [Feedback(**row._mapping) for row in rows]

    def _feedback(self, feedback_id: int) -> Feedback:
        with self.engine.connect() as conn:
            row = conn.execute(feedback.select().where(feedback.c.id == feedback_id)).one()
        return Feedback(**row._mapping)


def _check(value: str, allowed: tuple, what: str) -> str:
    if value not in allowed:
        raise ValueError(f"unknown {what} {value!r}; one of {', '.join(allowed)}")
    return value


@lru_cache(maxsize=8)
def records_for(url: str) -> Records:
    """The records of the database at ``url``, one engine per URL in this process."""
    return Records(url)


def records_from_settings(settings: Settings) -> Records:
    """The records in the tracker store's database (``ASSISTANT_DATABASE_URL``)."""
    return records_for(settings.database_url)

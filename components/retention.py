"""Retention: delete what is older than the settings allow.

- Conversations (Rasa's ``events`` table, the tracker store's): a conversation is deleted, every
  event of it, when its LAST event is older than ``ASSISTANT_CONVERSATION_RETENTION_DAYS``
  (default 180). A conversation that goes on is kept whole. The staff statistics' stored
  aggregates of the days it had events on are deleted with it (computed again when needed).
- Tickets (``assistant_tickets``): deleted when they were last changed (``updated_at``) more
  than ``ASSISTANT_TICKET_RETENTION_DAYS`` (default 365) ago, whatever their status.
- Feedback (``assistant_feedback``): deleted when older than
  ``ASSISTANT_FEEDBACK_RETENTION_DAYS`` (default: the conversations' period).

:func:`purge` takes the clock and the database as arguments. The retention periods are counted
on the real clock, never ``ASSISTANT_NOW`` (a clock pinned in the future for a preview must not
delete anything). Run it with ``make purge``, or::

    python -m components.retention purge [--now 2027-01-01T00:00:00+00:00] [--dry-run]

The web service also runs it once a day (``web/jobs.py``). No Rasa imports.
"""
from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import List, Optional, Union

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from components import records
from components.settings import InvalidSetting, Settings, load_settings, parse_clock

logger = logging.getLogger(__name__)

EVENTS = "events"  # Rasa's SQLTrackerStore table: sender_id, timestamp (epoch seconds), ...


@dataclass(frozen=True)
class Periods:
    """How long each kind of record is kept."""

    conversations: timedelta = timedelta(days=180)
    tickets: timedelta = timedelta(days=365)
    feedback: timedelta = timedelta(days=180)

    @classmethod
    def from_settings(cls, settings: Settings) -> "Periods":
        return cls(conversations=timedelta(days=settings.assistant_conversation_retention_days),
                   tickets=timedelta(days=settings.assistant_ticket_retention_days),
                   feedback=timedelta(days=settings.feedback_retention_days))


@dataclass(frozen=True)
class Purged:
    """What :func:`purge` deleted (or would delete, with ``dry_run``)."""

    conversations: int = 0
    events: int = 0
    tickets: int = 0
    feedback: int = 0

    def summary(self) -> str:
        return (f"{self.conversations} samtaler ({self.events} hendelser), {self.tickets} "
                f"henvendelser og {self.feedback} tilbakemeldinger")


def _old_conversations(cutoff: datetime) -> sa.sql.Select:
    """The conversations whose last event is before ``cutoff``."""
    events = sa.table(EVENTS, sa.column("sender_id"), sa.column("timestamp"))
    return (sa.select(events.c.sender_id).group_by(events.c.sender_id)
            .having(sa.func.max(events.c.timestamp) < cutoff.timestamp()))


def purge(engine: Union[Engine, str], now: datetime, periods: Periods = Periods(), *,
          dry_run: bool = False) -> Purged:
    """Delete conversations, tickets and feedback older than ``periods`` at ``now`` (aware).

    ``engine``: an SQLAlchemy engine or URL of the tracker store's database. A database
    without Rasa's ``events`` table (no conversation yet) is fine.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"now must be an aware datetime, got {now!r}")
    owned = isinstance(engine, str)
    engine = records.create_engine(engine) if isinstance(engine, str) else engine
    records.metadata.create_all(engine, checkfirst=True)
    try:
        with engine.begin() as conn:
            conversations = events = 0
            if sa.inspect(conn).has_table(EVENTS):
                old = _old_conversations(now - periods.conversations)
                senders: List[str] = list(conn.execute(old).scalars())
                table = sa.table(EVENTS, sa.column("sender_id"), sa.column("timestamp"))
                for start in range(0, len(senders), 500):
                    chunk = senders[start:start + 500]
                    where = table.c.sender_id.in_(chunk)
                    if dry_run:
                        events += conn.execute(
                            sa.select(sa.func.count()).select_from(table).where(where)).scalar()
                        continue
                    _forget_days(conn, *conn.execute(
                        sa.select(sa.func.min(table.c.timestamp),
                                  sa.func.max(table.c.timestamp)).where(where)).one())
                    events += conn.execute(sa.delete(table).where(where)).rowcount
                conversations = len(senders)
            tickets = _delete(conn, records.tickets, records.tickets.c.updated_at,
                              now - periods.tickets, dry_run)
            feedback = _delete(conn, records.feedback, records.feedback.c.created_at,
                               now - periods.feedback, dry_run)
    finally:
        if owned:
            engine.dispose()
    return Purged(conversations=conversations, events=events, tickets=tickets,
                  feedback=feedback)


def _forget_days(conn: Connection, first: Optional[float], last: Optional[float]) -> None:
    """Delete the staff statistics' stored aggregates (``assistant_daily_statistics``) of the
    days from ``first`` to ``last`` (epoch seconds), a day more on each side for any office
    time zone: they are computed again from the conversations that are left when needed."""
    if first is None:
        return
    day = records.daily_statistics.c.day
    start = datetime.fromtimestamp(first, timezone.utc).date() - timedelta(days=1)
    end = datetime.fromtimestamp(last, timezone.utc).date() + timedelta(days=1)
    conn.execute(sa.delete(records.daily_statistics).where(day.between(start, end)))


def _delete(conn: Connection, table: sa.Table, column: sa.Column, cutoff: datetime,
            dry_run: bool) -> int:
    if dry_run:
        return conn.execute(sa.select(sa.func.count()).select_from(table)
                            .where(column < cutoff)).scalar()
    return conn.execute(sa.delete(table).where(column < cutoff)).rowcount


def purge_with_settings(settings: Settings, now: Optional[datetime] = None, *,
                        dry_run: bool = False) -> Purged:
    """:func:`purge` on the settings' database and periods, at ``now`` (default: the real
    clock, never ``ASSISTANT_NOW``)."""
    return purge(settings.database_url, now or datetime.now(timezone.utc),
                 Periods.from_settings(settings), dry_run=dry_run)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m components.retention",
        description="Slett samtaler, henvendelser og tilbakemeldinger som er eldre enn "
                    "oppbevaringstiden i innstillingene.")
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("purge", help="slett det som er for gammelt")
    command.add_argument("--now", help="klokka, ISO 8601 med UTC-forskyvning (standard: nå)")
    command.add_argument("--dry-run", action="store_true",
                         help="bare tell hva som ville blitt slettet")
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
        now = parse_clock(args.now) if args.now else None
    except (InvalidSetting, ValueError) as exc:
        print(exc, file=sys.stderr)
        return 2
    purged = purge_with_settings(settings, now, dry_run=args.dry_run)
    verb = "Ville slettet" if args.dry_run else "Slettet"
    print(f"{verb} {purged.summary()}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

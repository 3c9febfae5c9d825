"""Statistics for the staff pages, computed in the database.

Every function takes an SQLAlchemy engine (the tracker store's database: Rasa's ``events``
table and the project's ``assistant_tickets`` and ``assistant_feedback``) and a
:class:`DateRange`, and runs aggregate queries (GROUP BY, conditional sums, correlated
lookups of a conversation's previous message) that work in SQLite and PostgreSQL; only
aggregated rows come back to Python, read through the indexes :func:`ensure_indexes` adds to
Rasa's table (:data:`EVENT_INDEXES`; the web service creates them at start-up and before the
first statistic). Rasa's ``events`` rows: ``sender_id``, ``type_name``
(``user``, ``bot``, ``action``, ``slot`` ...), ``timestamp`` (epoch seconds), ``intent_name``
(user events), ``action_name`` (actions; the slot's name for slot events) and ``data`` (the
event as JSON: a user's ``text``, a bot message's ``text`` and ``metadata.utter_action``, a
slot's ``value``).

Definitions (the README's "For rådgivere" says the same in Norwegian):

- a **conversation** is a ``sender_id`` with at least one user message in the range; a
  **message** is a user message;
- a **fallback** is a user message the NLU classified as ``nlu_fallback`` (low confidence: the
  two-stage fallback asks "Mente du …?");
- a conversation **asked for a person** when a user message had the intent ``human_handoff``,
  the action ``utter_human_handoff`` ran, or a ticket (``assistant_tickets``) was created for it
  in the range;
- a conversation **failed** when ``action_default_fallback`` ran (the two-stage fallback gave
  up) or two user messages in a row were fallbacks;
- the **deflection rate** is the share of conversations that neither asked for a person nor
  failed.

Days are counted in the office's time zone at the start of the range (a range across a change
to or from summer time counts the hour around midnight on the neighbouring day).
"""
from __future__ import annotations

import logging
import threading
import weakref
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Dict, List, Optional, Tuple
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from components.records import feedback as feedback_table
from components.records import tickets as tickets_table
from veileder.eligibility import FAMILY_LABELS, OPENINGS, OPENINGS_AFTER_DEADLINE, OrgFamily
from veileder.i18n import LANGUAGES
from veileder.polarity import NO, YES, YES_TO_NEGATIVE, prefix_answer

logger = logging.getLogger(__name__)

events = sa.table("events", sa.column("id", sa.Integer), sa.column("sender_id", sa.String),
                  sa.column("type_name", sa.String), sa.column("timestamp", sa.Float),
                  sa.column("intent_name", sa.String), sa.column("action_name", sa.String),
                  sa.column("data", sa.Text))

FALLBACK_INTENT = "nlu_fallback"
FAILED_ACTIONS = ("action_default_fallback",)
HANDOFF_INTENTS = ("human_handoff",)
HANDOFF_ACTIONS = ("utter_human_handoff",)
#: user messages the assistant could not answer from the announcement
UNANSWERED_INTENTS = ("nlu_fallback", "out_of_scope", "ukjent")
UNANSWERED_RESPONSES = ("utter_out_of_scope",)
UNANSWERED_RESPONSE_PREFIX = "utter_ukjent/"
NOT_IN_ANNOUNCEMENT = "Det står ikke i utlysningen"
VERDICT_ACTION = "action_eligibility_summary"
FAMILY_SLOT = "elig_family"
TICKET = "ticket"  # a ticket's row among the events in summary()
#: the slot's validated values; the form's extractor stores the user's own words in it first
FAMILIES = tuple(f.value for f in OrgFamily)
DAY = 86400


@dataclass(frozen=True)
class DateRange:
    """The days ``first`` to ``last`` (both included) in the time zone ``tz``."""

    first: date
    last: date
    tz: str = "Europe/Oslo"

    @classmethod
    def last_days(cls, today: date, days: int = 30, tz: str = "Europe/Oslo") -> "DateRange":
        return cls(today - timedelta(days=days - 1), today, tz)

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first, time(0), ZoneInfo(self.tz))

    @property
    def end(self) -> datetime:
        """The moment the range ends (midnight after ``last``), not included."""
        return datetime.combine(self.last + timedelta(days=1), time(0), ZoneInfo(self.tz))

    @property
    def offset(self) -> int:
        """Seconds the office's time is ahead of UTC at the start of the range."""
        return int(self.start.utcoffset().total_seconds())

    def days(self) -> List[date]:
        return [self.first + timedelta(days=i) for i in range((self.last - self.first).days + 1)]

    def day(self, number: int) -> date:
        return date(1970, 1, 1) + timedelta(days=int(number))


def _epochs(rng: DateRange) -> Tuple[float, float]:
    return rng.start.timestamp(), rng.end.timestamp()


def _in_range(rng: DateRange):
    start, end = _epochs(rng)
    return sa.and_(events.c.timestamp >= start, events.c.timestamp < end)


def _day(epoch: Any, dialect: str, offset: int) -> Any:
    """The day number (days since 1970-01-01 in the office's time) of an epoch expression."""
    shifted = (epoch + offset) / DAY
    if dialect == "sqlite":
        return sa.cast(shifted, sa.Integer)  # truncates; epochs are positive
    return sa.cast(sa.func.floor(shifted), sa.Integer)


def _json(dialect: str, *path: str) -> Any:
    """A text value at ``path`` in the events' JSON ``data``."""
    if dialect == "sqlite":
        return sa.func.json_extract(events.c.data, "$." + ".".join(path))
    return sa.cast(events.c.data, sa.JSON)[path].as_string()


def _rate(part: int, whole: int) -> Optional[float]:
    return part / whole if whole else None


# --- summary and days ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Summary:
    conversations: int
    messages: int
    fallbacks: int
    asked_for_person: int
    failed: int
    deflected: int
    tickets: int

    @property
    def deflection_rate(self) -> Optional[float]:
        return _rate(self.deflected, self.conversations)

    @property
    def fallback_rate(self) -> Optional[float]:
        return _rate(self.fallbacks, self.messages)


def _flag(condition: Any) -> Any:
    return sa.func.max(sa.case((condition, 1), else_=0))


def summary(engine: Engine, rng: DateRange) -> Summary:
    ensure_indexes(engine)
    user = events.c.type_name == "user"
    # the user messages and the actions that matter in the range (read from the covering index
    # ix_events_type_time, see ensure_indexes), and the conversations' tickets, in one pass
    # grouped by conversation (no join, so no plan depends on the planner's guess of how many
    # tickets there are); a fallback gets the intent of the conversation's user message before
    # it (one seek in ix_events_sender_type_id, only for fallbacks)
    before = events.alias("before")
    previous = (sa.select(before.c.intent_name)
                .where(before.c.sender_id == events.c.sender_id, before.c.type_name == "user",
                       before.c.id < events.c.id)
                .order_by(before.c.id.desc()).limit(1).scalar_subquery())
    from_events = (sa.select(
        events.c.sender_id, events.c.type_name, events.c.intent_name, events.c.action_name,
        sa.case((sa.and_(user, events.c.intent_name == FALLBACK_INTENT), previous),
                else_=None).label("previous"))
        .where(events.c.type_name.in_(("user", "action")), _in_range(rng),
               sa.or_(user, events.c.action_name.in_(HANDOFF_ACTIONS + FAILED_ACTIONS))))
    t = tickets_table.c
    nothing = sa.null().cast(sa.String)
    from_tickets = (sa.select(t.sender_id, sa.literal(TICKET, sa.String).label("type_name"),
                              nothing, nothing, nothing)
                    .where(t.created_at >= rng.start, t.created_at < rng.end))
    rows = sa.union_all(from_events, from_tickets).subquery()
    r_user = rows.c.type_name == "user"
    r_action = rows.c.type_name == "action"
    fallback = sa.and_(r_user, rows.c.intent_name == FALLBACK_INTENT)
    per = (sa.select(
        rows.c.sender_id,
        sa.func.sum(sa.case((r_user, 1), else_=0)).label("messages"),
        sa.func.sum(sa.case((fallback, 1), else_=0)).label("fallbacks"),
        _flag(sa.or_(sa.and_(r_user, rows.c.intent_name.in_(HANDOFF_INTENTS)),
                     sa.and_(r_action, rows.c.action_name.in_(HANDOFF_ACTIONS)),
                     rows.c.type_name == TICKET)).label("handoff"),
        _flag(sa.or_(sa.and_(r_action, rows.c.action_name.in_(FAILED_ACTIONS)),
                     sa.and_(fallback, rows.c.previous == FALLBACK_INTENT))).label("failed"))
        .group_by(rows.c.sender_id).subquery())
    person = per.c.handoff == 1
    failed = per.c.failed == 1
    query = (sa.select(
        sa.func.count(),
        sa.func.coalesce(sa.func.sum(per.c.messages), 0),
        sa.func.coalesce(sa.func.sum(per.c.fallbacks), 0),
        sa.func.coalesce(sa.func.sum(sa.case((person, 1), else_=0)), 0),
        sa.func.coalesce(sa.func.sum(sa.case((failed, 1), else_=0)), 0),
        sa.func.coalesce(sa.func.sum(sa.case((sa.or_(person, failed), 0), else_=1)), 0))
        .where(per.c.messages > 0))
    ticket_count = (sa.select(sa.func.count()).select_from(tickets_table)
                    .where(t.created_at >= rng.start, t.created_at < rng.end))
    with engine.connect() as conn:
        if not _has_events(conn):
            return Summary(0, 0, 0, 0, 0, 0, conn.execute(ticket_count).scalar())
        row = conn.execute(query).one()
        tickets = conn.execute(ticket_count).scalar()
    return Summary(*(int(v) for v in row), tickets=int(tickets))


@dataclass(frozen=True)
class Day:
    day: date
    conversations: int = 0
    messages: int = 0
    fallbacks: int = 0
    tickets: int = 0


def days(engine: Engine, rng: DateRange) -> List[Day]:
    """One row per day of the range (days without activity too): conversations with a user
    message that day, user messages, fallbacks and tickets created."""
    ensure_indexes(engine)
    dialect = engine.dialect.name
    day = _day(events.c.timestamp, dialect, rng.offset).label("day")
    query = (sa.select(day, sa.func.count(sa.distinct(events.c.sender_id)), sa.func.count(),
                       sa.func.sum(sa.case((events.c.intent_name == FALLBACK_INTENT, 1),
                                           else_=0)))
             .where(events.c.type_name == "user", _in_range(rng)).group_by(day))
    created = tickets_table.c.created_at
    epoch = sa.cast(sa.func.strftime("%s", created), sa.Integer) if dialect == "sqlite" \
        else sa.func.extract("epoch", created)
    tday = _day(epoch, dialect, rng.offset).label("day")
    ticket_query = (sa.select(tday, sa.func.count())
                    .where(created >= rng.start, created < rng.end).group_by(tday))
    found: Dict[date, Dict[str, int]] = {d: {} for d in rng.days()}
    with engine.connect() as conn:
        rows = conn.execute(query).all() if _has_events(conn) else []
        ticket_rows = conn.execute(ticket_query).all()
    for number, conversations, messages, fallbacks in rows:
        found.setdefault(rng.day(number), {}).update(
            conversations=int(conversations), messages=int(messages), fallbacks=int(fallbacks))
    for number, count in ticket_rows:
        found.setdefault(rng.day(number), {})["tickets"] = int(count)
    return [Day(d, **values) for d, values in sorted(found.items()) if rng.first <= d <= rng.last]


def _has_events(conn) -> bool:
    return sa.inspect(conn).has_table("events")


# --- indexes ------------------------------------------------------------------------------------

#: Indexes the statistics need on Rasa's ``events`` table, which Rasa creates with an index on
#: ``sender_id`` only. Without them every statistic reads the whole table, JSON and all.
EVENT_INDEXES = {
    # the rows of one kind in a date range with the columns the aggregates read: summary(),
    # days() and the eligibility's slots are read from the index alone, and the bot and user
    # rows whose JSON is needed are found without reading the rest of the table
    "ix_events_type_time": ("type_name", "timestamp", "sender_id", "intent_name",
                            "action_name"),
    # a conversation's user message before a given event: one seek (summary(), the example
    # questions of top_answers() and unanswered_texts())
    "ix_events_sender_type_id": ("sender_id", "type_name", "id"),
}
_indexed: "weakref.WeakSet[Engine]" = weakref.WeakSet()
_index_lock = threading.Lock()


def ensure_indexes(engine: Engine) -> bool:
    """Create :data:`EVENT_INDEXES` when missing (``CREATE INDEX IF NOT EXISTS``, SQLite and
    PostgreSQL), once per engine: the web service calls it at start-up and before the first
    statistic. False while there is no ``events`` table yet (Rasa creates it on its first
    conversation; the next call tries again). A database user without the right to create an
    index, or another replica creating it at the same time, is logged and not tried again:
    the statistics are the same without the indexes, only slower."""
    if engine in _indexed:
        return True
    with _index_lock:
        if engine in _indexed:
            return True
        with engine.connect() as conn:  # a database that cannot be reached raises
            if not _has_events(conn):
                return False
        for name, columns in EVENT_INDEXES.items():
            try:
                _create_index(engine, name, columns)
            except sa.exc.SQLAlchemyError as exc:
                logger.warning("Kunne ikke lage indeksen %s for statistikken: %s", name,
                               exc.__class__.__name__)
        _indexed.add(engine)
    return True


def _create_index(engine: Engine, name: str, columns: Tuple[str, ...]) -> None:
    """``CREATE INDEX IF NOT EXISTS``; in PostgreSQL ``CONCURRENTLY``, so Rasa can go on
    writing events while it is built (an index a failed concurrent build left invalid is
    dropped and built again)."""
    quote = engine.dialect.identifier_preparer.quote
    on = f"{quote(name)} ON events ({', '.join(quote(c) for c in columns)})"
    if engine.dialect.name != "postgresql":
        with engine.begin() as conn:
            conn.execute(sa.text(f"CREATE INDEX IF NOT EXISTS {on}"))
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        invalid = conn.execute(sa.text(
            "SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE c.relname = :name AND NOT i.indisvalid"), {"name": name}).first()
        if invalid:
            conn.execute(sa.text(f"DROP INDEX CONCURRENTLY IF EXISTS {quote(name)}"))
        conn.execute(sa.text(f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {on}"))


# --- answers and questions ----------------------------------------------------------------------

def _previous_user(bot: Any) -> Any:
    """The id of the user message before the bot event ``bot`` in its conversation (a
    correlated subquery over Rasa's index on ``sender_id``)."""
    user = events.alias("prev_user")
    return (sa.select(sa.func.max(user.c.id))
            .where(user.c.sender_id == bot.c.sender_id, user.c.type_name == "user",
                   user.c.id < bot.c.id).scalar_subquery())


@dataclass(frozen=True)
class AnswerCount:
    key: str  # the response key, e.g. utter_faq/frist; "" for a text an action wrote
    answers: int  # how often it was given
    example: Optional[str]  # the question before its latest use (masked again when shown)


def top_answers(engine: Engine, rng: DateRange, limit: int = 20) -> List[AnswerCount]:
    """The answers given most often, by response key (``metadata.utter_action`` of the bot
    messages), with the user's question before the latest one as an example."""
    ensure_indexes(engine)
    dialect = engine.dialect.name
    key = sa.func.coalesce(_json(dialect, "metadata", "utter_action"), "").label("key")
    count = sa.func.count().label("n")
    query = (sa.select(key, count, sa.func.max(events.c.id))
             .where(events.c.type_name == "bot", _in_range(rng))
             .group_by(key).order_by(count.desc(), key).limit(limit))
    bot = events.alias("bot")
    example = (sa.select(_json(dialect, "text"))
               .where(events.c.id == sa.select(_previous_user(bot))
                      .where(bot.c.id == sa.bindparam("bot_id")).scalar_subquery()))
    with engine.connect() as conn:
        if not _has_events(conn):
            return []
        rows = conn.execute(query).all()
        return [AnswerCount(k, int(n), conn.execute(example, {"bot_id": last}).scalar())
                for k, n, last in rows]


def unanswered_texts(engine: Engine, rng: DateRange,
                     limit: int = 2000) -> List[Tuple[str, int]]:
    """User messages the assistant did not answer from the announcement, with how often each
    text came: intents ``nlu_fallback``, ``out_of_scope`` and ``ukjent``, or a bot answer after
    it that is ``utter_out_of_scope``, ``utter_ukjent/*`` or begins "Det står ikke i
    utlysningen"."""
    ensure_indexes(engine)
    dialect = engine.dialect.name
    key = _json(dialect, "metadata", "utter_action")
    by_intent = sa.select(events.c.id).where(
        events.c.type_name == "user", events.c.intent_name.in_(UNANSWERED_INTENTS),
        _in_range(rng))
    # a cheap test on the raw JSON first (the key or the text's first words are in it, "å"
    # perhaps escaped), then the exact one on the parsed values
    raw = sa.or_(*[events.c.data.like(f"%{word}%") for word in
                   UNANSWERED_RESPONSES + (UNANSWERED_RESPONSE_PREFIX, NOT_IN_ANNOUNCEMENT[:6])])
    by_answer = (sa.select(_previous_user(events)).where(
        events.c.type_name == "bot", _in_range(rng), raw,
        sa.or_(key.in_(UNANSWERED_RESPONSES), key.like(UNANSWERED_RESPONSE_PREFIX + "%"),
               _json(dialect, "text").like(NOT_IN_ANNOUNCEMENT + "%"))))
    ids = sa.union(by_intent, by_answer).subquery()
    text = _json(dialect, "text").label("text")
    count = sa.func.count().label("n")
    query = (sa.select(text, count).where(events.c.id.in_(sa.select(ids.c[0])))
             .group_by(text).order_by(count.desc(), text).limit(limit))
    with engine.connect() as conn:
        if not _has_events(conn):
            return []
        return [(t, int(n)) for t, n in conn.execute(query) if t]


# --- feedback -----------------------------------------------------------------------------------

@dataclass
class AnswerFeedback:
    key: str
    up: int = 0
    down: int = 0
    comments: List[str] = field(default_factory=list)


def feedback(engine: Engine, rng: DateRange, comments_per_answer: int = 5) -> List[AnswerFeedback]:
    """Up and down votes per answer, most down-votes first, with the latest comments."""
    f = feedback_table.c
    in_range = sa.and_(f.created_at >= rng.start, f.created_at < rng.end)
    down = sa.func.sum(sa.case((f.rating == "down", 1), else_=0)).label("down")
    up = sa.func.sum(sa.case((f.rating == "up", 1), else_=0)).label("up")
    query = (sa.select(f.response, up, down).where(in_range).group_by(f.response)
             .order_by(down.desc(), f.response))
    comments = (sa.select(f.response, f.comment).where(in_range, f.comment.isnot(None))
                .order_by(f.created_at.desc(), f.id.desc()))
    with engine.connect() as conn:
        result = {key: AnswerFeedback(key, int(u), int(d)) for key, u, d in conn.execute(query)}
        for key, comment in conn.execute(comments):
            if len(result[key].comments) < comments_per_answer:
                result[key].comments.append(comment)
    return list(result.values())


# --- eligibility --------------------------------------------------------------------------------

@dataclass(frozen=True)
class FamilyOutcome:
    family: str  # the slot value, e.g. "municipality"
    label: str  # its Norwegian label
    checks: int  # conversations where the check learnt the family
    verdicts: int  # ... and reached action_eligibility_summary
    eligible: int
    not_eligible: int
    uncertain: int



#: The answer word that may stand before each outcome (``veileder.polarity.verdict_opening``).
ANSWER_WORDS = {"eligible": (None, YES, YES_TO_NEGATIVE), "not_eligible": (None, NO),
                "uncertain": (None,)}


def verdict_openings() -> Dict[str, List[str]]:
    """Per outcome, every way a verdict text begins: in the three standards, before and after
    the deadline, with or without the "Ja." / "Nei." / "Jo." that answers a yes/no question
    (``actions.eligibility.verdict_answer``)."""
    found: Dict[str, List[str]] = {}
    for outcome in OPENINGS:
        starts = set()
        for lang in LANGUAGES:
            for opening in (OPENINGS[outcome](lang),
                            OPENINGS_AFTER_DEADLINE[outcome](lang).split("{deadline}")[0]):
                for answer in ANSWER_WORDS[outcome]:
                    starts.add(prefix_answer(answer, opening, lang).rstrip(" .,"))
        # "Dere kan søke" already covers "Dere kan søke etter reglene"
        found[outcome] = sorted(s for s in starts
                                if not any(o != s and s.startswith(o) for o in starts))
    return found


def opens_with(column: Any, starts: List[str]) -> Any:
    """SQL: the text ``column`` begins with one of ``starts``."""
    return sa.or_(*(column.like(start + "%") for start in starts))

def eligibility(engine: Engine, rng: DateRange) -> List[FamilyOutcome]:
    """Eligibility checks by organisation family: the conversation's last validated
    ``elig_family`` (one of :class:`OrgFamily`'s values; the user's own words, which the form
    stores in the slot before it validates them, are never counted or shown),
    whether it reached the verdict (``action_eligibility_summary``), and the verdict's outcome
    read from the opening of the last verdict text ("Dere kan søke", "Dere kan ikke søke",
    "Vi kan ikke avgjøre om dere kan søke"; the outcome is not stored as a slot)."""
    ensure_indexes(engine)
    dialect = engine.dialect.name
    text = _json(dialect, "text")
    bot = events.c.type_name == "bot"

    def last(condition: Any) -> Any:
        return sa.func.max(sa.case((condition, events.c.id), else_=None))

    checked = sa.select(events.c.sender_id).where(
        events.c.type_name == "slot", events.c.action_name == FAMILY_SLOT, _in_range(rng))
    openings = verdict_openings()
    per = (sa.select(
        events.c.sender_id,
        last(sa.and_(events.c.type_name == "slot", events.c.action_name == FAMILY_SLOT,
                     _json(dialect, "value").in_(FAMILIES))).label("family_id"),
        _flag(sa.and_(events.c.type_name == "action",
                      events.c.action_name == VERDICT_ACTION)).label("verdict"),
        *[last(sa.and_(bot, opens_with(text, openings[name]))).label(name)
          for name in openings])
        .where(_in_range(rng), events.c.sender_id.in_(checked))
        .group_by(events.c.sender_id).subquery())
    valued = events.alias("valued")
    family = (sa.func.json_extract(valued.c.data, "$.value") if dialect == "sqlite"
              else sa.cast(valued.c.data, sa.JSON)["value"].as_string()).label("family")
    e, n, u = (sa.func.coalesce(per.c[name], 0) for name in ("eligible", "not_eligible",
                                                             "uncertain"))
    outcome = sa.case((sa.and_(e > 0, e > n, e > u), "eligible"),
                      (sa.and_(n > 0, n > u), "not_eligible"),
                      (u > 0, "uncertain"), else_="").label("outcome")
    joined = (sa.select(family, outcome, per.c.verdict)
              .select_from(per.join(valued, valued.c.id == per.c.family_id)).subquery())
    query = (sa.select(joined.c.family, joined.c.outcome, sa.func.count(),
                       sa.func.sum(joined.c.verdict))
             .group_by(joined.c.family, joined.c.outcome))
    totals: Dict[str, Dict[str, int]] = {}
    with engine.connect() as conn:
        if not _has_events(conn):
            return []
        for fam, out, count, verdicts in conn.execute(query):
            t = totals.setdefault(fam, {"checks": 0, "verdicts": 0, "eligible": 0,
                                        "not_eligible": 0, "uncertain": 0})
            t["checks"] += int(count)
            t["verdicts"] += int(verdicts or 0)
            if out:
                t[out] += int(count)
    return sorted((FamilyOutcome(fam, _family_label(fam), **t) for fam, t in totals.items()),
                  key=lambda o: (-o.checks, o.family))


def _family_label(value: str) -> str:
    try:
        return FAMILY_LABELS[OrgFamily(value)]
    except (ValueError, KeyError):
        return value

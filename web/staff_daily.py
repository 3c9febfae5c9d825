"""The staff statistics from aggregates of closed days, stored once, plus the open days live.

The dashboard's statistics over a date range (:mod:`web.staff_stats` computes them directly from
Rasa's ``events`` table) mostly cost the JSON read from the bot and user rows. A day that is
over (it ended :data:`SETTLE` before the clock) does not change, so its rows for each statistic
are computed once and stored in ``assistant_daily_statistics`` (``components/records.py``),
in one transaction with a marker row, unique on (day, statistic, key). The functions here give
the same figures as :mod:`web.staff_stats` by combining the stored closed days with the same
rows computed live for the days that are not closed (today).

What is stored per day, so that the combination over any range is exact:

- ``conv``: per conversation, its user messages, fallbacks, and whether it asked for a person
  (intent or action) or failed, that day. A conversation across midnight has a row on each
  day, and :func:`summary` adds them up per conversation (it is one conversation in the range,
  as in :func:`web.staff_stats.summary`); :func:`days` counts it on each day, as before. The
  tickets are read live (the project's small table).
- ``answer``: per response key, the count, the id of the latest answer and the question before
  it (the example).
- ``text``: per unanswered text (key: its hash), the count; ``textx``: a user message the bot
  answered "not in the announcement" on a later day, stored by event id, so it is counted once
  in a range that holds both days. The grouping of variants (``staff_texts.cluster``) runs on
  the combined texts as before, so the groups are the same.
- ``elig``: per conversation, the id and value of its last validated organisation family, the
  ids of the last verdict texts, whether it reached the verdict and whether the form asked.
- ``day``: the marker (key: the time zone; ``a``: the newest event id when it was computed).

Feedback per answer is read live from ``assistant_feedback`` (the project's own small table,
no JSON). The daily trend of a range across a change to or from summer time is computed
directly (:func:`web.staff_stats.days` counts its days at the range's first offset).

A row written late into a closed day (an event with an id above the day's marker) makes the
day be computed again; the retention purge (``components/retention.py``) deletes the
aggregates of the days it deletes conversations from, and they are computed again when next
needed or by the web service's daily job after the purge (:func:`aggregate`).
"""
from __future__ import annotations

import hashlib
import threading
import weakref
from datetime import date, datetime, timedelta
from typing import Any, Dict, List, Optional, Set, Tuple
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from components.records import daily_statistics as table
from components.records import tickets as tickets_table
from web import staff_stats as st
from web.staff_stats import DateRange, events

SETTLE = timedelta(minutes=10)
MARKER = "day"
Row = Tuple[date, str, Optional[int], Optional[int], Optional[int], Optional[int],
            Optional[int], Optional[str]]  # day, key, a, b, c, d, e, text

_lock = threading.Lock()
_checked: "weakref.WeakKeyDictionary[Engine, int]" = weakref.WeakKeyDictionary()
_created: "weakref.WeakSet[Engine]" = weakref.WeakSet()


def _one_day(day: date, tz: str) -> DateRange:
    return DateRange(day, day, tz)


def closed_days(rng: DateRange, now: datetime) -> List[date]:
    """The days of ``rng`` that ended at least :data:`SETTLE` before ``now``."""
    return [d for d in rng.days() if _one_day(d, rng.tz).end + SETTLE <= now]


# --- the rows of one day ----------------------------------------------------------------------

def _conversations(conn: Connection, rng: DateRange) -> List[tuple]:
    user = events.c.type_name == "user"
    before = events.alias("before")
    previous = (sa.select(before.c.intent_name)
                .where(before.c.sender_id == events.c.sender_id, before.c.type_name == "user",
                       before.c.id < events.c.id)
                .order_by(before.c.id.desc()).limit(1).scalar_subquery())
    rows = (sa.select(events.c.sender_id, events.c.type_name, events.c.intent_name,
                      events.c.action_name,
                      sa.case((sa.and_(user, events.c.intent_name == st.FALLBACK_INTENT),
                               previous), else_=None).label("previous"))
            .where(events.c.type_name.in_(("user", "action")), st._in_range(rng),
                   sa.or_(user, events.c.action_name.in_(st.HANDOFF_ACTIONS
                                                         + st.FAILED_ACTIONS)))).subquery()
    r_user, r_action = rows.c.type_name == "user", rows.c.type_name == "action"
    fallback = sa.and_(r_user, rows.c.intent_name == st.FALLBACK_INTENT)
    query = sa.select(
        rows.c.sender_id,
        sa.func.sum(sa.case((r_user, 1), else_=0)),
        sa.func.sum(sa.case((fallback, 1), else_=0)),
        st._flag(sa.or_(sa.and_(r_user, rows.c.intent_name.in_(st.HANDOFF_INTENTS)),
                        sa.and_(r_action, rows.c.action_name.in_(st.HANDOFF_ACTIONS)))),
        st._flag(sa.or_(sa.and_(r_action, rows.c.action_name.in_(st.FAILED_ACTIONS)),
                        sa.and_(fallback, rows.c.previous == st.FALLBACK_INTENT))),
    ).group_by(rows.c.sender_id)
    return [("conv", s, int(m), int(f), int(h), int(x), None, None)
            for s, m, f, h, x in conn.execute(query)]


def _answers(conn: Connection, rng: DateRange, dialect: str) -> List[tuple]:
    key = sa.func.coalesce(st._json(dialect, "metadata", "utter_action"), "").label("key")
    query = (sa.select(key, sa.func.count(), sa.func.max(events.c.id))
             .where(events.c.type_name == "bot", st._in_range(rng)).group_by(key))
    bot = events.alias("bot")
    example = (sa.select(st._json(dialect, "text"))
               .where(events.c.id == sa.select(st._previous_user(bot))
                      .where(bot.c.id == sa.bindparam("bot_id")).scalar_subquery()))
    return [("answer", k, int(n), int(last), None, None, None,
             conn.execute(example, {"bot_id": last}).scalar())
            for k, n, last in conn.execute(query).all()]


def _by_answer(rng: DateRange, dialect: str) -> Any:
    key = st._json(dialect, "metadata", "utter_action")
    raw = sa.or_(*[events.c.data.like(f"%{word}%") for word in
                   st.UNANSWERED_RESPONSES + (st.UNANSWERED_RESPONSE_PREFIX,
                                              st.NOT_IN_ANNOUNCEMENT[:6])])
    return sa.select(st._previous_user(events)).where(
        events.c.type_name == "bot", st._in_range(rng), raw,
        sa.or_(key.in_(st.UNANSWERED_RESPONSES), key.like(st.UNANSWERED_RESPONSE_PREFIX + "%"),
               st._json(dialect, "text").like(st.NOT_IN_ANNOUNCEMENT + "%")))


def _unanswered(conn: Connection, rng: DateRange, dialect: str) -> List[tuple]:
    by_intent = sa.select(events.c.id).where(
        events.c.type_name == "user", events.c.intent_name.in_(st.UNANSWERED_INTENTS),
        st._in_range(rng))
    ids = sa.union(by_intent, _by_answer(rng, dialect)).subquery()
    query = (sa.select(events.c.id, events.c.timestamp, events.c.intent_name,
                       st._json(dialect, "text"))
             .where(events.c.id.in_(sa.select(ids.c[0]))))
    start, end = st._epochs(rng)
    counts: Dict[str, int] = {}
    rows: List[tuple] = []
    for event_id, stamp, intent, text in conn.execute(query).all():
        if not text:
            continue
        if start <= stamp < end:
            counts[text] = counts.get(text, 0) + 1
            continue
        # a message of another day, answered this day: counted once per range, by its id
        own = datetime.fromtimestamp(stamp, ZoneInfo(rng.tz)).date()
        counted = intent in st.UNANSWERED_INTENTS or event_id in set(
            conn.execute(_by_answer(_one_day(own, rng.tz), dialect)).scalars())
        rows.append(("textx", str(event_id), own.toordinal(), int(counted), None, None, None,
                     text))
    rows += [("text", _digest(t), n, None, None, None, None, t) for t, n in counts.items()]
    return rows


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _eligibility(conn: Connection, rng: DateRange, dialect: str) -> List[tuple]:
    text = st._json(dialect, "text")
    bot = events.c.type_name == "bot"
    slot = sa.and_(events.c.type_name == "slot", events.c.action_name == st.FAMILY_SLOT)

    def last(condition: Any) -> Any:
        return sa.func.max(sa.case((condition, events.c.id), else_=None))

    openings = st.verdict_openings()
    per = (sa.select(
        events.c.sender_id,
        last(sa.and_(slot, st._json(dialect, "value").in_(st.FAMILIES))).label("family_id"),
        *[last(sa.and_(bot, st.opens_with(text, openings[name]))).label(name)
          for name in ("eligible", "not_eligible", "uncertain")],
        st._flag(sa.and_(events.c.type_name == "action",
                         events.c.action_name == st.VERDICT_ACTION)).label("verdict"),
        st._flag(slot).label("checked"))
        .where(st._in_range(rng), events.c.type_name.in_(("slot", "action", "bot")))
        .group_by(events.c.sender_id).subquery())
    valued = events.alias("valued")
    family = (sa.func.json_extract(valued.c.data, "$.value") if dialect == "sqlite"
              else sa.cast(valued.c.data, sa.JSON)["value"].as_string())
    query = (sa.select(per, family)
             .select_from(per.outerjoin(valued, valued.c.id == per.c.family_id))
             .where(sa.or_(per.c.family_id.isnot(None), per.c.eligible.isnot(None),
                           per.c.not_eligible.isnot(None), per.c.uncertain.isnot(None),
                           per.c.verdict == 1, per.c.checked == 1)))
    return [("elig", s, fid, e, n, u, int(verdict) * 2 + int(checked), value)
            for s, fid, e, n, u, verdict, checked, value in conn.execute(query)]


def day_rows(conn: Connection, day: date, tz: str) -> List[tuple]:
    """Every statistic's rows of ``day``: (statistic, key, a, b, c, d, e, text)."""
    dialect = conn.dialect.name
    rng = _one_day(day, tz)
    return (_conversations(conn, rng) + _answers(conn, rng, dialect)
            + _unanswered(conn, rng, dialect) + _eligibility(conn, rng, dialect))


# --- storing and reading ----------------------------------------------------------------------

def _store_day(engine: Engine, day: date, tz: str) -> None:
    """Compute and store ``day`` in one transaction (its old rows replaced); another process
    storing it at the same moment wins."""
    try:
        with engine.begin() as conn:
            watermark = conn.execute(sa.select(sa.func.max(events.c.id))).scalar() or 0
            rows = day_rows(conn, day, tz) + [(MARKER, tz, watermark, None, None, None, None,
                                               None)]
            conn.execute(sa.delete(table).where(table.c.day == day))
            conn.execute(table.insert(), [
                dict(day=day, statistic=s, key=k, a=a, b=b, c=c, d=d, e=e, text=t)
                for s, k, a, b, c, d, e, t in rows])
    except sa.exc.IntegrityError:
        pass


def prepare(engine: Engine, rng: DateRange, now: datetime) -> Set[date]:
    """Store the closed days of ``rng`` that are missing or out of date; the closed days."""
    with engine.connect() as conn:
        if not st._has_events(conn):
            return set()
    days = closed_days(rng, now)
    if not days:
        return set()
    with _lock:
        if engine not in _created:
            table.create(engine, checkfirst=True)
            _created.add(engine)
        with engine.connect() as conn:
            markers = {d: (k, w) for d, k, w in conn.execute(
                sa.select(table.c.day, table.c.key, table.c.a).where(
                    table.c.statistic == MARKER, table.c.day.between(days[0], days[-1])))}
            todo = {d for d in days if d not in markers or markers[d][0] != rng.tz}
            todo |= _late(conn, engine, markers, rng.tz)
        for day in sorted(todo):
            _store_day(engine, day, rng.tz)
    return set(days)


def _late(conn: Connection, engine: Engine, markers: Dict[date, tuple], tz: str) -> Set[date]:
    """The stored days of the range (``markers``) that got an event after they were computed
    (an id above the marker's), among the events written since the last look. A stored day
    outside the range that got one loses its rows here: it is computed again when needed."""
    newest = conn.execute(sa.select(sa.func.max(events.c.id))).scalar() or 0
    since = _checked.get(engine)
    if since is None:
        since = conn.execute(sa.select(sa.func.min(table.c.a)).where(
            table.c.statistic == MARKER)).scalar()
        if since is None:  # nothing stored yet
            _checked[engine] = newest
            return set()
    if newest <= since:
        return set()
    zone = ZoneInfo(tz)
    written: Dict[date, int] = {}
    for event_id, stamp in conn.execute(
            sa.select(events.c.id, events.c.timestamp)
            .where(events.c.id > since, events.c.id <= newest)):
        day = datetime.fromtimestamp(stamp, zone).date()
        written[day] = max(written.get(day, 0), event_id)
    late = set()
    for day, watermark in conn.execute(
            sa.select(table.c.day, table.c.a).where(table.c.statistic == MARKER,
                                                    table.c.day.in_(sorted(written)))):
        if written[day] > (watermark or 0):
            late.add(day)
    outside = late - set(markers)
    if outside:
        with engine.begin() as writer:
            writer.execute(sa.delete(table).where(table.c.day.in_(sorted(outside))))
    _checked[engine] = newest
    return late & set(markers)


PRODUCERS = {"conv": lambda conn, rng: _conversations(conn, rng),
             "answer": lambda conn, rng: _answers(conn, rng, conn.dialect.name),
             "text": lambda conn, rng: _unanswered(conn, rng, conn.dialect.name),
             "elig": lambda conn, rng: _eligibility(conn, rng, conn.dialect.name)}
PRODUCERS["textx"] = PRODUCERS["text"]


def _live(conn: Connection, rng: DateRange, stored: Set[date],
          statistic: str) -> Dict[str, List[Row]]:
    """The rows of the days of ``rng`` not stored, computed now: of ``statistic`` and the
    others its producer gives, by statistic."""
    found: Dict[str, List[Row]] = {}
    if not st._has_events(conn):
        return found
    for day in rng.days():
        if day not in stored:
            for row in PRODUCERS[statistic](conn, _one_day(day, rng.tz)):
                found.setdefault(row[0], []).append((day,) + row[1:])
    return found


def _stored(stored: Set[date], statistic: str) -> Any:
    return sa.and_(table.c.statistic == statistic,
                   table.c.day.between(min(stored), max(stored)))


def _prepared(engine: Engine, rng: DateRange, now: datetime,
              stored: Optional[Set[date]]) -> Set[date]:
    return prepare(engine, rng, now) if stored is None else stored


def _rows(engine: Engine, rng: DateRange, now: datetime, *statistics: str,
          stored: Optional[Set[date]] = None) -> Dict[str, List[Row]]:
    """The rows of ``statistics`` (one producer's) over ``rng``: stored and live."""
    stored = _prepared(engine, rng, now, stored)
    with engine.connect() as conn:
        found = _live(conn, rng, stored, statistics[0])
        if stored:
            for r in conn.execute(
                    sa.select(table.c.statistic, table.c.day, table.c.key, table.c.a, table.c.b,
                              table.c.c, table.c.d, table.c.e, table.c.text)
                    .where(table.c.statistic.in_(statistics),
                           table.c.day.between(min(stored), max(stored)))):
                found.setdefault(r[0], []).append(tuple(r)[1:])
    return {name: found.get(name, []) for name in statistics}


# --- the statistics ---------------------------------------------------------------------------

def _tickets(engine: Engine, rng: DateRange) -> List[tuple]:
    t = tickets_table.c
    with engine.connect() as conn:
        return conn.execute(sa.select(t.sender_id, t.created_at)
                            .where(t.created_at >= rng.start, t.created_at < rng.end)).all()


def summary(engine: Engine, rng: DateRange, now: datetime,
            stored: Optional[Set[date]] = None) -> st.Summary:
    """:func:`web.staff_stats.summary` from the stored days and today. The conversations seen
    only on stored days and without a ticket are added up in the database; the others (today's,
    those with a ticket) here."""
    stored = _prepared(engine, rng, now, stored)
    tickets = _tickets(engine, rng)
    totals = [0] * 6
    with engine.connect() as conn:
        live = _live(conn, rng, stored, "conv").get("conv", [])
        special = sorted({row[1] for row in live} | {sender for sender, _ in tickets})
        rows = list(live)
        if stored and len(special) <= 5000:
            c = table.c
            per = (sa.select(c.key, sa.func.sum(c.a).label("m"), sa.func.sum(c.b).label("f"),
                             sa.func.max(c.c).label("h"), sa.func.max(c.d).label("x"))
                   .where(_stored(stored, "conv"), c.key.notin_(special))
                   .group_by(c.key).subquery())
            neither = sa.case((sa.and_(per.c.h == 0, per.c.x == 0), 1), else_=0)
            totals = [int(v or 0) for v in conn.execute(
                sa.select(sa.func.count(), sa.func.sum(per.c.m), sa.func.sum(per.c.f),
                          sa.func.sum(per.c.h), sa.func.sum(per.c.x), sa.func.sum(neither))
                .where(per.c.m > 0)).one()]
            if special:
                rows += [tuple(r) for r in conn.execute(
                    sa.select(c.day, c.key, c.a, c.b, c.c, c.d, c.e, c.text)
                    .where(_stored(stored, "conv"), c.key.in_(special)))]
        elif stored:
            rows += [tuple(r) for r in conn.execute(
                sa.select(table.c.day, table.c.key, table.c.a, table.c.b, table.c.c, table.c.d,
                          table.c.e, table.c.text).where(_stored(stored, "conv")))]
    per_sender: Dict[str, List[int]] = {}
    for _, sender, messages, fallbacks, handoff, failed, _e, _t in rows:
        p = per_sender.setdefault(sender, [0, 0, 0, 0])
        p[0] += messages
        p[1] += fallbacks
        p[2] = max(p[2], handoff)
        p[3] = max(p[3], failed)
    for sender, _ in tickets:
        if sender in per_sender:
            per_sender[sender][2] = 1
    found = [p for p in per_sender.values() if p[0] > 0]
    count, messages, fallbacks, person, failed, deflected = totals
    return st.Summary(count + len(found), messages + sum(p[0] for p in found),
                      fallbacks + sum(p[1] for p in found), person + sum(p[2] for p in found),
                      failed + sum(p[3] for p in found),
                      deflected + sum(1 for p in found if not (p[2] or p[3])),
                      len(tickets))


def days(engine: Engine, rng: DateRange, now: datetime,
         stored: Optional[Set[date]] = None) -> List[st.Day]:
    """:func:`web.staff_stats.days` from the stored days and today."""
    zone = ZoneInfo(rng.tz)
    offsets = {int(datetime.combine(d, datetime.min.time(), zone).utcoffset().total_seconds())
               for d in rng.days() + [rng.last + timedelta(days=1)]}
    if offsets != {rng.offset}:
        return st.days(engine, rng)  # counted at the first offset: directly
    stored = _prepared(engine, rng, now, stored)
    found: Dict[date, Dict[str, int]] = {d: {} for d in rng.days()}
    with engine.connect() as conn:
        rows = [(day, n, m, f) for day, _, m, f, *_ in _live(conn, rng, stored, "conv").get("conv", [])
                for n in [1 if m else 0]]
        if stored:
            c = table.c
            rows += conn.execute(sa.select(
                c.day, sa.func.sum(sa.case((c.a > 0, 1), else_=0)), sa.func.sum(c.a),
                sa.func.sum(c.b)).where(_stored(stored, "conv")).group_by(c.day)).all()
    for day, conversations, messages, fallbacks in rows:
        values = found[day]
        if conversations:
            values["conversations"] = values.get("conversations", 0) + int(conversations)
            values["messages"] = values.get("messages", 0) + int(messages)
            values["fallbacks"] = values.get("fallbacks", 0) + int(fallbacks)
    for _, created in _tickets(engine, rng):
        values = found[created.astimezone(zone).date()]
        values["tickets"] = values.get("tickets", 0) + 1
    return [st.Day(d, **values) for d, values in sorted(found.items())]


def top_answers(engine: Engine, rng: DateRange, now: datetime, limit: int = 20,
                stored: Optional[Set[date]] = None) -> List[st.AnswerCount]:
    """:func:`web.staff_stats.top_answers` from the stored days and today."""
    per: Dict[str, List[Any]] = {}
    for _, key, count, last, _c, _d, _e, example in _rows(engine, rng, now, "answer",
                                                                    stored=stored)["answer"]:
        p = per.setdefault(key, [0, -1, None])
        p[0] += count
        if last > p[1]:
            p[1], p[2] = last, example
    ordered = sorted(per.items(), key=lambda item: (-item[1][0], item[0]))[:limit]
    return [st.AnswerCount(key, n, example) for key, (n, _, example) in ordered]


def unanswered_texts(engine: Engine, rng: DateRange, now: datetime, limit: int = 2000,
                     stored: Optional[Set[date]] = None) -> List[Tuple[str, int]]:
    """:func:`web.staff_stats.unanswered_texts` from the stored days and today."""
    rows = _rows(engine, rng, now, "text", "textx", stored=stored)
    counts: Dict[str, int] = {}
    for _, _key, count, _b, _c, _d, _e, text in rows["text"]:
        counts[text] = counts.get(text, 0) + count
    seen: Set[str] = set()
    first, last = rng.first.toordinal(), rng.last.toordinal()
    for _, key, own, counted, _c, _d, _e, text in rows["textx"]:
        if not (counted and first <= own <= last) and key not in seen:
            seen.add(key)
            counts[text] = counts.get(text, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]


def eligibility(engine: Engine, rng: DateRange, now: datetime,
                stored: Optional[Set[date]] = None) -> List[st.FamilyOutcome]:
    """:func:`web.staff_stats.eligibility` from the stored days and today."""
    per: Dict[str, List[Any]] = {}
    for _, sender, fid, e, n, u, flags, family in _rows(engine, rng, now, "elig",
                                                                       stored=stored)["elig"]:
        p = per.setdefault(sender, [None, None, 0, 0, 0, 0, 0])
        if fid is not None and (p[0] is None or fid > p[0]):
            p[0], p[1] = fid, family
        for i, value in ((2, e), (3, n), (4, u)):
            p[i] = max(p[i], value or 0)
        p[5] = max(p[5], flags >> 1)
        p[6] = max(p[6], flags & 1)
    totals: Dict[str, Dict[str, int]] = {}
    for fid, family, e, n, u, verdict, checked in per.values():
        if fid is None or not checked:
            continue
        t = totals.setdefault(family, {"checks": 0, "verdicts": 0, "eligible": 0,
                                       "not_eligible": 0, "uncertain": 0})
        t["checks"] += 1
        t["verdicts"] += verdict
        outcome = ("eligible" if e > 0 and e > n and e > u else
                   "not_eligible" if n > 0 and n > u else "uncertain" if u > 0 else "")
        if outcome:
            t[outcome] += 1
    return sorted((st.FamilyOutcome(f, st._family_label(f), **t) for f, t in totals.items()),
                  key=lambda o: (-o.checks, o.family))


def aggregate(engine: Engine, now: datetime, tz: str, days_back: int = 400) -> int:
    """Store the closed days of the last ``days_back`` days (from the oldest event on) that are
    missing or out of date: the daily job, after the purge. How many closed days there are."""
    today = now.astimezone(ZoneInfo(tz)).date()
    rng = DateRange(today - timedelta(days=days_back), today, tz)
    with engine.connect() as conn:
        if not st._has_events(conn):
            return 0
        oldest = conn.execute(sa.select(sa.func.min(events.c.timestamp))).scalar()
    if oldest is None:
        return 0
    first = max(rng.first, datetime.fromtimestamp(oldest, ZoneInfo(tz)).date())
    return len(prepare(engine, DateRange(first, today, tz), now))


"""How fast the staff dashboard answers over a big tracker store:
`python bench/bench_staff.py [N] [--database-url URL]`.

Writes N conversations (default 10,000) over 30 days into a temporary SQLite tracker store in
Rasa's ``events`` format (``testkit/tracker_events.py``: FAQ questions, questions the
announcement does not answer, fallbacks, hand-offs and eligibility checks; the rows in the
order of their timestamps, as Rasa appends them), plus tickets and feedback, then measures
through the ASGI app (FastAPI's TestClient, logged in):

- ``GET /staff`` (the whole dashboard: every statistic, grouping, charts, HTML) with nothing
  stored: the first request computes and stores the aggregates of the 29 closed days
  (``web/staff_daily.py``), 5 times with the stored days deleted before each;
- ``GET /staff`` 20 times with the statistics cache cleared before each request (the closed
  days read from their stored aggregates, today computed live), and 20 reloads within the
  cache's minute;
- ``GET /staff/api/statistikk`` (the summary and the days), 20 times;
- the baseline: a plain query that fetches every event row of the same 30 days
  (``SELECT sender_id, type_name, timestamp FROM events WHERE timestamp >= ? AND timestamp < ?``),
  20 times in the same run.

Prints p50 and p95 (wall clock), the ratio to the baseline and the CPU time per request (p50;
this process with all its threads, so with SQLite the queries too). Goal: dashboard p95 under
300 ms, with the closed days stored (as the daily job keeps them); the first dashboard, which
stores them, is reported on its own line.

``--database-url`` measures another database instead, e.g. an empty PostgreSQL database
(``postgresql://postgres@127.0.0.1:5432/bench_staff``): it must have no ``events`` table yet;
the bench drops the tables it wrote (``events``, ``assistant_tickets``,
``assistant_feedback``, ``assistant_daily_statistics``) afterwards.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Dict, List

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from components.records import Records, create_engine, daily_statistics  # noqa: E402
from components.records import records_for  # noqa: E402
from components.settings import load_settings  # noqa: E402
from testkit import tracker_events  # noqa: E402
from web.app import create_app  # noqa: E402
from web.auth import hash_password  # noqa: E402
from web.staff_stats import DateRange  # noqa: E402

REPEAT = 20
COLD_REPEAT = 5
GOAL_MS = 300
PASSWORD = "benchmark-password-1234"
FIRST_DAY = date(2026, 11, 1)


CPU: Dict[int, List[float]] = {}  # id(times) -> the process's CPU ms of each run


def timed(run: Callable[[], object], repeat: int = REPEAT) -> List[float]:
    """Wall-clock ms of ``repeat`` runs; their CPU ms (this process, all its threads: with
    SQLite the database's work too) in :data:`CPU`, to read the figures on a busy machine."""
    run()  # warm-up: caches, first compilation of the statements
    times, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    CPU[id(times)] = cpu
    return times


def p(times: List[float], q: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(url: str, n: int) -> Dict[str, List[float]]:
    """Write the conversations into the database at ``url`` and time the requests."""
    engine = create_engine(url)
    start = time.perf_counter()
    start_at = datetime(2026, 11, 1, tzinfo=timezone.utc)
    rows = tracker_events.write(engine, tracker_events.generated(n, start_at, days=30),
                               in_time_order=True)
    records = Records(engine)
    for i in range(200):
        records.create_ticket(f"bench-{i:05d}", f"Spørsmål nummer {i} til en rådgiver",
                              now=start_at + timedelta(hours=3 * i + 1))
        records.add_feedback(f"bench-{i:05d}", "utter_faq/frist", "down" if i % 3 else "up",
                             comment="For kort" if i % 5 == 0 else None,
                             now=start_at + timedelta(hours=3 * i + 2))
    if engine.dialect.name == "postgresql":
        # the state autovacuum keeps a table in over a season: statistics for the planner, and
        # the visibility map that lets index-only scans skip the table
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text("VACUUM ANALYZE events"))
    print(f"wrote {n} conversations ({rows} events) in {time.perf_counter() - start:.1f} s")

    settings = load_settings({"ASSISTANT_DATABASE_URL": url,
                              "ASSISTANT_NOW": "2026-11-30T12:00:00+01:00",
                              "ASSISTANT_STAFF_PASSWORD_HASH": hash_password(PASSWORD),
                              "ASSISTANT_STAFF_SESSION_SECRET": "bench-" + "s" * 30})
    client = TestClient(create_app(settings))
    form = client.get("/staff/login").text
    token = form.split('name="csrf_token" value="')[1].split('"')[0]
    client.post("/staff/login", data={"password": PASSWORD, "csrf_token": token})
    assert client.get("/staff/api/statistikk").status_code == 200, "not logged in"
    params = {"from": "2026-11-01", "to": "2026-11-30"}

    cache = client.app.state.staff_statistics

    def first_dashboard() -> None:  # nothing stored: the closed days computed and stored
        with records_for(url).engine.begin() as conn:
            conn.execute(sa.delete(daily_statistics))
        cache.clear()
        assert client.get("/staff", params=params).status_code == 200

    def dashboard() -> None:  # every statistic computed again, the closed days stored
        cache.clear()
        assert client.get("/staff", params=params).status_code == 200

    def dashboard_cached() -> None:  # a reload within the cache's minute
        assert client.get("/staff", params=params).status_code == 200

    def api() -> None:
        assert client.get("/staff/api/statistikk", params=params).status_code == 200

    rng = DateRange(FIRST_DAY, date(2026, 11, 30), settings.assistant_office_timezone)
    plain_engine = sa.create_engine(url, future=True)
    plain = sa.text("SELECT sender_id, type_name, timestamp FROM events "
                    "WHERE timestamp >= :start AND timestamp < :end")

    def baseline() -> None:
        with plain_engine.connect() as conn:
            conn.execute(plain, {"start": rng.start.timestamp(),
                                 "end": rng.end.timestamp()}).all()

    results = {"plain query (baseline)": timed(baseline),
               "GET /staff/api/statistikk": timed(api),
               "GET /staff (first, storing)": timed(first_dashboard, COLD_REPEAT),
               "GET /staff (dashboard)": timed(dashboard),
               "GET /staff (cached reload)": timed(dashboard_cached)}
    plain_engine.dispose()
    records_for(url).engine.dispose()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=10_000)
    parser.add_argument("--database-url", help="an empty database instead of a SQLite file")
    args = parser.parse_args()
    n = args.n
    if args.database_url:
        engine = sa.create_engine(args.database_url, future=True)
        if sa.inspect(engine).has_table("events"):
            sys.exit("the database has an events table already: give an empty one")
        try:
            results = measure(args.database_url, n)
        finally:
            with engine.begin() as conn:
                for table in ("events", "assistant_tickets", "assistant_feedback",
                              "assistant_daily_statistics"):
                    conn.execute(sa.text(f"DROP TABLE IF EXISTS {table}"))
            engine.dispose()
    else:
        with tempfile.TemporaryDirectory() as tmp:
            results = measure(f"sqlite:///{Path(tmp) / 'tracker.db'}", n)
    base = p(results["plain query (baseline)"], 0.95)
    print(f"\n{n} conversations, 30 days, {REPEAT} requests each ({COLD_REPEAT} for the first "
          "dashboard, which stores the closed days) (ms)")
    print(f"{'what':28} {'p50':>8} {'p95':>8} {'p95/baseline':>13} {'CPU p50':>8}")
    for name, times in results.items():
        print(f"{name:28} {p(times, 0.5):8.1f} {p(times, 0.95):8.1f} "
              f"{p(times, 0.95) / base:13.2f} {p(CPU[id(times)], 0.5):8.1f}")
    dash = p(results["GET /staff (dashboard)"], 0.95)
    print(f"\ngoal: dashboard p95 under {GOAL_MS} ms: {'met' if dash < GOAL_MS else 'NOT met'} "
          f"({dash:.0f} ms)")
    if hasattr(os, "getloadavg"):
        print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs "
              "(wall-clock figures grow with it; the CPU column does not)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

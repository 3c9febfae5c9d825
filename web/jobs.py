"""Background jobs of the web service: the daily retention purge followed by the staff
statistics' aggregates of the closed days (:func:`daily`), and at start-up the indexes the
staff statistics need on Rasa's ``events`` table (:func:`prepare_statistics`).

:func:`lifespan` is the app's lifespan (``web.app.create_app``): it starts :func:`run_daily`
with :func:`daily` when the server starts and cancels it when
the server stops. Nothing runs at import time, and FastAPI's TestClient runs the lifespan only
when used as a context manager (``with TestClient(app)``); the first purge comes
``FIRST_DELAY`` seconds after start-up, then every ``INTERVAL`` seconds (a day).

Several replicas may each run it: a purge deletes only what is too old, so running it twice
changes nothing.
"""
from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager, suppress
from typing import Any, AsyncIterator, Callable

from fastapi import FastAPI

from components.retention import purge_with_settings

logger = logging.getLogger(__name__)

FIRST_DELAY = 60.0
INTERVAL = 24 * 60 * 60.0


async def run_daily(job: Callable[[], Any], *, first_delay: float = FIRST_DELAY,
                    interval: float = INTERVAL) -> None:
    """Run ``job`` (blocking) in a worker thread after ``first_delay`` seconds, then every
    ``interval`` seconds, until cancelled. A failing run is logged; the next one still runs."""
    delay = first_delay
    while True:
        await asyncio.sleep(delay)
        delay = interval
        try:
            result = await asyncio.to_thread(job)
            logger.info("Daglig sletting: %s", getattr(result, "summary", lambda: result)())
        except Exception:  # noqa: BLE001 - the job must survive a failed run
            logger.exception("Daglig sletting feilet")


def prepare_statistics(settings: Any) -> None:
    """Create the staff statistics' indexes (``web.staff_stats.ensure_indexes``, idempotent)
    in the background at start-up, so the first dashboard does not wait for them; a database
    that cannot be reached yet is logged, and the first statistic tries again."""
    from components.records import records_for
    from web.staff_stats import ensure_indexes

    try:
        ensure_indexes(records_for(settings.database_url).engine)
    except Exception as exc:  # noqa: BLE001 - start-up goes on; the statistics try again
        logger.warning("Indeksene for statistikken ble ikke laget ved oppstart: %s",
                       exc.__class__.__name__)


def daily(settings: Any) -> Any:
    """The retention purge (:func:`components.retention.purge_with_settings`), then the closed
    days' statistics it left missing (``web.staff_daily.aggregate``, at the settings' clock), so
    the next dashboard does not compute them. A failed aggregation is logged; the dashboard
    computes what is missing itself."""
    from components.records import records_for
    from web import staff_daily

    purged = purge_with_settings(settings)
    try:
        staff_daily.aggregate(records_for(settings.database_url).engine, settings.now(),
                              settings.assistant_office_timezone)
    except Exception as exc:  # noqa: BLE001 - the purge is done; the dashboard catches up
        logger.warning("Statistikken for avsluttede dager ble ikke lagret: %s",
                       exc.__class__.__name__)
    return purged


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings = app.state.settings
    app.state.prepare_task = asyncio.create_task(
        asyncio.to_thread(prepare_statistics, settings), name="prepare-statistics")
    task = asyncio.create_task(
        run_daily(lambda: daily(settings), first_delay=FIRST_DELAY,
                  interval=INTERVAL),
        name="daily-purge")
    app.state.purge_task = task
    try:
        yield
    finally:
        for running in (task, app.state.prepare_task):
            running.cancel()
            with suppress(asyncio.CancelledError):
                await running

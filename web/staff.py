"""The staff pages for Innovasjon Norge's advisers, under ``/staff`` (bokmål).

- ``/staff``: statistics for a date range (``from``/``to``, default the last 30 days):
  conversations, messages, deflection and fallback rates, trends as SVG charts with tables,
  the answers given most, unanswered questions grouped, feedback per answer, eligibility
  checks by organisation family (``web/staff_stats.py``, ``web/staff_texts.py``,
  ``web/charts.py``);
- ``/staff/henvendelser``: the ticket queue; a ticket can be answered (the answer is e-mailed
  to the user when the user gave an address with consent: ``components/notify.py``), closed
  and reopened;
- ``/staff/svar``: every answer the assistant can give, with the call's facts, searchable;
- ``/staff/eksport/dager.csv`` and ``/staff/eksport/ubesvarte.csv``: CSV exports;
- ``/staff/api/statistikk``: the statistics as JSON.

Access and sessions: ``web/auth.py``. User texts are masked again before they are shown; the
name and e-mail address on a ticket are shown only when the user consented to give them.
"""
from __future__ import annotations

import asyncio
import csv
import io
import secrets
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Dict, Optional, Tuple
from urllib.parse import quote
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, FastAPI, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
import sqlalchemy as sa

from components.notify import NotifyConfig, send_answer
from components.records import TICKET_STATUSES, records_for
from components.records import feedback as feedback_table
from components.records import tickets as tickets_table
from components.settings import Settings
from veileder.call import current_call
from web import charts, staff_daily, staff_stats, staff_texts
from web.auth import (CSRF_FIELD, LOGIN_COOKIE, NOT_CONFIGURED, PASSWORD_USER,
                      NotAuthenticated, NotConfigured, StaffAuth, StaffUser, csrf_ok)

ROOT = Path(__file__).resolve().parent.parent
DOMAIN_FILE = ROOT / "domain.yml"
TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
MAX_DAYS = 366
STATUS_LABELS = {"open": "Åpen", "answered": "Besvart", "closed": "Lukket"}
TAG_STAFF = "Rådgivere"

router = APIRouter(prefix="/staff", include_in_schema=False)


def _percent(value: Optional[float]) -> str:
    return "–" if value is None else f"{value * 100:.1f} %".replace(".", ",")


TEMPLATES.env.filters["prosent"] = _percent
TEMPLATES.env.filters["vis"] = staff_texts.shown
TEMPLATES.env.globals.update(STATUS_LABELS=STATUS_LABELS, CSRF_FIELD=CSRF_FIELD)


# --- access -------------------------------------------------------------------------------------

def _auth(request: Request) -> StaffAuth:
    return request.app.state.staff_auth


def _settings(request: Request) -> Settings:
    return request.app.state.settings


def staff_user(request: Request) -> StaffUser:
    return _auth(request).user(request)


def _page(request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
    context.setdefault("user", None)
    response = TEMPLATES.TemplateResponse(request, template, context, status_code=status_code)
    return _auth(request).attach(request, response)


def _check_csrf(user: StaffUser, token: Optional[str]) -> None:
    if not csrf_ok(user, token):
        raise HTTPException(403, "Skjemaet er utløpt eller kom ikke fra denne siden. Last siden "
                                 "på nytt og prøv igjen.")


async def _not_configured(request: Request, exc: NotConfigured) -> Response:
    if request.url.path.startswith("/staff/api/"):
        return JSONResponse({"detail": NOT_CONFIGURED}, status_code=503)
    return TEMPLATES.TemplateResponse(request, "staff/not_configured.html",
                                      {"message": NOT_CONFIGURED, "user": None}, status_code=503)


async def _not_authenticated(request: Request, exc: NotAuthenticated) -> Response:
    if request.url.path.startswith("/staff/api/"):
        return JSONResponse({"detail": "Du må logge inn for å se dette."}, status_code=401,
                            headers={"WWW-Authenticate": 'Cookie realm="staff"'})
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/staff/login?neste={quote(target)}", status_code=303)


async def _no_store(request: Request, call_next) -> Response:
    """Statistics, tickets and exports are not kept in browser or proxy caches."""
    response = await call_next(request)
    if request.url.path.startswith("/staff"):
        response.headers["Cache-Control"] = "no-store"
    return response


def install(application: FastAPI) -> None:
    """Add the staff pages to ``application`` (built from ``application.state.settings``)."""
    application.state.staff_auth = StaffAuth(application.state.settings)
    application.state.staff_statistics = StatisticsCache(CACHE_SECONDS)
    application.add_exception_handler(NotConfigured, _not_configured)
    application.add_exception_handler(NotAuthenticated, _not_authenticated)
    application.middleware("http")(_no_store)
    application.include_router(router)


# --- login and logout ---------------------------------------------------------------------------

def _safe_next(target: Optional[str]) -> str:
    target = target or "/staff"
    return target if target.startswith("/staff") and "//" not in target else "/staff"


def _login_page(request: Request, neste: Optional[str], status_code: int = 200,
                error: Optional[str] = None) -> Response:
    auth = _auth(request)
    token = secrets.token_urlsafe(24)
    response = _page(request, "staff/login.html", status_code=status_code,
                     neste=_safe_next(neste), password=bool(auth.password_hash),
                     header=auth.header, error=error, login_token=token)
    auth.set_login_cookie(response, token)
    return response


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, neste: Optional[str] = None) -> Response:
    if not _auth(request).configured:
        raise NotConfigured()
    return _login_page(request, neste)


@router.post("/login", response_class=HTMLResponse)
def login(request: Request, password: str = Form(""), neste: str = Form("/staff"),
          csrf_token: Optional[str] = Form(None)) -> Response:
    auth = _auth(request)
    if not auth.configured:
        raise NotConfigured()
    if not auth.login_form_ok(request, csrf_token):
        raise HTTPException(403, "Innloggingsskjemaet er utløpt eller kom ikke fra denne siden. "
                                 "Last siden på nytt og prøv igjen.")
    if auth.too_many_failures(request):
        return _login_page(request, neste, 429, "For mange forsøk med feil passord. Vent et "
                                                "kvarter og prøv igjen.")
    if not auth.verify_password(password):
        auth.failed(request)
        return _login_page(request, neste, 401, "Feil passord. Prøv igjen.")
    response = RedirectResponse(_safe_next(neste), status_code=303)
    auth.set_cookie(response, auth.new_session(PASSWORD_USER, "passord"))
    response.delete_cookie(LOGIN_COOKIE, path="/staff")
    return response


@router.post("/logout")
def logout(request: Request, user: StaffUser = Depends(staff_user),
           csrf_token: Optional[str] = Form(None)) -> Response:
    _check_csrf(user, csrf_token)
    response = RedirectResponse("/staff/login?utlogget=1", status_code=303)
    _auth(request).clear_cookie(response)
    return response


# --- statistics ---------------------------------------------------------------------------------

def _range(settings: Settings, first: Optional[date],
           last: Optional[date]) -> staff_stats.DateRange:
    tz = settings.assistant_office_timezone
    today = settings.now().astimezone(ZoneInfo(tz)).date()
    last = last or today
    first = first or last - timedelta(days=29)
    if first > last:
        raise HTTPException(422, "Fra-datoen må være før til-datoen.")
    if (last - first).days >= MAX_DAYS:
        raise HTTPException(422, f"Velg høyst {MAX_DAYS} dager.")
    return staff_stats.DateRange(first, last, tz)


def _dates(first: Optional[date] = Query(None, alias="from"),
           last: Optional[date] = Query(None, alias="to")) -> tuple:
    return first, last


class StatisticsCache:
    """The dashboard's statistics per date range for at most :data:`CACHE_SECONDS`, so
    reloading the page or exporting right after does not run every query again. Exact: an
    entry is used only while the data it was computed from is unchanged (no new event, ticket
    change or feedback: :func:`_data_version`, three index lookups); the time limit covers
    what the version does not see (the retention purge deleting old rows). A change to a
    ticket through these pages clears it."""

    def __init__(self, seconds: float = 60.0) -> None:
        self.seconds = seconds
        self._found: Dict[Any, Tuple[float, Any, Dict[str, Any]]] = {}
        self._lock = threading.Lock()

    def get(self, settings: Settings, rng: staff_stats.DateRange) -> Dict[str, Any]:
        key = (settings.database_url, rng.first, rng.last, rng.tz)
        engine = records_for(settings.database_url).engine
        version = _data_version(engine)
        with self._lock:
            hit = self._found.get(key)
        if hit and time.monotonic() - hit[0] < self.seconds and hit[1] == version:
            return hit[2]
        stats = _statistics(engine, rng, settings.now())
        with self._lock:
            if len(self._found) > 32:
                self._found.clear()
            self._found[key] = (time.monotonic(), version, stats)
        return stats

    def clear(self) -> None:
        with self._lock:
            self._found.clear()


CACHE_SECONDS = 60.0


def _data_version(engine) -> tuple:
    """What changes whenever the statistics' rows change, apart from deletions: the newest
    event, the tickets' latest change and the newest feedback."""
    t, f = tickets_table.c, feedback_table.c
    parts = [sa.select(sa.func.max(t.updated_at), sa.func.count()).select_from(tickets_table),
             sa.select(sa.func.max(f.id), sa.func.count()).select_from(feedback_table)]
    with engine.connect() as conn:
        found = tuple(tuple(conn.execute(q).one()) for q in parts)
        if staff_stats.ensure_indexes(engine):
            found += (conn.execute(sa.text("SELECT max(id) FROM events")).scalar(),)
    return found


#: the statistics are independent queries, run side by side on their own connections (SQLite
#: and the database driver release the GIL while a query runs)
_POOL = ThreadPoolExecutor(max_workers=3, thread_name_prefix="staff-statistics")


def _statistics(engine, rng: staff_stats.DateRange, now: datetime) -> Dict[str, Any]:
    """Every statistic of the dashboard: the closed days from their stored aggregates (computed
    and stored first when missing, ``web/staff_daily.py``), the open days live."""
    staff_stats.ensure_indexes(engine)
    stored = staff_daily.prepare(engine, rng, now)
    jobs = {"summary": staff_daily.summary, "days": staff_daily.days,
            "answers": staff_daily.top_answers, "unanswered": staff_daily.unanswered_texts,
            "eligibility": staff_daily.eligibility}
    running = {name: _POOL.submit(job, engine, rng, now, stored=stored)
               for name, job in jobs.items()}
    running["feedback"] = _POOL.submit(staff_stats.feedback, engine, rng)
    stats: Dict[str, Any] = {"range": rng}
    stats.update({name: future.result() for name, future in running.items()})
    stats["unanswered"] = staff_texts.cluster(stats["unanswered"])[:20]
    return stats


def _chart_points(days, attribute: str):
    return [(d.day.strftime("%d.%m."), getattr(d, attribute)) for d in days]


@router.get("", response_class=HTMLResponse)
def dashboard(request: Request, user: StaffUser = Depends(staff_user),
              dates: tuple = Depends(_dates)) -> Response:
    settings = _settings(request)
    stats = request.app.state.staff_statistics.get(settings, _range(settings, *dates))
    trend = {name: charts.bar_chart(f"graf-{name}", title, _chart_points(stats["days"], name),
                                    colour)
             for name, title, colour in [
                 ("conversations", "Samtaler per dag", "#0a5c8c"),
                 ("fallbacks", "Fallback per dag", "#8c3b0a"),
                 ("tickets", "Henvendelser per dag", "#3d6b1f")]}
    query = f"from={stats['range'].first.isoformat()}&to={stats['range'].last.isoformat()}"
    return _page(request, "staff/dashboard.html", user=user, charts=trend, query=query,
                 **stats)


@router.get("/api/statistikk")
def statistics_json(request: Request, user: StaffUser = Depends(staff_user),
                    dates: tuple = Depends(_dates)) -> Dict[str, Any]:
    settings = _settings(request)
    rng = _range(settings, *dates)
    engine = records_for(settings.database_url).engine
    now = settings.now()
    s = staff_daily.summary(engine, rng, now)
    return {"fra": rng.first.isoformat(), "til": rng.last.isoformat(),
            "samtaler": s.conversations, "meldinger": s.messages, "fallback": s.fallbacks,
            "ba_om_person": s.asked_for_person, "mislyktes": s.failed,
            "avlastet": s.deflected, "henvendelser": s.tickets,
            "avlastningsgrad": s.deflection_rate, "fallbackgrad": s.fallback_rate,
            "dager": [{"dato": d.day.isoformat(), "samtaler": d.conversations,
                       "meldinger": d.messages, "fallback": d.fallbacks,
                       "henvendelser": d.tickets} for d in staff_daily.days(engine, rng, now)]}


def _csv(rows, header, filename: str) -> Response:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@router.get("/eksport/dager.csv")
def export_days(request: Request, user: StaffUser = Depends(staff_user),
                dates: tuple = Depends(_dates)) -> Response:
    settings = _settings(request)
    rng = _range(settings, *dates)
    days = staff_daily.days(records_for(settings.database_url).engine, rng, settings.now())
    return _csv([(d.day.isoformat(), d.conversations, d.messages, d.fallbacks, d.tickets)
                 for d in days], ["dato", "samtaler", "meldinger", "fallback", "henvendelser"],
                f"statistikk-{rng.first}-{rng.last}.csv")


@router.get("/eksport/ubesvarte.csv")
def export_unanswered(request: Request, user: StaffUser = Depends(staff_user),
                      dates: tuple = Depends(_dates)) -> Response:
    settings = _settings(request)
    rng = _range(settings, *dates)
    groups = staff_texts.cluster(
        staff_daily.unanswered_texts(records_for(settings.database_url).engine, rng,
                                     settings.now()))
    return _csv([(g.text, g.count, " | ".join(g.variants)) for g in groups],
                ["spørsmål", "antall", "andre formuleringer"],
                f"ubesvarte-{rng.first}-{rng.last}.csv")


# --- tickets ------------------------------------------------------------------------------------

@router.get("/henvendelser", response_class=HTMLResponse)
def tickets(request: Request, user: StaffUser = Depends(staff_user),
            status: Optional[str] = "open") -> Response:
    chosen = status if status in TICKET_STATUSES else None
    found = records_for(_settings(request).database_url).list_tickets(status=chosen, limit=200)
    return _page(request, "staff/tickets.html", user=user, tickets=found, status=chosen)


def _ticket_or_404(request: Request, ticket_id: int):
    ticket = records_for(_settings(request).database_url).get_ticket(ticket_id)
    if ticket is None:
        raise HTTPException(404, "Fant ikke henvendelsen.")
    return ticket


@router.get("/henvendelser/{ticket_id}", response_class=HTMLResponse)
def ticket(request: Request, ticket_id: int, user: StaffUser = Depends(staff_user),
           lagret: Optional[str] = None) -> Response:
    return _page(request, "staff/ticket.html", user=user,
                 ticket=_ticket_or_404(request, ticket_id), saved=lagret,
                 mail=_can_mail(_settings(request)))


ACTIONS = {"svar": "answered", "lukk": "closed", "apne": "open"}
SAVED = {
    "sendt": "Svaret er lagret og sendt på e-post til brukeren.",
    "svar": "Svaret er lagret på henvendelsen. Det kan ikke sendes, fordi brukeren ikke oppga "
            "e-postadresse (eller ikke samtykket til å oppgi den): svaret finnes bare her.",
    "ikke-satt-opp": "Svaret er lagret på henvendelsen, men ikke sendt: e-post (SMTP) er ikke "
                     "satt opp for webtjenesten. Send svaret til brukeren selv.",
    "ikke-sendt": "Svaret er lagret på henvendelsen, men e-posten til brukeren kunne ikke sendes. "
                  "Prøv igjen om litt med «Lagre og send svaret», eller send det selv.",
    "lukk": "Henvendelsen er lukket.", "apne": "Henvendelsen er åpnet igjen."}


@router.post("/henvendelser/{ticket_id}")
async def update_ticket(request: Request, ticket_id: int, user: StaffUser = Depends(staff_user),
                        csrf_token: Optional[str] = Form(None), handling: str = Form(...),
                        svar: str = Form("")) -> Response:
    """Answer (store the answer, and e-mail it to the user when the user gave an address with
    consent), close or reopen a ticket. The answer is stored as the adviser wrote it and never
    logged."""
    _check_csrf(user, csrf_token)
    settings = _settings(request)
    records = records_for(settings.database_url)
    ticket = await asyncio.to_thread(_ticket_or_404, request, ticket_id)
    if handling not in ACTIONS:
        raise HTTPException(422, "Ukjent handling.")
    if handling == "svar" and not svar.strip():
        return _page(request, "staff/ticket.html", status_code=422, user=user, ticket=ticket,
                     saved=None, mail=_can_mail(settings),
                     error="Skriv et svar før du lagrer.")
    ticket = await asyncio.to_thread(records.update_ticket, ticket_id, status=ACTIONS[handling],
                                     answer=svar if handling == "svar" else None)
    saved = handling
    if handling == "svar" and ticket.consent and ticket.email:
        config = NotifyConfig.from_settings(settings)
        sent = await send_answer(ticket, config)
        if sent == "ok":
            await asyncio.to_thread(records.mark_answer_sent, ticket_id)
        saved = {"ok": "sendt", "av": "ikke-satt-opp"}.get(sent, "ikke-sendt")
    request.app.state.staff_statistics.clear()
    return RedirectResponse(f"/staff/henvendelser/{ticket_id}?lagret={saved}",
                            status_code=303)


def _can_mail(settings: Settings) -> bool:
    return NotifyConfig.from_settings(settings).can_send_mail


TEMPLATES.env.globals["SAVED"] = SAVED


# --- answers ------------------------------------------------------------------------------------

@router.get("/svar", response_class=HTMLResponse)
def answers(request: Request, user: StaffUser = Depends(staff_user), q: str = "") -> Response:
    settings = _settings(request)
    found = staff_texts.answers(DOMAIN_FILE, current_call(settings.assistant_call_file),
                                settings.now(), q[:200])
    return _page(request, "staff/answers.html", user=user, answers=found, q=q[:200])

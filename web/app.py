"""FastAPI service: the chat page, a chat proxy over Rasa's REST channel, health, JSON API.

The app is built from the settings (``components/settings.py``) by :func:`create_app`; the
handlers use the settings it was built with. Those of the web service:

- ``ASSISTANT_RASA_URL``, ``ASSISTANT_ACTION_URL``: where the service finds Rasa and the action
  server.
- ``ASSISTANT_PUBLIC_RASA_URL``: Rasa as the browser sees it (default: ``ASSISTANT_RASA_URL``);
  the page connects there (socket.io over http and ws), and the Content-Security-Policy allows it.
- ``ASSISTANT_CORS_ORIGINS``: origins other web pages may call the JSON API from (the page this
  service serves is same-origin and needs no entry).
- ``ASSISTANT_DATABASE_URL``: the tracker store database, checked by ``/healthz``.
- ``ENHETSREGISTERET_URL``, ``ASSISTANT_NOW``, ``ASSISTANT_CALL_FILE``: as for the assistant.

``uvicorn web.app:app`` builds the module's ``app`` from this process's settings when it is first
asked for, and stops on an invalid setting or a broken call file.

The JSON API (``web/api.py``, models in ``web/api_models.py``) is documented at ``/docs``;
the advisers' pages under ``/staff`` are in ``web/staff.py`` (access: ``web/auth.py``).
"""
from __future__ import annotations

import asyncio
from html import escape
from importlib import metadata
from pathlib import Path
from typing import Awaitable, Callable, Dict, List, Optional
from urllib.parse import urlsplit

import httpx
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from components.settings import Settings, get_settings
from veileder import input_check
from veileder.call import current_call
from veileder.i18n import METADATA_KEY, Tekst
from web import api, errors, health, jobs, privacy_page, staff
from web.api import app_settings
from web.api_models import (MAX_MESSAGE, BotMessage, ChatIn, ChatOut, HealthOut, LiveOut,
                             MessageOut)

#: The project's version, from pyproject.toml through the installed package's metadata.
DISTRIBUTION = "innovasjonspartnerskap-assistent"


def project_version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "0+unknown"


__all__ = ["app", "create_app", "MAX_MESSAGE"]

STATIC = Path(__file__).resolve().parent / "static"
PROBE_TIMEOUT = 3.0
DATABASE_TIMEOUT = 2.0

TAG_CHAT, TAG_OPS, TAG_PAGES = "Samtale", "Drift", "Sider"
TAGS = [
    {"name": api.TAG_CHECK, "description": "Kan virksomheten søke? Den samme vurderingen som "
                                           "assistenten gjør i samtalen."},
    {"name": api.TAG_DEADLINE, "description": "Fristen for å sende inn skissen, og om et "
                                              "planlagt tidspunkt er i tide."},
    {"name": TAG_CHAT, "description": "Send meldinger til assistenten."},
    {"name": TAG_OPS, "description": "Helsesjekk for drift."},
    {"name": TAG_PAGES, "description": "Nettsiden med chatten."},
]


# --- CORS and security headers --------------------------------------------------------------------

def _origin_and_socket(url: str) -> List[str]:
    """'https://bot.example.no/rasa' -> ['https://bot.example.no', 'wss://bot.example.no']."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return []  # relative: served from this origin, 'self' covers it
    origin = f"{parts.scheme}://{parts.netloc}"
    socket = f"{'wss' if parts.scheme == 'https' else 'ws'}://{parts.netloc}"
    return [origin, socket]


def content_security_policy(rasa_url: str) -> str:
    """The page's policy: everything from this origin; fetch, socket.io and ws to Rasa."""
    connect = " ".join(["'self'"] + _origin_and_socket(rasa_url))
    return (f"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            f"font-src 'self'; connect-src {connect}; object-src 'none'; base-uri 'self'; "
            f"form-action 'self'; frame-ancestors 'self'")


# Swagger UI and ReDoc (FastAPI's /docs and /redoc) load from a CDN and start with an inline
# script; they get their own, looser policy.
DOCS_PATHS = ("/docs", "/docs/oauth2-redirect", "/redoc")
DOCS_POLICY = ("default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
               "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
               "img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly; "
               "font-src 'self' https://fonts.gstatic.com; worker-src 'self' blob:; "
               "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'")


async def security_headers(request: Request,
                           call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    if response.headers.get("content-type", "").startswith("text/html"):
        policy = DOCS_POLICY if request.url.path in DOCS_PATHS else \
            content_security_policy(request.app.state.settings.assistant_public_rasa_url)
        response.headers.setdefault("Content-Security-Policy", policy)
    return response


# --- Page, chat and health --------------------------------------------------------------------------

pages = APIRouter()


@pages.get("/", response_class=HTMLResponse, tags=[TAG_PAGES], summary="Siden med chatten")
def index(settings: Settings = Depends(app_settings)) -> str:
    """Siden om utlysningen, med chatten."""
    call = current_call(settings.assistant_call_file)
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    # the values go into text and attribute values: escape them (quotes included)
    return (
        page.replace("{{title}}", escape(call.tittel))
        .replace("{{owner}}", escape(call.eier))
        .replace("{{summary}}", escape(call.formal.kort))
        .replace("{{source_url}}", escape(str(call.kilde.url)))
        .replace("{{rasa_url}}", escape(settings.assistant_public_rasa_url))
    )


@pages.get("/personvern", response_class=HTMLResponse, tags=[TAG_PAGES],
           summary="Personvern: hva som lagres, hvor lenge og hvorfor")
def privacy(request: Request, settings: Settings = Depends(app_settings),
            lang: Optional[str] = Query(None, description="«nb», «nn» eller «en»; uten den "
                                                          "velger Accept-Language språket "
                                                          "(ellers bokmål).")) -> HTMLResponse:
    """Hva assistenten lagrer, hvor lenge (oppbevaringstidene fra innstillingene) og hvorfor,
    på bokmål, nynorsk eller engelsk (`lang`, ellers Accept-Language, ellers bokmål)."""
    shown = errors.request_language(request)  # reads `lang` too, and passes over other values
    page = privacy_page.render(current_call(settings.assistant_call_file), settings, shown)
    # the language is chosen from a header too: caches must keep one copy per header value
    return HTMLResponse(page, headers={"Content-Language": shown, "Vary": "Accept-Language"})


#: The chat endpoint's own answer when Rasa is down (too many waiting: input_check.TOO_MANY).
UNAVAILABLE = Tekst(nb="Assistenten er ikke tilgjengelig akkurat nå.",
                    nn="Assistenten er ikkje tilgjengeleg akkurat no.",
                    en="The assistant is not available right now.")


@pages.post("/api/chat", response_model=ChatOut, tags=[TAG_CHAT],
            summary="Send en melding til assistenten",
            responses={**api.INVALID,
                       429: {"model": MessageOut,
                             "description": "For mange meldinger fra samme `sender` venter på "
                                            "svar; prøv igjen etter `Retry-After` sekunder."},
                       503: {"model": MessageOut, "description": "Assistenten svarer ikke."}})
async def chat(body: ChatIn, request: Request,
               settings: Settings = Depends(app_settings)) -> ChatOut:
    """Sender én melding til assistenten over Rasas REST-kanal og gir svarene tilbake, med
    knapper. Bruk samme `sender` for hele samtalen; `lang` forhåndsvelger språket. Feilene
    (429, 503) er på språket i `lang`, ellers etter Accept-Language, ellers på bokmål."""
    lang = body.lang.value if body.lang else None
    said = lang or errors.request_language(request)  # the language of this endpoint's errors
    try:
        async with httpx.AsyncClient(timeout=30) as client:
            resp = await client.post(
                f"{settings.assistant_rasa_url}/webhooks/rest/webhook",
                json={"sender": body.sender, "message": body.message,
                      "metadata": {METADATA_KEY: lang} if lang else {}},
            )
        if resp.status_code == 429:
            raise HTTPException(429, input_check.TOO_MANY(said),
                                headers={"Retry-After": resp.headers.get("Retry-After", "1")})
        resp.raise_for_status()
        data = resp.json()
    except (httpx.HTTPError, ValueError):
        raise HTTPException(503, UNAVAILABLE(said))
    messages = [
        BotMessage(text=m.get("text"), buttons=m.get("buttons") or [])
        for m in data
        if isinstance(m, dict)
    ]
    return ChatOut(sender=body.sender, messages=messages)


async def _probe(url: str) -> str:
    try:
        async with httpx.AsyncClient(timeout=PROBE_TIMEOUT) as client:
            resp = await client.get(url)
        return "ok" if resp.status_code < 500 else f"feil {resp.status_code}"
    except httpx.HTTPError as exc:
        return f"utilgjengelig ({exc.__class__.__name__})"


async def _database(url: str) -> str:
    """The database check in a worker thread, with an overall time limit."""
    try:
        return await asyncio.wait_for(
            run_in_threadpool(health.check_database, url, DATABASE_TIMEOUT),
            timeout=DATABASE_TIMEOUT + 1)
    except asyncio.TimeoutError:
        return "utilgjengelig (svarte ikke innen tidsfristen)"


#: The parts without which no conversation works: readiness fails (503) when one is down.
REQUIRED = ("rasa", "actions", "database")


def _ok(check: str) -> bool:
    return check == "ok" or check.startswith("ok ")


async def _checks(settings: Settings) -> Dict[str, str]:
    rasa, actions, database = await asyncio.gather(
        _probe(f"{settings.assistant_rasa_url}/"),
        _probe(f"{settings.assistant_action_url}/health"), _database(settings.database_url))
    checks = {"rasa": rasa, "actions": actions, "database": database}
    try:
        current_call(settings.assistant_call_file)
        checks["call_file"] = "ok"
    except Exception as exc:  # noqa: BLE001 - report, don't crash the health check
        checks["call_file"] = f"feil: {exc}"
    return checks


NOT_READY = {503: {"model": HealthOut, "description": "Rasa, action-serveren eller "
                                                     "samtaledatabasen svarer ikke."}}


@pages.get("/readyz", response_model=HealthOut, tags=[TAG_OPS], summary="Klar til å svare?",
           responses=NOT_READY)
async def readyz(response: Response, settings: Settings = Depends(app_settings)) -> HealthOut:
    """Sjekker Rasa, action-serveren, samtaledatabasen (`ASSISTANT_DATABASE_URL`, med
    `SELECT 1`) og utlysningsfilen.

    HTTP 200 når Rasa, action-serveren og databasen virker, ellers 503 (lastbalanserere og
    oppstartsskript sender ikke brukere hit før den svarer 200). `status` er «ok» når alt
    virker og «degraded» ellers, og `checks` sier hva som ikke virker. En utlysningsfil som er
    lagret med feil, gir «degraded» men 200: svarene bruker da siste gyldige versjon. En
    SQLite-fil som ikke finnes ennå, er i orden: den lages ved første samtale, ikke av
    helsesjekken. Passord vises aldri.
    """
    checks = await _checks(settings)
    if not all(_ok(checks[name]) for name in REQUIRED):
        response.status_code = 503
    return HealthOut(status="ok" if all(map(_ok, checks.values())) else "degraded",
                     checks=checks, database=health.safe_url(settings.database_url))


@pages.get("/healthz", response_model=HealthOut, tags=[TAG_OPS], summary="Helsesjekk",
           responses=NOT_READY)
async def healthz(response: Response, settings: Settings = Depends(app_settings)) -> HealthOut:
    """Det samme som `/readyz`: 200 når assistenten kan svare, ellers 503."""
    return await readyz(response, settings)


@pages.get("/livez", response_model=LiveOut, tags=[TAG_OPS], summary="Kjører tjenesten?")
async def livez() -> LiveOut:
    """Svarer 200 så lenge webtjenesten selv kjører; sjekker ingenting annet (for å starte
    prosessen på nytt når den henger, ikke for å styre trafikk)."""
    return LiveOut(status="ok")


# --- The app -------------------------------------------------------------------------------------

def create_app(settings: Optional[Settings] = None) -> FastAPI:
    """The service for ``settings`` (default: this process's, validated on the first call).

    Raises :class:`components.settings.InvalidSetting` or :class:`veileder.call.CallFileError`,
    so that an invalid setting or a broken call file stops start-up.
    """
    settings = settings or get_settings()
    current_call(settings.assistant_call_file)
    application = FastAPI(
        title="Innovasjonspartnerskap-assistenten",
        description="Chat, søknadssjekk, frist og helsesjekk for utlysningen «75 millioner "
                    "kroner til innovasjonspartnerskap». Feil i forespørselen gir 422 med "
                    "`detail` som en liste av `{felt, melding, type}`, med meldingen på "
                    "bokmål, nynorsk eller engelsk: `lang` i adressen, ellers "
                    "Accept-Language, ellers bokmål.",
        version=project_version(),
        openapi_tags=TAGS,
        lifespan=jobs.lifespan,
    )
    application.add_middleware(
        CORSMiddleware,
        allow_origins=list(settings.assistant_cors_origins),
        allow_methods=["GET", "POST"],
        allow_headers=["Content-Type"],
        allow_credentials=False,
        max_age=600,
    )
    application.state.settings = settings
    application.middleware("http")(security_headers)
    errors.install(application)
    application.mount("/static", StaticFiles(directory=STATIC), name="static")
    application.include_router(pages)
    application.include_router(api.router)
    staff.install(application)  # /staff: the advisers' pages (web/staff.py, web/auth.py)
    return application


def __getattr__(name: str) -> FastAPI:
    """``app``, for ``uvicorn web.app:app``: built from the settings when first asked for."""
    if name == "app":
        application = globals()["app"] = create_app(get_settings())
        return application
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

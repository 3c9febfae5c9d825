"""FastAPI service: a first chat page over Rasa's REST channel, health checks, deadline API.

Settings (environment): ASSISTANT_RASA_URL (default http://127.0.0.1:5005),
ASSISTANT_ACTION_URL (default http://127.0.0.1:5055), ASSISTANT_NOW, ASSISTANT_CALL_FILE.
"""
from __future__ import annotations

import os
import uuid
from datetime import datetime
from pathlib import Path
from typing import List, Optional

import httpx
from fastapi import FastAPI, HTTPException
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from veileder import deadline
from veileder.call import current_call

STATIC = Path(__file__).resolve().parent / "static"
RASA_URL = os.environ.get("ASSISTANT_RASA_URL", "http://127.0.0.1:5005").rstrip("/")
ACTION_URL = os.environ.get("ASSISTANT_ACTION_URL", "http://127.0.0.1:5055").rstrip("/")
# The Rasa URL as the browser sees it (socket.io and REST); behind a proxy it differs.
PUBLIC_RASA_URL = os.environ.get("ASSISTANT_PUBLIC_RASA_URL", RASA_URL).rstrip("/")
MAX_MESSAGE = 10_000

# Fail at start-up on a broken call file or clock setting.
current_call()
deadline.now_from_env()

app = FastAPI(
    title="Innovasjonspartnerskap-assistenten",
    description="Chat, helsesjekk og frist-API for utlysningen om innovasjonspartnerskap.",
    version="0.1.0",
)
app.mount("/static", StaticFiles(directory=STATIC), name="static")


class ChatIn(BaseModel):
    sender: str = Field(default_factory=lambda: uuid.uuid4().hex, max_length=128)
    message: str = Field("", max_length=MAX_MESSAGE)


class Button(BaseModel):
    title: str
    payload: str


class BotMessage(BaseModel):
    text: Optional[str] = None
    buttons: List[Button] = []


class ChatOut(BaseModel):
    sender: str
    messages: List[BotMessage]


class DeadlineOut(BaseModel):
    deadline: datetime
    now: datetime
    passed: bool
    seconds_left: int
    message: str


@app.get("/", response_class=HTMLResponse)
def index() -> str:
    call = current_call()
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    return (
        page.replace("{{title}}", call.tittel)
        .replace("{{owner}}", call.eier)
        .replace("{{summary}}", call.formal.kort)
        .replace("{{source_url}}", str(call.kilde.url))
        .replace("{{rasa_url}}", PUBLIC_RASA_URL)
    )


@app.post("/api/chat", response_model=ChatOut)
async def chat(body: ChatIn) -> ChatOut:
    """Send one message to the assistant over Rasa's REST channel."""
    try:
        async with httpx.AsyncClient(timeout=30) as client:
            resp = await client.post(
                f"{RASA_URL}/webhooks/rest/webhook",
                json={"sender": body.sender, "message": body.message},
            )
        resp.raise_for_status()
        data = resp.json()
    except (httpx.HTTPError, ValueError):
        raise HTTPException(503, "Assistenten er ikke tilgjengelig akkurat nå.")
    messages = [
        BotMessage(text=m.get("text"), buttons=m.get("buttons") or [])
        for m in data
        if isinstance(m, dict)
    ]
    return ChatOut(sender=body.sender, messages=messages)


@app.get("/api/frist", response_model=DeadlineOut)
def deadline_status() -> DeadlineOut:
    """The deadline and whether it has passed, by the service's clock."""
    call = current_call()
    state = deadline.status(call, deadline.now_from_env())
    return DeadlineOut(
        deadline=state.deadline,
        now=state.now,
        passed=state.passed,
        seconds_left=max(0, int(state.remaining.total_seconds())),
        message=state.message(call),
    )


async def _probe(url: str) -> str:
    try:
        async with httpx.AsyncClient(timeout=3) as client:
            resp = await client.get(url)
        return "ok" if resp.status_code < 500 else f"feil {resp.status_code}"
    except httpx.HTTPError as exc:
        return f"utilgjengelig ({exc.__class__.__name__})"


@app.get("/healthz")
async def healthz() -> dict:
    checks = {
        "rasa": await _probe(f"{RASA_URL}/"),
        "actions": await _probe(f"{ACTION_URL}/health"),
    }
    try:
        current_call()
        checks["call_file"] = "ok"
    except Exception as exc:  # noqa: BLE001 - report, don't crash the health check
        checks["call_file"] = f"feil: {exc}"
    ok = all(v == "ok" for v in checks.values())
    return {"status": "ok" if ok else "degraded", "checks": checks}

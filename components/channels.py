"""Channels with a guard on "/intent" messages.

Rasa reads a message that starts with "/" as an intent name and skips the NLU. Buttons rely on
that ("/affirm", "/check_eligibility"), but a user typing "/foo" would reach the dialogue with an
intent the domain does not know. These channels (REST, socket.io; Teams and Slack use ``guarded`` too) pass "/intent" through only for the domain's
own intents and send anything else to the NLU as plain text.
"""
from __future__ import annotations

import inspect
import re
import time
import uuid
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import Any, Awaitable, Callable, FrozenSet, Optional, Text

import yaml
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint
from sanic.request import Request

DOMAIN_FILE = Path(__file__).resolve().parent.parent / "domain.yml"
INTENT_MESSAGE = re.compile(r"^\s*/(?P<intent>[\w-]+)(?P<rest>.*)$", re.DOTALL)


@lru_cache(maxsize=1)
def known_intents(domain_file: Path = DOMAIN_FILE) -> FrozenSet[str]:
    domain = yaml.safe_load(domain_file.read_text(encoding="utf-8")) or {}
    names = set()
    for intent in domain.get("intents", []):
        names.add(next(iter(intent)) if isinstance(intent, dict) else str(intent))
    # Rasa's own intents that buttons and clients may send
    names.update({"restart", "session_start", "back", "out_of_scope"})
    return frozenset(names)


def guard_intent_message(text: Optional[Text]) -> Optional[Text]:
    """Keep "/known_intent"; turn "/anything_else" into plain text for the NLU."""
    if not text:
        return text
    match = INTENT_MESSAGE.match(text)
    if match and match.group("intent") not in known_intents():
        return text.lstrip().lstrip("/").replace("_", " ")
    return text


def guarded(on_new_message: Callable[[UserMessage], Awaitable[Any]]):
    """Wrap a channel's ``on_new_message`` so that every message passes the intent guard."""

    async def handler(message: UserMessage) -> Any:
        message.text = guard_intent_message(message.text)
        return await on_new_message(message)

    return handler


class SeenCache:
    """Keys seen in the last ``ttl`` seconds, at most ``maxsize`` of them: remembers delivered
    events so that a channel's retries and re-sends (Slack, Teams) are answered once.

    Not thread-safe; the channel uses it from Sanic's event loop only, where
    :meth:`check_and_add` runs without an ``await`` and is therefore atomic.
    """

    def __init__(
        self, ttl: float = 3600.0, maxsize: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl = ttl
        self.maxsize = maxsize
        self.clock = clock
        self._expiry: "OrderedDict[str, float]" = OrderedDict()

    def _purge(self, now: float) -> None:
        while self._expiry and next(iter(self._expiry.values())) <= now:
            self._expiry.popitem(last=False)

    def __contains__(self, key: str) -> bool:
        self._purge(self.clock())
        return key in self._expiry

    def __len__(self) -> int:
        self._purge(self.clock())
        return len(self._expiry)

    def check_and_add(self, *keys: Optional[str]) -> bool:
        """Record ``keys``; True when any of them was already there (a duplicate)."""
        now = self.clock()
        self._purge(now)
        keys_ = [k for k in keys if k]
        duplicate = any(k in self._expiry for k in keys_)
        for key in keys_:
            self._expiry.pop(key, None)
            self._expiry[key] = now + self.ttl
        while len(self._expiry) > self.maxsize:
            self._expiry.popitem(last=False)
        return duplicate


MAX_SESSION_ID = 128


class GuardedSocketIOInput(SocketIOInput):
    """Rasa's socket.io channel (same path: /socket.io) with the intent guard.

    It also repairs session persistence: Rasa 3.6 calls ``sio.enter_room`` without ``await``,
    but in the python-socketio that Rasa's pins resolve to (5.10 and later) it is a coroutine, so
    the client never joined its session's room and never got an answer. The ``session_request``
    handler is replaced by one that awaits it (and still works where it is a plain function).
    """

    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = super().blueprint(guarded(on_new_message))
        sio = self.sio

        async def session_request(sid: Text, data: Optional[dict]) -> None:
            session_id = (data or {}).get("session_id") if isinstance(data, dict) else None
            if not isinstance(session_id, str) or not 0 < len(session_id) <= MAX_SESSION_ID:
                session_id = uuid.uuid4().hex
            if self.session_persistence:
                # "Start på nytt" asks for a new session on the same socket: leave the old one
                for room in list(sio.rooms(sid, namespace=self.namespace)):
                    if room not in (sid, session_id):
                        left = sio.leave_room(sid, room, namespace=self.namespace)
                        if inspect.isawaitable(left):
                            await left
                joined = sio.enter_room(sid, session_id, namespace=self.namespace)
                if inspect.isawaitable(joined):
                    await joined
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        sio.on("session_request", session_request, namespace=self.namespace)
        return webhook


class GuardedRestInput(RestInput):
    """Rasa's REST channel (same URL: /webhooks/rest/webhook) with the intent guard."""

    @classmethod
    def name(cls) -> Text:
        return "rest"

    def _extract_message(self, req: Request) -> Optional[Text]:
        return guard_intent_message(super()._extract_message(req))

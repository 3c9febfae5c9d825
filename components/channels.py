"""Channels with a guard in front of the NLU, and the REST channel's request checks.

Every channel (REST, socket.io, Teams, Slack) passes its messages through :func:`guarded`:

- **"/intent" messages.** Rasa reads a message that starts with "/" as an intent name and skips
  the NLU. Buttons rely on that ("/affirm", "/check_eligibility"), but a user typing "/foo"
  would reach the dialogue with an intent the domain does not know. Only the domain's own
  intents pass; anything else goes to the NLU as plain text.
- **Overlong messages** (over ``veileder.input_check.MAX_CHARS``) never reach the NLU: the
  channel answers at once with the input guard's own text for them. (A 100,000-character
  message kept Rasa's single event loop busy for about 20 s, and every other user waited.)
  Control characters (NUL and the like) are removed.
- **A turn without an answer** (the action server is down, the database failed, Rasa raised)
  gets :data:`SOMETHING_WENT_WRONG` instead of silence. Rasa itself goes on serving.
- **Too many messages at once from one sender** (:class:`PendingLimit`): at most
  ``MAX_PENDING`` wait for an answer; more get :data:`TOO_MANY` (HTTP 429 on REST).

The REST channel also answers a request it cannot read with 4xx (415 for another content type
than JSON, 400 for a body that is not a JSON object with a string ``message`` and ``sender``),
where Rasa's answered 500.
"""
from __future__ import annotations

import inspect
import json
import logging
import re
import time
import uuid
from collections import Counter, OrderedDict
from functools import lru_cache
from http import HTTPStatus
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, FrozenSet, Optional, Text

import yaml
from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from veileder import input_check
from veileder.i18n import Tekst, in_language, preset_language
from veileder.language import language_of_messages

logger = logging.getLogger(__name__)

DOMAIN_FILE = Path(__file__).resolve().parent.parent / "domain.yml"
INTENT_MESSAGE = re.compile(r"^\s*/(?P<intent>[\w-]+)(?P<rest>.*)$", re.DOTALL)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

#: Longer messages are answered by the channel and never reach the NLU (the input guard's limit).
MAX_MESSAGE_CHARS = input_check.MAX_CHARS
#: The input guard's answer to an overlong message: one text, in veileder/input_check.py.
TOO_LONG_ANSWER = input_check.ANSWERS[input_check.TOO_LONG]
#: The answer to a turn that produced nothing (the action server is down, a database error).
SOMETHING_WENT_WRONG = Tekst(
    nb="Beklager, noe gikk galt hos meg. Prøv igjen om litt.",
    nn="Orsak, noko gjekk gale hos meg. Prøv igjen om litt.",
    en="Sorry, something went wrong on my side. Please try again in a moment.")
#: The answer to a sender with more than MAX_PENDING messages waiting for an answer.
TOO_MANY = input_check.TOO_MANY
MAX_PENDING = 5
# Rasa's own intents whose turn may end without a message ("/restart")
SILENT_INTENTS = frozenset({"restart", "session_start", "back"})


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


class PendingLimit:
    """How many messages of each sender wait for an answer; at most ``limit`` at a time.

    Rasa answers one sender's messages one after another (its lock store), so a burst of
    messages from one sender would queue without end. Used from Sanic's event loop only.
    """

    def __init__(self, limit: int = MAX_PENDING) -> None:
        self.limit = limit
        self._pending: "Counter[str]" = Counter()

    def acquire(self, sender: Optional[str]) -> bool:
        key = str(sender)
        if self._pending[key] >= self.limit:
            return False
        self._pending[key] += 1
        return True

    def release(self, sender: Optional[str]) -> None:
        key = str(sender)
        self._pending[key] -= 1
        if self._pending[key] <= 0:
            del self._pending[key]


class _CountingOutput(OutputChannel):
    """Passes every message on to ``inner`` and counts them."""

    def __init__(self, inner: OutputChannel) -> None:
        self.inner = inner
        self.sent = 0

    def name(self) -> Text:  # type: ignore[override]  # the inner channel's responses
        return self.inner.name()

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        self.sent += 1
        await self.inner.send_response(recipient_id, message)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def clean_text(text: Any) -> Optional[Text]:
    """The text as a string without control characters (newlines and tabs stay)."""
    if text is None:
        return None
    return CONTROL.sub("", text if isinstance(text, str) else str(text))


def guarded(on_new_message: Callable[[UserMessage], Awaitable[Any]],
            limit: Optional[PendingLimit] = None):
    """Wrap a channel's ``on_new_message`` with the guards in this module's docstring."""

    async def handler(message: UserMessage) -> Any:
        text = clean_text(message.text)
        # The guards answer before the conversation is read: in the message's own standard,
        # else the channel's preset (the first 2,000 characters tell as well as all of them).
        lang = language_of_messages([(text or "")[:MAX_MESSAGE_CHARS]],
                                    preset_language(message.metadata))
        if text is not None and len(text) > MAX_MESSAGE_CHARS:
            await message.output_channel.send_text_message(message.sender_id,
                                                           in_language(TOO_LONG_ANSWER, lang))
            return None
        if limit is not None and not limit.acquire(message.sender_id):
            await message.output_channel.send_text_message(message.sender_id, TOO_MANY(lang))
            return None
        message.text = guard_intent_message(text)
        output = message.output_channel = _CountingOutput(message.output_channel)
        result = None
        try:
            result = await on_new_message(message)
        except Exception:  # noqa: BLE001 - answered below; Rasa goes on serving
            logger.exception("Handling a message failed")
        finally:
            if limit is not None:
                limit.release(message.sender_id)
        match = INTENT_MESSAGE.match(message.text or "")
        if not output.sent and not (match and match.group("intent") in SILENT_INTENTS):
            logger.warning("A turn gave no answer (is the action server down?)")
            await output.inner.send_text_message(message.sender_id, SOMETHING_WENT_WRONG(lang))
        return result

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
        webhook = super().blueprint(guarded(on_new_message, PendingLimit()))
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


class BadRequest(Exception):
    """A REST request the channel cannot read: its HTTP status and a short reason."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status


def read_rest_body(content_type: Optional[str], body: bytes) -> Dict[str, Any]:
    """The JSON object of a REST request, with a string ``sender`` and ``message``."""
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    if media_type != "application/json":
        raise BadRequest(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send application/json")
    try:
        data = json.loads(body or b"")
    except ValueError:  # also UnicodeDecodeError
        raise BadRequest(HTTPStatus.BAD_REQUEST, "the body is not JSON") from None
    if not isinstance(data, dict):
        raise BadRequest(HTTPStatus.BAD_REQUEST, "the body is not a JSON object")
    sender = data.get("sender")
    if not isinstance(sender, str) or not 0 < len(sender) <= MAX_SESSION_ID:
        raise BadRequest(HTTPStatus.BAD_REQUEST,
                         f"'sender' must be a string of 1 to {MAX_SESSION_ID} characters")
    if not isinstance(data.get("message"), str):
        raise BadRequest(HTTPStatus.BAD_REQUEST, "'message' must be a string")
    metadata = data.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise BadRequest(HTTPStatus.BAD_REQUEST, "'metadata' must be an object")
    return data


class GuardedRestInput(RestInput):
    """Rasa's REST channel (same URL: /webhooks/rest/webhook) with the guards, 4xx for a
    request it cannot read and 429 for a sender with too many messages waiting."""

    @classmethod
    def name(cls) -> Text:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("custom_webhook_GuardedRestInput", __name__)
        handle = guarded(on_new_message)
        limit = PendingLimit()

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                data = read_rest_body(request.headers.get("content-type"), request.body)
            except BadRequest as error:
                return response.json({"error": str(error)}, status=error.status)
            sender = data["sender"]
            if not limit.acquire(sender):
                return response.json({"error": "too many messages waiting"},
                                     status=HTTPStatus.TOO_MANY_REQUESTS,
                                     headers={"Retry-After": "1"})
            collector = CollectingOutputChannel()
            try:
                await handle(UserMessage(
                    data["message"], collector, sender,
                    input_channel=self.name(),
                    metadata=data.get("metadata")))
            finally:
                limit.release(sender)
            return response.json(collector.messages)

        return webhook

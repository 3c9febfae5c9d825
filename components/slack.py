"""Slack for the assistant: Rasa's ``slack`` channel, hardened.

Same URL as Rasa's own channel (``/webhooks/slack/webhook``, name ``slack``), configured in the
credentials file (``components/credentials.py`` writes it from the environment)::

    components.slack.SlackChannel:
      slack_token: ${SLACK_BOT_TOKEN}             # xoxb-..., the bot token
      slack_signing_secret: ${SLACK_SIGNING_SECRET}
      slack_channel: ${SLACK_CHANNEL}             # optional: also answer every message there
      api_url: ${SLACK_API_URL}                   # optional: Slack's Web API, for tests

What it changes in Rasa 3.6's ``SlackInput`` (rasa/core/channels/slack.py):

- **Signatures.** Every request must carry a valid v0 signature (HMAC-SHA256 of
  ``v0:{timestamp}:{body}`` with the signing secret, compared in constant time by
  ``slack_sdk.signature.SignatureVerifier``) and a timestamp within 5 minutes of our clock.
  Anything else gets **401** (Rasa answers 400), before the body is even parsed.
- **Retries never give a second answer** (rasa#3882: Rasa only drops retries whose reason is in
  ``errors_ignore_retry``, by default just ``http_timeout``). Every event is remembered by its
  ``event_id`` and by its message (channel + ``ts``, so an ``app_mention`` and a ``message``
  event for the same message count once) in a bounded TTL cache (``SeenCache``). A retry
  (``X-Slack-Retry-Num``, any ``X-Slack-Retry-Reason``) is answered at once with 200 and
  ``X-Slack-No-Retry: 1``; it is processed only when this process has never seen the event,
  i.e. the first delivery never reached us (connection failed, or a proxy answered 502 while
  Rasa restarted), so no message is lost either. The cache is in memory, or in Redis when
  ``ASSISTANT_REDIS_URL`` is set (``components/dedup.py``), so that several Rasa replicas
  answer a re-sent event once.
- **Acknowledged at once.** Like Rasa's handler, the dialogue runs in a background task and the
  request is answered 200 immediately, within Slack's 3 s.
- **Own messages ignored.** Events with a ``bot_id``, any subtype other than ordinary user
  posts (``bot_message``, ``message_changed``, joins ...), or from the bot's own user id are
  skipped, so the bot never answers itself.
- **Buttons** are Block Kit: a section with the text and ``actions`` blocks whose buttons carry
  the Rasa payload as ``value`` and unique ``action_id``s (Rasa builds them without ids and falls
  back to plain text over 5 buttons); 👍/👎 under an answer get an actions block of their own.
  A click (``block_actions``, form field ``payload``) goes
  to Rasa as the button's payload from the clicking user in that channel, once per user and
  message; the clicked message's buttons are then replaced by "Du valgte: …" (``chat.update``),
  best effort.
- **Output** goes to ``{api_url}chat.postMessage`` without the legacy ``as_user`` argument
  (Slack answers ``invalid_arguments`` to it for apps with granular bot tokens), one Slack
  message per bot message, with ``&``, ``<`` and ``>`` escaped as Slack requires. A post that
  times out or gets a 5xx or a 429 is sent once more (after ``Retry-After``;
  ``components/retries.py``).
- The guards of ``components/channels.py`` (overlong messages, a turn without an answer, a
  sender with too many messages waiting) apply as on every channel.
- The bot's own ``<@U…>`` mention is stripped before the NLU, Slack's ``&amp;``/``&lt;``/
  ``&gt;`` are unescaped, and "/intent" text passes the same guard as the REST channel.
- No message text and no secret is logged.
"""
from __future__ import annotations

import asyncio
import html
import json
import logging
import re
import time
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, Iterable, List, Mapping, Optional, Set, Text
from urllib.parse import parse_qs

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient

from components.channels import PendingLimit, guard_intent_message, guarded
from components.dedup import seen_cache
from components.retries import RetryableStatus, is_retryable, retry_after, retrying
from veileder.i18n import METADATA_KEY as METADATA_LANGUAGE

logger = logging.getLogger(__name__)

SLACK_API_URL = "https://slack.com/api/"
MAX_CLOCK_SKEW = 5 * 60        # seconds; Slack's own recommendation against replays
SEEN_TTL = 60 * 60             # seconds; Slack retries after ~0 s, 1 min and 5 min
SEEN_MAX = 10_000              # keys kept at most (oldest dropped first)
SECTION_MAX = 3000             # characters in a section block's text
BUTTON_TITLE_MAX = 75          # characters in a button's text
BUTTONS_PER_BLOCK = 25         # elements in one actions block
FEEDBACK_PAYLOAD = "/feedback"  # 👍/👎 under an answer (actions/feedback.py)
# Message subtypes that are still a person writing; every other subtype is ignored.
USER_SUBTYPES = {None, "file_share", "thread_broadcast", "me_message"}
# Slack's link markup in incoming text: <https://x|label>, <https://x>, <mailto:a@b.no|a@b.no>
SLACK_LINK = re.compile(r"<(?P<target>(?:https?://|mailto:)[^|>]+)(?:\|(?P<label>[^>]*))?>")

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def is_signed(secret: str, headers: Mapping[str, str], body: bytes,
              now: Optional[float] = None) -> bool:
    """Whether ``body`` carries a valid Slack v0 signature made at most 5 minutes ago (or ahead).

    ``headers`` must have lower-case names. Any malformed input is simply "not signed".
    """
    class _Clock:
        def now(self) -> float:
            return time.time() if now is None else now

    try:
        return SignatureVerifier(secret, clock=_Clock()).is_valid(
            body=body,
            timestamp=headers.get("x-slack-request-timestamp"),
            signature=headers.get("x-slack-signature"),
        )
    except (ValueError, TypeError, UnicodeDecodeError):
        return False


def slack_escape(text: str) -> str:
    """Escape the three characters Slack's message text reserves for markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def button_blocks(text: str, buttons: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Block Kit for a message with buttons: section(s) of text, then actions blocks.

    Each button's ``value`` is its Rasa payload and its ``action_id`` unique in the message.
    """
    text = slack_escape(text.strip()) or " "
    blocks: List[Dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": text[i:i + SECTION_MAX]}}
        for i in range(0, len(text), SECTION_MAX)
    ]
    elements = [
        {
            "type": "button",
            "action_id": f"knapp-{index}",
            "text": {"type": "plain_text", "text": str(button["title"])[:BUTTON_TITLE_MAX],
                     "emoji": True},
            "value": str(button["payload"]),
        }
        for index, button in enumerate(buttons)
    ]
    # 👍/👎 (payload "/feedback{...}") in an actions block of their own, after the answer's
    answer = [e for e in elements if not e["value"].startswith(FEEDBACK_PAYLOAD)]
    rating = [e for e in elements if e["value"].startswith(FEEDBACK_PAYLOAD)]
    for group in (answer, rating):
        for start in range(0, len(group), BUTTONS_PER_BLOCK):
            blocks.append({"type": "actions", "elements": group[start:start + BUTTONS_PER_BLOCK]})
    return blocks


def answered_blocks(blocks: Iterable[Dict[str, Any]], choice: str) -> List[Dict[str, Any]]:
    """The clicked message's blocks with its buttons replaced by the choice made."""
    kept = [b for b in blocks if b.get("type") != "actions"]
    kept.append({
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": f"Du valgte: *{slack_escape(choice)}*"}],
    })
    return kept


def bot_user_ids(envelope: Mapping[str, Any]) -> List[str]:
    """The bot's own user ids, from the event envelope's ``authorizations``/``authed_users``."""
    ids = [a.get("user_id") for a in envelope.get("authorizations") or [] if a.get("user_id")]
    ids += [u for u in envelope.get("authed_users") or [] if u]
    return ids


def is_from_a_person(envelope: Mapping[str, Any]) -> bool:
    """A ``message``/``app_mention`` event with text written by a person, not by a bot."""
    event = envelope.get("event") or {}
    bots = {a.get("user_id") for a in envelope.get("authorizations") or [] if a.get("is_bot")}
    return (
        event.get("type") in ("message", "app_mention")
        and bool(event.get("text"))
        and not event.get("bot_id")
        and event.get("subtype") in USER_SUBTYPES
        and bool(event.get("user"))
        and event.get("user") not in bots
    )


def clean_text(text: str, bot_ids: List[str]) -> str:
    """The user's words for the NLU: no bot mention, Slack links and escapes undone.

    Rasa's ``_sanitize_user_message`` removes the mention; its link pattern expects
    ``mailto://``, so links (``<url|label>`` -> label, ``<url>`` -> url) are undone here.
    """
    text = SlackInput._sanitize_user_message(text, bot_ids)
    text = SLACK_LINK.sub(lambda m: m.group("label") or m.group("target"), text)
    return html.unescape(text).strip()


def _media_type(headers: Mapping[str, str]) -> str:
    return headers.get("content-type", "").split(";", 1)[0].strip().lower()


class SlackOutput(SlackBot):
    """Rasa's Slack output channel, sending to ``api_url`` without the legacy ``as_user``."""

    def __init__(
        self, token: Text, slack_channel: Optional[Text] = None,
        thread_id: Optional[Text] = None, proxy: Optional[Text] = None,
        api_url: Text = SLACK_API_URL,
    ) -> None:
        super().__init__(token, slack_channel, thread_id, proxy)
        self.client = AsyncWebClient(token, base_url=api_url, proxy=proxy)

    async def _post_message(self, channel: Text, **kwargs: Any) -> None:
        """Post once more after a timeout, a 5xx or a 429 (after its ``Retry-After``)."""
        kwargs.pop("as_user", None)   # invalid_arguments for granular bot tokens
        kwargs.pop("type", None)      # not an argument of chat.postMessage
        async for attempt in retrying(RetryableStatus, asyncio.TimeoutError):
            with attempt:
                try:
                    await super()._post_message(channel, **kwargs)
                except SlackApiError as error:
                    status = error.response.status_code
                    if not is_retryable(status):
                        raise
                    raise RetryableStatus(status, retry_after(error.response.headers)) from error

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        """One Slack message per bot message (Rasa posts one per paragraph)."""
        await self._post_message(
            channel=self.slack_channel or recipient_id, text=slack_escape(text.strip())
        )

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any,
    ) -> None:
        await self._post_message(
            channel=self.slack_channel or recipient_id,
            text=slack_escape(text.strip()),
            blocks=button_blocks(text, buttons),
        )


class SlackChannel(SlackInput):
    """Rasa's ``slack`` input channel with the hardening described in the module docstring."""

    @classmethod
    def name(cls) -> Text:
        return "slack"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        return cls(
            slack_token=credentials.get("slack_token"),
            slack_channel=credentials.get("slack_channel") or None,
            proxy=credentials.get("proxy"),
            use_threads=credentials.get("use_threads", False),
            slack_signing_secret=credentials.get("slack_signing_secret", ""),
            conversation_granularity=credentials.get("conversation_granularity", "sender"),
            api_url=credentials.get("api_url") or SLACK_API_URL,
            language=credentials.get("language") or None,
        )

    def __init__(self, *args: Any, api_url: Text = SLACK_API_URL,
                 language: Optional[Text] = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.api_url = api_url
        # SLACK_LANGUAGE: the preset sent with each message (veileder.i18n.preset_language)
        self.language = language
        self.seen = seen_cache("slack", ttl=SEEN_TTL, maxsize=SEEN_MAX)
        self.limit = PendingLimit()
        self._tasks: Set[asyncio.Task] = set()

    # -- output ---------------------------------------------------------------------------
    def get_output_channel(
        self, channel: Optional[Text] = None, thread_id: Optional[Text] = None
    ) -> OutputChannel:
        return SlackOutput(
            self.slack_token, channel or self.slack_channel, thread_id, self.proxy, self.api_url
        )

    # -- input ----------------------------------------------------------------------------
    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        slack_webhook = Blueprint("slack_webhook", __name__)
        on_new_message = guarded(on_new_message, self.limit)

        @slack_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @slack_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            headers = {k.lower(): v for k, v in request.headers.items()}
            return await self.handle(headers, request.body, on_new_message)

        return slack_webhook

    async def handle(
        self, headers: Mapping[str, str], body: bytes, on_new_message: OnNewMessage
    ) -> HTTPResponse:
        """Answer one request from Slack (``headers`` with lower-case names)."""
        if not is_signed(self.slack_signing_secret, headers, body):
            logger.warning("Slack request rejected: missing, invalid or stale signature")
            return response.text("invalid signature", status=HTTPStatus.UNAUTHORIZED)
        media_type = _media_type(headers)
        try:
            if media_type == "application/json":
                return self._handle_event(headers, json.loads(body), on_new_message)
            if media_type == "application/x-www-form-urlencoded":
                form = parse_qs(body.decode("utf-8"))
                payload = json.loads(form["payload"][0])
                return self._handle_interaction(payload, on_new_message)
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            logger.warning("Slack request not understood: %s", type(error).__name__)
            return response.text("bad request", status=HTTPStatus.BAD_REQUEST)
        return response.text("")

    def _handle_event(
        self, headers: Mapping[str, str], envelope: Dict[str, Any], on_new_message: OnNewMessage
    ) -> HTTPResponse:
        if envelope.get("type") == "url_verification" or "challenge" in envelope:
            return response.json({"challenge": envelope.get("challenge")})
        event = envelope.get("event") or {}
        channel_id = event.get("channel")
        message_key = f"msg:{channel_id}:{event['ts']}" if channel_id and event.get("ts") else None
        duplicate = self.seen.check_and_add(
            f"event:{envelope['event_id']}" if envelope.get("event_id") else None, message_key
        )
        retry = headers.get("x-slack-retry-num")
        if retry:
            logger.info(
                "Slack retry #%s (%s) of event %s: %s", retry,
                headers.get("x-slack-retry-reason", "unknown"), envelope.get("event_id"),
                "already handled, ignored" if duplicate else "first delivery, handled",
            )
        if duplicate:
            return self._ack_no_retry()
        if not is_from_a_person(envelope):
            logger.debug("Slack event %s skipped: not a person's message", envelope.get("event_id"))
            return self._ack(retry)
        metadata = {
            "out_channel": channel_id,
            "thread_id": event.get("thread_ts", event.get("ts")),
            "users": bot_user_ids(envelope),
        }
        if not self._is_supported_channel(envelope, metadata):
            logger.info("Slack event %s skipped: channel not served", envelope.get("event_id"))
            return self._ack(retry)
        text = clean_text(event["text"], metadata["users"])
        sender = self._get_conversation_id(event["user"], channel_id, metadata["thread_id"])
        self._dispatch(on_new_message, guard_intent_message(text), sender, metadata)
        return self._ack(retry)

    def _handle_interaction(
        self, payload: Dict[str, Any], on_new_message: OnNewMessage
    ) -> HTTPResponse:
        if not self._is_interactive_message(payload):
            return response.text("")
        action = payload["actions"][0]
        value = self._get_interactive_response(action)
        if value is None:  # a link button: Slack opens the link, nothing for the bot
            return response.text("")
        user_id = payload["user"]["id"]
        channel_id = (payload.get("channel") or {}).get("id") or (
            payload.get("container") or {}).get("channel_id")
        message = payload.get("message") or {}
        message_ts = message.get("ts") or (payload.get("container") or {}).get("message_ts")
        click_key = f"click:{channel_id}:{message_ts}:{user_id}" if message_ts else None
        if self.seen.check_and_add(click_key):
            logger.info("Slack click on an already answered message ignored")
            return response.text("")
        metadata = {
            "out_channel": channel_id,
            "thread_id": message.get("thread_ts", message_ts),
            "users": [user_id],
        }
        sender = self._get_conversation_id(user_id, channel_id, metadata["thread_id"])
        self._dispatch(on_new_message, guard_intent_message(value), sender, metadata)
        if action.get("type") == "button" and message.get("blocks") and channel_id and not (
            (payload.get("container") or {}).get("is_ephemeral")
        ):
            choice = (action.get("text") or {}).get("text") or value
            self._background(self._mark_answered(channel_id, message, choice))
        return response.text("")

    # -- helpers --------------------------------------------------------------------------
    @staticmethod
    def _ack(retry: Optional[str]) -> HTTPResponse:
        return SlackChannel._ack_no_retry() if retry else response.text("")

    @staticmethod
    def _ack_no_retry() -> HTTPResponse:
        return response.text("", status=HTTPStatus.OK, headers={"X-Slack-No-Retry": "1"})

    def _dispatch(
        self, on_new_message: OnNewMessage, text: Optional[str], sender: Optional[str],
        metadata: Dict[str, Any],
    ) -> None:
        """Run the dialogue in the background: Slack wants its answer within 3 s."""
        thread_id = metadata.get("thread_id") if self.use_threads else None
        if self.language:
            metadata = {**metadata, METADATA_LANGUAGE: self.language}
        message = UserMessage(
            text, self.get_output_channel(metadata.get("out_channel"), thread_id), sender,
            input_channel=self.name(), metadata=metadata,
        )
        self._background(on_new_message(message))

    def _background(self, coroutine: Awaitable[Any]) -> None:
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)    # keep a reference until done (asyncio holds weak ones)
        task.add_done_callback(self._task_done)

    def _task_done(self, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error("Slack message handling failed: %s", type(task.exception()).__name__,
                         exc_info=task.exception())

    async def _mark_answered(self, channel_id: str, message: Dict[str, Any], choice: str) -> None:
        """Replace the clicked message's buttons with the choice; a failure only logs."""
        try:
            await AsyncWebClient(self.slack_token, base_url=self.api_url, proxy=self.proxy)\
                .chat_update(channel=channel_id, ts=message["ts"], text=message.get("text", ""),
                             blocks=answered_blocks(message["blocks"], choice))
        except Exception as error:  # noqa: BLE001 - cosmetic; the click itself went through
            logger.warning("Could not update the clicked Slack message: %s",
                           type(error).__name__)

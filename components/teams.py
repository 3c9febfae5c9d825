"""Microsoft Teams channel for Rasa, over the Bot Framework (webhook ``/webhooks/teams/webhook``).

Rasa's built-in ``botframework`` channel falls short in Teams: it reads only an activity's
``text`` (so button clicks arrive empty), passes the bot's own @mention to the NLU and fetches
its token from the multi-tenant endpoint only. This channel

- authenticates every inbound activity as a Bot Framework channel token (RS256, a key from the
  published JWKS with the activity's channel among its endorsements, issuer
  ``https://api.botframework.com``, audience = the app id, 5 minutes' leeway, ``serviceurl``
  claim = the activity's ``serviceUrl``); anything else gets 401 and never reaches Rasa;
- reads button clicks (``messageBack``: ``value.payload`` or the text the card carries), strips
  the bot's own @mention and greets when the bot is added to a conversation;
- answers through the Bot Connector API with a client-credentials token for a multi-tenant
  (``botframework.com``) or a single-tenant app (``tenant_id``), cached until shortly before it
  expires; buttons become a hero card with ``messageBack`` actions. A reply that times out or
  gets a 5xx or a 429 is sent once more (``components/retries.py``);
- takes a re-sent activity once, in Redis when ``ASSISTANT_REDIS_URL`` is set
  (``components/dedup.py``).

The token check uses PyJWT directly rather than ``botframework-connector``'s
``ChannelValidation``: that fetches the OpenID metadata with blocking ``requests`` calls inside
its coroutines (stalling Sanic's event loop), takes its metadata URL from a process-wide class
attribute and fails with ``IndexError`` on an unknown key id. See docs/teams.md.

Credentials (``credentials.yml``, written by ``components/credentials.py``)::

    components.teams.TeamsInput:
      app_id: ${TEAMS_APP_ID}
      app_password: ${TEAMS_APP_PASSWORD}
      tenant_id: ${TEAMS_TENANT_ID}                        # optional: single-tenant app
      openid_metadata_url: ${TEAMS_OPENID_METADATA_URL}    # optional: tests
      token_url: ${TEAMS_TOKEN_URL}                        # optional: tests

One Teams conversation is one Rasa conversation: the sender id is ``conversation.id`` (a
personal chat, a group chat or a channel thread).
"""
from __future__ import annotations

import asyncio
import html
import logging
import re
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any, Awaitable, Callable, Dict, Iterable, List, Optional, Set, Text, Tuple
from urllib.parse import quote

import aiohttp
import jwt
from botbuilder.schema import (
    ActionTypes,
    Activity,
    ActivityTypes,
    Attachment,
    CardAction,
    CardImage,
    ChannelAccount,
    ConversationAccount,
    HeroCard,
)
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from components.channels import PendingLimit, guard_intent_message, guarded
from components.dedup import seen_cache
from components.retries import RetryableStatus, is_retryable, retry_after, retrying

logger = logging.getLogger(__name__)

OPENID_METADATA_URL = "https://login.botframework.com/v1/.well-known/openidconfiguration"
CHANNEL_TOKEN_ISSUER = "https://api.botframework.com"
TOKEN_URL_TEMPLATE = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token"
MULTI_TENANT = "botframework.com"
TOKEN_SCOPE = "https://api.botframework.com/.default"
HERO_CARD = "application/vnd.microsoft.card.hero"
GREETING = "/greet"
CLOCK_LEEWAY = 5 * 60          # seconds of clock skew accepted on inbound tokens
TOKEN_MARGIN = 5 * 60          # renew the outbound token this long before it expires
HTTP_TIMEOUT = aiohttp.ClientTimeout(total=15)
BEARER = re.compile(r"^Bearer\s+(?P<token>\S+)\s*$")
AT_TAG = re.compile(r"<at[^>]*>(?P<name>.*?)</at>", re.IGNORECASE | re.DOTALL)


# --- activities in ------------------------------------------------------------------------------

def token_endpoint(tenant_id: Optional[Text] = None, override: Optional[Text] = None) -> Text:
    """The client-credentials endpoint: ``override``, else the tenant's, else multi-tenant."""
    if override:
        return override
    return TOKEN_URL_TEMPLATE.format(tenant=tenant_id or MULTI_TENANT)


def strip_bot_mention(activity: Dict[str, Any]) -> Text:
    """The activity's text without the bot's own @mention; other mentions become plain names."""
    text = activity.get("text") or ""
    bot_id = (activity.get("recipient") or {}).get("id")
    for entity in activity.get("entities") or []:
        if not isinstance(entity, dict) or entity.get("type") != "mention":
            continue
        mentioned = entity.get("mentioned") or {}
        if bot_id and mentioned.get("id") == bot_id and entity.get("text"):
            text = text.replace(entity["text"], " ")
    text = AT_TAG.sub(lambda m: m.group("name"), text)
    return " ".join(html.unescape(text).split())


def button_payload(activity: Dict[str, Any]) -> Optional[Text]:
    """The payload of a clicked ``messageBack`` button (``value.payload``), if any."""
    value = activity.get("value")
    if isinstance(value, dict) and isinstance(value.get("payload"), str):
        return value["payload"].strip() or None
    return None


def user_text(activity: Dict[str, Any]) -> Optional[Text]:
    """What Rasa should hear for a message activity: a button's payload or the text."""
    text = button_payload(activity) or strip_bot_mention(activity)
    return guard_intent_message(text) or None


def bot_was_added(activity: Dict[str, Any]) -> bool:
    """Whether a ``conversationUpdate`` adds the bot itself to the conversation."""
    bot_id = (activity.get("recipient") or {}).get("id")
    return bool(bot_id) and any(
        isinstance(member, dict) and member.get("id") == bot_id
        for member in activity.get("membersAdded") or []
    )


def inbound_text(activity: Dict[str, Any]) -> Optional[Text]:
    """The message for Rasa, or None for activities the assistant ignores."""
    kind = activity.get("type")
    if kind == ActivityTypes.message:
        return user_text(activity)
    if kind == ActivityTypes.conversation_update and bot_was_added(activity):
        return GREETING
    return None


def message_metadata(activity: Dict[str, Any]) -> Dict[str, Any]:
    """Non-personal context for Rasa (stored with the user's message, so no names)."""
    channel_data = activity.get("channelData") or {}
    return {
        "teams": {
            "tenant_id": (channel_data.get("tenant") or {}).get("id"),
            "conversation_type": (activity.get("conversation") or {}).get("conversationType"),
            "locale": activity.get("locale"),
            "activity_type": activity.get("type"),
        }
    }


# --- activities out -----------------------------------------------------------------------------

def card_actions(buttons: Iterable[Dict[str, Any]]) -> List[CardAction]:
    """Rasa buttons as ``messageBack`` actions: clicking sends the payload, shows the title."""
    actions = []
    for button in buttons:
        title = str(button.get("title", ""))
        payload = str(button.get("payload", title))
        actions.append(CardAction(
            type=ActionTypes.message_back, title=title, text=payload,
            display_text=title, value={"payload": payload},
        ))
    return actions


def hero_card(text: Optional[Text] = None, buttons: Iterable[Dict[str, Any]] = (),
              image: Optional[Text] = None) -> Dict[str, Any]:
    """A hero card attachment (JSON) with text, ``messageBack`` buttons and/or an image."""
    card = HeroCard(
        text=text or None,
        buttons=card_actions(buttons) or None,
        images=[CardImage(url=image)] if image else None,
    )
    return Attachment(content_type=HERO_CARD, content=card).serialize()


# --- tokens ---------------------------------------------------------------------------------------

class Unauthorized(Exception):
    """An inbound request without a valid Bot Framework channel token."""


class MetadataUnavailable(Exception):
    """The OpenID metadata or its key set could not be fetched: no request can be checked."""


@dataclass
class SigningKey:
    key: Any
    endorsements: Tuple[str, ...]


@dataclass
class ChannelAuthenticator:
    """Checks ``Authorization`` headers of inbound activities against the Bot Framework's keys.

    The OpenID metadata and its JWKS are cached for ``cache_seconds``; a token with a key id
    that is not in the cache triggers one refresh, at most every ``min_refresh_seconds``.
    """

    app_id: Text
    metadata_url: Text = OPENID_METADATA_URL
    cache_seconds: float = 24 * 3600
    min_refresh_seconds: float = 60
    clock: Callable[[], float] = time.monotonic
    _keys: Dict[str, SigningKey] = field(default_factory=dict, init=False)
    _fetched_at: Optional[float] = field(default=None, init=False)
    _lock: Optional[asyncio.Lock] = field(default=None, init=False)

    async def _refresh(self) -> None:
        try:
            async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session:
                async with session.get(self.metadata_url) as resp:
                    resp.raise_for_status()
                    jwks_uri = (await resp.json(content_type=None))["jwks_uri"]
                async with session.get(jwks_uri) as resp:
                    resp.raise_for_status()
                    jwks = await resp.json(content_type=None)
        except (aiohttp.ClientError, asyncio.TimeoutError, KeyError, ValueError) as error:
            raise MetadataUnavailable(f"{self.metadata_url}: {error!r}") from error
        keys = {}
        for data in jwks.get("keys", []):
            try:
                keys[data["kid"]] = SigningKey(jwt.PyJWK(data, algorithm="RS256").key,
                                               tuple(data.get("endorsements") or ()))
            except (KeyError, jwt.PyJWTError) as error:
                logger.debug("Teams: skipped an unusable signing key: %r", error)
        self._keys, self._fetched_at = keys, self.clock()
        logger.debug("Teams: %d signing keys from %s", len(keys), self.metadata_url)

    async def signing_key(self, kid: Text) -> Optional[SigningKey]:
        """The key ``kid`` from the cache, refreshed when stale or once for an unknown id."""
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            age = None if self._fetched_at is None else self.clock() - self._fetched_at
            if age is None or age > self.cache_seconds or (
                kid not in self._keys and age > self.min_refresh_seconds
            ):
                try:
                    await self._refresh()
                except MetadataUnavailable as error:
                    if not self._keys:
                        raise
                    # keep the keys we have and try again a little later
                    logger.warning("Teams: using cached signing keys: %s", error)
                    self._fetched_at = self.clock() - self.cache_seconds + self.min_refresh_seconds
            return self._keys.get(kid)

    async def authenticate(self, header: Optional[Text], service_url: Optional[Text],
                           channel_id: Optional[Text]) -> Dict[str, Any]:
        """The token's claims, or :class:`Unauthorized` saying why not."""
        match = BEARER.match(header or "")
        if not match:
            raise Unauthorized("no Bearer token")
        token = match.group("token")
        try:
            kid = jwt.get_unverified_header(token).get("kid")
        except jwt.PyJWTError as error:
            raise Unauthorized(f"malformed token: {error}") from error
        signing_key = await self.signing_key(kid) if kid else None
        if signing_key is None:
            raise Unauthorized(f"unknown signing key {kid!r}")
        if signing_key.endorsements and channel_id not in signing_key.endorsements:
            raise Unauthorized(f"signing key not endorsed for channel {channel_id!r}")
        try:
            claims = jwt.decode(
                token, signing_key.key, algorithms=["RS256"], audience=self.app_id,
                issuer=CHANNEL_TOKEN_ISSUER, leeway=CLOCK_LEEWAY,
                options={"require": ["exp", "iss", "aud"]},
            )
        except jwt.PyJWTError as error:
            raise Unauthorized(f"invalid token: {error}") from error
        claimed = str(claims.get("serviceurl") or "").rstrip("/")
        if not service_url or claimed != str(service_url).rstrip("/"):
            raise Unauthorized("serviceurl claim does not match the activity")
        return claims


@dataclass
class AccessTokens:
    """Client-credentials tokens for the Bot Connector API, cached until shortly before expiry."""

    app_id: Text
    app_password: Text = field(repr=False)
    url: Text = TOKEN_URL_TEMPLATE.format(tenant=MULTI_TENANT)
    clock: Callable[[], float] = time.monotonic
    _token: Optional[Text] = field(default=None, init=False, repr=False)
    _expires_at: float = field(default=0.0, init=False)
    _lock: Optional[asyncio.Lock] = field(default=None, init=False)

    async def get(self, session: aiohttp.ClientSession) -> Text:
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            if self._token and self.clock() < self._expires_at:
                return self._token
            form = {"grant_type": "client_credentials", "client_id": self.app_id,
                    "client_secret": self.app_password, "scope": TOKEN_SCOPE}
            async with session.post(self.url, data=form) as resp:
                body = await resp.json(content_type=None)
                if resp.status != 200 or "access_token" not in body:
                    # the body names the error (e.g. AADSTS700016); it holds no secret
                    raise PermissionError(f"token request failed ({resp.status}): "
                                          f"{body.get('error')} {body.get('error_description', '')[:200]}")
            lifetime = float(body.get("expires_in", 3600))
            self._token = body["access_token"]
            self._expires_at = self.clock() + max(lifetime - TOKEN_MARGIN, lifetime / 2)
            return self._token


# --- the channel ----------------------------------------------------------------------------------

class TeamsOutput(OutputChannel):
    """Sends Rasa's replies to one Teams conversation, as replies to the inbound activity."""

    @classmethod
    def name(cls) -> Text:
        return "teams"

    def __init__(self, activity: Dict[str, Any], tokens: AccessTokens,
                 session: aiohttp.ClientSession) -> None:
        self.activity = activity
        self.tokens = tokens
        self.session = session
        conversation_id = quote(activity["conversation"]["id"], safe="")
        base = f"{activity['serviceUrl'].rstrip('/')}/v3/conversations/{conversation_id}/activities"
        self.url = f"{base}/{quote(activity['id'], safe='')}" if activity.get("id") else base

    def _reply(self, **fields: Any) -> Dict[str, Any]:
        inbound = self.activity
        reply = Activity(
            type=ActivityTypes.message,
            from_property=ChannelAccount(**_account(inbound.get("recipient"))),
            recipient=ChannelAccount(**_account(inbound.get("from"))),
            conversation=ConversationAccount(**_account(inbound.get("conversation"))),
            reply_to_id=inbound.get("id"),
        ).serialize()
        reply.update(fields)
        return reply

    async def _post(self, activity: Dict[str, Any]) -> None:
        token = await self.tokens.get(self.session)
        async with self.session.post(self.url, json=activity,
                                     headers={"Authorization": f"Bearer {token}"}) as resp:
            if is_retryable(resp.status):
                raise RetryableStatus(resp.status, retry_after(resp.headers))
            if resp.status >= 300:
                logger.error("Teams: the Bot Connector answered %s to a reply", resp.status)

    async def send(self, activity: Dict[str, Any]) -> None:
        """Post one activity, once more after a timeout, a 5xx or a 429 (``Retry-After``);
        a failure is logged (without the text) and the dialogue goes on."""
        try:
            async for attempt in retrying(RetryableStatus, asyncio.TimeoutError):
                with attempt:
                    await self._post(activity)
        except RetryableStatus as error:
            logger.error("Teams: the Bot Connector answered %s to a reply", error.status)
        except (aiohttp.ClientError, asyncio.TimeoutError, PermissionError, ValueError) as error:
            logger.error("Teams: could not send a reply: %r", error)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self.send(self._reply(text=text))

    async def send_text_with_buttons(self, recipient_id: Text, text: Text,
                                     buttons: List[Dict[str, Any]], **kwargs: Any) -> None:
        await self.send(self._reply(attachments=[hero_card(text, buttons)]))

    async def send_image_url(self, recipient_id: Text, image: Text, **kwargs: Any) -> None:
        await self.send(self._reply(attachments=[hero_card(image=image)]))

    async def send_attachment(self, recipient_id: Text, attachment: Any, **kwargs: Any) -> None:
        if isinstance(attachment, dict) and attachment.get("contentType"):
            await self.send(self._reply(attachments=[attachment]))
        else:
            await self.send_text_message(recipient_id, f"Vedlegg: {attachment}")

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[str, Any],
                               **kwargs: Any) -> None:
        """A Bot Framework activity (or its part, e.g. ``attachments``) sent as given."""
        await self.send(self._reply(**json_message))


def _account(data: Optional[Dict[str, Any]]) -> Dict[str, Any]:
    data = data or {}
    return {"id": data.get("id"), "name": data.get("name")}


class TeamsInput(InputChannel):
    """Microsoft Teams through the Bot Framework: ``POST /webhooks/teams/webhook``."""

    @classmethod
    def name(cls) -> Text:
        return "teams"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        if not credentials or not credentials.get("app_id") or not credentials.get("app_password"):
            cls.raise_missing_credentials_exception()
        return cls(
            app_id=credentials["app_id"],
            app_password=credentials["app_password"],
            tenant_id=credentials.get("tenant_id") or None,
            openid_metadata_url=credentials.get("openid_metadata_url") or None,
            token_url=credentials.get("token_url") or None,
        )

    def __init__(self, app_id: Text, app_password: Text, tenant_id: Optional[Text] = None,
                 openid_metadata_url: Optional[Text] = None,
                 token_url: Optional[Text] = None) -> None:
        self.app_id = app_id
        self.authenticator = ChannelAuthenticator(app_id, openid_metadata_url or OPENID_METADATA_URL)
        self.tokens = AccessTokens(app_id, app_password, token_endpoint(tenant_id, token_url))
        self._tasks: Set[asyncio.Task] = set()
        # activities already taken: the Bot Connector re-sends one it got no answer to in time
        self.seen = seen_cache("teams", ttl=3600)
        self.limit = PendingLimit()

    async def _handle(self, activity: Dict[str, Any], text: Text,
                      on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        try:
            async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as session:
                await on_new_message(UserMessage(
                    text=text,
                    output_channel=TeamsOutput(activity, self.tokens, session),
                    sender_id=activity["conversation"]["id"],
                    input_channel=self.name(),
                    message_id=activity.get("id"),
                    metadata=message_metadata(activity),
                ))
        except Exception:  # a background task: log, or the error is lost
            logger.exception("Teams: handling an activity failed")

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        teams_webhook = Blueprint("teams_webhook", __name__)
        on_new_message = guarded(on_new_message, self.limit)

        @teams_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @teams_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            header = request.headers.get("Authorization")
            if not header:
                return response.json({"error": "unauthorized"}, status=HTTPStatus.UNAUTHORIZED)
            try:
                activity = request.json
            except Exception:  # sanic raises InvalidUsage for a body that is not JSON
                activity = None
            if not isinstance(activity, dict):
                return response.json({"error": "not an activity"}, status=HTTPStatus.BAD_REQUEST)
            try:
                await self.authenticator.authenticate(
                    header, activity.get("serviceUrl"), activity.get("channelId"))
            except Unauthorized as reason:
                logger.warning("Teams: rejected an activity: %s", reason)
                return response.json({"error": "unauthorized"}, status=HTTPStatus.UNAUTHORIZED)
            except MetadataUnavailable as error:
                logger.error("Teams: cannot check tokens: %s", error)
                return response.json({"error": "unavailable"},
                                     status=HTTPStatus.SERVICE_UNAVAILABLE)
            text = inbound_text(activity)
            conversation = activity.get("conversation") or {}
            if text is None or not conversation.get("id") or not activity.get("serviceUrl"):
                logger.debug("Teams: ignored a %s activity", activity.get("type"))
                return response.json({}, status=HTTPStatus.OK)
            if activity.get("id") and self.seen.check_and_add(
                    f"{conversation['id']}|{activity['id']}"):
                logger.info("Teams: ignored a re-sent activity")
                return response.json({}, status=HTTPStatus.OK)
            # Answer now, reply through the Bot Connector: Teams retries after 15 s.
            task = asyncio.ensure_future(self._handle(activity, text, on_new_message))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            return response.json({}, status=HTTPStatus.ACCEPTED)

        return teams_webhook

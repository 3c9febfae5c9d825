"""Re-sent Teams and Slack events are answered once across processes when Redis is configured
(``components/dedup.py``), against the Redis on 127.0.0.1:6379 (database 15; the keys made
here are removed). Two channel instances stand for two Rasa replicas."""
from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any, List

import pytest
import redis

from components.channels import SeenCache
from components.dedup import KEY_PREFIX, RedisSeenCache, seen_cache
from components.settings import get_settings
from components.slack import SlackChannel
from components.teams import TeamsInput
from testkit.slack_standin import SlackStandin, message_event, signed_headers

REDIS_URL = "redis://127.0.0.1:6379/15"
SECRET, TOKEN = "slack-signing-secret", "xoxb-test"


@pytest.fixture
def redis_db():
    client = redis.Redis.from_url(REDIS_URL, socket_timeout=1, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError as error:
        pytest.skip(f"no Redis on 127.0.0.1:6379 ({type(error).__name__})")
    run = uuid.uuid4().hex
    yield client, run
    for key in client.scan_iter(f"{KEY_PREFIX}:*{run}*"):
        client.delete(key)
    client.close()


@pytest.fixture
def with_redis(redis_db, monkeypatch):
    monkeypatch.setenv("ASSISTANT_REDIS_URL", REDIS_URL)
    get_settings.cache_clear()
    yield redis_db
    get_settings.cache_clear()


class Recorder:
    def __init__(self) -> None:
        self.messages: List[Any] = []

    async def __call__(self, message) -> None:
        self.messages.append(message)


def slack_channel(api_url: str) -> SlackChannel:
    return SlackChannel.from_credentials(
        {"slack_token": TOKEN, "slack_signing_secret": SECRET, "api_url": api_url})


async def deliver(channel: SlackChannel, body: bytes, recorder: Recorder, retry: bool) -> int:
    headers = {k.lower(): v for k, v in signed_headers(SECRET, body).items()}
    if retry:
        headers.update({"x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout"})
    answer = await channel.handle(headers, body, recorder)
    await asyncio.gather(*list(channel._tasks))
    return answer.status


async def test_two_slack_replicas_answer_a_resent_event_once(with_redis):
    _, run = with_redis
    with SlackStandin(token=TOKEN) as slack:
        first, second = slack_channel(slack.api_url), slack_channel(slack.api_url)
        assert isinstance(first.seen, RedisSeenCache)
        recorder = Recorder()
        body = _body(message_event("hei", "U1", "D1", event_id=f"Ev{run}"))
        assert await deliver(first, body, recorder, retry=False) == 200
        assert await deliver(second, body, recorder, retry=True) == 200   # Slack's re-send
        assert await deliver(first, body, recorder, retry=True) == 200
    assert [m.text for m in recorder.messages] == ["hei"]


def test_two_teams_replicas_take_a_resent_activity_once(with_redis):
    _, run = with_redis
    first, second = (TeamsInput("app-id", "secret") for _ in range(2))
    key = f"a:{run}|1234"
    assert [first.seen.check_and_add(key), second.seen.check_and_add(key),
            first.seen.check_and_add(key)] == [False, True, True]


def test_without_redis_each_process_remembers_on_its_own(monkeypatch):
    monkeypatch.delenv("ASSISTANT_REDIS_URL", raising=False)
    get_settings.cache_clear()
    try:
        first, second = (TeamsInput("app-id", "secret") for _ in range(2))
    finally:
        get_settings.cache_clear()
    assert isinstance(first.seen, SeenCache)
    assert [first.seen.check_and_add("k"), second.seen.check_and_add("k"),
            first.seen.check_and_add("k")] == [False, False, True]


def test_the_keys_expire(redis_db):
    client, run = redis_db
    cache = seen_cache("teams", ttl=120, redis_url=REDIS_URL)
    cache.check_and_add(f"x{run}")
    assert 0 < client.ttl(f"{KEY_PREFIX}:teams:x{run}") <= 120


def test_redis_down_falls_back_to_memory():
    cache = seen_cache("slack", ttl=60, redis_url="redis://127.0.0.1:1/0")
    assert [cache.check_and_add("a", "b"), cache.check_and_add("b")] == [False, True]


def _body(payload: dict) -> bytes:
    return json.dumps(payload).encode("utf-8")

"""Outgoing calls of the Teams and Slack channels retry once (tenacity, ``components/retries.py``):
on a timeout or a 5xx after a backoff, on a 429 after its ``Retry-After``; against local
stand-ins that fail once and then answer. (The register client: tests/unit/test_orgnr.py.)"""
from __future__ import annotations

import time

import aiohttp
import pytest

from components import retries, teams
from components.slack import SlackOutput
from testkit.slack_standin import SlackStandin
from testkit.teams_standin import TeamsStandin

# (status, Retry-After, delay of the failing answer, client timeout, least wait before the retry)
FAIL_ONCE = [
    (503, None, 0.0, 5.0, retries.BACKOFF),
    (500, None, 0.0, 5.0, retries.BACKOFF),
    (502, None, 0.0, 5.0, retries.BACKOFF),
    (429, "1", 0.0, 5.0, 1.0),
    (200, None, 1.5, 0.5, 0.5),          # the first post times out
]


@pytest.fixture
def teams_standin():
    with TeamsStandin() as running:
        yield running


@pytest.fixture
def slack_standin():
    with SlackStandin(token="xoxb-test") as running:
        yield running


@pytest.mark.parametrize("status, after, delay, timeout, least", FAIL_ONCE)
async def test_a_teams_reply_is_sent_once_more(teams_standin, status, after, delay, timeout,
                                               least):
    teams_standin.fail_next(status, retry_after=after, delay=delay)
    activity = teams_standin.message("hei")
    tokens = teams.AccessTokens("app-id", "app-secret", f"{teams_standin.base_url}/token")
    started = time.monotonic()
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as session:
        await teams.TeamsOutput(activity, tokens, session).send_text_message("x", "Fristen.")
    sent = teams_standin.wait_for(activity["conversation"]["id"], count=1, timeout=5)
    assert [s.activity["text"] for s in sent] == ["Fristen."]
    assert teams_standin.attempts == 2
    assert time.monotonic() - started >= least - 0.05


@pytest.mark.parametrize("status", [503, 429])
async def test_a_teams_reply_is_retried_only_once(teams_standin, status):
    teams_standin.fail_next(status, retry_after="0", times=2)
    activity = teams_standin.message("hei")
    tokens = teams.AccessTokens("app-id", "app-secret", f"{teams_standin.base_url}/token")
    async with aiohttp.ClientSession() as session:
        await teams.TeamsOutput(activity, tokens, session).send_text_message("x", "hei")
    assert teams_standin.attempts == 2 and teams_standin.sent_to(activity["conversation"]["id"]) == []


async def test_a_teams_reply_is_not_retried_on_a_client_error(teams_standin):
    teams_standin.fail_next(400)
    activity = teams_standin.message("hei")
    tokens = teams.AccessTokens("app-id", "app-secret", f"{teams_standin.base_url}/token")
    async with aiohttp.ClientSession() as session:
        await teams.TeamsOutput(activity, tokens, session).send_text_message("x", "hei")
    assert teams_standin.attempts == 1


@pytest.mark.parametrize("status, after, delay, timeout, least", FAIL_ONCE)
async def test_a_slack_post_is_sent_once_more(slack_standin, status, after, delay, timeout,
                                              least):
    slack_standin.fail_next(status, retry_after=after, delay=delay)
    out = SlackOutput("xoxb-test", api_url=slack_standin.api_url)
    out.client.timeout = timeout
    started = time.monotonic()
    await out.send_text_message("C1", "Fristen.")
    posts = slack_standin.posts("C1")
    assert [p.body["text"] for p in posts] == ["Fristen."]
    assert slack_standin.attempts == 2
    assert time.monotonic() - started >= least - 0.05


async def test_a_slack_post_is_retried_only_once(slack_standin):
    slack_standin.fail_next(503, times=2)
    out = SlackOutput("xoxb-test", api_url=slack_standin.api_url)
    with pytest.raises(retries.RetryableStatus):
        await out.send_text_message("C1", "hei")
    assert slack_standin.attempts == 2 and slack_standin.posts("C1") == []


@pytest.mark.parametrize("header, seconds", [
    ({"Retry-After": "3"}, 3.0),
    ({"retry-after": "0"}, 0.0),
    ({"Retry-After": "86400"}, retries.RETRY_AFTER_MAX),          # capped
    ({"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}, 0.0),      # a date in the past
    ({"Retry-After": "soon"}, None),
    ({}, None),
    (None, None),
])
def test_retry_after(header, seconds):
    assert retries.retry_after(header) == seconds

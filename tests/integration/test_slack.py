"""The Slack channel (components/slack.py): signatures, retries, buttons, against a Slack stand-in.

Fast tests drive ``SlackChannel.handle`` and ``SlackOutput`` directly (no Rasa server); the
``model``/``slow`` tests start the real assistant once with Slack on and talk to it as Slack
does: signed events in, ``chat.postMessage`` calls out to ``testkit/slack_standin.py``.
"""
from __future__ import annotations

import asyncio
import json
import time
import uuid
from typing import Any, Dict, List, Optional

import pytest
import requests
import yaml

from components.channels import SeenCache
from components.slack import (
    SlackChannel, SlackOutput, button_blocks, clean_text, is_signed,
)
from testkit.slack_standin import (
    BOT_ID, BOT_USER_ID, SlackStandin, app_mention_event, block_actions, form_body,
    message_event, signed_headers,
)
from testkit.servers import ROOT, running_assistant

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TOKEN = "xoxb-test"


def body_of(payload: Dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False).encode("utf-8")


def lower(headers: Dict[str, str]) -> Dict[str, str]:
    return {k.lower(): v for k, v in headers.items()}


def new_id(prefix: str) -> str:
    return prefix + uuid.uuid4().hex[:9].upper()


# ---------------------------------------------------------------------------------------------
# Signatures (no Rasa)
# ---------------------------------------------------------------------------------------------
class TestSignature:
    body = b'{"type":"event_callback","event":{"text":"hei"}}'

    def test_a_good_signature(self):
        assert is_signed(SECRET, lower(signed_headers(SECRET, self.body)), self.body)

    def test_the_example_from_slacks_documentation(self):
        # https://api.slack.com/authentication/verifying-requests-from-slack
        body = (b"token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
                b"&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
                b"&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2F"
                b"commands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                b"&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
        headers = {"x-slack-request-timestamp": "1531420618",
                   "x-slack-signature": "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666"
                                        "489c69b503"}
        assert is_signed("8f742231b10e8888abcd99yyyzzz85a5", headers, body, now=1531420618 + 10)

    @pytest.mark.parametrize("change", ["body", "secret", "signature", "no-signature",
                                        "no-timestamp", "garbage-timestamp", "not-ascii"])
    def test_anything_wrong_is_not_signed(self, change):
        body = self.body
        headers = lower(signed_headers(SECRET, body))
        secret = SECRET
        if change == "body":
            body = body.replace(b"hei", b"hallo")
        elif change == "secret":
            secret = SECRET + "x"
        elif change == "signature":
            signature = headers["x-slack-signature"]
            headers["x-slack-signature"] = signature[:-1] + ("1" if signature[-1] == "0" else "0")
        elif change == "no-signature":
            del headers["x-slack-signature"]
        elif change == "no-timestamp":
            del headers["x-slack-request-timestamp"]
        elif change == "garbage-timestamp":
            headers["x-slack-request-timestamp"] = "i går"
        elif change == "not-ascii":
            headers["x-slack-signature"] = "v0=æøå"
        assert not is_signed(secret, headers, body)

    @pytest.mark.parametrize("skew, ok", [(-301, False), (-299, True), (299, True), (301, False)])
    def test_the_timestamp_must_be_within_five_minutes(self, skew, ok):
        now = time.time()
        headers = lower(signed_headers(SECRET, self.body, timestamp=int(now) + skew))
        assert is_signed(SECRET, headers, self.body, now=int(now)) is ok


# ---------------------------------------------------------------------------------------------
# The dedup cache (no Rasa)
# ---------------------------------------------------------------------------------------------
class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_the_cache_reports_a_key_seen_before():
    seen = SeenCache(ttl=60, maxsize=10, clock=FakeClock())
    assert seen.check_and_add("event:Ev1") is False
    assert seen.check_and_add("event:Ev1") is True
    assert seen.check_and_add("event:Ev2") is False


def test_the_cache_forgets_after_its_ttl():
    clock = FakeClock()
    seen = SeenCache(ttl=60, maxsize=10, clock=clock)
    seen.check_and_add("a")
    clock.t += 59
    assert "a" in seen
    clock.t += 2
    assert "a" not in seen and len(seen) == 0
    assert seen.check_and_add("a") is False


def test_the_cache_is_bounded_and_drops_the_oldest():
    seen = SeenCache(ttl=3600, maxsize=3, clock=FakeClock())
    for key in "abcd":
        seen.check_and_add(key)
    assert len(seen) == 3 and "a" not in seen and {"b", "c", "d"} <= {k for k in "bcd" if k in seen}


def test_any_known_key_makes_a_duplicate_and_all_keys_are_recorded():
    seen = SeenCache(ttl=60, maxsize=10, clock=FakeClock())
    assert seen.check_and_add("event:Ev1", "msg:D1:1.0") is False
    assert seen.check_and_add("event:Ev2", "msg:D1:1.0") is True   # same message, other event
    assert "event:Ev2" in seen
    assert seen.check_and_add(None, "") is False                     # no keys: never a duplicate


# ---------------------------------------------------------------------------------------------
# The channel's request handling and output, without Rasa: a recorder takes Rasa's place
# ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def standin():
    with SlackStandin(token=TOKEN) as running:
        yield running


class Recorder:
    """What Rasa's ``on_new_message`` receives."""

    def __init__(self) -> None:
        self.messages: List[Any] = []

    async def __call__(self, message) -> None:
        self.messages.append(message)


@pytest.fixture
def channel(standin):
    return SlackChannel.from_credentials({
        "slack_token": TOKEN, "slack_signing_secret": SECRET, "api_url": standin.api_url,
    })


async def send(channel: SlackChannel, payload: Dict[str, Any], recorder: Recorder,
               extra: Optional[Dict[str, str]] = None, form: bool = False, **sign: Any):
    body = form_body(payload) if form else body_of(payload)
    content_type = "application/x-www-form-urlencoded" if form else "application/json"
    headers = lower(signed_headers(SECRET, body, content_type=content_type, **sign))
    headers.update(lower(extra or {}))
    answer = await channel.handle(headers, body, recorder)
    await asyncio.gather(*list(channel._tasks))
    return answer


async def test_the_channel_keeps_rasas_name_and_url(channel):
    assert SlackChannel.name() == "slack" and channel.url_prefix() == "slack"


async def test_a_bad_signature_gets_401_and_reaches_nobody(channel):
    recorder = Recorder()
    body = body_of(message_event("hei", "U1", "D1"))
    headers = lower(signed_headers(SECRET + "x", body))
    answer = await channel.handle(headers, body, recorder)
    assert answer.status == 401 and not recorder.messages
    answer = await channel.handle({"content-type": "application/json"}, body, recorder)
    assert answer.status == 401 and not recorder.messages


async def test_a_stale_or_future_timestamp_gets_401(channel):
    recorder = Recorder()
    for skew in (-301, 301):
        answer = await send(channel, message_event("hei", "U1", "D1"), recorder,
                            timestamp=int(time.time()) + skew)
        assert answer.status == 401
    assert not recorder.messages


async def test_the_url_verification_challenge(channel):
    recorder = Recorder()
    answer = await send(channel, {"token": "t", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3g"
                                  "mdALWMmHkvFXO7tYXAYM8P", "type": "url_verification"}, recorder)
    assert answer.status == 200
    assert json.loads(answer.body) == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7"
                                                    "tYXAYM8P"}
    assert not recorder.messages


async def test_a_message_reaches_rasa_from_the_user_in_the_channel(channel):
    recorder = Recorder()
    answer = await send(channel, message_event("hva er fristen?", "U1", "D1"), recorder)
    assert answer.status == 200
    [message] = recorder.messages
    assert (message.text, message.sender_id, message.input_channel) == (
        "hva er fristen?", "U1", "slack")
    assert message.output_channel.slack_channel == "D1"
    assert message.metadata["out_channel"] == "D1"


async def test_retries_are_acknowledged_and_never_handled_twice(channel):
    recorder = Recorder()
    event = message_event("hva er fristen?", "U1", "D1")
    await send(channel, event, recorder)
    for number, reason in [("1", "http_timeout"), ("2", "http_error"), ("3", "unknown_error"),
                           ("1", None)]:
        extra = {"X-Slack-Retry-Num": number}
        if reason:
            extra["X-Slack-Retry-Reason"] = reason
        answer = await send(channel, event, recorder, extra=extra)
        assert answer.status == 200 and answer.headers.get("X-Slack-No-Retry") == "1"
    assert len(recorder.messages) == 1


async def test_a_retry_whose_first_delivery_never_arrived_is_handled_once(channel):
    recorder = Recorder()
    event = message_event("hva er fristen?", "U1", "D1")
    for number in ("1", "2"):
        answer = await send(channel, event, recorder,
                            extra={"X-Slack-Retry-Num": number,
                                   "X-Slack-Retry-Reason": "connection_failed"})
        assert answer.status == 200 and answer.headers.get("X-Slack-No-Retry") == "1"
    assert len(recorder.messages) == 1


async def test_one_message_seen_as_mention_and_as_message_is_handled_once(channel):
    channel.slack_channel = "C1"   # answers every message there, and mentions
    recorder = Recorder()
    mention = app_mention_event(f"<@{BOT_USER_ID}> hva er fristen?", "U1", "C1")
    message = message_event(f"<@{BOT_USER_ID}> hva er fristen?", "U1", "C1",
                            ts=mention["event"]["ts"], channel_type="channel")
    await send(channel, mention, recorder)
    await send(channel, message, recorder)
    assert [m.text for m in recorder.messages] == ["hva er fristen?"]


@pytest.mark.parametrize("extra", [
    {"bot_id": BOT_ID},
    {"subtype": "bot_message", "bot_id": BOT_ID},
    {"user": BOT_USER_ID},
    {"subtype": "message_changed"},
    {"subtype": "channel_join"},
])
async def test_the_bot_never_answers_itself_or_system_messages(channel, extra):
    recorder = Recorder()
    event = message_event("Hei! Jeg er en digital assistent", "U1", "D1")
    event["event"].update(extra)
    answer = await send(channel, event, recorder)
    assert answer.status == 200 and not recorder.messages


async def test_a_message_in_a_channel_the_bot_does_not_serve_is_skipped(channel):
    recorder = Recorder()
    await send(channel, message_event("hei", "U1", "C9", channel_type="channel"), recorder)
    assert not recorder.messages


def test_the_bots_mention_and_slack_escapes_are_removed_before_the_nlu():
    assert clean_text(f"<@{BOT_USER_ID}> hva er fristen?", [BOT_USER_ID]) == "hva er fristen?"
    assert clean_text(f"Hei <@{BOT_USER_ID}>, FoU &amp; innovasjon &lt;3",
                      [BOT_USER_ID]) == "Hei, FoU & innovasjon <3"
    assert clean_text("skriv til <mailto:a@b.no|a@b.no>", []) == "skriv til a@b.no"
    assert clean_text("se <https://www.innovasjonnorge.no/x|kunngjøringen> og "
                      "<https://www.regjeringen.no>", []) == (
        "se kunngjøringen og https://www.regjeringen.no")
    assert clean_text("spør <@UKARI> om det", [BOT_USER_ID]) == "spør <@UKARI> om det"


def test_buttons_are_block_kit_with_payload_values_and_unique_action_ids():
    buttons = [{"title": "Ja", "payload": "/affirm"}, {"title": "Nei", "payload": "/deny"},
               {"title": "Vet ikke", "payload": "/dont_know"}]
    blocks = button_blocks("Er virksomheten <offentlig> finansiert?", buttons)
    assert blocks[0] == {"type": "section", "text": {
        "type": "mrkdwn", "text": "Er virksomheten &lt;offentlig&gt; finansiert?"}}
    [actions] = [b for b in blocks if b["type"] == "actions"]
    assert [e["value"] for e in actions["elements"]] == ["/affirm", "/deny", "/dont_know"]
    assert [e["text"]["text"] for e in actions["elements"]] == ["Ja", "Nei", "Vet ikke"]
    ids = [e["action_id"] for e in actions["elements"]]
    assert len(set(ids)) == len(ids)
    many = button_blocks("Velg", [{"title": f"V{i}", "payload": f"/v{i}"} for i in range(30)])
    elements = [e for b in many if b["type"] == "actions" for e in b["elements"]]
    assert len(elements) == 30 and len({e["action_id"] for e in elements}) == 30


async def test_a_click_reaches_rasa_as_the_payload_once_and_the_buttons_are_replaced(
        channel, standin):
    recorder = Recorder()
    channel_id = new_id("D")
    posted = {"ts": "1700000000.000100", "text": "Er virksomheten offentlig finansiert?",
              "blocks": button_blocks("Er virksomheten offentlig finansiert?",
                                      [{"title": "Ja", "payload": "/affirm"},
                                       {"title": "Nei", "payload": "/deny"}])}
    yes = posted["blocks"][1]["elements"][0]
    answer = await send(channel, block_actions(posted, yes, "U7", channel_id), recorder,
                        form=True)
    assert answer.status == 200
    [message] = recorder.messages
    assert (message.text, message.sender_id) == ("/affirm", "U7")
    assert message.output_channel.slack_channel == channel_id
    # a second click on the same message by the same user is not a second answer
    await send(channel, block_actions(posted, posted["blocks"][1]["elements"][1], "U7",
                                      channel_id), recorder, form=True)
    assert len(recorder.messages) == 1
    [update] = standin.wait_for(lambda calls: [c for c in calls if c.method == "chat.update"
                                               and c.body["channel"] == channel_id], timeout=5)
    assert update.body["ts"] == posted["ts"]
    assert update.authorization == f"Bearer {TOKEN}"
    assert [b["type"] for b in update.body["blocks"]] == ["section", "context"]
    assert "Du valgte: *Ja*" in json.dumps(update.body["blocks"], ensure_ascii=False)


async def test_the_output_posts_block_kit_to_the_configured_api(standin):
    channel_id = new_id("D")
    out = SlackOutput(TOKEN, channel_id, api_url=standin.api_url)
    await out.send_text_message("U1", "Fristen er 16. april 2020 kl. 17.00.\n\nKilde: x & y")
    await out.send_text_with_buttons("U1", "Kan dere søke?",
                                     [{"title": "Sjekk om dere kan søke",
                                       "payload": "/check_eligibility"}])
    text, buttons = standin.posts(channel_id)
    for call in (text, buttons):
        assert call.authorization == f"Bearer {TOKEN}"
        assert "as_user" not in call.body          # invalid_arguments for granular bot tokens
    assert text.body["text"] == "Fristen er 16. april 2020 kl. 17.00.\n\nKilde: x &amp; y"
    [actions] = [b for b in buttons.body["blocks"] if b["type"] == "actions"]
    assert actions["elements"][0]["value"] == "/check_eligibility"


# ---------------------------------------------------------------------------------------------
# The app manifest (no Rasa)
# ---------------------------------------------------------------------------------------------
def test_the_manifest_points_at_the_slack_channel_with_the_scopes_its_events_need():
    manifest = yaml.safe_load((ROOT / "deploy" / "slack" / "manifest.yml").read_text("utf-8"))
    settings = manifest["settings"]
    webhook = "https://<host>/webhooks/slack/" + "webhook"
    assert settings["event_subscriptions"]["request_url"] == webhook
    assert settings["interactivity"] == {"is_enabled": True, "request_url": webhook}
    assert settings["socket_mode_enabled"] is False
    events = set(settings["event_subscriptions"]["bot_events"])
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"message.im", "app_mention"} <= events
    needs = {"message.im": "im:history", "app_mention": "app_mentions:read",
             "message.channels": "channels:history", "message.groups": "groups:history"}
    assert {needs[e] for e in events} | {"chat:write"} <= scopes
    assert manifest["features"]["app_home"]["messages_tab_enabled"] is True
    assert SlackChannel.name() == "slack"   # the URL above is /webhooks/<name>/webhook


# ---------------------------------------------------------------------------------------------
# The running assistant with Slack on
# ---------------------------------------------------------------------------------------------
DEADLINE = "16. april 2020"
GREETING = "Hei! Jeg er en digital assistent"


@pytest.fixture(scope="module")
def slack_assistant(tmp_path_factory, standin):
    workdir = tmp_path_factory.mktemp("slack")
    env = {"SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET,
           "SLACK_API_URL": standin.api_url}
    with running_assistant(workdir, env) as running:
        running.webhook = f"{running.rasa_url}/webhooks/slack/webhook"
        yield running


def post(assistant, payload: Dict[str, Any], extra: Optional[Dict[str, str]] = None,
         form: bool = False, secret: str = SECRET, **sign: Any) -> requests.Response:
    body = form_body(payload) if form else body_of(payload)
    content_type = "application/x-www-form-urlencoded" if form else "application/json"
    headers = signed_headers(secret, body, content_type=content_type, **sign)
    headers.update(extra or {})
    return requests.post(assistant.webhook, data=body, headers=headers, timeout=10)


def texts(standin: SlackStandin, channel_id: str) -> List[str]:
    return [c.body.get("text", "") for c in standin.posts(channel_id)]


def count(standin: SlackStandin, channel_id: str, part: str) -> int:
    return sum(part in t for t in texts(standin, channel_id))


def wait_count(standin: SlackStandin, channel_id: str, part: str, n: int, timeout: float = 60):
    standin.wait_for(lambda _: count(standin, channel_id, part) >= n, timeout=timeout)


def say_hello_and_settle(assistant, standin, user: str, channel_id: str) -> None:
    """A control message: once its reply is posted, everything sent before it was handled
    (Rasa handles one sender's messages in order); then a bounded wait for stragglers."""
    before = count(standin, channel_id, GREETING)
    assert post(assistant, message_event("hei", user, channel_id)).status_code == 200
    wait_count(standin, channel_id, GREETING, before + 1)
    time.sleep(2)


@pytest.mark.model
@pytest.mark.slow
def test_a_signed_question_gets_the_norwegian_answer(slack_assistant, standin):
    user, channel_id = new_id("U"), new_id("D")
    started = time.monotonic()
    answer = post(slack_assistant, message_event("hva er fristen?", user, channel_id))
    assert answer.status_code == 200
    assert time.monotonic() - started < 3, "Slack wants its answer within 3 s"
    wait_count(standin, channel_id, DEADLINE, 1)
    [call] = [c for c in standin.posts(channel_id) if DEADLINE in c.body["text"]]
    assert "17.00" in call.body["text"]
    assert call.authorization == f"Bearer {TOKEN}" and "as_user" not in call.body


@pytest.mark.model
@pytest.mark.slow
def test_a_mention_in_a_channel_is_answered_without_the_mention(slack_assistant, standin):
    user, channel_id = new_id("U"), new_id("C")
    event = app_mention_event(f"<@{BOT_USER_ID}> hva er fristen?", user, channel_id)
    assert post(slack_assistant, event).status_code == 200
    wait_count(standin, channel_id, DEADLINE, 1)


@pytest.mark.model
@pytest.mark.slow
def test_bad_signatures_and_old_timestamps_get_401_and_no_answer(slack_assistant, standin):
    user, channel_id = new_id("U"), new_id("D")
    event = message_event("hva er fristen?", user, channel_id)
    assert post(slack_assistant, event, secret="feil-hemmelighet").status_code == 401
    body = body_of(event)
    unsigned = requests.post(slack_assistant.webhook, data=body, timeout=10,
                             headers={"Content-Type": "application/json"})
    assert unsigned.status_code == 401
    old = post(slack_assistant, message_event("hva er fristen?", user, channel_id),
               timestamp=int(time.time()) - 6 * 60)
    assert old.status_code == 401
    ahead = post(slack_assistant, message_event("hva er fristen?", user, channel_id),
                 timestamp=int(time.time()) + 6 * 60)
    assert ahead.status_code == 401
    say_hello_and_settle(slack_assistant, standin, user, channel_id)
    assert count(standin, channel_id, DEADLINE) == 0
    assert len(standin.posts(channel_id)) == 1    # the greeting only


@pytest.mark.model
@pytest.mark.slow
def test_a_retried_event_is_answered_exactly_once(slack_assistant, standin):
    user, channel_id = new_id("U"), new_id("D")
    event = message_event("hva er fristen?", user, channel_id)
    assert post(slack_assistant, event).status_code == 200
    wait_count(standin, channel_id, DEADLINE, 1)
    for number, reason in [("1", "http_timeout"), ("2", "http_error"), ("3", None)]:
        extra = {"X-Slack-Retry-Num": number}
        if reason:
            extra["X-Slack-Retry-Reason"] = reason
        answer = post(slack_assistant, event, extra=extra)
        assert answer.status_code == 200
        assert answer.headers.get("X-Slack-No-Retry") == "1"
    say_hello_and_settle(slack_assistant, standin, user, channel_id)
    assert count(standin, channel_id, DEADLINE) == 1


@pytest.mark.model
@pytest.mark.slow
def test_buttons_are_block_kit_and_a_click_comes_back_as_the_payload(slack_assistant, standin):
    user, channel_id = new_id("U"), new_id("D")
    assert post(slack_assistant, message_event("hvem kan søke?", user, channel_id)).ok
    [with_buttons] = standin.wait_for(lambda _: [c for c in standin.posts(channel_id)
                                                 if c.body.get("blocks")])
    blocks = with_buttons.body["blocks"]
    assert blocks[0]["type"] == "section"
    # the answer's buttons, then 👍/👎 in an actions block of their own
    actions, rating = [b for b in blocks if b["type"] == "actions"]
    assert [e["value"] for e in rating["elements"]] == ['/feedback{"rating":"up"}',
                                                        '/feedback{"rating":"down"}']
    values = [e["value"] for e in actions["elements"]]
    assert all(e["type"] == "button" for e in actions["elements"])
    assert "/check_eligibility" in values
    ids = [e["action_id"] for e in actions["elements"]]
    assert len(set(ids)) == len(ids)
    check = next(e for e in actions["elements"] if e["value"] == "/check_eligibility")
    posted = {"ts": with_buttons.ts, "text": with_buttons.body["text"], "blocks": blocks}
    before = len(standin.posts(channel_id))
    click = post(slack_assistant, block_actions(posted, check, user, channel_id), form=True)
    assert click.status_code == 200
    question = standin.wait_for(lambda _: [t for t in texts(standin, channel_id)[before:]
                                           if "Hva slags virksomhet er dere?" in t])
    assert question
    [update] = standin.wait_for(lambda _: standin.posts(channel_id, method="chat.update"))
    assert update.body["ts"] == with_buttons.ts
    assert not [b for b in update.body["blocks"] if b["type"] == "actions"]


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("question, expected, not_expected", [
    ("Kva er fristen for å sende inn skisse?", "Fristen gjekk ut", "Fristen gikk ut"),
    ("What is the deadline for the sketch?", "The deadline passed", "Fristen gikk ut"),
])
def test_the_answer_is_in_the_writers_own_standard(slack_assistant, standin, question, expected,
                                                   not_expected):
    user, channel_id = new_id("U"), new_id("D")
    assert post(slack_assistant, message_event(question, user, channel_id)).status_code == 200
    wait_count(standin, channel_id, DEADLINE if "Fristen" in expected else "16 April 2020", 1)
    (answer,) = texts(standin, channel_id)
    assert expected in answer and not_expected not in answer, answer

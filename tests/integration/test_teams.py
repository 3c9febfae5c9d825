"""The running assistant over the Teams channel, with Microsoft's services played by a stand-in.

Activities signed with the stand-in's keys are posted to ``/webhooks/teams/webhook`` of the real
Rasa server; the replies arrive, asynchronously, at the stand-in's Bot Connector.
"""
from __future__ import annotations

import time
from urllib.parse import quote

import pytest
import requests

from testkit.servers import running_assistant
from testkit.teams_standin import BOT_ID, TeamsStandin

pytestmark = [pytest.mark.model, pytest.mark.slow]

APP_ID = "00000000-0000-0000-0000-00000000b0b0"


@pytest.fixture(scope="module")
def teams(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("teams")
    with TeamsStandin(app_id=APP_ID) as standin:
        env = {
            "TEAMS_APP_ID": APP_ID,
            "TEAMS_APP_PASSWORD": "standin-secret",
            "TEAMS_OPENID_METADATA_URL": f"{standin.base_url}/openid",
            "TEAMS_TOKEN_URL": f"{standin.base_url}/token",
        }
        with running_assistant(workdir, env) as assistant:
            standin.assistant = assistant
            standin.webhook = f"{assistant.rasa_url}/webhooks/teams/webhook"
            yield standin


def post(teams: TeamsStandin, activity: dict, authorization=None) -> requests.Response:
    headers = {} if authorization is False else {"Authorization": authorization or teams.sign()}
    return requests.post(teams.webhook, json=activity, headers=headers, timeout=30)


def user_texts(teams: TeamsStandin, conversation_id: str, wait: float = 0) -> list:
    """What Rasa stored as the user's messages in a conversation (its HTTP API is on in tests).

    Rasa stores the tracker after the replies have gone out: ``wait`` polls for a first message.
    """
    # Sanic does not unquote path parameters: Teams' ":", ";" and "=" go in as they are
    url = f"{teams.assistant.rasa_url}/conversations/{quote(conversation_id, safe=':;=@')}/tracker"
    deadline = time.monotonic() + wait
    while True:
        events = requests.get(url, timeout=10).json()["events"]
        texts = [e["text"] for e in events if e["event"] == "user"]
        if texts or time.monotonic() >= deadline:
            return texts
        time.sleep(0.2)


def card(sent) -> dict:
    (attachment,) = sent.activity["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.hero"
    return attachment["content"]


def test_a_question_is_answered_in_norwegian_with_a_card(teams):
    activity = teams.message("hvem kan søke?")
    conversation = activity["conversation"]["id"]
    resp = post(teams, activity)
    assert resp.status_code in (200, 202)
    (reply,) = teams.wait_for(conversation)
    assert reply.reply_to_id == activity["id"]
    assert reply.authorization.startswith("Bearer standin-token-")
    assert reply.activity["type"] == "message"
    assert reply.activity["from"]["id"] == BOT_ID
    assert reply.activity["recipient"]["id"] == activity["from"]["id"]
    content = card(reply)
    assert "kommune" in content["text"].lower() and "søke" in content["text"]
    button, *rating = content["buttons"]  # then 👍/👎
    assert [b["value"] for b in rating] == [{"payload": '/feedback{"rating":"up"}'},
                                            {"payload": '/feedback{"rating":"down"}'}]
    assert button == {"type": "messageBack", "title": "Sjekk om dere kan søke",
                      "text": "/check_eligibility", "displayText": "Sjekk om dere kan søke",
                      "value": {"payload": "/check_eligibility"}}
    request = teams.token_requests[-1]
    assert request["client_id"] == APP_ID and request["client_secret"] == "standin-secret"
    assert request["scope"] == "https://api.botframework.com/.default"

    # the user clicks the button: Teams posts the card action's text and value
    click = teams.message(button["text"], conversation_id=conversation, value=button["value"])
    assert post(teams, click).status_code in (200, 202)
    replies = teams.wait_for(conversation, count=2)
    question = replies[1]
    assert question.reply_to_id == click["id"]
    shown = question.activity.get("text") or card(question)["text"]
    assert "Hva slags virksomhet" in shown


def test_a_resent_activity_is_answered_once(teams):
    activity = teams.message("hva er fristen?")
    conversation = activity["conversation"]["id"]
    assert post(teams, activity).status_code in (200, 202)
    assert post(teams, activity).status_code in (200, 202)  # the Bot Connector re-sends it
    later = teams.message("takk", conversation_id=conversation)
    assert post(teams, later).status_code in (200, 202)
    teams.wait_for(conversation, count=2)
    time.sleep(1)  # a second answer to the re-send would have come by now
    replies = teams.sent_to(conversation)
    assert sorted(r.reply_to_id for r in replies) == sorted([activity["id"], later["id"]])


def test_a_click_that_carries_only_the_value(teams):
    activity = teams.message(None, value={"payload": "/check_eligibility"})
    assert post(teams, activity).status_code in (200, 202)
    (reply,) = teams.wait_for(activity["conversation"]["id"])
    assert "Hva slags virksomhet" in (reply.activity.get("text") or card(reply)["text"])


def test_the_bots_mention_never_reaches_the_nlu(teams):
    activity = teams.message(
        "<at>Veileder</at> hva er fristen?",
        entities=[{"type": "mention", "text": "<at>Veileder</at>",
                   "mentioned": {"id": BOT_ID, "name": "Veileder"}}],
    )
    conversation = activity["conversation"]["id"]
    assert post(teams, activity).status_code in (200, 202)
    (reply,) = teams.wait_for(conversation)
    answer = reply.activity.get("text") or card(reply)["text"]
    assert "16. april 2020" in answer and "17.00" in answer
    assert user_texts(teams, conversation, wait=10) == ["hva er fristen?"]


def test_being_added_to_a_conversation_sends_the_greeting(teams):
    activity = teams.members_added("29:someone", BOT_ID)
    assert post(teams, activity).status_code in (200, 202)
    (reply,) = teams.wait_for(activity["conversation"]["id"])
    content = card(reply)
    assert content["text"].startswith("Hei!")
    assert {b["title"] for b in content["buttons"]} >= {"Hvem kan søke?", "Når er fristen?"}


def refused_requests(teams: TeamsStandin):
    """(name, activity, Authorization header, expected status) that must reach nobody."""
    other_url = teams.message("hei", serviceUrl="http://127.0.0.1:9/")
    return [
        ("no token", teams.message("hei"), False, 401),
        ("not a bearer token", teams.message("hei"), "Basic YWRtaW46YWRtaW4=", 401),
        ("expired", teams.message("hei"), teams.sign(lifetime=-6 * 60), 401),
        ("wrong audience", teams.message("hei"), teams.sign(aud="another-bot"), 401),
        ("key not in the JWKS", teams.message("hei"), teams.sign(key=teams.unpublished), 401),
        ("serviceUrl mismatch", other_url, teams.sign(), 401),
        ("typing", teams.message(None, type="typing"), None, 200),
        ("someone else added", teams.members_added("29:someone"), None, 200),
        ("only the mention", teams.message(
            "<at>Veileder</at>", entities=[{"type": "mention", "text": "<at>Veileder</at>",
                                            "mentioned": {"id": BOT_ID, "name": "Veileder"}}]),
         None, 200),
    ]


def test_refused_and_ignored_activities_reach_nobody(teams):
    cases = refused_requests(teams)
    for name, activity, authorization, status in cases:
        resp = post(teams, activity, authorization)
        assert resp.status_code == status, (name, resp.status_code, resp.text[:200])
    # a valid activity posted after them is answered: by then the others would have been too
    control = teams.message("hei")
    post(teams, control)
    teams.wait_for(control["conversation"]["id"])
    for name, activity, _, _ in cases:
        conversation = activity["conversation"]["id"]
        assert teams.sent_to(conversation) == [], name
        assert user_texts(teams, conversation) == [], name


def test_a_body_that_is_not_an_activity(teams):
    resp = requests.post(teams.webhook, data="not json", timeout=10,
                         headers={"Authorization": teams.sign(), "Content-Type": "application/json"})
    assert resp.status_code == 400


def _shown(sent) -> str:
    return sent.activity.get("text") or card(sent)["text"]


@pytest.mark.parametrize("text, locale, expected, not_expected", [
    # the writer's own standard wins
    ("Kven kan søkje om midlane?", "nb-NO", "kommunar", "kommuner"),
    ("Who can apply for this funding?", "nb-NO", "municipalities", "kommuner"),
    # a message that does not tell keeps the standard the Teams client runs in
    ("16. april?", "nn-NO", "Fristen gjekk ut", "Fristen gikk ut"),
    ("16. april?", "en-GB", "The deadline passed", "Fristen gikk ut"),
])
def test_the_answer_is_in_the_writers_standard_or_the_clients_locale(
        teams, text, locale, expected, not_expected):
    activity = teams.message(text, locale=locale)
    assert post(teams, activity).status_code in (200, 202)
    (reply,) = teams.wait_for(activity["conversation"]["id"])
    shown = _shown(reply)
    assert expected in shown and not_expected not in shown, shown

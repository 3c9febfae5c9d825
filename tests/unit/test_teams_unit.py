"""The Teams channel's parts without Rasa: activities in, cards out, tokens both ways."""
from __future__ import annotations

import aiohttp
import jwt
import pytest

from components import teams
from testkit.teams_standin import BOT_ID, SigningKey, TeamsStandin


@pytest.fixture(scope="module")
def standin():
    with TeamsStandin() as running:
        yield running


def authenticator(standin: TeamsStandin, **kwargs) -> teams.ChannelAuthenticator:
    return teams.ChannelAuthenticator(standin.app_id, f"{standin.base_url}/openid", **kwargs)


# --- mentions, payloads, greetings ----------------------------------------------------------------

def mention(name: str, member_id: str) -> dict:
    return {"type": "mention", "text": f"<at>{name}</at>", "mentioned": {"id": member_id, "name": name}}


def test_the_bots_own_mention_is_removed():
    activity = {"text": "<at>Veileder</at> hva er fristen?\n", "recipient": {"id": BOT_ID},
                "entities": [mention("Veileder", BOT_ID), {"type": "clientInfo", "locale": "nb-NO"}]}
    assert teams.strip_bot_mention(activity) == "hva er fristen?"


def test_other_peoples_mentions_stay_as_plain_names():
    activity = {"text": "<at>Veileder</at> kan <at>Ola Hansen</at> og jeg søke?",
                "recipient": {"id": BOT_ID},
                "entities": [mention("Veileder", BOT_ID), mention("Ola Hansen", "29:ola")]}
    assert teams.strip_bot_mention(activity) == "kan Ola Hansen og jeg søke?"


def test_a_mention_of_someone_with_the_bots_name_is_kept():
    activity = {"text": "<at>Veileder</at> hei", "recipient": {"id": BOT_ID},
                "entities": [mention("Veileder", "29:a-person")]}
    assert teams.strip_bot_mention(activity) == "Veileder hei"


def test_a_message_that_is_only_the_mention_is_not_sent_to_rasa():
    activity = {"type": "message", "text": "<at>Veileder</at>&nbsp;", "recipient": {"id": BOT_ID},
                "entities": [mention("Veileder", BOT_ID)]}
    assert teams.inbound_text(activity) is None


def test_html_entities_are_decoded():
    assert teams.strip_bot_mention({"text": "Fristen &amp; skissen"}) == "Fristen & skissen"


@pytest.mark.parametrize("activity, expected", [
    ({"type": "message", "text": "/check_eligibility", "value": {"payload": "/check_eligibility"}},
     "/check_eligibility"),
    ({"type": "message", "value": {"payload": "/affirm"}}, "/affirm"),         # no text at all
    ({"type": "message", "text": "Ja", "value": {"payload": "/affirm"}}, "/affirm"),
    ({"type": "message", "text": "/affirm"}, "/affirm"),                      # a client without value
    ({"type": "message", "text": "Hvem kan søke?", "value": {"payload": "Hvem kan søke?"}},
     "Hvem kan søke?"),
    ({"type": "message", "text": "/not_an_intent"}, "not an intent"),        # the intent guard
    ({"type": "message", "text": "hei", "value": {"other": 1}}, "hei"),
    ({"type": "message", "text": "   "}, None),
    ({"type": "typing"}, None),
    ({"type": "messageReaction", "reactionsAdded": [{"type": "like"}]}, None),
])
def test_what_rasa_hears(activity, expected):
    activity.setdefault("recipient", {"id": BOT_ID})
    assert teams.inbound_text(activity) == expected


def test_the_bot_being_added_greets():
    added = {"type": "conversationUpdate", "recipient": {"id": BOT_ID},
             "membersAdded": [{"id": "29:someone"}, {"id": BOT_ID}]}
    assert teams.inbound_text(added) == "/greet"
    others = dict(added, membersAdded=[{"id": "29:someone"}])
    assert teams.inbound_text(others) is None
    removed = {"type": "conversationUpdate", "recipient": {"id": BOT_ID}, "membersRemoved": [{"id": BOT_ID}]}
    assert teams.inbound_text(removed) is None


def test_metadata_holds_no_names():
    activity = {"type": "message", "from": {"id": "29:u", "name": "Kari Nordmann"},
                "conversation": {"id": "a:1", "conversationType": "personal"},
                "channelData": {"tenant": {"id": "t-1"}}, "locale": "nb-NO"}
    meta = teams.message_metadata(activity)
    assert meta["teams"]["tenant_id"] == "t-1" and meta["teams"]["conversation_type"] == "personal"
    assert "Kari" not in repr(meta)


# --- cards ----------------------------------------------------------------------------------------

def test_buttons_become_a_hero_card_with_message_back_actions():
    card = teams.hero_card("Vil du sjekke?", [{"title": "Ja", "payload": "/affirm"},
                                              {"title": "Hvem kan søke?", "payload": "Hvem kan søke?"}])
    assert card["contentType"] == "application/vnd.microsoft.card.hero"
    assert card["content"]["text"] == "Vil du sjekke?"
    assert card["content"]["buttons"] == [
        {"type": "messageBack", "title": "Ja", "text": "/affirm", "displayText": "Ja",
         "value": {"payload": "/affirm"}},
        {"type": "messageBack", "title": "Hvem kan søke?", "text": "Hvem kan søke?",
         "displayText": "Hvem kan søke?", "value": {"payload": "Hvem kan søke?"}},
    ]


def test_a_click_on_a_built_card_gives_back_its_payload():
    button = teams.hero_card("?", [{"title": "Sjekk om dere kan søke", "payload": "/check_eligibility"}])
    action = button["content"]["buttons"][0]
    click = {"type": "message", "text": action["text"], "value": action["value"], "recipient": {"id": BOT_ID}}
    assert teams.inbound_text(click) == "/check_eligibility"


def test_an_image_card():
    card = teams.hero_card(image="https://example.org/a.png")
    assert card["content"] == {"images": [{"url": "https://example.org/a.png"}]}


# --- outbound tokens ------------------------------------------------------------------------------

@pytest.mark.parametrize("tenant, override, expected", [
    (None, None, "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token"),
    ("11111111-2222-3333-4444-555555555555", None,
     "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/oauth2/v2.0/token"),
    ("ignored", "http://127.0.0.1:9/token", "http://127.0.0.1:9/token"),
])
def test_token_endpoint(tenant, override, expected):
    assert teams.token_endpoint(tenant, override) == expected


def test_single_tenant_credentials_ask_the_tenant_for_tokens():
    channel = teams.TeamsInput.from_credentials(
        {"app_id": "app", "app_password": "secret", "tenant_id": "contoso.onmicrosoft.com"})
    assert channel.tokens.url == "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"
    multi = teams.TeamsInput.from_credentials({"app_id": "app", "app_password": "secret"})
    assert "/botframework.com/" in multi.tokens.url
    assert "secret" not in repr(channel.tokens)


async def test_the_token_is_fetched_with_client_credentials_and_cached(standin):
    now = [1000.0]
    tokens = teams.AccessTokens("app-id", "app-secret", f"{standin.base_url}/token", clock=lambda: now[0])
    before = len(standin.token_requests)
    async with aiohttp.ClientSession() as session:
        first = await tokens.get(session)
        assert await tokens.get(session) == first
        assert len(standin.token_requests) == before + 1
        assert standin.token_requests[-1] == {"grant_type": "client_credentials", "client_id": "app-id",
                                              "client_secret": "app-secret",
                                              "scope": "https://api.botframework.com/.default"}
        now[0] += 3599 - 5 * 60 - 1         # still valid, more than 5 minutes left
        assert await tokens.get(session) == first
        now[0] += 2                          # within 5 minutes of expiry: renewed
        assert await tokens.get(session) != first
        assert len(standin.token_requests) == before + 2


# --- inbound tokens -------------------------------------------------------------------------------

async def test_a_valid_channel_token_is_accepted(standin):
    claims = await authenticator(standin).authenticate(
        standin.sign(), standin.service_url, "msteams")
    assert claims["aud"] == standin.app_id


@pytest.mark.parametrize("case", ["missing", "not bearer", "garbage", "expired", "wrong audience",
                                  "wrong issuer", "unknown key", "service url", "not endorsed",
                                  "no expiry", "hs256"])
async def test_bad_tokens_are_refused(standin, case):
    url, channel = standin.service_url, "msteams"
    header = {
        "missing": None,
        "not bearer": "Basic dXNlcjpwYXNz",
        "garbage": "Bearer not.a.jwt",
        "expired": standin.sign(lifetime=-6 * 60),
        "wrong audience": standin.sign(aud="someone-else"),
        "wrong issuer": standin.sign(iss="https://sts.windows.net/x/"),
        "unknown key": standin.sign(key=standin.unpublished),
        "service url": standin.sign(service_url="https://evil.example/"),
        "not endorsed": standin.sign(),
        "no expiry": standin.sign(exp=None),
        "hs256": "Bearer " + jwt.encode(
            {"iss": "https://api.botframework.com", "aud": standin.app_id, "exp": 9999999999,
             "serviceurl": url}, "s" * 32, algorithm="HS256", headers={"kid": standin.keys[0].kid}),
    }[case]
    if case == "not endorsed":
        channel = "slack"
    with pytest.raises(teams.Unauthorized):
        await authenticator(standin).authenticate(header, url, channel)


async def test_an_expired_token_within_the_leeway_is_accepted(standin):
    await authenticator(standin).authenticate(standin.sign(lifetime=-4 * 60), standin.service_url, "msteams")


async def test_keys_are_cached_and_refreshed_once_for_a_new_key(standin):
    now = [0.0]
    auth = authenticator(standin, clock=lambda: now[0])
    start = standin.metadata_fetches
    for _ in range(3):
        await auth.authenticate(standin.sign(), standin.service_url, "msteams")
    assert standin.metadata_fetches == start + 1
    rotated = SigningKey.generate("rotated-key")
    standin.keys.append(rotated)
    try:
        now[0] += 61
        await auth.authenticate(standin.sign(key=rotated), standin.service_url, "msteams")
        assert standin.metadata_fetches == start + 2
        with pytest.raises(teams.Unauthorized):       # an unknown key right after: no new fetch
            await auth.authenticate(standin.sign(key=standin.unpublished), standin.service_url, "msteams")
        assert standin.metadata_fetches == start + 2
        now[0] += 24 * 3600 + 1                        # a day later: fetched again
        await auth.authenticate(standin.sign(), standin.service_url, "msteams")
        assert standin.metadata_fetches == start + 3
    finally:
        standin.keys.remove(rotated)


async def test_unreachable_metadata_is_not_a_401():
    auth = teams.ChannelAuthenticator("app", "http://127.0.0.1:9/openid")
    with pytest.raises(teams.MetadataUnavailable):
        await auth.authenticate(standin_free_token(), "http://127.0.0.1:9/", "msteams")


def standin_free_token() -> str:
    """A token with a key id, for a validator that cannot fetch any keys."""
    return "Bearer " + jwt.encode({"a": 1}, "k" * 32, algorithm="HS256", headers={"kid": "k1"})


async def test_cached_keys_are_used_while_the_metadata_is_unreachable(standin):
    now = [0.0]
    auth = authenticator(standin, clock=lambda: now[0])
    await auth.authenticate(standin.sign(), standin.service_url, "msteams")
    auth.metadata_url = "http://127.0.0.1:9/openid"      # Microsoft is down
    now[0] += 24 * 3600 + 1
    await auth.authenticate(standin.sign(), standin.service_url, "msteams")
    with pytest.raises(teams.Unauthorized):
        await auth.authenticate(standin.sign(key=standin.unpublished), standin.service_url, "msteams")


# --- replies --------------------------------------------------------------------------------------

async def test_replies_go_to_the_conversation_as_replies_to_the_activity(standin):
    activity = standin.message("hei", conversation_id="19:abc@thread.tacv2;messageid=42")
    tokens = teams.AccessTokens("app-id", "app-secret", f"{standin.base_url}/token")
    async with aiohttp.ClientSession() as session:
        out = teams.TeamsOutput(activity, tokens, session)
        await out.send_text_message("ignored", "Fristen var 16. april.")
        await out.send_text_with_buttons("ignored", "Vil du sjekke?", [{"title": "Ja", "payload": "/affirm"}])
        await out.send_image_url("ignored", "https://example.org/a.png")
        adaptive = {"contentType": "application/vnd.microsoft.card.adaptive",
                    "content": {"type": "AdaptiveCard"}}
        await out.send_custom_json("ignored", {"attachments": [adaptive]})
    sent = standin.wait_for("19:abc@thread.tacv2;messageid=42", count=4, timeout=5)
    assert [s.reply_to_id for s in sent] == [activity["id"]] * 4
    assert all(s.authorization.startswith("Bearer standin-token-") for s in sent)
    text, buttons, image, custom = (s.activity for s in sent)
    assert text["text"] == "Fristen var 16. april." and text["type"] == "message"
    assert text["from"] == {"id": BOT_ID, "name": "Veileder"}
    assert text["recipient"]["id"] == activity["from"]["id"]
    assert text["conversation"]["id"] == "19:abc@thread.tacv2;messageid=42"
    assert buttons["attachments"][0]["content"]["buttons"][0]["type"] == "messageBack"
    assert image["attachments"][0]["content"]["images"] == [{"url": "https://example.org/a.png"}]
    assert custom["attachments"][0]["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert custom["replyToId"] == activity["id"]


async def test_a_failing_token_endpoint_does_not_break_the_dialogue(standin):
    activity = standin.message("hei")
    tokens = teams.AccessTokens("app-id", "app-secret", f"{standin.base_url}/no-such-endpoint")
    async with aiohttp.ClientSession() as session:
        await teams.TeamsOutput(activity, tokens, session).send_text_message("x", "hei")  # no exception
    assert standin.sent_to(activity["conversation"]["id"]) == []


# --- the app manifest template --------------------------------------------------------------------

def test_the_manifest_template_fills_in_to_a_teams_app():
    import json

    from testkit.servers import ROOT

    template = (ROOT / "deploy" / "teams" / "manifest.json").read_text(encoding="utf-8")
    filled = (template.replace("{{TEAMS_APP_ID}}", "11111111-2222-3333-4444-555555555555")
              .replace("{{BOT_HOST}}", "assistent.example.no")
              .replace("{{ORGANISATION_NAME}}", "Innovasjon Norge"))
    assert "{{" not in filled
    manifest = json.loads(filled)
    (bot,) = manifest["bots"]
    assert bot["botId"] == manifest["id"] == "11111111-2222-3333-4444-555555555555"
    assert set(bot["scopes"]) == {"personal", "team", "groupChat"}
    assert manifest["validDomains"] == ["assistent.example.no"]
    # Teams' limits on the texts
    assert len(manifest["name"]["short"]) <= 30 and len(manifest["name"]["full"]) <= 100
    assert len(manifest["description"]["short"]) <= 80 and len(manifest["description"]["full"]) <= 4000
    for command in bot["commandLists"][0]["commands"]:
        assert len(command["title"]) <= 32 and len(command["description"]) <= 128


@pytest.mark.parametrize("locale, expected", [("nn-NO", "nn"), ("nb-NO", "nb"), ("en-US", "en"),
                                              ("sv-SE", None), (None, None)])
def test_the_teams_locale_presets_the_language_of_the_answers(locale, expected):
    from components.teams import message_metadata
    from veileder.i18n import preset_language
    activity = {"type": "message", "locale": locale, "conversation": {"conversationType": "personal"}}
    assert preset_language(message_metadata(activity)) == expected

"""components/settings.py: one settings object, its README table, and a clear stop on an invalid
value, both for the settings and for the real start-up of a process."""
from __future__ import annotations

import ast
import os
import re
from datetime import datetime, timezone

import pytest

from components import credentials
from components.settings import InvalidSetting, Settings, get_settings, load_settings, main
from testkit.servers import ROOT

README = ROOT / "README.md"


# --- the README's table ---------------------------------------------------------------------------

def readme_rows() -> dict:
    """variable -> (default, meaning), from the table under "Configuration (environment ...)"."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Configuration (environment variables)", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0] in ("variable", "---"):
            continue
        name = re.fullmatch(r"`([A-Z0-9_]+)`", cells[0])
        assert name, f"one variable per row, in backticks: {line}"
        assert name.group(1) not in rows, f"{name.group(1)} twice in the README"
        rows[name.group(1)] = (cells[1], cells[2])
    return rows


def settings_rows() -> dict:
    return {Settings.env_name(field): (Settings.documented_default(field),
                                       info.field_info.description)
            for field, info in Settings.__fields__.items()}


def test_the_readme_table_lists_exactly_the_settings():
    readme, settings = readme_rows(), settings_rows()
    assert sorted(set(readme) - set(settings)) == [], "in the README, not in Settings"
    assert sorted(set(settings) - set(readme)) == [], "in Settings, not in the README"


@pytest.mark.parametrize("variable", sorted(settings_rows()))
def test_the_readme_gives_each_setting_its_default_and_meaning(variable):
    default, meaning = settings_rows()[variable]
    assert readme_rows()[variable] == (default, meaning), \
        f"README row should be: | `{variable}` | {default} | {meaning} |"


def test_every_setting_is_named_after_its_variable_and_documented():
    for field, info in Settings.__fields__.items():
        assert Settings.env_name(field) == field.upper()
        assert info.field_info.description, field
        assert "\n" not in info.field_info.description and "|" not in info.field_info.description
        if info.default is None:
            assert info.field_info.extra.get("unset"), f"{field}: say what unset means"


# --- values ---------------------------------------------------------------------------------------

def test_defaults():
    settings = load_settings({})
    assert settings.assistant_now is None
    assert settings.assistant_call_file == ROOT / "calls" / "innovasjonspartnerskap-2020.yml"
    assert settings.database_url == "sqlite:///build/rasa-tracker.db"
    assert settings.redis_url is None
    assert (settings.assistant_host, settings.action_port, settings.rasa_port,
            settings.web_port) == ("127.0.0.1", 5055, 5005, 8000)
    assert settings.assistant_rasa_url == "http://127.0.0.1:5005"
    assert settings.assistant_action_url == "http://127.0.0.1:5055"
    assert settings.assistant_public_rasa_url == "http://127.0.0.1:5005"
    assert settings.assistant_cors_origins == ["http://127.0.0.1:8000", "http://localhost:8000"]
    assert settings.enhetsregisteret_url == "https://data.brreg.no/enhetsregisteret/api"
    assert settings.rasa_enable_api is False and settings.rasa_auth_token is None


def test_the_staff_settings():
    settings = load_settings({})
    assert (settings.assistant_conversation_retention_days,
            settings.assistant_ticket_retention_days, settings.feedback_retention_days) \
        == (180, 365, 180)
    assert (settings.assistant_opening_hours, settings.assistant_office_timezone) \
        == ("08:00-16:00", "Europe/Oslo")
    assert settings.assistant_notify_webhook_url is None and settings.assistant_smtp_host is None
    assert (settings.assistant_smtp_port, settings.assistant_smtp_starttls) == (587, True)
    settings = load_settings({"ASSISTANT_CONVERSATION_RETENTION_DAYS": "90",
                              "ASSISTANT_FEEDBACK_RETENTION_DAYS": "30",
                              "ASSISTANT_SMTP_TO": "a@example.no, b@example.no,",
                              "ASSISTANT_OPENING_HOURS": " 9-15 "})
    assert settings.feedback_retention_days == 30
    assert settings.assistant_smtp_to == ["a@example.no", "b@example.no"]
    assert settings.assistant_opening_hours == "9-15"
    assert load_settings({"ASSISTANT_CONVERSATION_RETENTION_DAYS": "90"}) \
        .feedback_retention_days == 90
    hours = load_settings({"ASSISTANT_OPENING_HOURS": "09:00-15:30",
                           "ASSISTANT_OFFICE_TIMEZONE": "Europe/Stockholm"}).opening_hours()
    assert (hours.opens.isoformat(), hours.closes.isoformat(), hours.tz) \
        == ("09:00:00", "15:30:00", "Europe/Stockholm")


def test_urls_and_origins_follow_the_ports():
    settings = load_settings({"RASA_PORT": "6005", "ACTION_PORT": "6055", "WEB_PORT": "9000"})
    assert settings.assistant_rasa_url == settings.assistant_public_rasa_url \
        == "http://127.0.0.1:6005"
    assert settings.assistant_action_url == "http://127.0.0.1:6055"
    assert settings.assistant_cors_origins == ["http://127.0.0.1:9000", "http://localhost:9000"]


def test_explicit_urls_lose_their_trailing_slash():
    settings = load_settings({"ASSISTANT_RASA_URL": "http://rasa:5005/",
                              "ASSISTANT_PUBLIC_RASA_URL": "https://bot.example.no/rasa/",
                              "ENHETSREGISTERET_URL": "http://127.0.0.1:9/api/"})
    assert settings.assistant_rasa_url == "http://rasa:5005"
    assert settings.assistant_public_rasa_url == "https://bot.example.no/rasa"
    assert settings.enhetsregisteret_url == "http://127.0.0.1:9/api"


@pytest.mark.parametrize("raw, origins", [
    (" , ", ["http://127.0.0.1:8000", "http://localhost:8000"]),
    ("https://a.no/, https://b.no", ["https://a.no", "https://b.no"]),
    ("https://kommune.example.no", ["https://kommune.example.no"]),
])
def test_cors_origins_are_comma_separated(raw, origins):
    assert load_settings({"ASSISTANT_CORS_ORIGINS": raw}).assistant_cors_origins == origins


@pytest.mark.parametrize("value, expected", [
    ("2020-04-16T16:30:00+02:00", datetime(2020, 4, 16, 14, 30, tzinfo=timezone.utc)),
    ("2020-04-16T14:30:00Z", datetime(2020, 4, 16, 14, 30, tzinfo=timezone.utc)),
    (" 2020-04-16 16:30+02:00 ", datetime(2020, 4, 16, 14, 30, tzinfo=timezone.utc)),
    ("2020-04-16T16:30:00+0200", datetime(2020, 4, 16, 14, 30, tzinfo=timezone.utc)),
])
def test_the_clock(value, expected):
    settings = load_settings({"ASSISTANT_NOW": value})
    assert settings.now().tzinfo is not None and settings.now() == expected


@pytest.mark.parametrize("environ", [{}, {"ASSISTANT_NOW": ""}, {"ASSISTANT_NOW": "  "}])
def test_an_unset_or_empty_clock_is_the_real_clock(environ):
    before = datetime.now(timezone.utc)
    now = load_settings(environ).now()
    assert now.tzinfo is not None
    assert before <= now <= datetime.now(timezone.utc)


def test_empty_values_count_as_unset():
    settings = load_settings({"WEB_PORT": "", "ASSISTANT_DATABASE_URL": " ", "TEAMS_APP_ID": ""})
    assert settings.web_port == 8000
    assert settings.database_url == "sqlite:///build/rasa-tracker.db"
    assert settings.teams_app_id is None


@pytest.mark.parametrize("value, flag", [("true", True), ("1", True), ("yes", True),
                                         ("false", False), ("0", False)])
def test_rasa_enable_api_is_a_boolean(value, flag):
    assert load_settings({"RASA_ENABLE_API": value, "RASA_AUTH_TOKEN": "t"}).rasa_enable_api is flag


@pytest.mark.parametrize("token", [None, "", "  "])
def test_rasas_http_api_is_never_on_without_a_token(token):
    environ = {"RASA_ENABLE_API": "true"}
    if token is not None:
        environ["RASA_AUTH_TOKEN"] = token
    with pytest.raises(InvalidSetting) as error:
        load_settings(environ)
    assert error.value.variables == ["RASA_AUTH_TOKEN"]
    assert "RASA_ENABLE_API" in str(error.value)


def test_the_environment_is_read_as_a_mapping_is(monkeypatch):
    monkeypatch.setenv("WEB_PORT", "9000")
    monkeypatch.setenv("ASSISTANT_CORS_ORIGINS", "https://a.no/, https://b.no")
    monkeypatch.setenv("ASSISTANT_NOW", "2020-04-16T16:30:00Z")
    monkeypatch.setenv("TEAMS_APP_ID", "")
    environ = {k: os.environ[k] for k in ("WEB_PORT", "ASSISTANT_CORS_ORIGINS", "ASSISTANT_NOW",
                                          "TEAMS_APP_ID")}
    from_env, from_mapping = Settings(), load_settings(environ)
    for field in ("web_port", "assistant_cors_origins", "assistant_now", "teams_app_id"):
        assert getattr(from_env, field) == getattr(from_mapping, field), field
    assert load_settings() == from_env


def test_the_settings_are_read_once_and_follow_monkeypatch_in_tests(monkeypatch):
    monkeypatch.setenv("WEB_PORT", "9001")
    assert get_settings() is get_settings()
    assert get_settings().web_port == 9001
    monkeypatch.setenv("WEB_PORT", "9002")  # tests/conftest.py drops the cached settings
    assert get_settings().web_port == 9002


# --- invalid values stop with the variable's name -------------------------------------------------

@pytest.mark.parametrize("variable, value, words", [
    ("WEB_PORT", "åtte tusen", "not a valid integer"),
    ("RASA_PORT", "5005x", "not a valid integer"),
    ("ACTION_PORT", "70000", "less than or equal to 65535"),
    ("ASSISTANT_NOW", "2020-04-16T16:30:00", "mangler UTC-forskyvning"),
    ("ASSISTANT_NOW", "2020-04-16", "has no UTC offset"),
    ("ASSISTANT_NOW", "i morgen", "ikke et gyldig tidspunkt"),
    ("ASSISTANT_NOW", "2020-13-01T10:00:00+02:00", "not a valid date-time"),
    ("ASSISTANT_RASA_URL", "rasa:5005", "URL"),
    ("ENHETSREGISTERET_URL", "ftp://data.brreg.no", "URL scheme"),
    ("RASA_ENABLE_API", "kanskje", "boolean"),
    ("ASSISTANT_OPENING_HOURS", "16:00-08:00", "før den slutter"),
    ("ASSISTANT_OPENING_HOURS", "hele dagen", "is not a range of hours"),
    ("ASSISTANT_OFFICE_TIMEZONE", "Europe/Bergen", "ikke en kjent tidssone"),
    ("ASSISTANT_CONVERSATION_RETENTION_DAYS", "0", "greater than or equal to 1"),
    ("ASSISTANT_TICKET_RETENTION_DAYS", "ett år", "not a valid integer"),
    ("ASSISTANT_SMTP_PORT", "smtp", "not a valid integer"),
])
def test_an_invalid_value_names_the_variable(variable, value, words):
    with pytest.raises(InvalidSetting) as info:
        load_settings({variable: value})
    message = str(info.value)
    assert message.startswith(f"Ugyldig innstilling {variable}: ")
    assert value.strip() in message and words in message
    assert info.value.variables == [variable]
    assert isinstance(info.value, ValueError)


def test_a_webhook_url_must_be_http_and_is_never_shown():
    with pytest.raises(InvalidSetting) as info:
        load_settings({"ASSISTANT_NOTIFY_WEBHOOK_URL": "hooks.slack.com/hemmelig"})
    assert str(info.value).startswith("Ugyldig innstilling ASSISTANT_NOTIFY_WEBHOOK_URL: ")
    assert "http(s) URL" in str(info.value) and "hemmelig" not in str(info.value)


def test_every_invalid_value_is_named():
    with pytest.raises(InvalidSetting) as info:
        load_settings({"WEB_PORT": "x", "ASSISTANT_NOW": "i går"})
    assert sorted(info.value.variables) == ["ASSISTANT_NOW", "WEB_PORT"]
    assert len(str(info.value).splitlines()) == 2


def test_get_settings_raises_for_this_process_too(monkeypatch):
    monkeypatch.setenv("WEB_PORT", "http")
    with pytest.raises(InvalidSetting, match="Ugyldig innstilling WEB_PORT"):
        get_settings()


def test_secrets_are_never_shown(capsys, monkeypatch):
    secrets = {"ASSISTANT_DATABASE_URL": "postgresql://rasa:hemmelig1@db/rasa",
               "ASSISTANT_REDIS_URL": "redis://:hemmelig2@redis:6379/1",
               "TEAMS_APP_PASSWORD": "hemmelig3", "SLACK_BOT_TOKEN": "xoxb-hemmelig4",
               "SLACK_SIGNING_SECRET": "hemmelig5", "RASA_AUTH_TOKEN": "hemmelig6",
               "ASSISTANT_SMTP_PASSWORD": "hemmelig7",
               "ASSISTANT_NOTIFY_WEBHOOK_URL": "https://hooks.example/hemmelig8"}
    for name, value in secrets.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("TEAMS_APP_ID", "app")
    settings = get_settings()
    assert settings.database_url == secrets["ASSISTANT_DATABASE_URL"]
    assert settings.redis_url == secrets["ASSISTANT_REDIS_URL"]
    assert main(["--shell"]) == 0
    shown = repr(settings) + str(settings) + capsys.readouterr().out
    shown += credentials.render(settings)
    assert "hemmelig" not in shown
    assert "app_password: ${TEAMS_APP_PASSWORD}" in credentials.render(settings)
    with pytest.raises(InvalidSetting) as info:  # nor in an error about another variable
        load_settings(dict(secrets, WEB_PORT="x"))
    assert "hemmelig" not in str(info.value)


def test_the_channels_follow_the_settings():
    off = credentials.enabled_channels(load_settings({"TEAMS_APP_ID": "app"}))
    assert list(off) == [credentials.REST, credentials.SOCKETIO_CHANNEL]
    on = credentials.enabled_channels(load_settings({
        "TEAMS_APP_ID": "app", "TEAMS_APP_PASSWORD": "pw", "TEAMS_TENANT_ID": "",
        "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "SLACK_CHANNEL": "C1"}))
    assert on[credentials.TEAMS] == {"app_id": "${TEAMS_APP_ID}",
                                     "app_password": "${TEAMS_APP_PASSWORD}"}
    assert on[credentials.SLACK] == {"slack_token": "${SLACK_BOT_TOKEN}",
                                     "slack_signing_secret": "${SLACK_SIGNING_SECRET}",
                                     "slack_channel": "${SLACK_CHANNEL}"}


def test_the_lock_store_follows_the_settings():
    from rasa.core.lock_store import InMemoryLockStore

    from components.stores import lock_store_from_settings

    assert isinstance(lock_store_from_settings(load_settings({})), InMemoryLockStore)


def test_the_action_server_clock_and_call_follow_the_settings(call_copy, monkeypatch):
    from actions import clock

    monkeypatch.setenv("ASSISTANT_NOW", "2020-04-16T16:30:00+02:00")
    assert clock.now() == datetime(2020, 4, 16, 14, 30, tzinfo=timezone.utc)
    assert clock.call().belop.kroner == 75_000_000
    call_copy.write_text(call_copy.read_text(encoding="utf-8").replace(
        "75000000", "80000000").replace("75_000_000", "80_000_000"), encoding="utf-8")
    stat = call_copy.stat()
    os.utime(call_copy, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert clock.call().belop.kroner == 80_000_000  # the file is read again, no restart


# --- where the environment is read ----------------------------------------------------------------

def test_only_the_settings_module_reads_the_environment():
    readers = []
    for folder in ("veileder", "actions", "components", "web"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            if re.search(r"os\.environ|getenv\(", text):
                readers.append(path.relative_to(ROOT).as_posix())
    assert readers == ["components/settings.py"]


def test_the_settings_module_imports_no_rasa():
    tree = ast.parse((ROOT / "components" / "settings.py").read_text(encoding="utf-8"))
    names = {alias.name.split(".")[0] for node in ast.walk(tree)
             if isinstance(node, ast.Import) for alias in node.names}
    names |= {node.module.split(".")[0] for node in ast.walk(tree)
              if isinstance(node, ast.ImportFrom) and node.module}
    assert not names & {"rasa", "rasa_sdk", "fastapi", "starlette", "sqlalchemy"}


# --- a real start-up ------------------------------------------------------------------------------

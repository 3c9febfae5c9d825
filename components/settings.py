"""The settings of the assistant: one object, read from the environment and validated once.

Every environment variable the action server, Rasa's stores and channels, the web service and
``make run`` read is a field of :class:`Settings`, with its type, default and one line of
documentation; the README's configuration table lists the same variables and defaults (a test
checks it). A field is named after its variable in lower case (``ASSISTANT_NOW`` ->
``assistant_now``). A variable that is set but empty counts as unset.

Each process calls :func:`get_settings` at start-up; an invalid value raises
:class:`InvalidSetting`, whose message names the variable ("Ugyldig innstilling ASSISTANT_NOW:
..."), and the process stops. The domain modules (``veileder/``) never read the environment: the
adapters pass them what they need from here.

Secrets are :class:`~pydantic.SecretStr`: they never appear in a repr, an error or ``--shell``.

No Rasa imports here: the web service uses this module without loading Rasa. ::

    python -m components.settings --check   # validate; exit 2 with the variable's name if invalid
    python -m components.settings --shell   # the validated values as shell assignments (make run)
"""
from __future__ import annotations

import os
import re
import shlex
import sys
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, List, Literal, Mapping, Optional
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AnyHttpUrl, BaseSettings, Field, SecretStr, ValidationError, conint, validator

from veileder.call import DEFAULT_CALL_FILE, PROJECT_ROOT

if TYPE_CHECKING:
    from veileder.opening_hours import OpeningHours

DATABASE_ENV = "ASSISTANT_DATABASE_URL"

Port = conint(ge=1, le=65535)
Days = conint(ge=1, le=36500)

_CLOCK_EXAMPLE = "ISO 8601 med UTC-forskyvning, for eksempel 2020-04-16T16:30:00+02:00"
_CLOCK_EXAMPLE_EN = "ISO 8601 with a UTC offset, e.g. 2020-04-16T16:30:00+02:00"


class InvalidSetting(ValueError):
    """An environment variable has a value that is not allowed; the message names it."""

    def __init__(self, problems: Dict[str, str]) -> None:
        self.problems = problems  # variable -> what is wrong
        super().__init__("\n".join(f"Ugyldig innstilling {name}: {problem}"
                                   for name, problem in problems.items()))

    @property
    def variables(self) -> List[str]:
        return list(self.problems)


def parse_clock(raw: str) -> datetime:
    """An ISO 8601 date-time with a UTC offset ("Z" and "+0200" too), as an aware datetime.

    Raises ValueError with a Norwegian and English message when it is not one.
    """
    value = raw.strip()
    if value[-1:] in ("z", "Z"):  # Python 3.10's fromisoformat does not accept "Z" ...
        value = value[:-1] + "+00:00"
    value = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", value)  # ... nor "+0200"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{raw!r} er ikke et gyldig tidspunkt. Bruk {_CLOCK_EXAMPLE}, eller fjern variabelen "
            f"for å bruke den virkelige klokka. / {raw!r} is not a valid date-time. Use "
            f"{_CLOCK_EXAMPLE_EN}, or unset it to use the real clock."
        ) from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise ValueError(
            f"{raw!r} mangler UTC-forskyvning, så tidspunktet er tvetydig. Bruk "
            f"{_CLOCK_EXAMPLE}. / {raw!r} has no UTC offset, so the instant is ambiguous. "
            f"Use {_CLOCK_EXAMPLE_EN}."
        )
    return parsed


def _origins(raw: str) -> List[str]:
    return [o.strip().rstrip("/") for o in raw.split(",") if o.strip()]


class Settings(BaseSettings):
    """The environment variables of the assistant (README, "Configuration")."""

    # --- the call and the clock ---------------------------------------------------------------
    assistant_now: Optional[datetime] = Field(
        None, env="ASSISTANT_NOW", unset="real clock",
        description="the clock, ISO 8601 with a UTC offset (`2020-04-16T16:30:00+02:00`), for "
                    "tests and staff previews")
    assistant_call_file: Path = Field(
        DEFAULT_CALL_FILE, env="ASSISTANT_CALL_FILE",
        description="the call definition; a broken file stops start-up with the field's name")
    # --- storage ------------------------------------------------------------------------------
    assistant_database_url: SecretStr = Field(
        SecretStr("sqlite:///build/rasa-tracker.db"), env=DATABASE_ENV,
        description="tracker store; production e.g. "
                    "`postgresql://rasa:secret@127.0.0.1:5432/rasa`")
    assistant_redis_url: Optional[SecretStr] = Field(
        None, env="ASSISTANT_REDIS_URL", unset="unset (locks in memory)",
        description="lock store, and the Teams and Slack events already answered, for several "
                    "Rasa replicas, e.g. `redis://127.0.0.1:6379/1`")
    # --- servers ------------------------------------------------------------------------------
    assistant_host: str = Field(
        "127.0.0.1", env="ASSISTANT_HOST",
        description="interface the three servers bind to in `make run`")
    action_port: Port = Field(
        5055, env="ACTION_PORT", description="the action server's port in `make run`")
    rasa_port: Port = Field(5005, env="RASA_PORT", description="Rasa's port in `make run`")
    web_port: Port = Field(
        8000, env="WEB_PORT", description="the web service's port in `make run`")
    assistant_rasa_replicas: conint(ge=1, le=16) = Field(
        2, env="ASSISTANT_RASA_REPLICAS",
        description="Rasa replicas `make run-prod` starts, on `RASA_PORT`, `RASA_PORT`+1, ...; "
                    "more than one needs `ASSISTANT_REDIS_URL` and a PostgreSQL "
                    "`ASSISTANT_DATABASE_URL`")
    assistant_proxy_port: Port = Field(
        8080, env="ASSISTANT_PROXY_PORT",
        description="the port nginx listens on in `make run-prod`: the web service, and Rasa's "
                    "REST and socket.io channels")
    assistant_rasa_url: Optional[AnyHttpUrl] = Field(
        None, env="ASSISTANT_RASA_URL", unset="`http://127.0.0.1:` and `RASA_PORT`",
        description="where the web service finds Rasa")
    assistant_action_url: Optional[AnyHttpUrl] = Field(
        None, env="ASSISTANT_ACTION_URL", unset="`http://127.0.0.1:` and `ACTION_PORT`",
        description="where the web service finds the action server")
    assistant_public_rasa_url: Optional[str] = Field(
        None, env="ASSISTANT_PUBLIC_RASA_URL", unset="same as `ASSISTANT_RASA_URL`",
        description="Rasa's URL as browsers see it (behind a proxy); used by the page and its "
                    "Content-Security-Policy")
    assistant_cors_origins: Optional[List[str]] = Field(
        None, env="ASSISTANT_CORS_ORIGINS",
        unset="`http://127.0.0.1:8000,http://localhost:8000` (with `WEB_PORT`)",
        description="comma-separated origins allowed to call Rasa and the JSON API from a "
                    "browser; add every site that embeds the widget")
    # --- outside services ---------------------------------------------------------------------
    enhetsregisteret_url: AnyHttpUrl = Field(
        "https://data.brreg.no/enhetsregisteret/api", env="ENHETSREGISTERET_URL",
        description="the register for organisation numbers")
    # --- channels (components/credentials.py writes them as ${VAR} references for Rasa) ---------
    teams_app_id: Optional[str] = Field(
        None, env="TEAMS_APP_ID", unset="unset",
        description="Teams is on when this and `TEAMS_APP_PASSWORD` are set (`docs/teams.md`)")
    teams_app_password: Optional[SecretStr] = Field(
        None, env="TEAMS_APP_PASSWORD", unset="unset",
        description="the Teams app's client secret")
    teams_tenant_id: Optional[str] = Field(
        None, env="TEAMS_TENANT_ID", unset="unset (multi-tenant)",
        description="makes the Teams app single-tenant")
    teams_openid_metadata_url: Optional[str] = Field(
        None, env="TEAMS_OPENID_METADATA_URL", unset="unset (the Bot Framework's)",
        description="where the Bot Framework's signing keys are published; only tests change it")
    teams_token_url: Optional[str] = Field(
        None, env="TEAMS_TOKEN_URL", unset="unset (Microsoft's)",
        description="the Teams token URL; only tests change it")
    slack_bot_token: Optional[SecretStr] = Field(
        None, env="SLACK_BOT_TOKEN", unset="unset",
        description="Slack is on when this and `SLACK_SIGNING_SECRET` are set (`docs/slack.md`)")
    slack_signing_secret: Optional[SecretStr] = Field(
        None, env="SLACK_SIGNING_SECRET", unset="unset",
        description="the Slack app's signing secret")
    slack_channel: Optional[str] = Field(
        None, env="SLACK_CHANNEL", unset="unset",
        description="a Slack channel id where the bot answers every message, not just mentions")
    slack_language: Optional[Literal["nb", "nn", "en"]] = Field(
        None, env="SLACK_LANGUAGE", unset="unset (bokmål)",
        description="`nb`, `nn` or `en`: the language of Slack answers until a user's own "
                    "writing tells")
    slack_api_url: Optional[str] = Field(
        None, env="SLACK_API_URL", unset="unset (`https://slack.com/api/`)",
        description="Slack's Web API; only tests change it")
    # --- privacy and retention (components/records.py, components/retention.py) ----------------
    assistant_conversation_retention_days: Days = Field(
        180, env="ASSISTANT_CONVERSATION_RETENTION_DAYS",
        description="days a conversation is kept after its last message; then `make purge` "
                    "and the web service's daily job delete it")
    assistant_ticket_retention_days: Days = Field(
        365, env="ASSISTANT_TICKET_RETENTION_DAYS",
        description="days a ticket (a question for an adviser) is kept after it was last "
                    "changed")
    assistant_feedback_retention_days: Optional[Days] = Field(
        None, env="ASSISTANT_FEEDBACK_RETENTION_DAYS",
        unset="same as `ASSISTANT_CONVERSATION_RETENTION_DAYS`",
        description="days feedback on an answer (thumbs up or down, comment) is kept")
    # --- advisers: opening hours and notifications of new tickets (veileder/opening_hours.py) ---
    assistant_opening_hours: str = Field(
        "08:00-16:00", env="ASSISTANT_OPENING_HOURS",
        description="when advisers are at work, Monday to Friday except public holidays, "
                    "`HH:MM-HH:MM` in `ASSISTANT_OFFICE_TIMEZONE`")
    assistant_office_timezone: str = Field(
        "Europe/Oslo", env="ASSISTANT_OFFICE_TIMEZONE",
        description="the advisers' time zone (IANA name) for the opening hours")
    assistant_notify_webhook_url: Optional[SecretStr] = Field(
        None, env="ASSISTANT_NOTIFY_WEBHOOK_URL", unset="unset (no webhook)",
        description="a Slack incoming webhook or Teams workflow URL that gets a message for "
                    "every new ticket")
    assistant_smtp_host: Optional[str] = Field(
        None, env="ASSISTANT_SMTP_HOST", unset="unset (no e-mail)",
        description="SMTP server for e-mail about new tickets; needs `ASSISTANT_SMTP_FROM` and "
                    "`ASSISTANT_SMTP_TO`")
    assistant_smtp_port: Port = Field(
        587, env="ASSISTANT_SMTP_PORT", description="the SMTP server's port")
    assistant_smtp_user: Optional[str] = Field(
        None, env="ASSISTANT_SMTP_USER", unset="unset (no login)",
        description="the SMTP login's user name")
    assistant_smtp_password: Optional[SecretStr] = Field(
        None, env="ASSISTANT_SMTP_PASSWORD", unset="unset",
        description="the SMTP login's password")
    assistant_smtp_from: Optional[str] = Field(
        None, env="ASSISTANT_SMTP_FROM", unset="unset",
        description="the sender address of e-mail about new tickets")
    assistant_smtp_to: Optional[List[str]] = Field(
        None, env="ASSISTANT_SMTP_TO", unset="unset",
        description="comma-separated addresses that get e-mail about new tickets")
    assistant_smtp_starttls: bool = Field(
        True, env="ASSISTANT_SMTP_STARTTLS",
        description="upgrade the SMTP connection with STARTTLS before logging in")
    # --- staff pages (web/staff.py, web/auth.py) ----------------------------------------------
    assistant_staff_password_hash: Optional[SecretStr] = Field(
        None, env="ASSISTANT_STAFF_PASSWORD_HASH", unset="unset (no password login)",
        description="argon2 hash of the advisers' password for the staff pages at `/staff` "
                    "(`python -m web.auth hash` prints one)")
    assistant_staff_trusted_header: Optional[str] = Field(
        None, env="ASSISTANT_STAFF_TRUSTED_HEADER", unset="unset (no single sign-on)",
        description="a header with the signed-in user's name that a reverse proxy with single "
                    "sign-on sets, e.g. `X-Forwarded-User`; the proxy must remove it from "
                    "incoming requests")
    assistant_staff_trusted_proxies: Optional[List[str]] = Field(
        None, env="ASSISTANT_STAFF_TRUSTED_PROXIES", unset="unset (any address)",
        description="comma-separated addresses of the proxies whose trusted header counts")
    assistant_staff_session_secret: Optional[SecretStr] = Field(
        None, env="ASSISTANT_STAFF_SESSION_SECRET", unset="unset (random per process)",
        description="the key that signs the staff pages' session cookies; set it when several "
                    "processes serve the web service or sessions must survive a restart")
    assistant_staff_secure_cookie: bool = Field(
        False, env="ASSISTANT_STAFF_SECURE_COOKIE",
        description="mark the session cookie Secure (set it when the service is behind https)")
    # --- Rasa's HTTP API ------------------------------------------------------------------------
    rasa_enable_api: bool = Field(
        False, env="RASA_ENABLE_API",
        description="`make run` turns Rasa's HTTP API on when true; then `RASA_AUTH_TOKEN` "
                    "must be set")
    rasa_auth_token: Optional[SecretStr] = Field(
        None, env="RASA_AUTH_TOKEN", unset="unset",
        description="the token `make run` gives Rasa's HTTP API")

    class Config:
        case_sensitive = True
        allow_mutation = False

        @classmethod
        def customise_sources(cls, init_settings, env_settings, file_secret_settings):
            def environment(settings: BaseSettings) -> Dict[str, Any]:
                return {key: value for key, value in env_settings(settings).items()
                        if not (isinstance(value, str) and not value.strip())}
            return init_settings, environment

        @classmethod
        def parse_env_var(cls, field_name: str, raw_val: str) -> Any:
            # the one list (the CORS origins) is comma-separated, not JSON
            return raw_val

    # --- validation and derived defaults (fields are validated in the order above) ------------
    @validator("assistant_now", pre=True)
    def _clock(cls, value: Any) -> Any:
        return parse_clock(value) if isinstance(value, str) else value

    @validator("assistant_now")
    def _aware_clock(cls, value: Optional[datetime]) -> Optional[datetime]:
        if value is not None and value.utcoffset() is None:
            raise ValueError(f"{value.isoformat()!r} mangler UTC-forskyvning / has no UTC offset")
        return value

    @validator("assistant_rasa_url", always=True)
    def _rasa_url(cls, value: Optional[str], values: Dict[str, Any]) -> Optional[str]:
        if value is None and "rasa_port" in values:
            return f"http://127.0.0.1:{values['rasa_port']}"
        return value.rstrip("/") if value else value

    @validator("assistant_action_url", always=True)
    def _action_url(cls, value: Optional[str], values: Dict[str, Any]) -> Optional[str]:
        if value is None and "action_port" in values:
            return f"http://127.0.0.1:{values['action_port']}"
        return value.rstrip("/") if value else value

    @validator("assistant_public_rasa_url", always=True)
    def _public_rasa_url(cls, value: Optional[str], values: Dict[str, Any]) -> Optional[str]:
        value = (value or "").strip().rstrip("/")
        return value or values.get("assistant_rasa_url")

    @validator("assistant_cors_origins", pre=True, always=True)
    def _cors_origins(cls, value: Any, values: Dict[str, Any]) -> Any:
        origins = _origins(value) if isinstance(value, str) else list(value or [])
        if not origins and "web_port" in values:
            port = values["web_port"]
            return [f"http://127.0.0.1:{port}", f"http://localhost:{port}"]
        return origins

    @validator("assistant_notify_webhook_url")
    def _webhook_url(cls, value: Optional[SecretStr]) -> Optional[SecretStr]:
        if value is not None and not re.match(r"https?://[^/\s]+", value.get_secret_value()):
            raise ValueError("må være en http- eller https-adresse / must be an http(s) URL")
        return value

    @validator("assistant_smtp_to", pre=True)
    def _addresses(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [a.strip() for a in value.split(",") if a.strip()] or None
        return value

    @validator("assistant_staff_trusted_proxies", pre=True)
    def _proxies(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [a.strip() for a in value.split(",") if a.strip()] or None
        return value

    @validator("assistant_staff_trusted_header")
    def _header(cls, value: Optional[str]) -> Optional[str]:
        value = (value or "").strip()
        if value and not re.fullmatch(r"[A-Za-z0-9-]+", value):
            raise ValueError("må være et navn på en HTTP-header, for eksempel X-Forwarded-User "
                             "/ must be an HTTP header name")
        return value or None

    @validator("assistant_staff_password_hash")
    def _password_hash(cls, value: Optional[SecretStr]) -> Optional[SecretStr]:
        if value is not None and not value.get_secret_value().startswith("$argon2"):
            raise ValueError("må være en argon2-hash fra `python -m web.auth hash` / must be "
                             "an argon2 hash")
        return value

    @validator("assistant_opening_hours")
    def _opening_hours(cls, value: str) -> str:
        from veileder.opening_hours import parse_hours

        parse_hours(value)  # raises ValueError with a Norwegian message
        return value.strip()

    @validator("assistant_office_timezone")
    def _timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value.strip())
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} er ikke en kjent tidssone (bruk for eksempel "
                             f"Europe/Oslo) / not a known time zone") from None
        return value.strip()

    @validator("rasa_auth_token", always=True)
    def _api_needs_a_token(cls, value: Optional[SecretStr],
                           values: Dict[str, Any]) -> Optional[SecretStr]:
        if values.get("rasa_enable_api") and not (value and value.get_secret_value().strip()):
            raise ValueError("Rasas HTTP-API er slått på (RASA_ENABLE_API), men uten token. "
                             "Sett RASA_AUTH_TOKEN, eller slå API-et av. / RASA_ENABLE_API "
                             "needs RASA_AUTH_TOKEN.")
        return value

    @validator("enhetsregisteret_url")
    def _no_trailing_slash(cls, value: str) -> str:
        return value.rstrip("/")

    # --- what the adapters use ----------------------------------------------------------------
    def now(self) -> datetime:
        """``ASSISTANT_NOW`` when set, else the real clock (UTC)."""
        return self.assistant_now or datetime.now(timezone.utc)

    @property
    def database_url(self) -> str:
        """The tracker store's URL (it may hold a password: never log it as it is)."""
        return self.assistant_database_url.get_secret_value()

    @property
    def feedback_retention_days(self) -> int:
        """Days feedback is kept: its own setting, else the conversations'."""
        return self.assistant_feedback_retention_days or \
            self.assistant_conversation_retention_days

    def opening_hours(self) -> "OpeningHours":
        """The advisers' hours (``ASSISTANT_OPENING_HOURS`` in ``ASSISTANT_OFFICE_TIMEZONE``),
        for :mod:`veileder.opening_hours`."""
        from veileder.opening_hours import opening_hours

        return opening_hours(self.assistant_opening_hours, self.assistant_office_timezone)

    @property
    def redis_url(self) -> Optional[str]:
        return self.assistant_redis_url.get_secret_value() if self.assistant_redis_url else None

    @classmethod
    def env_name(cls, field: str) -> str:
        """The environment variable of a field: ``assistant_now`` -> ``ASSISTANT_NOW``."""
        return cls.__fields__[field].field_info.extra["env"]

    @classmethod
    def documented_default(cls, field: str) -> str:
        """The default as the README shows it: a value in backticks, or what unset means."""
        info = cls.__fields__[field]
        default = info.default
        if default is None:
            return info.field_info.extra["unset"]
        if isinstance(default, SecretStr):
            default = default.get_secret_value()
        elif isinstance(default, bool):
            default = "true" if default else "false"
        elif isinstance(default, Path):
            default = default.relative_to(PROJECT_ROOT).as_posix()
        return f"`{default}`"

    def shell(self) -> str:
        """``export NAME=value`` lines for every setting that is set, except secrets."""
        lines = []
        for name in self.__fields__:
            value = getattr(self, name)
            if value is None or isinstance(value, SecretStr):
                continue
            if isinstance(value, bool):
                text = "true" if value else "false"
            elif isinstance(value, datetime):
                text = value.isoformat()
            elif isinstance(value, list):
                text = ",".join(value)
            else:
                text = str(value)
            lines.append(f"export {self.env_name(name)}={shlex.quote(text)}")
        return "\n".join(lines) + "\n"


def _problem(field: str, message: str, environ: Mapping[str, str]) -> str:
    name = Settings.env_name(field)
    raw = environ.get(name)
    secret = Settings.__fields__[field].type_ is SecretStr
    if raw is not None and not secret and raw.strip() not in message:
        return f"{message} (verdien er {raw!r})"
    return message


def load_settings(environ: Optional[Mapping[str, str]] = None) -> Settings:
    """The settings from ``environ`` (default: this process's environment), validated.

    Raises :class:`InvalidSetting` naming every variable that is wrong.
    """
    try:
        if environ is None:
            return Settings()
        values = {name: environ.get(Settings.env_name(name)) for name in Settings.__fields__}
        return Settings(**{name: value if value is not None and value.strip()
                           else Settings.__fields__[name].default
                           for name, value in values.items()})
    except ValidationError as exc:
        shown = os.environ if environ is None else environ
        problems: Dict[str, str] = {}
        for error in exc.errors():
            field = str(error["loc"][0])
            name = Settings.env_name(field)
            problems.setdefault(name, _problem(field, error["msg"], shown))
        raise InvalidSetting(problems) from None


@lru_cache(maxsize=None)
def get_settings() -> Settings:
    """This process's settings, read and validated on the first call (at start-up)."""
    return load_settings()


def main(argv: Optional[List[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv not in (["--check"], ["--shell"]):
        print("usage: python -m components.settings --check | --shell", file=sys.stderr)
        return 64
    try:
        settings = load_settings()
    except InvalidSetting as exc:
        print(exc, file=sys.stderr)
        return 2
    if argv == ["--shell"]:
        sys.stdout.write(settings.shell())
    return 0


if __name__ == "__main__":
    sys.exit(main())

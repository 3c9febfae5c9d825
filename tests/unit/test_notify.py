"""components/notify.py against local stand-ins: an HTTP server on 127.0.0.1 that records the
webhook's requests (with scripted answers) and an aiosmtpd SMTP server (the ``mailbox`` fixture,
``testkit/smtp.py``). The ticket is stored before anyone is notified, and a failed notification
never loses it."""
from __future__ import annotations

import email
import email.policy
import json
import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pydantic import SecretStr

from components.notify import NotifyConfig, NotifyResult, create_ticket_and_notify, \
    ticket_message
from components.records import Records
from components.settings import load_settings
from testkit.servers import free_port

TIMEOUT, SLOW = 1.5, 4.0  # the client's timeout in the timeout tests; a reply slower than it
QUESTION = "Kan vi søke sammen med nabokommunen? Ring meg på 912 34 567"


class Webhook:
    """Records POSTs; answers each with the next scripted (status, delay), then 200."""

    def __init__(self, script=()):
        self.script = list(script)
        self.requests = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                outer.requests.append({"path": self.path, "json": json.loads(body),
                                       "type": self.headers.get("content-type")})
                status, delay = outer.script.pop(0) if outer.script else (200, 0)
                time.sleep(delay)
                try:
                    self.send_response(status)
                    self.send_header("content-length", "2")
                    self.end_headers()
                    self.wfile.write(b"ok")
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/hemmelig-nokkel"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def records(tmp_path):
    store = Records(f"sqlite:///{tmp_path / 'tracker.db'}")
    yield store
    store.engine.dispose()


def mail_config(port, **extra):
    values = dict(smtp_host="127.0.0.1", smtp_port=port, smtp_from="assistent@example.no",
                  smtp_to=("radgiver@example.no", "vakt@example.no"), smtp_starttls=False,
                  timeout=10.0, retry_wait=0.01)
    values.update(extra)
    return NotifyConfig(**values)


@pytest.mark.parametrize("consent,shown,hidden", [
    (True, ["Kontakt (brukeren har samtykket): Kari Nordmann <kari@vefsn.kommune.no>"], []),
    (False, ["Kontakt: ikke oppgitt"], ["Kari", "kari@vefsn.kommune.no"]),
])
async def test_the_webhook_gets_the_ticket(records, consent, shown, hidden):
    with Webhook() as hook:
        ticket, result = await create_ticket_and_notify(
            records, NotifyConfig(webhook_url=SecretStr(hook.url), retry_wait=0.01),
            "samtale-7", QUESTION, channel="socketio", name="Kari Nordmann",
            email="kari@vefsn.kommune.no", consent=consent)
    assert result == NotifyResult(webhook="ok", email="av")
    assert len(hook.requests) == 1 and hook.requests[0]["type"] == "application/json"
    text = hook.requests[0]["json"]["text"]
    assert list(hook.requests[0]["json"]) == ["text"]
    assert f"Ny henvendelse #{ticket.id} til en rådgiver" in text
    assert "Ring meg på [telefon]" in text and "912 34 567" not in text
    assert "Kanal: socketio. Samtale: samtale-7." in text
    for part in shown:
        assert part in text
    for part in hidden:
        assert part not in text


@pytest.mark.parametrize("script,result,requests", [
    ([(503, 0)], "ok", 2),                      # a server error: one retry
    ([(500, 0), (502, 0)], "feil: HTTP 502", 2),  # two: given up
    ([(404, 0)], "feil: HTTP 404", 1),          # a client error is not retried
    ([(400, 0)], "feil: HTTP 400", 1),
    ([(200, SLOW)], "ok", 2),                   # a timeout: one retry
    ([(200, SLOW), (200, SLOW)], "feil: ReadTimeout", 2),
])
async def test_the_webhook_is_retried_once_on_timeouts_and_server_errors(
        records, script, result, requests, caplog):
    with Webhook(script) as hook, caplog.at_level(logging.WARNING):
        config = NotifyConfig(webhook_url=SecretStr(hook.url), timeout=TIMEOUT, retry_wait=0.01)
        ticket, outcome = await create_ticket_and_notify(records, config, "s", "Hei")
    assert outcome.webhook == result
    assert len(hook.requests) == requests
    assert records.get_ticket(ticket.id) == ticket  # stored whatever happened
    assert "hemmelig" not in caplog.text
    assert ("feilet" in caplog.text) is (result != "ok")


async def test_the_email_reaches_the_advisers_with_a_login(records, mailbox):
    handler, port = mailbox
    config = mail_config(port, smtp_user="assistent",
                         smtp_password=SecretStr("hemmelig-passord"))
    ticket, result = await create_ticket_and_notify(
        records, config, "samtale-8", QUESTION, channel="rest", name="Kari Nordmann",
        email="kari@vefsn.kommune.no", consent=True)
    assert result == NotifyResult(webhook="av", email="ok")
    [message] = handler.messages
    assert message["from"] == "assistent@example.no"
    assert message["to"] == ["radgiver@example.no", "vakt@example.no"]
    assert message["login"] == b"assistent"
    mail = email.message_from_bytes(message["raw"], policy=email.policy.default)
    assert mail["Subject"] == f"Ny henvendelse #{ticket.id} til en rådgiver"
    assert mail["Reply-To"] == "kari@vefsn.kommune.no"
    body = mail.get_content()
    assert "Ring meg på [telefon]" in body and "912 34 567" not in body
    assert "Kari Nordmann <kari@vefsn.kommune.no>" in body


async def test_without_consent_the_email_has_no_name_and_no_reply_to(records, mailbox):
    handler, port = mailbox
    await create_ticket_and_notify(records, mail_config(port), "s", QUESTION,
                                   name="Kari Nordmann", email="kari@vefsn.kommune.no")
    [message] = handler.messages
    mail = email.message_from_bytes(message["raw"], policy=email.policy.default)
    body = mail.get_content()
    assert "Kontakt: ikke oppgitt" in body and "Ring meg på [telefon]" in body
    assert "Kari" not in body and "kari@" not in body
    assert mail["Reply-To"] is None and "kari@" not in message["data"]


@pytest.mark.parametrize("replies,result,delivered", [
    (["451 4.3.0 Prøv igjen senere"], "ok", 1),                  # temporary: one retry
    (["451 4.3.0 Prøv igjen", "452 4.3.1 Fullt"], "feil: SMTP 452", 0),
    (["554 5.7.1 Avvist"], "feil: SMTP 554", 0),                 # permanent: no retry
])
async def test_the_email_is_retried_once_on_a_temporary_error(records, mailbox, replies,
                                                             result, delivered):
    handler, port = mailbox
    handler.replies = list(replies)
    ticket, outcome = await create_ticket_and_notify(records, mail_config(port), "s", "Hei")
    assert outcome.email == result
    assert len(handler.messages) == delivered
    assert records.get_ticket(ticket.id) is not None


@pytest.mark.parametrize("config,result", [
    ({"smtp_user": "assistent", "smtp_password": SecretStr("feil-passord")},
     "feil: SMTP 535"),
    ({"smtp_starttls": True}, "feil: SMTPNotSupportedError"),  # never sent in clear
])
async def test_login_and_starttls_are_required_when_configured(records, mailbox, config,
                                                               result):
    handler, port = mailbox
    _, outcome = await create_ticket_and_notify(records, mail_config(port, **config), "s", "Hei")
    assert outcome.email == result and handler.messages == []


async def test_nothing_reachable_still_keeps_the_ticket(records, caplog):
    config = NotifyConfig(webhook_url=SecretStr(f"http://127.0.0.1:{free_port()}/hemmelig"),
                          smtp_host="127.0.0.1", smtp_port=free_port(),
                          smtp_password=SecretStr("hemmelig"), smtp_from="a@example.no",
                          smtp_to=("b@example.no",), smtp_starttls=False, timeout=1,
                          retry_wait=0.01)
    with caplog.at_level(logging.WARNING):
        ticket, outcome = await create_ticket_and_notify(records, config, "s", "Hei")
    assert outcome == NotifyResult(webhook="feil: ConnectError",
                                   email="feil: ConnectionRefusedError")
    assert [t.id for t in records.list_tickets()] == [ticket.id]
    assert "hemmelig" not in caplog.text and caplog.text.count("feilet") == 2


async def test_nothing_configured_sends_nothing(records):
    _, outcome = await create_ticket_and_notify(records, NotifyConfig(), "s", "Hei")
    assert outcome == NotifyResult(webhook="av", email="av")


def test_the_config_comes_from_the_settings():
    settings = load_settings({
        "ASSISTANT_NOTIFY_WEBHOOK_URL": "https://hooks.slack.com/services/T/B/x",
        "ASSISTANT_SMTP_HOST": "smtp.example.no", "ASSISTANT_SMTP_PORT": "2525",
        "ASSISTANT_SMTP_USER": "u", "ASSISTANT_SMTP_PASSWORD": "p",
        "ASSISTANT_SMTP_FROM": "a@example.no", "ASSISTANT_SMTP_TO": "b@example.no,c@example.no",
        "ASSISTANT_SMTP_STARTTLS": "false"})
    config = NotifyConfig.from_settings(settings)
    assert config.webhook_url.get_secret_value() == "https://hooks.slack.com/services/T/B/x"
    assert (config.smtp_host, config.smtp_port, config.smtp_user, config.smtp_from,
            config.smtp_to, config.smtp_starttls, config.email_on) == \
        ("smtp.example.no", 2525, "u", "a@example.no", ("b@example.no", "c@example.no"),
         False, True)
    assert NotifyConfig.from_settings(load_settings({"ASSISTANT_SMTP_HOST": "h"})).email_on \
        is False  # no sender or recipient: no e-mail


def test_the_message_without_contact_details(records):
    ticket = records.create_ticket("s", "Hei", channel=None)
    subject, text = ticket_message(ticket)
    assert subject == f"Ny henvendelse #{ticket.id} til en rådgiver"
    assert text.splitlines() == [
        f"Ny henvendelse #{ticket.id} til en rådgiver fra assistenten.",
        "Spørsmål: Hei",
        "Kanal: ukjent. Samtale: s.",
        "Kontakt: ikke oppgitt (brukeren har ikke samtykket til å lagre navn og e-post).",
    ]

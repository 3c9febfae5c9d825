"""Tell the advisers about a new ticket: a webhook (Slack or Teams) and/or e-mail over SMTP;
and send an adviser's answer to the user who left the ticket, by e-mail.

Configured by the settings (README, "Configuration"):

- ``ASSISTANT_NOTIFY_WEBHOOK_URL``: a Slack incoming webhook or a Teams workflow ("Post to a
  channel when a webhook request is received") URL. It gets ``POST {"text": "..."}``, which
  both accept.
- ``ASSISTANT_SMTP_HOST``, ``ASSISTANT_SMTP_PORT``, ``ASSISTANT_SMTP_USER``,
  ``ASSISTANT_SMTP_PASSWORD``, ``ASSISTANT_SMTP_FROM``, ``ASSISTANT_SMTP_TO``,
  ``ASSISTANT_SMTP_STARTTLS``: e-mail, sent with :mod:`smtplib` in a worker thread.

Each channel is tried twice at most: one retry after a timeout or a server error (HTTP 5xx; for
SMTP a lost connection or a temporary 4xx reply), with ``tenacity``. The message names the
ticket, the channel, the conversation and the (masked) question; the user's name and e-mail
address only when the user consented (the ticket holds them only then).

:func:`create_ticket_and_notify` is what the dialogue calls: it stores the ticket FIRST and then
notifies; a failed notification is logged (without the webhook URL or the password) and never
loses the ticket. :func:`send_answer` is what the staff pages call when an adviser answers a
ticket: over the same SMTP settings (``ASSISTANT_SMTP_TO`` is not needed for it), to the address
the user gave with consent; the answer is never logged. No Rasa imports.
"""
from __future__ import annotations

import asyncio
import logging
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Optional, Sequence, Tuple

import httpx
from pydantic import SecretStr
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt, wait_fixed

from components.records import Records, Ticket
from components.settings import Settings

logger = logging.getLogger(__name__)

TIMEOUT = 10.0
RETRY_WAIT = 1.0
OK, OFF = "ok", "av"


@dataclass(frozen=True)
class NotifyConfig:
    """Where notifications of new tickets go (from the settings: :meth:`from_settings`)."""

    webhook_url: Optional[SecretStr] = None
    smtp_host: Optional[str] = None
    smtp_port: int = 587
    smtp_user: Optional[str] = None
    smtp_password: Optional[SecretStr] = None
    smtp_from: Optional[str] = None
    smtp_to: Sequence[str] = ()
    smtp_starttls: bool = True
    timeout: float = TIMEOUT
    retry_wait: float = RETRY_WAIT

    @classmethod
    def from_settings(cls, settings: Settings) -> "NotifyConfig":
        return cls(webhook_url=settings.assistant_notify_webhook_url,
                   smtp_host=settings.assistant_smtp_host,
                   smtp_port=settings.assistant_smtp_port,
                   smtp_user=settings.assistant_smtp_user,
                   smtp_password=settings.assistant_smtp_password,
                   smtp_from=settings.assistant_smtp_from,
                   smtp_to=tuple(settings.assistant_smtp_to or ()),
                   smtp_starttls=settings.assistant_smtp_starttls)

    @property
    def email_on(self) -> bool:
        return bool(self.smtp_host and self.smtp_from and self.smtp_to)

    @property
    def can_send_mail(self) -> bool:
        """E-mail to one address (an answer to a user) is possible."""
        return bool(self.smtp_host and self.smtp_from)


@dataclass(frozen=True)
class NotifyResult:
    """Per channel: "ok", "av" (not configured) or "feil: <why>"."""

    webhook: str = OFF
    email: str = OFF


def ticket_message(ticket: Ticket) -> Tuple[str, str]:
    """(subject, text) of the notification. Name and e-mail only with consent."""
    subject = f"Ny henvendelse #{ticket.id} til en rådgiver"
    lines = [f"{subject} fra assistenten.",
             f"Spørsmål: {ticket.question}",
             f"Kanal: {ticket.channel or 'ukjent'}. Samtale: {ticket.sender_id}."]
    if ticket.consent and (ticket.name or ticket.email):
        who = " ".join(filter(None, [ticket.name, f"<{ticket.email}>" if ticket.email else None]))
        lines.append(f"Kontakt (brukeren har samtykket): {who}")
    else:
        lines.append("Kontakt: ikke oppgitt (brukeren har ikke samtykket til å lagre navn og "
                     "e-post).")
    return subject, "\n".join(lines)


# --- webhook ------------------------------------------------------------------------------------

class _ServerError(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(f"HTTP {status}")


def _transient_http(exc: BaseException) -> bool:
    return isinstance(exc, (httpx.TimeoutException, _ServerError))


async def send_webhook(url: str, text: str, *, timeout: float = TIMEOUT,
                       retry_wait: float = RETRY_WAIT) -> None:
    """POST ``{"text": text}``; one retry after a timeout or a 5xx. Raises on failure."""
    async for attempt in AsyncRetrying(stop=stop_after_attempt(2), wait=wait_fixed(retry_wait),
                                       retry=retry_if_exception(_transient_http), reraise=True):
        with attempt:
            async with httpx.AsyncClient(timeout=timeout) as client:
                resp = await client.post(url, json={"text": text})
            if resp.status_code >= 500:
                raise _ServerError(resp.status_code)
            if resp.status_code >= 400:
                raise RuntimeError(f"HTTP {resp.status_code}")


# --- e-mail -------------------------------------------------------------------------------------

def _transient_smtp(exc: BaseException) -> bool:
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    return isinstance(exc, (TimeoutError, smtplib.SMTPServerDisconnected, ConnectionError))


def _send_mail_once(config: NotifyConfig, message: EmailMessage) -> None:
    with smtplib.SMTP(config.smtp_host, config.smtp_port, timeout=config.timeout) as smtp:
        if config.smtp_starttls:
            smtp.starttls(context=ssl.create_default_context())
        if config.smtp_user:
            password = config.smtp_password.get_secret_value() if config.smtp_password else ""
            smtp.login(config.smtp_user, password)
        smtp.send_message(message)


async def send_mail(config: NotifyConfig, subject: str, text: str,
                    reply_to: Optional[str] = None,
                    to: Optional[Sequence[str]] = None) -> None:
    """Send the e-mail (to ``to``, default the advisers' ``smtp_to``) in a worker thread; one
    retry after a timeout or a temporary error."""
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = config.smtp_from
    message["To"] = ", ".join(to if to is not None else config.smtp_to)
    if reply_to:
        message["Reply-To"] = reply_to
    message.set_content(text)
    async for attempt in AsyncRetrying(stop=stop_after_attempt(2),
                                       wait=wait_fixed(config.retry_wait),
                                       retry=retry_if_exception(_transient_smtp), reraise=True):
        with attempt:
            await asyncio.to_thread(_send_mail_once, config, message)


# --- a new ticket -------------------------------------------------------------------------------

def _failure(exc: BaseException) -> str:
    """Why, in one line, with no URL or password (httpx puts the URL in its messages)."""
    if isinstance(exc, (_ServerError, RuntimeError)):
        return f"feil: {exc}"
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"feil: SMTP {exc.smtp_code}"
    return f"feil: {exc.__class__.__name__}"


async def notify_new_ticket(ticket: Ticket, config: NotifyConfig) -> NotifyResult:
    """Send the notification on every configured channel; failures are logged and returned,
    never raised."""
    subject, text = ticket_message(ticket)
    webhook = email = OFF
    if config.webhook_url:
        try:
            await send_webhook(config.webhook_url.get_secret_value(), text,
                               timeout=config.timeout, retry_wait=config.retry_wait)
            webhook = OK
        except Exception as exc:  # noqa: BLE001 - a failed notification must not stop anything
            webhook = _failure(exc)
            logger.warning("Varsel om henvendelse #%s til webhook feilet: %s", ticket.id, webhook)
    if config.email_on:
        reply_to = ticket.email if ticket.consent else None
        try:
            await send_mail(config, subject, text, reply_to=reply_to)
            email = OK
        except Exception as exc:  # noqa: BLE001
            email = _failure(exc)
            logger.warning("Varsel om henvendelse #%s på e-post feilet: %s", ticket.id, email)
    return NotifyResult(webhook=webhook, email=email)


async def create_ticket_and_notify(records: Records, config: NotifyConfig, sender_id: str,
                                   question: str, *, channel: Optional[str] = None,
                                   name: Optional[str] = None, email: Optional[str] = None,
                                   consent: bool = False) -> Tuple[Ticket, NotifyResult]:
    """Store the ticket (:meth:`Records.create_ticket`: masked, name and e-mail only with
    consent), then notify the advisers. Raises only when the ticket cannot be stored (or the
    input is invalid: ValueError); a failed notification is in the result and the log."""
    ticket = await asyncio.to_thread(records.create_ticket, sender_id, question,
                                     channel=channel, name=name, email=email, consent=consent)
    return ticket, await notify_new_ticket(ticket, config)


# --- an adviser's answer ------------------------------------------------------------------------

ANSWER_SUBJECT = "Svar fra Innovasjon Norge på spørsmålet ditt"


def answer_message(ticket: Ticket) -> Tuple[str, str]:
    """(subject, text) of the e-mail that takes the adviser's answer to the user."""
    name = f" {ticket.name}" if ticket.consent and ticket.name else ""
    lines = [f"Hei{name}!", "",
             "Du stilte et spørsmål til en rådgiver i Innovasjon Norge gjennom assistenten for "
             "utlysningen «75 millioner kroner til innovasjonspartnerskap». Her er svaret:", "",
             ticket.answer or "", "",
             "Spørsmålet ditt var:", f"«{ticket.question}»", "",
             "Lurer du på noe mer, kan du svare på denne e-posten eller spørre assistenten "
             "igjen.", "",
             "Med vennlig hilsen", "Innovasjon Norge", "",
             f"(Henvendelse nummer {ticket.id}.)"]
    return ANSWER_SUBJECT, "\n".join(lines)


async def send_answer(ticket: Ticket, config: NotifyConfig) -> str:
    """E-mail the ticket's answer to the address the user gave with consent: "ok", "av"
    (no address, no consent, no answer, or no SMTP settings) or "feil: <why>". Never raises;
    a failure is logged with the ticket's number and the reason, never the answer or the
    address."""
    if not (ticket.consent and ticket.email and ticket.answer and config.can_send_mail):
        return OFF
    subject, text = answer_message(ticket)
    try:
        await send_mail(config, subject, text, to=[ticket.email],
                        reply_to=", ".join(config.smtp_to) or None)
    except Exception as exc:  # noqa: BLE001 - the answer stays on the ticket
        reason = _failure(exc)
        logger.warning("Svaret på henvendelse #%s ble ikke sendt på e-post: %s", ticket.id,
                       reason)
        return reason
    return OK

"""A local SMTP stand-in for tests (aiosmtpd on 127.0.0.1): :class:`Mailbox` records what it
receives and can answer the first messages with scripted replies; :func:`check_login` accepts
one login (``assistent`` / ``hemmelig-passord``). The ``mailbox`` fixture in
``tests/conftest.py`` starts it on a free port."""
from __future__ import annotations

from aiosmtpd.smtp import AuthResult

USER, PASSWORD = b"assistent", b"hemmelig-passord"


class Mailbox:
    """aiosmtpd handler: records messages; answers the first ones with scripted replies."""

    def __init__(self, replies=()):
        self.replies = list(replies)
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        if self.replies:
            return self.replies.pop(0)
        self.messages.append({"from": envelope.mail_from, "to": envelope.rcpt_tos,
                              "data": envelope.content.decode("utf-8", "replace"),
                              "raw": envelope.content,
                              "login": session.auth_data})
        return "250 OK"


def check_login(server, session, envelope, mechanism, auth_data):
    ok = auth_data.login == USER and auth_data.password == PASSWORD
    return AuthResult(success=ok, handled=False, auth_data=auth_data.login if ok else None)

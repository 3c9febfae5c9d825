"""The clock and the call for the running action server (read once per message)."""
from __future__ import annotations

from datetime import datetime

from components.settings import get_settings
from veileder.call import Call, current_call


def now() -> datetime:
    """``ASSISTANT_NOW`` when set (tests, staff previews), else the real clock."""
    return get_settings().now()


def call() -> Call:
    """The call in ``ASSISTANT_CALL_FILE``, reloaded when the file changes."""
    return current_call(get_settings().assistant_call_file)


def check_configuration() -> None:
    """Fail at start-up, not at the first message, on an invalid setting or a broken call file."""
    get_settings()
    call()

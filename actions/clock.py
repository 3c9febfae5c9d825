"""The clock and the call for the running action server (read once per message)."""
from __future__ import annotations

from datetime import datetime

from veileder.call import Call, current_call
from veileder.deadline import now_from_env


def now() -> datetime:
    """``ASSISTANT_NOW`` when set (tests, staff previews), else the real clock."""
    return now_from_env()


def call() -> Call:
    return current_call()


def check_configuration() -> None:
    """Fail at start-up, not at the first message, on a broken call file or clock."""
    call()
    now()

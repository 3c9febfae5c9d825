"""One retry for the channels' outgoing calls (Bot Framework, Slack's Web API), with tenacity.

A call that times out or gets a 5xx is tried once more after a short backoff; a 429 is tried
once more after its ``Retry-After`` (seconds or an HTTP date, at most ``RETRY_AFTER_MAX``).
Anything else fails at once. The register client (``veileder/orgnr.py``) does the same with
urllib3's ``Retry``.

    async for attempt in retrying(RetryableStatus, asyncio.TimeoutError):
        with attempt:
            await post()            # raises RetryableStatus for a 429 or 5xx
"""
from __future__ import annotations

import email.utils
import time
from typing import Mapping, Optional, Type

from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt, wait_exponential
from tenacity.wait import wait_base

ATTEMPTS = 2           # the call and one retry
BACKOFF = 0.5          # seconds before the retry of a timeout or a 5xx
RETRY_AFTER_MAX = 10.0  # seconds: a longer Retry-After is cut


class RetryableStatus(Exception):
    """A 429 or 5xx answer; ``retry_after`` is the wait the server asked for, if any."""

    def __init__(self, status: int, retry_after: Optional[float] = None) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status
        self.retry_after = retry_after


def is_retryable(status: int) -> bool:
    return status == 429 or status >= 500


def retry_after(headers: Optional[Mapping[str, str]]) -> Optional[float]:
    """The ``Retry-After`` header in seconds (0 to ``RETRY_AFTER_MAX``), or None."""
    value = (headers or {}).get("Retry-After") or (headers or {}).get("retry-after")
    if not value:
        return None
    value = str(value).strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            seconds = email.utils.parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError):
            return None
    return min(max(seconds, 0.0), RETRY_AFTER_MAX)


class _WaitRetryAfter(wait_base):
    """The server's ``Retry-After`` when the failure carries one, else ``fallback``."""

    def __init__(self, fallback: wait_base) -> None:
        self.fallback = fallback

    def __call__(self, retry_state) -> float:  # type: ignore[no-untyped-def]
        error = retry_state.outcome.exception() if retry_state.outcome else None
        after = getattr(error, "retry_after", None)
        return after if after is not None else self.fallback(retry_state)


def retrying(*retry_on: Type[BaseException], attempts: int = ATTEMPTS,
             backoff: float = BACKOFF) -> AsyncRetrying:
    """Retry the block on the given exceptions; the last error is raised when all fail."""
    return AsyncRetrying(
        stop=stop_after_attempt(attempts),
        wait=_WaitRetryAfter(wait_exponential(multiplier=backoff, min=backoff,
                                              max=RETRY_AFTER_MAX)),
        retry=retry_if_exception(lambda error: isinstance(error, retry_on)),
        reraise=True,
    )

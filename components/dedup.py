"""Which Teams activities and Slack events were delivered already: in Redis or in memory.

Teams and Slack re-send an event they got no answer to in time; the channels answer it once.
With one Rasa process an in-memory :class:`~components.channels.SeenCache` is enough. With
several replicas behind a load balancer a re-sent event may reach another replica, so when
``ASSISTANT_REDIS_URL`` is set the keys are kept in Redis instead (``SET key 1 NX EX ttl``: the
first replica to set a key answers, the others see a duplicate), under the prefix
``innovasjon:seen:<channel>:``.

If Redis does not answer, the channel falls back to its in-memory cache for that event and logs
a warning: a re-send may then be answered twice, but no message is lost.
"""
from __future__ import annotations

import logging
from typing import Optional, Union

import redis

from components.channels import SeenCache
from components.settings import get_settings

logger = logging.getLogger(__name__)

KEY_PREFIX = "innovasjon:seen"
REDIS_TIMEOUT = 0.5  # seconds; Redis is local to the replicas


class RedisSeenCache:
    """Keys seen in the last ``ttl`` seconds, in Redis; the same API as ``SeenCache``."""

    def __init__(self, client: "redis.Redis", prefix: str, ttl: float = 3600.0,
                 fallback: Optional[SeenCache] = None) -> None:
        self.client = client
        self.prefix = prefix
        self.ttl = max(1, int(ttl))
        self.fallback = fallback or SeenCache(ttl=ttl)

    def check_and_add(self, *keys: Optional[str]) -> bool:
        """Record ``keys``; True when any of them was already there (a duplicate)."""
        keys_ = [k for k in keys if k]
        if not keys_:
            return False
        try:
            pipe = self.client.pipeline(transaction=False)
            for key in keys_:
                pipe.set(f"{self.prefix}:{key}", 1, nx=True, ex=self.ttl)
            fresh = pipe.execute()
        except redis.RedisError as error:
            logger.warning("Redis unavailable for de-duplication, using memory: %s",
                           type(error).__name__)
            return self.fallback.check_and_add(*keys_)
        self.fallback.check_and_add(*keys_)  # so that a later fallback still knows them
        return not all(fresh)

    def __contains__(self, key: str) -> bool:
        try:
            return bool(self.client.exists(f"{self.prefix}:{key}"))
        except redis.RedisError:
            return key in self.fallback


def redis_client(url: str) -> "redis.Redis":
    return redis.Redis.from_url(url, socket_timeout=REDIS_TIMEOUT,
                                socket_connect_timeout=REDIS_TIMEOUT)


def seen_cache(channel: str, ttl: float = 3600.0, maxsize: int = 10_000,
               redis_url: Optional[str] = None,
               prefix: str = KEY_PREFIX) -> Union[SeenCache, RedisSeenCache]:
    """The re-send cache of ``channel``: in Redis when ``redis_url`` (default: the setting
    ``ASSISTANT_REDIS_URL``) is set, else in memory."""
    url = redis_url or get_settings().redis_url
    memory = SeenCache(ttl=ttl, maxsize=maxsize)
    if not url:
        return memory
    return RedisSeenCache(redis_client(url), f"{prefix}:{channel}", ttl, fallback=memory)

"""Several Rasa replicas sharing one tracker database and one Redis, for the scale-out test and
bench/bench_latency.py.

:func:`running_replicas` starts one action server and ``n`` Rasa processes on free ports of
127.0.0.1, all with the same ``ASSISTANT_DATABASE_URL`` (PostgreSQL) and ``ASSISTANT_REDIS_URL``
(the lock store), and the shared model in models/. :func:`throwaway_redis` gives a Redis
database number for one run and flushes it afterwards.
"""
from __future__ import annotations

import subprocess
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, List, Optional

from testkit.databases import Unavailable
from testkit.servers import (ROOT, actions_command, free_port, process_env, rasa_command,
                             stop_all, wait_for, write_endpoints)

REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379


@contextmanager
def throwaway_redis(db: int = 13) -> Iterator[str]:
    """The URL of Redis database ``db`` on 127.0.0.1:6379, flushed before and after.

    Raises :class:`testkit.databases.Unavailable` when Redis does not answer."""
    import redis

    client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=db, socket_timeout=2,
                         socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as error:
        raise Unavailable(f"Redis at {REDIS_HOST}:{REDIS_PORT} not reachable "
                          f"({type(error).__name__}: {error})") from None
    client.flushdb()
    try:
        yield f"redis://{REDIS_HOST}:{REDIS_PORT}/{db}"
    finally:
        client.flushdb()
        client.close()


class Replicas:
    """The running processes: ``rasa_urls`` (one per replica), ``action_url``, ``procs``."""

    def __init__(self, rasa_urls: List[str], action_url: str,
                 procs: Dict[str, subprocess.Popen]) -> None:
        self.rasa_urls = rasa_urls
        self.action_url = action_url
        self.procs = procs


@contextmanager
def running_replicas(workdir: Path, replicas: int, database_url: str, redis_url: str,
                     env: Optional[Dict[str, str]] = None) -> Iterator[Replicas]:
    """One action server and ``replicas`` Rasa processes on 127.0.0.1 (REST channel, Rasa's
    HTTP API on for reading trackers), sharing ``database_url`` and ``redis_url``."""
    from components import credentials as channel_credentials
    from components.settings import load_settings

    workdir.mkdir(parents=True, exist_ok=True)
    action_port = free_port()
    rasa_ports = [free_port() for _ in range(replicas)]
    endpoints = write_endpoints(workdir, action_port)
    full_env = process_env({"ASSISTANT_DATABASE_URL": database_url,
                            "ASSISTANT_REDIS_URL": redis_url, **(env or {})})
    creds = channel_credentials.write(workdir / "credentials.yml", load_settings(full_env))
    commands = {"actions": (actions_command(action_port),
                            f"http://127.0.0.1:{action_port}/health")}
    for i, port in enumerate(rasa_ports):
        commands[f"rasa{i + 1}"] = (rasa_command(port, endpoints, creds),
                                    f"http://127.0.0.1:{port}/status")
    procs: Dict[str, subprocess.Popen] = {}
    try:
        for name, (command, _) in commands.items():
            log = (workdir / f"{name}.log").open("a")
            procs[name] = subprocess.Popen(command, cwd=ROOT, env=full_env, stdout=log,
                                           stderr=subprocess.STDOUT)
        for name, (_, ready_url) in commands.items():
            wait_for(ready_url, procs[name], workdir / f"{name}.log")
        yield Replicas([f"http://127.0.0.1:{p}" for p in rasa_ports],
                       f"http://127.0.0.1:{action_port}", procs)
    finally:
        stop_all(procs.values())

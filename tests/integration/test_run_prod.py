"""`make run-prod` (scripts/run-prod.sh): two Rasa replicas, the action server and the web service
behind nginx, against a throwaway PostgreSQL database and a Redis database, all on 127.0.0.1.
Through the proxy: the page and /readyz (web), REST turns (any replica), socket.io (sticky: its
long-polling session lives in one replica, so it only works when every request reaches that
one), and Rasa's HTTP API is not reachable. Skips when nginx, PostgreSQL or Redis is missing."""
from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import subprocess
import uuid
from pathlib import Path

import pytest
import requests

from components.settings import Settings
from testkit.databases import Unavailable, throwaway_postgres
from testkit.helpers import verdict_outcome
from testkit.replicas import throwaway_redis
from testkit.servers import ROOT, free_port, socketio_exchange, wait_for

pytestmark = [pytest.mark.model, pytest.mark.slow]
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def two_free_ports() -> int:
    """A port p with p + 1 free too (the second replica)."""
    for _ in range(50):
        port = free_port()
        try:
            with socket.socket() as s:
                s.bind(("127.0.0.1", port + 1))
            return port
        except OSError:
            continue
    raise RuntimeError("no two consecutive free ports")


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    if not NGINX:
        pytest.skip("nginx is not installed (scripts/install-proxy.sh installs it)")
    tmp = tmp_path_factory.mktemp("run-prod")
    try:
        with throwaway_postgres() as database_url, throwaway_redis(db=10) as redis_url:
            ports = {"RASA_PORT": two_free_ports(), "ACTION_PORT": free_port(),
                     "WEB_PORT": free_port(), "ASSISTANT_PROXY_PORT": free_port()}
            env = {k: v for k, v in os.environ.items() if k.lower() not in Settings.__fields__}
            env.update({name: str(port) for name, port in ports.items()},
                       RASA_TELEMETRY_ENABLED="false", ASSISTANT_DATABASE_URL=database_url,
                       ASSISTANT_REDIS_URL=redis_url, ASSISTANT_RASA_REPLICAS="2")
            log = tmp / "run-prod.log"
            proc = subprocess.Popen(["bash", "scripts/run-prod.sh"], cwd=ROOT, env=env,
                                    stdout=log.open("w"), stderr=subprocess.STDOUT,
                                    start_new_session=True)
            url = f"http://127.0.0.1:{ports['ASSISTANT_PROXY_PORT']}"
            try:
                for port in (ports["RASA_PORT"], ports["RASA_PORT"] + 1):
                    wait_for(f"http://127.0.0.1:{port}/", proc, log, timeout=300)
                wait_for(f"{url}/readyz", proc, log, timeout=120)
                yield url
            finally:
                os.killpg(proc.pid, signal.SIGINT)  # run-prod.sh's trap stops them all
                try:
                    proc.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait(timeout=10)
    except Unavailable as reason:
        pytest.skip(str(reason))


def test_rest_turns_through_the_proxy_keep_the_conversation(proxy):
    sender = uuid.uuid4().hex
    texts = []
    for text in ["Kan vi søke?", "Vi er Bodø kommune", "ja", "ja"]:
        resp = requests.post(f"{proxy}/webhooks/rest/webhook", timeout=90,
                             json={"sender": sender, "message": text})
        assert resp.status_code == 200, resp.text[:300]
        texts.append(" ".join(m.get("text", "") for m in resp.json()))
    assert "eligible" in [verdict_outcome(t) for t in texts], texts


def test_socketio_through_the_proxy_sticks_to_one_replica(proxy):
    replies = asyncio.run(socketio_exchange(proxy, ["Når er fristen?", "Hvor mye penger er det?"]))
    assert len(replies) == 2 and all(replies)
    assert "16. april 2020" in " ".join(m.get("text", "") for m in replies[0])


@pytest.mark.parametrize("path, status", [
    ("/", 200), ("/readyz", 200), ("/livez", 200),
    ("/conversations/x/tracker", 404), ("/model/parse", 404),
])
def test_the_proxy_routes_the_web_service_and_hides_rasas_api(proxy, path, status):
    assert requests.get(f"{proxy}{path}", timeout=20).status_code == status

"""The production start-up (``scripts/run.sh``, as ``make run`` does it): every server binds to
127.0.0.1 unless ``ASSISTANT_HOST`` says otherwise, and Rasa's HTTP API is off unless
``RASA_ENABLE_API`` is true, which needs ``RASA_AUTH_TOKEN`` (tests/unit/test_settings.py)."""
from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Dict, Set, Tuple

import pytest
import requests

from components.settings import Settings
from testkit.servers import ROOT, free_port, wait_for

pytestmark = [pytest.mark.model, pytest.mark.slow]

LISTEN = "0A"


def listening(port: int) -> Set[Tuple[str, str]]:
    """(table, local address) of every listening TCP socket on ``port``, from /proc/net."""
    found = set()
    for table in ("tcp", "tcp6"):
        path = Path("/proc/net") / table
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            address, hex_port = fields[1].rsplit(":", 1)
            if fields[3] == LISTEN and int(hex_port, 16) == port:
                found.add((table, address))
    return found


def _env(**values: str) -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k.lower() not in Settings.__fields__}
    env.update(RASA_TELEMETRY_ENABLED="false", **values)
    return env


def test_run_sh_refuses_rasas_api_without_a_token():
    proc = subprocess.run(["bash", "scripts/run.sh"], cwd=ROOT, capture_output=True, text=True,
                          env=_env(RASA_ENABLE_API="true"), timeout=120)
    assert proc.returncode != 0
    assert "Ugyldig innstilling RASA_AUTH_TOKEN" in proc.stderr


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux's /proc/net")
def test_run_sh_binds_to_localhost_with_rasas_api_off(tmp_path):
    ports = {"actions": free_port(), "rasa": free_port(), "web": free_port()}
    env = _env(ACTION_PORT=str(ports["actions"]), RASA_PORT=str(ports["rasa"]),
               WEB_PORT=str(ports["web"]),
               ASSISTANT_DATABASE_URL=f"sqlite:///{tmp_path / 'tracker.db'}")
    log = tmp_path / "run.log"
    proc = subprocess.Popen(["bash", "scripts/run.sh"], cwd=ROOT, env=env,
                            stdout=log.open("w"), stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        wait_for(f"http://127.0.0.1:{ports['web']}/readyz", proc, log, timeout=300)
        for name, port in ports.items():
            assert listening(port) == {("tcp", "0100007F")}, (name, listening(port))
        rasa = f"http://127.0.0.1:{ports['rasa']}"
        assert requests.get(f"{rasa}/", timeout=10).status_code == 200
        for path in ("/status", "/version", "/conversations/x/tracker", "/model/parse"):
            assert requests.get(f"{rasa}{path}", timeout=10).status_code == 404, path
        reply = requests.post(f"{rasa}/webhooks/rest/webhook", timeout=60,
                              json={"sender": "prod", "message": "Når er fristen?"})
        assert reply.status_code == 200 and "16. april 2020" in reply.text
    finally:
        os.killpg(proc.pid, signal.SIGINT)  # run.sh's trap stops all three
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
    time.sleep(1)
    assert all(not listening(port) for port in ports.values())

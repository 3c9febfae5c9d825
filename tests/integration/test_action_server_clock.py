"""The running action server reads its clock from ASSISTANT_NOW: deadline answers before, on
and after the deadline day, and a clear stop on an invalid clock."""
from __future__ import annotations

import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

from testkit.servers import BIN, ROOT, free_port, wait_for

pytestmark = pytest.mark.slow


@contextmanager
def action_server(tmp_path: Path, now: str):
    port = free_port()
    env = dict(os.environ, ASSISTANT_NOW=now, SANIC_HOST="127.0.0.1", RASA_TELEMETRY_ENABLED="false")
    log = tmp_path / f"actions-{port}.log"
    proc = subprocess.Popen(
        [str(BIN / "rasa"), "run", "actions", "-p", str(port), "--actions", "actions"],
        cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/health", proc, log, timeout=120)
        yield f"http://127.0.0.1:{port}/webhook"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def call_action(url: str, action: str, text: str) -> str:
    tracker = {
        "sender_id": "clock-test", "slots": {}, "events": [],
        "latest_message": {"text": text, "intent": {"name": "x", "confidence": 1.0}, "entities": []},
        "paused": False, "followup_action": None, "active_loop": {}, "latest_action_name": "action_listen",
    }
    resp = requests.post(url, json={"next_action": action, "tracker": tracker, "domain": {}}, timeout=30)
    assert resp.status_code == 200, resp.text
    return "\n".join(r.get("text") or "" for r in resp.json()["responses"])


CLOCKS = [
    # (clock, deadline status must contain, "16. april kl 16.40" must give)
    ("2020-04-13T12:00:00+02:00", "3 dager og 5 timer igjen", "rekker dere"),
    ("2020-04-16T14:45:00+02:00", "i dag kl. 17.00 – om 2 timer og 15 minutter", "rekker dere"),
    ("2020-04-16T17:01:00+02:00", "Fristen gikk ut torsdag 16. april 2020 kl. 17.00", "allerede vært"),
    ("2026-11-27T10:00:00+01:00", "Fristen gikk ut torsdag 16. april 2020 kl. 17.00", "allerede vært"),
]


@pytest.mark.parametrize("now,status,planned", CLOCKS, ids=[c[0] for c in CLOCKS])
def test_deadline_answers_follow_the_pinned_clock(tmp_path, now, status, planned):
    with action_server(tmp_path, now) as url:
        assert status in call_action(url, "action_deadline_status", "når er fristen?")
        answer = call_action(url, "action_check_submission_time", "rekker vi det om vi sender 16. april kl 16.40?")
        assert planned in answer
        late = call_action(url, "action_check_submission_time", "hva med 16. april kl 17.01?")
        assert "for sent" in late or "allerede vært" in late


def test_an_invalid_clock_stops_start_up_with_a_clear_error(tmp_path):
    env = dict(os.environ, ASSISTANT_NOW="i morgen tidlig", SANIC_HOST="127.0.0.1",
               RASA_TELEMETRY_ENABLED="false")
    proc = subprocess.run(
        [str(BIN / "rasa"), "run", "actions", "-p", str(free_port()), "--actions", "actions"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode != 0
    assert "ASSISTANT_NOW" in proc.stdout + proc.stderr

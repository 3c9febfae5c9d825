"""Start-up with an invalid setting: every process stops with the variable's name.

The settings themselves (types, defaults, the README's table) are tested in
tests/unit/test_settings.py; here the real processes are started on 127.0.0.1.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from components.settings import Settings
from testkit.servers import BIN, ROOT, free_port

def _env(**values):
    env = {k: v for k, v in os.environ.items() if k.lower() not in Settings.__fields__}
    env.update(RASA_TELEMETRY_ENABLED="false", PYTHONPATH=str(ROOT), **values)
    return env


@pytest.mark.parametrize("variable, value", [("WEB_PORT", "åtte tusen"),
                                             ("ASSISTANT_NOW", "2020-04-16T16:30:00")])
def test_the_check_stops_with_the_variables_name(variable, value):
    proc = subprocess.run([sys.executable, "-m", "components.settings", "--check"], cwd=ROOT,
                          env=_env(**{variable: value}), capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 2
    assert f"Ugyldig innstilling {variable}:" in proc.stderr


def test_the_shell_assignments_give_run_sh_the_validated_values():
    script = ('eval "$(' + sys.executable + ' -m components.settings --shell)" && '
              'echo "$ASSISTANT_HOST $RASA_PORT $ASSISTANT_RASA_URL $ASSISTANT_CORS_ORIGINS '
              '$RASA_ENABLE_API ${RASA_AUTH_TOKEN:-none}"')
    proc = subprocess.run(["bash", "-c", script], cwd=ROOT, capture_output=True, text=True,
                          env=_env(RASA_PORT="6005", ASSISTANT_CORS_ORIGINS="https://a.no/ ,x",
                                   RASA_ENABLE_API="yes", RASA_AUTH_TOKEN="t0ken"),
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["127.0.0.1", "6005", "http://127.0.0.1:6005",
                                   "https://a.no,x", "true", "t0ken"]


@pytest.mark.slow
@pytest.mark.parametrize("variable, value", [("WEB_PORT", "åtte tusen"),
                                             ("ASSISTANT_NOW", "2020-04-16T16:30:00")])
def test_the_web_service_does_not_start_on_an_invalid_setting(variable, value):
    proc = subprocess.run(
        [str(BIN / "uvicorn"), "web.app:app", "--host", "127.0.0.1", "--port", str(free_port()),
         "--ws", "none"],
        cwd=ROOT, env=_env(**{variable: value}), capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0
    assert f"Ugyldig innstilling {variable}:" in proc.stdout + proc.stderr


@pytest.mark.slow
def test_the_action_server_does_not_start_on_a_non_numeric_port():
    proc = subprocess.run(
        [str(BIN / "python"), "-m", "rasa_sdk", "-p", str(free_port()), "--actions", "actions"],
        cwd=ROOT, env=_env(ACTION_PORT="femti", SANIC_HOST="127.0.0.1"), capture_output=True,
        text=True, timeout=120)
    assert proc.returncode != 0
    assert "Ugyldig innstilling ACTION_PORT:" in proc.stdout + proc.stderr

"""``python -m components.rasa_cli`` is Rasa's command line with JAX kept out of the process:
TensorFlow loads without it (as its code allows) and Rasa's own commands run."""
from __future__ import annotations

import os
import subprocess
import sys

from testkit import ROOT

CHECK = """
import sys
from components import rasa_cli
rasa_cli.keep_out()
import tensorflow
assert sys.modules["jax"] is None, "jax was loaded"
assert sys.modules["tensorflow.lite.python.util"]._xla_computation is None
rasa_cli.main(["--version"])
"""


def test_rasa_runs_without_loading_jax():
    done = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True,
                          text=True, timeout=300,
                          env=dict(os.environ, RASA_TELEMETRY_ENABLED="false",
                                   TF_CPP_MIN_LOG_LEVEL="3"))
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Rasa Version" in done.stdout


def test_every_start_of_rasa_uses_it():
    starts = {"scripts/common.sh": "$bin/python -m components.rasa_cli run",
              "deploy/entrypoint.sh": "python -m components.rasa_cli run",
              "testkit/servers.py": '"-m", "components.rasa_cli", "run"'}
    for path, start in starts.items():
        text = (ROOT / path).read_text(encoding="utf-8")
        assert start in text, path
        assert "rasa run -" not in text.replace("`rasa run`", ""), path

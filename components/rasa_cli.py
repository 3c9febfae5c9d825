"""Rasa's command line without JAX: ``python -m components.rasa_cli run …`` is ``rasa run …``.

TensorFlow 2.12 imports JAX whenever it is installed (``tensorflow/lite/python/util.py``, to
convert JAX functions to TFLite, which Rasa never does), and TensorFlow's package requires JAX,
so it is always installed. The import costs every Rasa process about 110 MB of resident memory
and 2-4 s of start-up. This entry point marks JAX as not importable before Rasa imports
TensorFlow, which then goes on as its code allows for a missing JAX
(``except ImportError: _xla_computation = None``), and runs Rasa's own command line unchanged.

``scripts/common.sh`` (``make run``, ``make run-prod``), ``deploy/entrypoint.sh`` and ``testkit/``
start Rasa with it; plain ``rasa run`` works as well, with JAX loaded.
"""
from __future__ import annotations

import sys
from typing import Optional, Sequence

#: Modules that no part of the assistant uses and TensorFlow imports only if it can.
NOT_LOADED = ("jax",)


def keep_out() -> None:
    """Make ``import jax`` fail with ImportError in this process (unless it is loaded)."""
    for name in NOT_LOADED:
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]


def main(argv: Optional[Sequence[str]] = None) -> None:
    keep_out()
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *(sys.argv[1:] if argv is None else argv)]
    rasa_main()


if __name__ == "__main__":
    main()

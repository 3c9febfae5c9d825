"""What the tests and the benchmarks share: starting the real processes on 127.0.0.1
(``servers``), local stand-ins for Enhetsregisteret, Teams and Slack, helpers for action tests
with real trackers (``helpers``), and the NLU evaluation on the held-out set (``nlu_eval``).

Not part of the product: nothing in ``veileder/``, ``actions/``, ``components/`` or ``web/``
imports it.
"""
from pathlib import Path

#: The project root.
ROOT = Path(__file__).resolve().parent.parent

"""`make bench`: scripted eligibility dialogues against the running assistant.

Starts the action server and Rasa on 127.0.0.1 (free ports), plays each dialogue of
bench/data/eligibility_dialogues.yml over the REST channel and reports the share that ends with
the expected verdict. The dialogues were written apart from the training data.
"""
from __future__ import annotations

import sys
import tempfile
import time
import uuid
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers import running_assistant  # noqa: E402
from veileder.eligibility import OPENINGS  # noqa: E402

DIALOGUES = ROOT / "bench" / "data" / "eligibility_dialogues.yml"


def verdict_of(text: str):
    for outcome, opening in OPENINGS.items():
        if opening in text:
            return outcome
    return None


def play(assistant, dialogue) -> tuple:
    sender = uuid.uuid4().hex
    text = assistant.text(sender, dialogue["start"])
    transcript = [("user", dialogue["start"]), ("bot", text)]
    for reply in dialogue.get("replies", []):
        if verdict_of(text):
            break
        text = assistant.text(sender, reply)
        transcript += [("user", reply), ("bot", text)]
    return verdict_of(text), transcript


def main() -> int:
    dialogues = yaml.safe_load(DIALOGUES.read_text(encoding="utf-8"))["dialogues"]
    with tempfile.TemporaryDirectory() as tmp, running_assistant(Path(tmp)) as assistant:
        t0 = time.perf_counter()
        results = [(d, *play(assistant, d)) for d in dialogues]
        elapsed = time.perf_counter() - t0
    right = [r for r in results if r[1] == r[0]["expected"]]
    turns = sum(len(t) // 2 for _, _, t in results)
    print(f"\nEligibility dialogues: {len(right)}/{len(results)} with the right verdict "
          f"({len(right) / len(results):.1%}); goal 100%")
    print(f"({turns} user turns in {elapsed:.1f}s)")
    for dialogue, got, transcript in results:
        if got != dialogue["expected"]:
            print(f"\n- {dialogue['name']}: expected {dialogue['expected']}, got {got}")
            for who, line in transcript:
                print(f"    {who}: {line[:160]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

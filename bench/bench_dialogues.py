"""`make bench`: scripted eligibility dialogues against the running assistant.

Starts the action server and Rasa on 127.0.0.1 (free ports), plays each dialogue of the sets
below over the REST channel and reports, per set, the share that ends with the expected verdict.
The dialogues were written apart from the training data. ``eligibility_dialogues.yml`` was used
while the check was improved; ``eligibility_dialogues_fresh.yml`` was written afterwards by
someone who saw neither the training data nor the first set, as a fresh check.
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

SETS = [ROOT / "bench" / "data" / name
        for name in ("eligibility_dialogues.yml", "eligibility_dialogues_fresh.yml")]


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


def report(name: str, results, elapsed: float) -> None:
    right = [r for r in results if r[1] == r[0]["expected"]]
    turns = sum(len(t) // 2 for _, _, t in results)
    print(f"\nEligibility dialogues ({name}): {len(right)}/{len(results)} with the right verdict "
          f"({len(right) / len(results):.1%}); goal 100%")
    print(f"({turns} user turns in {elapsed:.1f}s)")
    for dialogue, got, transcript in results:
        if got != dialogue["expected"]:
            print(f"\n- {dialogue['name']}: expected {dialogue['expected']}, got {got}")
            for who, line in transcript:
                print(f"    {who}: {line[:160]!r}")


def main() -> int:
    sets = [(path.name, yaml.safe_load(path.read_text(encoding="utf-8"))["dialogues"])
            for path in SETS if path.exists()]
    with tempfile.TemporaryDirectory() as tmp, running_assistant(Path(tmp)) as assistant:
        for name, dialogues in sets:
            t0 = time.perf_counter()
            results = [(d, *play(assistant, d)) for d in dialogues]
            report(name, results, time.perf_counter() - t0)
    return 0


if __name__ == "__main__":
    sys.exit(main())

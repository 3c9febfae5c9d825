"""`make bench`: scripted eligibility dialogues against the running assistant.

Starts the action server and Rasa on 127.0.0.1 (free ports), plays each dialogue of the sets
below over the REST channel and reports, per set, the share that ends with the expected verdict.
The dialogues were written apart from the training data. ``eligibility_dialogues.yml`` was used
while the check was improved; ``eligibility_dialogues_fresh.yml`` was written afterwards by
someone who saw neither the training data nor the first set, as a fresh check.
``dialogues_issue10.yml`` (written apart from the code, the data and the earlier sets) adds what
a user expects of "answer what was asked first": ``max_turns``, the user messages (the first
included) within which the verdict must come; ``also_expect``, substrings the verdict's reply
must hold; ``reject_before_verdict``, substrings no reply before the verdict may hold (project
questions before the verdict); and a ``category`` to report by. A dialogue without these fields
only needs the right verdict before its replies run out.
"""
from __future__ import annotations

import sys
import tempfile
import time
import uuid
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from testkit.helpers import verdict_outcome  # noqa: E402
from testkit.servers import running_assistant  # noqa: E402

SETS = [ROOT / "bench" / "data" / name
        for name in ("eligibility_dialogues.yml", "eligibility_dialogues_fresh.yml",
                     "dialogues_issue10.yml")]


def verdict_of(text: str):
    """The verdict's outcome; after the deadline its first sentence also says that the deadline
    has passed ("Dere kan søke etter reglene, men fristen gikk ut …")."""
    return verdict_outcome(text)


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


def problems(dialogue, got, transcript) -> list:
    """What is wrong with a played dialogue; empty when it passed."""
    found = []
    if got != dialogue["expected"]:
        found.append(f"expected {dialogue['expected']}, got {got}")
    if got is None:
        return found
    bot = [line for who, line in transcript if who == "bot"]
    turns = len(bot)  # the verdict is in the last reply: one bot reply per user message
    limit = dialogue.get("max_turns")
    if limit is not None and turns > limit:
        found.append(f"verdict after {turns} user messages, allowed {limit}")
    verdict_reply = bot[-1].casefold()
    missing = [s for s in dialogue.get("also_expect", ()) if s.casefold() not in verdict_reply]
    if missing:
        found.append(f"verdict reply lacks {missing}")
    early = [s for s in dialogue.get("reject_before_verdict", ())
             if any(s.casefold() in line.casefold() for line in bot[:-1])]
    if early:
        found.append(f"asked before the verdict: {early}")
    return found


def report(name: str, results, elapsed: float) -> None:
    judged = [(d, got, t, problems(d, got, t)) for d, got, t in results]
    right = [j for j in judged if j[1] == j[0]["expected"]]
    passed = [j for j in judged if not j[3]]
    turns = sum(len(t) // 2 for _, _, t in results)
    print(f"\nEligibility dialogues ({name}): {len(right)}/{len(results)} with the right verdict "
          f"({len(right) / len(results):.1%}); {len(passed)}/{len(results)} pass every expectation "
          f"({len(passed) / len(results):.1%}); goal 100%")
    print(f"({turns} user turns in {elapsed:.1f}s)")
    groups = defaultdict(list)
    for j in judged:
        groups[j[0].get("category")].append(j)
    if len(groups) > 1:
        print("Per category (passed / all):")
        for category, js in sorted(groups.items(), key=lambda kv: str(kv[0])):
            print(f"  {category:<24} {sum(not j[3] for j in js)}/{len(js)}")
    for dialogue, got, transcript, found in judged:
        if found:
            print(f"\n- {dialogue['name']}: {'; '.join(found)}")
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

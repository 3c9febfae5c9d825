"""What a conversation costs in the tracker store: `python bench/bench_stored.py [N]`.

Starts the action server, Rasa (models/assistant.tar.gz) and the web service on 127.0.0.1 with a
fresh SQLite tracker store (testkit/servers.py), plays N scripted conversations (default 60) over
REST, then reads the store: events and bytes per conversation, and each event type's share of
the stored bytes (the ``data`` column, the event as JSON). Staff statistics read these rows, so
what is stored should be the conversation, not boilerplate.
"""
from __future__ import annotations

import sqlite3
import sys
import tempfile
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from testkit.servers import running_assistant  # noqa: E402

SCRIPTS = [
    ["hei", "Hva er utlysningen?", "Hvor mye penger er det?", "takk"],
    ["Når er fristen?", "Hva skal sendes inn?", "ha det"],
    ["Hvem kan søke?", "Kan bedrifter søke?", "Hva betyr gevinstpotensial?"],
    ["Kan vi søke?", "Vi er Vefsn kommune", "ja", "ja", "ja", "ja", "ja"],
    ["Hva slags prosjekter ser dere etter?", "Hvilke temaer er aktuelle?", "Hvor kan jeg lese mer?"],
    ["Jeg vil snakke med et menneske", "Hvem står bak utlysningen?"],
]


def main() -> int:
    conversations = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        with running_assistant(workdir) as assistant:
            for i in range(conversations):
                sender = uuid.uuid4().hex
                for text in SCRIPTS[i % len(SCRIPTS)]:
                    assistant.say(sender, text)
        with sqlite3.connect(workdir / "tracker.db") as db:
            rows = db.execute("SELECT sender_id, type_name, length(data) FROM events").fetchall()
    senders = {sender for sender, _, _ in rows}
    count = Counter(name for _, name, _ in rows)
    size = Counter()
    for _, name, length in rows:
        size[name] += length
    total = sum(size.values())
    n = len(senders)
    print(f"{n} conversations, {sum(len(s) for s in SCRIPTS) / len(SCRIPTS):.1f} messages each "
          f"on average; {len(rows) / n:.1f} events and {total / n / 1000:.1f} kB per conversation")
    print(f"{'event':18} {'events/conv':>11} {'kB/conv':>8} {'share':>6}")
    for name, nbytes in size.most_common():
        print(f"{name:18} {count[name] / n:11.1f} {nbytes / n / 1000:8.2f} {nbytes / total:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

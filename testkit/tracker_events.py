"""A tracker store of known content: rows in Rasa 3.6's SQLTrackerStore ``events`` format.

Rasa's ``SQLTrackerStore`` writes one row per event: ``id``, ``sender_id``, ``type_name``,
``timestamp`` (epoch seconds), ``intent_name`` (user events), ``action_name`` (the action's name
for action events, the slot's name for slot events) and ``data`` (the event as JSON, from
``Event.as_dict()``). These helpers write the same rows with plain inserts, so statistics can be
tested with exact counts and the benchmark can write 10,000 conversations in seconds.

A conversation is a list of steps, each a tuple::

    ("user", "Når er fristen?", "faq")            # text, intent
    ("bot", "Fristen er ...", "utter_faq/frist")  # text, the response key (or None)
    ("action", "action_answer_faq")
    ("slot", "elig_family", "municipality")
"""
from __future__ import annotations

import json
import random
from datetime import datetime
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

import sqlalchemy as sa
from sqlalchemy.engine import Engine

Step = Tuple[Any, ...]

metadata = sa.MetaData()
events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255), nullable=False, index=True),
    sa.Column("type_name", sa.String(255), nullable=False),
    sa.Column("timestamp", sa.Float),
    sa.Column("intent_name", sa.String(255)),
    sa.Column("action_name", sa.String(255)),
    sa.Column("data", sa.Text),
)


def event_rows(sender_id: str, start: datetime, steps: Sequence[Step],
               gap: float = 5.0) -> List[Dict[str, Any]]:
    """The ``events`` rows of one conversation that starts at ``start`` (aware), one step
    every ``gap`` seconds, opened by ``action_session_start`` and ``session_started`` as Rasa
    does."""
    t = start.timestamp()
    rows: List[Dict[str, Any]] = []

    def add(type_name: str, data: Dict[str, Any], intent: Optional[str] = None,
            action: Optional[str] = None) -> None:
        nonlocal t
        data = {"event": type_name, "timestamp": t, **data}
        rows.append({"sender_id": sender_id, "type_name": type_name, "timestamp": t,
                     "intent_name": intent, "action_name": action, "data": json.dumps(data)})
        t += gap

    add("action", {"name": "action_session_start", "policy": None, "confidence": None},
        action="action_session_start")
    add("session_started", {})
    for step in steps:
        kind = step[0]
        if kind == "user":
            _, text, intent = step
            parse = {"intent": {"name": intent, "confidence": 0.9}, "entities": [], "text": text}
            add("action", {"name": "action_listen"}, action="action_listen")
            add("user", {"text": text, "parse_data": parse, "input_channel": "socketio",
                         "metadata": {}}, intent=intent)
        elif kind == "bot":
            _, text, response = step
            add("bot", {"metadata": {"utter_action": response} if response else {},
                        "text": text, "data": {}})
        elif kind == "action":
            add("action", {"name": step[1], "policy": "RulePolicy", "confidence": 1.0},
                action=step[1])
        elif kind == "slot":
            add("slot", {"name": step[1], "value": step[2]}, action=step[1])
        else:
            raise ValueError(f"unknown step {step!r}")
    return rows


def write(engine: Union[Engine, str], conversations: Iterable[Tuple[str, datetime,
                                                                      Sequence[Step]]],
          in_time_order: bool = False) -> int:
    """Write ``(sender_id, start, steps)`` conversations; the number of rows written.
    ``in_time_order``: the rows of all conversations in the order of their timestamps, as
    Rasa appends them while the conversations run side by side (the ids then follow time);
    else one conversation after the other."""
    engine = sa.create_engine(engine, future=True) if isinstance(engine, str) else engine
    metadata.create_all(engine, checkfirst=True)
    rows = [row for sender, start, steps in conversations
            for row in event_rows(sender, start, steps)]
    if in_time_order:
        rows.sort(key=lambda row: row["timestamp"])  # stable: a conversation keeps its order
    with engine.begin() as conn:
        for i in range(0, len(rows), 5000):
            conn.execute(events.insert(), rows[i:i + 5000])
    return len(rows)


# --- a realistic mix, for the benchmark ---------------------------------------------------------

FAQ = [("Når er fristen?", "utter_faq/frist"), ("Hvor mye penger er det?", "utter_faq/belop"),
       ("Hvem kan søke?", "utter_faq/hvem_kan_soke"), ("Hva er utlysningen?",
                                                        "utter_faq/om_utlysningen"),
       ("Hva må skissen inneholde?", "utter_faq/skisse"), ("Hvilke kriterier gjelder?",
                                                            "utter_faq/kriterier")]
UNKNOWN = ["Hvor mye kan hvert prosjekt få?", "Kommer det en ny runde neste år?",
           "Hvordan ser søknadsskjemaet ut?", "Hvor lang er behandlingstiden?"]
FALLBACK = ["asdf qwer", "hva med bananer", "kan dere ringe meg", "blåbærsyltetøy?"]
FAMILIES = ["municipality", "county", "state_agency", "health_trust", "company", "foundation"]


def generated(n: int, first_day: datetime, days: int = 30,
              seed: int = 7) -> Iterator[Tuple[str, datetime, List[Step]]]:
    """``n`` conversations spread over ``days`` days from ``first_day``: FAQ questions, questions
    the announcement does not answer, fallbacks, hand-offs and eligibility checks."""
    rng = random.Random(seed)
    for i in range(n):
        start = first_day.fromtimestamp(first_day.timestamp() + rng.uniform(0, days * 86400),
                                        first_day.tzinfo)
        steps: List[Step] = [("user", "hei", "greet"), ("bot", "Hei!", "utter_greet")]
        for _ in range(rng.randint(1, 4)):
            roll = rng.random()
            if roll < 0.6:
                text, key = rng.choice(FAQ)
                steps += [("user", text, "faq"), ("action", "action_answer_faq"),
                          ("bot", "Svar.", key)]
            elif roll < 0.75:
                text = rng.choice(UNKNOWN)
                steps += [("user", text, "ukjent"), ("bot", "Det står ikke i utlysningen.",
                                                     "utter_ukjent/neste_runde")]
            elif roll < 0.87:
                steps += [("user", rng.choice(FALLBACK), "nlu_fallback"),
                          ("action", "action_two_stage_fallback"), ("bot", "Mente du …?", None)]
            elif roll < 0.92:
                steps += [("user", "Kan jeg snakke med en person?", "human_handoff"),
                          ("action", "utter_human_handoff"), ("bot", "Ta kontakt.",
                                                              "utter_human_handoff")]
            else:
                family = rng.choice(FAMILIES)
                verdict = "Dere kan søke." if family in ("municipality", "county",
                                                         "state_agency") else \
                    "Dere kan ikke søke." if family == "company" else \
                    "Vi kan ikke avgjøre om dere kan søke."
                steps += [("user", "Kan vi søke?", "check_eligibility"),
                          ("action", "eligibility_form"), ("slot", "elig_family", family),
                          ("action", "action_eligibility_summary"), ("bot", verdict, None)]
        yield f"bench-{i:05d}", start, steps

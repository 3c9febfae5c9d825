"""Two Rasa replicas share one conversation (README "Drift og feil", several replicas).

Both replicas run the shared model against one throwaway PostgreSQL database (the tracker store,
dropped afterwards) and one Redis database (the lock store, flushed afterwards), with one action
server, all on 127.0.0.1 (testkit/replicas.py). The turns of one conversation alternate between
the replicas through the whole eligibility check, and the dialogue state stays right; two
messages sent at the same moment to one conversation, one to each replica, are handled one after
the other (the Redis lock), so the stored conversation has each answer after its own message.
"""
from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Dict, List

import pytest
import requests

from testkit.databases import Unavailable, throwaway_postgres
from testkit.helpers import verdict_outcome
from testkit.replicas import running_replicas, throwaway_redis


def say(url: str, sender: str, text: str) -> List[Dict]:
    resp = requests.post(f"{url}/webhooks/rest/webhook",
                         json={"sender": sender, "message": text}, timeout=90)
    assert resp.status_code == 200, (resp.status_code, resp.text[:300])
    return resp.json()


def tracker(url: str, sender: str) -> Dict:
    resp = requests.get(f"{url}/conversations/{sender}/tracker", timeout=30)
    assert resp.status_code == 200, resp.text[:300]
    return resp.json()


@pytest.fixture(scope="module")
def replicas(tmp_path_factory):
    try:
        with throwaway_postgres() as database_url, throwaway_redis(db=13) as redis_url:
            with running_replicas(tmp_path_factory.mktemp("replicas"), 2, database_url,
                                  redis_url) as running:
                yield running
    except Unavailable as reason:
        pytest.skip(str(reason))


@pytest.mark.model
@pytest.mark.slow
def test_one_conversation_alternating_between_replicas_reaches_the_verdict(replicas):
    sender = uuid.uuid4().hex
    first, second = replicas.rasa_urls
    texts = []
    replies = ["Vi er en stiftelse opprettet av Nordland fylkeskommune"] + ["ja"] * 8
    urls = [first, second]
    answer = "\n".join(m.get("text", "") for m in say(first, sender, "Kan vi søke?"))
    texts.append(answer)
    # the other replica sees the form the first one started
    assert tracker(second, sender)["active_loop"].get("name"), answer
    for turn, text in enumerate(replies, start=1):
        url = urls[turn % 2]
        answer = "\n".join(m.get("text", "") for m in say(url, sender, text))
        texts.append(answer)
        if verdict_outcome(answer):
            break
        # not yet a verdict: the replica that did not take the turn sees the form still going
        assert tracker(urls[(turn + 1) % 2], sender)["active_loop"].get("name"), answer
    assert verdict_outcome(texts[-1]) == "eligible", "\n---\n".join(texts)
    # both replicas read the same, finished conversation
    state = [tracker(url, sender) for url in urls]
    assert state[0]["events"] == state[1]["events"]
    users = [e["text"] for e in state[0]["events"] if e["event"] == "user"]
    assert users == ["Kan vi søke?"] + replies[:len(texts) - 1]
    assert not state[0]["active_loop"].get("name")


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("messages", [
    ("Når er fristen?", "Hvor mye penger er det?"),
    ("Hvem kan søke?", "Hva skal sendes inn?"),
])
def test_simultaneous_messages_to_one_conversation_are_handled_in_turn(replicas, messages):
    sender = uuid.uuid4().hex
    with ThreadPoolExecutor(max_workers=2) as pool:
        answers = list(pool.map(lambda pair: say(pair[0], sender, pair[1]),
                                zip(replicas.rasa_urls, messages)))
    assert all(answers), answers
    events = tracker(replicas.rasa_urls[0], sender)["events"]
    kinds = [e["event"] for e in events if e["event"] in ("user", "bot")]
    users = [e["text"] for e in events if e["event"] == "user"]
    assert sorted(users) == sorted(messages)
    # one whole turn, then the other: user, its answers, user, its answers
    assert kinds[0] == "user" and kinds.count("user") == 2
    second_user = kinds.index("user", 1)
    assert "bot" in kinds[1:second_user] and "bot" in kinds[second_user + 1:], kinds


def test_replicas_issue_distinct_tickets_for_a_new_conversation():
    """Two lock stores (two replicas) issuing tickets at once for one new conversation get
    distinct tickets, all in the one lock: Rasa's own RedisLockStore can hand out ticket 0
    twice (components/stores.py)."""
    from components.settings import load_settings
    from components.stores import lock_store_from_settings

    try:
        with throwaway_redis(db=11) as redis_url:
            stores = [lock_store_from_settings(load_settings({"ASSISTANT_REDIS_URL": redis_url}))
                      for _ in range(2)]
            conversation = uuid.uuid4().hex
            with ThreadPoolExecutor(max_workers=16) as pool:
                tickets = list(pool.map(lambda i: stores[i % 2].issue_ticket(conversation),
                                        range(32)))
            assert sorted(tickets) == list(range(32))
            lock = stores[0].get_lock(conversation)
            assert sorted(t.number for t in lock.tickets) == list(range(32))
    except Unavailable as reason:
        pytest.skip(str(reason))

"""Latency of answers with the call's facts filled in: `python bench/bench_nlg.py`.

Each way of putting the facts into an answer renders the same answers (every response in
``domain.yml``, in turn) in one conversation of ten turns, in the same run:

  templated+slots  Rasa's TemplatedNaturalLanguageGenerator with the facts as slots of the
                   conversation: the old design (36 slots set at session start and stored),
                   the baseline every ratio is against;
  in-process       components.nlg.CallFactsNLG, the facts computed for each answer with the
                   configured clock and call file (endpoints.yml uses this one);
  callback         Rasa's CallbackNaturalLanguageGenerator, an NLG server on 127.0.0.1 (another
                   process) rendering with CallFactsNLG: one HTTP request per answer, with the
                   conversation in its body, as an NLG endpoint in the web service or action
                   server would have;
  custom action    a round trip to the action server (action_deadline_status, whose text is
                   computed at answer time): what rendering every answer in a custom action
                   would add per answer (Rasa posts the conversation and the domain).

Prints the median and 95th percentile per answer and the ratio of medians to the baseline. No
result is asserted: timings depend on the machine. ``--quick`` runs fewer rounds.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Awaitable, Callable, Dict, List

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from testkit.servers import free_port, wait_for  # noqa: E402

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def serve_nlg(port: int) -> None:
    """The callback alternative: an NLG endpoint (Rasa's request format) over CallFactsNLG."""
    from aiohttp import web
    from rasa.shared.core.domain import Domain

    from components.nlg import CallFactsNLG

    nlg = CallFactsNLG(domain=Domain.load(str(ROOT / "domain.yml")))

    async def render(request: web.Request) -> web.Response:
        body = await request.json()
        slots = body["tracker"].get("slots") or {}
        arguments = {k: v for k, v in (body.get("arguments") or {}).items() if k != "response_id"}
        response = nlg.generate_from_slots(
            body["response"], slots, body["channel"]["name"], **arguments
        ) or {}
        return web.json_response({k: v for k, v in response.items() if k in RESPONSE_KEYS})

    async def health(_: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app = web.Application()
    app.router.add_post("/nlg", render)
    app.router.add_get("/health", health)
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


RESPONSE_KEYS = {"text", "buttons", "image", "elements", "attachments", "custom"}


def conversation(domain, extra_slots=(), extra_events=()):
    """Ten turns of a conversation: FAQ questions and answers, as Rasa stores them."""
    from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    events = [ActionExecuted("action_session_start"), SessionStarted(), *extra_events,
              ActionExecuted("action_listen")]
    for i in range(10):
        events += [
            UserUttered(f"spørsmål {i}", {"name": "faq", "confidence": 0.9}),
            ActionExecuted("action_answer_faq"),
            BotUttered("Svar " * 60, metadata={"utter_action": "utter_faq/belop"}),
            ActionExecuted("action_listen"),
        ]
    return DialogueStateTracker.from_events("bench", events, slots=[*domain.slots, *extra_slots])


async def timed(render: Callable[[str], Awaitable[object]], names: List[str], rounds: int) -> List[float]:
    for name in names[:5]:  # warm up
        await render(name)
    times = []
    for _ in range(rounds):
        for name in names:
            start = time.perf_counter()
            out = await render(name)
            times.append(time.perf_counter() - start)
            assert out, name
    return times


def summary(times: List[float]) -> Dict[str, float]:
    ordered = sorted(times)
    return {"median": statistics.median(ordered), "p95": ordered[int(0.95 * (len(ordered) - 1))]}


async def measure(quick: bool) -> Dict[str, Dict[str, float]]:
    from rasa.core.actions.action import RemoteAction
    from rasa.core.channels.channel import CollectingOutputChannel
    from rasa.core.nlg import CallbackNaturalLanguageGenerator, TemplatedNaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import SlotSet
    from rasa.shared.core.slots import TextSlot
    from rasa.utils.endpoints import EndpointConfig

    from actions import clock
    from components.nlg import CallFactsNLG
    from veileder.facts import fact_slots

    domain = Domain.load(str(ROOT / "domain.yml"))
    names = sorted(domain.responses)
    local_rounds, remote_rounds = (20, 3) if quick else (200, 20)
    results: Dict[str, Dict[str, float]] = {}

    # the old design: the facts as slots, set once at session start
    facts = fact_slots(clock.call(), clock.now())
    slots = [TextSlot(name, mappings=[{"type": "custom"}], influence_conversation=False)
             for name in facts]
    old = conversation(domain, slots, [SlotSet(k, v) for k, v in facts.items()])
    templated = TemplatedNaturalLanguageGenerator(domain.responses)
    results["templated+slots"] = summary(await timed(
        lambda n: templated.generate(n, old, "rest"), names, local_rounds))

    tracker = conversation(domain)
    in_process = CallFactsNLG(domain=domain)
    results["in-process"] = summary(await timed(
        lambda n: in_process.generate(n, tracker, "rest"), names, local_rounds))

    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    port = free_port()
    server = subprocess.Popen([sys.executable, __file__, "--serve-nlg", str(port)], cwd=ROOT,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{port}/health", server)
        callback = CallbackNaturalLanguageGenerator(EndpointConfig(f"http://127.0.0.1:{port}/nlg"))
        results["callback"] = summary(await timed(
            lambda n: callback.generate(n, tracker, "rest", domain_responses=domain.responses),
            names, remote_rounds))
    finally:
        server.terminate()
        server.wait(timeout=20)

    port = free_port()
    actions = subprocess.Popen(
        [str(Path(sys.executable).parent / "rasa"), "run", "actions", "-p", str(port),
         "--actions", "actions"], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{port}/health", actions)
        action = RemoteAction("action_deadline_status",
                              EndpointConfig(f"http://127.0.0.1:{port}/webhook"))
        channel = CollectingOutputChannel()

        async def run_action(_: str):
            return await action.run(channel, in_process, tracker, domain)

        results["custom action"] = summary(await timed(run_action, names, remote_rounds))
    finally:
        actions.terminate()
        actions.wait(timeout=20)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    parser.add_argument("--serve-nlg", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_nlg:
        serve_nlg(args.serve_nlg)
        return 0
    results = asyncio.run(measure(args.quick))
    base = results["templated+slots"]["median"]
    print("Answer rendering with the call's facts (per answer; ratio of medians to templated+slots)")
    print(f"{'':16} {'median':>10} {'p95':>10} {'ratio':>8}")
    for name, r in results.items():
        print(f"{name:16} {r['median'] * 1e3:8.3f}ms {r['p95'] * 1e3:8.3f}ms "
              f"{r['median'] / base:7.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

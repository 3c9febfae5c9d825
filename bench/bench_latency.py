"""`make bench`: answer latency, throughput, memory and start-up of the assistant, against a bare
Rasa 3.6 assistant (`rasa init`) measured in the same run; and two Rasa replicas against one.

    python bench/bench_latency.py

(a) The assistant as in production on one host: action server, Rasa and the web service on
127.0.0.1 (testkit/servers.py, the shared model in models/). (b) The baseline: `rasa init
--no-prompt` in a temporary folder, which also trains it (its training time), served by
`rasa run`. For both: per-message latency over the REST channel (p50, p95, p99) for sequential
messages in a realistic mix, the same with 8 and 32 concurrent conversations (bounded in count and
time), throughput, resident memory of every process (with its children), and the time from start
until the model answers. The assistant's training time is measured from scratch, into a temporary
folder with an empty training cache (about 3 minutes); BENCH_TRAIN=0 skips it.

Then: one profiled turn (pyinstrument, the model loaded in this process with the running action
server) and the held-out NLU accuracy from the same in-process model (testkit/nlu_eval.py); and,
when PostgreSQL and Redis answer on 127.0.0.1, the throughput of two Rasa replicas sharing them
against one (testkit/replicas.py). The results are merged into bench/results.json (generated,
git-ignored), keeping the other benches' keys.

Environment: BENCH_MESSAGES (sequential messages, default 500), BENCH_CONCURRENT_MESSAGES
(per concurrency level, default 200), BENCH_TIME_CAP (seconds per load run, default 180),
BENCH_TRAIN=0. The machine may be shared: the load average at start and end is in the output.
"""
from __future__ import annotations

import asyncio
import itertools
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

from testkit.bench_results import (  # noqa: E402
    CONCURRENCY, RESULTS, build_results, cpu_snapshot, cpu_use, percentiles, report,
    write_results)

BIN = Path(sys.executable).parent

# Realistic conversations: FAQ questions, eligibility-form turns, deadline checks, fallbacks.
ASSISTANT_SCRIPTS = [
    ["hei", "Hva er utlysningen?", "Hvor mye penger er det?", "Hva skal sendes inn?", "takk"],
    ["Når er fristen?", "Hvor lang tid har vi igjen?", "Hvem kan søke?"],
    ["Kan vi søke?", "Vi er en stiftelse opprettet av Nordland fylkeskommune", "ja", "ja", "ja",
     "ja"],
    ["Kan vi søke?", "Vi er Bodø kommune", "ja", "ja"],
    ["asdf qwerty zxcv", "blæææh 123", "Hva betyr gevinstpotensial?"],
    ["Når var fristen?", "Kan bedrifter søke?", "Jeg vil snakke med et menneske"],
]
# The same kind of mix in the bare assistant's own intents (moodbot), with gibberish.
BASELINE_SCRIPTS = [
    ["hello", "I am sad", "yes", "bye"],
    ["hi there", "I am great", "goodbye"],
    ["hey", "very bad", "no", "are you a bot?"],
    ["asdkjh qwpoe zzz", "good morning", "I am happy"],
]

_T0 = time.monotonic()


def progress(message: str) -> None:
    print(f"[{time.monotonic() - _T0:6.0f}s] {message}", flush=True)


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


# --- measuring ----------------------------------------------------------------------------------
def conversations(scripts: Sequence[Sequence[str]]) -> Iterator[Tuple[str, Sequence[str]]]:
    """(new sender, script) forever, cycling through the scripts."""
    for script in itertools.cycle(scripts):
        yield uuid.uuid4().hex, script


def say(session: requests.Session, url: str, sender: str, text: str) -> float:
    start = time.perf_counter()
    resp = session.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                        timeout=120)
    elapsed = time.perf_counter() - start
    resp.raise_for_status()
    return elapsed


def load_run(urls: Sequence[str], scripts: Sequence[Sequence[str]], workers: int, total: int,
             time_cap: float) -> Dict[str, Any]:
    """``workers`` conversations at a time (each worker plays whole conversations, one message
    after the other), until ``total`` messages are answered or ``time_cap`` seconds pass.
    Conversation ``i`` goes to ``urls[i % len(urls)]`` (a load balancer without stickiness)."""
    source = conversations(scripts)
    lock = threading.Lock()
    latencies: List[float] = []
    errors: List[str] = []
    counter = itertools.count()
    deadline = time.monotonic() + time_cap
    sent = [0]

    def worker() -> None:
        session = requests.Session()
        while True:
            with lock:
                sender, script = next(source)
                url = urls[next(counter) % len(urls)]
            for text in script:
                with lock:
                    if sent[0] >= total or time.monotonic() > deadline:
                        return
                    sent[0] += 1
                try:
                    took = say(session, url, sender, text)
                except requests.RequestException as error:
                    with lock:
                        errors.append(f"{type(error).__name__}: {error}"[:200])
                    continue
                with lock:
                    latencies.append(took)

    start = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    return {"latency_ms": percentiles(latencies), "messages": len(latencies),
            "errors": len(errors), "first_error": errors[0] if errors else None,
            "seconds": round(wall, 1),
            "throughput_msg_s": round(len(latencies) / wall, 2) if wall else None,
            "capped": len(latencies) + len(errors) < total}


def rss_mb(pids: Iterable[int]) -> Optional[float]:
    """Resident memory in MB of the processes and all their descendants (/proc VmRSS)."""
    seen, todo, total = set(), list(pids), 0
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
        for task in Path(f"/proc/{pid}/task").glob("*/children"):
            try:
                todo.extend(int(c) for c in task.read_text().split())
            except OSError:
                pass
    return round(total / 1024, 1) if seen else None


def measure(urls: Sequence[str], scripts, label: str) -> Dict[str, Any]:
    sequential = env_int("BENCH_MESSAGES", 500)
    concurrent = env_int("BENCH_CONCURRENT_MESSAGES", 200)
    cap = float(env_int("BENCH_TIME_CAP", 180))
    # warm up every process (the first turn loads lazily)
    load_run(urls, scripts, 1, sum(len(s) for s in scripts), cap)
    progress(f"{label}: {sequential} sequential messages")
    out: Dict[str, Any] = {}
    seq = load_run(urls, scripts, 1, sequential, cap * 2)
    out.update(latency_ms=seq["latency_ms"], throughput_msg_s=seq["throughput_msg_s"],
               sequential=seq)
    out["concurrent"] = {}
    for workers in CONCURRENCY:
        progress(f"{label}: {concurrent} messages, {workers} conversations at a time")
        out["concurrent"][str(workers)] = load_run(urls, scripts, workers, concurrent, cap)
    return out


def wait_ready(url: str, proc: subprocess.Popen, timeout: float = 600) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"{url}: the process exited with {proc.returncode}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return time.monotonic() - start
        except requests.RequestException:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"{url} not ready in {timeout}s")


# --- the two assistants -------------------------------------------------------------------------
def run_baseline(workdir: Path) -> Dict[str, Any]:
    from testkit.servers import free_port

    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2",
               SANIC_HOST="127.0.0.1")
    folder = workdir / "baseline"
    folder.mkdir()
    progress("baseline: `rasa init --no-prompt` (scaffolds and trains the bare assistant)")
    start = time.monotonic()
    with (workdir / "baseline-init.log").open("w") as log:
        subprocess.run([str(BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(folder)],
                       cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT, check=True)
    train_s = time.monotonic() - start
    progress(f"baseline: trained in {train_s:.0f}s; starting `rasa run`")
    port = free_port()
    with (workdir / "baseline-run.log").open("w") as log:
        proc = subprocess.Popen([str(BIN / "rasa"), "run", "-i", "127.0.0.1", "-p", str(port),
                                 "-m", "models"], cwd=folder, env=env, stdout=log,
                                stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        ready_s = wait_ready(f"{url}/", proc)
        progress(f"baseline: ready in {ready_s:.0f}s")
        out = measure([url], BASELINE_SCRIPTS, "baseline")
        out.update(rss_mb=rss_mb([proc.pid]), ready_s=round(ready_s, 1),
                   train_s=round(train_s, 1))
        return out
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def assistant_train_s(workdir: Path) -> Tuple[Optional[float], str]:
    if os.environ.get("BENCH_TRAIN", "1") == "0":
        return None, "not measured (BENCH_TRAIN=0)"
    progress("assistant: `rasa train` from scratch into a temporary folder")
    start = time.monotonic()
    # an empty training cache of its own: from scratch, as on a clean clone (the project's
    # .rasa/cache would make it a retraining of what changed)
    subprocess.run([str(BIN / "rasa"), "train", "--config", "config.yml", "--out",
                    str(workdir / "train"), "--quiet"], cwd=ROOT, check=True,
                   env=dict(os.environ, RASA_TELEMETRY_ENABLED="false",
                            RASA_CACHE_DIRECTORY=str(workdir / "train-cache")))
    return round(time.monotonic() - start, 1), "measured (rasa train from scratch)"


def run_assistant(workdir: Path) -> Dict[str, Any]:
    from testkit.servers import running_assistant

    progress("assistant: starting the action server, Rasa and the web service")
    start = time.monotonic()
    with running_assistant(workdir) as assistant:
        ready_s = time.monotonic() - start
        progress(f"assistant: ready in {ready_s:.0f}s")
        out = measure([assistant.rasa_url], ASSISTANT_SCRIPTS, "assistant")
        by_process = {name: rss_mb([proc.pid]) for name, proc in assistant.procs.items()}
        out.update(rss_mb=round(sum(v or 0 for v in by_process.values()), 1),
                   rss_mb_by_process=by_process, ready_s=round(ready_s, 1))
        progress("assistant: profiling a turn and scoring the held-out NLU set in-process")
        try:
            out["profile"], out["nlu"] = profile_and_nlu(workdir, workdir / "endpoints.yml")
        except Exception as error:  # the latency numbers are kept; the report names the error
            progress(f"assistant: profiling failed: {type(error).__name__}: {error}")
            out["profile"] = {"error": f"{type(error).__name__}: {error}"[:300]}
            out["nlu"] = {"accuracy": None}
    return out


# --- one profiled turn, and the held-out NLU set, with the model in this process ----------------
PROFILED_TURNS = ["Hva er utlysningen?", "Når er fristen?", "Kan vi søke?", "Vi er Bodø kommune"]


# the stages of one turn in Rasa: (function, file) pairs of pyinstrument's frames. A stage's
# time is that of its outermost frames; running actions holds the action server call, the
# validation of its answer and the responses. (Rasa 3.6's validation, jsonschema's `validate`
# with the schema checked again on every call, was the largest part of a turn: 70 % of the
# profiled time; components/action_validation.py builds the validator once.)
STAGES = [
    ("NLU pipeline", [("parse_message", "rasa/core/processor.py")]),
    ("dialogue policies", [("_predict_next_with_tracker", "rasa/core/processor.py")]),
    ("running actions (all of them)", [("_run_action", "rasa/core/processor.py")]),
    ("  of which: checking the action server's answer (jsonschema)",
     [("_validate_action_result", "rasa/core/actions/action.py"),
      ("validate_action_result", "components/action_validation.py")]),
    ("tracker store (read and write)", [("save", "rasa/core/tracker_store.py"),
                                        ("retrieve", "rasa/core/tracker_store.py"),
                                        ("retrieve_full_tracker", "rasa/core/tracker_store.py")]),
]


def stage_shares(root, total: float) -> List[Dict[str, Any]]:
    """Each stage's time and share of the profiled time, in the order of STAGES."""
    out = []
    for name, functions in STAGES:
        spent = 0.0

        def walk(frame) -> None:
            nonlocal spent
            path = frame.file_path_short or ""
            if any(frame.function == f and fragment in path for f, fragment in functions):
                spent += frame.time
                return
            for child in frame.children:
                walk(child)

        walk(root)
        out.append({"stage": name, "ms": round(spent * 1000, 1),
                    "share": round(spent / total, 3) if total else None})
    return out


def hottest_functions(root, total: float, top: int = 5) -> List[Dict[str, Any]]:
    """Functions by their own time (not in what they call), summed over the profile."""
    own: Dict[Tuple[str, str], float] = {}

    def walk(frame, parent=None) -> None:
        children = frame.children
        named = parent if frame.is_synthetic and parent is not None else frame  # [self]
        key = (named.function, named.code_position_short() or "")
        own[key] = own.get(key, 0.0) + frame.time - sum(c.time for c in children)
        for child in children:
            walk(child, frame)

    walk(root)
    ranked = sorted(own.items(), key=lambda kv: -kv[1])[:top]
    return [{"function": f, "where": w, "share": round(t / total, 3)}
            for (f, w), t in ranked if total]


def profile_and_nlu(workdir: Path, endpoints_file: Path) -> Tuple[Dict, Dict]:
    os.environ["ASSISTANT_DATABASE_URL"] = f"sqlite:///{workdir / 'profile.db'}"
    os.environ.pop("ASSISTANT_REDIS_URL", None)
    import logging

    from pyinstrument import Profiler
    from rasa.core.agent import load_agent
    from rasa.core.utils import AvailableEndpoints
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    from testkit import nlu_eval

    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)  # Rasa's structured debug lines of every parse

    async def run() -> Tuple[Dict, Dict]:
        agent = await load_agent(model_path=str(ROOT / "models" / "assistant.tar.gz"),
                                 endpoints=AvailableEndpoints.read_endpoints(str(endpoints_file)))
        # warm up with the same turns first: the first use of a lemma dictionary or a form
        # loads it (a one-off cost, measured separately as "first turns")
        start = time.perf_counter()
        for text in PROFILED_TURNS:
            await agent.handle_text(text, sender_id="warm-up")
        first_turns = time.perf_counter() - start
        profiler = Profiler(interval=0.001)
        profiler.start()
        sender = uuid.uuid4().hex
        for text in PROFILED_TURNS:
            await agent.handle_text(text, sender_id=sender)
        session = profiler.stop()
        total = session.duration
        text = profiler.output_text(unicode=False, color=False, show_all=False)
        profile = {"turns": len(PROFILED_TURNS), "seconds": round(total, 3),
                   "first_turns_ms": round(first_turns * 1000 / len(PROFILED_TURNS), 1),
                   "per_turn_ms": round(total * 1000 / len(PROFILED_TURNS), 1),
                   "stages": stage_shares(session.root_frame(), total),
                   "hottest": hottest_functions(session.root_frame(), total)}
        (workdir.parent / "profile.txt").write_text(text)
        examples = nlu_eval.load_examples()
        predicted = [nlu_eval.full_label(await agent.parse_message(t)) for t, _ in examples]
        scores = nlu_eval.score(examples, predicted)
        nlu = {"accuracy": round(scores.accuracy, 4), "macro_f1": round(scores.macro_f1, 4),
               "n": scores.n}
        return profile, nlu

    return asyncio.run(run())


# --- two replicas against one -------------------------------------------------------------------
def run_scale(workdir: Path) -> Dict[str, Any]:
    from testkit.databases import Unavailable, throwaway_postgres
    from testkit.replicas import running_replicas, throwaway_redis

    total = env_int("BENCH_CONCURRENT_MESSAGES", 200)
    cap = float(env_int("BENCH_TIME_CAP", 180))
    try:
        with throwaway_postgres() as database_url, throwaway_redis(db=12) as redis_url:
            progress("scale: starting two Rasa replicas and one action server "
                     "(PostgreSQL + Redis)")
            with running_replicas(workdir / "replicas", 2, database_url, redis_url) as running:
                urls = running.rasa_urls
                load_run(urls, ASSISTANT_SCRIPTS, 2, 20, cap)  # warm-up, both replicas
                out: Dict[str, Any] = {}
                for n in (1, 2):
                    progress(f"scale: {total} messages, 8 conversations at a time, {n} replica(s)")
                    before = cpu_snapshot(running.procs)
                    out[f"replicas_{n}"] = load_run(urls[:n], ASSISTANT_SCRIPTS, 8, total, cap)
                    out[f"replicas_{n}"]["cpu"] = cpu_use(before, cpu_snapshot(running.procs),
                                                          out[f"replicas_{n}"]["messages"])
                one = out["replicas_1"]["throughput_msg_s"]
                two = out["replicas_2"]["throughput_msg_s"]
                out["replicas_2"]["throughput_ratio"] = round(two / one, 2) if one else None
                out["cpus"] = os.cpu_count()
                return out
    except Unavailable as reason:
        progress(f"scale: skipped ({reason})")
        return {"skipped": str(reason), "replicas_2": {"throughput_ratio": None}}


# --- results ------------------------------------------------------------------------------------
def main() -> int:
    loadavg_start = list(os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="bench-latency-") as tmp:
        workdir = Path(tmp)
        (workdir / "assistant").mkdir()
        baseline = run_baseline(workdir)
        train = assistant_train_s(workdir)
        assistant = run_assistant(workdir / "assistant")
        scale = run_scale(workdir)
        results = build_results(assistant, baseline, scale, train)
        results["machine"]["loadavg_start"] = loadavg_start
        profile_text = (workdir / "profile.txt").read_text() \
            if (workdir / "profile.txt").exists() else ""
    print(report(results))
    write_results(results)
    if profile_text:
        print("\npyinstrument, the profiled turns (first 40 lines):")
        print("\n".join(profile_text.splitlines()[:40]))
    print(f"\nwritten: {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

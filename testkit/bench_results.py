"""The results of bench/bench_latency.py: percentiles, the nested results with ratios to the
baseline, merging into bench/results.json (other benches' keys stay) and the printed table.
Shared by the bench and its unit test (tests/unit/test_bench_latency.py)."""
from __future__ import annotations

import json
import os
import statistics
import subprocess
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Dict, Optional, Sequence, Tuple

from testkit import ROOT

RESULTS = ROOT / "bench" / "results.json"
CONCURRENCY = (8, 32)


def percentiles(latencies: Sequence[float]) -> Dict[str, Optional[float]]:
    """p50, p95, p99 and mean in milliseconds of latencies in seconds."""
    if not latencies:
        return {"p50": None, "p95": None, "p99": None, "mean": None, "n": 0}
    ms = [x * 1000 for x in latencies]
    if len(ms) == 1:
        cuts = ms * 99
    else:
        cuts = statistics.quantiles(ms, n=100, method="inclusive")
    return {"p50": round(cuts[49], 1), "p95": round(cuts[94], 1), "p99": round(cuts[98], 1),
            "mean": round(statistics.fmean(ms), 1), "n": len(ms)}


def ratio(a: Optional[float], b: Optional[float]) -> Optional[float]:
    return round(a / b, 2) if a is not None and b else None


def build_results(assistant: Dict, baseline: Dict, scale: Dict, train: Tuple) -> Dict[str, Any]:
    """The nested results: ``assistant``, ``baseline``, ``ratios``, ``nlu``, ``scale``,
    ``profile`` and ``machine``."""
    assistant = dict(assistant)
    profile = assistant.pop("profile", None)
    nlu = assistant.pop("nlu", {"accuracy": None})
    assistant["train_s"], assistant["train_note"] = train
    ratios = {f"latency_{p}": ratio(assistant["latency_ms"][p], baseline["latency_ms"][p])
              for p in ("p50", "p95", "p99")}
    for workers in CONCURRENCY:
        a = assistant["concurrent"][str(workers)]
        b = baseline["concurrent"][str(workers)]
        ratios[f"latency_p95_{workers}"] = ratio(a["latency_ms"]["p95"], b["latency_ms"]["p95"])
        ratios[f"throughput_{workers}"] = ratio(a["throughput_msg_s"], b["throughput_msg_s"])
    for key in ("throughput_msg_s", "rss_mb", "ready_s", "train_s"):
        ratios[key] = ratio(assistant.get(key), baseline.get(key))
    return {"assistant": assistant, "baseline": baseline, "ratios": ratios, "nlu": nlu,
            "scale": scale, "profile": profile,
            "latency_generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "machine": {"cpus": os.cpu_count(), "loadavg_end": list(os.getloadavg())}}


def deep_merge(old: Dict[str, Any], new: Dict[str, Any]) -> Dict[str, Any]:
    merged = dict(old)
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def write_results(results: Dict[str, Any], path: Path = RESULTS) -> Dict[str, Any]:
    """Merge ``results`` into ``path`` (other benches' keys stay) and return what was written."""
    try:
        old = json.loads(path.read_text())
    except (OSError, ValueError):
        old = {}
    merged = deep_merge(old, results)
    path.write_text(json.dumps(merged, indent=2, ensure_ascii=False, default=str) + "\n")
    return merged


def lookup(results: Dict[str, Any], dotted: str) -> Any:
    value: Any = results
    for part in dotted.split("."):
        value = value[part]
    return value


def table(results: Dict[str, Any]) -> str:
    a, b, r = results["assistant"], results["baseline"], results["ratios"]

    def fmt(value, unit=""):
        return "n/a" if value is None else f"{value:.1f}{unit}" if isinstance(value, float) \
            else f"{value}{unit}"

    rows = [(f"latency {p}, sequential (ms)", a["latency_ms"][p], b["latency_ms"][p],
             r[f"latency_{p}"]) for p in ("p50", "p95", "p99")]
    rows.append(("throughput, sequential (msg/s)", a["throughput_msg_s"], b["throughput_msg_s"],
                 r["throughput_msg_s"]))
    for workers in CONCURRENCY:
        ca, cb = a["concurrent"][str(workers)], b["concurrent"][str(workers)]
        for p in ("p50", "p95", "p99"):
            rows.append((f"latency {p}, {workers} at a time (ms)", ca["latency_ms"][p],
                         cb["latency_ms"][p], ratio(ca["latency_ms"][p], cb["latency_ms"][p])))
        rows.append((f"throughput, {workers} at a time (msg/s)", ca["throughput_msg_s"],
                     cb["throughput_msg_s"], r[f"throughput_{workers}"]))
    rows += [("resident memory, all processes (MB)", a["rss_mb"], b["rss_mb"], r["rss_mb"]),
             ("start until ready (s)", a["ready_s"], b["ready_s"], r["ready_s"]),
             ("training (s)", a["train_s"], b["train_s"], r["train_s"])]
    lines = [f"{'':42}{'assistant':>11}{'baseline':>11}{'ratio':>8}"]
    lines += [f"{name:42}{fmt(x):>11}{fmt(y):>11}{fmt(z):>8}" for name, x, y, z in rows]
    return "\n".join(lines)


def report(results: Dict[str, Any]) -> str:
    a = results["assistant"]
    lines = ["", "Latency over the REST channel: the assistant (actions + Rasa + web, one host) "
             "against a bare `rasa init` assistant", table(results)]
    lines.append(f"assistant memory by process (MB): {a.get('rss_mb_by_process')}")
    lines.append(f"assistant training: {a['train_note']}")
    for key, run in [("assistant", a), ("baseline", results["baseline"])]:
        errors = sum(c["errors"] for c in run["concurrent"].values()) + run["sequential"]["errors"]
        capped = [w for w, c in run["concurrent"].items() if c["capped"]]
        if errors or capped or run["sequential"]["capped"]:
            lines.append(f"{key}: {errors} failed requests; time cap reached at "
                         f"{capped or 'sequential'}")
    nlu = results.get("nlu") or {}
    lines.append(f"held-out NLU accuracy (in-process model): {nlu.get('accuracy')} "
                 f"(macro-F1 {nlu.get('macro_f1')}, n={nlu.get('n')})")
    scale = results["scale"]
    if "skipped" in scale:
        lines.append(f"two replicas: skipped ({scale['skipped']})")
    else:
        one, two = scale["replicas_1"], scale["replicas_2"]
        lines.append(f"two replicas vs one (PostgreSQL + Redis, 8 at a time, {scale['cpus']} "
                     f"CPUs): {one['throughput_msg_s']} -> {two['throughput_msg_s']} msg/s, "
                     f"ratio {two['throughput_ratio']}; p95 {one['latency_ms']['p95']} -> "
                     f"{two['latency_ms']['p95']} ms")
        for n, run in (("1 replica", one), ("2 replicas", two)):
            cpu = run.get("cpu") or {}
            if cpu and cpu.get("busy_share") is not None:
                parts = ", ".join(f"{name} {ms}" for name, ms in
                                  cpu["cpu_ms_per_message"].items())
                lines.append(f"  {n}: CPUs {cpu['busy_share']:.0%} busy; CPU ms per "
                             f"message: {parts}")
    profile = results.get("profile")
    if profile and "error" in profile:
        lines.append(f"profiling failed: {profile['error']}")
    elif profile:
        lines.append(f"profiled turns ({profile['turns']} in one conversation, after a warm-up): "
                     f"{profile['per_turn_ms']} ms each (the same turns cold, first in the "
                     f"process: {profile.get('first_turns_ms')} ms each); where the time goes:")
        for part in profile.get("stages", []):
            lines.append(f"  {part['share']:6.1%}  {part['ms']:8.1f} ms  {part['stage']}")
        lines.append("  functions with the most own time:")
        for part in profile.get("hottest", []):
            lines.append(f"  {part['share']:6.1%}  {part['function']}  {part['where']}")
    load = results["machine"]
    lines.append(f"machine: {load['cpus']} CPUs, load average at start {load.get('loadavg_start')}"
                 f", at end {load['loadavg_end']} (other work on the machine skews the numbers)")
    return "\n".join(lines)


# --- where the CPU goes during a load run --------------------------------------------------------
def _machine_ticks() -> Tuple[int, int]:
    """(busy, total) clock ticks of all CPUs since boot (/proc/stat)."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return sum(fields) - idle, sum(fields)


def _process_ticks(pid: int) -> int:
    """User + system clock ticks of one process (/proc/<pid>/stat), 0 once it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0
    fields = stat[stat.rindex(")") + 2:].split()
    return int(fields[11]) + int(fields[12])


def cpu_snapshot(procs: Dict[str, subprocess.Popen]) -> Dict[str, Any]:
    return {"machine": _machine_ticks(),
            "procs": {name: _process_ticks(proc.pid) for name, proc in procs.items()}}


def cpu_use(before: Dict[str, Any], after: Dict[str, Any], messages: int) -> Dict[str, Any]:
    """How busy the machine's CPUs were during a run, and the CPU milliseconds per message of
    each of our processes and of everything else (PostgreSQL, Redis, the load generator, other
    users of the machine). With the CPUs near full, more replicas cannot add throughput: the
    most they can give is about 1 / ``busy_share``."""
    tick = os.sysconf("SC_CLK_TCK")
    busy = after["machine"][0] - before["machine"][0]
    total = after["machine"][1] - before["machine"][1]
    ours = {name: after["procs"][name] - before["procs"].get(name, 0) for name in after["procs"]}
    per_message = {name: round(ticks / tick * 1000 / messages, 1) if messages else None
                   for name, ticks in ours.items()}
    others = busy - sum(ours.values())
    per_message["other"] = round(others / tick * 1000 / messages, 1) if messages else None
    return {"busy_share": round(busy / total, 2) if total else None,
            "cpu_ms_per_message": per_message}

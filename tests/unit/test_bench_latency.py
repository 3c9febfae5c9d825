"""bench/bench_latency.py's results (testkit/bench_results.py): the keys other tools read, merged into an existing
bench/results.json without losing other benches' keys (a tiny fake run, no servers)."""
from __future__ import annotations

import json

import pytest

from testkit import bench_results as bench

REQUIRED = [
    "assistant.latency_ms.p50", "assistant.latency_ms.p95", "baseline.latency_ms.p50",
    "baseline.latency_ms.p95", "assistant.rss_mb", "assistant.train_s", "nlu.accuracy",
    "scale.replicas_2.throughput_ratio",
]


def fake_run(latency_s: float, rss: float, train=None) -> dict:
    run = {"latency_ms": bench.percentiles([latency_s] * 10), "messages": 10, "errors": 0,
           "first_error": None, "seconds": 1.0, "throughput_msg_s": round(1 / latency_s, 2),
           "capped": False}
    out = {"latency_ms": run["latency_ms"], "throughput_msg_s": run["throughput_msg_s"],
           "sequential": run, "concurrent": {str(w): dict(run) for w in bench.CONCURRENCY},
           "rss_mb": rss, "ready_s": 3.0}
    if train is not None:
        out["train_s"] = train
    return out


def fake_results(scale: dict) -> dict:
    assistant = dict(fake_run(0.2, 900.0), nlu={"accuracy": 0.97, "macro_f1": 0.95, "n": 10},
                     profile={"turns": 1, "seconds": 0.2, "per_turn_ms": 200.0, "first_turns_ms": 900.0,
                              "stages": [{"stage": "NLU pipeline", "ms": 100.0, "share": 0.5}],
                              "hottest": []},
                     rss_mb_by_process={"rasa": 900.0})
    return bench.build_results(assistant, fake_run(0.05, 300.0, train=60.0), scale,
                               (None, "not measured"))


SCALES = {
    "measured": {"replicas_1": {"throughput_msg_s": 4.0, "latency_ms": {"p95": 1.0}},
                 "replicas_2": {"throughput_msg_s": 6.0, "throughput_ratio": 1.5,
                                "latency_ms": {"p95": 1.0}}, "cpus": 2},
    "skipped": {"skipped": "no PostgreSQL", "replicas_2": {"throughput_ratio": None}},
}


@pytest.mark.parametrize("scale", SCALES.values(), ids=SCALES.keys())
def test_results_have_the_keys_and_merge_into_existing_file(tmp_path, scale):
    path = tmp_path / "results.json"
    path.write_text(json.dumps({"nlu": {"baseline_accuracy": 0.8}, "dates": {"ok": 1}}))
    results = fake_results(scale)
    results["machine"]["loadavg_start"] = [0.0, 0.0, 0.0]
    written = bench.write_results(results, path)
    on_disk = json.loads(path.read_text())
    assert on_disk == written
    for key in REQUIRED:
        bench.lookup(on_disk, key)  # KeyError if missing
    assert on_disk["dates"] == {"ok": 1}
    assert on_disk["nlu"] == {"baseline_accuracy": 0.8, "accuracy": 0.97, "macro_f1": 0.95,
                              "n": 10}
    assert on_disk["ratios"]["latency_p50"] == 4.0
    assert on_disk["assistant"]["train_s"] is None
    assert "n/a" in bench.report(on_disk)  # the assistant's training time, not measured


@pytest.mark.parametrize("latencies, expected", [
    ([], {"p50": None, "p95": None, "p99": None, "mean": None, "n": 0}),
    ([0.1], {"p50": 100.0, "p95": 100.0, "p99": 100.0, "mean": 100.0, "n": 1}),
    ([i / 1000 for i in range(1, 101)], {"p50": 50.5, "p95": 95.0, "p99": 99.0, "mean": 50.5,
                                          "n": 100}),
])
def test_percentiles(latencies, expected):
    assert bench.percentiles(latencies) == expected


def test_report_shows_where_a_turn_spends_its_time(tmp_path):
    results = fake_results(SCALES["measured"])
    results["machine"]["loadavg_start"] = [0.0, 0.0, 0.0]
    text = bench.report(results)
    assert "50.0%     100.0 ms  NLU pipeline" in text
    assert "ratio 1.5" in text


def test_cpu_use_splits_the_machine_time_per_message():
    import os

    tick = os.sysconf("SC_CLK_TCK")
    before = {"machine": (1000, 5000), "procs": {"rasa-0": 100, "actions": 50}}
    # 4 s of CPU time passed on the machine in all, of which 3 s busy: 2 s Rasa, 0.5 s actions
    after = {"machine": (1000 + 3 * tick, 5000 + 4 * tick),
             "procs": {"rasa-0": 100 + 2 * tick, "actions": 50 + tick // 2}}
    use = bench.cpu_use(before, after, messages=100)
    assert use["busy_share"] == 0.75
    assert use["cpu_ms_per_message"] == {"rasa-0": 20.0, "actions": 5.0, "other": 5.0}

"""Held-out benchmark for planned submission times: `python bench/bench_dates.py`.

Runs every item of bench/data/submission_times.yml through veileder.deadline.check_submission
(which calls veileder.dates.parse_planned_time) with the item's `now`, against the call file, and
prints the share of items answered right plus the failures. Exit status 1 when any item fails.

An item is right when
  * expected is an instant: the message has a date and a time, and they are that instant;
  * expected is a date: the message has that date and no time;
  * expected is a kind (needs_date, impossible_date, not_a_date): check_submission says so;
  * and, when the item has `kind`, check_submission gives that kind.
"""
from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timezone
from pathlib import Path
from typing import List, Optional, Union

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from veileder.call import DEFAULT_CALL_FILE, load_call  # noqa: E402
from veileder.deadline import SubmissionCheck, check_submission  # noqa: E402

DATA = ROOT / "bench" / "data" / "submission_times.yml"


def _got(check: SubmissionCheck) -> str:
    parsed = check.parsed
    if parsed is None or parsed.when is None or not parsed.has_date:
        return check.kind
    if not parsed.has_time:
        return parsed.when.date().isoformat()
    return parsed.when.isoformat()


def _as_time(value: object) -> Union[datetime, date, str]:
    """YAML loads ISO timestamps and dates itself; strings may hold them too, or a kind."""
    if isinstance(value, (datetime, date)):
        return value
    text = str(value)
    try:
        return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)
    except ValueError:
        return text


def _problem(item: dict, check: SubmissionCheck) -> Optional[str]:
    value = _as_time(item["expected"])
    expected = value.isoformat() if isinstance(value, (datetime, date)) else value
    parsed = check.parsed
    instant = value if isinstance(value, datetime) else None
    day = value if isinstance(value, date) and instant is None else None
    if instant is not None:
        ok = (parsed is not None and parsed.when is not None and parsed.has_date
              and parsed.has_time
              and parsed.when.astimezone(timezone.utc) == instant.astimezone(timezone.utc))
    elif day is not None:
        ok = (parsed is not None and parsed.when is not None and parsed.has_date
              and not parsed.has_time and parsed.when.date() == day)
    else:
        ok = check.kind == expected
    if not ok:
        return f"expected {expected}, got {_got(check)}"
    if item.get("kind") and check.kind != item["kind"]:
        return f"expected kind {item['kind']}, got {check.kind}"
    return None


def dateparser_baseline(item: dict) -> bool:
    """The baseline: dateparser (the version Rasa 3.6's pins allow) searching the same text.

    Counts only items whose expected value is an instant; right when the first date found is
    that instant.
    """
    from dateparser.search import search_dates

    value = _as_time(item["expected"])
    if not isinstance(value, datetime):
        return False
    now = _as_time(item["now"])
    settings = {
        "RELATIVE_BASE": now.replace(tzinfo=None),
        "TIMEZONE": "Europe/Oslo",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DATES_FROM": "future",
    }
    try:
        found = search_dates(item["text"], languages=["nb", "nn", "en"], settings=settings)
    except Exception:  # noqa: BLE001 - a crash is a miss for the baseline
        return False
    return bool(found) and found[0][1].astimezone(timezone.utc) == value.astimezone(timezone.utc)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("-v", "--verbose", action="store_true", help="print every answer")
    args = parser.parse_args(argv)

    call = load_call(DEFAULT_CALL_FILE)
    items = yaml.safe_load(args.data.read_text(encoding="utf-8"))["items"]
    failures = []
    for item in items:
        now = _as_time(item["now"])
        assert isinstance(now, datetime) and now.tzinfo, f"now must be ISO with offset: {item}"
        check = check_submission(call, item["text"], now)
        problem = _problem(item, check)
        if problem:
            failures.append((item["text"], now.isoformat(), problem, check.message))
        if args.verbose:
            print(f"{'FAIL' if problem else 'ok  '} {item['text']!r}\n     {check.message}")

    right = len(items) - len(failures)
    print(f"submission times: {right}/{len(items)} right ({100 * right / len(items):.1f} %)")
    instants = [item for item in items if isinstance(_as_time(item["expected"]), datetime)]
    ours = sum(1 for item in instants
               if not _problem(item, check_submission(call, item["text"], _as_time(item["now"]))))
    base = sum(dateparser_baseline(item) for item in instants)
    ratio = f"{ours / base:.1f}x" if base else "n/a (baseline got none)"
    print(f"  items with an instant: veileder.dates {ours}/{len(instants)}, "
          f"dateparser.search_dates {base}/{len(instants)}; ratio {ratio}")
    if failures:
        print("failures:")
        for text, now, problem, message in failures:
            print(f"  - {text!r} (now {now}): {problem}\n      answer: {message}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

"""Language detection on the labelled messages: `python bench/bench_language.py`.

Runs every `detect` item of tests/unit/data/language_labelled.yml (the test data, which the
word tables were written alongside) and of bench/data/language_heldout.yml (written after the
tables, other wording, not used to tune them) through
  * module     veileder.language.detect (what the assistant uses);
  * markers    the marker tables alone (veileder.language.scores): English whenever English
               words outweigh Norwegian ones, nb or nn by any lead; the module adds the rule
               that one or two words need at least two English words ("thanks" -> None);
  * simplemma  simplemma.langdetect over ("nb", "nn", "en") alone: the best share wins, a tie
               or nothing recognised is None;
  * combined   marker weights plus simplemma's recognised-word counts (weight W), with the
               module's margins;
and prints, for each, the accuracy per expected class (nb, nn, en, null), the overall accuracy
and the confusion (expected -> got), then the mean time per call of each. Items marked
known_wrong count like the others here.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Dict, List, Optional

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from veileder import language  # noqa: E402

DATA = ROOT / "tests" / "unit" / "data" / "language_labelled.yml"
HELD_OUT = ROOT / "bench" / "data" / "language_heldout.yml"
CLASSES = ("nb", "nn", "en", None)
SIMPLEMMA_LANGS = ("nb", "nn", "en")


def _markers(text: str) -> Optional[str]:
    found = language.scores(text)
    english = found["en"] + found["me"]
    norwegian = found["no"] + found["nb"] + found["nn"]
    if english > norwegian and english > 0:
        return "en"
    lead = found["nn"] + 2 * found["me"] - found["nb"]
    if norwegian == 0 or lead == 0:
        return None
    return "nn" if lead > 0 else "nb"


def _simplemma_counts(text: str) -> Dict[str, float]:
    import simplemma
    from simplemma.token_sampler import MostCommonTokenSampler

    shares = dict(simplemma.langdetect(text, lang=SIMPLEMMA_LANGS))
    tokens = len(MostCommonTokenSampler().sample_text(text)) or 1
    return {lang: shares.get(lang, 0.0) * tokens for lang in SIMPLEMMA_LANGS}


def _simplemma(text: str) -> Optional[str]:
    import simplemma

    ranked = [(lang, share) for lang, share in simplemma.langdetect(text, lang=SIMPLEMMA_LANGS)
              if lang != "unk"]
    if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _combined(weight: float) -> Callable[[str], Optional[str]]:
    def detect(text: str) -> Optional[str]:
        found = language.scores(text)
        counts = _simplemma_counts(text)
        english = found["en"] + found["me"] + weight * counts["en"]
        norwegian = (found["no"] + found["nb"] + found["nn"]
                     + weight * max(counts["nb"], counts["nn"]))
        if english > norwegian and (english >= language.MIN_ENGLISH
                                    or found["words"] >= language.MIN_WORDS):
            return "en"
        if norwegian == 0 or english > norwegian:
            return None
        lead = found["nn"] + 2 * found["me"] - found["nb"] + weight * (counts["nn"] - counts["nb"])
        if lead >= language.MARGIN:
            return "nn"
        if lead <= -language.MARGIN:
            return "nb"
        return None
    return detect


def _report(name: str, detect: Callable[[str], Optional[str]], items: List[dict],
            show_wrong: bool) -> float:
    per_class: Counter = Counter()
    right: Counter = Counter()
    confusion: Counter = Counter()
    wrong = []
    for item in items:
        expected, got = item["expected"], detect(item["text"])
        per_class[expected] += 1
        right[expected] += got == expected
        if got != expected:
            confusion[(expected, got)] += 1
            wrong.append((item["text"], expected, got))
    total = sum(right.values()) / len(items)
    parts = [f"{str(c):>4} {right[c]:3d}/{per_class[c]:3d} {right[c] / per_class[c]:6.1%}"
             for c in CLASSES if per_class[c]]
    print(f"{name:<14} all {sum(right.values())}/{len(items)} {total:6.1%} | " + " | ".join(parts))
    print(" " * 15 + "confusion: " + (", ".join(
        f"{e}->{g}: {n}" for (e, g), n in sorted(confusion.items(), key=lambda x: -x[1]))
        or "none"))
    if show_wrong:
        for text, expected, got in wrong:
            print(f"    {expected} -> {got}: {text}")
    return total


def _mean_time(detect: Callable[[str], Optional[str]], texts: List[str], rounds: int) -> float:
    detect(texts[0])
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            detect(text)
    return (time.perf_counter() - start) / (rounds * len(texts))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wrong", action="store_true", help="list the wrong answers")
    parser.add_argument("--rounds", type=int, default=20, help="rounds for the timing")
    args = parser.parse_args(argv)
    sets = {path: yaml.safe_load(path.read_text(encoding="utf-8"))["detect"]
            for path in (DATA, HELD_OUT)}
    texts = [item["text"] for item in sets[DATA]]

    start = time.perf_counter()
    _simplemma("kva er fristen")
    load = time.perf_counter() - start
    approaches = {"module": language.detect, "markers": _markers, "simplemma": _simplemma,
                  "combined W=1": _combined(1.0), "combined W=0.5": _combined(0.5)}
    for path, items in sets.items():
        print(f"\n{len(items)} labelled messages ({path.relative_to(ROOT)})")
        for name, detect in approaches.items():
            _report(name, detect, items, args.wrong)
    print(f"\nsimplemma dictionaries nb+nn+en: first call {load * 1000:.0f} ms")
    for name, detect in approaches.items():
        print(f"mean time per call, {name:<14} "
              f"{_mean_time(detect, texts, args.rounds) * 1e6:8.1f} µs")
    return 0


if __name__ == "__main__":
    sys.exit(main())

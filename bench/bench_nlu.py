"""`make bench`: NLU quality on the held-out set, against a baseline trained in the same run."""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from testkit import nlu_eval  # noqa: E402


def main() -> int:
    examples = nlu_eval.load_examples()
    texts = [t for t, _ in examples]
    t0 = time.perf_counter()
    model = nlu_eval.score(examples, nlu_eval.predict_with_model(texts))
    t_model = time.perf_counter() - t0
    t0 = time.perf_counter()
    base = nlu_eval.score(examples, nlu_eval.predict_with_baseline(texts))
    t_base = time.perf_counter() - t0

    print(f"\nHeld-out NLU set: {model.n} messages, {len(model.per_label_f1)} labels")
    print(f"{'':24}{'assistant':>10}{'baseline':>10}{'ratio':>8}")
    for name in ("intent_accuracy", "retrieval_accuracy", "accuracy", "macro_f1"):
        a, b = getattr(model, name), getattr(base, name)
        print(f"{name:24}{a:10.3f}{b:10.3f}{a / b if b else float('nan'):8.2f}")
    print(f"(baseline: TF-IDF char 2-5-grams + logistic regression on the same training data; "
          f"assistant {t_model:.1f}s incl. model load, baseline {t_base:.1f}s incl. training)")
    weak = sorted((f1, label) for label, f1 in model.per_label_f1.items() if f1 < 0.9)
    if weak:
        print("\nlabels with F1 < 0.90: " + ", ".join(f"{l} {f:.2f}" for f, l in weak))
    if model.errors:
        print(f"\n{len(model.errors)} errors (text | expected | predicted):")
        for text, gold, pred in model.errors:
            print(f"  {text[:70]!r:74} {gold:28} {pred}")
    goal = 0.95
    print(f"\ngoal >= {goal}: accuracy {'met' if model.accuracy >= goal else 'NOT met'}, "
          f"macro-F1 {'met' if model.macro_f1 >= goal else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

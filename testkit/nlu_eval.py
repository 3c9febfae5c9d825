"""Evaluate the trained model's NLU on the held-out set (bench/data/nlu_heldout.yml).

Labels are full: "faq/belop" for retrieval intents, "greet" for the rest. A prediction is the
intent, or for a retrieval intent the ResponseSelector's answer key; nlu_fallback is a miss.
Used by `make bench` (bench/bench_nlu.py) and by the suite's floor test.
"""
from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Sequence, Tuple

import yaml

from testkit import ROOT  # noqa: E402  (the project root)
HELDOUT = ROOT / "bench" / "data" / "nlu_heldout.yml"
MODEL = ROOT / "models" / "assistant.tar.gz"
RETRIEVAL_INTENTS = ("faq", "ukjent")


def load_examples(path: Path = HELDOUT) -> List[Tuple[str, str]]:
    """(text, full label) pairs from a Rasa NLU YAML file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    pairs = []
    for block in data["nlu"]:
        for line in block["examples"].splitlines():
            line = line.strip()
            if line.startswith("- "):
                pairs.append((line[2:].strip(), block["intent"]))
    return pairs


def top_intent(label: str) -> str:
    return label.split("/", 1)[0]


def full_label(parse: dict) -> str:
    intent = (parse.get("intent") or {}).get("name") or "none"
    if intent in RETRIEVAL_INTENTS:
        selector = parse.get("response_selector") or {}
        for key in (intent, "default"):
            response = (selector.get(key) or {}).get("response") or {}
            if response.get("intent_response_key"):
                return response["intent_response_key"]
    return intent


@dataclass
class Scores:
    n: int
    intent_accuracy: float
    retrieval_accuracy: float
    accuracy: float
    macro_f1: float
    errors: List[Tuple[str, str, str]] = field(default_factory=list)
    per_label_f1: Dict[str, float] = field(default_factory=dict)


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> Tuple[float, Dict[str, float]]:
    labels = sorted(set(gold))
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        if g == p:
            tp[g] += 1
        else:
            fn[g] += 1
            fp[p] += 1
    per = {}
    for label in labels:
        precision = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        recall = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        per[label] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return sum(per.values()) / len(per), per


def score(examples: Sequence[Tuple[str, str]], predicted: Sequence[str]) -> Scores:
    gold = [label for _, label in examples]
    n = len(gold)
    intent_ok = sum(top_intent(g) == top_intent(p) for g, p in zip(gold, predicted))
    retrieval = [(g, p) for g, p in zip(gold, predicted) if top_intent(g) in RETRIEVAL_INTENTS]
    retrieval_ok = sum(g == p for g, p in retrieval)
    f1, per = macro_f1(gold, predicted)
    errors = [(text, g, p) for (text, g), p in zip(examples, predicted) if g != p]
    return Scores(
        n=n,
        intent_accuracy=intent_ok / n,
        retrieval_accuracy=retrieval_ok / len(retrieval) if retrieval else 1.0,
        accuracy=sum(g == p for g, p in zip(gold, predicted)) / n,
        macro_f1=f1,
        errors=errors,
        per_label_f1=per,
    )


def predict_with_model(texts: Iterable[str], model: Path = MODEL) -> List[str]:
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.common import configure_logging_and_warnings

    configure_logging_and_warnings(logging.WARNING)

    agent = Agent.load(str(model))

    async def run() -> List[str]:
        return [full_label(await agent.parse_message(text)) for text in texts]

    return asyncio.run(run())


def training_examples(data_dir: Path = ROOT / "data" / "nlu") -> List[Tuple[str, str]]:
    pairs: List[Tuple[str, str]] = []
    for path in sorted(data_dir.glob("*.yml")):
        pairs.extend(load_examples(path))
    return pairs


def predict_with_baseline(texts: Sequence[str]) -> List[str]:
    """A plain baseline trained in the same run: TF-IDF character n-grams + logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    train = training_examples()
    model = make_pipeline(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), lowercase=True, sublinear_tf=True),
        LogisticRegression(max_iter=2000, C=10),
    )
    model.fit([t for t, _ in train], [label for _, label in train])
    return list(model.predict(list(texts)))

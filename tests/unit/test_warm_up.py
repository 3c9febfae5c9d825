"""The lemma dictionaries of the organisation check load when Rasa's model and the action server
load, not in a user's first "Kan vi søke?" (veileder/eligibility/recogniser.py ``warm_up``)."""
from __future__ import annotations

import ast

import pytest

from testkit import ROOT
from veileder.eligibility import recogniser


@pytest.fixture
def lemmatised(monkeypatch):
    """The languages simplemma is asked for, in order."""
    asked = []
    real = recogniser.simplemma.lemmatize

    def spy(token, lang):
        asked.append(lang)
        return real(token, lang=lang)

    monkeypatch.setattr(recogniser.simplemma, "lemmatize", spy)
    return asked


def test_warm_up_loads_every_language_the_recogniser_uses(lemmatised):
    recogniser.warm_up()
    assert tuple(lemmatised) == recogniser.LEMMA_LANGUAGES
    recogniser._lemmas.cache_clear()
    lemmatised.clear()
    recogniser._lemmas("kommunane")
    assert sorted(lemmatised) == sorted(recogniser.LEMMA_LANGUAGES)


def test_the_input_guard_loads_them_with_the_model(monkeypatch):
    from components.input_guard import InputGuard

    calls = []
    monkeypatch.setattr(recogniser, "warm_up", lambda: calls.append("warm"))
    assert isinstance(InputGuard.create({}, None, None, None), InputGuard)
    assert calls == ["warm"]


def test_the_action_server_loads_them_when_it_imports_the_actions():
    """rasa_sdk imports the actions package's modules at start: a call at module level."""
    tree = ast.parse((ROOT / "actions" / "eligibility.py").read_text(encoding="utf-8"))
    calls = [ast.unparse(node.value) for node in tree.body
             if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)]
    assert calls == ["recogniser.warm_up()"]


def test_a_warm_lookup_is_fast():
    import time

    recogniser.warm_up()
    recogniser._lemmas.cache_clear()
    start = time.perf_counter()
    recogniser._lemmas("fylkeskommunane")
    assert time.perf_counter() - start < 0.1  # cold, the first call took about 0.9 s

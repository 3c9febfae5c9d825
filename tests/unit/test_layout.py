"""The project's layout stays as docs/architecture.md describes it."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from testkit import ROOT

PRODUCT = ("veileder", "actions", "components", "web")
MAX_LINES = 600


@pytest.mark.parametrize("path", sorted(p.relative_to(ROOT).as_posix()
                                        for folder in PRODUCT
                                        for p in (ROOT / folder).rglob("*.py")))
def test_no_product_module_is_over_600_lines(path):
    lines = (ROOT / path).read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{path} has {lines} lines: split it by concern"


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module.split(".")[0]
        elif isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)


def test_tests_and_benchmarks_share_helpers_only_through_testkit():
    for path in sorted((ROOT / "tests").rglob("*.py")):
        assert "bench" not in set(_imports(path)), path
    for path in sorted((ROOT / "bench").rglob("*.py")):
        assert "tests" not in set(_imports(path)), path
    for folder in PRODUCT:
        for path in sorted((ROOT / folder).rglob("*.py")):
            assert not {"tests", "testkit", "bench"} & set(_imports(path)), path


def test_test_folders_mirror_the_code():
    folders = {p.name for p in (ROOT / "tests").iterdir()
               if p.is_dir() and not p.name.startswith((".", "__"))}
    assert folders == {"unit", "integration", "browser"}
    loose = [p.name for p in (ROOT / "tests").glob("*.py") if p.name != "conftest.py"]
    assert not loose, f"test modules belong in unit/, integration/ or browser/: {loose}"


def test_the_nb_core_news_sm_config_differs_only_where_it_says():
    """config.nb_core_news_sm.yml: the trained spaCy model and its SpacyFeaturizer; the rest
    is config.yml, so a change to one must be made to both."""
    offline = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    online = yaml.safe_load((ROOT / "config.nb_core_news_sm.yml").read_text(encoding="utf-8"))
    online_pipeline = [c for c in online["pipeline"] if c["name"] != "SpacyFeaturizer"]
    assert [c["name"] for c in online["pipeline"]].count("SpacyFeaturizer") == 1
    assert online_pipeline[0] == {**offline["pipeline"][0], "model": "nb_core_news_sm"}
    assert online_pipeline[1:] == offline["pipeline"][1:]
    assert {k: v for k, v in online.items() if k != "pipeline"} == \
        {k: v for k, v in offline.items() if k != "pipeline"}


def test_the_repo_cites_no_files_outside_it():
    """Reference material outside the repo is not in a clone: docs/ holds the project's own."""
    pattern = re.compile(r"\.\./shared|DESIGN\.md|regelverk\.md")
    this = Path(__file__).resolve()
    tracked = [p for p in ROOT.rglob("*")
               if p.is_file() and p.suffix in {".py", ".md", ".yml", ".yaml", ".sh", ".toml", ".js",
                                              ".html", ".json"}
               and not {".venv", ".git", "build", "models", "node_modules", "results",
                        "test-artifacts"} & set(p.relative_to(ROOT).parts)
               and "egg-info" not in p.as_posix() and p.resolve() != this]
    hits = [p.relative_to(ROOT).as_posix() for p in tracked
            if pattern.search(p.read_text(encoding="utf-8", errors="ignore"))]
    assert hits == [], hits

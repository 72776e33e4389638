"""The benchmark corpus is valid, and benchmarks/scale.py --smoke runs (no timing asserted)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tui.files.loader import load
from tui.store.cache import load_cached

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate


def test_generated_corpus_loads_without_problems(tmp_path: Path) -> None:
    files = generate(100, tmp_path / "corpus")
    assert len(files) == 102
    result = load([tmp_path / "corpus"])
    assert result.problems == ()
    counts = result.briefing.counts
    assert counts["articles"] == 100 and counts["quotes"] == 600 and counts["figures"] == 800
    for article in result.briefing.articles:
        assert 3500 <= len(article.body) <= 6000
        for item in (*article.figures, *article.quotes):
            assert article.body[item.start : item.end] == item.text
    assert load_cached([tmp_path / "corpus"]) == result


def test_generation_is_deterministic(tmp_path: Path) -> None:
    generate(5, tmp_path / "a")
    generate(5, tmp_path / "b", seed=1)
    for path in sorted((tmp_path / "a").rglob("*.yaml")):
        twin = tmp_path / "b" / path.relative_to(tmp_path / "a")
        assert path.read_bytes() == twin.read_bytes()


def test_scale_smoke_runs(tmp_path: Path) -> None:
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "scale.py"),
            "--smoke",
            "--workdir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert "cold load" in done.stdout and "search p50 / p95" in done.stdout

"""The figure extractor on the seed articles: the hand-checked gold figures, and invariants."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tui.extract.figures import extract_figures

DATA = Path(__file__).resolve().parents[2] / "data"


def test_offsets_order_and_score_range() -> None:
    text = (DATA / "seeds" / "000_a30e08b1d2274aad.txt").read_text(encoding="utf-8")
    figs = extract_figures(text)
    assert figs == sorted(figs, key=lambda f: f.start)
    for f in figs:
        assert text[f.start : f.end] == f.text
        assert 0.0 <= f.score <= 1.0
        assert f.bound in {"=", "~", ">", "<"}


def test_seed_gold_figures() -> None:
    gold = yaml.safe_load((DATA / "seeds-gold.yaml").read_text(encoding="utf-8"))
    total = values = units = bounds = 0
    for article in gold["articles"]:
        figs = extract_figures((DATA / "seeds" / article["file"]).read_text(encoding="utf-8"))
        for g in article.get("figures", []):
            total += 1
            same_value = [f for f in figs if f.value == pytest.approx(g["value"])]
            values += bool(same_value)
            units += any(f.unit == g["unit"] for f in same_value)
            want = {"more-than": ">", "less-than": "<"}.get(g.get("bound", ""), "=")
            if g.get("approximate"):
                want = "~"
            bounds += any(f.unit == g["unit"] and f.bound == want for f in same_value)
    assert total == 23
    assert values >= 21
    assert units >= 21
    assert bounds >= 21

"""The figure rules, one table-driven test per rule family.

Each family's cases live in ``cases/FAMILY.yaml`` beside this file (the format is described at
the top of ``cases/values.yaml``), so a new rule is a new case: a sentence, why the rule exists,
and the figures expected from it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tui.extract.figures import ExtractedFigure, extract_figures, is_calendar

CASES = Path(__file__).resolve().parent / "cases"


def _cases(family: str) -> list[Any]:
    cases = yaml.safe_load((CASES / f"{family}.yaml").read_text(encoding="utf-8"))
    return [pytest.param(case, id=case["why"][:60]) for case in cases]


def _find(figs: list[ExtractedFigure], text: str, written: str) -> ExtractedFigure:
    """The one figure whose text is ``written``; checks its offsets too."""
    hits = [f for f in figs if f.text == written]
    assert len(hits) == 1, [(f.text, f.value, f.unit) for f in figs]
    fig = hits[0]
    assert text[fig.start : fig.end] == written
    assert fig.start == text.index(written)
    return fig


def _matches(fig: ExtractedFigure, want: dict[str, Any]) -> None:
    """Check the fields ``want`` gives: value (approximately), unit, text, bound and the rest."""
    if "value" in want:
        assert fig.value == pytest.approx(want["value"]), fig
    if "unit" in want:
        assert fig.unit == want["unit"], fig
    if "text" in want:
        assert fig.text == want["text"], fig
    if "bound" in want:
        assert fig.bound == want["bound"], fig
    if "calendar" in want:
        assert is_calendar(fig) == want["calendar"], fig
    if "score_below" in want:
        assert fig.score < want["score_below"], fig
    if "about_has" in want:
        assert want["about_has"] in fig.about, fig


def _check(case: dict[str, Any]) -> None:
    text = case["text"]
    figs = extract_figures(text)
    for want in case.get("figures", []):
        _matches(_find(figs, text, want["written"]), {"bound": "=", **want})
    if "all" in case:
        assert len(figs) == len(case["all"]), [(f.text, f.value, f.unit) for f in figs]
        for fig, want in zip(figs, case["all"], strict=True):
            _matches(fig, want)
    if "first" in case:
        assert figs, text
        _matches(figs[0], case["first"])
    by_text = {f.text: f.score for f in figs}
    for pair in case.get("ranked", []):
        assert by_text[pair["higher"]] > by_text[pair["lower"]], by_text


@pytest.mark.parametrize("case", _cases("values"))
def test_values_in_digits_and_words(case: dict[str, Any]) -> None:
    _check(case)


@pytest.mark.parametrize("case", _cases("units"))
def test_units_and_currencies(case: dict[str, Any]) -> None:
    _check(case)


@pytest.mark.parametrize("case", _cases("counts"))
def test_what_a_figure_counts(case: dict[str, Any]) -> None:
    _check(case)


@pytest.mark.parametrize("case", _cases("ranges_bounds"))
def test_ranges_and_bounds(case: dict[str, Any]) -> None:
    _check(case)


@pytest.mark.parametrize("case", _cases("not_quantities"))
def test_calendar_years_and_not_quantities(case: dict[str, Any]) -> None:
    _check(case)


@pytest.mark.parametrize("case", _cases("ranking"))
def test_ranking(case: dict[str, Any]) -> None:
    _check(case)


@pytest.mark.parametrize("case", _cases("news_domains"))
def test_sentences_of_news_domains(case: dict[str, Any]) -> None:
    _check(case)


def test_every_case_file_is_read_by_a_test() -> None:
    families = {
        "values", "units", "counts", "ranges_bounds", "not_quantities", "ranking", "news_domains"
    }
    assert {p.stem for p in CASES.glob("*.yaml")} == families

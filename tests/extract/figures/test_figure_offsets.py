"""Property: every figure's text is the slice of the source between its offsets.

Checked on generated sentences (numbers in digits and words, scale words, units, currency signs,
bound words, punctuation and newlines mixed together) and on the seed articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.extract.figures import FigureBound, extract_figures

SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"

_NUMERALS = st.one_of(
    st.integers(min_value=-5000, max_value=3_000_000).map(str),
    st.integers(min_value=1000, max_value=999_999_999).map(lambda n: f"{n:,}"),
    st.floats(min_value=0, max_value=1e4, allow_nan=False).map(lambda x: f"{x:.2f}"),
    st.sampled_from(["1900", "2021", "1990s", "14", "7:30", "3rd", ".5", "555-123-4567"]),
)
_WORDS = st.sampled_from([
    "one", "two", "seven", "twelve", "forty-eight", "a dozen", "a hundred",
    "two hundred and fifty", "tens of thousands of", "dozens of", "Hundreds of", "a third of",
    "half of", "sixfold", "two-fold", "million", "billion", "bn", "m", "k", "thousand",
])
_UNITS = st.sampled_from([
    "%", " per cent", " percent", " basis points", " percentage points", "km", " km", " mph",
    " miles per hour", " kg", "-year-old", " year-old", "-member", " years", " days", " euros",
    " dollars", " people", " Pakistani peacekeepers", " of the votes", " of them", "'", "-",
    " or more", " plus", "+", " to ", " and ", " or ", "-", "–",
])
_SIGNS = st.sampled_from(["$", "US$", "£", "€", "¥", "USD ", "RM", "PS", "Rs.", "~", "-", "−", ""])
_BOUNDS = st.sampled_from([
    "more than ", "More than ", "up to ", "under ", "roughly ", "about ", "nearly ", "sub-",
    "between ", "from ", "at least ", "(", "",
])
_FILLER = st.sampled_from([
    "The", "said", "in", "on", "March", "June", "Oct.", "Group of", "Game", "F-", "COVID-",
    "including", "compared with", "who", "from Canada", "of", "the", "Morales,", "and", "by",
    ",", ".", ";", ":", "(", ")", "\"", "“", "”", "\n", "\n\n", "  ", "\t", "1.", "No.",
])
_PIECE = st.one_of(
    st.tuples(_BOUNDS, _SIGNS, _NUMERALS, st.sampled_from(["", "", "bn", "m", " million", "k"]),
              _UNITS).map("".join),
    st.tuples(_BOUNDS, _WORDS, _UNITS).map("".join),
    _FILLER,
    st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), max_size=8),
)
_TEXT = st.lists(_PIECE, max_size=24).map(" ".join)


def _check_offsets(text: str) -> None:
    figs = extract_figures(text)
    for f in figs:
        assert 0 <= f.start <= f.end <= len(text), f
        assert text[f.start : f.end] == f.text, f
        assert f.bound in FigureBound


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_figure_text_is_the_slice_between_its_offsets(text: str) -> None:
    _check_offsets(text)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_figure_offsets_on_the_seed_articles(path: Path) -> None:
    _check_offsets(path.read_text(encoding="utf-8"))

"""Property: every quotation extract_quotes returns points at its own words,
text[q.start:q.end] == q.text, on generated text (sentences built from quotation marks, names,
speech verbs, punctuation and line breaks) and on the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.extract.quotes.extractor import extract_quotes

SEEDS = sorted((Path(__file__).resolve().parents[2] / "data" / "seeds").glob("*.txt"))

_MARKS = ["“", "”", '"', "‘", "’", "'", "«", "»"]
_NAMES = ["Ana Ruiz", "Sen. Tom Hale", "Ruiz", "he", "she", "they", "the senator", "the ministry",
          "Foreign Ministry", "Dr. Ellen Cho", "Mr. O'Neil", "Jean-Luc Picard", "NATO", "It"]
_VERBS = ["said", "says", "told reporters", "added", "according to", "asked", "wrote",
          "was quoted as saying", "said:", "Said", "tweeted", "insisted", "—", "-"]
_WORDS = ["We", "will", "win", "the", "vote", "on", "Monday", "in", "Ohio", "it's", "6’2",
          "a", "fair", "deal", "Related", "(R-Ohio)", "D-Texas", "30", "2016", "of", "and"]
_PUNCT = [",", ".", ":", ";", "?", "!", "…", "(", ")", "<tweet id=\"1\">", ">", "="]
_GAPS = [" ", " ", " ", "", "\n", "\n\n", "\u00a0", "\t"]

_piece = st.sampled_from(_MARKS + _NAMES + _VERBS + _WORDS + _PUNCT) | st.text(
    alphabet="“”\"‘’' ,.\nAaZz", max_size=4
)
_article = st.lists(st.tuples(_piece, st.sampled_from(_GAPS)), max_size=60).map(
    lambda parts: "".join(piece + gap for piece, gap in parts)
)


def _assert_offsets(text: str) -> None:
    result = extract_quotes(text)
    for q in result.quotes:
        assert text[q.start : q.end] == q.text
        assert 0 <= q.start <= q.end <= len(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_article)
def test_quote_offsets_point_at_the_quoted_words(text: str) -> None:
    _assert_offsets(text)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_quote_offsets_on_seed_articles(path: Path) -> None:
    _assert_offsets(path.read_text(encoding="utf-8"))

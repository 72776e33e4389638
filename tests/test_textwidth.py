"""Wrapping by terminal cells: wide characters count two, combining marks none."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.textwidth import cell_width, wrap


def test_cell_widths():
    assert cell_width("abc") == 3
    assert cell_width("宽字") == 4
    assert cell_width("e\u0301") == 1  # e + combining acute
    assert cell_width("a\u200bb") == 2  # zero-width space


def test_wrap_with_hanging_indent():
    assert wrap("one two three four", 10, indent="- ", hanging="  ") == [
        "- one two",
        "  three",
        "  four",
    ]


def test_wide_characters_wrap_by_cells():
    assert wrap("宽字 宽字 宽字", 9) == ["宽字 宽字", "宽字"]


def test_a_word_wider_than_the_line_is_cut():
    assert wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]


def test_empty_text_keeps_the_indent_trimmed():
    assert wrap("", 10, indent="  x ") == ["  x"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.integers(min_value=8, max_value=120))
def test_no_line_is_wider_than_the_width_and_no_word_is_lost(text: str, width: int):
    lines = wrap(text, width, indent="  ", hanging="    ")
    assert all(cell_width(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())

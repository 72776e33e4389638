"""Wrapping by terminal cells: wide characters count two, combining marks none."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.text.cells import cell_width, char_width, wrap


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


def _previous_wrap(text: str, width: int, indent: str, hanging: str) -> list[str]:
    """The wrap as it was before ASCII lines took a fast path (kept as the reference)."""
    lines: list[str] = []
    line, used, fresh = indent, cell_width(indent), True
    for word in text.split():
        size = cell_width(word)
        if not fresh and used + 1 + size <= width:
            line += " " + word
            used += 1 + size
            continue
        if not fresh:
            lines.append(line)
            line, used = hanging, cell_width(hanging)
        if used + size > width:
            for char in word[:-1]:
                char_cells = char_width(char)
                if used + char_cells > width and used > cell_width(hanging):
                    lines.append(line)
                    line, used = hanging, cell_width(hanging)
                line += char
                used += char_cells
            word, size = word[-1], char_width(word[-1])
            if used + size > width:
                lines.append(line)
                line, used = hanging, cell_width(hanging)
        line += word
        used += size
        fresh = False
    lines.append(line if not fresh else indent.rstrip())
    return lines


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(st.text(alphabet=st.characters(max_codepoint=127), max_size=200), st.text()),
    st.integers(min_value=1, max_value=40),
    st.sampled_from(["", "  ", "    - ", "  [12] ", "x" * 30, "宽 "]),
    st.sampled_from([None, "", "      ", "y" * 45]),
)
def test_wrap_is_the_wrap_it_was(text: str, width: int, indent: str, hanging: str | None):
    # ASCII lines take a fast path (len() measures); it must break and cut the same way.
    expected = _previous_wrap(text, width, indent, indent if hanging is None else hanging)
    assert wrap(text, width, indent, hanging) == expected

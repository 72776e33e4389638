"""Extraction's vocabulary, kept as data: one word list or table a file, beside this module.

A word list (`NAME.txt`) holds one entry a line; a table (`NAME.tsv`) holds a key, a tab and
a value a line. Blank lines and lines starting with `#` are comments. Files are read once
a process, when a rule first asks for them, so adding a word is adding a line.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_FOLDER = Path(__file__).parent


def _lines(file_name: str) -> list[str]:
    text = (_FOLDER / file_name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The entries of `NAME.txt`, in file order, without duplicates."""
    return tuple(dict.fromkeys(_lines(f"{name}.txt")))


@cache
def word_set(name: str) -> frozenset[str]:
    """The entries of `NAME.txt` as a set, for membership tests."""
    return frozenset(word_list(name))


@cache
def table(name: str) -> dict[str, str]:
    """The rows of `NAME.tsv` as a mapping from the first column to the second."""
    rows: dict[str, str] = {}
    for line in _lines(f"{name}.tsv"):
        key, _, value = line.partition("\t")
        rows[key.strip()] = value.strip()
    return rows


__all__ = ["table", "word_list", "word_set"]

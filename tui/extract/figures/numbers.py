"""Parsing the written forms of numbers in English news: numerals and number words.

This module only turns a piece of text that is already known to be a number into a float; finding
numbers in running text, and deciding what they count, is the job of :mod:`tui.extract.figures.extractor`.
"""

from __future__ import annotations

import re

SMALL: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}
#: Scale words and abbreviations written after a numeral ("5.5 billion", "$1.5bn", "35m", "25k").
SCALE_SUFFIXES: dict[str, float] = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
#: Vague plural amounts: "dozens of", "hundreds of", "tens of thousands of". The value is the low
#: end of what the words can mean; the figure's bound is ">".
VAGUE: dict[str, float] = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6,
    "billions": 1e9, "trillions": 1e12,
    "tens of thousands": 1e4, "hundreds of thousands": 1e5, "tens of millions": 1e7,
    "hundreds of millions": 1e8, "tens of billions": 1e10, "hundreds of billions": 1e11,
}
DENOMINATORS: dict[str, float] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}



def trie_pattern(words: list[str] | set[str] | frozenset[str]) -> str:
    """A regex alternation of ``words`` factored into a trie ("t(?:en|wo)").

    Python's ``re`` tries the branches of a flat alternation one by one at every position; a
    trie lets it give up after one character at most positions, which is what makes scanning
    for number words cheap.
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + render(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return "(?:" + render(tree) + ")"


def cased_trie(words: set[str] | frozenset[str]) -> str:
    """:func:`trie_pattern` of the words in lower case and capitalised, matched case-sensitively.

    Case-sensitive patterns whose branches start with literal characters let ``re`` skip ahead
    with a character set; ``(?i)`` turns that off and makes a scan several times slower.
    """
    return trie_pattern({*words, *(w.capitalize() for w in words)})


_WORD_ALT = cased_trie({*SMALL, *TENS, *SCALES, "dozen"})
#: A run of number words: "forty-eight", "two hundred and fifty", "a dozen", "three thousand".
NUMBER_WORDS_RE = re.compile(
    rf"{_WORD_ALT}(?:(?:[\s-]+|\s+and\s+){_WORD_ALT})*\b"
)
#: "a" or "an" before a number word that can take it ("a dozen", "a hundred").
ARTICLE_BEFORE_RE = re.compile(r"(?i:\ban?\s+)$")
ARTICLE_WORDS: frozenset[str] = frozenset({"hundred", "thousand", "million", "billion", "dozen"})
_TOKEN_RE = re.compile(r"[a-z]+")


def parse_numeral(text: str) -> float:
    """Value of a numeral as written in English: "235,000" -> 235000.0, ".5" -> 0.5."""
    return float(text.replace(",", ""))


def parse_number_words(text: str) -> tuple[float, int] | None:
    """Value of a run of number words and how many characters of ``text`` it takes.

    The run may end early where the words stop making one number ("two and three" is 2, taking
    3 characters); None when the text does not start with a number word.
    """
    total = 0.0
    current = 0.0
    seen = False
    last_kind = ""
    taken = 0
    for m in _TOKEN_RE.finditer(text.lower()):
        word = m.group()
        if word == "a" and not seen:
            current = 1.0
            continue
        if word == "and":
            if last_kind != "scale":
                break
            continue
        if word in SMALL or word in TENS:
            value = SMALL.get(word, TENS.get(word, 0))
            # "twenty two" is fine, "two three" or "twenty thirty" are two numbers.
            if last_kind == "small" or (last_kind == "tens" and word in TENS):
                break
            if last_kind == "tens" and value >= 10:
                break
            current += value
            last_kind = "tens" if word in TENS else "small"
        elif word == "dozen":
            current = (current or 1.0) * 12
            last_kind = "scale"
        elif word in SCALES:
            scale = SCALES[word]
            if scale == 100:
                current = (current or 1.0) * 100
            else:
                total += (current or 1.0) * scale
                current = 0.0
            last_kind = "scale"
        else:
            break
        seen = True
        taken = m.end()
    if not seen:
        return None
    return total + current, taken

"""Parsing the written forms of numbers in English news: numerals and number words.

This module only turns a piece of text already known to be a number into a float; finding
numbers in running text, and deciding what they count, is the job of the other modules of
:mod:`tui.extract.figures`. The words themselves are data, in :mod:`tui.extract.vocabulary`.
"""

from __future__ import annotations

import re

from tui.extract.vocabulary import table, word_set

_NUMBER_WORDS: dict[str, int] = {k: int(v) for k, v in table("number_words").items()}
#: Number words that add up: "zero" to "nineteen".
SMALL: dict[str, int] = {k: v for k, v in _NUMBER_WORDS.items() if v < 20}
#: The tens, "twenty" to "ninety": they take a unit after them ("twenty-two") but not another ten.
TENS: dict[str, int] = {k: v for k, v in _NUMBER_WORDS.items() if v >= 20}
#: Words that multiply what comes before them: "dozen", "hundred", "thousand", ... "trillion".
SCALES: dict[str, float] = {k: float(v) for k, v in table("scale_words").items()}
#: Scale words and abbreviations written after a numeral ("5.5 billion", "$1.5bn", "35m", "25k").
SCALE_SUFFIXES: dict[str, float] = {k: float(v) for k, v in table("scale_suffixes").items()}
#: Vague plural amounts: "dozens of", "hundreds of", "tens of thousands of". The value is the low
#: end of what the words can mean; the figure's bound is ">".
VAGUE: dict[str, float] = {k: float(v) for k, v in table("vague_amounts").items()}
#: Fraction words and their denominators: "third" -> 3.
DENOMINATORS: dict[str, float] = {k: float(v) for k, v in table("fraction_denominators").items()}
#: Words that may count a fraction word: "a quarter", "two thirds".
NUMERATORS: dict[str, int] = {k: int(v) for k, v in table("fraction_numerators").items()}
#: Number words that are numbers only after "a" or "an" ("a hundred", "a dozen").
ARTICLE_WORDS: frozenset[str] = word_set("number_article_words")
#: Fractions written as one character: "½" -> 0.5.
VULGAR_FRACTIONS: dict[str, float] = {
    k: int(v.split("/")[0]) / int(v.split("/")[1])
    for k, v in table("figure_vulgar_fractions").items()
}
#: Denominators that make "n/d" a fraction rather than a date or a name ("3/4", not "9/11").
SLASH_DENOMINATORS: frozenset[int] = frozenset(
    int(d) for d in word_set("figure_slash_denominators")
)


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


_WORD_ALT = cased_trie({*SMALL, *TENS, *SCALES})
#: A run of number words: "forty-eight", "two hundred and fifty", "a dozen", "three thousand".
NUMBER_WORDS_RE = re.compile(
    rf"{_WORD_ALT}(?:(?:[\s-]+|\s+and\s+){_WORD_ALT})*\b"
)
#: "a" or "an" before a number word that can take it ("a dozen", "a hundred").
ARTICLE_BEFORE_RE = re.compile(r"(?i:\ban?\s+)$")
_TOKEN_RE = re.compile(r"[a-z]+")
_SEPARATORS_RE = re.compile(r"[,\s]")


def parse_numeral(text: str) -> float:
    """Value of a numeral as written in English: "235,000" -> 235000.0, ".5" -> 0.5, "2½" -> 2.5."""
    if text[-1] in VULGAR_FRACTIONS:
        whole = text[:-1].strip()
        return (parse_numeral(whole) if whole else 0.0) + VULGAR_FRACTIONS[text[-1]]
    return float(_SEPARATORS_RE.sub("", text))


def is_slash_fraction(numerator: int, denominator: int) -> bool:
    """Whether "n/d" is a fraction: a proper one, over a denominator fractions are written in."""
    return 0 < numerator < denominator and denominator in SLASH_DENOMINATORS


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
        elif word in SCALES:
            scale = SCALES[word]
            if scale < 1000:  # "a dozen", "two hundred": a multiple within the group
                current = (current or 1.0) * scale
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

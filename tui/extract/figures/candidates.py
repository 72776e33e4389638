"""Finding numbers in running text: numerals, number words, vague amounts, fractions, multiples.

Each finder returns :class:`~tui.extract.figures.figure.Candidate` figures with what is attached
to them (currency, scale, unit); skipping what is plainly not a quantity (times of day, ordinals,
codes like "F-16", phone numbers, list markers) happens here too, before any later rule.
"""

from __future__ import annotations

import re

from tui.extract.figures.figure import Candidate, FigureBound, FigureKind
from tui.extract.figures.numbers import (
    ARTICLE_BEFORE_RE,
    ARTICLE_WORDS,
    DENOMINATORS,
    NUMBER_WORDS_RE,
    NUMERATORS,
    SCALE_SUFFIXES,
    SCALES,
    SMALL,
    VAGUE,
    cased_trie,
    parse_number_words,
    parse_numeral,
    trie_pattern,
)
from tui.extract.figures.phrases import head_noun, prev_word
from tui.extract.figures.units import (
    CURRENCY_BEFORE_RE,
    CURRENCY_CODES,
    CURRENCY_LAST_CHARS,
    DECADE_AFTER_RE,
    OF_RE,
    ORDINAL_AFTER_RE,
    TIME_AFTER_RE,
    match_after,
    scale_after,
)
from tui.extract.figures.words import WORD_PREFIXES

_NUMERAL_RE = re.compile(r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?!\d)|\.\d+")
_VAGUE_RE = re.compile(cased_trie({k for k in VAGUE if " " not in k}) + r"(?=\s+of\b)")
#: "tens of" or "hundreds of" before a vague plural ("tens of thousands").
_VAGUE_PREFIX_RE = re.compile(r"(?:[Tt]ens|[Hh]undreds)\s+of\s+$")
_FRACTION_RE = re.compile(
    r"(?:(?P<num>" + cased_trie(frozenset(NUMERATORS))
    + r")[\s-]+(?P<den>" + trie_pattern(set(DENOMINATORS) - {"half", "halves"})
    + r")|(?P<half>[Hh]alf))\b(?=\s+(?:of|the|a|an|its|their|his|her|our|my|your|all|those"
    r"|these)\b)"
)
_FRACTION_OF_RE = re.compile(
    r"\s+(?:of\s+)?(?:the|its|their|his|her|our|my|your|all|those|these)?\s*"
)
_FOLD_RE = re.compile(r"-?fold\b")
_WORD_BEFORE_FOLD_RE = re.compile(r"\b(?P<n>[A-Za-z]+|\d+)$")
_WORD_SCALE_RE = re.compile(
    r"\s(" + "|".join(k for k, v in SCALES.items() if v >= 1000) + r")\b", re.IGNORECASE
)
_NEGATIVE_BEFORE_RE = re.compile(r"(?:(?<![\w\d.,)-])[-−]|\bminus[\s-])$", re.IGNORECASE)
_NAME_CODE_BEFORE_RE = re.compile(r"(?:[A-Za-z][-.]?|[A-Z]\s-|[#№]|\bNo\.?\s|\bNos?\.\s)$")
_SPACE_DASH_RE = re.compile(r"[\s\-−]")
_PHONE_RE = re.compile(r"(?:\(\d{3}\)|\d{3})[\s.-]\d{3}[\s.-]\d{4}\b|\+\d[\d\s-]{7,}\d")
_LIST_MARKER_RE = re.compile(r"(?m)^\s*\d{1,2}[.)]\s")


def skip_spans(text: str) -> list[tuple[int, int]]:
    """Spans whose digits are not figures: phone numbers and list markers ("1. ")."""
    spans = [m.span() for m in _PHONE_RE.finditer(text)]
    spans += [(m.start(), m.end() - 1) for m in _LIST_MARKER_RE.finditer(text)]
    return spans


def raw_ok(text: str, s: int) -> bool:
    """Whether a numeral at ``s`` after "." or "," is the tail of a longer numeral or code."""
    return s > 1 and (text[s - 2].isalnum() or (text[s - 1] == "," and text[s - 2] != " "))


def numeral_candidates(text: str, skip: list[tuple[int, int]]) -> list[Candidate]:
    """Every numeral in ``text`` outside ``skip`` that may be a figure, with what is attached."""
    figs: list[Candidate] = []
    for m in _NUMERAL_RE.finditer(text):
        s, e = m.span()
        if s and (text[s - 1].isdigit() or (text[s - 1] in "_.," and raw_ok(text, s))):
            continue
        if any(a <= s < b for a, b in skip):
            continue
        raw = m.group()
        # Times of day, ordinals, decades, codes and names.
        if TIME_AFTER_RE.match(text, e):
            continue
        if s > 1 and text[s - 1] in ":." and text[s - 2].isdigit():
            continue
        if ORDINAL_AFTER_RE.match(text, e):
            continue
        before = text[max(0, s - 12) : s]
        c1 = before[-1:]
        cur = (
            CURRENCY_BEFORE_RE.search(before)
            if c1 and (c1 in CURRENCY_LAST_CHARS or (c1 == " " and before[-2:-1].isupper()))
            else None
        )
        negative = False
        text_start = s
        unit: str | None = None
        kind: FigureKind | None = None
        if cur:
            unit = CURRENCY_CODES.get(_SPACE_DASH_RE.sub("", cur.group()), "USD")
            kind = "money"
            text_start = s - (len(before) - cur.start())
            negative = bool(cur.group("neg"))
        else:
            if (
                c1
                and (c1.isalpha() or c1 in "-.#№")
                and _NAME_CODE_BEFORE_RE.search(before)
                and not before.lower().endswith(WORD_PREFIXES)
            ):
                continue
            neg = _NEGATIVE_BEFORE_RE.search(before) if c1 in ("-", "−", " ") else None
            if neg:
                negative = True
                text_start = s - (len(before) - neg.start())
        value = parse_numeral(raw)
        end = e
        if DECADE_AFTER_RE.match(text, e) and "." not in raw and "," not in raw:
            if len(raw) == 4 and 1000 <= value <= 2100:
                figs.append(
                    Candidate(s, e, value, "year", "year", text_start=text_start, num_end=e)
                )
            continue
        scale, end = scale_after(text, end, kind == "money")
        value *= scale
        if negative:
            value = -value
        num_end = end
        noun_unit = False
        if kind != "money":
            unit, kind, end, noun_unit = match_after(text, end)
        fig = Candidate(
            s, end, value, kind or "bare", unit, text_start=text_start, scale=scale,
            num_end=num_end,
        )
        if noun_unit:
            fig.unit_end = end
        figs.append(fig)
    return figs


def word_candidates(text: str, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Figures written in words, outside the spans in ``taken`` (which grows as they are found):
    vague amounts ("dozens of"), fractions ("a third of"), number words, multiples ("sixfold")."""
    figs: list[Candidate] = []

    def free(s: int, e: int) -> bool:
        return not any(s < b and a < e for a, b in taken)

    for m in _VAGUE_RE.finditer(text):
        start = m.start()
        if (start and text[start - 1].isalpha()) or not free(*m.span()):
            continue
        prefix = _VAGUE_PREFIX_RE.search(text, max(0, start - 16), start)
        if prefix:
            start = prefix.start()
        key = " ".join(text[start : m.end()].lower().split())
        fig = Candidate(start, m.end(), VAGUE[key], "vague", word=True, text_start=start,
                        num_end=m.end(), bound=FigureBound.MORE_THAN)
        rest = OF_RE.match(text, m.end())
        if rest:
            unit, kind, end, _ = match_after(text, rest.end())
            if unit:
                fig.unit, fig.end = unit, end
                if kind == "money":
                    fig.kind = "money"
        figs.append(fig)
        taken.append((start, m.end()))
    for m in _FRACTION_RE.finditer(text):
        if (m.start() and text[m.start() - 1].isalpha()) or not free(*m.span()):
            continue
        prev = prev_word(text, m.start()).lower()
        if m.group("half"):
            if prev in ("first", "second", "last", "the", "this", "that", "other", "and"):
                continue
            value = 0.5
        else:
            n = NUMERATORS[m.group("num").lower()]
            value = n / DENOMINATORS[m.group("den").lower()]
        fig = Candidate(m.start(), m.end(), value, "fraction", word=True, text_start=m.start(),
                        num_end=m.end())
        of = _FRACTION_OF_RE.match(text, m.end())
        if of:
            head = head_noun(text, of.end())
            if head:
                fig.unit = head[0]
        figs.append(fig)
        taken.append(m.span())
    for m in NUMBER_WORDS_RE.finditer(text):
        if (m.start() and text[m.start() - 1].isalpha()) or not free(*m.span()):
            continue
        s = m.start()
        first = m.group().split(None, 1)[0].split("-", 1)[0].lower()
        if first in ARTICLE_WORDS:
            art = ARTICLE_BEFORE_RE.search(text, max(0, s - 4), s)
            if not art:
                continue  # "hundred" alone is not a number
            s = art.start()
        parsed = parse_number_words(text[s : m.end()])
        if parsed is None:
            continue
        value, length = parsed
        e = s + length
        # Hyphenated names and compounds: "Formula One", "one-off", "two-thirds" handled above.
        if text[e : e + 1] == "-" and text[e + 1 : e + 4].lower() in ("off", "sho", "on-"):
            continue
        scale, end = 1.0, e
        sm = _WORD_SCALE_RE.match(text, e)
        if sm and value < 1000:
            scale, end = SCALE_SUFFIXES[sm.group(1).lower()], sm.end()
        num_end = end
        unit, kind, end, noun = match_after(text, end)
        fig = Candidate(s, end, value * scale, kind or "bare", unit, word=True, text_start=s,
                        scale=scale, num_end=num_end)
        if noun:
            fig.unit_end = end
        figs.append(fig)
    for m in _FOLD_RE.finditer(text):
        # "sixfold", "two-fold", "10-fold": a multiple.
        w = _WORD_BEFORE_FOLD_RE.search(text, max(0, m.start() - 12), m.start())
        if not w:
            continue
        word = w.group("n").lower()
        multiple = float(SMALL[word]) if word in SMALL else float(word) if word.isdigit() else None
        if multiple is not None and free(w.start(), m.end()):
            figs.append(Candidate(w.start(), m.end(), multiple, "count", "fold", word=True,
                                  text_start=w.start(), num_end=w.end()))
    return figs

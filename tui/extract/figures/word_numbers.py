"""Figures written in words: vague amounts ("dozens of"), fractions ("a third of",
"three-quarters"), number words ("forty-eight", "two and a half million") and multiples
("sixfold").

Numerals are read by :mod:`tui.extract.figures.candidates`; this module finds the words, outside
the spans the numerals took.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tui.extract.figures.figure import Candidate, FigureBound
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
    trie_pattern,
)
from tui.extract.figures.phrases import (
    head_noun,
    is_plural,
    past_inner_number,
    prev_word,
    tokens_before,
)
from tui.extract.figures.units import OF_RE, approx_suffix, match_after
from tui.extract.figures.words import BOUNDS_BEFORE

#: "dozens of", "thousands more": a vague amount before "of" or "more"; a capitalised one
#: opening a clause before a verb ("Thousands fled"), except "Scores" (of tests, of games).
_VAGUE_RE = re.compile(
    cased_trie({k for k in VAGUE if " " not in k})
    + r"(?=\s+of\s+(?!\d)|\s+more\b|(?P<bare>\s+[a-z]{3,}))"
)
_VAGUE_OPENERS = frozenset({"Dozens", "Hundreds", "Thousands", "Millions"})
#: "tens of" or "hundreds of" before a vague plural ("tens of thousands").
_VAGUE_PREFIX_RE = re.compile(r"(?:[Tt]ens|[Hh]undreds)\s+of\s+$")
#: What follows "a third" or "half" when they are fractions: "a third of", "half the".
_DETERMINER_NEXT_RE = re.compile(
    r"\s+(?:of|the|a|an|its|their|his|her|our|my|your|all|those|these)\b"
)
#: Fractions in words: a numerator word, then a denominator. Hyphenated ("one-third",
#: "three-quarters") and plural ("two thirds") they are fractions wherever they stand; "a third"
#: only before "of" or a determiner, since "a third term" is an ordinal. Spaced "quarters" is
#: held to the same test: "three quarters" is also three quarters of a year.
_FRACTION_RE = re.compile(
    r"(?P<num>" + cased_trie(frozenset(NUMERATORS)) + r")(?P<sep>[\s-]+)(?P<den>"
    + trie_pattern(set(DENOMINATORS)) + r")\b"
)
_HALF_RE = re.compile(r"[Hh]alf\b")
_OF_A_RE = re.compile(r"\s+(?:of\s+)?an?\s")
#: "half a million", "a half-dozen": half of a scale word.
_HALF_SCALE_RE = re.compile(
    r"[Hh]alf(?:\s+an?\s+|-)(?P<scale>dozen|hundred|thousand|million|billion|trillion)\b"
)
_A_BEFORE_RE = re.compile(r"\b[Aa]\s+$")
#: "two and a half years", "one and a half million".
_NEXT_NUMBER_WORD_RE = re.compile(r"(?:\s+and\s+|[\s-]+)")
_AND_A_HALF_RE = re.compile(r"(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half\b")
#: What may stand between a fraction and what it is a fraction of: "of the", "its".
FRACTION_OF_RE = re.compile(
    r"\s+(?:of\s+)?(?:the|its|their|his|her|our|my|your|all|those|these)?\s*"
)
_OF_A_SCALE_RE = re.compile(r"\s+of\s+an?\s+(?P<s>thousand|million|billion|trillion)\b")
_FEW_BEFORE_RE = re.compile(r"\b(?:[Ss]everal|[Aa]\s+few|[Aa]\s+couple\s+of)\s+$")
_ONE_IN_RE = re.compile(r"\b(?:[Oo]ne|1)\s+in\s+$")
_FOLD_RE = re.compile(r"-?fold\b")
_WORD_BEFORE_FOLD_RE = re.compile(r"\b(?P<n>[A-Za-z]+|\d+)$")
_WORD_SCALE_RE = re.compile(
    r"\s(" + "|".join(k for k, v in SCALES.items() if v >= 1000) + r")\b", re.IGNORECASE
)


#: A capitalised word after a number word, and a lowercase word (or "The") before it: the number is
#: capitalised only because it is part of a name ("the Three Gorges Dam", "the Five Eyes").
_NAME_AFTER_RE = re.compile(r" [A-Z][a-z]")
_LOWER_WORD_BEFORE_RE = re.compile(r"\b(?:[a-z]+|The) $")


def _word_fraction(text: str, start: int, end: int, value: float) -> Candidate:
    """A fraction in words; it counts the noun after "of" or a determiner ("half its stake")."""
    of_scale = _OF_A_SCALE_RE.match(text, end)
    if of_scale:  # "three quarters of a million people": a fraction of the scale word
        scale = SCALES[of_scale.group("s").lower()]
        unit, kind, unit_end, noun = match_after(text, of_scale.end())
        fig = Candidate(start, unit_end, value * scale, kind or "bare", unit, word=True,
                        text_start=start, scale=scale, num_end=of_scale.end())
        if noun:
            fig.unit_end = unit_end
        return fig
    fig = Candidate(start, end, value, "fraction", word=True, text_start=start, num_end=end)
    of_a = _OF_A_RE.match(text, end)
    if of_a:  # "three-quarters of a percentage point", "half a mile"
        unit, kind, unit_end, _ = match_after(text, of_a.end() - 1)
        if kind in ("percent", "measure", "duration"):
            fig.unit, fig.kind, fig.end = unit, kind, unit_end
            return fig
    of = FRACTION_OF_RE.match(text, end)
    if of and of.group().strip():
        head = head_noun(text, past_inner_number(text, of.end()))
        if head:
            fig.unit = head[0]
        return fig
    unit, kind, unit_end, _ = match_after(text, end)
    if kind in ("percent", "measure", "duration"):  # "a quarter point", "a half hour"
        fig.unit, fig.kind, fig.end = unit, kind, unit_end
    elif kind == "count" and ARTICLE_BEFORE_RE.search(text, max(0, start - 4), start):
        fig.unit, fig.end = unit, unit_end  # "a one-third stake": the noun it is a share of
    return fig


def _number_word_runs(text: str) -> Iterator[re.Match[str]]:
    """Runs of number words; a run that holds two numbers ("two and three million") is read
    again from where the first number stops, so that the second is found too."""
    for m in NUMBER_WORDS_RE.finditer(text):
        yield m
        if " " not in m.group():
            continue  # one word, or words joined by hyphens: one number
        pos = m.start()
        while True:
            parsed = parse_number_words(text[pos : m.end()])
            if parsed is None or pos + parsed[1] >= m.end():
                break
            nxt = _NEXT_NUMBER_WORD_RE.match(text, pos + parsed[1])
            sub = NUMBER_WORDS_RE.match(text, nxt.end()) if nxt else None
            if sub is None or sub.start() >= m.end():
                break
            yield sub
            pos = sub.start()


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
        if m.group("bare") and (
            m.group() not in _VAGUE_OPENERS or text[max(0, start - 2) : start].strip(" ")[-1:]
            in (",", *"abcdefghijklmnopqrstuvwxyz")
        ):
            continue  # only a capitalised amount opening a clause stands alone: "Thousands fled"
        prefix = _VAGUE_PREFIX_RE.search(text, max(0, start - 16), start)
        if prefix:
            start = prefix.start()
        key = " ".join(text[start : m.end()].lower().split())
        nxt_of = OF_RE.match(text, m.end())
        nxt = _VAGUE_RE.match(text, nxt_of.end()) if nxt_of else None
        if nxt and f"{key} of {nxt.group().lower()}" in VAGUE:
            continue  # "hundreds of millions of users": read whole, from "millions"
        fig = Candidate(start, m.end(), VAGUE[key], "vague", word=True, text_start=start,
                        num_end=m.end(), bound=FigureBound.MORE_THAN)
        rest = OF_RE.match(text, m.end())
        if rest:
            unit, kind, end, _ = match_after(text, rest.end())
            if unit:
                fig.unit, fig.end = unit, end
                if kind == "money":
                    fig.kind = "money"
        else:  # "hundreds more staff": the noun after "more"
            head = head_noun(text, m.end())
            if head and is_plural(head[0]):
                fig.unit, fig.end = head[0], head[1]
        figs.append(fig)
        taken.append((start, m.end()))
    for m in _HALF_SCALE_RE.finditer(text):
        start = m.start()
        if (start and text[start - 1].isalpha()) or not free(*m.span()):
            continue
        art = _A_BEFORE_RE.search(text, max(0, start - 3), start)
        if art and text[m.start("scale") - 1] == "-":  # "a half-dozen"
            start = art.start()
        scale = SCALES[m.group("scale").lower()]
        unit, kind, end, noun = match_after(text, m.end())
        fig = Candidate(start, end, scale / 2, kind or "bare", unit, word=True,
                        text_start=start, scale=scale, num_end=m.end())
        if noun:
            fig.unit_end = end
        figs.append(fig)
        taken.append((start, m.end()))
    for m in _FRACTION_RE.finditer(text):
        if (m.start() and text[m.start() - 1].isalpha()) or not free(*m.span()):
            continue
        if m.group("num").lower() == "a" and text[max(0, m.start() - 4) : m.start()].lower() in (
            "and-", "and "
        ):
            continue  # "seven-and-a-half": read with the number words
        den = m.group("den").lower()
        hyphen = m.group("sep") == "-" and text[m.end() : m.end() + 1] != "-"
        plural = den.endswith("s") and den not in ("quarters", "halves") and m.group("sep") != "-"
        # "rose by a fifth", "cut deaths by roughly a quarter"
        before = prev_word(text, m.start())
        if before in BOUNDS_BEFORE:
            toks = tokens_before(text, m.start(), 2)
            before = toks[0].group().lower() if len(toks) == 2 else ""
        by = before == "by"
        if not (hyphen or plural or by or _DETERMINER_NEXT_RE.match(text, m.end())):
            continue
        if den in ("half", "halves") and not hyphen:
            continue  # "a half" is read below, or is part of "and a half"
        value = NUMERATORS[m.group("num").lower()] / DENOMINATORS[den]
        figs.append(_word_fraction(text, m.start(), m.end(), value))
        taken.append((m.start(), figs[-1].num_end))
    for m in _HALF_RE.finditer(text):
        if (m.start() and text[m.start() - 1].isalpha()) or not free(*m.span()):
            continue
        prev = prev_word(text, m.start()).lower()
        start = m.start()
        if prev == "a":  # "fell by a half", "cut by nearly a half": a fraction after "by"
            toks = tokens_before(text, m.start(), 3)
            words = [t.group().lower() for t in toks[:-1]]
            if words[-1:] == ["by"] or (words[-1:] and words[-1] in BOUNDS_BEFORE
                                        and words[:1] == ["by"]):
                prev, start = "by", toks[-1].start()
        if prev in ("first", "second", "last", "the", "this", "that", "other", "a"):
            continue
        if not (_DETERMINER_NEXT_RE.match(text, m.end()) or prev == "by"):
            continue
        figs.append(_word_fraction(text, start, m.end(), 0.5))
        taken.append((start, m.end()))
    for m in _number_word_runs(text):
        if (m.start() and text[m.start() - 1].isalpha()) or not free(*m.span()):
            continue
        if text[max(0, m.start() - 2) : m.start()][:1].isdigit() and text[m.start() - 1] == "-":
            continue  # "7-Eleven": a name
        if text[m.start()].isupper() and _NAME_AFTER_RE.match(text, m.end()) \
                and _LOWER_WORD_BEFORE_RE.search(text, max(0, m.start() - 24), m.start()):
            continue  # "the Three Gorges Dam": capitalised after a lowercase word, a name
        if m.group().lower() == "zero" and prev_word(text, m.start()) in ("below", "above"):
            continue  # "below zero" is a temperature's reference, not an amount
        s = m.start()
        first = m.group().split(None, 1)[0].split("-", 1)[0].lower()
        text_start, bound, times = s, FigureBound.EXACT, 1.0
        if first in ARTICLE_WORDS:
            art = ARTICLE_BEFORE_RE.search(text, max(0, s - 4), s)
            few = None if art else _FEW_BEFORE_RE.search(text, max(0, s - 16), s)
            if few:
                # "several thousand people", "a few hundred", "a couple of hundred": more
                # than the scale word, or about twice it.
                couple = "couple" in few.group().lower()
                bound = FigureBound.APPROXIMATE if couple else FigureBound.MORE_THAN
                text_start, times = few.start(), (2.0 if couple else 1.0)
            elif not art:
                continue  # "hundred" alone is not a number
            else:
                s = text_start = art.start()
        parsed = parse_number_words(text[s : m.end()])
        if parsed is None:
            continue
        value, length = parsed
        e = s + length
        half = _AND_A_HALF_RE.match(text, e)
        if half and value < 1000:
            value, e = value + 0.5, half.end()
        # Hyphenated idioms: "one-off", "one-shot", "one-on-one", "a one-time champion" (a
        # former one; "two-time" is twice, and "a two-shot lead" two shots).
        if value == 1 and text[e : e + 1] == "-" and (
            text[e + 1 : e + 4].lower() in ("off", "sho", "on-")
            or text[e + 1 : e + 6].lower() == "time "
        ):
            continue
        if text[s - 1 : s] == "-" and text[s - 2 : s - 1].isalpha() and (
            text[max(0, s - 4) : s].lower() != "-in-"
        ):
            continue  # the second "one" of "one-on-one"; "one-in-three" is a ratio
        scale, end = 1.0, e
        sm = _WORD_SCALE_RE.match(text, e)
        if sm and value < 1000:
            scale, end = SCALE_SUFFIXES[sm.group(1).lower()], sm.end()
        last = text[s:e].split()[-1].lower() if text[s:e].split() else ""
        # "three thousand" keeps its scale, which the low end of "two to three thousand" shares.
        written_scale = SCALES.get(last, 1.0) if SCALES.get(last, 1.0) >= 1000 else 1.0
        approx = approx_suffix(text, end)
        if approx is not None:  # "thirty-odd years", "forty-plus degrees"
            bound, end = approx
        num_end = end
        unit, kind, end, noun = match_after(text, end)
        if unit is None and _ONE_IN_RE.search(text, max(0, text_start - 8), text_start):
            continue  # "one in a million": a way of saying rare, not an amount
        fig = Candidate(s, end, value * scale * times, kind or "bare", unit, bound, word=True,
                        text_start=text_start, scale=scale * written_scale, num_end=num_end)
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

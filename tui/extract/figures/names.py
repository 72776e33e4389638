"""Numbers that are part of a name: "Game 6", "Big 12", "Group of 20", "the 787 Dreamliner".

Both rules look at the words right around the number; a figure they reject is dropped, or (for a
lowercase singular word after it, "12k cheaper") keeps its value and loses the unit.
"""

from __future__ import annotations

from tui.extract.figures.figure import Candidate
from tui.extract.figures.phrases import is_plural, tokens_before
from tui.extract.figures.words import (
    BOUNDS_BEFORE,
    MEASURE_WORDS,
    MONTHS,
    STOP_WORDS,
    WEEKDAYS,
    YEAR_PREPOSITIONS,
)


def in_name(text: str, fig: Candidate) -> bool:
    """A number that is part of a name: "Game 6", "Big 12", "iPhone 11", "Group of 20"."""
    if fig.kind not in ("bare", "count"):
        return False
    if fig.word and not text[fig.start].isupper():
        return False
    if fig.kind == "count" and fig.unit and (fig.unit.lower() in MEASURE_WORDS):
        return False
    toks = tokens_before(text, fig.text_start, 2)
    if not toks or toks[-1].end() == fig.text_start:
        return False
    w = toks[-1].group()
    if not w[0].isalpha() or w.endswith((",", ":", ";", ")", ".", "!", "?")):
        return False
    low = w.lower().rstrip(".")
    if low in STOP_WORDS or low in BOUNDS_BEFORE or low in MONTHS or low in YEAR_PREPOSITIONS \
            or low in WEEKDAYS:
        if low == "of" and len(toks) == 2:
            # "Group of 20", but not "Gatherings of 50" at the start of a sentence.
            w2 = toks[0].group()
            before = text[max(0, toks[0].start() - 3) : toks[0].start()].strip()
            return w2[0].isupper() and w2.lower() not in STOP_WORDS and before[-1:].isalpha()
        return False
    return any(c.isupper() for c in w)


def check_singular_head(text: str, fig: Candidate) -> bool:
    """Vet a counted noun that is not plural; False when the figure is part of a name.

    "the 787 Dreamliner", "iPhone 11 Pro": a number before a capitalised singular word is a model
    name. "40k cheaper than", "1000 come from": one lowercase singular word after a number
    (other than 1) is not what it counts, so the unit is dropped.
    """
    unit = fig.unit or ""
    if fig.value == 1 or is_plural(unit) or unit.lower() in MEASURE_WORDS:
        return True
    words = text[fig.num_end : fig.unit_end].split()
    if unit[:1].isupper() and not unit.isupper() and all(w[:1].isupper() for w in words):
        return abs(fig.value) >= 1000

    if len(words) == 1 and unit[:1].islower():
        fig.unit, fig.kind, fig.end, fig.unit_end = None, "bare", fig.num_end, -1
    return True

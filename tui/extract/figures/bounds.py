"""Bounds: the words that say a figure is approximate, a floor or a ceiling.

"more than 3,000" is ">", "up to 40" is "<", "roughly 600" is "~", "50 people or more" is ">".
The bound words are data (``bounds_before.tsv``, ``bounds_after.tsv``); a bound found before a
number moves the figure's start back to take it in.
"""

from __future__ import annotations

import re

from tui.extract.figures.figure import Candidate, FigureBound
from tui.extract.figures.phrases import prev_word, tokens_before
from tui.extract.figures.words import BOUNDS_AFTER, BOUNDS_BEFORE, DURATION_BOUND_WORDS
from tui.extract.vocabulary import word_set

#: Verbs whose particle "up" makes "up to" the level reached ("ticked up to 3.9%").
_UP_PARTICLE_VERBS: frozenset[str] = word_set("bounds_up_particle_verbs")

_BOUND_AFTER_RE = re.compile(
    r"\s*(?P<b>" + "|".join(re.escape(k) for k in sorted(BOUNDS_AFTER, key=len, reverse=True))
    + r")\b|(?P<plus>\+)",
    re.IGNORECASE,
)
#: The last word of every bound phrase: only numbers after one of them are looked at further.
_BOUND_LAST_WORDS: frozenset[str] = frozenset(
    {k.split()[-1] for k in BOUNDS_BEFORE} | {"(" + k.split()[-1] for k in BOUNDS_BEFORE}
)
_OPENERS = "(\"“‘'[—–"


def bound_before(text: str, start: int) -> tuple[FigureBound, int]:
    """The bound written before a number starting at ``start``: (bound, start of the bound)."""
    if start > 0 and text[start - 1] == "~":
        return FigureBound.APPROXIMATE, start - 1
    if start > 3 and text[start - 4 : start].lower() == "sub-":
        return FigureBound.LESS_THAN, start - 4
    toks = tokens_before(text, start, 4)
    if not toks or toks[-1].end() == start:
        return FigureBound.EXACT, start
    if toks[-1].group().lower() not in _BOUND_LAST_WORDS:
        return FigureBound.EXACT, start
    words = [t.group().lower() for t in toks]
    if len(words) > 1 and words[-2][-1:].isdigit() and words[-1] in ("over", "under"):
        return FigureBound.EXACT, start  # "140 over 90": a reading of two numbers
    if len(words) > 2 and words[-2:] == ["up", "to"] and words[-3] in _UP_PARTICLE_VERBS:
        return FigureBound.EXACT, start
    for k in range(len(words), 0, -1):
        phrase = " ".join(words[-k:]).lstrip(_OPENERS)
        bound = BOUNDS_BEFORE.get(phrase)
        if bound:
            tok = toks[-k]
            return bound, tok.end() - len(phrase) if k == 1 else tok.start() + (
                len(tok.group()) - len(tok.group().lstrip(_OPENERS))
            )
    return FigureBound.EXACT, start


def apply_bounds(text: str, fig: Candidate) -> None:
    """Set ``fig.bound`` from the words before and after it, widening its span to take them in."""
    bound, bstart = bound_before(text, fig.text_start)
    # "Over two days of talks" is during them; "for over two years" is more than two years.
    if (
        fig.kind == "duration"
        and text[bstart : bstart + 5].lower() in ("over ", "under")
        and prev_word(text, bstart) not in DURATION_BOUND_WORDS
    ):
        bound = FigureBound.EXACT
    if bound != FigureBound.EXACT:
        fig.bound = bound
        fig.text_start = bstart
    elif fig.text_start > 0 and text[fig.text_start - 1] == "~":
        fig.bound = FigureBound.APPROXIMATE
        fig.text_start -= 1
    m = _BOUND_AFTER_RE.match(text, fig.end)
    if m and fig.bound == FigureBound.EXACT:
        if m.group("plus"):
            fig.bound = FigureBound.MORE_THAN
            fig.end = m.end()
        else:
            fig.bound = BOUNDS_AFTER[" ".join(m.group("b").lower().split())]
            fig.end = m.end()

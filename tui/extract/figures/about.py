"""What a figure is about: a few words from around it, and its score for ranking.

The score ranks figures for a reader: money and percentages first, counts of what the text is
about next, calendar years and small spelled-out numbers last.
"""

from __future__ import annotations

import re
from collections import Counter

from tui.extract.figures.figure import Candidate, FigureKind
from tui.extract.figures.phrases import words_after
from tui.extract.figures.words import STOP_WORDS

_CLAUSE_SPLIT_RE = re.compile(r"[,;:()\"“”.!?—–]")
_OF_TAIL_RE = re.compile(r"\s+of\s+((?:[\w'’-]+\s*){1,4})")


def about(text: str, fig: Candidate) -> str:
    """A few words around the figure saying what it is about.

    For a counted noun, the noun phrase and the words after it ("Pakistani peacekeepers have
    served"); for a hyphenated compound, the noun it qualifies ("15-member UN Security Council");
    otherwise the words before the figure in its clause ("annual budget of"), and an "of" phrase
    after it ("of global military spending").
    """
    if fig.unit_end > fig.num_end:
        phrase = text[fig.num_end : fig.unit_end].strip(" -,")
        return " ".join([phrase, *words_after(text, fig.unit_end, 3)])[:80]
    if fig.unit and fig.end > fig.num_end and text[fig.num_end : fig.num_end + 1] == "-":
        return " ".join(words_after(text, fig.end, 4))[:80]
    window = text[max(0, fig.text_start - 80) : fig.text_start]
    words = _CLAUSE_SPLIT_RE.split(window)[-1].split()
    while words and words[0].lower() in STOP_WORDS:
        words.pop(0)
    while words and words[-1].lower() in STOP_WORDS and words[-1].lower() != "of":
        words.pop()
    if words and words[-1].lower() == "of" and len(words) == 1:
        words = []
    m = _OF_TAIL_RE.match(text, fig.end, min(len(text), fig.end + 60))
    tail = m.group(1).split() if m else []
    while tail and tail[-1].lower() in STOP_WORDS:
        tail.pop()
    return " ".join(words[-6:] + (["of", *tail] if tail else []))[:80]


_KIND_SCORE: dict[FigureKind, float] = {
    "money": 0.85, "percent": 0.75, "count": 0.65, "vague": 0.45, "fraction": 0.45,
    "measure": 0.5, "age": 0.35, "duration": 0.3, "bare": 0.25, "year": 0.1,
}


def score(fig: Candidate, value_counts: Counter[float], unit_mentions: Counter[str]) -> float:
    """How much a reader wants this figure, from 0 to 1."""
    result = _KIND_SCORE.get(fig.kind, 0.3)
    if fig.kind in ("count", "money", "measure") and abs(fig.value) >= 1000:
        result += 0.1
    if fig.kind == "count" and fig.unit and unit_mentions[fig.unit.lower()] >= 3:
        result += 0.1  # counts of what the text is about
    if value_counts[fig.value] > 1 and fig.kind != "year":
        result += 0.05
    if fig.word and abs(fig.value) < 10 and fig.kind in ("count", "duration", "bare"):
        result -= 0.15
    if fig.value == 1 and fig.word:
        result = min(result, 0.1)
    if fig.kind == "bare" and fig.unit is None:
        result -= 0.05
    return round(max(0.0, min(1.0, result)), 3)

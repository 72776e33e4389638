"""Figures in English news text: numbers, what they count, and how sure the text is about them.

``extract_figures(text)`` finds every quantity a reader could want: amounts of money, percentages,
counts of people and things, measurements, durations, spelled-out numbers ("seven", "a dozen",
"tens of thousands"), fractions ("a third of"), ranges ("between 10 and 20", one figure with the
first value), and calendar years. It skips numbers that are not quantities: days of the month,
times of day, ordinals, phone numbers, postcodes, list markers, scores of games and tallies of
votes ("won 3-1", "voted 51-49"), house numbers ("221B Baker Street"), labels ("phase 3",
"wearing number 10") and numbers inside names and codes ("Group of 20", "COVID-19", "F-16",
"Game 6", "Form 10-K", web addresses).

Conventions of the output:

* ``value`` is the number as written, scaled ("$5.5 billion" -> 5.5e9) and signed; percentages
  stay as written (0.3 for "0.3 per cent"); fractions are fractions ("a third" -> 0.333...).
* ``unit`` is an ISO code for money ("USD", "GBP", "EUR", "JPY", ...), "percent", a unit of
  measure as written ("km", "mph", "miles per hour"), or the head noun of what is counted
  ("peacekeepers"). Durations are plural ("years", "days"); the singular ``"year"`` is reserved
  for calendar years (see :data:`CALENDAR_UNITS`), ages are "years of age".
* ``bound`` is "=", "~", ">" or "<"; vague plurals ("dozens", "thousands") are ">" their low end.

The rules are deliberately lexical (no tagger, no model): they run on a single core at several
MB/s, and every rule has a regression case in ``tests/extract/figures/cases/``. This module runs
the rules in order; each family lives in a module of its own (:mod:`.candidates`,
:mod:`.word_numbers`, :mod:`.skips`, :mod:`.units`, :mod:`.dates`, :mod:`.names`, :mod:`.ranges`,
:mod:`.context`, :mod:`.bounds`, :mod:`.about`), and the words they use are data in
:mod:`tui.extract.vocabulary`.
"""

from __future__ import annotations

import re
from collections import Counter

from tui.extract.figures.about import about, score
from tui.extract.figures.bounds import apply_bounds
from tui.extract.figures.candidates import numeral_candidates
from tui.extract.figures.clauses import clause_units
from tui.extract.figures.context import (
    PARTITIVE_RE,
    RATIO_RE,
    context_units,
    mark_ages,
    other_units,
)
from tui.extract.figures.dates import is_date_day, is_year
from tui.extract.figures.figure import (
    CALENDAR_UNITS,
    Candidate,
    ExtractedFigure,
    FigureBound,
    is_calendar,
)
from tui.extract.figures.names import (
    check_singular_head,
    in_name,
    is_address,
    is_number_noun,
    mark_scale_step,
)
from tui.extract.figures.ranges import merge_ranges
from tui.extract.figures.skips import skip_spans
from tui.extract.figures.word_numbers import word_candidates
from tui.extract.figures.words import RATE_NOUNS

__all__ = ["CALENDAR_UNITS", "ExtractedFigure", "FigureBound", "extract_figures", "is_calendar"]

_PER_AFTER_RE = re.compile(r"\s+per\s+(?P<n>[a-z]+)\b")
_RATE_AFTER_RE = re.compile(r"\s+(?P<w>per|a|an|each)\s+(?P<n>[a-z]+)\b")


def _keep(text: str, fig: Candidate) -> bool:
    """Whether a candidate is a figure at all; turns calendar years into year figures."""
    if is_date_day(text, fig) or is_address(text, fig) or is_number_noun(text, fig):
        return False
    if is_year(text, fig):
        fig.kind, fig.unit, fig.unit_end = "year", "year", -1
        digits = len(str(int(fig.value)))
        fig.end = fig.start + digits + (text[fig.start + digits : fig.start + digits + 1] == "s")
    elif mark_scale_step(text, fig):
        return True
    elif in_name(text, fig) or (
        fig.kind == "count" and fig.unit_end > 0 and not check_singular_head(text, fig)
    ):
        return False
    lone_one = fig.word and fig.value == 1 and fig.kind == "bare"
    # "one" on its own is a pronoun more often than a number; "one of the", "one in five" count
    return not (
        lone_one and not PARTITIVE_RE.match(text, fig.end) and not RATIO_RE.match(text, fig.end)
    )


def _rates(text: str, fig: Candidate) -> None:
    """"an average of 20 per week", "80 miles per hour": a rate's unit takes in what it is per."""
    if fig.unit is None and fig.kind == "bare":
        r = _PER_AFTER_RE.match(text, fig.end)
        if r:
            fig.unit, fig.kind, fig.end = f"per {r.group('n')}", "count", r.end()
    if fig.unit and fig.kind in ("measure", "count"):
        r = _RATE_AFTER_RE.match(text, fig.end)
        is_rate = r is not None and r.group("n") in RATE_NOUNS
        if r and is_rate and (fig.kind == "measure" or r.group("w") == "per"):
            fig.unit = f"{fig.unit} {r.group('w')} {r.group('n')}"
            fig.end = r.end()


def extract_figures(text: str) -> list[ExtractedFigure]:
    """Every figure in ``text``, in text order. See the module docstring for the conventions."""
    if not text:
        return []
    figs = numeral_candidates(text, skip_spans(text))
    taken = [(f.text_start, f.end) for f in figs]
    figs += word_candidates(text, taken)
    figs.sort(key=lambda f: f.start)

    kept: list[Candidate] = []
    dropped_end = -1
    for fig in figs:
        if fig.text_start - 1 == dropped_end and text[dropped_end] in "-–" and not fig.word:
            continue  # "a Ryanair 737-800", "March 3-5": the second half of a dropped name
        if _keep(text, fig):
            kept.append(fig)
        else:
            dropped_end = fig.num_end if fig.num_end > 0 else fig.end
    mark_ages(text, kept)
    kept = merge_ranges(text, kept)
    context_units(text, kept)
    clause_units(text, kept)
    other_units(text, kept)
    kept = [f for f in kept if not f.drop and not (f.word and f.value == 1 and f.unit is None)]
    for fig in kept:
        if fig.kind != "year":
            apply_bounds(text, fig)
        _rates(text, fig)

    value_counts: Counter[float] = Counter(f.value for f in kept)
    lowered = text.lower()
    unit_mentions: Counter[str] = Counter()
    for f in kept:
        if f.unit and f.kind == "count" and f.unit.lower() not in unit_mentions:
            unit_mentions[f.unit.lower()] = lowered.count(f.unit.lower())
    out: list[ExtractedFigure] = []
    for fig in kept:
        start = fig.text_start if fig.text_start >= 0 else fig.start
        end = max(fig.end, fig.unit_end)
        out.append(
            ExtractedFigure(
                value=float(fig.value),
                unit=fig.unit,
                bound=fig.bound,
                text=text[start:end],
                start=start,
                end=end,
                about=about(text, fig),
                score=score(fig, value_counts, unit_mentions),
            )
        )
    return out

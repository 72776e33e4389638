"""Ranges: "10-20", "10 to 20", "between 10 and 20", "from $10 to $15 billion" become one figure.

The range keeps its low end as the value, takes the unit of either end, and the scale of the
high end when the low end is written without one ("$3 to $4 billion").
"""

from __future__ import annotations

import re

from tui.extract.figures.figure import Candidate
from tui.extract.figures.phrases import tokens_before
from tui.extract.vocabulary import word_set

#: Verbs of change: after one, "A to B" may be a change and the level it reached.
CHANGE_VERBS: frozenset[str] = word_set("figure_change_verbs")

_RANGE_JOIN_RE = re.compile(
    r"\s*(?:(?P<dash>-|–|—|-to-|to-)|(?P<to>(?:-\s+|up\s+)?to|and|through)|(?P<or>or)"
    r"|(?P<by>x|×|by|-by-))\s*$",
    re.IGNORECASE,
)


def merge_ranges(text: str, figs: list[Candidate]) -> list[Candidate]:
    """Join "10-20", "10 to 20", "between 10 and 20", "from $10 to $15 billion" into one figure."""
    out: list[Candidate] = []
    for fig in figs:
        if out:
            prev = out[-1]
            gap = text[prev.end : fig.text_start]
            m = _RANGE_JOIN_RE.fullmatch(gap) if len(gap) <= 12 else None
            ok = False
            if m and prev.kind not in ("year", "fraction") and fig.kind not in ("year", "fraction"):
                # "$1-2 billion", "$5 to 10 million": the high end is money without its sign.
                bare_high = prev.kind == "money" and fig.kind == "bare" and fig.unit is None
                same = (
                    prev.unit is None or prev.unit == fig.unit or bare_high
                    or prev.kind == fig.kind == "percent"
                )
                if m.group("dash"):
                    # A falling pair is two figures ("leads 48-45 in the poll"), not a range.
                    rising = prev.value <= fig.value * (fig.scale if prev.scale == 1.0 else 1.0)
                    ok = same and not (prev.word and not fig.word) and rising
                elif m.group("to"):
                    word = m.group("to").lower()
                    intro = [t.group().lower() for t in tokens_before(text, prev.text_start, 2)]
                    if word == "and":
                        ok = "between" in intro and same
                    elif word.startswith("up") and "from" not in intro:
                        ok = False  # "rose 5% to 10, up to 12": a ceiling, not the high end
                    else:
                        by = intro[-1:] == ["by"]
                        low = prev.value
                        if prev.scale == 1.0 and abs(low) <= abs(fig.value) / fig.scale:
                            low *= fig.scale  # "$10 to $12 million": ten million
                        # "leads 47% to 44%", "voted 52 to 48": a falling pair is two figures;
                        # "rose $1.20 to $84.50": a change, then the level it reached.
                        two = (low > fig.value and "from" not in intro) or (
                            intro[-1:] and intro[-1] in CHANGE_VERBS and fig.value > 3 * low
                        )
                        ok = same and not by and not two and (
                            prev.unit is None or prev.unit == fig.unit or bare_high
                        )
                        # "from 208 pounds to 193": the high end takes the low end's unit.
                        ok = ok or ("from" in intro and fig.unit is None and fig.kind == "bare")
                        if by and not ok and prev.kind == "bare" and prev.unit is None:
                            # "rise by 3 to 4 per cent": a range or a change and a level, in
                            # the unit of the second number either way
                            prev.unit, prev.kind = fig.unit, fig.kind
                elif (
                    (m.group("or") or m.group("by"))
                    and prev.unit is None
                    and fig.unit
                    and prev.kind == "bare"
                ):
                    # "eight or nine euros", "8 or $9", "3 x 4 metres", "a 10-by-12-foot shed":
                    # two figures, one unit.
                    prev.unit, prev.kind = fig.unit, fig.kind
            if ok:
                # "$10 to $15 billion": the low end shares the scale when it is the smaller.
                if (
                    prev.scale == 1.0
                    and fig.scale != 1.0
                    and prev.kind != "percent"
                    and abs(prev.value) <= abs(fig.value) / fig.scale
                ):
                    prev.value *= fig.scale
                    prev.scale = fig.scale
                if prev.unit is None:
                    prev.unit, prev.kind = fig.unit, fig.kind
                    prev.unit_end = fig.unit_end
                prev.end = fig.end
                continue
        out.append(fig)
    return out

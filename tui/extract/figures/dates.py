"""Numbers that are dates: calendar years ("in 1947") and days of the month ("March 14").

A year stays a figure (unit "year", a low score); a day of the month is dropped.
"""

from __future__ import annotations

import re

from tui.extract.figures.figure import Candidate
from tui.extract.figures.phrases import PUNCT, is_plural, tokens_before
from tui.extract.figures.words import MONTHS, STOP_WORDS, YEAR_ERAS, YEAR_PREPOSITIONS, YEAR_STRONG

_WEAK_YEAR_WORDS = frozenset({"of", "to", "and", "or", "the", "through", "between"})
_PERIOD_PREFIX_RE = re.compile(r"(?i:mid|early|late|pre|post)-$")
_MONTH_AFTER_RE = re.compile(r"\s?(?:of\s+)?(?P<m>[A-Za-z]+)\b")
#: An era mark after a number: "753 BC", "800 AD", "70 CE".
_ERA_AFTER_RE = re.compile(r"\s?(?:BCE?|AD|CE|B\.C\.(?:E\.)?|A\.D\.)(?![\w])")
#: The day a span of days starts on, after its month: "Oct. 2-" in "Oct. 2-10".
_DAY_SPAN_BEFORE_RE = re.compile(r"\b(?P<m>[A-Z][a-z]{2,8})\.?\s+\d{1,2}\s?[-–]\s?$")


def is_year(text: str, fig: Candidate) -> bool:
    """Whether a four-digit number is a calendar year: "in 2021", "Keytruda's 2018 sales"."""
    raw = text[fig.start : fig.end]
    if fig.kind not in ("bare", "count") or fig.word or fig.scale != 1.0:
        return False
    if fig.value != int(fig.value) or not 1 <= fig.value <= 2200:
        return False
    digits = len(str(int(fig.value)))
    if fig.value < 1000 and text[fig.start : fig.start + digits].isdigit():
        # "753 BC", "AD 800": an era mark (in capitals) makes any whole number a year
        mark = text[max(0, fig.start - 5) : fig.start].rstrip().rsplit(None, 1)[-1:]
        era = mark and mark[0].isupper() and mark[0].lower().rstrip(".") in YEAR_ERAS
        return bool(era or _ERA_AFTER_RE.match(text, fig.start + digits))
    if not text[fig.start : fig.start + 4].isdigit() or "," in raw or "." in raw:
        return False
    period = _PERIOD_PREFIX_RE.search(text, max(0, fig.start - 6), fig.start)
    if period and 1800 <= fig.value <= 2100:
        return True  # "mid-2025", "pre-2008", "late-1990s"
    toks = tokens_before(text, fig.start, 2)
    attached = bool(toks) and toks[-1].end() == fig.start
    prev_raw = toks[-1].group() if toks and not attached else ""
    prev = prev_raw.strip(PUNCT).lower().rstrip(".")
    # "in 2021 most people", "Keytruda's 2018 sales", "Mar 9 2018 MIT researchers"
    strong = prev in YEAR_STRONG or (
        prev_raw[:1].isupper() and prev not in STOP_WORDS and not prev_raw.endswith(",")
    ) or (prev.isdigit() and len(toks) == 2 and toks[0].group().strip(".,").lower() in MONTHS)
    if fig.value > 2100 and not strong:
        return False
    if fig.kind == "count" and fig.unit and fig.unit_end > 0:
        head = fig.unit
        if is_plural(head) and head[0].islower() and not (strong and fig.value >= 1900):
            return False
    if fig.value >= 1800:
        return True
    # Before 1800 a year needs a word that only dates take: "an average of 1500" is an amount.
    weak = prev in _WEAK_YEAR_WORDS
    return (prev in YEAR_PREPOSITIONS and not weak) or prev in MONTHS or prev in YEAR_ERAS


def is_date_day(text: str, fig: Candidate) -> bool:
    """Whether a number from 1 to 31 is a day of the month: "March 14", "9 June", "3 of May"."""
    if fig.word or fig.kind not in ("bare", "count") or not 1 <= fig.value <= 31:
        return False
    if fig.value != int(fig.value) or "." in text[fig.start : fig.end]:
        return False
    span = _DAY_SPAN_BEFORE_RE.search(text, max(0, fig.start - 16), fig.start)
    if span and span.group("m").lower() in MONTHS:
        return True  # "Oct. 2-10": the last day of a span of days
    toks = tokens_before(text, fig.start, 1)
    if toks and toks[0].end() < fig.start:
        word = toks[0].group().strip(".,(\"'“‘[")
        if word.lower() in MONTHS and word[:1].isupper():
            return True
    ma = _MONTH_AFTER_RE.match(text, fig.start + len(str(int(fig.value))))
    return bool(ma and ma.group("m").lower() in MONTHS and ma.group("m")[0].isupper())

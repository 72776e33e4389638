"""What a bare number counts, read from its context: an earlier figure's unit, or an age.

"4,423 peacekeepers ... including 181 from Pakistan": the 181 are peacekeepers. "Morales, 54,
said": 54 is an age. "two of Johnson's deputies": the noun after "of".
"""

from __future__ import annotations

import re
from itertools import pairwise

from tui.extract.figures.figure import Candidate
from tui.extract.figures.names import AGE_GROUP_NOUNS, is_gapped
from tui.extract.figures.phrases import (
    can_head,
    head_noun,
    is_plural,
    past_inner_number,
    prev_word,
    tokens_before,
)
from tui.extract.figures.words import COMPARISON_PHRASES, MONTHS, PLACE_NOUNS, WEEKDAYS
from tui.extract.vocabulary import word_set

#: "of the", "of our", "of Johnson's", "of them" after a number: the partitive.
PARTITIVE_RE = re.compile(
    r"\s+of\s+(?P<det>the|our|their|its|his|her|my|your|these|those|them|whom|which|all"
    r"|[A-Z][\w]*['’]s?)\b",
)
#: "in" or "out of" between two numbers: a ratio, "one in five adults", "3 of every 1,000".
RATIO_RE = re.compile(
    r"(?:\s+|-)(?:in|out\s+of)(?:\s+|-)(?:every\s+)?(?=\d|[a-z])|\s+of\s+(?:every\s+)?(?=\d)"
)
_PERSON_NOUNS: frozenset[str] = word_set("figure_person_nouns")
_SENTENCE_END_RE = re.compile(r"[.!?]\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n\s*\n")
_WHO_RE = re.compile(r"\s+(?:who|whom)\b")
_COMPARED_RE = re.compile(
    "(?:"
    + "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in COMPARISON_PHRASES)
    + r")\s+$"
)
_FROM_RE = re.compile(r"\s+(?:were\s+|are\s+)?from\b")
#: "50,000 people in Turkey and 6,000 in Syria": amounts shared out among places.
_IN_PLACE_RE = re.compile(r"\s+in\s+(?P<w>[A-Z][a-z]+)\b")
#: Words before an amount that say it is a change or the level it changed from or to
#: ("up 2 million this year", "up from 216 million").
_CHANGE_BEFORE_RE = re.compile(r"\b(?:from|up|down|by|to)\s$")
_AGE_LIST_RE = re.compile(r",?\s+(?:and|or)\s+|,\s+")
_AGE_AFTER_RE = re.compile(r",(?=\s)|\s+(?:years?\s+old|year-old)\b")


def _is_apposition(text: str, pos: int) -> bool:
    """Whether ``pos`` follows "Name, " or a noun for a person and a comma ("Morales, 54, said",
    "the suspect, 19, was held")."""
    toks = tokens_before(text, pos, 1)
    if not toks or toks[0].end() == pos:
        return False
    w = toks[0].group()
    if len(w) < 3 or not w.endswith(","):
        return False
    return (w[0].isupper() and w[1:-1].islower()) or w[:-1] in _PERSON_NOUNS


#: "adults 65 and older", "children 12 and under": a floor or a ceiling put on people's ages.
_AGE_LIMIT_AFTER_RE = re.compile(r"\s+(?:and|or)\s+(?:older|over|younger|under)\b")


def _is_age_bound(text: str, start: int) -> bool:
    """"adults over 60", "Men over 50", "children under 5": a bound on the age of the people."""
    toks = tokens_before(text, start, 2)
    return (
        len(toks) == 2 and toks[1].end() < start
        and toks[1].group() in ("over", "under", "above", "below")
        and toks[0].group().lower() in AGE_GROUP_NOUNS
    )


def mark_ages(text: str, figs: list[Candidate]) -> None:
    """"Morales, 54, said", "aged 34", "at age 94": a bare whole number up to 120 after a name
    and a comma, or after "aged" or "age", is an age."""
    prev: Candidate | None = None
    for fig in figs:
        listed = (
            prev is not None and prev.kind == "age" and fig.kind == "bare" and not fig.word
            and _AGE_LIST_RE.fullmatch(text, prev.end, fig.text_start) is not None
        )
        prev = fig
        if listed:  # "aged 19, 22 and 31": every number of the list is an age
            fig.kind, fig.unit = "age", "years of age"
            continue
        if (
            fig.kind == "bare"
            and not fig.word
            and fig.unit is None
            and 1 <= fig.value <= 120
            and fig.value == int(fig.value)
            and (
                (_is_apposition(text, fig.text_start) and _AGE_AFTER_RE.match(text, fig.end))
                or text[max(0, fig.text_start - 5) : fig.text_start].lower() == " age "
                or (  # "aged 34", not "averaged 25"
                    text[max(0, fig.text_start - 5) : fig.text_start].lower() == "aged "
                    and not text[max(0, fig.text_start - 6) : fig.text_start - 5].isalpha()
                )
                or (
                    _AGE_LIMIT_AFTER_RE.match(text, fig.end) is not None
                    and prev_word(text, fig.text_start) in AGE_GROUP_NOUNS
                )
                or _is_age_bound(text, fig.text_start)
            )
        ):
            fig.kind, fig.unit = "age", "years of age"


def _in_place(text: str, end: int, earlier: list[Candidate]) -> bool:
    """"50,000 people in Turkey and 6,000 in Syria": a bare amount in a place, after a counted
    one in another place, counts the same noun."""
    here = _IN_PLACE_RE.match(text, end)
    if here is None or here.group("w").lower() in MONTHS | WEEKDAYS or not earlier:
        return False
    prev = earlier[-1]
    there = _IN_PLACE_RE.match(text, prev.unit_end) if _is_countable(prev) else None
    return there is not None and there.group("w").lower() not in MONTHS | WEEKDAYS


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _SENTENCE_END_RE.finditer(text):
        spans.append((start, m.start() + 1))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _is_countable(fig: Candidate) -> bool:
    return fig.kind == "count" and fig.unit is not None and fig.unit_end > 0


def other_units(text: str, figs: list[Candidate]) -> None:
    """"destroyed 12 homes and damaged 30 others", "two were killed and 14 others hurt": "others"
    counts more of what the count before it in the sentence counts."""
    for prev, fig in pairwise(figs):
        if (
            fig.unit == "others" and fig.kind == "count" and prev.kind == "count"
            and prev.unit and prev.unit != "others" and is_plural(prev.unit)
            and not _SENTENCE_END_RE.search(text, prev.end, fig.start)
        ):
            fig.unit = prev.unit


def context_units(text: str, figs: list[Candidate]) -> None:
    """Give a bare count the unit of an earlier figure it clearly belongs to.

    "4,423 peacekeepers ... including 181 from Pakistan": the 181 are peacekeepers. Only counts
    written as "N from X", "N of them/whom/our ...", "including N" take part, and only from a
    count in the same sentence (or, for "N of our bravest", the sentences just before).
    """
    sentences = _sentence_spans(text)
    for i, fig in enumerate(figs):
        if fig.unit is not None or fig.kind not in ("bare",) or fig.drop:
            continue
        ratio = RATIO_RE.match(text, fig.end)
        if (
            ratio and i + 1 < len(figs) and figs[i + 1].text_start == ratio.end()
            and fig.value < figs[i + 1].value  # "240 in six states" is no ratio
            and figs[i + 1].kind == "count" and figs[i + 1].unit
        ):
            # "nine out of 10 doctors", "one in five adults": both numbers count the noun.
            fig.unit, fig.kind = figs[i + 1].unit, "count"
            continue
        if is_gapped(text, fig):
            sent_start = next((a for a, b in sentences if a <= fig.start < b), 0)
            for prev in reversed(figs[:i]):
                if prev.start >= sent_start and _is_countable(prev) and is_plural(prev.unit or ""):
                    fig.unit, fig.kind = prev.unit, "count"
                    break
            else:
                fig.drop = True  # "Chelsea 2, Arsenal 1": names and numbers, nothing counted
            continue
        after = text[fig.end : fig.end + 40]
        before = text[max(0, fig.text_start - 20) : fig.text_start].lower()
        from_place = _FROM_RE.match(after) is not None or _in_place(text, fig.end, figs[:i])
        partitive = PARTITIVE_RE.match(text, fig.end)
        det = partitive.group("det").lower() if partitive else ""
        elided = det in ("them", "whom", "which")
        if partitive and not elided:
            # "two of Johnson's deputies", "one of the best speakers": the noun after "of".
            # "15 of the 20 largest banks": past a number between the determiner and the noun.
            inner = past_inner_number(text, partitive.end())
            head = head_noun(text, inner)
            if head and is_plural(head[0]) and can_head(head[0]):
                fig.unit = head[0]
                fig.kind = "count"
                if inner == partitive.end():  # an inner number is a figure of its own
                    fig.unit_end = head[1]
                continue
            # "182 of our bravest": the noun is left out, and said before.
            elided = det in ("our", "their", "these", "those", "its")
        who = _WHO_RE.match(after) is not None
        compared = _COMPARED_RE.search(before) is not None
        if compared:
            # "460 vehicles were stolen, compared with 63": the same unit as the figure compared.
            for prev in reversed(figs[:i]):
                if prev.unit and prev.kind not in ("year", "fraction"):
                    fig.unit, fig.kind = prev.unit, prev.kind
                    break
            continue
        if before.endswith((" to ", " at ")) and i and figs[i - 1].unit == "points":
            # "rose 64.06 points to 4,577.10", "closed 12 points higher at 7,650": a level in
            # the points it moved by.
            if fig.start - figs[i - 1].end < 20:
                fig.unit, fig.kind = "points", "count"
            continue
        if i and text[figs[i - 1].end : fig.text_start] == " to " and _is_countable(figs[i - 1]):
            # "passed by 312 votes to 256": the second number counts the same noun
            fig.unit, fig.kind = figs[i - 1].unit, "count"
            continue
        if fig.scale != 1.0 and i and _CHANGE_BEFORE_RE.search(before):
            # "fell to 1.2 billion euros from 1.5 billion", "rose 2 million tonnes last year and
            # are up 2 million this year": an amount in the unit of the one it changes.
            prev = figs[i - 1]
            parallel = prev.kind in ("money", "measure") or (
                _is_countable(prev) and is_plural(prev.unit or "")
            )
            near = fig.start - prev.end < 60 and not _SENTENCE_END_RE.search(
                text, prev.end, fig.start
            )
            if parallel and near and (before.endswith(" from ") or prev.scale != 1.0):
                fig.unit, fig.kind = prev.unit, prev.kind
            continue
        # "300 beds, of which 40 are ...", "52 passengers, of whom 12": the noun said before.
        lead = before.rstrip().endswith(("including", "among", "of which", "of whom"))
        if not (from_place or elided or who or lead):
            continue
        sent_start = next((a for a, b in sentences if a <= fig.start < b), 0)
        window_start = sent_start
        if elided and not from_place:
            idx = next((k for k, (a, b) in enumerate(sentences) if a <= fig.start < b), 0)
            window_start = sentences[max(0, idx - 3)][0]
        for prev in reversed(figs[:i]):
            if prev.start < window_start:
                break
            if _is_countable(prev) and prev.unit and prev.unit.lower() not in PLACE_NOUNS:
                fig.unit = prev.unit
                fig.kind = "count"
                break
        else:
            if who:
                fig.unit, fig.kind = "people", "count"

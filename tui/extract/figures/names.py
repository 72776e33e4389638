"""Numbers that are part of a name: "Game 6", "Big 12", "Group of 20", "the 787 Dreamliner".

Both rules look at the words right around the number; a figure they reject is dropped, or (for a
lowercase singular word after it, "12k cheaper") keeps its value and loses the unit.
"""

from __future__ import annotations

import re

from tui.extract.figures.figure import Candidate
from tui.extract.figures.phrases import is_plural, tokens_before
from tui.extract.figures.words import (
    BOUNDS_BEFORE,
    MEASURE_WORDS,
    MONTHS,
    NUMBER_NOUNS,
    PEOPLE_STATES,
    SCALE_STEPS,
    STOP_WORDS,
    WEEKDAYS,
    YEAR_PREPOSITIONS,
)
from tui.extract.vocabulary import word_list, word_set

_LABEL_END_RE = re.compile(
    r"\s*(?:[.,;:)!?]|$)|\s+(?:of|and|in|on|at|against|for|to|with|when|as|after|before)\b"
)
_CLAUSE_END_RE = re.compile(r"\s*(?:[.;,)]|and\b|$)")
#: Nouns that make the number right after them a label ("phase 3", "type 2", "flight 302").
LABEL_NOUNS: frozenset[str] = word_set("figure_label_nouns")
#: Nouns that make a bare number right after them a label: "day 3", "game 7".
BARE_LABEL_NOUNS: frozenset[str] = word_set("figure_label_nouns_bare")


def _words(name: str) -> str:
    return "|".join(re.escape(w) for w in word_list(name))


#: A house number and the street it is on: "1600 Pennsylvania Avenue", "221B Baker Street",
#: "350 Fifth Avenue", "45 Rue de Rivoli". The number names a building; it counts nothing.
_ADDRESS_RE = re.compile(
    r"\d+[A-Za-z]?(?:[-–]\d+)?,?\s+(?:"
    r"(?:(?:[A-Z][\w'’.-]*|\d+(?:st|nd|rd|th))\s+){0,3}(?:" + _words("figure_street_words")
    + r")\b\.?(?!\.?(?:\s+[A-Z][\w.]*)*\s+(?!(?:is|was|has|does|remains|stands|sits|lies)\b)"
    r"[a-z]{2,}s\b)"
    r"|(?:" + _words("figure_street_first_words") + r")\s+(?:d[eiu]\s+|de\s+la\s+)?[A-Z]"
    r"|block\s+of\s)"  # "the 1400 block of North Main Street": a stretch of a street
)


_NUMBER_NOUN_RE = re.compile(
    r"-(?:" + "|".join(sorted(NUMBER_NOUNS, key=len, reverse=True)) + r")s?\b|ers\b",
    re.IGNORECASE,
)


def is_number_noun(text: str, fig: Candidate) -> bool:
    """Whether the number is joined to a noun it names one thing with ("an 18-wheeler", "a
    two-seater", "three three-pointers") or a team's name ("the 49ers"): not an amount."""
    return fig.num_end > 0 and _NUMBER_NOUN_RE.match(text, fig.num_end) is not None


def is_address(text: str, fig: Candidate) -> bool:
    """A house number before a street name (and not before what it counts: "30 Main Street
    shops" are shops)."""
    if fig.word or fig.kind not in ("bare", "count") or text[fig.text_start : fig.start]:
        return False
    return _ADDRESS_RE.match(text, fig.start) is not None


def mark_scale_step(text: str, fig: Candidate) -> bool:
    """"a Category 4 hurricane", "level 3 restrictions": a step on a scale. The figure counts
    in that scale's steps, and takes the word in; True when it is one."""
    if fig.kind not in ("bare", "count") or fig.text_start != fig.start:
        return False
    toks = tokens_before(text, fig.start, 1)
    if not toks or toks[-1].end() + 1 != fig.start or text[fig.start - 1] != " ":
        return False
    word = toks[-1].group()
    if word.lower() not in SCALE_STEPS:
        return False
    fig.unit, fig.kind, fig.text_start = word.lower(), "count", toks[-1].start()
    fig.end, fig.unit_end = fig.num_end, -1
    return True


def is_gapped(text: str, fig: Candidate) -> bool:
    """"Boeing delivered 50 jets, Airbus 60": a bare number after ", Name" that ends its clause
    repeats an earlier figure's verb and noun, left out. Whether it counts anything is decided
    with the other figures of its sentence (:func:`~tui.extract.figures.context.context_units`).
    """
    if fig.kind != "bare" or fig.word or fig.unit is not None:
        return False
    toks = tokens_before(text, fig.text_start, 2)
    if len(toks) < 2 or not toks[0].group().endswith(",") or toks[1].end() == fig.text_start:
        return False
    name = toks[1].group()
    if len(name) == 2 and name.isupper():
        return False  # "Cupertino, CA 95014": a state and a postcode
    return name[:1].isupper() and name.isalpha() and _CLAUSE_END_RE.match(text, fig.end) is not None


def _starts_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?\n"


#: Plural nouns for people ("adults", "children"): not names when they open a sentence.
AGE_GROUP_NOUNS: frozenset[str] = word_set("figure_age_group_nouns")
#: Acronyms of measures ("CI", "HR", "BMI"): the number after one is a reading, not a name.
_MEASURE_ACRONYMS: frozenset[str] = word_set("figure_measure_acronyms")
#: Nouns before a number with a capital letter on it that make it a label ("seat 14C").
_LETTER_LABELS = frozenset({"seat", "row", "gate", "bay", "stand", "platform", "room", "flat"})


def in_name(text: str, fig: Candidate) -> bool:
    """A number that is part of a name: "Game 6", "Big 12", "iPhone 11", "Group of 20"."""
    if fig.kind == "measure" and fig.unit_end <= 0 and text[fig.end - 1 : fig.end].isupper():
        # "seat 14C", "gate 5F": a label with a letter, not degrees
        last = tokens_before(text, fig.text_start, 1)
        return bool(last) and last[-1].group().lower() in _LETTER_LABELS
    if fig.kind not in ("bare", "count"):
        return False
    toks = tokens_before(text, fig.text_start, 2)
    if not toks or toks[-1].end() == fig.text_start:
        return False
    w = toks[-1].group()
    if is_gapped(text, fig) or fig.unit == "times":
        return False  # "won the French Open 14 times": a count of occasions follows a name
    label = w in LABEL_NOUNS or (w.endswith("s") and w[:-1] in LABEL_NOUNS)
    if w in ("and", "or", "to") and not fig.word:
        # the second label of "junctions 14 and 15", "pages 4 to 5"
        three = tokens_before(text, fig.text_start, 3)
        if len(three) == 3 and three[1].group().isdigit():
            first = three[0].group().lower()
            label = first.endswith("s") and first[:-1] in LABEL_NOUNS
    if label and fig.start == fig.text_start and fig.scale == 1.0:
        # "phase 3 trials", "type 2 diabetes", "wearing number 10", "junctions 14 and 15"
        return True
    if (
        w in BARE_LABEL_NOUNS
        and fig.kind == "bare"
        and fig.unit is None
        and not fig.word
        and _LABEL_END_RE.match(text, fig.end)
    ):
        return True  # "on day 3 of the trial", "in game 7", not "this week 5 were hurt"
    if fig.word and not text[fig.start].isupper():
        return False
    if fig.kind == "count" and fig.unit and (fig.unit.lower() in MEASURE_WORDS):
        return False
    if fig.scale != 1.0:
        return False  # "India 1.4 billion": names are not numbered in millions
    if not w[0].isalpha() or w.endswith((",", ":", ";", ")", ".", "!", "?")):
        return False
    if w.lower() in AGE_GROUP_NOUNS and _starts_sentence(text, toks[-1].start()):
        return False  # "Adults 65 and over": a noun, capitalised only by its place
    if w in _MEASURE_ACRONYMS and "." in text[fig.start : fig.num_end]:
        return False  # "95% CI 1.6-3.1", "HR 0.8": a reading of the measure named
    low = w.lower().rstrip(".")
    if low.endswith("ly") and fig.kind == "count" and _starts_sentence(text, toks[-1].start()):
        return False  # "Barely 30 voters": an adverb, capitalised only by its place
    if low in ("season", "series") and w[0].isupper() and fig.value < 1000:
        return True  # "the Season 3 finale": "season" also comes before years ("season 2019")
    if low in STOP_WORDS or low in BOUNDS_BEFORE or low in MONTHS or low in YEAR_PREPOSITIONS \
            or low in WEEKDAYS:
        if low == "of" and len(toks) == 2 and "." not in text[fig.start : fig.num_end]:
            # "Group of 20", but not "Gatherings of 50" at the start of a sentence.
            w2 = toks[0].group()
            before = text[max(0, toks[0].start() - 3) : toks[0].start()].strip()
            # An acronym before "of" names a measure: "a BMI of 30", "an IQ of 140".
            title = w2[:1].isupper() and not w2.isupper()
            return title and w2.lower() not in STOP_WORDS and before[-1:].isalpha()
        return False
    return any(c.isupper() for c in w)


def check_singular_head(text: str, fig: Candidate) -> bool:
    """Vet a counted noun that is not plural; False when the figure is part of a name.

    "the 787 Dreamliner", "iPhone 11 Pro": a number before a capitalised singular word is a model
    name. "40k cheaper than", "1000 come from": one lowercase singular word after a number
    (other than 1) is not what it counts, so the unit is dropped.
    """
    unit = fig.unit or ""
    if is_plural(unit) or unit.lower() in MEASURE_WORDS or unit.lower() in PEOPLE_STATES:
        return True
    words = text[fig.num_end : fig.unit_end].split()
    if fig.value == 1 and len(words) < 2:
        return True  # "one American", "1 Fed official"
    if unit[:1].isupper() and not unit.isupper() and all(w[:1].isupper() for w in words):
        # "1,500 Americans" written out is an amount; "75008 Paris", a postcode, and "One
        # World Trade Center", a building, are not.
        raw = text[fig.start : fig.num_end]
        return abs(fig.value) >= 1000 and ("," in raw or fig.scale != 1.0)
    if fig.value == 1:
        return True

    if len(words) == 1 and unit[:1].islower():
        fig.unit, fig.kind, fig.end, fig.unit_end = None, "bare", fig.num_end, -1
    return True

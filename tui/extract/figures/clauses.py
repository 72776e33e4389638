"""What a bare number counts, read from the clause around it rather than the words after it.

"Of the 300 passengers, 250 were rescued": the noun of an "of the N X" phrase before.
"Homicides fell 5% to 18,000": the plural subject of a verb of change. "killed 12 and injured
40": people, after a verb of harm. "bowled out for 245": runs. "minus 40" in a sentence about
the weather: degrees. Each rule runs only on figures no earlier rule gave a unit.
"""

from __future__ import annotations

import re

from tui.extract.figures.figure import Candidate
from tui.extract.figures.phrases import can_head, is_plural
from tui.extract.figures.ranges import CHANGE_VERBS
from tui.extract.figures.words import STOP_WORDS
from tui.extract.vocabulary import word_set

#: "Of the 300 passengers, 250 ...", "Of its 1,200 staff, 400 ...": the phrase before the
#: number names what it counts.
_OF_THE_BEFORE_RE = re.compile(
    r"(?:^|[\s(\"“])[Oo]f\s+(?:(?:the|its|their|these|those|our|his|her|some|all)\s+)?"
    r"(?:[a-z]+\s+)?$"
)
#: The comma that closes the phrase, after at most a participle ("Of 1,000 adults polled, 620").
_COMMA_RE = re.compile(
    r"(?:\s+[a-z]+ed|\s+on\s+board|\s+aboard)?\s*,\s*"
    r"(?:(?:only|just|about|some|around|nearly|almost|at\s+least|more\s+than)\s+)?"
)
#: A plural subject opening the sentence, and its verb: "Homicides fell", "The number of
#: burglaries has risen".
_SUBJECT = (
    r"(?:[Tt]he\s+)?(?:(?:number|count|total|tally|toll)\s+of\s+)?{modifier}"
    r"(?P<n>[A-Za-z]{{4,}})\s+(?:have\s+|has\s+|had\s+|were\s+|was\s+)?(?P<v>[a-z]+)\b"
)
#: The subject alone ("Homicides fell"), or after one or two modifiers ("Migrant crossings
#: dropped", "Initial jobless claims fell").
_SUBJECT_RES = (
    re.compile(_SUBJECT.format(modifier="")),
    re.compile(_SUBJECT.format(modifier=r"[A-Za-z]+\s+")),
    re.compile(_SUBJECT.format(modifier=r"[A-Za-z]+\s+[a-z]+\s+")),
)
#: Subjects whose bare levels are prices, index points or money, not counts of the subject.
_NOT_COUNTED_SUBJECTS: frozenset[str] = word_set("figure_uncounted_subjects")
#: Where a level or a change stands: "fell to 18,000", "fell 4,000 to a seasonally adjusted
#: 208,000", or right after the verb ("claims fell 4,000").
_LEVEL_BEFORE_RE = re.compile(
    r"\b(?:(?:to|from|by)\s+(?:an?\s+(?:seasonally\s+adjusted|revised|record|total\s+of)\s+)?"
    r"|(?P<v>[a-z]+)\s+)$"
)
#: A verb of harm or rescue right before the number: "killed 12", "wounding at least 40".
_HARM_BEFORE_RE = re.compile(
    r"\b(?:kill|injur|wound|hurt|arrest|detain|rescu|evacuat|infect|sicken|abduct|kidnapp"
    r"|execut|hospitali[sz]|displac|hir|recruit|laid\s+off|lay(?:ing)?\s+off)(?:ed|ing|es|s|e)?\s+(?:(?:at\s+least|more\s+than|nearly|almost"
    r"|about|around|some|over|up\s+to|as\s+many\s+as|another|an\s+estimated)\s+)?$",
    re.IGNORECASE,
)
#: A verb of harm or rescue after the number: "1,500 were evacuated", "Twelve were hurt".
_HARMED_AFTER_RE = re.compile(
    r"\s+(?:(?:have\s+|had\s+)?(?:died|perished|drowned|fled)\b"
    r"|(?:on\s+board|aboard)\b"
    r"|(?:were|are|have\s+been|had\s+been|are\s+being|were\s+being)\s+"
    r"(?:(?:reported|also|still|now)\s+)?"
    r"(?:killed|injured|wounded|hurt|arrested|detained|rescued|evacuated|hospitali[sz]ed"
    r"|taken\s+to\s+hospital|treated|displaced|abducted|kidnapped|executed|infected"
    r"|confirmed\s+dead|missing|trapped|stranded)\b)"
)
#: A verb only people do after the number: "More than 1,000 have signed the petition".
_PEOPLE_VERB_AFTER_RE = re.compile(
    r"\s+(?:(?:have|had|has)\s+(?:since\s+|already\s+)?)?(?:signed|marched|protested|rallied"
    r"|volunteered|enrolled|registered|testified|demonstrated|queued|turned\s+out)\b"
)
#: "pulled 17 from the rubble", "hauled 40 out of the sea": people, brought out alive or dead.
_PULLED_BEFORE_RE = re.compile(
    r"\b(?:pull|haul|dragg?|airlift)(?:ed|ing|s)?\s+(?:(?:at\s+least|more\s+than|about|some"
    r"|another|nearly)\s+)?$",
    re.IGNORECASE,
)
_OUT_FROM_AFTER_RE = re.compile(r"\s+(?:(?:alive|survivors?)\s+)?(?:from|out\s+of)\s")
#: A hyphen left hanging before "and", "or" or "to": "two- and 10-year yields", "three- to
#: five-day stays". The number shares the unit joined to the next one.
_SUSPENDED_HYPHEN_RE = re.compile(r"-\s+(?:and|or|to)\s+")
#: A reading on a named scale: "6.4 on the Richter scale".
_ON_SCALE_RE = re.compile(r"\s+on\s+the\s+(?P<u>(?:[A-Z][a-z]+\s+)?(?:[A-Z][a-z]+|open)\s+scale)\b")
#: A team's total in cricket: "bowled out for 245", "all out for 245", "dismissed for 98".
_INNINGS_BEFORE_RE = re.compile(r"\b(?:(?:bowled|all)\s+out|dismissed)\s+for\s+$")
#: Words that make a negative bare number a temperature.
_WEATHER_RE = re.compile(
    r"\b(?:temperatures?|degrees|lows?|highs?|cold|chill|freez\w*|frost\w*|heat|warm\w*"
    r"|celsius|fahrenheit|thermometers?|weather|forecast\w*|winter)\b|°",
    re.IGNORECASE,
)


def _sentence_start(text: str, pos: int) -> int:
    for i in range(pos - 1, max(-1, pos - 400), -1):
        if text[i] in ".!?\n" and (i + 1 >= len(text) or text[i + 1] in " \n\"”"):
            return i + 1
    return 0 if pos < 400 else pos - 400


def _subject(text: str, start: int) -> str | None:
    """The plural noun opening the sentence at ``start`` when a verb of change follows it."""
    start += len(text[start : start + 4]) - len(text[start : start + 4].lstrip(" \"“"))
    m = next(
        (m for r in _SUBJECT_RES if (m := r.match(text, start)) and m.group("v") in CHANGE_VERBS),
        None,
    )
    if m is None:
        return None
    noun = m.group("n").lower()
    if not (is_plural(noun) and can_head(noun)) or noun in STOP_WORDS:
        return None
    return None if noun in _NOT_COUNTED_SUBJECTS else noun


def clause_units(text: str, figs: list[Candidate]) -> None:
    """Give bare numbers the unit their clause implies (see the module docstring)."""
    for i, fig in enumerate(figs):
        if fig.unit is not None or fig.kind != "bare" or fig.drop:
            continue
        before = text[max(0, fig.text_start - 40) : fig.text_start]
        hanging = _SUSPENDED_HYPHEN_RE.match(text, fig.end)
        if hanging and i + 1 < len(figs) and figs[i + 1].text_start == hanging.end() and (
            figs[i + 1].unit and text[figs[i + 1].num_end : figs[i + 1].num_end + 1] == "-"
        ):
            fig.unit, fig.kind, fig.end = figs[i + 1].unit, figs[i + 1].kind, fig.end + 1
        elif i and _is_of_the_phrase(text, figs[i - 1], fig):
            fig.unit, fig.kind = figs[i - 1].unit, "count"
        elif (
            _HARM_BEFORE_RE.search(before)
            or _HARMED_AFTER_RE.match(text, fig.end)
            or _PEOPLE_VERB_AFTER_RE.match(text, fig.end)
            or (_PULLED_BEFORE_RE.search(before) and _OUT_FROM_AFTER_RE.match(text, fig.end))
        ):
            fig.unit, fig.kind = "people", "count"
        elif (scale := _ON_SCALE_RE.match(text, fig.end)) is not None:
            fig.unit, fig.kind = scale.group("u"), "measure"
        elif _INNINGS_BEFORE_RE.search(before):
            fig.unit, fig.kind = "runs", "count"
        elif fig.value < 0 and _WEATHER_RE.search(text, _sentence_start(text, fig.start),
                                                  fig.start + 80):
            fig.unit, fig.kind = "degrees", "measure"
        elif (
            (level := _LEVEL_BEFORE_RE.search(before))
            and fig.value >= 100
            and (not level.group("v") or level.group("v") in CHANGE_VERBS)
        ):
            subject = _subject(text, _sentence_start(text, fig.start))
            if subject:
                fig.unit, fig.kind = subject, "count"


def _is_of_the_phrase(text: str, prev: Candidate, fig: Candidate) -> bool:
    """"Of the 300 passengers, 250 were rescued": ``fig`` after a comma that ends the phrase."""
    if prev.kind != "count" or not prev.unit:
        return False
    if not _COMMA_RE.fullmatch(text, max(prev.end, prev.unit_end), fig.text_start):
        return False
    return _OF_THE_BEFORE_RE.search(text, max(0, prev.text_start - 30), prev.text_start) is not None

"""What is written right after or before a number: currency, scale word, percent, unit, noun.

:func:`match_after` reads the unit after a number ("%", "km", "-year-old", "euros", a counted
noun), :func:`scale_after` its scale word ("billion", "bn", "m" as a million or as metres), and
:data:`CURRENCY_BEFORE_RE` a currency sign or code before it. The words are data
(:mod:`tui.extract.figures.words`); the patterns here are the grammar around them.
"""

from __future__ import annotations

import re

from tui.extract.figures.figure import FigureBound, FigureKind
from tui.extract.figures.numbers import SCALE_SUFFIXES
from tui.extract.figures.phrases import (
    TIME_LOOKUP,
    WORD_RE,
    head_noun,
    is_plural,
    pluralise,
    skip_space,
)
from tui.extract.figures.words import (
    AMBIGUOUS_ABBREVIATIONS,
    AREA_WORDS,
    CURRENCY_AFTER,
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    DIMENSION_WORDS,
    HYPHEN_UNIT_SUFFIXES,
    LENGTH_CONTEXT,
    MEASURE_ABBREVIATIONS,
    MEASURE_WORDS,
    METRE_EVENTS,
    MONTHS,
    PEOPLE_STATES,
    SCALE_STEPS,
    SPACED_ABBREVIATIONS,
    STOP_WORDS,
    TIGHT_PREFIXES,
    TIME_ZONES,
)


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words)


#: ISO code of a currency prefix written with or without its inner space ("HK $", "HK$").
CURRENCY_CODES: dict[str, str] = {k.replace(" ", ""): v for k, v in CURRENCY_PREFIXES.items()}
#: A currency sign or code just before a number (and a minus sign between them).
CURRENCY_BEFORE_RE = re.compile(
    "(?:"
    + "|".join(
        (r"(?<![\w-])" if k[0].isalpha() else "")
        + re.escape(k)
        + ("" if k in TIGHT_PREFIXES else r"\s?")
        for k in sorted(CURRENCY_PREFIXES, key=len, reverse=True)
    )
    + r")(?P<neg>[-−])?$"
)
#: A currency sign written after the amount ("50€", "100 $"), not before another number.
CURRENCY_AFTER_RE = re.compile(
    r"\s?(?P<sign>" + _alternation(sorted(CURRENCY_AFTER, key=len, reverse=True)) + r")(?![\d\w])"
)
#: ISO codes of currencies, which may also follow the amount ("100 USD").
_ISO_CODES = frozenset(v for v in CURRENCY_PREFIXES.values() if len(v) == 3 and v.isupper())
#: The characters a currency prefix can end with: only numbers after one of them are looked at.
CURRENCY_LAST_CHARS = frozenset(k.rstrip()[-1] for k in CURRENCY_PREFIXES) | {"-", "−"}


#: A prefix that needs a digit straight after it, written with a space: still a currency when a
#: scale word follows the amount ("SR 2 billion", "RM 500 million"), which no road or code has.
_TIGHT_SPACED_RE = re.compile(
    r"(?<![\w-])(?:" + _alternation(sorted(TIGHT_PREFIXES, key=len, reverse=True)) + r") (?P<neg>)$"
)
_TIGHT_LAST_CHARS = frozenset(k[-1] for k in TIGHT_PREFIXES)
_SCALE_WORD_AFTER_RE = re.compile(r"\s?(?:bn|mn|tn|m|million|billion|trillion|crore|lakh)\b")


def spaced_tight_currency(before: str, text: str, end: int) -> re.Match[str] | None:
    """A tight prefix, a space and an amount with a scale word (see :data:`_TIGHT_SPACED_RE`)."""
    if before[-1:] != " " or before[-2:-1] not in _TIGHT_LAST_CHARS:
        return None
    if not _SCALE_WORD_AFTER_RE.match(text, end):
        return None
    return _TIGHT_SPACED_RE.search(before)


def currency_before(before: str) -> re.Match[str] | None:
    """The currency sign or code at the end of ``before`` (the text just before a number).

    The full pattern is only tried after a character a prefix can end with, or a space after
    one ("Rs. 200", "CHF 40"): most numbers have none, and skip the search."""
    c1 = before[-1:]
    if not c1:
        return None
    if c1 not in CURRENCY_LAST_CHARS:
        c2 = before[-2:-1]
        if c1 != " " or not (c2.isupper() or c2 in CURRENCY_LAST_CHARS):
            return None
    return CURRENCY_BEFORE_RE.search(before)

_SCALE_WORDS = [k for k in SCALE_SUFFIXES if len(k) > 1]
_SCALE_LETTERS = "".join(k + k.upper() for k in SCALE_SUFFIXES if len(k) == 1)
#: A scale word after a numeral, spaced, hyphenated ("a $1.5-million grant") or attached.
_SCALE_AFTER_RE = re.compile(
    r"(?:[\s-]?(?P<word>" + _alternation(_SCALE_WORDS) + r")"
    r"|(?P<tight>[" + _SCALE_LETTERS + r"]|bn|mn|tn))(?![A-Za-z0-9])",
)
#: "%", "per cent", "percent", "pct", "percentage points", "basis points", "bps": the spellings
#: differ in spacing and plural more than in words, so they stay one pattern.
_PERCENT_AFTER_RE = re.compile(
    r"(?:\s?(?:%|per(?:\s+|-\s*)?cent\b|percent\b|pct\b)|(?-i:\s?pc\b)(?!\.\w))(?P<points>\s+points?\b)?"
    r"|\s(?P<pp>percentage\s+points?\b)|\s?(?P<bps>basis\s+points?\b|bps\b|bp\b)",
    re.IGNORECASE,
)
#: A time of day after a number: "7:30", "10am", "1500 GMT", "20h30".
TIME_AFTER_RE = re.compile(
    r"(?::\d\d|\s?(?:[ap]\.?m\b\.?|[AP]\.?M\b\.?)|\s?(?:" + _alternation(TIME_ZONES) + r")\b"
    r"|h\d\d\b|\s?o['’]clock\b|\s+(?:noon|midnight|tonight|in\s+the\s+(?:morning|afternoon"
    r"|evening)|at\s+night|sharp|local\s+time)\b)"
)
ORDINAL_AFTER_RE = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
DECADE_AFTER_RE = re.compile(r"[’']?s\b")
_HYPHEN_UNIT_RE = re.compile(
    r"(?:-|\s-\s?|–)(?P<w>[A-Za-z]+(?:-(?:" + _alternation(HYPHEN_UNIT_SUFFIXES) + r"))?)"
    r"(?![\w-]*\d)"
)
_ABBREV_AFTER_RE = re.compile(
    r"(?P<sp>\s?)(?P<u>"
    + _alternation(sorted(MEASURE_ABBREVIATIONS, key=len, reverse=True))
    + r")(?![A-Za-z0-9])"
)
_TWO_WORD_UNIT_RE = re.compile(
    r"\s(?P<u>parts?\s+per\s+(?:million|billion|trillion)|(?:degrees?|deg\.?)\s+(?:Celsius"
    r"|Fahrenheit|centigrade|C|F)|light[\s-]years?|(?:square|cubic)\s+(?:"
    + _alternation(sorted(AREA_WORDS, key=len, reverse=True)) + r"))\b"
)
#: "a 2,400-square-foot condo", "a 10-square-mile area": an area written as one hyphenated word.
_HYPHEN_AREA_RE = re.compile(
    r"-(?P<u>(?:square|cubic)-(?:"
    + _alternation(sorted(AREA_WORDS, key=len, reverse=True)) + r"))\b(?!-\d)"
)
_DEG_RE = re.compile(r"^deg\.?(?= )")
_SPACED_AGE_RE = re.compile(r"\s(?P<u>year|month|week|day)s?[- ]old\b", re.IGNORECASE)
_HIGH_END_M_RE = re.compile(r"\s?[-–]\s?\d[\d.,]*m\b")
_LETTER_AFTER_RE = re.compile(r"[A-Z](?![\w'’.-])")
_FEET_MARK_RE = re.compile(r"'(?!\w)")
#: The second unit of a rate written with a slash: "mg/L", "g/km", "kg/ha", "bcf/d".
_SLASH_PER_RE = re.compile(r"/(?P<d>[A-Za-zµμ]{1,4}[²³23]?)(?![\w/])")
_SLASH_TIME = frozenset({"h", "hr", "s", "sec", "min", "d", "day", "yr", "wk", "mo"})
#: After a spaced abbreviation that is also a word or letter, what makes it a unit: "20 t of
#: steel", "40 m per day"; and a dimension before the number: "105 x 68 m".
_UNIT_CONTEXT_AFTER_RE = re.compile(
    r"\s+(?:of\s+(?!(?:the|its|their|his|her|our|these|those|them|all|a|an)\b)[a-z]"
    r"|(?P<per>per\s+[a-z]|an?\s+(?:day|year|hour|second)\b))"
)
_DIMENSIONS_BEFORE_RE = re.compile(r"\d\s?[x×]\s?[\d.,]+$")
_CLAUSE_GOES_ON_RE = re.compile(r"\s*[A-Za-z0-9]")
_DIGITS_BEFORE_RE = re.compile(r"\d[\d,]*(?:\.\d+)?$")
_LOWER_WORD_NEXT_RE = re.compile(r"\s+[a-z]")
_CONTEXT_WORD_RE = re.compile(r"[a-z]+")
#: " of " between a vague amount or a scale and what it counts.
OF_RE = re.compile(r"\s+of\s+")
#: "30-odd villages", "300-plus passengers", "300 or so protesters": words that make the number a
#: round estimate ("odd", "or so") or a floor ("plus"); what is counted comes after them.
_APPROX_SUFFIX_RE = re.compile(r"-(?P<w>odd|plus)\b(?!-)|\s+or\s+(?P<w2>so)\b", re.IGNORECASE)


def approx_suffix(text: str, end: int) -> tuple[FigureBound, int] | None:
    """The bound a "-odd" or "-plus" right after a number gives it, and where the suffix ends."""
    m = _APPROX_SUFFIX_RE.match(text, end)
    if m is None:
        return None
    odd = (m.group("w") or m.group("w2")).lower() in ("odd", "so")
    return (FigureBound.APPROXIMATE if odd else FigureBound.MORE_THAN), m.end()


def _next_word(text: str, pos: int) -> str:
    """The lower-case word starting after the spaces at ``pos`` ("" if none)."""
    m = WORD_RE.match(text, skip_space(text, pos))
    return m.group().lower() if m else ""


def _is_race_k(text: str, end: int) -> bool:
    """"ran a 5K", "the 10K race": a race named by its distance in kilometres, after a word of
    running or before the name of a race (checked after "K" that is not thousands)."""
    window = text[max(0, end - 30) : end].lower()
    if LENGTH_CONTEXT.intersection(_CONTEXT_WORD_RE.findall(window)):
        return True
    return _next_word(text, end + 1) in METRE_EVENTS or _next_word(text, end + 1) in (
        "run", "runs", "walk", "walks", "fun", "charity", "road"
    )


def match_after(text: str, end: int) -> tuple[str | None, FigureKind | None, int, bool]:
    """What is attached after a number ending at ``end``: (unit, kind, new_end, noun_unit).

    The kind is None, and the end unchanged, when nothing is attached.
    """
    m = _PERCENT_AFTER_RE.match(text, end)
    if m:
        if m.group("bps"):
            return "basis points", "percent", m.end(), False
        if m.group("pp") or m.group("points"):
            return "percentage points", "percent", m.end(), False
        return "percent", "percent", m.end(), False
    m = _TWO_WORD_UNIT_RE.match(text, end)
    if m:  # "420 parts per million", "1.5 degrees Celsius": the unit is both words
        unit = _DEG_RE.sub("degrees", " ".join(m.group("u").split()))  # "12 deg F"
        return unit, "measure", m.end(), False
    m = _SPACED_AGE_RE.match(text, end)
    if m:
        return f"{pluralise(m.group('u').lower())} of age", "age", m.end(), False
    m = _HYPHEN_AREA_RE.match(text, end)
    if m:
        return m.group("u").replace("-", " "), "measure", m.end(), False
    m = _HYPHEN_UNIT_RE.match(text, end)
    if m:
        w = m.group("w")
        low = w.lower()
        if low.endswith("-old") or low in ("year-old", "month-old"):
            base = low.split("-")[0]
            return f"{pluralise(base)} of age", "age", m.end(), False
        if low == "fold":  # "a 30-fold rise": a multiple, as "tenfold" is
            return "fold", "count", m.end(), False
        if low in SCALE_STEPS:  # "a 7.8-magnitude quake": a step on the scale, as
            return low, "count", m.end(), False  # "magnitude 7.8" is
        if low in ("plus", "under", "over", "in"):  # "10-plus", "a 6-under 66" (under par),
            # "one-in-three applicants" (a ratio)
            return None, None, end, False
        if low == "strong":  # "a 2,000-strong crowd": the crowd is what is counted
            head = head_noun(text, m.end())
            if head:
                return head[0], "count", head[1], True
        if w in MEASURE_ABBREVIATIONS:
            return MEASURE_ABBREVIATIONS[w], "measure", m.end(), False
        if low in MONTHS or (w[0].isupper() and not w.isupper()):
            return None, None, end, False
        kind: FigureKind = "measure" if low in MEASURE_WORDS else "count"
        if low in TIME_LOOKUP:
            kind = "duration"
        # "a 12-foot wall" stays in "foot": "feet" and "foot" are one unit only to a reader.
        return (w if low == "foot" else pluralise(w)), kind, m.end(), False
    m = _ABBREV_AFTER_RE.match(text, end)
    if m:
        u = m.group("u")
        if u == "K" and not m.group("sp") and _is_race_k(text, end):
            return "km", "measure", m.end(), False
        per = _SLASH_PER_RE.match(text, m.end())
        if per and (per.group("d") in MEASURE_ABBREVIATIONS or per.group("d") in _SLASH_TIME):
            # "15 mg/L", "95 g/km", "1.1 bcf/d": a unit per another unit, spaced or not
            return f"{MEASURE_ABBREVIATIONS[u]}/{per.group('d')}", "measure", per.end(), False
        sized = bool(m.group("sp")) and (
            _next_word(text, m.end()) in DIMENSION_WORDS
            or ((ctx := _UNIT_CONTEXT_AFTER_RE.match(text, m.end())) is not None
            and (u != "m" or ctx.group("per") is not None))
            or _DIMENSIONS_BEFORE_RE.search(text, max(0, end - 24), end) is not None
        )
        if not m.group("sp") or u in SPACED_ABBREVIATIONS or sized:
            after = text[m.end() : m.end() + 2]
            # "5 m" is five metres only when no word follows that it could be a million of,
            # or when a word of size does ("30 m wide", "2 in thick").
            ambiguous = u in AMBIGUOUS_ABBREVIATIONS and m.group("sp") and not sized
            if not ambiguous and not after.startswith("'"):
                return MEASURE_ABBREVIATIONS[u], "measure", m.end(), False
    m = _FEET_MARK_RE.match(text, end)
    if m and text[end - 1].isdigit():
        return "foot", "measure", m.end(), False
    m = _LETTER_AFTER_RE.match(text, end)
    if m and text[end - 1].isdigit():
        # "5G", "3D": a capital letter on the number is its unit, whatever words follow; it
        # stays subject to names ("the Boeing 777X").
        return m.group(), "count", m.end(), False
    state = WORD_RE.match(text, skip_space(text, end))
    if state and state.start() > end and state.group().lower() in PEOPLE_STATES:
        # "left 5,000 homeless", "2 dead as winds hit": the people in that state, unless a
        # noun follows ("12 injured players")
        nxt = WORD_RE.match(text, skip_space(text, state.end()))
        if not nxt or not nxt.group()[0].isalpha() or nxt.group().lower() in STOP_WORDS:
            return state.group().lower(), "count", state.end(), True
    # A noun phrase written after the number.
    head = head_noun(text, end)
    if head:
        word, hend, _ = head
        low = word.lower()
        full = text[end:hend].strip().lower()
        if full in CURRENCY_WORDS:
            return CURRENCY_WORDS[full], "money", hend, True
        if low in CURRENCY_WORDS:
            return CURRENCY_WORDS[low], "money", hend, True
        if word in _ISO_CODES and hend - end <= 4:  # "100 USD", "5,000 EUR per day"
            return word, "money", hend, True
        first = WORD_RE.match(text, skip_space(text, end))
        if first and "-" in first.group() and first.group().split("-")[0].lower() in MEASURE_WORDS:
            # "a 52,000 barrel-a-day refinery", "a 300 megawatt-hour battery": the compound
            # names the unit, the noun after it is what is measured.
            part = first.group().split("-")[0].lower()
            if part in TIME_LOOKUP:  # "a 5 day-long strike"
                return TIME_LOOKUP[part], "duration", first.end(), True
            return first.group(), "measure", first.end(), True
        if first and first.group().lower() in MEASURE_WORDS:
            fw = first.group()
            flow = fw.lower()
            if flow in TIME_LOOKUP:
                return TIME_LOOKUP[flow], "duration", first.end(), True
            return fw, "measure", first.end(), True
        if low in TIME_LOOKUP:
            return TIME_LOOKUP[low], "duration", hend, True
        if low == "head" and (of := OF_RE.match(text, hend)):
            # "2,000 head of cattle": "head" counts the animals named after "of"
            animals = head_noun(text, of.end())
            if animals:
                return animals[0], "count", animals[1], True
        if low in MEASURE_WORDS:
            return word, "measure", hend, True
        return word, "count", hend, True
    return None, None, end, False


def scale_after(text: str, end: int, money: bool) -> tuple[float, int]:
    """The scale after a numeral ending at ``end``: (factor, new end); (1.0, end) if none.

    Scale words multiply: "4 hundred million" is 400 million."""
    m = _SCALE_AFTER_RE.match(text, end)
    if not m:
        return 1.0, end
    if m.group("word"):
        factor, end = SCALE_SUFFIXES[m.group("word").lower()], m.end()
        nxt = _SCALE_AFTER_RE.match(text, end)
        while nxt and nxt.group("word") and SCALE_SUFFIXES[nxt.group("word").lower()] > factor:
            factor, end = factor * SCALE_SUFFIXES[nxt.group("word").lower()], nxt.end()
            nxt = _SCALE_AFTER_RE.match(text, end)
        return factor, end
    tight = m.group("tight")
    low = tight.lower()
    if tight == "m" and not money and not OF_RE.match(text, m.end()):
        # "35m of its devices", "2.7m combined sales", "2m tonnes", "paid 1.2m last year": a
        # million; "100m sprint", "72.7m long", "cleared 2.06m": metres.
        high = _HIGH_END_M_RE.match(text, m.end())  # "1.5m-2m units": the noun is after both
        after = high.end() if high else m.end()
        head = head_noun(text, after)
        low_head = head[0].lower() if head else ""
        if _next_word(text, after) in METRE_EVENTS or low_head in METRE_EVENTS:
            return 1.0, end  # "the 400m hurdles", "the 100m final starts": a race's distance
        window = text[max(0, end - 50) : end].lower()
        lengthy = LENGTH_CONTEXT.intersection(_CONTEXT_WORD_RE.findall(window))
        if head is None or low_head in TIME_LOOKUP:
            if lengthy:
                return 1.0, end
        elif not is_plural(head[0]) and low_head not in MEASURE_WORDS:
            return 1.0, end
    if low == "b" and not money and tight == "b":
        return 1.0, end
    if low in ("k", "b") and not money and tight in ("K", "B"):
        # "25K fans" are 25,000 of them, "2B users" two billion; "a 4K screen" is a resolution,
        # "apartment 4B" a door.
        lower_next = _LOWER_WORD_NEXT_RE.match(text, m.end())
        head = head_noun(text, m.end()) if lower_next else None
        if tight == "K" and not lower_next and not _CLAUSE_GOES_ON_RE.match(text, m.end()):
            # "Attendance hit 80K.": thousands; "a 4K screen", "a 5K race" are names
            digits = _DIGITS_BEFORE_RE.search(text, max(0, end - 12), end)
            if digits and float(digits.group().replace(",", "")) >= 20:
                return SCALE_SUFFIXES[low], m.end()
        if not head or not is_plural(head[0]):
            return 1.0, end
    return SCALE_SUFFIXES[low], m.end()

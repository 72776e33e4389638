"""Figures in English news text: numbers, what they count, and how sure the text is about them.

``extract_figures(text)`` finds every quantity a reader could want: amounts of money, percentages,
counts of people and things, measurements, durations, spelled-out numbers ("seven", "a dozen",
"tens of thousands"), fractions ("a third of"), ranges ("between 10 and 20", one figure with the
first value), and calendar years. It skips numbers that are not quantities: days of the month,
times of day, ordinals, phone numbers, list markers and numbers inside names ("Group of 20",
"COVID-19", "F-16", "Game 6").

Conventions of the output:

* ``value`` is the number as written, scaled ("$5.5 billion" -> 5.5e9) and signed; percentages
  stay as written (0.3 for "0.3 per cent"); fractions are fractions ("a third" -> 0.333...).
* ``unit`` is an ISO code for money ("USD", "GBP", "EUR", "JPY", ...), "percent", a unit of
  measure as written ("km", "mph", "miles per hour"), or the head noun of what is counted
  ("peacekeepers"). Durations are plural ("years", "days"); the singular ``"year"`` is reserved
  for calendar years (see :data:`CALENDAR_UNITS`), ages are "years of age".
* ``bound`` is "=", "~", ">" or "<"; vague plurals ("dozens", "thousands") are ">" their low end.

The rules are deliberately lexical (no tagger, no model): they run on a single core at several
MB/s, and every rule has a regression test in ``tests/extract/test_figures.py``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tui.extract.figures.numbers import (
    ARTICLE_BEFORE_RE,
    ARTICLE_WORDS,
    DENOMINATORS,
    NUMBER_WORDS_RE,
    SCALE_SUFFIXES,
    SMALL,
    VAGUE,
    cased_trie,
    parse_number_words,
    parse_numeral,
    trie_pattern,
)
from tui.extract.figures.words import (
    BOUNDS_AFTER,
    BOUNDS_BEFORE,
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    IRREGULAR_PLURALS,
    MEASURE_ABBREVIATIONS,
    MEASURE_WORDS,
    MONTHS,
    NOUN_EXCEPTIONS,
    PLACE_NOUNS,
    SPACED_ABBREVIATIONS,
    STOP_WORDS,
    TIGHT_PREFIXES,
    TIME_UNITS,
    YEAR_PREPOSITIONS,
)

__all__ = ["CALENDAR_UNITS", "ExtractedFigure", "extract_figures", "is_calendar"]

#: Units that mark a figure as a point in time rather than a quantity. Corpora that annotate only
#: quantities (NewsQuant, for one) leave these out; the briefing keeps them with a low score.
CALENDAR_UNITS: frozenset[str] = frozenset({"year"})


@dataclass(frozen=True, slots=True)
class ExtractedFigure:
    """One figure found in a text; ``text == source[start:end]``."""

    value: float
    unit: str | None
    bound: str
    text: str
    start: int
    end: int
    about: str
    score: float


def is_calendar(figure: ExtractedFigure) -> bool:
    """True for calendar years, which are points in time rather than amounts."""
    return figure.unit in CALENDAR_UNITS


# --------------------------------------------------------------------------------------------
# Patterns. All compiled once, at import.

_NUMERAL_RE = re.compile(r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?!\d)|\.\d+")
_VAGUE_RE = re.compile(
    r"[DdHhTtMmBb](?:ozens|undreds|housands|illions|rillions)(?=\s+of\b)"
)
#: "tens of" or "hundreds of" before a vague plural ("tens of thousands").
_VAGUE_PREFIX_RE = re.compile(r"(?:[Tt]ens|[Hh]undreds)\s+of\s+$")
_FRACTION_RE = re.compile(
    r"(?:(?P<num>" + cased_trie({"a", "an", "one", "two", "three", "four", "five", "six", "seven",
                                  "eight", "nine"})
    + r")[\s-]+(?P<den>" + trie_pattern(set(DENOMINATORS) - {"half", "halves"})
    + r")|(?P<half>[Hh]alf))\b(?=\s+(?:of|the|a|an|its|their|his|her|our|my|your|all|those"
    r"|these)\b)"
)
_FOLD_RE = re.compile(r"-?fold\b")
_WORD_BEFORE_FOLD_RE = re.compile(r"\b(?P<n>[A-Za-z]+|\d+)$")

_TIME_LOOKUP: dict[str, str] = {**{v: v for v in TIME_UNITS.values()}, **TIME_UNITS}
_currency_keys = sorted(CURRENCY_PREFIXES, key=len, reverse=True)
_CURRENCY_CODES: dict[str, str] = {k.replace(" ", ""): v for k, v in CURRENCY_PREFIXES.items()}
_CURRENCY_BEFORE_RE = re.compile(
    "(?:"
    + "|".join(
        (r"(?<![A-Za-z])" if k[0].isalpha() else "")
        + re.escape(k)
        + ("" if k in TIGHT_PREFIXES else r"\s?")
        for k in _currency_keys
    )
    + r")(?P<neg>[-−])?$"
)
_NEGATIVE_BEFORE_RE = re.compile(r"(?:(?<![\w\d.,)-])[-−]|\bminus[\s-])$", re.IGNORECASE)
_SCALE_AFTER_RE = re.compile(
    r"(?:\s?(?P<word>thousand|million|billion|trillion|mn|mln|bn|bln|tn|trn)"
    r"|(?P<tight>[kKmMbB]|bn|mn|tn))(?![A-Za-z0-9])",
)
_PERCENT_AFTER_RE = re.compile(
    r"\s?(?:%|per\s?cent\b|percent\b|pct\b)(?P<points>\s+points?\b)?"
    r"|\s(?P<pp>percentage\s+points?\b)|\s?(?P<bps>basis\s+points?\b|bps\b|bp\b)",
    re.IGNORECASE,
)
_TIME_AFTER_RE = re.compile(
    r"(?::\d\d|\s?(?:[ap]\.?m\b\.?|[AP]\.?M\b\.?)|\s?(?:GMT|UTC|EST|EDT|PST|PDT|BST|CET)\b"
    r"|h\d\d\b)"
)
_ORDINAL_AFTER_RE = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_DECADE_AFTER_RE = re.compile(r"[’']?s\b")
_HYPHEN_UNIT_RE = re.compile(
    r"(?:-|\s-\s?|–)(?P<w>[A-Za-z]+(?:-(?:old|a-day|a-year|long|wide|high))?)(?![\w-]*\d)"
)
_ABBREV_AFTER_RE = re.compile(
    r"(?P<sp>\s?)(?P<u>"
    + "|".join(re.escape(k) for k in sorted(MEASURE_ABBREVIATIONS, key=len, reverse=True))
    + r")(?![A-Za-z0-9])"
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’&.-]*[A-Za-z]|[A-Za-z]|\S")
_RATE_NOUNS: frozenset[str] = frozenset({
    *TIME_UNITS, "share", "barrel", "gallon", "person", "capita", "head", "game", "unit",
    "kilogram", "kg", "litre", "liter", "tonne", "ton", "ounce", "gram", "pound",
})
_PER_AFTER_RE = re.compile(r"\s+per\s+(?P<n>[a-z]+)\b")
_RATE_AFTER_RE = re.compile(r"\s+(?P<w>per|a|an|each)\s+(?P<n>[a-z]+)\b")
_MONTH_AFTER_RE = re.compile(r"\s?(?:of\s+)?(?P<m>[A-Za-z]+)\b")
_NAME_CODE_BEFORE_RE = re.compile(r"(?:[A-Za-z][-.]?|[A-Z]\s-|[#№]|\bNo\.?\s|\bNos?\.\s)$")
_PHONE_RE = re.compile(r"(?:\(\d{3}\)|\d{3})[\s.-]\d{3}[\s.-]\d{4}\b|\+\d[\d\s-]{7,}\d")
_LIST_MARKER_RE = re.compile(r"(?m)^\s*\d{1,2}[.)]\s")
_SENTENCE_END_RE = re.compile(r"[.!?]\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n\s*\n")
_PARTITIVE_RE = re.compile(
    r"\s+of\s+(?P<det>the|our|their|its|his|her|my|your|these|those|them|whom|which|all"
    r"|[A-Z][\w]*['’]s?)\b",
)
_AGE_AFTER_RE = re.compile(r",(?=\s)|\s+(?:years?\s+old|year-old)\b")

_BOUND_AFTER_RE = re.compile(
    r"\s*(?P<b>" + "|".join(re.escape(k) for k in sorted(BOUNDS_AFTER, key=len, reverse=True))
    + r")\b|(?P<plus>\+)",
    re.IGNORECASE,
)
_SPACED_AGE_RE = re.compile(r"\s(?P<u>year|month|week|day)s?[- ]old\b", re.IGNORECASE)
_FEET_MARK_RE = re.compile(r"'(?!\w)")
_MILLION_NEXT_RE = re.compile(r"\s+(?:of\b|[a-z]+s\b|people\b|[A-Z])")
_METRES_NEXT_RE = re.compile(r"\s+(?:long|tall|high|wide|deep|away)\b")
_LOWER_WORD_NEXT_RE = re.compile(r"\s+[a-z]")
_SPACE_DASH_RE = re.compile(r"[\s\-−]")
_OF_RE = re.compile(r"\s+of\s+")
_FRACTION_OF_RE = re.compile(
    r"\s+(?:of\s+)?(?:the|its|their|his|her|our|my|your|all|those|these)?\s*"
)
_WORD_SCALE_RE = re.compile(r"\s(million|billion|trillion|thousand)\b", re.IGNORECASE)
_WHO_RE = re.compile(r"\s+(?:who|whom)\b")
_COMPARED_RE = re.compile(r"(?:compared\s+(?:with|to)|versus|vs\.?|(?:up|down)\s+from|against)\s+$")
_FROM_RE = re.compile(r"\s+(?:were\s+|are\s+)?from\b")
_CLAUSE_SPLIT_RE = re.compile(r"[,;:()\"“”.!?—–]")
_OF_TAIL_RE = re.compile(r"\s+of\s+((?:[\w'’-]+\s*){1,4})")
_NONSPACE_RE = re.compile(r"\S+")
_BOUND_LAST_WORDS: frozenset[str] = frozenset(
    {k.split()[-1] for k in BOUNDS_BEFORE} | {"(" + k.split()[-1] for k in BOUNDS_BEFORE}
)
_YEAR_STRONG: frozenset[str] = frozenset(
    {"in", "since", "by", "until", "till", "during", "before", "after", "through", "circa", "mid",
     "early", "late", "from", "between"}
)
_WEEKDAYS: frozenset[str] = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
#: Words that may be joined to a number by a hyphen without making it a code ("sub-7", "mid-2019").
_WORD_PREFIXES: tuple[str, ...] = (
    "minus-", "sub-", "to-", "mid-", "pre-", "post-", "over-", "under-", "near-", "top-",
)
_PUNCT = "\"'“”‘’()[]{},;:!?"
_CURRENCY_LAST_CHARS = frozenset(k.rstrip()[-1] for k in CURRENCY_PREFIXES) | {"-", "−"}


def _is_apposition(text: str, pos: int) -> bool:
    """Whether ``pos`` follows "Name, " (as in "Morales, 54, said")."""
    toks = _tokens_before(text, pos, 1)
    if not toks or toks[0].end() == pos:
        return False
    w = toks[0].group()
    return len(w) > 2 and w.endswith(",") and w[0].isupper() and w[1:-1].islower()


_RANGE_JOIN_RE = re.compile(
    r"\s*(?:(?P<dash>-|–|—|-to-|to-)|(?P<to>to|and|through)|(?P<or>or))\s*$", re.IGNORECASE
)


# --------------------------------------------------------------------------------------------
# Candidates.


@dataclass(slots=True)
class _Fig:
    """A figure under construction."""

    start: int  # the number's first character (after any currency sign)
    end: int  # after the number and what is attached to it (scale, percent, unit)
    value: float
    kind: str  # money | percent | measure | count | duration | year | age | vague | fraction | bare
    unit: str | None = None
    bound: str = "="
    text_start: int = -1
    text_end: int = -1
    scale: float = 1.0  # the scale word's factor ("billion" -> 1e9), 1.0 when none
    word: bool = False  # spelled out
    unit_end: int = -1  # end of the head noun when the unit is a noun written after the number
    num_end: int = -1  # end of the number itself, with its scale word
    about: str = ""
    drop: bool = False


def _is_plural(word: str) -> bool:
    w = word.lower()
    if w in IRREGULAR_PLURALS:
        return True
    return len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))


def _can_head(word: str) -> bool:
    """Whether a word can be the head noun of a counted phrase (verbs and adverbs cannot)."""
    w = word.lower()
    if w in NOUN_EXCEPTIONS:
        return True
    if w.endswith(("ly", "ed", "ing", "est")) and len(w) > 4:
        return False
    return not w.endswith(("'s", "’s"))


def _pluralise(word: str) -> str:
    if word.lower() in _TIME_LOOKUP:
        return _TIME_LOOKUP[word.lower()]
    if not word.isalpha() or not word.islower() or len(word) < 3 or _is_plural(word):
        return word
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word == "foot":
        return "feet"
    return word + "s"


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _continues_phrase(text: str, word: str, nxt: re.Match[str]) -> bool:
    """After a plural, whether the noun phrase goes on: a list ("police, and civilian
    peacekeepers") or an acronym's possessive without its apostrophe ("the UNs oldest missions")."""
    tok = nxt.group()
    if tok == "," or tok.lower() in ("and", "or"):
        after = _WORD_RE.match(text, _skip_space(text, nxt.end()))
        if after and after.group().lower() in ("and", "or"):
            after = _WORD_RE.match(text, _skip_space(text, after.end()))
        return bool(
            after and after.group()[0].isalpha() and after.group().lower() not in STOP_WORDS
            and word.lower() in IRREGULAR_PLURALS
        )
    return word[:-1].isupper() and len(word) > 2 and tok.isalpha() and tok.islower() and \
        tok not in STOP_WORDS


def _head_noun(text: str, pos: int) -> tuple[str, int, bool] | None:
    """The head noun of the phrase starting at ``pos``: (noun, end, plural).

    Skips modifiers ("235,000 Pakistani peacekeepers"), lists of them ("57 military, police, and
    civilian peacekeepers") and stops at the first word that cannot be inside the noun phrase.
    """
    run: list[tuple[str, int]] = []
    committed: list[tuple[str, int]] = []  # the run before an open list (comma, "and"), if any
    open_list = False
    limit = min(len(text), pos + 160)
    plural = False
    for m in _WORD_RE.finditer(text, pos, limit):
        tok = m.group()
        if tok == ",":
            if not run or (open_list and not committed):
                break
            if not open_list:
                committed = list(run)
            open_list = True
            continue
        if not tok[0].isalpha():
            break
        low = tok.lower()
        if not run and low in ("most", "least"):
            continue  # "one of the most visible ... instruments"
        if low in ("and", "or", "&"):
            if not run or (_is_plural(run[-1][0]) and not open_list):
                break
            if not open_list:
                committed = list(run)
            open_list = True
            continue
        if low in STOP_WORDS or (low.endswith("ly") and low not in NOUN_EXCEPTIONS):
            break
        if low in MONTHS and tok[0].isupper() and not run:
            break
        run.append((tok, m.end()))
        if _is_plural(tok) and _can_head(tok):
            nxt = _WORD_RE.match(text, _skip_space(text, m.end()))
            if nxt and _continues_phrase(text, tok, nxt):
                if nxt.group() == "," or nxt.group().lower() in ("and", "or"):
                    if not open_list:
                        committed = list(run)
                    open_list = True
                    # the list goes on after the separator, read by the next iterations
                continue
            plural = True
            open_list = False
            break
        if len(run) >= 5:
            break
    if open_list:
        run = committed
    while run and not _can_head(run[-1][0]):
        run.pop()
    if not run:
        return None
    word, end = run[-1]
    return word, end, plural and word == run[-1][0]


def _tokens_before(text: str, pos: int, n: int) -> list[re.Match[str]]:
    """The last ``n`` whitespace-separated tokens before ``pos``, nearest last.

    Looking back by tokens instead of searching with end-anchored patterns keeps the cost per
    number small and independent of the patterns' size.
    """
    return list(_NONSPACE_RE.finditer(text, max(0, pos - 12 * n - 8), pos))[-n:]


def _prev_word(text: str, pos: int) -> str:
    """The word just before ``pos`` (separated by whitespace), lower case, without punctuation."""
    toks = _tokens_before(text, pos, 1)
    if not toks or toks[0].end() == pos:
        return ""
    return toks[0].group().strip(_PUNCT).lower()


def _match_after(text: str, end: int) -> tuple[str | None, str, int, bool]:
    """What is attached after a number ending at ``end``: (unit, kind, new_end, noun_unit)."""
    m = _PERCENT_AFTER_RE.match(text, end)
    if m:
        if m.group("bps"):
            return "basis points", "percent", m.end(), False
        if m.group("pp") or m.group("points"):
            return "percentage points", "percent", m.end(), False
        return "percent", "percent", m.end(), False
    m = _SPACED_AGE_RE.match(text, end)
    if m:
        return f"{_pluralise(m.group('u').lower())} of age", "age", m.end(), False
    m = _HYPHEN_UNIT_RE.match(text, end)
    if m:
        w = m.group("w")
        low = w.lower()
        if low.endswith("-old") or low in ("year-old", "month-old"):
            base = low.split("-")[0]
            return f"{_pluralise(base)} of age", "age", m.end(), False
        if low in ("plus",):
            return None, "", end, False
        if w in MEASURE_ABBREVIATIONS:
            return MEASURE_ABBREVIATIONS[w] or w, "measure", m.end(), False
        if low in MONTHS or (w[0].isupper() and not w.isupper()):
            return None, "", end, False
        kind = "measure" if low in MEASURE_WORDS else "count"
        if low in _TIME_LOOKUP:
            kind = "duration"
        return _pluralise(w), kind, m.end(), False
    m = _ABBREV_AFTER_RE.match(text, end)
    if m:
        u = m.group("u")
        if not m.group("sp") or u in SPACED_ABBREVIATIONS:
            after = text[m.end() : m.end() + 2]
            # "5 m" is five metres only when no word follows that it could be a million of.
            ambiguous = u in ("in", "t", "A", "K", "V", "l") and m.group("sp")
            if not ambiguous and not after.startswith("'"):
                unit = MEASURE_ABBREVIATIONS[u] or u
                return unit, "measure", m.end(), False
    m = _FEET_MARK_RE.match(text, end)
    if m and text[end - 1].isdigit():
        return "feet", "measure", m.end(), False
    # A noun phrase written after the number.
    head = _head_noun(text, end)
    if head:
        word, hend, _ = head
        low = word.lower()
        full = text[end:hend].strip().lower()
        if full in CURRENCY_WORDS:
            return CURRENCY_WORDS[full], "money", hend, True
        if low in CURRENCY_WORDS:
            return CURRENCY_WORDS[low], "money", hend, True
        first = _WORD_RE.match(text, _skip_space(text, end))
        if first and first.group().lower() in MEASURE_WORDS:
            fw = first.group()
            flow = fw.lower()
            if flow in _TIME_LOOKUP:
                return _TIME_LOOKUP[flow], "duration", first.end(), True
            return fw, "measure", first.end(), True
        if low in _TIME_LOOKUP:
            return _TIME_LOOKUP[low], "duration", hend, True
        if low in MEASURE_WORDS:
            return word, "measure", hend, True
        return word, "count", hend, True
    return None, "", end, False


def _scale_after(text: str, end: int, money: bool) -> tuple[float, int]:
    m = _SCALE_AFTER_RE.match(text, end)
    if not m:
        return 1.0, end
    if m.group("word"):
        return SCALE_SUFFIXES[m.group("word").lower()], m.end()
    tight = m.group("tight")
    low = tight.lower()
    if tight == "m" and not money and not _OF_RE.match(text, m.end()):
        # "35m of its devices", "2.7m combined sales": a million; "100m sprint", "72.7m long":
        # metres.
        head = _head_noun(text, m.end())
        if not head or not _is_plural(head[0]) or head[0].lower() in MEASURE_WORDS:
            return 1.0, end
    if low == "b" and not money and tight == "b":
        return 1.0, end
    if low == "k" and not money and tight == "K" and not _LOWER_WORD_NEXT_RE.match(text, m.end()):
        return 1.0, end
    return SCALE_SUFFIXES[low], m.end()


def _bound_before(text: str, start: int) -> tuple[str, int]:
    """The bound written before a number starting at ``start``: (bound, start of the bound)."""
    if start > 0 and text[start - 1] == "~":
        return "~", start - 1
    if start > 3 and text[start - 4 : start].lower() == "sub-":
        return "<", start - 4
    toks = _tokens_before(text, start, 4)
    if not toks or toks[-1].end() == start:
        return "=", start
    if toks[-1].group().lower() not in _BOUND_LAST_WORDS:
        return "=", start
    words = [t.group().lower() for t in toks]
    for k in range(len(words), 0, -1):
        phrase = " ".join(words[-k:]).lstrip("(\"“‘'[—–")
        bound = BOUNDS_BEFORE.get(phrase)
        if bound:
            tok = toks[-k]
            return bound, tok.end() - len(phrase) if k == 1 else tok.start() + (
                len(tok.group()) - len(tok.group().lstrip("(\"“‘'[—–"))
            )
    return "=", start


_DURATION_OVER_WORDS = frozenset(
    {"for", "in", "of", "than", "after", "lasted", "lasting", "took", "taking", "spent"}
)


def raw_ok(text: str, s: int) -> bool:
    """Whether a numeral at ``s`` after "." or "," is the tail of a longer numeral or code."""
    return s > 1 and (text[s - 2].isalnum() or (text[s - 1] == "," and text[s - 2] != " "))


def _numeral_candidates(text: str, skip: list[tuple[int, int]]) -> list[_Fig]:
    figs: list[_Fig] = []
    for m in _NUMERAL_RE.finditer(text):
        s, e = m.span()
        if s and (text[s - 1].isdigit() or (text[s - 1] in "_.," and raw_ok(text, s))):
            continue
        if any(a <= s < b for a, b in skip):
            continue
        raw = m.group()
        # Times of day, ordinals, decades, codes and names.
        if _TIME_AFTER_RE.match(text, e):
            continue
        if s > 1 and text[s - 1] in ":." and text[s - 2].isdigit():
            continue
        if _ORDINAL_AFTER_RE.match(text, e):
            continue
        before = text[max(0, s - 12) : s]
        c1 = before[-1:]
        cur = (
            _CURRENCY_BEFORE_RE.search(before)
            if c1 and (c1 in _CURRENCY_LAST_CHARS or (c1 == " " and before[-2:-1].isupper()))
            else None
        )
        negative = False
        text_start = s
        unit: str | None = None
        kind = ""
        if cur:
            unit = _CURRENCY_CODES.get(_SPACE_DASH_RE.sub("", cur.group()), "USD")
            kind = "money"
            text_start = s - (len(before) - cur.start())
            negative = bool(cur.group("neg"))
        else:
            if (
                c1
                and (c1.isalpha() or c1 in "-.#№")
                and _NAME_CODE_BEFORE_RE.search(before)
                and not before.lower().endswith(_WORD_PREFIXES)
            ):
                continue
            neg = _NEGATIVE_BEFORE_RE.search(before) if c1 in ("-", "−", " ") else None
            if neg:
                negative = True
                text_start = s - (len(before) - neg.start())
        value = parse_numeral(raw)
        end = e
        if _DECADE_AFTER_RE.match(text, e) and "." not in raw and "," not in raw:
            if len(raw) == 4 and 1000 <= value <= 2100:
                figs.append(_Fig(s, e, value, "year", "year", text_start=text_start, num_end=e))
            continue
        scale, end = _scale_after(text, end, kind == "money")
        value *= scale
        if negative:
            value = -value
        num_end = end
        noun_unit = False
        if kind != "money":
            unit, kind, end, noun_unit = _match_after(text, end)
            kind = kind or "bare"
        fig = _Fig(s, end, value, kind, unit, text_start=text_start, scale=scale, num_end=num_end)
        if noun_unit:
            fig.unit_end = end
        figs.append(fig)
    return figs


def _word_candidates(text: str, taken: list[tuple[int, int]]) -> list[_Fig]:
    figs: list[_Fig] = []

    def free(s: int, e: int) -> bool:
        return not any(s < b and a < e for a, b in taken)

    for m in _VAGUE_RE.finditer(text):
        start = m.start()
        if (start and text[start - 1].isalpha()) or not free(*m.span()):
            continue
        prefix = _VAGUE_PREFIX_RE.search(text, max(0, start - 16), start)
        if prefix:
            start = prefix.start()
        key = " ".join(text[start : m.end()].lower().split())
        fig = _Fig(start, m.end(), VAGUE[key], "vague", word=True, text_start=start,
                   num_end=m.end(), bound=">")
        rest = _OF_RE.match(text, m.end())
        if rest:
            unit, kind, end, _ = _match_after(text, rest.end())
            if unit:
                fig.unit, fig.end = unit, end
                if kind == "money":
                    fig.kind = "money"
        figs.append(fig)
        taken.append((start, m.end()))
    for m in _FRACTION_RE.finditer(text):
        if (m.start() and text[m.start() - 1].isalpha()) or not free(*m.span()):
            continue
        prev = _prev_word(text, m.start()).lower()
        if m.group("half"):
            if prev in ("first", "second", "last", "the", "this", "that", "other", "and"):
                continue
            value = 0.5
        else:
            num = m.group("num").lower()
            n = 1 if num in ("a", "an") else SMALL[num]
            value = n / DENOMINATORS[m.group("den").lower()]
        fig = _Fig(m.start(), m.end(), value, "fraction", word=True, text_start=m.start(),
                   num_end=m.end())
        of = _FRACTION_OF_RE.match(text, m.end())
        if of:
            head = _head_noun(text, of.end())
            if head:
                fig.unit = head[0]
        figs.append(fig)
        taken.append(m.span())
    for m in NUMBER_WORDS_RE.finditer(text):
        if (m.start() and text[m.start() - 1].isalpha()) or not free(*m.span()):
            continue
        s = m.start()
        first = m.group().split(None, 1)[0].split("-", 1)[0].lower()
        if first in ARTICLE_WORDS:
            art = ARTICLE_BEFORE_RE.search(text, max(0, s - 4), s)
            if not art:
                continue  # "hundred" alone is not a number
            s = art.start()
        parsed = parse_number_words(text[s : m.end()])
        if parsed is None:
            continue
        value, length = parsed
        e = s + length
        # Hyphenated names and compounds: "Formula One", "one-off", "two-thirds" handled above.
        if text[e : e + 1] == "-" and text[e + 1 : e + 4].lower() in ("off", "sho", "on-"):
            continue
        scale, end = 1.0, e
        sm = _WORD_SCALE_RE.match(text, e)
        if sm and value < 1000:
            scale, end = SCALE_SUFFIXES[sm.group(1).lower()], sm.end()
        num_end = end
        unit, kind, end, noun = _match_after(text, end)
        fig = _Fig(s, end, value * scale, kind or "bare", unit, word=True, text_start=s,
                   scale=scale, num_end=num_end)
        if noun:
            fig.unit_end = end
        figs.append(fig)
    for m in _FOLD_RE.finditer(text):
        # "sixfold", "two-fold", "10-fold": a multiple.
        w = _WORD_BEFORE_FOLD_RE.search(text, max(0, m.start() - 12), m.start())
        if not w:
            continue
        n = w.group("n").lower()
        multiple = float(SMALL[n]) if n in SMALL else float(n) if n.isdigit() else None
        if multiple is not None and free(w.start(), m.end()):
            figs.append(_Fig(w.start(), m.end(), multiple, "count", "fold", word=True,
                             text_start=w.start(), num_end=w.end()))
    return figs


# --------------------------------------------------------------------------------------------
# Rules over candidates.


def _is_year(text: str, fig: _Fig) -> bool:
    raw = text[fig.start : fig.end]
    if fig.kind not in ("bare", "count") or fig.word or fig.scale != 1.0:
        return False
    if not text[fig.start : fig.start + 4].isdigit() or "," in raw or "." in raw:
        return False
    if not 1000 <= fig.value <= 2200 or fig.value != int(fig.value):
        return False
    toks = _tokens_before(text, fig.start, 2)
    attached = bool(toks) and toks[-1].end() == fig.start
    prev_raw = toks[-1].group() if toks and not attached else ""
    prev = prev_raw.strip(_PUNCT).lower().rstrip(".")
    # "in 2021 most people", "Keytruda's 2018 sales", "Mar 9 2018 MIT researchers"
    strong = prev in _YEAR_STRONG or (
        prev_raw[:1].isupper() and prev not in STOP_WORDS and not prev_raw.endswith(",")
    ) or (prev.isdigit() and len(toks) == 2 and toks[0].group().strip(".,").lower() in MONTHS)
    if fig.value > 2100 and not strong:
        return False
    if fig.kind == "count" and fig.unit and fig.unit_end > 0:
        head = fig.unit
        if _is_plural(head) and head[0].islower() and not (strong and fig.value >= 1900):
            return False
    if fig.value >= 1800:
        return True
    return prev in YEAR_PREPOSITIONS or prev in MONTHS or prev in ("ad", "a.d", "bc", "b.c")


def _is_date_day(text: str, fig: _Fig) -> bool:
    if fig.word or fig.kind not in ("bare", "count") or not 1 <= fig.value <= 31:
        return False
    if fig.value != int(fig.value) or "." in text[fig.start : fig.end]:
        return False
    toks = _tokens_before(text, fig.start, 1)
    if toks and toks[0].end() < fig.start:
        word = toks[0].group().strip(".,(\"'“‘[")
        if word.lower() in MONTHS and word[:1].isupper():
            return True
    ma = _MONTH_AFTER_RE.match(text, fig.start + len(str(int(fig.value))))
    return bool(ma and ma.group("m").lower() in MONTHS and ma.group("m")[0].isupper())


def _in_name(text: str, fig: _Fig) -> bool:
    """A number that is part of a name: "Game 6", "Big 12", "iPhone 11", "Group of 20"."""
    if fig.kind not in ("bare", "count"):
        return False
    if fig.word and not text[fig.start].isupper():
        return False
    if fig.kind == "count" and fig.unit and (fig.unit.lower() in MEASURE_WORDS):
        return False
    toks = _tokens_before(text, fig.text_start, 2)
    if not toks or toks[-1].end() == fig.text_start:
        return False
    w = toks[-1].group()
    if not w[0].isalpha() or w.endswith((",", ":", ";", ")", ".", "!", "?")):
        return False
    low = w.lower().rstrip(".")
    if low in STOP_WORDS or low in BOUNDS_BEFORE or low in MONTHS or low in YEAR_PREPOSITIONS \
            or low in _WEEKDAYS:
        if low == "of" and len(toks) == 2:
            # "Group of 20", but not "Gatherings of 50" at the start of a sentence.
            w2 = toks[0].group()
            before = text[max(0, toks[0].start() - 3) : toks[0].start()].strip()
            return w2[0].isupper() and w2.lower() not in STOP_WORDS and before[-1:].isalpha()
        return False
    return any(c.isupper() for c in w)


def _check_singular_head(text: str, fig: _Fig) -> bool:
    """Vet a counted noun that is not plural; False when the figure is part of a name.

    "the 787 Dreamliner", "iPhone 11 Pro": a number before a capitalised singular word is a model
    name. "40k cheaper than", "1000 come from": one lowercase singular word after a number
    (other than 1) is not what it counts, so the unit is dropped.
    """
    unit = fig.unit or ""
    if fig.value == 1 or _is_plural(unit) or unit.lower() in MEASURE_WORDS:
        return True
    words = text[fig.num_end : fig.unit_end].split()
    if unit[:1].isupper() and not unit.isupper() and all(w[:1].isupper() for w in words):
        return abs(fig.value) >= 1000

    if len(words) == 1 and unit[:1].islower():
        fig.unit, fig.kind, fig.end, fig.unit_end = None, "bare", fig.num_end, -1
    return True


def _merge_ranges(text: str, figs: list[_Fig]) -> list[_Fig]:
    """Join "10-20", "10 to 20", "between 10 and 20", "from $10 to $15 billion" into one figure."""
    out: list[_Fig] = []
    for fig in figs:
        if out:
            prev = out[-1]
            gap = text[prev.end : fig.text_start]
            m = _RANGE_JOIN_RE.fullmatch(gap) if len(gap) <= 12 else None
            ok = False
            if m and prev.kind not in ("year", "fraction") and fig.kind not in ("year", "fraction"):
                same = (
                    prev.unit is None or prev.unit == fig.unit or prev.kind == fig.kind == "percent"
                )
                if m.group("dash"):
                    ok = same and not (prev.word and not fig.word)
                elif m.group("to"):
                    word = m.group("to").lower()
                    intro = [t.group().lower() for t in _tokens_before(text, prev.text_start, 2)]
                    if word == "and":
                        ok = "between" in intro and same
                    else:
                        by = intro[-1:] == ["by"]
                        ok = same and not by and (prev.unit is None or prev.unit == fig.unit)
                        # "from 208 pounds to 193": the high end takes the low end's unit.
                        ok = ok or ("from" in intro and fig.unit is None and fig.kind == "bare")
                elif m.group("or") and prev.unit is None and fig.unit and prev.kind == "bare":
                    # "eight or nine euros", "8 or $9": two figures, one unit.
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


def _apply_bounds(text: str, fig: _Fig) -> None:
    bound, bstart = _bound_before(text, fig.text_start)
    # "Over two days of talks" is during them; "for over two years" is more than two years.
    if (
        fig.kind == "duration"
        and text[bstart : bstart + 5].lower() in ("over ", "under")
        and _prev_word(text, bstart) not in _DURATION_OVER_WORDS
    ):
        bound = "="
    if bound != "=":
        fig.bound = bound
        fig.text_start = bstart
    elif fig.text_start > 0 and text[fig.text_start - 1] == "~":
        fig.bound = "~"
        fig.text_start -= 1
    m = _BOUND_AFTER_RE.match(text, fig.end)
    if m and fig.bound == "=":
        if m.group("plus"):
            fig.bound = ">"
            fig.end = m.end()
        else:
            fig.bound = BOUNDS_AFTER[" ".join(m.group("b").lower().split())]
            fig.end = m.end()


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _SENTENCE_END_RE.finditer(text):
        spans.append((start, m.start() + 1))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _is_countable(fig: _Fig) -> bool:
    return fig.kind == "count" and fig.unit is not None and fig.unit_end > 0


def _context_units(text: str, figs: list[_Fig]) -> None:
    """Give a bare count the unit of an earlier figure it clearly belongs to.

    "4,423 peacekeepers ... including 181 from Pakistan": the 181 are peacekeepers. Only counts
    written as "N from X", "N of them/whom/our ...", "including N" take part, and only from a
    count in the same sentence (or, for "N of our bravest", the sentences just before).
    """
    sentences = _sentence_spans(text)
    for i, fig in enumerate(figs):
        if fig.unit is not None or fig.kind not in ("bare",) or fig.drop:
            continue
        after = text[fig.end : fig.end + 40]
        before = text[max(0, fig.text_start - 20) : fig.text_start].lower()
        from_place = _FROM_RE.match(after) is not None
        partitive = _PARTITIVE_RE.match(text, fig.end)
        det = partitive.group("det").lower() if partitive else ""
        elided = det in ("them", "whom", "which")
        if partitive and not elided:
            # "two of Johnson's deputies", "one of the best speakers": the noun after "of".
            head = _head_noun(text, partitive.end())
            if head and _is_plural(head[0]) and _can_head(head[0]):
                fig.unit = head[0]
                fig.kind = "count"
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
        if not (from_place or elided or who or before.rstrip().endswith(("including", "among"))):
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


def _words_after(text: str, pos: int, limit: int) -> list[str]:
    words: list[str] = []
    for m in _WORD_RE.finditer(text, pos, min(len(text), pos + 80)):
        tok = m.group()
        if not tok[0].isalpha() or len(words) >= limit:
            break
        words.append(tok)
    while words and words[-1].lower() in STOP_WORDS:
        words.pop()
    return words


def _about(text: str, fig: _Fig) -> str:
    """A few words around the figure saying what it is about.

    For a counted noun, the noun phrase and the words after it ("Pakistani peacekeepers have
    served"); for a hyphenated compound, the noun it qualifies ("15-member UN Security Council");
    otherwise the words before the figure in its clause ("annual budget of"), and an "of" phrase
    after it ("of global military spending").
    """
    if fig.unit_end > fig.num_end:
        phrase = text[fig.num_end : fig.unit_end].strip(" -,")
        return " ".join([phrase, *_words_after(text, fig.unit_end, 3)])[:80]
    if fig.unit and fig.end > fig.num_end and text[fig.num_end : fig.num_end + 1] == "-":
        return " ".join(_words_after(text, fig.end, 4))[:80]
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


_KIND_SCORE: dict[str, float] = {
    "money": 0.85, "percent": 0.75, "count": 0.65, "vague": 0.45, "fraction": 0.45,
    "measure": 0.5, "age": 0.35, "duration": 0.3, "bare": 0.25, "year": 0.1,
}


def _score(fig: _Fig, value_counts: Counter[float], unit_mentions: Counter[str]) -> float:
    score = _KIND_SCORE.get(fig.kind, 0.3)
    if fig.kind in ("count", "money", "measure") and abs(fig.value) >= 1000:
        score += 0.1
    if fig.kind == "count" and fig.unit and unit_mentions[fig.unit.lower()] >= 3:
        score += 0.1  # counts of what the text is about
    if value_counts[fig.value] > 1 and fig.kind != "year":
        score += 0.05
    if fig.word and abs(fig.value) < 10 and fig.kind in ("count", "duration", "bare"):
        score -= 0.15
    if fig.value == 1 and fig.word:
        score = min(score, 0.1)
    if fig.kind == "bare" and fig.unit is None:
        score -= 0.05
    return round(max(0.0, min(1.0, score)), 3)


def _skip_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _PHONE_RE.finditer(text)]
    spans += [(m.start(), m.end() - 1) for m in _LIST_MARKER_RE.finditer(text)]
    return spans


def extract_figures(text: str) -> list[ExtractedFigure]:
    """Every figure in ``text``, in text order. See the module docstring for the conventions."""
    if not text:
        return []
    figs = _numeral_candidates(text, _skip_spans(text))
    taken = [(f.text_start, f.end) for f in figs]
    figs += _word_candidates(text, taken)
    figs.sort(key=lambda f: f.start)

    kept: list[_Fig] = []
    for fig in figs:
        if _is_date_day(text, fig):
            continue
        if _is_year(text, fig):
            fig.kind, fig.unit, fig.unit_end = "year", "year", -1
            fig.end = fig.start + 4 + (1 if text[fig.start + 4 : fig.start + 5] == "s" else 0)
        elif _in_name(text, fig) or (
            fig.kind == "count" and fig.unit_end > 0 and not _check_singular_head(text, fig)
        ):
            continue
        lone_one = fig.word and fig.value == 1 and fig.kind == "bare"
        if lone_one and not _PARTITIVE_RE.match(text, fig.end):
            continue  # "one" on its own is a pronoun more often than a number
        kept.append(fig)
    for fig in kept:
        # "Morales, 54, said": an age.
        if (
            fig.kind == "bare"
            and not fig.word
            and fig.unit is None
            and 1 <= fig.value <= 120
            and fig.value == int(fig.value)
            and _is_apposition(text, fig.text_start)
            and _AGE_AFTER_RE.match(text, fig.end)
        ):
            fig.kind, fig.unit = "age", "years of age"
    kept = _merge_ranges(text, kept)
    _context_units(text, kept)
    kept = [f for f in kept if not (f.word and f.value == 1 and f.unit is None)]
    for fig in kept:
        if fig.kind != "year":
            _apply_bounds(text, fig)
        if fig.unit is None and fig.kind == "bare":
            r = _PER_AFTER_RE.match(text, fig.end)
            if r:  # "an average of 20 per week"
                fig.unit, fig.kind, fig.end = f"per {r.group('n')}", "count", r.end()
        if fig.unit and fig.kind in ("measure", "count"):
            r = _RATE_AFTER_RE.match(text, fig.end)
            is_rate = r is not None and r.group("n") in _RATE_NOUNS
            if r and is_rate and (fig.kind == "measure" or r.group("w") == "per"):
                fig.unit = f"{fig.unit} {r.group('w')} {r.group('n')}"
                fig.end = r.end()

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
                about=_about(text, fig),
                score=_score(fig, value_counts, unit_mentions),
            )
        )
    return out

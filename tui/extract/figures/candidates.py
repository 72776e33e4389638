"""Finding numbers in running text: numerals, number words, vague amounts, fractions, multiples.

Each finder returns :class:`~tui.extract.figures.figure.Candidate` figures with what is attached
to them (currency, scale, unit); skipping what is plainly not a quantity (times of day, ordinals,
codes like "F-16", phone numbers, list markers) happens here too, before any later rule.
"""

from __future__ import annotations

import re

from tui.extract.figures.figure import Candidate, FigureBound, FigureKind
from tui.extract.figures.numbers import (
    ARTICLE_BEFORE_RE,
    ARTICLE_WORDS,
    DENOMINATORS,
    NUMBER_WORDS_RE,
    NUMERATORS,
    SCALE_SUFFIXES,
    SCALES,
    SMALL,
    VAGUE,
    VULGAR_FRACTIONS,
    cased_trie,
    is_slash_fraction,
    parse_number_words,
    parse_numeral,
    trie_pattern,
)
from tui.extract.figures.phrases import head_noun, prev_word
from tui.extract.figures.units import (
    CURRENCY_AFTER_RE,
    CURRENCY_CODES,
    DECADE_AFTER_RE,
    OF_RE,
    ORDINAL_AFTER_RE,
    TIME_AFTER_RE,
    currency_before,
    match_after,
    scale_after,
)
from tui.extract.figures.words import CURRENCY_AFTER, WORD_PREFIXES

_VULGAR = "".join(VULGAR_FRACTIONS)
_NUMERAL_RE = re.compile(
    r"(?:(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?!\d)|\.\d+)(?: ?[" + _VULGAR + "])?"
)
#: The same, and fractions written as one character on their own ("½ of"): a pattern that does
#: not start with a digit scans several times slower, so it is only used on texts that have one.
_NUMERAL_OR_VULGAR_RE = re.compile(_NUMERAL_RE.pattern + "|[" + _VULGAR + "]")
_VULGAR_CHAR_RE = re.compile("[" + _VULGAR + "]")
#: "2 1/2", "2-1/2": a whole number and a fraction.
_MIXED_RE = re.compile(r"[\s-](?P<n>\d)/(?P<d>\d{1,2})(?![\d/])")
#: "10^9", "10⁻⁹", "10**6": ten to a power, written on its own.
_CARET_POWER_RE = re.compile(
    r"(?:\^|\*\*)(?P<exp>[-−]?\d{1,2})(?!\d)|(?P<sup>⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})"
)
_VAGUE_RE = re.compile(cased_trie({k for k in VAGUE if " " not in k}) + r"(?=\s+of\b)")
#: "tens of" or "hundreds of" before a vague plural ("tens of thousands").
_VAGUE_PREFIX_RE = re.compile(r"(?:[Tt]ens|[Hh]undreds)\s+of\s+$")
#: What follows "a third" or "half" when they are fractions: "a third of", "half the".
_DETERMINER_NEXT_RE = re.compile(
    r"\s+(?:of|the|a|an|its|their|his|her|our|my|your|all|those|these)\b"
)
#: Fractions in words: a numerator word, then a denominator. Hyphenated ("one-third",
#: "three-quarters") and plural ("two thirds") they are fractions wherever they stand; "a third"
#: only before "of" or a determiner, since "a third term" is an ordinal. Spaced "quarters" is
#: held to the same test: "three quarters" is also three quarters of a year.
_FRACTION_RE = re.compile(
    r"(?P<num>" + cased_trie(frozenset(NUMERATORS)) + r")(?P<sep>[\s-]+)(?P<den>"
    + trie_pattern(set(DENOMINATORS)) + r")\b"
)
_HALF_RE = re.compile(r"[Hh]alf\b")
_OF_A_RE = re.compile(r"\s+(?:of\s+)?an?\s")
#: "half a million", "a half-dozen": half of a scale word.
_HALF_SCALE_RE = re.compile(
    r"[Hh]alf(?:\s+an?\s+|-)(?P<scale>dozen|hundred|thousand|million|billion|trillion)\b"
)
_A_BEFORE_RE = re.compile(r"\b[Aa]\s+$")
#: "two and a half years", "one and a half million".
_AND_A_HALF_RE = re.compile(r"\s+and\s+a\s+half\b")
_FRACTION_OF_RE = re.compile(
    r"\s+(?:of\s+)?(?:the|its|their|his|her|our|my|your|all|those|these)?\s*"
)
_FOLD_RE = re.compile(r"-?fold\b")
_WORD_BEFORE_FOLD_RE = re.compile(r"\b(?P<n>[A-Za-z]+|\d+)$")
_WORD_SCALE_RE = re.compile(
    r"\s(" + "|".join(k for k, v in SCALES.items() if v >= 1000) + r")\b", re.IGNORECASE
)
_NEGATIVE_BEFORE_RE = re.compile(
    r"(?:(?<![\w\d.,)%°'′″\"-])[-−]|\bminus[\s-])$", re.IGNORECASE
)
_NAME_CODE_BEFORE_RE = re.compile(r"(?:[A-Za-z][-.]?|[A-Z]\s-|[#№]|\bNo\.?\s|\bNos?\.\s)$")
_NO_BEFORE_RE = re.compile(r"(?:\bNo\.?|\bNos\.|#)\s$")
#: A single digit with nothing after it that an amount would have (decimals, a scale word).
_CONSOLE_RE = re.compile(r"\d(?![\d.,]|\s?(?:m|bn|k|million|billion)\b)")
#: What makes the number before it part of a code or a name: "Form 10-K", "7-Eleven", "401(k)".
_CODE_AFTER_RE = re.compile(r"-[A-Z](?:[a-z]+)?\b(?!-)|\([a-z]\)")
_CODE_BEFORE_RE = re.compile(r"[A-Za-z]\w*\d-$")
_SPACE_DASH_RE = re.compile(r"[\s\-−]")
#: "2/3 of", "1/4": a fraction written with a slash (not a date such as "3/4/2020" or "9/11").
_SLASH_FRACTION_RE = re.compile(r"/(\d{1,2})(?![\d/])")
#: "x 10^6", "× 10⁶", "*10**6", and "e5" right after a numeral: a power of ten.
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_TIMES_TEN_RE = re.compile(
    r"\s?[x×X*]\s?10(?:\^|\*\*)?(?P<exp>[-−]?\d{1,2}|[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})(?!\d)"
)
_E_POWER_RE = re.compile(r"[eE](?P<exp>[-+]?\d{1,2})(?![\w])")
#: Feet and then inches written with words: "5 ft 10 in", "6 feet 2", "a 6-foot-8 center".
_HYPHEN_FEET_RE = re.compile(r"(?P<unit>-(?:foot|feet))-\d{1,2}(?!\d)")
_FEET_BEFORE_RE = re.compile(r"\d[\s-]?(?:ft\.?|feet|foot)[\s-]$")
_INCHES_RE = re.compile(r"(?:\s?(?:in\b\.?|inches\b|inch\b|[\"″”]))?")
#: A number written in feet with a prime mark and then inches: 6′2″, 6'2".
_INCHES_AFTER_FEET_RE = re.compile(r"(?<=\d)['′’](?=\d{1,2}[\"″”])")


def _power_of_ten(text: str, e: int, raw: str) -> tuple[float, int] | None:
    """The power of ten written right after a numeral ("x 10^6", "e5"): (factor, new end).

    "10^9" and "10⁻⁹" on their own are ten to that power: the factor applies to the ten."""
    m = _TIMES_TEN_RE.match(text, e) or _E_POWER_RE.match(text, e)
    if m is None and raw == "10":
        m = _CARET_POWER_RE.match(text, e)
        if m is not None:
            exp = int((m.group("exp") or m.group("sup")).translate(_SUPERSCRIPTS).replace("−", "-"))
            return 10.0 ** (exp - 1), m.end()
    if m is None:
        return None
    exp = int(m.group("exp").translate(_SUPERSCRIPTS).replace("−", "-"))
    return 10.0**exp, m.end()


def _fraction(text: str, s: int, end: int, value: float) -> Candidate:
    """A fraction written in figures ("3/4", "½"): it counts the noun after "of" ("3/4 of the
    pumps"), or it is a measure when a unit follows ("3/4 inch", "a 1/8-inch gap")."""
    frac = Candidate(s, end, value, "fraction", text_start=s, num_end=end)
    of = _FRACTION_OF_RE.match(text, end)
    if of and "of" in of.group():
        head = head_noun(text, of.end())
        if head:
            frac.unit = head[0]
        return frac
    unit, kind, unit_end, _ = match_after(text, end)
    if kind == "measure":
        frac.unit, frac.kind, frac.end = unit, "measure", unit_end
    return frac


def raw_ok(text: str, s: int) -> bool:
    """Whether a numeral at ``s`` after "." or "," is the tail of a longer numeral or code."""
    return s > 1 and (text[s - 2].isalnum() or (text[s - 1] == "," and text[s - 2] != " "))


def numeral_candidates(text: str, skip: list[tuple[int, int]]) -> list[Candidate]:
    """Every numeral in ``text`` outside ``skip`` that may be a figure, with what is attached."""
    figs: list[Candidate] = []
    consumed = 0  # numerals before this offset belong to a figure already read ("10" in "x 10^6")
    numeral_re = _NUMERAL_OR_VULGAR_RE if _VULGAR_CHAR_RE.search(text) else _NUMERAL_RE
    for m in numeral_re.finditer(text):
        s, e = m.span()
        if s < consumed:
            continue
        if s and (text[s - 1].isdigit() or (text[s - 1] in "_.," and raw_ok(text, s))):
            continue
        if any(a <= s < b for a, b in skip):
            continue
        raw = m.group()
        fraction = _SLASH_FRACTION_RE.match(text, e) if raw.isdigit() else None
        if fraction and text[s - 1 : s] != "/" and len(raw) < 4:  # not "2020/21"
            if is_slash_fraction(int(raw), int(fraction.group(1))):
                # "2/3 of the wells": a fraction, its value n/d.
                value = int(raw) / int(fraction.group(1))
                figs.append(_fraction(text, s, fraction.end(), value))
            consumed = fraction.end()  # "9/11", "24/7": a name or a date, not a number
            continue
        if raw in VULGAR_FRACTIONS:  # "½ of the crop", "¼ mile"
            figs.append(_fraction(text, s, e, VULGAR_FRACTIONS[raw]))
            continue
        mixed = _MIXED_RE.match(text, e) if raw.isdigit() else None
        part = 0.0
        if mixed and is_slash_fraction(int(mixed.group("n")), int(mixed.group("d"))):
            # "2 1/2 inches", "2-1/2 years": a whole number and a fraction.
            part = int(mixed.group("n")) / int(mixed.group("d"))
            e = consumed = mixed.end()
        if len(raw) == 2 and s and (
            (s >= 5 and text[s - 1] in "-–/" and text[s - 5 : s - 1].isdigit())
            or (text[s - 1] in "'’" and not text[s - 2 : s - 1].isalnum())
        ):
            continue  # the end of a span of years ("2019-20", "2020/21"), a year cut short ("'08")
        # Times of day, ordinals, decades, codes and names.
        if TIME_AFTER_RE.match(text, e) or _CODE_AFTER_RE.match(text, e):
            continue
        if s > 1 and text[s - 1] in ":." and text[s - 2].isdigit():
            continue
        if ORDINAL_AFTER_RE.match(text, e):
            continue
        before = text[max(0, s - 12) : s]
        c1 = before[-1:]
        cur = currency_before(before)
        if cur and cur.group() == "PS" and _CONSOLE_RE.match(text, s):
            cur = None  # "PS5" is a games console, not five pounds
        negative = False
        text_start = s
        unit: str | None = None
        kind: FigureKind | None = None
        if c1 == "-" and s > 1 and text[s - 2].isdigit() and _CODE_BEFORE_RE.search(before):
            continue  # "A350-1000", "F-16-2": the end of a code
        if cur is None and _NO_BEFORE_RE.search(before):
            continue  # "No. 23", "# 7": a number that names, not one that counts
        if cur:
            unit = CURRENCY_CODES.get(_SPACE_DASH_RE.sub("", cur.group()), "USD")
            kind = "money"
            text_start = s - (len(before) - cur.start())
            negative = bool(cur.group("neg"))
        else:
            if (
                c1
                and (c1.isalpha() or c1 in "-.#№")
                and _NAME_CODE_BEFORE_RE.search(before)
                and not before.lower().endswith(WORD_PREFIXES)
                and not _FEET_BEFORE_RE.search(before)
            ):
                continue
            neg = _NEGATIVE_BEFORE_RE.search(before) if c1 in ("-", "−", " ") else None
            if neg:
                negative = True
                text_start = s - (len(before) - neg.start())
        value = parse_numeral(raw) + part
        end = e
        if DECADE_AFTER_RE.match(text, e) and "." not in raw and "," not in raw:
            if len(raw) == 4 and 1000 <= value <= 2100:
                figs.append(
                    Candidate(s, e, value, "year", "year", text_start=text_start, num_end=e)
                )
            continue
        power = _power_of_ten(text, end, raw)
        if power is not None:
            value *= power[0]
            end = consumed = power[1]
        scale, end = scale_after(text, end, kind == "money")
        value *= scale
        if negative:
            value = -value
        num_end = end
        noun_unit = False
        after_sign = CURRENCY_AFTER_RE.match(text, end) if kind != "money" else None
        if after_sign:  # "50€", "100 $": the currency written after the amount
            unit, kind, end = CURRENCY_AFTER[after_sign.group("sign")], "money", after_sign.end()
        elif _INCHES_AFTER_FEET_RE.match(text, e):  # 6′2″: six feet, then two inches
            unit, kind, end = "foot", "measure", e + 1
        elif s > 1 and _INCHES_AFTER_FEET_RE.match(text, s - 1):
            unit, kind, end = "inches", "measure", e + 1
        elif (hyphen_feet := _HYPHEN_FEET_RE.match(text, e)) is not None:
            unit, kind, end = "foot", "measure", hyphen_feet.end("unit")  # "a 6-foot-8 center"
        elif (inches := _INCHES_RE.match(text, e)) and _FEET_BEFORE_RE.search(before):
            unit, kind, end = "inches", "measure", inches.end()  # "5 ft 10 in", "6-foot-8"
        elif kind != "money":
            unit, kind, end, noun_unit = match_after(text, end)
        fig = Candidate(
            s, end, value, kind or "bare", unit, text_start=text_start, scale=scale,
            num_end=num_end,
        )
        if noun_unit:
            fig.unit_end = end
        figs.append(fig)
    return figs


def _word_fraction(text: str, start: int, end: int, value: float) -> Candidate:
    """A fraction in words; it counts the noun after "of" or a determiner ("half its stake")."""
    fig = Candidate(start, end, value, "fraction", word=True, text_start=start, num_end=end)
    of_a = _OF_A_RE.match(text, end)
    if of_a:  # "three-quarters of a percentage point", "half a mile"
        unit, kind, unit_end, _ = match_after(text, of_a.end() - 1)
        if kind in ("percent", "measure", "duration"):
            fig.unit, fig.kind, fig.end = unit, kind, unit_end
            return fig
    of = _FRACTION_OF_RE.match(text, end)
    if of and of.group().strip():
        head = head_noun(text, of.end())
        if head:
            fig.unit = head[0]
    return fig


def word_candidates(text: str, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Figures written in words, outside the spans in ``taken`` (which grows as they are found):
    vague amounts ("dozens of"), fractions ("a third of"), number words, multiples ("sixfold")."""
    figs: list[Candidate] = []

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
        fig = Candidate(start, m.end(), VAGUE[key], "vague", word=True, text_start=start,
                        num_end=m.end(), bound=FigureBound.MORE_THAN)
        rest = OF_RE.match(text, m.end())
        if rest:
            unit, kind, end, _ = match_after(text, rest.end())
            if unit:
                fig.unit, fig.end = unit, end
                if kind == "money":
                    fig.kind = "money"
        figs.append(fig)
        taken.append((start, m.end()))
    for m in _HALF_SCALE_RE.finditer(text):
        start = m.start()
        if (start and text[start - 1].isalpha()) or not free(*m.span()):
            continue
        art = _A_BEFORE_RE.search(text, max(0, start - 3), start)
        if art and text[m.start("scale") - 1] == "-":  # "a half-dozen"
            start = art.start()
        scale = SCALES[m.group("scale").lower()]
        unit, kind, end, noun = match_after(text, m.end())
        fig = Candidate(start, end, scale / 2, kind or "bare", unit, word=True,
                        text_start=start, scale=scale, num_end=m.end())
        if noun:
            fig.unit_end = end
        figs.append(fig)
        taken.append((start, m.end()))
    for m in _FRACTION_RE.finditer(text):
        if (m.start() and text[m.start() - 1].isalpha()) or not free(*m.span()):
            continue
        den = m.group("den").lower()
        hyphen = m.group("sep") == "-" and text[m.end() : m.end() + 1] != "-"
        plural = den.endswith("s") and den not in ("quarters", "halves") and m.group("sep") != "-"
        by = prev_word(text, m.start()) == "by"  # "rose by a fifth"
        if not (hyphen or plural or by or _DETERMINER_NEXT_RE.match(text, m.end())):
            continue
        if den in ("half", "halves") and not hyphen:
            continue  # "a half" is read below, or is part of "and a half"
        value = NUMERATORS[m.group("num").lower()] / DENOMINATORS[den]
        figs.append(_word_fraction(text, m.start(), m.end(), value))
        taken.append(m.span())
    for m in _HALF_RE.finditer(text):
        if (m.start() and text[m.start() - 1].isalpha()) or not free(*m.span()):
            continue
        prev = prev_word(text, m.start()).lower()
        if prev in ("first", "second", "last", "the", "this", "that", "other", "a"):
            continue
        if not (_DETERMINER_NEXT_RE.match(text, m.end()) or prev == "by"):
            continue
        figs.append(_word_fraction(text, m.start(), m.end(), 0.5))
        taken.append(m.span())
    for m in NUMBER_WORDS_RE.finditer(text):
        if (m.start() and text[m.start() - 1].isalpha()) or not free(*m.span()):
            continue
        if text[max(0, m.start() - 2) : m.start()][:1].isdigit() and text[m.start() - 1] == "-":
            continue  # "7-Eleven": a name
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
        half = _AND_A_HALF_RE.match(text, e)
        if half and value < 1000:
            value, e = value + 0.5, half.end()
        # Hyphenated idioms: "one-off", "one-shot", "one-on-one", "a one-time champion" (a
        # former one; "two-time" is twice).
        if text[e : e + 1] == "-" and (
            text[e + 1 : e + 4].lower() in ("off", "sho", "on-")
            or (value == 1 and text[e + 1 : e + 6].lower() == "time ")
        ):
            continue
        if text[s - 1 : s] == "-" and text[s - 2 : s - 1].isalpha():
            continue  # the second "one" of "one-on-one"
        scale, end = 1.0, e
        sm = _WORD_SCALE_RE.match(text, e)
        if sm and value < 1000:
            scale, end = SCALE_SUFFIXES[sm.group(1).lower()], sm.end()
        num_end = end
        unit, kind, end, noun = match_after(text, end)
        fig = Candidate(s, end, value * scale, kind or "bare", unit, word=True, text_start=s,
                        scale=scale, num_end=num_end)
        if noun:
            fig.unit_end = end
        figs.append(fig)
    for m in _FOLD_RE.finditer(text):
        # "sixfold", "two-fold", "10-fold": a multiple.
        w = _WORD_BEFORE_FOLD_RE.search(text, max(0, m.start() - 12), m.start())
        if not w:
            continue
        word = w.group("n").lower()
        multiple = float(SMALL[word]) if word in SMALL else float(word) if word.isdigit() else None
        if multiple is not None and free(w.start(), m.end()):
            figs.append(Candidate(w.start(), m.end(), multiple, "count", "fold", word=True,
                                  text_start=w.start(), num_end=w.end()))
    return figs

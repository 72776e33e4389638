"""Finding numerals in running text, with what is attached to them: currency, scale, unit.

:func:`numeral_candidates` returns :class:`~tui.extract.figures.figure.Candidate` figures;
skipping numerals that are plainly not quantities (times of day, ordinals, codes like "F-16" or
"10-K", slashed names like "9/11") happens here too, before any later rule. Figures written in
words are found by :mod:`tui.extract.figures.word_numbers`, and stretches such as phone numbers
and scores by :mod:`tui.extract.figures.skips`.
"""

from __future__ import annotations

import re

from tui.extract.figures.figure import Candidate, FigureBound, FigureKind
from tui.extract.figures.numbers import (
    ARTICLE_BEFORE_RE,
    VULGAR_FRACTIONS,
    is_slash_fraction,
    parse_numeral,
)
from tui.extract.figures.phrases import head_noun, past_inner_number
from tui.extract.figures.units import (
    CURRENCY_AFTER_RE,
    CURRENCY_CODES,
    DECADE_AFTER_RE,
    ORDINAL_AFTER_RE,
    TIME_AFTER_RE,
    approx_suffix,
    currency_before,
    match_after,
    scale_after,
    spaced_tight_currency,
)
from tui.extract.figures.word_numbers import FRACTION_OF_RE
from tui.extract.figures.words import CURRENCY_AFTER, WORD_PREFIXES

_VULGAR = "".join(VULGAR_FRACTIONS)
_NUMERAL_TAIL = r"(?:\.\d+)?(?!\d)|\.\d+)(?: ?[" + _VULGAR + "])?"
#: Digits grouped the South Asian way, hundreds then pairs: "1,23,456" (1.23 lakh).
_LAKH_GROUPS = r"\d{1,2}(?:,\d\d)+,\d{3}(?![\d,])|"
#: A numeral: thousands grouped by commas, decimals, a fraction character after it.
_NUMERAL_RE = re.compile(
    r"(?:(?:" + _LAKH_GROUPS + r"\d{1,3}(?:,\d{3})+(?!\d)|\d+)" + _NUMERAL_TAIL
)
#: The same with thousands grouped by spaces too ("10 000", as some outlets write them; not
#: before a hyphen: "the 10 100-metre finals").
_NUMERAL_SPACED_RE = re.compile(
    r"(?:(?:" + _LAKH_GROUPS
    + r"\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d-])|\d+)"
    + _NUMERAL_TAIL
)
#: Alternatives that let a scan skip ahead less are only used on texts that need them: fractions
#: written as one character on their own ("½ of"), and thousands grouped by spaces.
_VULGAR_CHAR_RE = re.compile("[" + _VULGAR + "]")
_SPACED_THOUSANDS_RE = re.compile(r"\d[ \u00a0\u202f]\d{3}(?![\d-])")
_NUMERAL_PATTERNS: dict[tuple[bool, bool], re.Pattern[str]] = {
    (spaced, vulgar): re.compile(
        (_NUMERAL_SPACED_RE if spaced else _NUMERAL_RE).pattern
        + ("|[" + _VULGAR + "]" if vulgar else "")
    )
    for spaced in (False, True)
    for vulgar in (False, True)
}
#: "2 1/2", "2-1/2": a whole number and a fraction.
_MIXED_RE = re.compile(r"[\s-](?P<n>\d)[/⁄](?P<d>\d{1,2})(?![\w/⁄])")
#: "10^9", "10⁻⁹", "10**6": ten to a power, written on its own.
_CARET_POWER_RE = re.compile(
    r"(?:\^|\*\*)(?P<exp>[-−]?\d{1,2})(?!\d)|(?P<sup>⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})"
)
_NEGATIVE_BEFORE_RE = re.compile(
    r"(?:(?<![\w\d.,)%°'′″\"-])[-−]|\bminus[\s-])$", re.IGNORECASE
)
_NAME_CODE_BEFORE_RE = re.compile(r"(?:[^\W\d_][-.]?|[A-Z]\s-|[#№]|\bNo\.?\s|\bNos?\.\s)$")
_NO_BEFORE_RE = re.compile(r"(?:\bNo\.?|\bNos\.|#)\s(?:\d+[-–])?$")
#: A single digit with nothing after it that an amount would have (decimals, a scale word).
_CONSOLE_RE = re.compile(r"\d(?!\d|[.,]\d|\s?(?:m|bn|k|million|billion)\b)")
#: What makes the number before it part of a code or a name: "Form 10-K", "7-Eleven", "401(k)".
#: Also a capital letter attached: a quarter or half of a year
#: ("3Q24", "1H 2025").
_CODE_AFTER_RE = re.compile(r"-[A-Z](?:[a-z]+)?\b(?!-)|\([a-z]\)|[QH](?:\d\d)?\b")
_CODE_BEFORE_RE = re.compile(r"[A-Za-z]\w*\d-$")
#: The low end of a range written with scale letters on both ends: "1.5m-", "£2bn-".
_SCALED_LOW_END_RE = re.compile(r"\d(?:m|bn|k)[-–]$")
#: A comma and one or two digits before a scale word or a percent sign: a decimal comma.
_DECIMAL_COMMA_RE = re.compile(
    r",(\d{1,2})(?=\s?(?:%|€|(?:mln|mn|bn|mrd|million|billion|per\s?cent|percent|euros?)\b))"
)
#: "the mid-30s", "the low 90s": a band of temperatures, when the sentence is about them.
_BAND_BEFORE_RE = re.compile(r"\b(?P<w>mid|low|lower|high|upper)[\s-]$", re.IGNORECASE)
_TEMPERATURE_RE = re.compile(
    r"\b(?:temperatures?|degrees|highs?|lows?|heat|hot|warm\w*|cool\w*|cold|thermometers?"
    r"|forecasts?|celsius|fahrenheit)\b|°",
    re.IGNORECASE,
)
#: "N50 billion" in a text about Nigeria: naira, written with the letter for its sign. Elsewhere
#: "N95" is a mask and "N7" a road, so the letter needs a scale word after the amount as well,
#: or thousands written with a comma ("N75,000"), which no code or road number has.
_NAIRA_RE = re.compile(r"(?<![\w-])N(?P<neg>)$")
_NAIRA_SCALE_RE = re.compile(r"[\d.,]*\s?(?:bn|m|tn|million|billion|trillion)\b")
_NIGERIA_RE = re.compile(r"\b(?:Nigeria\w*|[Nn]aira|Lagos|Abuja|Kano|CBN)\b")
_AND_A_HALF_SCALE_RE = re.compile(
    r"\s+and\s+a\s+half\s(?P<scale>hundred|thousand|million|billion|trillion)\b"
)
_BELOW_ZERO_RE = re.compile(r"\s+below\s+(?:zero|freezing)\b")
#: After "at" and an hour: "at 9 tomorrow". Not a weekday: "closed at 52 on Friday" is a price.
_DAY_AFTER_RE = re.compile(
    r"\s+(?:tomorrow|tonight|last\s+night|(?:this|yesterday|tomorrow)\s+(?:morning|afternoon"
    r"|evening))\b"
)
#: Words before an hour of the day ("at 9 tomorrow", "shortly after 11 last night").
_HOUR_BEFORE_RE = re.compile(r"\b(?:at|after|before|until|till|by|around)\s$")
#: "half past 3", "a quarter to 5", "ten past 9": an hour told by the minutes around it.
_CLOCK_BEFORE_RE = re.compile(
    r"\b(?:half|quarter|ten|twenty|five|twenty-five|\d{1,2}\s+minutes)\s+past\s$"
    r"|\bquarter\s+to\s$",
    re.IGNORECASE,
)
_PLACE_AFTER_RE = re.compile(r" [A-Z][a-z]")
_PLURAL_OF_RE = re.compile(r"s\s+of\s+")
_SPACE_DASH_RE = re.compile(r"[\s\-−]")
#: "2/3 of", "1/4": a fraction written with a slash (not a date such as "3/4/2020" or "9/11").
_SLASH_FRACTION_RE = re.compile(r"[/⁄](\d{1,2})(?:th)?(?![\w/⁄])")  # "1/10th"
_OF_A_RE = re.compile(r"\s+of\s+an?\s")
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
    of_a = _OF_A_RE.match(text, end)
    if of_a:  # "7/10 of a percent", "3/4 of a mile"
        unit, kind, unit_end, _ = match_after(text, of_a.end() - 1)
        if kind in ("percent", "measure", "duration"):
            frac.unit, frac.kind, frac.end = unit, kind, unit_end
            return frac
    of = FRACTION_OF_RE.match(text, end)
    if of and "of" in of.group():
        head = head_noun(text, past_inner_number(text, of.end()))
        if head:
            frac.unit = head[0]
        return frac
    unit, kind, unit_end, _ = match_after(text, end)
    if kind == "measure":
        frac.unit, frac.kind, frac.end = unit, "measure", unit_end
    elif kind == "count" and ARTICLE_BEFORE_RE.search(text, max(0, s - 4), s):
        frac.unit, frac.end = unit, unit_end  # "a 1/3 stake": the noun it is a share of
    return frac


def raw_ok(text: str, s: int) -> bool:
    """Whether a numeral at ``s`` after "." or "," is the tail of a longer numeral or code."""
    return s > 1 and (text[s - 2].isalnum() or (text[s - 1] == "," and text[s - 2] != " "))


def numeral_candidates(text: str, skip: list[tuple[int, int]]) -> list[Candidate]:
    """Every numeral in ``text`` outside ``skip`` that may be a figure, with what is attached."""
    figs: list[Candidate] = []
    consumed = 0  # numerals before this offset belong to a figure already read ("10" in "x 10^6")
    spaced = _SPACED_THOUSANDS_RE.search(text) is not None
    numeral_re = _NUMERAL_PATTERNS[spaced, _VULGAR_CHAR_RE.search(text) is not None]
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
        if s > 1 and text[s - 1] in "/⁄" and text[s - 2].isdigit():
            continue  # the second number of a slashed pair that is not a fraction ("1⁄4len")
        if len(raw) == 5 and raw.isdigit() and _PLACE_AFTER_RE.match(text, e):
            head = head_noun(text, e)
            if head is None or head[0][:1].isupper():
                continue  # "75008 Paris", "90210 Beverly Hills": a postcode before a place
        if len(raw) >= 9 and raw.isdigit():
            continue  # an identifier (a tweet's number, a timestamp), not an amount
        if len(raw) == 2 and s and (
            (s >= 5 and text[s - 1] in "-–/" and text[s - 5 : s - 1].isdigit())
            or (text[s - 1] in "'’‘" and (s == 1 or text[s - 2].isspace()))
        ):
            continue  # the end of a span of years ("2019-20", "2020/21"), a year cut short ("'08")
        # Times of day, ordinals, decades, codes and names.
        if TIME_AFTER_RE.match(text, e) or _CODE_AFTER_RE.match(text, e):
            continue
        if len(raw) <= 2 and (
            (_DAY_AFTER_RE.match(text, e) and _HOUR_BEFORE_RE.search(text, max(0, s - 8), s))
            or _CLOCK_BEFORE_RE.search(text, max(0, s - 24), s)
        ):
            continue  # "at 9 tomorrow", "after 11 last night", "half past 3": times of day
        if raw[0] == "0" and len(raw) > 1 and raw[1].isdigit():
            continue  # "at 0830", "agent 007": a leading zero writes a time or a code
        if s > 1 and text[s - 1] in ":." and text[s - 2].isdigit():
            continue
        if ORDINAL_AFTER_RE.match(text, e):
            continue
        before = text[max(0, s - 12) : s]
        c1 = before[-1:]
        cur = currency_before(before)
        if cur and cur.group() in ("PS", "R") and len(raw) == 1 and _CONSOLE_RE.match(text, s):
            cur = None  # "PS5" is a games console and "R2" a name, not five pounds or two rand
        negative = False
        text_start = s
        unit: str | None = None
        kind: FigureKind | None = None
        if c1 == "-" and s > 1 and text[s - 2].isdigit() and _CODE_BEFORE_RE.search(before):
            continue  # "A350-1000", "F-16-2": the end of a code
        if cur is None and _NO_BEFORE_RE.search(before):
            continue  # "No. 23", "# 7": a number that names, not one that counts
        if cur is None and c1 == " ":
            cur = spaced_tight_currency(before, text, e)
        if cur is None and c1 == "N" and _is_naira(text, s, e):
            cur = _NAIRA_RE.search(before)
        if cur:
            sign = _SPACE_DASH_RE.sub("", cur.group())
            unit = "NGN" if sign == "N" else CURRENCY_CODES.get(sign, "USD")
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
                and not _SCALED_LOW_END_RE.search(before)
            ):
                continue
            neg = _NEGATIVE_BEFORE_RE.search(before) if c1 in ("-", "−", " ") else None
            if neg and text[max(0, s - 16) : s].lower().rstrip().endswith("plus or minus"):
                neg = None  # "a margin of error of plus or minus 3 points" is not negative
            if neg:
                negative = True
                text_start = s - (len(before) - neg.start())
        value = parse_numeral(raw) + part
        dec = _DECIMAL_COMMA_RE.match(text, e) if raw.isdigit() and len(raw) <= 3 else None
        if dec:  # "€1,5 million", "3,5%": a decimal comma, as much of Europe writes it
            value += float("0." + dec.group(1))
            e = consumed = dec.end()
        end = e
        hundreds = _PLURAL_OF_RE.match(text, e) if ("," in raw or len(raw) <= 3) else None
        if hundreds and raw.replace(",", "").strip("0") == "1":  # "1,000s of", "100s of homes"
            unit, kind, uend, _ = match_after(text, hundreds.end())
            figs.append(Candidate(s, uend if unit else e + 1, value, "vague", unit,
                                  FigureBound.MORE_THAN, text_start=text_start, num_end=e + 1))
            continue
        if DECADE_AFTER_RE.match(text, e) and "." not in raw and "," not in raw:
            if len(raw) == 4 and 1000 <= value <= 2100:
                figs.append(
                    Candidate(s, e, value, "year", "year", text_start=text_start, num_end=e)
                )
            elif (band := _temperature_band(text, s, raw)) is not None:
                figs.append(band)
            continue
        half = _AND_A_HALF_SCALE_RE.match(text, end) if "." not in raw else None
        if half:  # "1 and a half million pounds": the half is of the scale word after it
            value += 0.5
            end = half.start("scale") - 1
        power = _power_of_ten(text, end, raw)
        if power is not None:
            value *= power[0]
            end = consumed = power[1]
        scale, end = scale_after(text, end, kind == "money")
        value *= scale
        if negative:
            value = -value
        bound = FigureBound.EXACT
        approx = approx_suffix(text, end)
        if approx is not None:  # "30-odd villages", "300-plus passengers"
            bound, end = approx
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
        elif kind != "money" and not _BELOW_ZERO_RE.match(text, end):
            unit, kind, end, noun_unit = match_after(text, end)
        below = _BELOW_ZERO_RE.match(text, end) if kind in (None, "measure") else None
        if below:  # "40 degrees below zero", "40 below freezing"
            value, end, noun_unit = -value, below.end(), False
            unit, kind = unit or "degrees", "measure"
        fig = Candidate(
            s, end, value, kind or "bare", unit, bound, text_start=text_start, scale=scale,
            num_end=num_end,
        )
        if noun_unit:
            fig.unit_end = end
        figs.append(fig)
    return figs


def _temperature_band(text: str, s: int, raw: str) -> Candidate | None:
    """"into the mid-30s" is about 35 degrees, "the low 90s" more than 90, in a sentence about
    the weather; elsewhere "the mid-30s" is an age or a decade."""
    band = _BAND_BEFORE_RE.search(text, max(0, s - 6), s)
    if band is None or len(raw) != 2 or not raw.endswith("0") or raw == "10":
        return None
    if not _TEMPERATURE_RE.search(text, max(0, s - 120), s + 60):
        return None
    value, bound = float(raw), FigureBound.MORE_THAN
    if band.group("w").lower() == "mid":
        value, bound = value + 5, FigureBound.APPROXIMATE
    return Candidate(s, s + 3, value, "measure", "degrees", bound, text_start=band.start(),
                     num_end=s + 3)


def _is_naira(text: str, s: int, e: int) -> bool:
    """"N50 billion" in a text about Nigeria (see :data:`_NAIRA_RE`)."""
    return (
        _NAIRA_RE.search(text, max(0, s - 2), s) is not None
        and ("," in text[s:e] or _NAIRA_SCALE_RE.match(text, e) is not None)
        and _NIGERIA_RE.search(text) is not None
    )

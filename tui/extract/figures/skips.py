"""Stretches of text whose digits are not quantities, found before any number is read.

Phone numbers, list markers ("1. "), dates written with slashes ("4/12/2019") and the scores of
games ("won 3-1", "a 24-17 victory"). A pair of whole numbers joined by a dash is a range when
it rises ("10-15 minutes") and a score or a tally when it does not ("beat the Jets 24-17",
"voted 51-49", "a 1-1 draw"): a range is written from its low end, a result from the winner's.
A rising pair is a score only beside a word of winning or losing ("lost 1-3").
"""

from __future__ import annotations

import re

from tui.extract.figures.words import SCORE_WORDS

#: Phone numbers: "(202) 456-1111", "555-123-4567", "1-800-555-0199", "+44 20 7946 0958",
#: "020 7946 0958".
_PHONE_RE = re.compile(
    r"(?:1-)?(?:\(\d{3}\)|\d{3})[\s.-]\d{3}[\s.-]\d{4}\b|\+\d[\d\s-]{7,}\d"
    r"|0\d{2,4}[ -]\d{3,4}[ -]\d{4}(?!\d)"
)
#: Every phone number ends in four digits after a separator, or starts with "+": texts without
#: either skip the full pattern, which scans slowly.
_PHONE_HINT_RE = re.compile(r"\d[\s.-]\d{4}(?!\d)|\+\d")
_LIST_MARKER_RE = re.compile(r"(?m)^\s*\d{1,2}[.)]\s")
#: Two whole numbers joined by a dash, not part of a longer chain ("4-3-3") or numeral.
_PAIR_RE = re.compile(
    r"(?<![\d.,$€£¥/-])(?P<a>\d{1,3})(?:\s?[-–]\s?|-to-|(?P<to>\s+to\s+))(?P<b>\d{1,3})"
    r"(?![\d%/]|[.,]\d|\s?[-–]\s?\d)"
)
#: Where a pair or a slashed date may be: found first by a pattern cheap to scan for.
_PAIR_HINT_RE = re.compile(r"\d(?:\s?[-–]\s?|-to-| to )\d")
_SLASH_HINT_RE = re.compile(r"\d/\d")
_WORDS_RE = re.compile(r"[A-Za-z]+")
#: An age bracket that names a group of people ("women aged 25 to 54", "ages 18-34"): the
#: bracket says who is counted, it is not itself an amount.
_AGE_BRACKET_RE = re.compile(
    r"\b[Aa]ge[sd]\s+(?:of\s+)?(?:between\s+)?\d{1,3}\s*(?:to|-|–|and)\s*\d{1,3}(?![\d%])"
)
_AGE_HINT_RE = re.compile(r"[Aa]ge[sd]\s")
#: Web addresses, e-mail addresses, handles and hashtags: their digits are names.
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|(?<!\w)[@#]\w+")
_URL_HINT_RE = re.compile(r"https?:|www\.|@|#")
#: Three or more numbers joined by dashes: a code ("ISBN 978-3-16-148410-0"), a formation
#: ("a 4-3-3"), never an amount or a range.
_CHAIN_RE = re.compile(r"(?<![\w.])\d+(?:-\d+){2,}(?:-[\dX])?(?!\w|\.\d|-\w)")
_CHAIN_HINT_RE = re.compile(r"\d-\d+-\d")
#: A date written the ISO way: "2016-08-23".
_ISO_DATE_RE = re.compile(r"(?<![\d/])\d{4}-\d{2}-\d{2}(?!\d)")
_ISO_HINT_RE = re.compile(r"\d-\d\d-\d")
#: A numbered part of a law or a rule: "Section 8(2)", "Article 5(1)(b)", "Regulation
#: 2016/679". The numbers name a provision.
_PROVISION_RE = re.compile(r"(?<![\w.])\d+[A-Za-z]?(?:\(\d{1,3}[a-z]?\))+"
    r"|(?<=[A-Za-z] )\d{4}/\d{3}(?![\d/])"
)
_PROVISION_HINT_RE = re.compile(r"\d\(\d|\d{4}/\d")
#: A date written with slashes: "4/12/2019", "12/31/19".
_SLASH_DATE_RE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])")
_PERCENT_AFTER_RE = re.compile(r"\s?(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)
_POLL_ONLY_WORDS = frozenset({"poll", "polls", "polling", "survey", "surveyed"})
_POLL_WORDS = _POLL_ONLY_WORDS | {"percent", "points"}
_VOTE_WORDS = frozenset({"vote", "voted", "votes", "voting"})
#: A golf score against par and the round it sums up: "a 6-under 66", "3 under par", "at
#: 10-under", "a 1-over-par 72". Strokes are a score, not an amount.
_GOLF_RE = re.compile(
    r"(?<![\d.,])\d{1,2}(?:-(?:under|over)(?:-par)?|\s(?:under|over)\s+par)\b(?:\s+\d{2}\b)?"
)
_GOLF_HINT_RE = re.compile(r"\d-(?:under|over)|(?:under|over)\s+par\b")
#: A cricket total and its wickets: "245 for 6", "312 for 7 in their 50 overs". The total is a
#: score; what follows the wickets is a preposition, a clause or punctuation, never a noun.
_CRICKET_RE = re.compile(
    r"(?<![\d.,$£€])\d{2,3}\s+for\s+(?:[1-9]|10)\b(?![\d%]|[.,]\d"
    r"|\s+(?!(?:in|at|on|after|before|when|and|declared)\b)[a-z])"
)
_CRICKET_HINT_RE = re.compile(r"\d for \d")
#: Betting odds: "5,000-1 outsiders", "a 10/1 shot", "at odds of 100-1". A price written as a
#: ratio of stakes, not an amount.
_ODDS_RE = re.compile(
    r"(?<![\d.,])(?P<a>\d{1,3}(?:,\d{3})*)[-/](?P<b>\d{1,2})(?=\s+(?:outsiders?|shots?"
    r"|favou?rites?|underdogs?|chances?)\b)|\bodds\s+of\s+\d{1,3}(?:,\d{3})*[-/]\d{1,2}\b"
)
_ODDS_HINT_RE = re.compile(r"\d[-/]\d{1,2}\s+(?:out|sh|fav|und|ch)|odds\s+of")
#: An emergency number, dialled or named as a service: "the 911 call", "dialled 999", "a 112
#: operator". It names a line; it counts nothing.
_EMERGENCY_RE = re.compile(
    r"(?<![\w.,$£€])(?P<a>911|999|112)(?=\s+(?:calls?|callers?|dispatch\w*|operators?"
    r"|emergenc\w*|system|cent(?:er|re)s?|lines?|services?)\b)"
    r"|\b(?:[Cc]all|[Dd]ial|[Rr]ang|[Rr]ing)(?:ed|led|ing|s)?\s+(?P<b>911|999|112)(?![\w.,])"
)
_EMERGENCY_HINT_RE = re.compile(r"911|999|112")
#: What may follow a pair that makes it a range of something counted ("won 20-25 seats").
_PLURAL_AFTER_RE = re.compile(r"\s(?:[a-z]+\s)?(?P<w>[a-z]{3,}s)\b")


def _hinted(text: str, hint: re.Pattern[str], full: re.Pattern[str]) -> list[re.Match[str]]:
    """Matches of ``full`` that start at most three digits before a match of ``hint``."""
    found: list[re.Match[str]] = []
    for h in hint.finditer(text):
        start = h.start()
        while start > h.start() - 2 and start > 0 and text[start - 1].isdigit():
            start -= 1
        m = full.match(text, start)
        if m and (not found or m.start() >= found[-1].end()):
            found.append(m)
    return found


def _is_score(text: str, m: re.Match[str]) -> bool:
    """Whether a pair of numbers joined by a dash is a result (a score, a tally of votes)."""
    start, end = m.span()
    if _PERCENT_AFTER_RE.match(text, end):
        return False
    before = _WORDS_RE.findall(text, max(0, start - 40), start)[-4:]
    after = _WORDS_RE.findall(text, end, end + 30)[:2]
    won = any(w.lower() in SCORE_WORDS for w in (*before, *after))
    if m.group("to"):
        # "voted 52 to 48", "beat them 3 to 1": spelled with "to", a result still falls, and
        # needs a word of winning or voting beside it ("rose 5 to 3" is not one).
        voted = any(w.lower() in _VOTE_WORDS for w in before)
        return int(m.group("a")) > int(m.group("b")) and (won or voted)
    if int(m.group("a")) >= int(m.group("b")):
        # A poll's numbers are shares of the vote ("Rubio tops Clinton 41-40 in the poll");
        # "points" and "percent" near a word of winning are a game's ("from 18 points down
        # to win 121-115").
        near = {w.lower() for w in _WORDS_RE.findall(text, max(0, start - 60), end + 40)}
        if near & _POLL_WORDS and not (won and not near & _POLL_ONLY_WORDS):
            return False
        return not text[end : end + 1].isalpha()
    if not won:
        return False
    counted = _PLURAL_AFTER_RE.match(text, end)
    return counted is None or counted.group("w") in SCORE_WORDS


def skip_spans(text: str) -> list[tuple[int, int]]:
    """Spans whose digits are not figures: phone numbers, list markers, scores, slashed dates,
    age brackets, web and e-mail addresses."""
    spans = [m.span() for m in _PHONE_RE.finditer(text)] if _PHONE_HINT_RE.search(text) else []
    spans += [(m.start(), m.end() - 1) for m in _LIST_MARKER_RE.finditer(text)]
    pairs = _hinted(text, _PAIR_HINT_RE, _PAIR_RE)
    spans += [m.span() for m in pairs if _is_score(text, m)]
    spans += [m.span() for m in _hinted(text, _SLASH_HINT_RE, _SLASH_DATE_RE)]
    if _ODDS_HINT_RE.search(text):
        spans += [  # a price is written longer side first: "5-2 favourite", not "3-4 shots"
            m.span() for m in _ODDS_RE.finditer(text)
            if not m.group("a") or int(m.group("a").replace(",", "")) > int(m.group("b"))
        ]
    if _GOLF_HINT_RE.search(text):
        spans += [m.span() for m in _GOLF_RE.finditer(text)]
    if _CRICKET_HINT_RE.search(text):
        spans += [m.span() for m in _CRICKET_RE.finditer(text)]
    for h in _ISO_HINT_RE.finditer(text):  # the hint starts at the year's last digit
        iso = _ISO_DATE_RE.match(text, max(0, h.start() - 3))
        if iso:
            spans.append(iso.span())
    for h in _CHAIN_HINT_RE.finditer(text):
        chain = _CHAIN_RE.search(text, max(0, h.start() - 12), h.end() + 40)
        if chain and chain.start() <= h.start() and (not spans or spans[-1] != chain.span()):
            spans.append(chain.span())
    if _PROVISION_HINT_RE.search(text):
        spans += [m.span() for m in _PROVISION_RE.finditer(text)]
    if _URL_HINT_RE.search(text):
        spans += [m.span() for m in _URL_RE.finditer(text)]
    if _EMERGENCY_HINT_RE.search(text):
        spans += [m.span("a" if m.group("a") else "b") for m in _EMERGENCY_RE.finditer(text)]
    if _AGE_HINT_RE.search(text):
        spans += [m.span() for m in _AGE_BRACKET_RE.finditer(text)]
    return spans

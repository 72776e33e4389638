"""Finding quotation spans in raw news text and telling whole quotations from fragments.

Works paragraph by paragraph (a paragraph is a non-empty line): news convention leaves a quotation's
opening mark unclosed at a paragraph's end when the quotation runs on, and opens it again at the
start of the next paragraph, so no quotation ever crosses a newline here.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from enum import StrEnum

from tui.extract.quotes.cues import ends_with_cue_word

_PARA_RE = re.compile(r"[^\n]+")
_DOUBLE_RE = re.compile(r"[“”\"]")
# A single opening mark: curly, or straight when it opens a capitalised word (not an apostrophe).
_SINGLE_OPEN_RE = re.compile(r"(?=[‘'])(?<![^\s(\[—–-])(?:‘|'(?=[A-Z]))")
_SINGLE_CLOSE_RE = re.compile(r"(?<=\S)[’'](?![\w])")
_TAG_RE = re.compile(r"<[^<>\n]{0,400}>")
_WORD_RE = re.compile(r"[A-Za-z0-9’']+")
_OPENING_PREV = frozenset(" \t\u00a0([{—–-/:;,")
_END_PUNCT = frozenset(".,!?;:—–-…")
_BEFORE_OK = frozenset('.!?:;,—–-([”"’')
_DASHES = frozenset("—–-")
_FAR = 1 << 62


class QuoteKind(StrEnum):
    """Whether quoted words stand as a quotation of their own or sit inside the reporter's prose.

    A StrEnum: equal to its string value and written as that string in JSON.
    """

    FULL = "full"  # a whole quotation: "“We will win,” she said."
    FRAGMENT = "fragment"  # words quoted inside a sentence: called it “a tremendous plan”


@dataclass(slots=True)
class QuoteSpan:
    """A stretch of text between quotation marks, within one paragraph."""

    start: int  # first character of the quoted words
    end: int  # one past the last quoted character
    open_pos: int  # position of the opening mark
    close_pos: int  # position of the closing mark, or the paragraph's end if left open
    para: int  # index of the paragraph
    para_start: int
    para_end: int
    single: bool  # single marks (‘ ’ or ')
    closed: bool
    kind: QuoteKind = QuoteKind.FULL


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line."""
    return [(m.start(), m.end()) for m in _PARA_RE.finditer(text) if not m.group().isspace()]


def _looks_opening(text: str, i: int, lo: int, hi: int) -> bool:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    return (prev in _OPENING_PREV or prev in "“‘") and not nxt.isspace()


def _looks_closing(text: str, i: int, lo: int, hi: int) -> bool:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    return not prev.isspace() and (nxt.isspace() or not nxt.isalnum())


def _masked_tags(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans of markup such as <tweet author="..."> whose marks are not quotation marks."""
    return [(m.start(), m.end()) for m in _TAG_RE.finditer(text, lo, hi)]


def _in_any(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether pos is inside one of the sorted, disjoint spans."""
    k = bisect.bisect_right(spans, (pos, _FAR)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _markup_mark(text: str, i: int, lo: int, hi: int) -> bool:
    """A straight mark that delimits a markup attribute ('id="12">') rather than speech, even when
    the tag is cut by a line break."""
    return (i + 1 < hi and text[i + 1] == ">") or (i > lo and text[i - 1] == "=")


def _double_spans(text: str, para: int, lo: int, hi: int) -> list[QuoteSpan]:
    """Pair double marks in one paragraph: curly by shape, straight by alternation."""
    tags = _masked_tags(text, lo, hi) if text.find("<", lo, hi) >= 0 else []
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for m in _DOUBLE_RE.finditer(text, lo, hi):
        i = m.start()
        if tags and _in_any(i, tags):
            continue
        ch = m.group()
        if ch == '"' and _markup_mark(text, i, lo, hi):
            continue
        if open_at is None:
            if ch == "”" and not _looks_opening(text, i, lo, hi):
                continue  # a stray closing mark
            if (
                ch == '"'
                and _looks_closing(text, i, lo, hi)
                and not _looks_opening(text, i, lo, hi)
            ):
                continue
            open_at = i
            continue
        if ch == "“" and not _looks_closing(text, i, lo, hi):
            # A new opening while one is open: the first was left unclosed.
            spans.append(_make_span(text, open_at, i, para, lo, hi, single=False, closed=False))
            open_at = i
            continue
        spans.append(_make_span(text, open_at, i, para, lo, hi, single=False, closed=True))
        open_at = None
    if open_at is not None:
        spans.append(_make_span(text, open_at, hi, para, lo, hi, single=False, closed=False))
    return [s for s in spans if s.end > s.start]


def _single_spans(
    text: str, para: int, lo: int, hi: int, taken: list[QuoteSpan]
) -> list[QuoteSpan]:
    """Single-mark candidates outside double quotations (kept later only when clearly speech)."""
    spans: list[QuoteSpan] = []
    opens = [s.open_pos for s in taken]  # taken is in text order and does not overlap
    pos = lo
    while True:
        m = _SINGLE_OPEN_RE.search(text, pos, hi)
        if m is None:
            break
        i = m.start()
        k = bisect.bisect_right(opens, i) - 1
        if k >= 0 and i <= taken[k].close_pos:
            pos = taken[k].close_pos + 1  # inside a double quotation
            continue
        c = _SINGLE_CLOSE_RE.search(text, i + 1, hi)
        if c is None:
            if _runs_on(text, i, lo, hi):
                spans.append(_make_span(text, i, hi, para, lo, hi, single=True, closed=False))
            break
        j = c.start()
        if k + 1 >= len(opens) or opens[k + 1] >= j:
            spans.append(_make_span(text, i, j, para, lo, hi, single=True, closed=True))
        pos = j + 1
    return [s for s in spans if s.end > s.start]


def _runs_on(text: str, i: int, lo: int, hi: int) -> bool:
    """A quotation in single marks left open at its paragraph's end because it runs on: it
    opens the paragraph or follows a colon or comma, the paragraph ends a sentence, and the
    next paragraph opens with a single mark again."""
    before = text[lo:i].rstrip()
    if before and before[-1] not in ":,":
        return False
    if text[hi - 1 : hi] not in (".", "!", "?"):
        return False
    k = hi
    while k < len(text) and text[k].isspace():
        k += 1
    return text[k : k + 1] in ("‘", "'")


def _make_span(
    text: str,
    open_pos: int,
    close_pos: int,
    para: int,
    lo: int,
    hi: int,
    *,
    single: bool,
    closed: bool,
) -> QuoteSpan:
    start = open_pos + 1
    end = close_pos
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(start, end, open_pos, close_pos, para, lo, hi, single, closed)


def classify(text: str, span: QuoteSpan, prev_close: int) -> QuoteKind:
    """'full' when the quotation stands as its own clause, 'fragment' when embedded in prose.

    A whole quotation starts a paragraph or follows a sentence end, a colon or comma, or a speech
    verb ("He says “it's..."), and it either ends with punctuation of its own or is followed by
    punctuation.
    Anything else ("called it “a tremendous plan” and", "the “undercard” debate") is a fragment.
    """
    before = text[max(span.para_start, prev_close, span.open_pos - 200) : span.open_pos].rstrip()
    content = text[span.start : span.end]
    after = (
        text[span.close_pos + 1 : min(span.para_end, span.close_pos + 200)].lstrip()
        if span.closed
        else ""
    )
    if before and before[-1] not in _BEFORE_OK and not ends_with_cue_word(before):
        return QuoteKind.FRAGMENT
    last = content.rstrip("’'")[-1:]
    introduced = before[-1:] in ",:" and ends_with_cue_word(before)  # 'tweeted, “...” on Friday'
    if last not in _END_PUNCT and after and after[0].isalnum() and not introduced:
        return QuoteKind.FRAGMENT
    if before and before[-1] in _DASHES and after[:1] in _DASHES:
        return QuoteKind.FRAGMENT  # a parenthetical aside between dashes
    if before and before[-1] in "([" and after[:1] in ")]":
        return QuoteKind.FRAGMENT
    return QuoteKind.FULL


def opens_paragraph(masked: str, s: QuoteSpan) -> bool:
    """Whether the quotation's opening mark is the first thing in its paragraph."""
    k = s.para_start
    while k < s.open_pos and masked[k] in " \t\u00a0":
        k += 1
    return k == s.open_pos


def looks_like_title(s: str) -> bool:
    """'Saturday Night Live', 'Gifted Hands,': short, every word capitalised, no sentence inside."""
    words = _WORD_RE.findall(s)
    body = _SUBTITLE_RE.sub(" ", s.rstrip(",."))
    if not words or len(words) > _TITLE_MAX_WORDS or any(c in body for c in ".!?;:"):
        return False
    return (
        all(w[0].isupper() or w[0].isdigit() or w.lower() in _TITLE_SMALL for w in words)
        and not words[0][0].islower()
        and any(w[0].isupper() for w in words)
    )


_TITLE_MAX_WORDS = 10
# A subtitle after a colon: "13 Hours: The Secret Soldiers".
_SUBTITLE_RE = re.compile(r"(?<=\w): (?=[A-Z0-9])")
_TITLE_SMALL = frozenset("a an the of and or in on at to for with from by vs".split())


def word_count(s: str) -> int:
    return len(_WORD_RE.findall(s))


def find_spans(text: str) -> list[QuoteSpan]:
    """All quotation spans in text order, each classified as 'full' or 'fragment'."""
    out: list[QuoteSpan] = []
    for k, (lo, hi) in enumerate(paragraphs(text)):
        spans = _double_spans(text, k, lo, hi)
        if text.find("‘", lo, hi) >= 0 or text.find("'", lo, hi) >= 0:
            spans += _single_spans(text, k, lo, hi, spans)
            spans.sort(key=lambda s: s.open_pos)
        prev_close = lo
        for s in spans:
            s.kind = classify(text, s, prev_close)
            prev_close = s.close_pos + 1
        out.extend(spans)
    return out

"""A second look at whole quotation or fragment once each quotation's attribution is known, and
which quotations in single marks to keep (mostly titles and names; only clear speech stays)."""

from __future__ import annotations

import re

from tui.extract.quotes.attribution import Attribution, attribution_after
from tui.extract.quotes.cues import OBJECT_VERBS, cue_verbs
from tui.extract.quotes.marks import (
    QuoteKind,
    QuoteSpan,
    looks_like_title,
    opens_paragraph,
    word_count,
)
from tui.extract.vocabulary import word_set

_FINAL_PUNCT = frozenset(".!?")
# A speech verb's listener, a few words with no punctuation: "told the crowd", "asked Ng".
_LISTENER_GAP_RE = re.compile(r"(?:[ \u00a0]+[\w’'\-]+){1,4}[ \u00a0]+")
_LAST_WORD_RE = re.compile(r"[a-z\-]+$")
# A new clause after quoted words ("... as they marched", ", and police ..."), not a complement
# of them ("said “X” for years"): a conjunction and its subject.
_CLAUSE_AFTER_RE = re.compile(
    r",?[ \u00a0]*(?:as|while|when|until|before|after|and|but)[ \u00a0]+"
    r"(?:they|he|she|we|it|the|a|an|police|[A-Z])"
    # or a place or time where it was chanted: "chanted “No pipelines” outside the legislature"
    r"|(?:outside|inside|at|in|on|near|across|throughout|during|from|in[ \u00a0]+front[ \u00a0]+of)"
    r"[ \u00a0]+(?:the|a|an|his|her|their|its|[A-Z\d])"
)
# What carries or calls out a slogan right before it: "signs reading", "a message on Twitter
# that said", "chants of".
_CARRIERS = word_set("slogan_carriers")
_CHANT_NOUNS = word_set("chant_nouns")
_CARRIED_RE = re.compile(
    r"(?<![\w’'])(?:reading|saying|(?:that|which)[ \u00a0]+(?:read|reads|said|says)|"
    r"with[ \u00a0]+the[ \u00a0]+words|([a-z]+)[ \u00a0]+of)[ \u00a0]*[,:]?[ \u00a0]*$"
)
# Nouns for works whose titles are set in quotation marks.
_WORK_NOUNS = word_set("work_nouns")


def settle_kind(text: str, masked: str, s: QuoteSpan, attr: Attribution | None) -> None:
    """Second look at full/fragment once the attribution is known.

    A title or a few words with no speech verb of their own are not a whole quotation
    ('his memoir, “Gifted Hands,” and'); a sentence-opening quotation that lost its comma is one
    when a speaker follows ('“The caucus is a battle of niches” Grubbs said').
    """
    words = text[s.start : s.end]
    if s.kind == QuoteKind.FULL and (
        _label(words)
        or (
            looks_like_title(words)
            and (
                (attr is None and not _standalone_sentence(masked, s, words))
                or _listener_title(masked, s)
                or _named_work(masked, s)
            )
        )
    ):
        s.kind = QuoteKind.FRAGMENT
    elif (
        s.kind == QuoteKind.FRAGMENT
        and s.closed
        and word_count(words) >= 3
        and words[:1].isupper()
        and (
            (
                opens_paragraph(masked, s)
                and attribution_after(masked, s.close_pos + 1, s.para_end) is not None
            )
            or _sentence_after_listener(masked, s, words)
        )
    ) or (s.kind == QuoteKind.FRAGMENT and _slogan_after_verb(masked, s, words, attr)):
        s.kind = QuoteKind.FULL
    elif (
        s.kind == QuoteKind.FRAGMENT
        and _slogan_carried(masked, s, words)
        and (attr is None or attr.mention is None or attr.mention.start < s.open_pos)
    ):
        # Not "Walking in to chants of “Marco!,” the senator said ...": who speaks after the
        # words did not chant them, and they are no quotation of the sentence's speaker.
        s.kind = QuoteKind.FULL


def _label(words: str) -> bool:
    """'“Related:”': a word or two ending in a colon head what follows; nobody says them."""
    return words.endswith(":") and word_count(words) <= 2


def _sentence_after_listener(masked: str, s: QuoteSpan, words: str) -> bool:
    """'Ng told the crowd “We will win this.”': a whole sentence right after a speech verb and
    its listener, with no comma, is still a whole quotation."""
    after = masked[s.close_pos + 1 : s.para_end].lstrip()
    if not words.endswith((".", "!", "?")) or not (after[:1].isupper() or not after):
        return False
    if looks_like_title(words):
        return False  # "in an interview with “Weekend Edition.”": a programme
    lo = max(s.para_start, s.open_pos - 60)
    verbs = cue_verbs(masked, lo, s.open_pos)
    return (
        bool(verbs) and _LISTENER_GAP_RE.fullmatch(masked, verbs[-1].end(), s.open_pos) is not None
    )


def _slogan_after_verb(masked: str, s: QuoteSpan, words: str, attr: Attribution | None) -> bool:
    """'Demonstrators chanted “No justice, no peace” as they marched': words that open with a
    capital right after a speech verb (no comma), with a speaker, are a whole quotation even
    without a final stop: a slogan chanted, shouted or written. A title ("“Morning Brief”")
    and a single word ("said “Yes” to") stay fragments."""
    if (
        attr is None
        or attr.mention is None
        or not s.closed
        or word_count(words) < 2
        or not words[:1].isupper()
        or looks_like_title(words)
    ):
        return False
    lo = max(s.para_start, s.open_pos - 60)
    verbs = cue_verbs(masked, lo, s.open_pos)
    if (
        not verbs
        or verbs[-1].group() in OBJECT_VERBS
        or masked[verbs[-1].end() : s.open_pos].strip()
    ):
        return False
    after = masked[s.close_pos + 1 : s.para_end].lstrip(" \u00a0")
    return not after or after[0] in ".!?;" or _CLAUSE_AFTER_RE.match(after) is not None


def _slogan_carried(masked: str, s: QuoteSpan, words: str) -> bool:
    """'signs reading “Hands off our schools”', 'a T-shirt that said “Make Canada Great
    Again”', 'chants of “Lock her up”': words written on something or called out together,
    set right after it, are a whole quotation, in title case too. A single word ("cries of
    “Shame”") stays a fragment."""
    if not s.closed or word_count(words) < 2 or not words[:1].isupper():
        return False
    before = masked[max(s.para_start, s.open_pos - 60) : s.open_pos]
    m = _CARRIED_RE.search(before)
    if m is None:
        return False
    if m.group(1) is not None:
        return m.group(1) in _CHANT_NOUNS
    # the thing written on, a few words before: "a message on Twitter reading"
    return any(w.lower() in _CARRIERS for w in before[: m.start()].split()[-4:])


def _listener_title(masked: str, s: QuoteSpan) -> bool:
    """'Ng told “Morning Brief,” adding ...': a title right after a verb of telling names the
    programme spoken to, not words said."""
    before = masked[max(s.para_start, s.open_pos - 12) : s.open_pos].rstrip(" \u00a0")
    m = _LAST_WORD_RE.search(before)
    return m is not None and m.group() in OBJECT_VERBS


def _named_work(masked: str, s: QuoteSpan) -> bool:
    """'..., she wrote in her memoir, “Open Roads.”': a title set after a noun for a work (book,
    film, show, ad ...) and a comma names that work."""
    before = masked[max(s.para_start, s.open_pos - 24) : s.open_pos].rstrip(" \u00a0")
    if not before.endswith(","):
        return False
    m = _LAST_WORD_RE.search(before, 0, len(before) - 1)
    return m is not None and m.group() in _WORK_NOUNS


def _standalone_sentence(masked: str, s: QuoteSpan, words: str) -> bool:
    """'... told the crowd. “Jo Ames and Al Roy.”': a quotation that makes a sentence of its own,
    after a sentence end and closed by its own full stop, is speech even in title case (a title
    is named inside a sentence)."""
    if not s.closed or not words.endswith((".", "!", "?")):
        return False
    before = masked[s.para_start : s.open_pos].rstrip(" \u00a0")
    return before[-1:] in _FINAL_PUNCT


def keep_single(text: str, s: QuoteSpan, attr: Attribution | None) -> bool:
    """Single marks are mostly titles and names: keep only attributed, sentence-like speech."""
    if attr is None or attr.mention is None or attr.cue is None:
        return False
    if _headline_quote(text, s, attr) or _quote_then_colon(text, s):
        return True
    words = text[s.start : s.end].split()
    # a capital opening a later sentence of the quotation ("Come to Yarmouth. Come to ...")
    # is no sign of a title
    capitalised = sum(
        w[0].isupper() and not (k and words[k - 1].endswith((".", "!", "?")))
        for k, w in enumerate(words)
    )
    if len(words) < 4:
        # "'It's a mess,' she said.": a short sentence closed by its own punctuation, with
        # its speech verb; not a name or title ("'Brexit Britain', she called it")
        return (
            len(words) >= 2
            and capitalised <= 1
            and s.closed
            and text[s.end - 1 : s.end] in (",", ".", "!", "?")
            and attr.cue not in (":", "—")
        )
    return capitalised * 2 < len(words)


def _quote_then_colon(text: str, s: QuoteSpan) -> bool:
    """"'It's a crisis': Ontario nurses say ...": a headline opens with the quotation in single
    marks, then a colon and the clause that says who said it."""
    return (
        s.closed
        and text[s.close_pos + 1 : s.close_pos + 2] == ":"
        and text[s.para_start : s.open_pos].strip() == ""
        and word_count(text[s.start : s.end]) >= 2
    )


def _headline_quote(text: str, s: QuoteSpan, attr: Attribution) -> bool:
    """'Ng: ‘We Will Not Back Down.’': a headline names its speaker, then a colon and a whole
    sentence in single marks (often in title case), and nothing after it."""
    words = text[s.start : s.end]
    return (
        attr.cue == ":"
        and s.closed
        and words.endswith((".", "!", "?"))
        and word_count(words) >= 3
        and not text[s.close_pos + 1 : s.para_end].strip(" .\u00a0")
    )


def keep_continued_singles(
    text: str, masked: str, spans: list[QuoteSpan], keep: list[bool]
) -> None:
    """British and Canadian style in single marks: "'We lost,' said Ng. 'We will be back.'"
    A sentence in single marks with no attribution of its own is kept when it continues a kept
    quotation in single marks: right after it in its paragraph, or opening the next paragraph
    after a paragraph that ended with it. Updates keep in place."""
    for i, s in enumerate(spans):
        if keep[i] or not s.single or i == 0 or not _sentence_like(text, s):
            continue
        if "''" in text[s.para_start : s.para_end]:
            continue  # doubled marks stand for double ones: the single ones are nested
        j = i - 1
        p = spans[j]
        if not (keep[j] and p.single and p.kind == QuoteKind.FULL):
            continue
        if p.para == s.para:
            between = masked[p.close_pos + 1 : s.open_pos]
            keep[i] = not between.strip(" \u00a0") or _attribution_only(between)
        else:
            keep[i] = (
                p.para == s.para - 1 and opens_paragraph(masked, s) and _ends_paragraph(masked, p)
            )


def _sentence_like(text: str, s: QuoteSpan) -> bool:
    words = text[s.start : s.end]
    return (
        s.closed
        and words[:1].isupper()
        and words.rstrip("’'")[-1:] in ".!?"
        and word_count(words) >= 2
        and not looks_like_title(words)
    )


def _attribution_only(between: str) -> bool:
    """', said Ng. ' between two quotations: an attribution sentence, nothing else."""
    return len(between) <= 80 and between.strip().endswith((".", ",", ":"))


def _ends_paragraph(masked: str, p: QuoteSpan) -> bool:
    """Whether only the quotation's own attribution, if anything, follows it in its
    paragraph."""
    tail = masked[p.close_pos + 1 : p.para_end]
    return len(tail) <= 80 and not any(ch in tail.rstrip(" .\u00a0") for ch in ".!?")

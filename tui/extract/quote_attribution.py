"""Finding the attribution of a quotation: the speech verb next to it and the phrase naming the speaker.

Reads the masked text (quotation contents blanked, see quotes.mask_quotes) so that words inside
quotations are never mistaken for attributions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.extract.quote_cues import CUE_RE, normalise_cue
from tui.extract.quote_marks import QuoteSpan
from tui.extract.speaker_names import (
    _NAME_END_RE,
    Mention,
    sentence_subject,
    subject_after_verb,
    subject_before,
)

_ABBREV = frozenset(
    """mr mrs ms dr sen rep gov gen lt col sgt capt adm maj st jr sr prof rev no vs inc corp co ltd
    u.s a.m p.m u.k u.n d.c jan feb mar apr aug sept sep oct nov dec ft mt pres sec atty supt cmdr""".split()
)
_SENT_END_RE = re.compile(r"[.!?]+[”\"’)\]]*(?=\s|$)")
_LEAD_RE = re.compile(r"[\s,;:—–\-]*")
_ACCORDING_RE = re.compile(r"(?<![\w’'])[Aa]ccording\s+to\s+")
_GAP_OK_RE = re.compile(r"[\s,;:.!?—–\-]*")


@dataclass(slots=True)
class Attribution:
    mention: Mention | None
    cue: str | None


def is_sentence_end(text: str, m: re.Match[str]) -> bool:
    """A '.', '!' or '?' that ends a sentence, not an abbreviation or an initial."""
    if text[m.start()] != ".":
        return True
    j = m.start()
    i = j
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "."):
        i -= 1
    word = text[i:j].lower()
    if word in _ABBREV or (len(word) == 1 and text[i].isupper()):
        return False
    return not (len(word) <= 3 and "." in word)


def sentence_ends(text: str, lo: int, hi: int) -> list[int]:
    """Offsets just after each sentence end in text[lo:hi]."""
    return [m.end() for m in _SENT_END_RE.finditer(text, lo, hi) if is_sentence_end(text, m)]


def _first_sentence_end(text: str, lo: int, hi: int) -> int:
    for m in _SENT_END_RE.finditer(text, lo, hi):
        if is_sentence_end(text, m):
            return m.start()
    semi = text.find(";", lo, hi)
    return semi if semi >= 0 else hi


def _np_start(m: Mention) -> int:
    return m.start if m.np_start < 0 else min(m.start, m.np_start)


def attribution_after(masked: str, lo: int, hi: int) -> Attribution | None:
    """'” he said', '” said Ahmad, who ...', '” the senator told reporters', right after a quotation."""
    lead = _LEAD_RE.match(masked, lo, hi)
    start = lead.end() if lead else lo
    end = _first_sentence_end(masked, start, hi)
    if end <= start:
        return None
    am = _ACCORDING_RE.match(masked, start, end)
    if am:
        return Attribution(subject_after_verb(masked, am.end(), end), "according to")
    vm = CUE_RE.match(masked, start, end)
    if vm:
        return Attribution(subject_after_verb(masked, vm.end(), end), normalise_cue(vm.group()))
    vm = CUE_RE.search(masked, start, min(end, start + 160))
    if vm is None:
        return None
    mention = subject_before(masked, start, vm.start())
    if mention is None or _GAP_OK_RE.fullmatch(masked, start, _np_start(mention)) is None:
        return None
    return Attribution(mention, normalise_cue(vm.group()))


def attribution_before(masked: str, lo: int, open_pos: int) -> Attribution | None:
    """'X said: “', 'According to X, “', 'X: “', 'Rubio says “', right before a quotation."""
    seg = masked[lo:open_pos].rstrip()
    if not seg:
        return None
    end = lo + len(seg)
    am = None
    for am in _ACCORDING_RE.finditer(masked, lo, end):
        pass
    if am is not None and seg.endswith(","):
        mention = subject_after_verb(masked, am.end(), end)
        if mention is not None:
            return Attribution(mention, "according to")
    last = seg[-1]
    verbs = list(CUE_RE.finditer(masked, lo, end))
    verb = verbs[-1] if verbs else None
    if verb is not None and end - verb.end() > 70:
        verb = None
    if verb is not None:
        mention = subject_before(masked, lo, verb.start())
        if mention is None:
            mention = _verb_first(masked, verb.end(), end)
        if mention is None:
            mention = sentence_subject(masked, lo, verb.start())
        return Attribution(mention, normalise_cue(verb.group()))
    if last == ":":
        nm = _NAME_END_RE.search(masked, lo, end - 1)
        if nm and nm.start() == lo + len(seg) - len(seg.lstrip()):
            return Attribution(subject_before(masked, lo, end - 1), ":")
        return Attribution(sentence_subject(masked, lo, end), ":")
    return None


def _verb_first(masked: str, lo: int, hi: int) -> Mention | None:
    """'Said Trump:' / 'asked Smith,' before a quotation."""
    s = masked[lo:hi].rstrip(" ,:")
    if not s:
        return None
    return subject_after_verb(masked, lo, lo + len(s))

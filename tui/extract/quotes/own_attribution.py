"""Each quotation's own attribution: the speech verb and speaker after it ("“...,” Ng said"),
on a signature line below it ("— Jo Ames, Leeds."), or before it in its sentence ("Ng said: “").
"""

from __future__ import annotations

import re

from tui.extract.quotes.attribution import (
    Attribution,
    attribution_after,
    attribution_before,
    ends_between,
    first_sentence_end,
    signature_after,
)
from tui.extract.quotes.cues import CUE_RE, OBJECT_VERBS
from tui.extract.quotes.marks import QuoteKind, QuoteSpan
from tui.extract.speakers.names import NAME_RUN
from tui.extract.speakers.phrase_before import subject_before
from tui.extract.vocabulary import word_list, word_set

_SHORT_TAIL = 60  # characters of adjuncts after "Ng said" that still end an attribution
_LONG_SUBJECT = 60  # characters of a subject before "said" that still make an attribution
# "to" opening an infinitive, not a listener: "vowed to keep", not "said to reporters".
_TO_CLAUSE_RE = re.compile(
    r"[ \u00a0]+to[ \u00a0]+(?!(?:the|a|an|his|her|their|its|our|my|reporters|supporters)\b)"
    r"[a-z]"
)
_BEFORE_REACH = 400  # characters of a sentence before a quotation read for its attribution
_FINAL_PUNCT = frozenset(".!?")
# A line that names a quotation's speaker, then closes the quotation: 'Jo Ames, Harbour Trust.”'.
_CLOSING_SIGNATURE_RE = re.compile(
    rf"(?=[A-Z])({NAME_RUN})(?:,[^\n“”\"]{{1,100}})?\.?[”\"][ \t\u00a0]*(?:\n|$)"
)
# A capitalised pronoun after a quotation that ends its sentence opens the next sentence.
_CAPITAL_PRONOUN_RE = re.compile(r"[ \u00a0]*(?:He|She|They)[ \u00a0]")
# A speech verb followed by a clause of its own reports speech indirectly: "said he would".
_INDIRECT_AFTER_RE = re.compile(
    r"[ \u00a0]+(?:that|he|she|they|it|we|I|there|his|her|their)[ \u00a0]+[a-z’']+"
)
# What may follow a speech verb in an attribution: "said in a statement", "said Monday", "said."
_ADJUNCTS = word_set("speech_verb_adjuncts") | {
    w.lower() for name in ("weekdays", "months", "time_words") for w in word_list(name)
}
_ASK_FORMS = frozenset({"ask", "asks", "asked"})  # "“...?” Ng asked the crowd.": a listener
_WORD_AFTER_RE = re.compile(r"[ \u00a0]+([A-Za-z][\w’'\-]*)")


def _next_line_signature(masked: str, para_end: int) -> Attribution | None:
    """A '— Name' line right after a paragraph that ends with a quotation."""
    lo = para_end
    while lo < len(masked) and masked[lo].isspace():
        lo += 1
    hi = masked.find("\n", lo)
    return signature_after(masked, lo, hi if hi >= 0 else len(masked))


def _closing_signature(masked: str, para_end: int) -> Attribution | None:
    """'“... for a long time.¶Jo Ames, Harbour Trust.”': a pull quote left open at its paragraph's
    end and closed after a line that only names who said it."""
    lo = para_end
    while lo < len(masked) and masked[lo].isspace():
        lo += 1
    m = _CLOSING_SIGNATURE_RE.match(masked, lo)
    if m is None:
        return None
    return Attribution(subject_before(masked, lo, m.end(1)), "—")


def neighbours(spans: list[QuoteSpan]) -> tuple[list[int], list[int]]:
    """For each span: where the next span of its paragraph opens (or the paragraph's end), and
    where the previous whole quotation of its paragraph closed (or the paragraph's start)."""
    nxt = [s.para_end for s in spans]
    prev = [s.para_start for s in spans]
    for i in range(len(spans) - 1):
        if spans[i + 1].para == spans[i].para:
            nxt[i] = spans[i + 1].open_pos
    last_close: dict[int, int] = {}
    for i, s in enumerate(spans):
        prev[i] = last_close.get(s.para, s.para_start)
        if s.kind == QuoteKind.FULL:
            last_close[s.para] = s.close_pos + 1
    return nxt, prev


def _new_sentence_after(text: str, masked: str, s: QuoteSpan, nxt: int) -> bool:
    """Whether the words after a quotation that ends its own sentence ("“... today.” Ng said he
    ...", "“Why now?” Ng writes back, “...") belong to another statement rather than to it.

    They do when they introduce the next quotation of the paragraph (ending in a comma or colon
    right before it) or report speech indirectly ("said he would"); a plain "“...?” she asked."
    still attributes the quotation.
    """
    if masked[s.close_pos - 1 : s.close_pos] not in _FINAL_PUNCT:
        return False
    seg = masked[s.close_pos + 1 : nxt]
    if (
        nxt < s.para_end
        and seg.rstrip()[-1:] in (",", ":")
        and not any(ch in seg for ch in ".!?")
        and text[nxt + 1 : nxt + 2].isupper()
    ):
        return True
    if _CAPITAL_PRONOUN_RE.match(masked, s.close_pos + 1, nxt):
        return True  # "“... the best we have!” She wrote back that ...": a sentence of its own
    full_stop = masked[s.close_pos - 1] == "."
    reach = first_sentence_end(masked, s.close_pos + 1, nxt)
    vm = CUE_RE.search(masked, s.close_pos + 1, min(nxt, reach))
    if vm is None:
        return False
    if len(masked[s.close_pos + 1 : vm.start()].strip()) > _LONG_SUBJECT:
        return True  # "“...?” Several leaders, including A, B and C, have denounced ..."
    if _INDIRECT_AFTER_RE.match(masked, vm.end(), nxt) is not None:
        return True
    if full_stop and _goes_on(masked, s.close_pos + 1, vm, nxt):
        return True
    return _reports_clause(masked, s.close_pos + 1, vm)


def _goes_on(masked: str, lo: int, vm: re.Match[str], hi: int) -> bool:
    """'“... from us.” Fallon responded on Twitter, calling it ...': after a quotation closed by
    its own full stop, an attribution is only a subject and verb with a short adjunct ("Ng said
    on Monday."); a sentence that goes on (a comma, a participle, a long tail) is a statement
    of its own, and so is one with a long subject ("Dunwoody, who worked for Obama in 2008 and
    after, said ...", see _new_sentence_after)."""
    end = first_sentence_end(masked, lo, hi)
    head = masked[lo : vm.start()].strip()
    if vm.start() >= end or not head:
        return False
    if vm.group().endswith("ing"):
        return True  # "Trump shot back in a statement, saying ..."
    tail = masked[vm.end() : end]
    if _TO_CLAUSE_RE.match(tail):
        return True  # "Clinton has vowed to keep ...": the verb's own clause
    return any(ch in tail for ch in ',“"¤') or len(tail.strip()) > _SHORT_TAIL


def _reports_clause(masked: str, lo: int, vm: re.Match[str]) -> bool:
    """'“... today.” The Times reported the email came ...': a subject and speech verb after a
    quotation that ended its own sentence, the verb followed by words that are not an adjunct
    ("said in a statement", "said Monday", "said."), report something else: a new sentence.
    A verb first ("said Ng") and a verb of telling or asking ("told reporters", "asked the
    crowd") are left as they are."""
    verb = vm.group()
    if (
        verb in OBJECT_VERBS
        or verb in _ASK_FORMS
        or verb.endswith("ing")
        or not masked[lo : vm.start()].strip()
    ):
        return False
    wm = _WORD_AFTER_RE.match(masked, vm.end())
    if wm is None:
        return False
    word = wm.group(1).lower()
    return word not in _ADJUNCTS and not word.endswith("ly")


def attribute(
    text: str, masked: str, s: QuoteSpan, nxt: int, prev_close: int, ends: list[int]
) -> Attribution | None:
    """The attribution of the quotation s: after it (up to nxt, where the next quotation of its
    paragraph opens), on a signature line, or before it (from prev_close, where the previous
    whole quotation closed)."""
    if s.closed:
        after = attribution_after(masked, s.close_pos + 1, nxt)
        if after is not None and not _new_sentence_after(text, masked, s, nxt):
            return after
        if nxt == s.para_end and not masked[s.close_pos + 1 : nxt].strip(" .\u00a0"):
            sig = _next_line_signature(masked, s.para_end)
            if sig is not None:
                return sig
    elif s.close_pos == s.para_end:
        sig = _closing_signature(masked, s.para_end)
        if sig is not None:
            return sig
    inside = ends_between(ends, prev_close, s.open_pos)
    lo = inside[-1] if inside else prev_close
    return attribution_before(masked, max(lo, s.open_pos - _BEFORE_REACH), s.open_pos)

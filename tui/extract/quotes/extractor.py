"""Direct quotations and their speakers, from raw English news text.

Pipeline: find quotation spans and tell whole quotations from fragments (quote_marks); blank their
contents so that attributions are read only from the reporter's own words; find each quotation's
speech verb and speaker phrase (quote_attribution); read the subjects and indirect attributions of
every sentence; resolve all speaker phrases in text order (speaker_resolution); a quotation with no
attribution of its own continues the speaker before it in its paragraph, or the previous
paragraph's.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tui.extract.quotes.attribution import (
    Attribution,
    attribution_after,
    attribution_before,
    sentence_ends,
    signature_after,
)
from tui.extract.quotes.cues import CUE_RE, OBJECT_VERBS, cue_verbs
from tui.extract.quotes.marks import (
    QuoteSpan,
    find_spans,
    looks_like_title,
    paragraphs,
    word_count,
)
from tui.extract.speakers.names import (
    NAME_RUN,
    Mention,
    clause_subjects,
    sentence_subject,
    subject_after_verb,
    subject_before,
)
from tui.extract.speakers.resolution import Entity, Resolver

__all__ = ["ExtractedQuote", "ExtractedSpeaker", "QuoteExtraction", "extract_quotes"]

_MASK = "¤"
_VERB_FIRST_PREV = frozenset(',”"')
_CONTEXT_PARAS = 3
_BEFORE_REACH = 400  # characters of a sentence before a quotation read for its attribution
_KEEP_LAST = frozenset(".,!?;:")
_ASK_VERBS = frozenset({"ask", "asks", "asked"})
_FINAL_PUNCT = frozenset(".!?")
# A speech verb's listener, a few words with no punctuation: "told the crowd", "asked Ng".
_LISTENER_GAP_RE = re.compile(r"(?:[ \u00a0]+[\w’'\-]+){1,4}[ \u00a0]+")
# A line that names a quotation's speaker, then closes the quotation: 'Jo Ames, Harbour Trust.”'.
_CLOSING_SIGNATURE_RE = re.compile(
    rf"(?=[A-Z])({NAME_RUN})(?:,[^\n“”\"]{{1,100}})?\.?[”\"][ \t\u00a0]*(?:\n|$)"
)
_LAST_WORD_RE = re.compile(r"[a-z\-]+$")
# Nouns for works whose titles are set in quotation marks.
_WORK_NOUNS = frozenset(
    """book memoir memoirs novel biography autobiography movie film show series song album play
    musical documentary program programme podcast ad video column op-ed editorial essay article
    headline slogan motto nickname hashtag poem painting exhibit exhibition""".split()
)
# A past-tense verb right after a subject: "Valastro praised", "Ng spoke", "Ng was".
_VERB_AFTER_SUBJECT_RE = re.compile(
    r"[ \u00a0]+(?:[a-z]+ed|said|told|spoke|wrote|was|is|has|had|made|gave|took|went|came)\b"
)
# A capitalised pronoun after a quotation that ends its sentence opens the next sentence.
_CAPITAL_PRONOUN_RE = re.compile(r"[ \u00a0]*(?:He|She|They)[ \u00a0]")
# A speech verb followed by a clause of its own reports speech indirectly: "said he would".
_INDIRECT_AFTER_RE = re.compile(
    r"[ \u00a0]+(?:that|he|she|they|it|we|I|there|his|her|their)[ \u00a0]+[a-z’']+"
)
# What follows a verb of asking that reports a question rather than introduces a quotation.
_QUESTION_AFTER_RE = re.compile(
    r"[ \u00a0]+(?:(?:him|her|them|me|us|[A-Z][\w.\-]*(?:[ \u00a0]+[A-Z][\w.\-]*)*)[ \u00a0]+)?"
    r"(?:whether|if|how|why|what|who|whom|which|when|where|about)\b"
)


@dataclass(frozen=True, slots=True)
class ExtractedQuote:
    """One stretch of quoted words and who said them."""

    text: str  # the quoted words without the quotation marks, == article_text[start:end]
    start: int
    end: int
    speaker: str | None  # fullest form of the speaker's name, None if unknown or unnamed
    role: str | None  # title or role the article states
    cue: str | None  # the speech verb ("said", "according to", ":") or None
    kind: str  # "full" or "fragment"


@dataclass(frozen=True, slots=True)
class ExtractedSpeaker:
    """Someone quoted in the article, with every way the article named them when quoting."""

    name: str
    role: str | None
    mentions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class QuoteExtraction:
    """Everything extract_quotes found in one article."""

    quotes: tuple[ExtractedQuote, ...]
    speakers: tuple[ExtractedSpeaker, ...]


@dataclass(slots=True)
class _Event:
    """A speaker phrase in the reporter's text: a sentence's subject or a speech verb's."""

    mention: Mention
    speaking: bool
    para: int
    entity: Entity | None = None


def mask_quotes(text: str, spans: list[QuoteSpan]) -> str:
    """Blank quotation contents (keeping a final punctuation mark so sentence ends still show)."""
    parts: list[str] = []
    pos = 0
    for s in spans:
        if s.start < pos:
            continue
        parts.append(text[pos : s.start])
        inner = text[s.start : s.end]
        if inner and inner[-1] in _KEEP_LAST:
            parts.append(_MASK * (len(inner) - 1) + inner[-1])
        else:
            parts.append(_MASK * len(inner))
        pos = s.end
    parts.append(text[pos:])
    return "".join(parts)


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


def _ends_between(ends: list[int], lo: int, hi: int) -> list[int]:
    return ends[bisect.bisect_left(ends, lo) : bisect.bisect_right(ends, hi)]


def _neighbours(spans: list[QuoteSpan]) -> tuple[list[int], list[int]]:
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
        if s.kind == "full":
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
    vm = CUE_RE.search(masked, s.close_pos + 1, min(nxt, s.close_pos + 120))
    return vm is not None and _INDIRECT_AFTER_RE.match(masked, vm.end(), nxt) is not None


def _attribute(
    text: str, masked: str, s: QuoteSpan, nxt: int, prev_close: int, ends: list[int]
) -> Attribution | None:
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
    inside = _ends_between(ends, prev_close, s.open_pos)
    lo = inside[-1] if inside else prev_close
    return attribution_before(masked, max(lo, s.open_pos - _BEFORE_REACH), s.open_pos)


def _settle_kind(text: str, masked: str, s: QuoteSpan, attr: Attribution | None) -> None:
    """Second look at full/fragment once the attribution is known.

    A title or a few words with no speech verb of their own are not a whole quotation
    ('his memoir, “Gifted Hands,” and'); a sentence-opening quotation that lost its comma is one
    when a speaker follows ('“The caucus is a battle of niches” Grubbs said').
    """
    words = text[s.start : s.end]
    if s.kind == "full" and (
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
        s.kind = "fragment"
    elif (
        s.kind == "fragment"
        and s.closed
        and word_count(words) >= 3
        and words[:1].isupper()
        and (
            (
                _opens_paragraph(masked, s)
                and attribution_after(masked, s.close_pos + 1, s.para_end) is not None
            )
            or _sentence_after_listener(masked, s, words)
        )
    ):
        s.kind = "full"


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


def _keep_single(text: str, s: QuoteSpan, attr: Attribution | None) -> bool:
    """Single marks are mostly titles and names: keep only attributed, sentence-like speech."""
    if attr is None or attr.mention is None or attr.cue is None:
        return False
    if _headline_quote(text, s, attr):
        return True
    words = text[s.start : s.end].split()
    if len(words) < 4:
        return False
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised * 2 < len(words)


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


def _context_events(
    masked: str, paras: list[tuple[int, int]], ends: list[int], wanted: set[int]
) -> list[_Event]:
    """Subjects and speech-verb subjects of every sentence in the wanted paragraphs."""
    events: list[_Event] = []
    for k, (lo, hi) in enumerate(paras):
        if k not in wanted:
            continue
        bounds = [lo, *_ends_between(ends, lo + 1, hi)]
        for a, b in zip(bounds, [*bounds[1:], hi], strict=True):
            while a < b and masked[a].isspace():
                a += 1
            if a >= b:
                continue
            subj = sentence_subject(masked, a, b)
            if subj is not None:
                events.append(_Event(subj, False, k))
            participle_done = False
            if ", " in masked[a:b] or ";" in masked[a:b]:
                events.extend(_Event(m, False, k) for m in clause_subjects(masked, a, b))
            for vm in cue_verbs(masked, a, b):
                if vm.group().endswith("ing"):
                    # A participle ("saying", "adding"): its subject is the sentence's.
                    if subj is not None and not participle_done:
                        events.append(_Event(subj, True, k))
                        participle_done = True
                    continue
                if vm.group() in _ASK_VERBS and _QUESTION_AFTER_RE.match(masked, vm.end(), b):
                    continue  # "when Tapper asked whether ...": the interviewer, not a source
                m = None
                just_before = masked[max(a, vm.start() - 8) : vm.start()].rstrip()[-1:]
                if just_before in _VERB_FIRST_PREV and vm.group() not in OBJECT_VERBS:
                    m = subject_after_verb(masked, vm.end(), b)  # "..., said Sherman, a ..."
                if m is None or m.kind != "name":
                    m = subject_before(masked, a, vm.start()) or m
                if m is not None:
                    events.append(_Event(m, True, k))
    return events


def _resolve_all(resolver: Resolver, events: list[_Event]) -> None:
    seen: dict[tuple[int, int], _Event] = {}
    for ev in sorted(events, key=lambda e: (e.mention.start, not e.speaking)):
        key = (ev.mention.start, ev.mention.end)
        first = seen.get(key)
        if first is not None:
            ev.entity = first.entity
            if ev.speaking and not first.speaking and ev.entity is not None:
                resolver.speakers.append(ev.entity)
            continue
        seen[key] = ev
        ev.entity = resolver.resolve(ev.mention, speaking=ev.speaking)


@dataclass(slots=True)
class _Context:
    """What inheritance looks at: quotations so far and speech events, indexed by paragraph."""

    spans: list[QuoteSpan]
    speakers: list[Entity | None]
    explicit: list[bool]
    masked: str
    paras: list[tuple[int, int]]
    ends: list[int]
    # paragraph -> (positions, entities) of its speech events with a known speaker, in text order
    said: dict[int, tuple[list[int], list[Entity]]]
    subjects: dict[int, list[_Event]]  # paragraph -> all its events, in text order
    last_quote: dict[int, int]  # paragraph -> index of its latest whole quotation so far
    last_attributed: dict[int, int]  # paragraph -> same, among those with a speaker or a cue


def _context(
    spans: list[QuoteSpan],
    masked: str,
    paras: list[tuple[int, int]],
    ends: list[int],
    events: list[_Event],
) -> _Context:
    said: dict[int, tuple[list[int], list[Entity]]] = {}
    subjects: dict[int, list[_Event]] = {}
    for ev in events:
        subjects.setdefault(ev.para, []).append(ev)
        if ev.speaking and ev.entity is not None:
            pos, ents = said.setdefault(ev.para, ([], []))
            pos.append(ev.mention.start)
            ents.append(ev.entity)
    return _Context(spans, [], [], masked, paras, ends, said, subjects, {}, {})


def _latest_said(ctx: _Context, para: int, lo: int, hi: int) -> tuple[int, Entity | None]:
    """The last speech event of a paragraph strictly between lo and hi."""
    pos, ents = ctx.said.get(para, ([], []))
    k = bisect.bisect_left(pos, hi) - 1
    if k >= 0 and pos[k] > lo:
        return pos[k], ents[k]
    return -1, None


def _inherit(ctx: _Context, i: int) -> Entity | None:
    """The speaker of a quotation without its own attribution: the nearest one before it.

    Speech verbs in the same sentence as the previous quotation's attribution ("“...,” X told the
    paper, after Y stated ...") do not count: that sentence belongs to the previous quotation.
    """
    s = ctx.spans[i]
    best_pos, best = -1, None
    after = -1
    j = ctx.last_attributed.get(s.para)
    if j is not None:
        t = ctx.spans[j]
        best_pos, best = t.open_pos, ctx.speakers[j]
        nxt = bisect.bisect_right(ctx.ends, t.close_pos + 1)
        after = ctx.ends[nxt] if nxt < len(ctx.ends) else len(ctx.masked)
    pos, ent = _latest_said(ctx, s.para, max(best_pos, after), s.open_pos)
    if pos >= 0:
        return ent
    if best_pos >= 0:
        return best
    if s.para == 0 or not _opens_paragraph(ctx.masked, s):
        return None
    k = s.para - 1
    lo, hi = ctx.paras[k]
    last_q = ctx.last_quote.get(k)
    said_pos, said_ent = _latest_said(ctx, k, -1, hi + 1)
    if ctx.masked[max(lo, hi - 10) : hi].rstrip().endswith(":"):
        subjects = ctx.subjects.get(k, [])
        if said_ent is not None:
            return said_ent
        if subjects:
            return subjects[-1].entity
    if last_q is not None and ctx.spans[last_q].open_pos > said_pos:
        return ctx.speakers[last_q]
    if said_ent is not None:
        return said_ent
    if last_q is None:
        subject = _last_person_subject(ctx, k)
        if subject is not None:
            return subject
    return _recent_speaker(ctx, i, s.para - _CONTEXT_PARAS)


def _last_person_subject(ctx: _Context, para: int) -> Entity | None:
    """The named person a paragraph without quotations ends on ("Valastro praised the
    governor's record."): a quotation opening the next paragraph is usually theirs."""
    subjects = ctx.subjects.get(para, [])
    if not subjects:
        return None
    ev = subjects[-1]
    ent = ev.entity
    if ent is None or not ent.person_like or ev.mention.kind == "desc":
        return None
    if not _VERB_AFTER_SUBJECT_RE.match(ctx.masked, ev.mention.end):
        return None  # "Ann Ode via Reuters.": a credit line, not someone doing something
    return ent


def _opens_paragraph(masked: str, s: QuoteSpan) -> bool:
    k = s.para_start
    while k < s.open_pos and masked[k] in " \t\u00a0":
        k += 1
    return k == s.open_pos


def _recent_speaker(ctx: _Context, i: int, min_para: int) -> Entity | None:
    """The latest quoted or speaking entity in the last few paragraphs (a conversation going on)."""
    s = ctx.spans[i]
    for para in range(s.para, max(min_para, 0) - 1, -1):
        j = ctx.last_quote.get(para)
        quote_pos = ctx.spans[j].open_pos if j is not None and j != i else -1
        quote_ent = ctx.speakers[j] if j is not None and j != i else None
        pos, ent = _latest_said(ctx, para, -1, s.open_pos)
        if quote_ent is not None and quote_pos > pos:
            return quote_ent
        if ent is not None:
            return ent
        if quote_ent is not None:
            return quote_ent
    return None


def _role(ent: Entity | None) -> str | None:
    return ent.roles[0] if ent is not None and ent.roles else None


def extract_quotes(text: str) -> QuoteExtraction:
    """All quotations in text order (whole ones and fragments) with their speakers."""
    spans = find_spans(text)
    masked = mask_quotes(text, spans)
    paras = paragraphs(text)
    ends = sentence_ends(masked, 0, len(masked))
    nxt, prev = _neighbours(spans)
    attrs = [_attribute(text, masked, s, nxt[i], prev[i], ends) for i, s in enumerate(spans)]
    keep = [not s.single or _keep_single(text, s, attrs[i]) for i, s in enumerate(spans)]
    for s, a in zip(spans, attrs, strict=True):
        _settle_kind(text, masked, s, a)
    spans = [s for s, k in zip(spans, keep, strict=True) if k]
    attrs = [a for a, k in zip(attrs, keep, strict=True) if k]

    # Who was talked about matters only shortly before a quotation: read the few paragraphs
    # before each one (and its own), not the whole article.
    wanted = {p for s in spans for p in range(s.para - _CONTEXT_PARAS, s.para + 1)}
    events = _context_events(masked, paras, ends, wanted)
    quote_events: list[_Event | None] = []
    for s, a in zip(spans, attrs, strict=True):
        ev = _Event(a.mention, True, s.para) if a is not None and a.mention is not None else None
        quote_events.append(ev)
        if ev is not None:
            events.append(ev)
    resolver = Resolver(masked, ends)
    _resolve_all(resolver, events)
    events.sort(key=lambda e: e.mention.start)

    ctx = _context(spans, masked, paras, ends, events)
    for i, ev in enumerate(quote_events):
        if ev is not None:
            ctx.speakers.append(ev.entity)
            ctx.explicit.append(True)
        else:
            ctx.speakers.append(_inherit(ctx, i))
            ctx.explicit.append(False)
        if spans[i].kind == "full":
            ctx.last_quote[spans[i].para] = i
            if ctx.explicit[i] or ctx.speakers[i] is not None:
                ctx.last_attributed[spans[i].para] = i
    speakers = ctx.speakers

    quotes = []
    for i, s in enumerate(spans):
        a = attrs[i]
        ent = speakers[i]
        quotes.append(
            ExtractedQuote(
                text=text[s.start : s.end],
                start=s.start,
                end=s.end,
                speaker=ent.name if ent is not None else None,
                role=_role(ent),
                cue=a.cue if a is not None else None,
                kind=s.kind,
            )
        )
    return QuoteExtraction(tuple(quotes), _speakers(speakers))


def _speakers(speakers: list[Entity | None]) -> tuple[ExtractedSpeaker, ...]:
    out: list[ExtractedSpeaker] = []
    seen: set[str] = set()
    for ent in speakers:
        if ent is None or ent.name in seen:
            continue
        seen.add(ent.name)
        out.append(ExtractedSpeaker(ent.name, _role(ent), tuple(ent.mentions) or (ent.name,)))
    return tuple(out)

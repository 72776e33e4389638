"""Direct quotations and their speakers, from raw English news text.

Pipeline: find quotation spans and tell whole quotations from fragments (quote_marks); blank their
contents so that attributions are read only from the reporter's own words; find each quotation's
speech verb and speaker phrase (quote_attribution); read the subjects and indirect attributions of
every sentence; resolve all speaker phrases in text order (speaker_resolution); a quotation with no
attribution of its own continues the speaker before it in its paragraph, or the previous paragraph's.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.extract.quote_attribution import (
    Attribution,
    attribution_after,
    attribution_before,
    sentence_ends,
)
from tui.extract.quote_cues import CUE_RE
from tui.extract.quote_marks import QuoteSpan, find_spans, paragraphs, word_count
from tui.extract.speaker_names import Mention, sentence_subject, subject_before
from tui.extract.speaker_resolution import Entity, Resolver

__all__ = ["ExtractedQuote", "ExtractedSpeaker", "QuoteExtraction", "extract_quotes"]

_MASK = "¤"
_KEEP_LAST = frozenset(".,!?;:")


@dataclass(frozen=True, slots=True)
class ExtractedQuote:
    text: str  # the quoted words without the quotation marks, == article_text[start:end]
    start: int
    end: int
    speaker: str | None  # fullest form of the speaker's name, None if unknown or unnamed
    role: str | None  # title or role the article states
    cue: str | None  # the speech verb ("said", "according to", ":") or None
    kind: str  # "full" or "fragment"


@dataclass(frozen=True, slots=True)
class ExtractedSpeaker:
    name: str
    role: str | None
    mentions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class QuoteExtraction:
    quotes: tuple[ExtractedQuote, ...]
    speakers: tuple[ExtractedSpeaker, ...]


@dataclass(slots=True)
class _Event:
    """A speaker phrase in the reporter's text: a sentence subject or the subject of a speech verb."""

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


def _attribute(masked: str, spans: list[QuoteSpan], i: int) -> Attribution | None:
    s = spans[i]
    nxt = next((t.open_pos for t in spans[i + 1 :] if t.para == s.para), s.para_end)
    if s.closed:
        after = attribution_after(masked, s.close_pos + 1, nxt)
        if after is not None:
            return after
    prev_close = next((t.close_pos + 1 for t in reversed(spans[:i]) if t.para == s.para),
                      s.para_start)
    ends = [e for e in sentence_ends(masked, prev_close, s.open_pos) if e <= s.open_pos]
    lo = ends[-1] if ends else prev_close
    return attribution_before(masked, lo, s.open_pos)


def _keep_single(text: str, s: QuoteSpan, attr: Attribution | None) -> bool:
    """Single marks are mostly titles and names: keep only attributed, sentence-like speech."""
    if attr is None or attr.mention is None or attr.cue is None:
        return False
    words = text[s.start : s.end].split()
    if len(words) < 4:
        return False
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised * 2 < len(words)


def _context_events(masked: str, paras: list[tuple[int, int]]) -> list[_Event]:
    events: list[_Event] = []
    for k, (lo, hi) in enumerate(paras):
        bounds = [lo, *sentence_ends(masked, lo, hi)]
        for a, b in zip(bounds, [*bounds[1:], hi], strict=True):
            while a < b and masked[a].isspace():
                a += 1
            if a >= b:
                continue
            subj = sentence_subject(masked, a, b)
            if subj is not None:
                events.append(_Event(subj, False, k))
            for vm in CUE_RE.finditer(masked, a, b):
                m = subject_before(masked, a, vm.start())
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


def _inherit(
    i: int, spans: list[QuoteSpan], speakers: list[Entity | None], explicit: list[bool],
    events: list[_Event], masked: str, paras: list[tuple[int, int]],
) -> Entity | None:
    """The speaker of a quotation without its own attribution: the nearest one before it."""
    s = spans[i]
    best_pos, best = -1, None
    for j in range(i - 1, -1, -1):
        t = spans[j]
        if t.para != s.para:
            break
        if t.kind == "full" and (explicit[j] or speakers[j] is not None):
            best_pos, best = t.open_pos, speakers[j]
            break
    for ev in events:
        if ev.speaking and ev.para == s.para and best_pos < ev.mention.start < s.open_pos:
            best_pos, best = ev.mention.start, ev.entity
    if best_pos >= 0:
        return best
    if s.para == 0 or masked[s.para_start : s.open_pos].strip():
        return None
    k = s.para - 1
    lo, hi = paras[k]
    prev_quotes = [j for j in range(i) if spans[j].para == k and spans[j].kind == "full"]
    prev_events = [ev for ev in events if ev.para == k and ev.speaking]
    if masked[lo:hi].rstrip().endswith(":"):
        subjects = [ev for ev in events if ev.para == k]
        if subjects:
            return (prev_events or subjects)[-1].entity
    if prev_quotes and (not prev_events or
                        spans[prev_quotes[-1]].open_pos > prev_events[-1].mention.start):
        return speakers[prev_quotes[-1]]
    if prev_events:
        return prev_events[-1].entity
    return None


def _role(ent: Entity | None) -> str | None:
    return ent.roles[0] if ent is not None and ent.roles else None


def extract_quotes(text: str) -> QuoteExtraction:
    """All quotations in text order (whole ones and fragments) with their speakers."""
    spans = find_spans(text)
    masked = mask_quotes(text, spans)
    paras = paragraphs(text)
    attrs = [_attribute(masked, spans, i) for i in range(len(spans))]
    keep = [not s.single or _keep_single(text, s, attrs[i]) for i, s in enumerate(spans)]
    spans = [s for s, k in zip(spans, keep, strict=True) if k]
    attrs = [a for a, k in zip(attrs, keep, strict=True) if k]

    events = _context_events(masked, paras)
    quote_events: list[_Event | None] = []
    for s, a in zip(spans, attrs, strict=True):
        ev = _Event(a.mention, True, s.para) if a is not None and a.mention is not None else None
        quote_events.append(ev)
        if ev is not None:
            events.append(ev)
    resolver = Resolver(masked)
    _resolve_all(resolver, events)
    events.sort(key=lambda e: e.mention.start)

    speakers: list[Entity | None] = []
    explicit: list[bool] = []
    for i, s in enumerate(spans):
        ev = quote_events[i]
        if ev is not None:
            speakers.append(ev.entity)
            explicit.append(True)
        else:
            speakers.append(_inherit(i, spans, speakers, explicit, events, masked, paras))
            explicit.append(False)

    quotes = []
    for i, s in enumerate(spans):
        a = attrs[i]
        ent = speakers[i]
        quotes.append(ExtractedQuote(
            text=text[s.start : s.end], start=s.start, end=s.end,
            speaker=ent.name if ent is not None else None, role=_role(ent),
            cue=a.cue if a is not None else None, kind=s.kind,
        ))
    return QuoteExtraction(tuple(quotes), _speakers(speakers))


def _speakers(speakers: list[Entity | None]) -> tuple[ExtractedSpeaker, ...]:
    out: list[ExtractedSpeaker] = []
    seen: set[str] = set()
    for ent in speakers:
        if ent is None or ent.name in seen:
            continue
        seen.add(ent.name)
        out.append(ExtractedSpeaker(ent.name, _role(ent), tuple(ent.mentions) or (ent.name,)))
    return out and tuple(out) or ()


def word_total(text: str) -> int:
    """Words in text (used by the benchmark's sanity output)."""
    return word_count(text)

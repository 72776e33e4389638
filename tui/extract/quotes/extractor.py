"""Direct quotations and their speakers, from raw English news text.

Pipeline: find quotation spans and tell whole quotations from fragments (marks); blank their
contents so that attributions are read only from the reporter's own words; find each quotation's
speech verb and speaker phrase (own_attribution, attribution) and take a second look at whole or
fragment, keeping quotations in single marks only when they are clearly speech or continue such
speech (full_or_fragment); read the subjects and indirect attributions of every sentence
(speech_events), marking as background those inside a reported or subordinate clause and those
who declined to speak; resolve all speaker phrases in text order (speakers.resolution); a
quotation two named people said together goes to the pair (joint); a quotation with no
attribution of its own continues the speaker before it in its paragraph, or the previous
paragraph's when that paragraph ended with the quotation (continuation).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from tui.extract.quotes.attribution import Attribution, sentence_ends
from tui.extract.quotes.confidence import ADJACENT_GAP, AttributionBasis, confidence
from tui.extract.quotes.continuation import CONTEXT_PARAS, speakers_of
from tui.extract.quotes.full_or_fragment import keep_continued_singles, keep_single, settle_kind
from tui.extract.quotes.interview import interviewee, is_answer
from tui.extract.quotes.joint import joint_entity, joint_partner
from tui.extract.quotes.marks import QuoteKind, QuoteSpan, find_spans, paragraphs
from tui.extract.quotes.own_attribution import attribute, neighbours
from tui.extract.quotes.speech_events import Event, context_events, resolve_all
from tui.extract.speakers.entity import Entity
from tui.extract.speakers.names import description_words
from tui.extract.speakers.resolution import Resolver

__all__ = [
    "AttributionBasis",
    "ExtractedQuote",
    "ExtractedSpeaker",
    "QuoteExtraction",
    "QuoteKind",
    "extract_quotes",
]

_MASK = "¤"
_KEEP_LAST = frozenset(".,!?;:")


@dataclass(frozen=True, slots=True)
class ExtractedQuote:
    """One stretch of quoted words and who said them."""

    text: str  # the quoted words without the quotation marks, == article_text[start:end]
    start: int
    end: int
    speaker: str | None  # fullest form of the speaker's name, or an unnamed source as described
    role: str | None  # title or role the article states
    cue: str | None  # the speech verb ("said", "according to", ":") or None
    kind: QuoteKind  # whole quotation or fragment
    named: bool = False  # the speaker is a name, not a description ("a senior official")
    confidence: float = 0.0  # how sure the speaker is, 0-1 (see quotes.confidence)
    basis: AttributionBasis = AttributionBasis.NONE  # how the speaker was found


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


def _role(ent: Entity | None) -> str | None:
    return ent.roles[0] if ent is not None and ent.roles else None


def extract_quotes(text: str) -> QuoteExtraction:
    """All quotations in text order (whole ones and fragments) with their speakers."""
    spans = find_spans(text)
    masked = mask_quotes(text, spans)
    paras = paragraphs(text)
    ends = sentence_ends(masked, 0, len(masked))
    nxt, prev = neighbours(spans)
    attrs = [attribute(text, masked, s, nxt[i], prev[i], ends) for i, s in enumerate(spans)]
    keep = [not s.single or keep_single(text, s, attrs[i]) for i, s in enumerate(spans)]
    for s, a in zip(spans, attrs, strict=True):
        settle_kind(text, masked, s, a)
    keep_continued_singles(text, masked, spans, keep)
    spans = [s for s, k in zip(spans, keep, strict=True) if k]
    attrs = [a for a, k in zip(attrs, keep, strict=True) if k]

    # Who was talked about matters only shortly before a quotation: read the few paragraphs
    # before each one (and its own), not the whole article.
    wanted = {p for s in spans for p in range(s.para - CONTEXT_PARAS, s.para + 1)}
    events = context_events(masked, paras, ends, wanted)
    quote_events: list[Event | None] = []
    for s, a in zip(spans, attrs, strict=True):
        ev = Event(a.mention, True, s.para) if a is not None and a.mention is not None else None
        quote_events.append(ev)
        if ev is not None:
            events.append(ev)
    resolver = Resolver(masked, ends)
    resolve_all(resolver, events)
    for ev in quote_events:
        if ev is not None and ev.entity is None and ev.mention.kind == "desc":
            # "a senior official said": an unnamed source, kept as the article describes it.
            ev.entity = Entity(description_words(ev.mention.text), False, False, named=False)
    events.sort(key=lambda e: e.mention.start)
    _joint_speakers(resolver, masked, quote_events, events)

    speakers, inherited = speakers_of(spans, masked, paras, ends, events, quote_events)
    _answers(resolver, masked, paras, spans, speakers, inherited)

    quotes = []
    for i, s in enumerate(spans):
        a = attrs[i]
        ent = speakers[i]
        basis, gap = _basis(s, a, ent, inherited[i], resolver.weak_pronouns)
        clear = (
            basis == AttributionBasis.PRONOUN
            and a is not None
            and a.mention is not None
            and a.mention.start in resolver.clear_pronouns
        )
        quotes.append(
            ExtractedQuote(
                text=text[s.start : s.end],
                start=s.start,
                end=s.end,
                speaker=ent.name if ent is not None else None,
                role=_role(ent),
                cue=a.cue if a is not None else None,
                kind=s.kind,
                named=ent is not None and ent.named,
                confidence=confidence(basis, gap, clear=clear),
                basis=basis,
            )
        )
    return QuoteExtraction(tuple(quotes), _speakers(speakers))


def _answers(
    resolver: Resolver,
    masked: str,
    paras: list[tuple[int, int]],
    spans: list[QuoteSpan],
    speakers: list[Entity | None],
    inherited: list[AttributionBasis | None],
) -> None:
    """Answers of a question-and-answer interview ("A: “...”") with no speaker of their own go
    to the one person interviewed (see interview), found as in a conversation."""
    who: Entity | None = None
    for i, s in enumerate(spans):
        if speakers[i] is not None or not is_answer(masked, paras[s.para][0], s.open_pos):
            continue
        who = who or interviewee(resolver, masked)
        if who is None:
            return
        speakers[i], inherited[i] = who, AttributionBasis.CONVERSATION


def _joint_speakers(
    resolver: Resolver, masked: str, quote_events: list[Event | None], events: list[Event]
) -> None:
    """A quotation two named people said together goes to the pair: "Ng and Roy said", and a
    "they said" whose latest named subject before it, in its paragraph or the one before, is
    such a pair ("Ng and Roy issued a statement. “...,” they wrote.")."""
    pairs: dict[str, Entity] = {}

    def pair_of(ev: Event) -> Entity | None:
        m = ev.mention
        if ev.entity is None or m.kind != "name":
            return None
        partner = joint_partner(masked, m, max(0, m.start - 200), min(len(masked), m.end + 200))
        other = resolver.resolve(partner, speaking=False) if partner is not None else None
        if partner is None or other is None:
            return None
        first, second = (other, ev.entity) if partner.start < m.start else (ev.entity, other)
        pair = joint_entity(first, second)
        return pairs.setdefault(pair.name, pair) if pair is not None else None

    starts = [e.mention.start for e in events]
    for ev in quote_events:
        if ev is None:
            continue
        if ev.mention.kind == "name":
            ev.entity = pair_of(ev) or ev.entity
        elif ev.entity is None and ev.mention.text.lower() == "they":
            k = bisect.bisect_left(starts, ev.mention.start) - 1
            while k >= 0 and events[k].para >= ev.para - 1:
                if events[k].mention.kind == "name" and events[k].entity is not None:
                    ev.entity = pair_of(events[k])
                    break
                k -= 1


def _basis(
    s: QuoteSpan,
    a: Attribution | None,
    ent: Entity | None,
    inherited: AttributionBasis | None,
    weak_pronouns: set[int],
) -> tuple[AttributionBasis, int]:
    """How a quotation's speaker was found, and how far (in characters) its own attribution's
    speaker stands from the quotation. weak_pronouns: starts of pronouns that went back to a
    name outside any subject (see Resolver.pronoun)."""
    if ent is None:
        return AttributionBasis.NONE, 0
    if inherited is not None:
        return inherited, 0
    if ent.members:
        return AttributionBasis.JOINT, 0
    if not ent.named:
        return AttributionBasis.UNNAMED, 0
    m = a.mention if a is not None else None
    if m is None:
        return AttributionBasis.NAME_DISTANT, 0
    gap = m.start - s.close_pos if m.start > s.close_pos else s.open_pos - m.end
    gap = max(gap, 0)
    if m.kind == "pronoun":
        if m.start in weak_pronouns:
            return AttributionBasis.PRONOUN_NON_SUBJECT, gap
        return AttributionBasis.PRONOUN, gap
    if m.kind == "desc":
        return AttributionBasis.DESCRIPTION, gap
    if gap <= ADJACENT_GAP:
        return AttributionBasis.NAME_ADJACENT, gap
    return AttributionBasis.NAME_DISTANT, gap


def _speakers(speakers: list[Entity | None]) -> tuple[ExtractedSpeaker, ...]:
    out: list[ExtractedSpeaker] = []
    seen: set[str] = set()
    for ent in speakers:
        if ent is None or not ent.named or ent.name in seen:
            continue
        seen.add(ent.name)
        out.append(ExtractedSpeaker(ent.name, _role(ent), tuple(ent.mentions) or (ent.name,)))
    return tuple(out)

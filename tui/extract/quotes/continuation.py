"""Speakers of quotations without an attribution of their own: the quotation continues the
speaker before it in its paragraph, or the previous paragraph's (a quotation opening a paragraph
after "... she said:" or after a paragraph about what someone did), or a conversation going on
in the last few paragraphs."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tui.extract.quotes.attribution import ends_between
from tui.extract.quotes.confidence import AttributionBasis as Basis
from tui.extract.quotes.marks import QuoteKind, QuoteSpan, opens_paragraph
from tui.extract.quotes.speech_events import Event
from tui.extract.speakers.entity import Entity

CONTEXT_PARAS = 3  # paragraphs before a quotation whose speakers it may continue
# A past-tense verb right after a subject: "Valastro praised", "Ng spoke", "Ng was".
_VERB_AFTER_SUBJECT_RE = re.compile(
    r"(?:,[ \u00a0]+[a-z]+(?:[ \u00a0]+[a-z]+)?,)?"  # "Roy, however, was"
    r"[ \u00a0]+(?:[a-z]+ed|said|told|spoke|wrote|was|is|has|had|made|gave|took|went|came)\b"
)


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
    subjects: dict[int, list[Event]]  # paragraph -> all its events, in text order
    last_quote: dict[int, int]  # paragraph -> index of its latest whole quotation so far
    last_attributed: dict[int, int]  # paragraph -> same, among those with a speaker or a cue


def _context(
    spans: list[QuoteSpan],
    masked: str,
    paras: list[tuple[int, int]],
    ends: list[int],
    events: list[Event],
) -> _Context:
    said: dict[int, tuple[list[int], list[Entity]]] = {}
    subjects: dict[int, list[Event]] = {}
    for ev in events:
        subjects.setdefault(ev.para, []).append(ev)
        if ev.speaking and ev.entity is not None and not ev.background:
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


def _inherit(ctx: _Context, i: int) -> tuple[Entity | None, Basis]:
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
        return ent, Basis.SPEECH_IN_PARAGRAPH
    if best_pos >= 0:
        return best, Basis.CONTINUATION
    if s.para == 0 or not opens_paragraph(ctx.masked, s):
        return None, Basis.NONE
    k = s.para - 1
    lo, hi = ctx.paras[k]
    last_q = ctx.last_quote.get(k)
    said_pos, said_ent = _latest_said(ctx, k, -1, hi + 1)
    if ctx.masked[max(lo, hi - 10) : hi].rstrip().endswith(":"):
        subjects = ctx.subjects.get(k, [])
        if said_ent is not None:
            return said_ent, Basis.PREVIOUS_PARAGRAPH
        if subjects:
            return subjects[-1].entity, Basis.PREVIOUS_PARAGRAPH
    if last_q is not None:
        other = _closing_subject(ctx, k, ctx.spans[last_q].close_pos)
        if other is not None and other is not ctx.speakers[last_q] and other is not said_ent:
            return other, Basis.PREVIOUS_SUBJECT
    if last_q is not None and ctx.spans[last_q].open_pos > said_pos:
        return ctx.speakers[last_q], Basis.PREVIOUS_PARAGRAPH
    if said_ent is not None:
        return said_ent, Basis.PREVIOUS_PARAGRAPH
    if last_q is None:
        subject = _last_person_subject(ctx, k)
        if subject is not None:
            return subject, Basis.PREVIOUS_SUBJECT
    return _recent_speaker(ctx, i, s.para - CONTEXT_PARAS), Basis.CONVERSATION


def _closing_subject(ctx: _Context, para: int, quote_close: int) -> Entity | None:
    """The person a paragraph ends on after its last quotation: the subject of a last sentence
    that holds no quotation ("“...,” Ng said. Roy, however, was not convinced."). A quotation
    opening the next paragraph continues the earlier speaker only when the paragraph ended
    with that speaker's quotation."""
    lo, hi = ctx.paras[para]
    inside = ends_between(ctx.ends, lo, hi - 1)
    if not inside or inside[-1] <= quote_close + 1:
        return None  # the last sentence holds the quotation (or its attribution)
    later = bisect.bisect_right(ctx.ends, quote_close + 1)
    if later >= len(ctx.ends) or ctx.ends[later] >= hi - 1:
        return None  # only the quotation's own sentence follows
    tail = ctx.ends[bisect.bisect_left(ctx.ends, hi - 1) - 1]
    for ev in reversed(ctx.subjects.get(para, [])):
        if ev.mention.start < tail:
            break
        ent = ev.entity
        if (
            not ev.speaking
            and ent is not None
            and ent.person_like
            and ev.mention.kind == "name"
            and _VERB_AFTER_SUBJECT_RE.match(ctx.masked, ev.mention.end)
        ):
            return ent
    return None


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


def speakers_of(
    spans: list[QuoteSpan],
    masked: str,
    paras: list[tuple[int, int]],
    ends: list[int],
    events: list[Event],
    quote_events: list[Event | None],
) -> tuple[list[Entity | None], list[Basis | None]]:
    """The speaker of each quotation: its own attribution's entity, or else the one it continues;
    and, for each continuing quotation, how its speaker was found (None for own attributions).

    events: all resolved speech events in text order; quote_events: each quotation's own
    attribution event, None when it has none.
    """
    ctx = _context(spans, masked, paras, ends, events)
    bases: list[Basis | None] = []
    for i, ev in enumerate(quote_events):
        if ev is not None:
            ctx.speakers.append(ev.entity)
            ctx.explicit.append(True)
            bases.append(None)
        else:
            ent, basis = _inherit(ctx, i)
            ctx.speakers.append(ent)
            ctx.explicit.append(False)
            bases.append(basis if ent is not None else Basis.NONE)
        if spans[i].kind == QuoteKind.FULL:
            ctx.last_quote[spans[i].para] = i
            if ctx.explicit[i] or ctx.speakers[i] is not None:
                ctx.last_attributed[spans[i].para] = i
    return ctx.speakers, bases

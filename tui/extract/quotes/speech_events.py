"""Speech events: the speaker phrases of the reporter's own sentences (each sentence's subject,
the subjects of its speech verbs, names opening its clauses), resolved in text order together with
the quotations' own attributions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.extract.quotes.attribution import ends_between
from tui.extract.quotes.cues import OBJECT_VERBS, cue_verbs
from tui.extract.speakers.entity import Entity
from tui.extract.speakers.mention import Mention
from tui.extract.speakers.names import STOP_CAPS
from tui.extract.speakers.phrase_after import subject_after_verb
from tui.extract.speakers.phrase_before import subject_before
from tui.extract.speakers.places import PLACES
from tui.extract.speakers.resolution import Resolver, is_group_noun
from tui.extract.speakers.sentence_subjects import clause_subjects, sentence_subject

_VERB_FIRST_PREV = frozenset(',”"')
_ASK_VERBS = frozenset({"ask", "asks", "asked"})
# What follows a verb of asking that reports a question rather than introduces a quotation.
_QUESTION_AFTER_RE = re.compile(
    r"[ \u00a0]+(?:(?:him|her|them|me|us|[A-Z][\w.\-]*(?:[ \u00a0]+[A-Z][\w.\-]*)*)[ \u00a0]+)?"
    r"(?:whether|if|how|why|what|who|whom|which|when|where|about)\b"
)


# A predicate saying that its subject did not speak: "declined to comment", "did not respond to
# a request for comment", "could not be reached".
_SILENT_RE = re.compile(
    r"(?:,[^,;.]{1,80})?,?[ \u00a0]+(?:(?:has|have|had|also|again|initially)[ \u00a0]+)*"
    r"(?:(?:declined|refused|(?:did|does|could|would|has|have|had)(?:[ \u00a0]+not|n['’]t)"
    r"(?:[ \u00a0]+(?:immediately|yet|been|publicly))?)[ \u00a0]+(?:to[ \u00a0]+)?"
    r"(?:comment|respond|return|reply|replied|answer|be[ \u00a0]+reached|speak|spoken|"
    r"immediately)(?:ed|s)?\b"
    r"|(?:was|were|is|are|has[ \u00a0]+been|have[ \u00a0]+been)[ \u00a0]+(?:not[ \u00a0]+)?"
    r"(?:unavailable|available|reached)[ \u00a0]+for[ \u00a0]+comment"
    r"|(?:has|have)[ \u00a0]+(?:remained|stayed|been)[ \u00a0]+silent)"
)


# A verb of doing right after a one-word subject: "Carson defied", "Ng was", "Ng has".
_ACTION_AFTER_RE = re.compile(r"[ \u00a0]+(?:[a-z]+ed|was|has|had|is|told|spoke|wrote|went|came)\b")
# After a word ending in s, only a singular verb shows a surname ("Jones was"; "Friends were").
_SINGULAR_AFTER_RE = re.compile(r"[ \u00a0]+(?:was|has|is)\b")
# A subordinating conjunction right before a subject: its clause is background to the sentence's
# ("Her comments came after Mayor Al Roy announced an inquiry").
_SUBORDINATOR_END_RE = re.compile(
    r"(?<![\w’'-])(?:after|before|when|while|since|because|although|though|until|once)"
    r"[ \u00a0]+$"
)


# A coordinating conjunction right before a subject: a clause of its own, not a reported one
# ("“...,” Ng said, and Roy agreed").
_COORDINATOR_END_RE = re.compile(r"(?<![\w’'-])(?:and|but|or|yet)[ \u00a0]+$")


@dataclass(slots=True)
class Event:
    """A speaker phrase in the reporter's text: a sentence's subject or a speech verb's.

    background: a subject inside a clause that reports another's speech ("Ng said Moe had
    promised") or in a subordinate clause ("after Moe announced"), or one who declined to
    speak: "he" and "she" pass over it when the sentence's own subject, or an earlier speaker
    close by, fits (see Resolver.pronoun), and a quotation opening the next paragraph does not
    continue it (see continuation)."""

    mention: Mention
    speaking: bool
    para: int
    entity: Entity | None = None
    background: bool = False


def context_events(
    masked: str, paras: list[tuple[int, int]], ends: list[int], wanted: set[int]
) -> list[Event]:
    """Subjects and speech-verb subjects of every sentence in the wanted paragraphs."""
    events: list[Event] = []
    for k, (lo, hi) in enumerate(paras):
        if k not in wanted:
            continue
        bounds = [lo, *ends_between(ends, lo + 1, hi)]
        for a, b in zip(bounds, [*bounds[1:], hi], strict=True):
            while a < b and masked[a].isspace():
                a += 1
            if a >= b:
                continue
            subj = sentence_subject(masked, a, b)
            if subj is not None:
                silent = _SILENT_RE.match(masked, subj.end, b) is not None
                events.append(Event(subj, False, k, background=silent))
            participle_done = False
            matrix_end = -1  # where the sentence's first speech verb with a subject ends
            if ", " in masked[a:b] or ";" in masked[a:b]:
                events.extend(Event(m, False, k) for m in clause_subjects(masked, a, b))
            for vm in cue_verbs(masked, a, b):
                if vm.group().endswith("ing"):
                    # A participle ("saying", "adding"): its subject is the sentence's.
                    if subj is not None and not participle_done:
                        events.append(Event(subj, True, k))
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
                    before = masked[a : m.np_start if 0 <= m.np_start < m.start else m.start]
                    embedded = (
                        matrix_end >= 0
                        and m.start > matrix_end
                        and before.rstrip()[-1:] not in (",", ";")
                        and _COORDINATOR_END_RE.search(before[-8:]) is None
                    ) or _SUBORDINATOR_END_RE.search(before[-16:]) is not None
                    events.append(Event(m, True, k, background=embedded))
                    if matrix_end < 0:
                        matrix_end = vm.end()
    return events


def resolve_all(resolver: Resolver, events: list[Event]) -> None:
    """Resolve every event's mention in text order; an event at the same phrase as an earlier
    one shares its entity."""
    seen: dict[tuple[int, int], Event] = {}
    for ev in sorted(events, key=lambda e: (e.mention.start, not e.speaking)):
        key = (ev.mention.start, ev.mention.end)
        first = seen.get(key)
        if first is not None:
            ev.entity = first.entity
            if ev.speaking and not first.speaking and ev.entity is not None:
                resolver.speakers.append(ev.entity)
            continue
        seen[key] = ev
        ev.entity = resolver.resolve(ev.mention, speaking=ev.speaking, background=ev.background)
        ent = ev.entity
        if (
            ent is not None
            and not ent.person_like
            and not ent.is_org
            and ev.mention.kind == "name"
            and " " not in ent.name
            and ent.name not in resolver.registry.places
            and ent.name not in PLACES
            and ent.name.lower() not in STOP_CAPS
            and not is_group_noun(ent.name)
            and (_SINGULAR_AFTER_RE if ent.name.endswith("s") else _ACTION_AFTER_RE).match(
                resolver.registry.masked, ev.mention.end
            )
        ):
            ent.person_like = True  # "Carson defied the question": a surname doing something

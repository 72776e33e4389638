"""Interviews in question-and-answer form: "Q: ..." paragraphs, then "A: “...”" paragraphs with
no speech verb. The answers belong to the person the introduction says was interviewed ("CBC's
Ann Ng spoke with Dr. Brent Roussin, ..."), when it names only one; with two or more, or none,
the answers keep no speaker.
"""

from __future__ import annotations

import re

from tui.extract.speakers.entity import Entity
from tui.extract.speakers.names import is_org_name, looks_like_person
from tui.extract.speakers.resolution import Resolver
from tui.extract.speakers.sentence_subjects import sentence_subject

# A paragraph's label before an answer: "A:", "A.", "Answer:".
ANSWER_LABEL_RE = re.compile(r"(?:A|Answer)[ \u00a0]*[:.\-–—][ \u00a0]*")
_QUESTION_LABEL_RE = re.compile(r"(?m)^[ \u00a0]*(?:Q|Question)[ \u00a0]*[:.\-–—]")
# How an introduction says who was interviewed.
_INTERVIEWED_RE = re.compile(
    r"\b(?:(?:spoke|speaks|talked|talks|chatted|chats|sat[ \u00a0]+down)[ \u00a0]+(?:with|to)"
    r"|interviewed|(?:an?|this)[ \u00a0]+interview[ \u00a0]+with)[ \u00a0]+"
)


def is_answer(masked: str, para_start: int, open_pos: int) -> bool:
    """Whether a quotation opens its paragraph after an answer label only."""
    return ANSWER_LABEL_RE.fullmatch(masked, para_start, open_pos) is not None


def interviewee(resolver: Resolver, masked: str) -> Entity | None:
    """The one person the introduction before the first question says was interviewed."""
    first_q = _QUESTION_LABEL_RE.search(masked)
    if first_q is None:
        return None
    intros = list(_INTERVIEWED_RE.finditer(masked, 0, first_q.start()))
    if not intros:
        return None
    intro = intros[-1]
    k = resolver.sentence_of(intro.end())
    stop = resolver.ends[k] if k < len(resolver.ends) else first_q.start()
    people = [
        (start, name)
        for start, _end, name, _title in resolver.registry.occurrences
        if intro.end() <= start < stop
        and " " in name
        and looks_like_person(name)
        and not is_org_name(name)
    ]
    if masked[intro.end() : intro.end() + 1].isupper() and not any(
        start <= intro.end() + 12 for start, _name in people
    ):
        # "Paul Ryan sat down with Politico ... about Donald Trump": the one who spoke with a
        # publication is the sentence's subject, not a person named after it
        return _subject_of(resolver, masked, intro) if intro.group().islower() else None
    if len({name for _start, name in people}) != 1:
        return None  # two interviewees ("spoke with Ng, and then with Roy"): whose answer?
    start, name = people[0]
    ent = resolver.entity(resolver.registry.fullest(name, start))
    if ent.is_org:
        return None
    ent.person_like = True
    return ent


def _subject_of(resolver: Resolver, masked: str, intro: re.Match[str]) -> Entity | None:
    """The person who opens the sentence of "spoke with" or "sat down with", if a name."""
    k = resolver.sentence_of(intro.start())
    lo = max(resolver.ends[k - 1] if k >= 1 else 0, masked.rfind("\n", 0, intro.start()) + 1)
    subj = sentence_subject(masked, lo, intro.start())
    if subj is None or subj.kind != "name" or not subj.name:
        return None
    ent = resolver.entity(resolver.registry.fullest(subj.name, subj.start))
    if ent.is_org or not (" " in ent.name and looks_like_person(ent.name)):
        return None
    ent.person_like = True
    return ent

"""Quotations spoken by two named people at once: "Ng and Roy said in a joint statement".

A statement two people make together is neither's alone: the speaker is the pair, written as
the article names them ("Ann Ng and Al Roy"), an unnamed speaker (never one named person), so
that a reader sees both names and the misattribution of one of them is not risked.
"""

from __future__ import annotations

import re

from tui.extract.speakers.entity import Entity
from tui.extract.speakers.mention import Mention
from tui.extract.speakers.names import NAME_RUN_RE, is_org_name
from tui.extract.speakers.phrase_before import subject_before

_AND_BEFORE_RE = re.compile(r"(?<![\w’'-])and[ \u00a0]+$")
_AND_AFTER_RE = re.compile(r"[ \u00a0]+and[ \u00a0]+(?=[A-ZÀ-Þ])")
# After the second name: the speech verb, an adverb or time before it, or an appositive.
_AFTER_PAIR_RE = re.compile(r"[ \u00a0]*(?:[,:;.”\"]|$|[a-z]+(?:ed|s)\b|said|told|wrote)")
_OF_RE = re.compile(r"[ \u00a0]+of[ \u00a0]+")
# A list of more than two ("Ng, Roy and Ode"): the two nearest the verb do not make the group.
_LIST_BEFORE_RE = re.compile(r",[ \u00a0]*$")


def _np_start(m: Mention) -> int:
    return m.start if m.np_start < 0 else min(m.start, m.np_start)


def _person_name(m: Mention | None) -> bool:
    return m is not None and m.kind == "name" and m.name is not None and not is_org_name(m.name)


def joint_partner(masked: str, m: Mention, lo: int, hi: int) -> Mention | None:
    """The other name joined by "and" to a speaker's name m in one subject ("Ann Ng and Al Roy
    said", "said Ng and Roy"), searched within masked[lo:hi]; None when m stands alone."""
    if not _person_name(m):
        return None
    start = _np_start(m)
    before = masked[max(lo, start - 12) : start]
    am = _AND_BEFORE_RE.search(before)
    if am is not None:
        left_end = max(lo, start - 12) + am.start()
        seg_end = left_end - (len(masked[:left_end]) - len(masked[:left_end].rstrip()))
        other = subject_before(masked, max(lo, seg_end - 120), seg_end)
        if _person_name(other) and other is not None and other.end == seg_end:
            return None if _in_list(masked, lo, _np_start(other)) else other
        return None
    am = _AND_AFTER_RE.match(masked, m.end, hi)
    if am is None:
        return None
    run = NAME_RUN_RE.match(masked, am.end(), hi)
    end = run.end() if run is not None else -1
    for _ in range(2):  # "U.S. Secretary of State Mike Pompeo"
        of = _OF_RE.match(masked, end, hi) if end >= 0 else None
        more = NAME_RUN_RE.match(masked, of.end(), hi) if of is not None else None
        if more is None:
            break
        end = more.end()
    if end < 0 or not _AFTER_PAIR_RE.match(masked, end, hi):
        return None
    other = subject_before(masked, am.end(), end)
    return other if _person_name(other) else None


def _in_list(masked: str, lo: int, start: int) -> bool:
    """Whether the name starting at `start` follows another name and a comma ("Ng, Roy and
    Ode"): one of a list, not the first of a pair."""
    cm = _LIST_BEFORE_RE.search(masked, max(lo, start - 3), start)
    if cm is None:
        return False
    prev = subject_before(masked, max(lo, cm.start() - 120), cm.start())
    return _person_name(prev)


def joint_entity(first: Entity, second: Entity) -> Entity | None:
    """The pair as one unnamed speaker, or None when the two are not two different people."""
    if first is second or first.is_org or second.is_org or first.name == second.name:
        return None
    name = f"{first.name} and {second.name}"
    return Entity(name, False, False, named=False, members=(first.name, second.name))

"""Who a role description means when the person whose roles fit it may not be meant: someone
unnamed brought in with that role since ("One longtime MP ... the MP said"), or a named subject
just before ("Rubio sought to stoke ... . Walking in, the senator said").
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from tui.extract.speakers.entity import Entity
from tui.extract.speakers.mention import Mention
from tui.extract.speakers.names import looks_like_person
from tui.extract.speakers.roles import described_between

if TYPE_CHECKING:
    from tui.extract.speakers.resolution import Resolver


def unnamed_since(r: Resolver, m: Mention, head: str, found: Entity) -> bool:
    """Whether someone unnamed with the description's head noun ("one longtime MP", "a
    senior official") was brought in, in the description's sentence or the two before, after
    the named person the role fits was last mentioned: "the MP" goes back to them."""
    here = r.sentence_of(m.start)
    lo = r.ends[here - 3] if here >= 3 else 0
    intro = None
    for hit in _INDEFINITE_RE.finditer(r.registry.masked, lo, m.end + 12):
        if hit.start() <= m.start and hit.group(2).lower().rstrip("s") == head.rstrip("s"):
            intro = hit.start()
    if intro is None:
        return False
    last = max((p for e, p in zip(r.history, r.history_pos, strict=True) if e is found), default=-1)
    return last < intro


_INDEFINITE_RE = re.compile(
    r"\b([Aa]n?|[Oo]ne|[Aa]nother)[ \u00a0]+(?:[\w\-]+[ \u00a0]+){0,3}?([A-Za-z]+)\b"
    r"(?=[ \u00a0,]+(?:who|from|with|in|on|at|said|says|told)\b|[,.;])"
)


def salient_subject(r: Resolver, m: Mention, found: Entity) -> Entity | None:
    """'Rubio sought to stoke ... . Walking in, the senator said': a role description right
    after a named person was the subject, in its sentence or the one before, means that person
    when nothing they were called contradicts it and the role's holder (found) is not named in
    those sentences or the one before them."""
    sent = r.sentence_of(m.start)
    lo = r.ends[sent - 3] if sent >= 3 else 0
    occ = r.registry.occurrences
    k = bisect.bisect_left(occ, (m.start,)) - 1
    last = found.name.rsplit(maxsplit=1)[-1]
    while k >= 0 and occ[k][0] >= lo:
        if occ[k][2].rsplit(maxsplit=1)[-1] == last:
            return None  # the holder is in view
        k -= 1
    latest: Entity | None = None
    latest_pos = -1
    for k in range(len(r.history) - 1, -1, -1):
        pos = r.history_pos[k]
        if pos >= m.start:
            continue
        if r.sentence_of(pos) < sent - 1:
            break
        if k not in r.backgrounded:
            latest, latest_pos = r.history[k], pos
            break
    if (
        latest is None
        or described_between(r.registry.masked, latest_pos + 1, m.start, m.head or "")
        or latest is found
        or not latest.named
        or latest.is_org
        or latest.roles
        or not latest.person_like
        or (" " in latest.name and not looks_like_person(latest.name))
    ):
        return None
    return latest

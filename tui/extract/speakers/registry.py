"""Every capitalised name an article writes outside quotations: where each is written, with
what title, and which words are places by how the article uses them. Used to find the fullest
form of a short name ("Osei" -> "Amara Kwame Osei")."""

from __future__ import annotations

import bisect
import functools
import re

from tui.extract.speakers.genders import Gender, first_name_gender
from tui.extract.speakers.names import NAME_RUN_RE, STOP_CAPS, is_org_name, split_title
from tui.extract.speakers.places import PLACES

# A single capitalised word after these is a place ("in Iowa", "from Tehran"), not a person.
_PLACE_BEFORE_RE = re.compile(r"\b(?:in|from|across|throughout|near|to)\s+(?:the\s+)?$")


@functools.lru_cache(maxsize=16384)
def _entry(run: str) -> tuple[str, str | None, tuple[str, ...]] | None:
    """(name, title, index tokens) of a capitalised run, or None when it is no usable name."""
    title, name = split_title(run)
    if name is None or len(name) < 2 or name.count(" ") > 3:
        return None  # a headline in title case is not a name
    return name, title, tuple(t for t in name.split() if t.lower() not in STOP_CAPS)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_’'-"


class Registry:
    """Every capitalised name in the article (outside quotations), to find a name's fullest form."""

    def __init__(self, masked: str) -> None:
        self.positions: dict[str, list[int]] = {}
        self.by_token: dict[str, set[str]] = {}
        self.titles: dict[str, list[str]] = {}
        self.occurrences: list[tuple[int, int, str, str | None]] = []  # start, end, name, title
        self.places: set[str] = set(PLACES)
        self.masked = masked
        self._common: dict[str, bool] = {}
        place_votes: dict[str, int] = {}  # one-word name -> uses after "in"/"to" minus others
        for m in NAME_RUN_RE.finditer(masked):
            entry = _entry(m.group())
            if entry is None:
                continue
            name, title, tokens = entry
            start = m.start()
            self.occurrences.append((start, m.end(), name, title))
            if len(tokens) == 1 and name not in self.places:
                vote = 1 if _PLACE_BEFORE_RE.search(masked, max(0, start - 16), start) else -1
                place_votes[name] = place_votes.get(name, 0) + vote
            seen = self.positions.get(name)
            if seen is None:
                self.positions[name] = [start]
                for tok in tokens:
                    self.by_token.setdefault(tok, set()).add(name)
            else:
                seen.append(start)
            if title:
                known = self.titles.setdefault(name, [])
                if title not in known:
                    known.append(title)
        # A word mostly written after "in", "from" or "to" is a place ("in Concord"); a surname
        # is only sometimes ("a reply to Okafor"), and otherwise the subject of verbs.
        self.places.update(name for name, vote in place_votes.items() if vote > 0)

    def is_common_word(self, name: str) -> bool:
        """A lone capitalised word that the article also writes in lower case ("Media shares
        blame", "Analysts say", "Appearing on Fox"): an ordinary word opening a sentence."""
        known = self._common.get(name)
        if known is None:
            low = name.lower()
            known = False
            k = self.masked.find(low) if low != name else -1
            while k >= 0 and not known:
                end = k + len(low)
                known = (k == 0 or not _is_word_char(self.masked[k - 1])) and (
                    end == len(self.masked) or not _is_word_char(self.masked[end])
                )
                k = self.masked.find(low, end)
            self._common[name] = known
        return known

    def fullest(self, name: str, pos: int, gender: Gender | None = None) -> str:
        """The fullest registered name containing all of name's tokens, nearest before pos;
        of that gender, when it is known and the names differ in it ("Varga ... she")."""
        tokens = name.split()
        sets = [self.by_token.get(t) for t in tokens]
        if not tokens or any(s is None for s in sets):
            return name
        cands = set.intersection(*[s for s in sets if s is not None])
        org = is_org_name(name)
        cands = {c for c in cands if is_org_name(c) == org or c == name}
        if not cands:
            return name
        if gender is not None and len(cands) > 1:
            other = {c for c in cands if first_name_gender(c) not in (None, gender)}
            if other and any(" " in c for c in cands - other):
                cands -= other
        last = tokens[-1]

        def rank(c: str) -> tuple[int, int, int, int]:
            ps = self.positions.get(c, [])  # in text order
            k = bisect.bisect_right(ps, pos)
            recency = ps[k - 1] if k else -(ps[0] if ps else 0) - 10**9
            return (len(c.split()) >= 2, c.split()[-1] == last, recency, len(c))

        best = max(cands, key=rank)
        supers = [
            c
            for c in cands
            if set(best.split()) <= set(c.split()) and c.split()[-1] == best.split()[-1]
        ]
        return max(supers, key=lambda c: (len(c.split()), len(c)))

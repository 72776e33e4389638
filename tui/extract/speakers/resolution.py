"""Turning mentions ("Ahmad", "he", "the Pakistani envoy") into the people and bodies they refer to.

Mentions are resolved in text order: a pronoun goes to the most recent compatible person, a
description to the person whose roles, wherever the article names them, best fit it (see
speaker_roles; failing that, the most recent speaker), and a short name to the fullest form of
that name in the article.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from tui.extract.speakers.genders import first_name_gender
from tui.extract.speakers.names import (
    NAME_RUN_RE,
    ROLE_NOUNS,
    STOP_CAPS,
    Mention,
    content_words,
    is_org_name,
    sentence_subject,
    split_title,
)
from tui.extract.speakers.orgs import (
    ORG_HEADS,
    ORG_REACH,
    body_after,
    fits,
    full_org_name,
    org_head,
    other_body_between,
)
from tui.extract.speakers.places import PLACES
from tui.extract.speakers.roles import (
    compatible,
    description_key,
    names_place,
    roles_at,
    score,
    weak,
)

_OWNED_BODY_RE = re.compile(
    r"([A-Z][\w.\-]*(?: [A-Z][\w.\-]*){0,3})['’]s? (?:[a-z]+ )?(?:office|campaign|team)"
)
# "the Clinton campaign", "the Obama administration": a body named after its leader speaks itself.
_NAMED_BODY_RE = re.compile(
    r"(?:[Tt]he[ \u00a0]+)?(?!(?:His|Her|Its|Their|Our)[ \u00a0])"
    r"((?:[A-Z][\w.\-]*[ \u00a0]+){1,3})(campaign|administration|government)"
)
# "his campaign", "her administration": the body of the person the pronoun means.
_PRONOUN_BODY_RE = re.compile(
    r"([Hh]is|[Hh]er)[ \u00a0]+(?:[a-z]+[ \u00a0]+)?(campaign|administration|government)"
)
# A document named after who publishes it: "the Heritage Institute website", "Ng's statement".
_OWNED_DOC_RE = re.compile(
    r"(?:[Tt]he[ \u00a0]+)?(?!(?:The|A|An|His|Her|Its|Their|Our|This|That|One)[ \u00a0])"
    r"((?:[A-Z][\w.\-&]*[ \u00a0]+){0,3}[A-Z][\w.\-&]*?)(?:['’]s?)?"
    r"[ \u00a0]+(?:(?:Facebook|Twitter|official|latest|new)[ \u00a0]+)?"
    r"(?:website|statement|post|page|account|tweet|letter|report|memo|blog|release|editorial)"
)
# "his brother", "its senior vice president": someone defined by another, not by a role alone.
_OWNER_DET_RE = re.compile(r"(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[A-Z][\w.\-]*['’]s)\s")
_NAMED_REACH = 1500  # characters back a pronoun may reach for a name outside any subject
_INDEFINITE = frozenset({"a", "an", "one", "another", "some", "several", "two", "three", "many"})
# People who speak for someone else: "the spokesman" is never the person he speaks for.
_PROXY_HEADS = frozenset("spokesman spokeswoman spokesperson adviser advisor strategist".split())
_FEMALE_TITLES = frozenset("mrs mrs. ms ms. miss madam lady dame queen princess".split())
_MALE_TITLES = frozenset("mr mr. sir lord king prince".split())


@dataclass(slots=True)
class Entity:
    name: str
    is_org: bool
    person_like: bool
    gender: str | None = None  # "m" | "f"
    roles: list[str] = field(default_factory=list)
    role_words: set[str] = field(default_factory=set)
    mentions: list[str] = field(default_factory=list)

    def add_role(self, role: str | None) -> None:
        if role and role not in self.roles:
            self.roles.append(role)
            self.role_words |= content_words(role)


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

    def fullest(self, name: str, pos: int, gender: str | None = None) -> str:
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


# Last words of capitalised runs that name places, buildings, events or publications, and
# capitalised group nouns ("Wisconsin Republican", "New Yorkers"): no person's name.
_NOT_PERSON_LAST = frozenset(
    """star street avenue road square park hill tower towers island islands river county city
    beach valley bay lake mountain mountains airport station stadium arena hall building plaza
    bridge day eve week hampshire jersey york mexico zealand carolina dakota virginia orleans
    republican republicans democrat democrats independent independents conservative
    conservatives liberal liberals american americans act amendment war""".split()
)
_NOT_PERSON_FIRST = frozenset("new north south east west los las san santa saint st. the".split())
_GROUP_NOUN_RE = re.compile(r"[A-Z]\w+(?:ians|icans|ites)$")


@functools.lru_cache(maxsize=8192)
def looks_like_person(name: str) -> bool:
    """Whether a multi-word capitalised name could be a person's: not a place ("New Hampshire",
    "Fifth Avenue"), a publication ("Philippine Star"), a group ("New Yorkers") or a party
    member named by state ("the Wisconsin Republican")."""
    words = name.split()
    if words[0].lower() in _NOT_PERSON_FIRST or words[-1].lower() in _NOT_PERSON_LAST:
        return False
    if first_name_gender(name) is None and any(w in PLACES for w in words[:-1]):
        return False  # "Florida Republican", "Texas Monthly"; a surname may be a place
    last = words[-1].lower()
    if len(last) >= 8 and last.endswith("s") and last[:-1] in ROLE_NOUNS:
        # "Rural Advisers", "Young Veterans": a group named by its members (short plurals
        # are often surnames: "Cooks", "Wolfs")
        return first_name_gender(name) is not None
    return not _GROUP_NOUN_RE.fullmatch(words[-1])


_GENDER_PRONOUN_RE = re.compile(r"(?<![\w’'-])(?:[Hh]e|[Ss]he)(?![\w’'-])")
_SKIP_BEFORE_SUBJECT = frozenset(" \t\n\u00a0“”\"¤,.")
# A single capitalised word after these is a place ("in Iowa", "from Tehran"), not a person.
_PLACE_BEFORE_RE = re.compile(r"\b(?:in|from|across|throughout|near|to)\s+(?:the\s+)?$")


class Resolver:
    """Resolves mentions in text order, remembering who was mentioned and who spoke."""

    def __init__(self, masked: str, ends: list[int] | None = None) -> None:
        self.registry = Registry(masked)
        self.entities: dict[str, Entity] = {}
        self.history: list[Entity] = []  # persons and bodies, in order of mention
        self.history_pos: list[int] = []  # where each history entry was mentioned
        self.speakers: list[Entity] = []  # who was attributed speech, in order
        self.ends = ends if ends is not None else []  # sentence ends, ascending
        self._named_pos = -1
        self._occ_roles: dict[int, list[str]] = {}

    def _sentence(self, pos: int) -> int:
        return bisect.bisect_right(self.ends, pos)

    def entity(self, name: str) -> Entity:
        ent = self.entities.get(name)
        if ent is None:
            org = is_org_name(name)
            titles = self.registry.titles.get(name, [])
            single = " " not in name
            person = (
                not org
                and (
                    not single
                    or bool(titles)
                    or (
                        len(self.registry.positions.get(name, ())) >= 2
                        and name not in self.registry.places
                    )
                )
                and (single or bool(titles) or looks_like_person(name))
            )
            ent = Entity(name, org, person, None if single else first_name_gender(name))
            for t in titles:
                ent.add_role(t)
                low = t.lower().split()[0]
                if low in _FEMALE_TITLES:
                    ent.gender = "f"
                elif low in _MALE_TITLES:
                    ent.gender = "m"
            self.entities[name] = ent
        return ent

    def resolve(self, m: Mention, *, speaking: bool) -> Entity | None:
        ent: Entity | None
        if m.kind == "name" and m.name:
            shared = " " not in m.name and len(self.registry.by_token.get(m.name, ())) > 2
            hint = self._gender_after(m.end) if shared else None  # one of two Vargas
            full = self.registry.fullest(m.name, m.start, hint)
            if (
                full == m.name
                and " " not in full
                and not is_org_name(full)
                and self.registry.is_common_word(full)
            ):
                return None
            if " " not in full and is_org_name(full):  # "Ministry of Canals said"
                full = full_org_name(self.registry.masked, m.start, m.end, full)
            ent = self.entity(full)
            ent.add_role(m.role)
            for title in self.registry.titles.get(m.name, ()):
                ent.add_role(title)
            self._note_gender(ent, m)
            if speaking and not ent.is_org and ent.name not in self.registry.places:
                ent.person_like = True  # a single name that speaks is a person ("Bob said")
        elif m.kind == "pronoun":
            ent = self._pronoun(m.text.lower(), m.start)
            self.learn_gender(ent, m.text)
        else:
            ent = self._description(m)
        if ent is not None:
            self.history.append(ent)
            self.history_pos.append(m.start)
            if speaking:
                self.speakers.append(ent)
                text = m.text.lower() if m.kind == "pronoun" else m.text
                if text not in ent.mentions:
                    ent.mentions.append(text)
        return ent

    def _gender_after(self, pos: int) -> str | None:
        """The gender of the first "he"/"she" after a surname in its sentence (or opening the
        next one), with no other name between: "Varga drew up rules that she said ..." is
        the Varga who is a woman."""
        masked = self.registry.masked
        k = self._sentence(pos)
        hi = self.ends[k + 1] if k + 1 < len(self.ends) else len(masked)
        pm = _GENDER_PRONOUN_RE.search(masked, pos, min(hi, pos + 300))
        if pm is None:
            return None
        if k < len(self.ends) and pm.start() > self.ends[k]:
            nxt = self.ends[k]
            while nxt < pm.start() and masked[nxt] in _SKIP_BEFORE_SUBJECT:
                nxt += 1
            if nxt != pm.start():
                return None  # in the next sentence, only its opening subject counts
        occ = self.registry.occurrences
        j = bisect.bisect_left(occ, (pos,))
        while j < len(occ) and occ[j][0] < pm.start():
            if occ[j][2] not in self.registry.places:
                return None  # "Ng attacked Ode, saying he ...": another name is nearer
            j += 1
        return "f" if pm.group().lower() == "she" else "m"

    def learn_gender(self, ent: Entity | None, pronoun: str) -> None:
        if (
            ent is not None
            and ent.person_like
            and ent.gender is None
            and pronoun.lower() in ("he", "she")
        ):
            ent.gender = "m" if pronoun.lower() == "he" else "f"

    def _note_gender(self, ent: Entity, m: Mention) -> None:
        if m.role:
            first = m.role.lower().split()[0]
            if first in _FEMALE_TITLES:
                ent.gender = "f"
            elif first in _MALE_TITLES:
                ent.gender = "m"
        if (
            not ent.person_like
            and not ent.is_org
            and (m.role or (len(ent.name.split()) >= 2 and looks_like_person(ent.name)))
        ):
            ent.person_like = True

    def _pronoun(self, pronoun: str, pos: int) -> Entity | None:
        if pronoun in ("i", "we"):
            return None
        if pronoun in ("they", "it"):  # a body just named: "The Post reported ... It added"
            for ent in reversed(self.history[-3:]):
                if ent.is_org:
                    return ent
            return None
        want = "m" if pronoun == "he" else "f"
        found, found_pos = None, -1
        skipped = False  # passed over a more recent person of the other gender
        n = len(self.history)
        for k in range(n - 1, max(n - 12, 0) - 1, -1):
            ent = self.history[k]
            if ent.person_like and ent.gender in (None, want):
                found, found_pos = ent, self.history_pos[k]
                break
            skipped = skipped or ent.person_like
        if found is None:
            return self._named_before(pos, want)
        if skipped and self.ends and self._sentence(found_pos) < self._sentence(pos) - 1:
            # The latest subject is of the other gender: a person of this one named later than
            # the last compatible subject, outside any subject, is nearer ("To professor Jane
            # Roe, Smith's plan seemed odd. ... she said").
            named = self._named_before(pos, want, after=found_pos, strict=True)
            if (
                named is not None
                and named is not found
                and self._sentence(self._named_pos) > self._sentence(found_pos)
                and self._sentence(self._named_pos) < self._sentence(pos)
            ):
                return named
        return found

    def _possessive(self, name: str, pos: int) -> bool:
        """Whether the name written at pos is a possessive ("Bill Clinton's years")."""
        last = name.rsplit(maxsplit=1)[-1]
        end = self.registry.masked.find(last, pos, pos + 80)
        return end >= 0 and self.registry.masked[end + len(last) : end + len(last) + 2] in (
            "'s",
            "’s",
        )

    def _role_before(self, pos: int) -> bool:
        """A role noun right before a name ("professor Jane Roe", "developer Al Ng")."""
        pre = self.registry.masked[max(0, pos - 24) : pos].split()
        return bool(pre) and pre[-1].lower() in ROLE_NOUNS

    def _named_before(
        self, pos: int, want: str | None, after: int = -1, strict: bool = False
    ) -> Entity | None:
        """Fallback for a pronoun with no subject to go to: the last full personal name written
        before it anywhere ("... came from student Deja Stewart, who ... \"Savage,\" she said").

        strict: only names that look like a person's (see looks_like_person), written after
        `after`; the position of the name found is left in self._named_pos."""
        best_pos, best = max(after, -1), None
        for name, positions in self.registry.positions.items():
            if " " not in name or is_org_name(name):
                continue
            k = bisect.bisect_left(positions, pos) - 1
            if k >= 0 and positions[k] > best_pos and pos - positions[k] < _NAMED_REACH:
                if not looks_like_person(name):
                    continue  # "New Yorkers", "Fifth Avenue": never what "he" or "she" means
                if strict and self._possessive(name, positions[k]):
                    continue
                known = self.entities.get(name)
                if strict and known is not None and not known.person_like:
                    continue
                gender = known.gender if known is not None else first_name_gender(name)
                if strict and gender != want and not self._role_before(positions[k]):
                    continue  # no sign that this is a person of that gender
                if want is None or gender in (None, want):
                    best_pos, best = positions[k], name
        self._named_pos = best_pos
        return self.entity(self.registry.fullest(best, best_pos)) if best else None

    def _occurrence_roles(self, k: int) -> list[str]:
        roles = self._occ_roles.get(k)
        if roles is None:
            start, end, _name, title = self.registry.occurrences[k]
            roles = roles_at(self.registry.masked, start, end, title)
            self._occ_roles[k] = roles
        return roles

    def _by_role(self, m: Mention, head: str) -> Entity | None:
        """The person whose roles best fit a description, the latest mentioned on a tie: roles
        they were given where the article names them, or where they were resolved before."""
        key = description_key(m.text, head)
        if key is None or _OWNER_DET_RE.match(m.text):
            return None
        cands: dict[str, tuple[int, list[str]]] = {}
        occ = self.registry.occurrences
        k = 0
        while k < len(occ) and occ[k][0] < m.start:
            roles = self._occurrence_roles(k)
            if roles:
                start, _end, name, _title = occ[k]
                full = self.registry.fullest(name, start)
                if " " not in name:  # "Fiorina, a chief executive": the Fiorina already met
                    full = next(
                        (
                            e.name
                            for e in reversed(self.history[-200:])
                            if e.person_like and e.name.rsplit(maxsplit=1)[-1] == name
                        ),
                        full,
                    )
                known = cands.get(full)
                cands[full] = (start, (known[1] if known else []) + roles)
            k += 1
        for ent, pos in zip(self.history[-200:], self.history_pos[-200:], strict=True):
            if ent.roles and ent.person_like:
                known = cands.get(ent.name)
                cands[ent.name] = (
                    max(pos, known[0]) if known else pos,
                    (known[1] if known else []) + ent.roles,
                )
        best, best_rank, best_roles = None, None, []
        for name, (pos, roles) in cands.items():
            s = score(key, roles)
            if s is None or (best_rank is not None and (s, pos) <= best_rank):
                continue
            ent = self.entity(name)
            if (
                ent.is_org
                or name in PLACES
                or not (
                    ent.person_like
                    or self.registry.titles.get(name)
                    or (" " in name and looks_like_person(name))
                )
            ):
                continue
            best, best_rank, best_roles = ent, (s, pos), roles
        if best is not None and weak(key, best_roles):
            # Only the role fits, not the party or place ("the Maine senator" for a senator
            # not known to be from Maine): the person just named, or the latest speaker, if
            # nothing rules them out.
            recent = self._named_just_before(m, key, best)
            if recent is not None:
                recent.person_like = True
                return recent
            for ent in reversed(self.speakers[-50:]):
                if ent.person_like:
                    if not ent.roles or score(key, ent.roles) is not None:
                        best = ent
                    break
        if best is not None:
            best.person_like = True
        return best

    def _named_just_before(
        self, m: Mention, key: tuple[frozenset[str], frozenset[str]], fits: Entity | None = None
    ) -> Entity | None:
        """The person a description with a place means when no one is known by that place:
        "Ng has not said whether he will quit. The Maine senator wrote ..." means Ng even
        when no one called Ng a senator. In order: fits (the person whose role fits) if named
        in the description's sentence or the one before; the named subject of the sentence
        before; the person named last in those two sentences. Each only if nothing in their
        roles rules them out."""
        if not names_place(key):
            return None  # a party alone ("the Republican") is too often left unsaid to rely on
        sent = self._sentence(m.start)
        lo = self.ends[sent - 2] if sent >= 2 else 0
        cands: list[tuple[Entity, list[str]]] = []
        occ = self.registry.occurrences
        masked = self.registry.masked
        k = bisect.bisect_left(occ, (m.start,)) - 1
        while k >= 0 and occ[k][0] >= lo:
            start, end, name, _title = occ[k]
            roles = self._occurrence_roles(k)
            k -= 1
            if body_after(masked, end) is not None or name in self.registry.places:
                continue  # "the Ng campaign", "in Maine"
            ent = self._person_named(name, start)
            if ent is fits and ent is not None:
                return ent
            if ent is not None:
                cands.append((ent, roles))
        if sent >= 1:
            subj = sentence_subject(masked, lo, self.ends[sent - 1])
            if subj is not None and subj.kind == "name" and subj.name:
                ent = self._person_named(subj.name, subj.start)
                for cand, roles in cands:
                    if cand is ent and compatible(key, ent.roles + roles):
                        return ent
        for cand, roles in cands:
            if compatible(key, cand.roles + roles):
                return cand
        return None

    def _person_named(self, name: str, pos: int) -> Entity | None:
        """The entity of a name written at pos, if it can be a person."""
        full = self.registry.fullest(name, pos)
        ent = self.entities.get(full)
        multi = " " in full
        if multi and (is_org_name(full) or not looks_like_person(full)):
            return None
        if ent is None:
            return self.entity(full) if multi else None
        return ent if ent.person_like and not ent.is_org else None

    def _org_of_kind(self, kind: str, pos: int) -> Entity | None:
        """The most recent body named before pos that is of the kind a generic description
        means ("the company" -> "Acme Corp", "the campaign" -> "Clinton campaign"), or None."""
        masked = self.registry.masked
        occ = self.registry.occurrences
        best, best_pos, best_end = None, -1, -1
        k = bisect.bisect_left(occ, (pos,)) - 1
        while k >= 0 and occ[k][0] > pos - ORG_REACH:
            start, end, name, title = occ[k]
            k -= 1
            body = body_after(masked, end)
            if body is not None:  # "the Clinton campaign"
                if body == kind or body in ORG_HEADS[kind]:
                    best, best_pos, best_end = f"{name} {body}", start, end + len(body) + 1
                    break
                continue
            if title:  # "Federal Reserve"; a person's title fails fits ("Sen. Bank")
                name = f"{title} {name}"
            full = full_org_name(masked, start, end, name)
            known = self.entities.get(full)
            if fits(full, kind) and (known is None or not known.person_like):
                best, best_pos, best_end = full, start, end
                break
        n = len(self.history)
        for j in range(n - 1, max(n - 50, 0) - 1, -1):
            hpos = self.history_pos[j]
            if hpos <= best_pos:
                break
            ent = self.history[j]
            if (  # a body only ever described ("his campaign" -> "Sanders campaign")
                hpos < pos
                and ent.is_org
                and ent.name not in self.registry.positions
                and fits(ent.name, kind)
            ):
                best, best_end = ent.name, hpos + len(ent.name)
                break
        if best is None or other_body_between(masked, best_end, pos, kind):
            return None  # no body of that kind named: unnamed, never guessed
        ent = self.entity(best)
        ent.is_org, ent.person_like = True, False
        return ent

    def _description(self, m: Mention) -> Entity | None:
        head = (m.head or "").lower()
        body = _NAMED_BODY_RE.fullmatch(m.text)
        if body:
            return self.entity(f"{' '.join(body.group(1).split())} {body.group(2)}")
        owned = _PRONOUN_BODY_RE.fullmatch(m.text)
        if owned:
            person = self._pronoun("he" if owned.group(1).lower() == "his" else "she", m.start)
            if person is None or person.is_org:
                return None
            return self.entity(f"{person.name.split()[-1]} {owned.group(2)}")
        doc = _OWNED_DOC_RE.fullmatch(m.text)
        if doc:  # "the Heritage Foundation website notes": whoever publishes it speaks
            return self.entity(self.registry.fullest(" ".join(doc.group(1).split()), m.start))
        owner = _OWNED_BODY_RE.fullmatch(m.text)
        if owner:  # "Ryan's office said": a named person's own office speaks for them
            return self.entity(self.registry.fullest(owner.group(1), m.start))
        kind = org_head(m.text)
        if kind is not None:  # "the ministry said": the latest ministry the article named
            return self._org_of_kind(kind, m.start)
        if not head or head not in ROLE_NOUNS:
            return None  # "the report", "officials", "a source": unnamed, never guessed
        if m.text.split(maxsplit=1)[0].lower() in _INDEFINITE:
            return None  # "a senior strategist", "one aide": someone new and unnamed
        found = self._by_role(m, head)
        if found is not None:
            return found
        if head in _PROXY_HEADS:
            return None  # an unnamed spokesman: not whoever spoke last
        key = description_key(m.text, head)
        if key is not None and not _OWNER_DET_RE.match(m.text):
            found = self._named_just_before(m, key)  # "the Maine senator": nobody's a senator
            if found is not None:
                found.person_like = True
                return found
        for ent in reversed(self.speakers[-50:]):
            if ent.person_like:
                return ent
        for ent in reversed(self.history[-12:]):
            if ent.person_like:
                return ent  # nobody has spoken yet: the person the article is talking about
        return self._named_before(m.start, None)

"""Resolving descriptions: "the former president" to the person whose roles fit it, "the ministry"
to the latest ministry the article named, "the Clinton campaign" and "Ryan's office" to the body
they name. A description that fits no one stays unresolved: an unnamed source is never guessed.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from tui.extract.speakers.entity import Entity
from tui.extract.speakers.mention import Mention
from tui.extract.speakers.names import (
    DEMONYMS,
    PARTIES,
    PARTY_MEMBERS,
    ROLE_NOUNS,
    is_org_name,
    looks_like_person,
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
from tui.extract.speakers.role_holders import salient_subject, unnamed_since
from tui.extract.speakers.roles import compatible, description_key, names_place, score, weak
from tui.extract.speakers.sentence_subjects import sentence_subject
from tui.extract.vocabulary import word_set

if TYPE_CHECKING:
    from tui.extract.speakers.resolution import Resolver

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
_INDEFINITE = frozenset({"a", "an", "one", "another", "some", "several", "two", "three", "many"})
# People who speak for someone else: "the spokesman" is never the person he speaks for.
_PROXY_HEADS = word_set("proxy_role_nouns")


# Heads of a definite description that refers back to a person just introduced rather than
# naming an office ("the 34-year-old", "the mother of two"), with the gender they give.
_ANAPHORIC_HEADS = {
    "mother": "f", "father": "m", "woman": "f", "man": "m", "wife": "f", "husband": "m",
    "daughter": "f", "son": "m", "girl": "f", "boy": "m", "grandmother": "f",
    "grandfather": "m", "widow": "f", "widower": "m", "teen": "-", "teenager": "-",
    "retiree": "-", "youngster": "-",
}
_AGE_RE = re.compile(r"\b\d{1,3}-year-old\b")


def _person_just_before(r: Resolver, m: Mention, gender: str) -> Entity | None:
    """The latest named person, of a fitting gender, mentioned in the description's sentence
    or the two before it; None when there is none that close."""
    here = r.sentence_of(m.start)
    for ent, pos in zip(reversed(r.history), reversed(r.history_pos), strict=True):
        if here - r.sentence_of(pos) > 2:
            return None
        if ent.person_like and ent.named and (gender == "-" or ent.gender in (None, gender)):
            return ent
    return None


def _by_role(r: Resolver, m: Mention, head: str) -> Entity | None:
    """The person whose roles best fit a description, the latest mentioned on a tie: roles
    they were given where the article names them, or where they were resolved before."""
    key = description_key(m.text, head)
    if key is None or _OWNER_DET_RE.match(m.text):
        return None
    cands: dict[str, tuple[int, list[str]]] = {}
    occ = r.registry.occurrences
    k = 0
    while k < len(occ) and occ[k][0] < m.start:
        roles = r.occurrence_roles(k)
        if roles:
            start, _end, name, _title = occ[k]
            full = r.registry.fullest(name, start)
            if " " not in name:  # "Fiorina, a chief executive": the Fiorina already met
                full = next(
                    (
                        e.name
                        for e in reversed(r.history[-200:])
                        if e.person_like and e.name.rsplit(maxsplit=1)[-1] == name
                    ),
                    full,
                )
            known = cands.get(full)
            cands[full] = (start, (known[1] if known else []) + roles)
        k += 1
    for ent, pos in zip(r.history[-200:], r.history_pos[-200:], strict=True):
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
        ent = r.entity(name)
        if (
            ent.is_org
            or name in PLACES
            or not (
                ent.person_like
                or r.registry.titles.get(name)
                or (" " in name and looks_like_person(name))
            )
        ):
            continue
        best, best_rank, best_roles = ent, (s, pos), roles
    if best is not None and weak(key, best_roles):
        # Only the role fits, not the party or place ("the Maine senator" for a senator
        # not known to be from Maine): the person just named, or the latest speaker, if
        # nothing rules them out.
        recent = _named_just_before(r, m, key, best)
        if recent is not None:
            recent.person_like = True
            return recent
        for ent in reversed(r.speakers[-50:]):
            if ent.person_like:
                if not ent.roles or score(key, ent.roles) is not None:
                    best = ent
                break
    if best is not None:
        best.person_like = True
    return best


def _named_just_before(
    r: Resolver,
    m: Mention,
    key: tuple[frozenset[str], frozenset[str]],
    best_fit: Entity | None = None,
) -> Entity | None:
    """The person a description with a place means when no one is known by that place:
    "Ng has not said whether he will quit. The Maine senator wrote ..." means Ng even
    when no one called Ng a senator. In order: best_fit (the person whose role fits) if named
    in the description's sentence or the one before; the named subject of the sentence
    before; the person named last in those two sentences. Each only if nothing in their
    roles rules them out."""
    if not names_place(key) and not _team_words(m.text):
        return None  # a party alone ("the Republican") is too often left unsaid to rely on
    sent = r.sentence_of(m.start)
    lo = r.ends[sent - 2] if sent >= 2 else 0
    cands: list[tuple[Entity, list[str]]] = []
    occ = r.registry.occurrences
    masked = r.registry.masked
    k = bisect.bisect_left(occ, (m.start,)) - 1
    while k >= 0 and occ[k][0] >= lo:
        start, end, name, _title = occ[k]
        roles = r.occurrence_roles(k)
        k -= 1
        if body_after(masked, end) is not None or name in r.registry.places:
            continue  # "the Ng campaign", "in Maine"
        ent = _person_named(r, name, start)
        if ent is best_fit and ent is not None:
            return ent
        if ent is not None:
            cands.append((ent, roles))
    if sent >= 1:
        subj = sentence_subject(masked, lo, r.ends[sent - 1])
        if subj is not None and subj.kind == "name" and subj.name:
            ent = _person_named(r, subj.name, subj.start)
            for cand, roles in cands:
                if cand is ent and compatible(key, ent.roles + roles):
                    return ent
    for cand, roles in cands:
        if compatible(key, cand.roles + roles):
            return cand
    return None


_OWNS_RE = re.compile(r"['’]")  # "the campaign's statement": its owner speaks, not an author
_DOC_NOUNS = frozenset({"statement", "email", "e-mail", "release", "letter"})
_IN_DOC_RE = re.compile(
    r"\b(?:in|by)[ \u00a0]+(?:an?|her|his)[ \u00a0]+(?:[a-z\-]+[ \u00a0]+){0,2}?"
    r"(statement|email|e-mail|release|letter)\b"
)


def _author(r: Resolver, m: Mention, head: str) -> Entity | None:
    """Who issued "the statement": the named subject of the sentence, this one or one of
    the two before, that said it came in such a statement ("Ng disputed that in a statement
    Monday."); None when no sentence says so."""
    sent = r.sentence_of(m.start)
    masked = r.registry.masked
    for k in range(sent, max(sent - 3, -1), -1):
        lo = r.ends[k - 1] if k >= 1 else 0
        hi = min(r.ends[k] if k < len(r.ends) else len(masked), m.start)
        hits = [h for h in _IN_DOC_RE.finditer(masked, lo, hi) if h.group(1) == head]
        if not hits:
            continue
        subj = sentence_subject(masked, lo, hi)
        if subj is None or subj.kind != "name" or not subj.name:
            return None
        full = r.registry.fullest(subj.name, subj.start)
        if is_org_name(full):  # "The White House said in a statement ..."
            return r.entity(full)
        return _person_named(r, subj.name, subj.start)
    return None


def _team_words(desc: str) -> bool:
    """Whether a description names the team or body its holder belongs to: capitalised
    words, neither a party nor a role, ending in a plural or an acronym ("the Maple Leafs
    winger", "the Canadiens captain", "the CBC host"); a singular name is more often a
    person's ("the Lincoln actor", for a Lincoln impersonator)."""
    words = desc.split()[1:-1]
    return (
        bool(words)
        and all(
            w[:1].isupper() and w.lower() not in PARTIES and w.lower() not in ROLE_NOUNS
            for w in words
        )
        and ((words[-1].endswith("s") and words[-1][-2:-1] not in "'’") or words[-1].isupper())
    )


def _person_named(r: Resolver, name: str, pos: int) -> Entity | None:
    """The entity of a name written at pos, if it can be a person."""
    full = r.registry.fullest(name, pos)
    ent = r.entities.get(full)
    multi = " " in full
    if multi and (is_org_name(full) or not looks_like_person(full)):
        return None
    if ent is None:
        return r.entity(full) if multi else None
    return ent if ent.person_like and not ent.is_org else None


def _org_of_kind(r: Resolver, kind: str, pos: int) -> Entity | None:
    """The most recent body named before pos that is of the kind a generic description
    means ("the company" -> "Acme Corp", "the campaign" -> "Clinton campaign"), or None."""
    masked = r.registry.masked
    occ = r.registry.occurrences
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
        known = r.entities.get(full)
        if fits(full, kind) and (known is None or not known.person_like):
            best, best_pos, best_end = full, start, end
            break
    n = len(r.history)
    for j in range(n - 1, max(n - 50, 0) - 1, -1):
        hpos = r.history_pos[j]
        if hpos <= best_pos:
            break
        ent = r.history[j]
        if (  # a body only ever described ("his campaign" -> "Sanders campaign")
            hpos < pos
            and ent.is_org
            and ent.name not in r.registry.positions
            and fits(ent.name, kind)
        ):
            best, best_end = ent.name, hpos + len(ent.name)
            break
    if best is None or other_body_between(masked, best_end, pos, kind):
        return None  # no body of that kind named: unnamed, never guessed
    ent = r.entity(best)
    ent.is_org, ent.person_like = True, False
    return ent


def resolve_description(r: Resolver, m: Mention) -> Entity | None:
    """Who a description (kind "desc") means, or None when it names no one known."""
    head = (m.head or "").lower()
    body = _NAMED_BODY_RE.fullmatch(m.text)
    if body:
        return r.entity(f"{' '.join(body.group(1).split())} {body.group(2)}")
    owned = _PRONOUN_BODY_RE.fullmatch(m.text)
    if owned:
        person = r.pronoun("he" if owned.group(1).lower() == "his" else "she", m.start)
        if person is None or person.is_org:
            return None
        return r.entity(f"{person.name.split()[-1]} {owned.group(2)}")
    doc = _OWNED_DOC_RE.fullmatch(m.text)
    if doc:  # "the Heritage Foundation website notes": whoever publishes it speaks
        return r.entity(r.registry.fullest(" ".join(doc.group(1).split()), m.start))
    if m.text.lower().split()[:1] == ["the"] and head in _DOC_NOUNS and not _OWNS_RE.search(m.text):
        return _author(r, m, head)  # "Ng said in a statement. ... the statement said"
    owner = _OWNED_BODY_RE.fullmatch(m.text)
    if owner:  # "Ryan's office said": a named person's own office speaks for them
        return r.entity(r.registry.fullest(owner.group(1), m.start))
    kind = org_head(m.text)
    if kind is not None:  # "the ministry said": the latest ministry the article named
        return _org_of_kind(r, kind, m.start)
    words = m.text.lower().split()
    noun = words[words.index("of", 2) - 1] if "of" in words[2:] else head  # "the father of 3"
    if words and words[0] == "the" and head in DEMONYMS:  # "the Canadian said"
        return _only_name_near(r, m)
    if words and words[0] == "the" and (noun in _ANAPHORIC_HEADS or _AGE_RE.search(m.text)):
        # "said the 34-year-old mother of two": the person just introduced
        return _person_just_before(r, m, _ANAPHORIC_HEADS.get(noun, "-"))
    if not head or (head not in ROLE_NOUNS and head not in PARTY_MEMBERS):
        return None  # "the report", "officials", "a source": unnamed, never guessed
    if m.text.split(maxsplit=1)[0].lower() in _INDEFINITE:
        return None  # "a senior strategist", "one aide": someone new and unnamed
    found = _by_role(r, m, head)
    if found is not None and unnamed_since(r, m, head, found):
        return None  # "One longtime MP ... said. ... the MP said": that MP, not a named one
    if found is not None:
        return salient_subject(r, m, found) or found
    if head in _PROXY_HEADS:
        return None  # an unnamed spokesman: not whoever spoke last
    key = description_key(m.text, head)
    if key is not None and not _OWNER_DET_RE.match(m.text):
        if head in PARTY_MEMBERS:  # "the Maine Republican": the party must not contradict
            key = (frozenset(), key[0] | key[1])
        found = _named_just_before(r, m, key)  # "the Maine senator": nobody's a senator
        if found is not None:
            found.person_like = True
            return found
        if head in PARTY_MEMBERS:
            return _only_person_before(r, m, key)
    return None  # a role nobody in the article holds: unnamed, kept as described


# A place's province or state after it: "Mississauga, Ont.,", "Bend, Oregon,".
_PLACE_AFTER_RE = re.compile(r",[ \u00a0]+[A-Z][\w]*\.?(?:[ \u00a0]+[A-Z][\w]*\.?)?,")

_PLACE_BEFORE_RE = re.compile(r"[A-Z][\w.]*,[ \u00a0]+$")


def _only_name_near(r: Resolver, m: Mention) -> Entity | None:
    """The person a demonym means ("Milos Raonic won in three sets. “...,” the Canadian said"):
    the only person named or referred to in the description's sentence and the two before it
    (a pronoun resolved to them keeps them in view); None when
    another is named there too ("Andreescu beat Serena Williams. “...,” the American said" may
    mean either)."""
    sent = r.sentence_of(m.start)
    lo = r.ends[sent - 3] if sent >= 3 else 0
    occ = r.registry.occurrences
    found: Entity | None = None
    k = bisect.bisect_left(occ, (m.start,)) - 1
    while k >= 0 and occ[k][0] >= lo:
        start, end, name, _title = occ[k]
        k -= 1
        if name in r.registry.places or name in PLACES or is_org_name(name):
            continue
        ent = _person_named(r, name, start)
        if ent is None:
            masked = r.registry.masked
            if (
                " " in name
                or _PLACE_AFTER_RE.match(masked, end)
                or (
                    masked[end : end + 2].startswith((",", ".,"))
                    and _PLACE_BEFORE_RE.search(masked, max(0, start - 40), start)
                )
            ):
                continue  # "Mississauga, Ont.,": a place
            return None  # "Andreescu beat Serena Williams": a surname not yet known
        if found is not None and ent is not found:
            return None
        found = ent
    for ent, pos in zip(reversed(r.history), reversed(r.history_pos), strict=True):
        if pos < lo:
            break
        if pos < m.start and ent.person_like and ent.named and not ent.is_org:
            if found is not None and ent is not found:
                return None  # "he said" of someone else just before
            found = ent
    if found is not None:
        found.person_like = True
    return found


def _only_person_before(
    r: Resolver, m: Mention, key: tuple[frozenset[str], frozenset[str]]
) -> Entity | None:
    """The one person named before a party description ("Presidential candidate Ben Carson ...
    the Republican said") when nothing they were called rules them out; None when two or more
    could be meant."""
    found: Entity | None = None
    roles: list[str] = []
    occ = r.registry.occurrences
    for k in range(bisect.bisect_left(occ, (m.start,))):
        start, _end, name, _title = occ[k]
        if name in r.registry.places:
            continue
        ent = _person_named(r, name, start)
        if ent is None:
            continue
        if found is not None and ent is not found:
            return None
        found = ent
        roles += r.occurrence_roles(k)
    for ent, pos in zip(r.history[-200:], r.history_pos[-200:], strict=True):
        if pos < m.start and ent.person_like and ent.named and not ent.is_org:
            if found is not None and ent is not found:
                return None
            found = ent
    if found is None or not compatible(key, found.roles + roles):
        return None
    found.person_like = True
    return found

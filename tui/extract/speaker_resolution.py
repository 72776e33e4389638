"""Turning mentions ("Ahmad", "he", "the Pakistani envoy") into the people and bodies they refer to.

Mentions are resolved in text order: a pronoun goes to the most recent compatible person, a
description to the most recent person whose title or appositive shares its words (or, for a bare role
noun such as "the minister", the most recent speaker), and a short name to the fullest form of that
name in the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.extract.speaker_names import (
    NAME_RUN_RE,
    ROLE_NOUNS,
    STOP_CAPS,
    Mention,
    content_words,
    is_org_name,
    split_title,
)

_ROLE_ALIASES = {
    "envoy": {"ambassador", "envoy", "diplomat"},
    "ambassador": {"ambassador", "envoy"},
    "diplomat": {"ambassador", "envoy", "diplomat"},
    "senator": {"senator", "sen"},
    "congressman": {"rep", "representative", "congressman"},
    "congresswoman": {"rep", "representative", "congresswoman"},
    "lawmaker": {"rep", "sen", "senator", "representative", "congressman", "congresswoman"},
    "governor": {"gov", "governor"},
    "general": {"gen", "general"},
    "mayor": {"mayor"},
    "minister": {"minister"},
}
_GENERIC_DESC_WORDS = frozenset("former new top senior current longtime then".split())
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


class Registry:
    """Every capitalised name in the article (outside quotations), to find a name's fullest form."""

    def __init__(self, masked: str) -> None:
        self.positions: dict[str, list[int]] = {}
        self.by_token: dict[str, set[str]] = {}
        self.titles: dict[str, list[str]] = {}
        for m in NAME_RUN_RE.finditer(masked):
            title, name = split_title(m.group())
            if name is None or len(name) < 2:
                continue
            self.positions.setdefault(name, []).append(m.start())
            for tok in name.split():
                if tok.lower() not in STOP_CAPS:
                    self.by_token.setdefault(tok, set()).add(name)
            if title:
                self.titles.setdefault(name, []).append(title)

    def fullest(self, name: str, pos: int) -> str:
        """The fullest registered name containing all of name's tokens, nearest before pos."""
        tokens = name.split()
        sets = [self.by_token.get(t) for t in tokens]
        if not tokens or any(s is None for s in sets):
            return name
        cands = set.intersection(*[s for s in sets if s is not None])
        org = is_org_name(name)
        cands = {c for c in cands if is_org_name(c) == org or c == name}
        if not cands:
            return name
        last = tokens[-1]

        def rank(c: str) -> tuple[int, int, int, int]:
            ps = self.positions.get(c, [])
            before = [p for p in ps if p <= pos]
            recency = max(before) if before else -(min(ps) if ps else 0) - 10**9
            return (len(c.split()) >= 2, c.split()[-1] == last, recency, len(c))

        best = max(cands, key=rank)
        supers = [c for c in cands if set(best.split()) <= set(c.split()) and
                  c.split()[-1] == best.split()[-1]]
        return max(supers, key=lambda c: (len(c.split()), len(c)))


_MR_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+")


class Resolver:
    """Resolves mentions in text order, remembering who was mentioned and who spoke."""

    def __init__(self, masked: str) -> None:
        self.registry = Registry(masked)
        self.entities: dict[str, Entity] = {}
        self.history: list[Entity] = []  # persons and bodies, in order of mention
        self.speakers: list[Entity] = []  # who was attributed speech, in order

    def entity(self, name: str) -> Entity:
        ent = self.entities.get(name)
        if ent is None:
            org = is_org_name(name)
            titles = self.registry.titles.get(name, [])
            person = not org and (len(name.split()) >= 2 or bool(titles))
            ent = Entity(name, org, person)
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
            ent = self.entity(self.registry.fullest(m.name, m.start))
            ent.add_role(m.role)
            self._note_gender(ent, m)
        elif m.kind == "pronoun":
            ent = self._pronoun(m.text.lower())
            self.learn_gender(ent, m.text)
        else:
            ent = self._description(m)
        if ent is not None:
            self.history.append(ent)
            if speaking:
                self.speakers.append(ent)
                if m.text not in ent.mentions:
                    ent.mentions.append(m.text)
        return ent

    def learn_gender(self, ent: Entity | None, pronoun: str) -> None:
        if ent is not None and ent.person_like and ent.gender is None and \
                pronoun.lower() in ("he", "she"):
            ent.gender = "m" if pronoun.lower() == "he" else "f"

    def _note_gender(self, ent: Entity, m: Mention) -> None:
        if m.role:
            first = m.role.lower().split()[0]
            if first in _FEMALE_TITLES:
                ent.gender = "f"
            elif first in _MALE_TITLES:
                ent.gender = "m"
        if not ent.person_like and not ent.is_org and (m.role or len(ent.name.split()) >= 2):
            ent.person_like = True

    def _pronoun(self, pronoun: str) -> Entity | None:
        if pronoun == "they":
            for ent in reversed(self.history[-3:]):
                if ent.is_org:
                    return ent
            return None
        want = "m" if pronoun == "he" else "f"
        for ent in reversed(self.history[-12:]):
            if ent.person_like and ent.gender in (None, want):
                return ent
        return None

    def _description(self, m: Mention) -> Entity | None:
        head = (m.head or "").lower()
        if not head or head not in ROLE_NOUNS:
            return None  # "the report", "officials", "a source": unnamed, never guessed
        words = content_words(m.text) - _GENERIC_DESC_WORDS
        wanted = set()
        for w in words:
            wanted |= _ROLE_ALIASES.get(w, {w})
        for ent in reversed(self.history):
            if ent.person_like and ent.role_words & wanted:
                ent.add_role(None)
                return ent
        for ent in reversed(self.speakers):
            if ent.person_like:
                return ent
        return None

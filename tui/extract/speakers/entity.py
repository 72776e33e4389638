"""A person or body the article quotes or talks about, with every role and name it was given."""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.extract.speakers.genders import Gender
from tui.extract.speakers.names import content_words


@dataclass(slots=True)
class Entity:
    name: str
    is_org: bool
    person_like: bool
    gender: Gender | None = None
    roles: list[str] = field(default_factory=list)
    role_words: set[str] = field(default_factory=set)
    mentions: list[str] = field(default_factory=list)
    named: bool = True  # False for an unnamed source kept as described ("a senior official")
    members: tuple[str, ...] = ()  # the people of a pair speaking together ("Ng and Roy said")

    def add_role(self, role: str | None) -> None:
        if role and role not in self.roles:
            self.roles.append(role)
            self.role_words |= content_words(role)

"""A phrase in the reporter's text that names a speaker: a name, a pronoun or a description."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

MentionKind = Literal["name", "pronoun", "desc"]

# Pronouns that refer to a person (or people) a quotation may belong to.
PERSON_PRONOUNS = frozenset({"he", "she", "they", "He", "She", "They"})


@dataclass(slots=True)
class Mention:
    """A phrase naming a speaker, as written, with what it says about them."""

    start: int
    end: int
    text: str
    kind: MentionKind
    name: str | None = None  # the name without title, for kind "name"
    role: str | None = None
    head: str | None = None  # the head noun of a description
    np_start: int = -1  # where the whole noun phrase starts, when wider than the mention

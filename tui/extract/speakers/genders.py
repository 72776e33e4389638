"""Common English first names by usual gender, to send "he" and "she" to the right person.

Only a hint: a pronoun learnt from the article itself ("Smith said she ...") or a title (Mrs., Sir)
takes precedence, and names missing here are simply unknown. The names are vocabulary files
(first_names_female.txt, first_names_male.txt).
"""

from __future__ import annotations

from typing import Literal

from tui.extract.vocabulary import word_set

Gender = Literal["m", "f"]

FEMALE = word_set("first_names_female")
MALE = word_set("first_names_male")


def first_name_gender(name: str) -> Gender | None:
    """'m', 'f' or None from the first token of a full name."""
    first = name.split(maxsplit=1)[0].lower().strip(".,") if name else ""
    gender = _gender_of(first)
    if gender is None and "-" in first:
        half = first.split("-", 1)[0]  # "Jean-Yves", "Marie-Claude"
        gender = _COMPOUND_FIRST.get(half) or _gender_of(half)
    return gender


# The first half of a French compound first name: "Jean-Yves" is a man, "Marie-Claude" a woman.
_COMPOUND_FIRST: dict[str, Gender] = {"jean": "m", "marie": "f", "anne": "f"}


def _gender_of(first: str) -> Gender | None:
    if first in FEMALE and first not in MALE:
        return "f"
    if first in MALE and first not in FEMALE:
        return "m"
    return None

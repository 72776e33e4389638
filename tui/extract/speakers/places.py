"""Well-known place names, which are never the person a pronoun refers to.

A one-word capitalised subject ("Michigan was only doing what ...") is otherwise hard to tell from a
surname; the list (places.txt) covers the places news mentions most. Places can still speak as
bodies ("Russia said"), they are only kept out of "he"/"she" resolution.
"""

from __future__ import annotations

from tui.extract.vocabulary import word_set

PLACES = word_set("places")

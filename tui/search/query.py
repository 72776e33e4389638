"""A user's query as FTS5 sees it: words quoted, phrases kept together, never an error.

A query is a list of words, all required, matched with stemming ("peacekeeper" finds
"peacekeepers"; with `prefix=True` the last word also matches as a prefix, as one types).
Words in double quotes must stand together, and so must the pieces of "4.2" or "state-run".
Whatever the user types is quoted before it reaches FTS5, so no input raises: a query with
nothing searchable gives no hits.
"""

from __future__ import annotations

import re

MAX_TERMS = 16
"""Words of a query beyond this are ignored (a pasted paragraph stays fast)."""
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_QUERY_PART = re.compile(r'"([^"]*)"|([^"\s]+)')

Phrase = tuple[tuple[str, ...], bool]
"""A phrase of a query: its words, and whether the last one matches as a prefix."""


def build_match(query: str, *, prefix: bool = False) -> str | None:
    """The FTS5 MATCH expression for a user's query, or None when nothing is searchable.

    Words are quoted (FTS5 operators and punctuation lose their meaning); text in double
    quotes becomes a phrase; with `prefix`, the last bare word of three letters or more
    also matches as a prefix (for search as one types; it costs more on a large index).
    """
    return expression(parse_query(query, prefix=prefix))


def parse_query(query: str, *, prefix: bool = False) -> list[Phrase]:
    """The phrases of a query, as `build_match` puts them to FTS5."""
    phrases: list[Phrase] = []
    terms = 0
    last_bare = False
    for phrase, bare in _QUERY_PART.findall(query):
        words = _WORD.findall(phrase if phrase else bare)
        if not words:
            continue
        words = words[: MAX_TERMS - terms]
        terms += len(words)
        # "4.2", "U.N.", "state-run": the pieces of a bare word belong together too
        last_bare = not phrase and len(words) == 1
        phrases.append((tuple(words), False))
        if terms >= MAX_TERMS:
            break
    if not phrases:
        return []
    if prefix and last_bare and not query[-1:].isspace() and len(phrases[-1][0][0]) >= 3:
        phrases[-1] = (phrases[-1][0], True)
    return phrases


def expression(phrases: list[Phrase], joiner: str = " ") -> str | None:
    """The MATCH expression of `phrases`: all of them (joined by " "), or any of them
    (joined by " OR ")."""
    if not phrases:
        return None
    return joiner.join(
        '"' + " ".join(w.replace('"', '""') for w in words) + '"' + ("*" if last else "")
        for words, last in phrases
    )


__all__ = ["MAX_TERMS", "Phrase", "build_match", "expression", "parse_query"]

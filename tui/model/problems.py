"""Problems found in a user's files, each with the place a person must look."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tui.text.sanitize import inert_name


class ActionableError(Exception):
    """An error the user can act on, not a bug: its message is one line that says what went
    wrong and what to do. The command line prints it as it is, never as an internal error."""


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong in a file: where it is and what to do about it.

    Lines and columns are 1-based, as editors count them.
    """

    path: str
    line: int
    column: int
    where: str
    message: str

    def __str__(self) -> str:
        """The problem on one line, as editors and compilers print it; the file's name is
        shown inert (a name holding an escape sequence or a line break stays one line)."""
        path = inert_name(self.path)
        return f"{path}:{self.line}:{self.column}: {self.where}: {inert_name(self.message)}"


def nearest(word: str, choices: Iterable[str]) -> str | None:
    """The choice that looks most like `word`, if any looks like it at all."""
    import difflib  # only needed when something is wrong

    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """ " (did you mean 'x'?)" or "", for the end of a message."""
    match = nearest(word, choices)
    return f" (did you mean '{match}'?)" if match else ""

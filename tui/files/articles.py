"""Article files as the user gives them: which files, and their text exactly as read."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from tui.files.text_file import read_text_file
from tui.model.problems import Problem

ARTICLE_SUFFIXES = (".txt", ".md")
MAX_ARTICLE_BYTES = 10 * 1024 * 1024



@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article file's text exactly as read (offsets refer to it)."""

    path: str
    text: str

    @property
    def id(self) -> str:
        return Path(self.path).stem


def read_article(path: str) -> tuple[RawArticle | None, Problem | None]:
    """Read a .txt or .md article as UTF-8, or say clearly why not."""
    if not path.lower().endswith(ARTICLE_SUFFIXES):
        return None, Problem(
            path, 1, 1, "(file)", "not an article file; give plain text (.txt) or Markdown (.md)"
        )
    text, problem = read_text_file(
        path, what="article", max_bytes=MAX_ARTICLE_BYTES, too_big="is it an article?"
    )
    return (RawArticle(path, text), None) if text is not None else (None, problem)


def article_files(paths: list[str]) -> list[str]:
    """The article files named by `paths`: files as given, folders searched for .txt and .md."""
    files: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files.extend(
                    os.path.join(root, name)
                    for name in sorted(names)
                    if name.lower().endswith(ARTICLE_SUFFIXES) and not name.startswith(".")
                )
        else:
            files.append(path)
    return files

"""Confirm a quotation's speaker: take its `check` line out of the user's file, nothing else.

The quotation is found as `locate` finds it (the file parsed again with its marks, the entry
matched by its words and offset); exactly the line holding its `check:` is removed, and the
result must parse to the same document less that one key before it is written, atomically and
keeping the file's mode. A file changed since it was loaded so that the quotation is not where
it was is left alone, with a one-line reason.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

from tui.files.atomic import WriteError, write_atomic
from tui.files.locate import articles_in
from tui.files.yaml_reader import MarkedDict, MarkedList, parse_yaml
from tui.model.briefing import Article, Quote

_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
"""What PyYAML counts as a line break, so that its line numbers index these lines."""


class ConfirmError(Exception):
    """Why a quotation's speaker could not be confirmed, in one line for the user."""


def _lines(text: str) -> list[str]:
    """The text's lines, each with its own line break: "".join(result) == text."""
    lines, start = [], 0
    for match in _BREAK.finditer(text):
        lines.append(text[start : match.end()])
        start = match.end()
    lines.append(text[start:])
    return lines


def _entry(data: Any, article: Article, quote: Quote) -> MarkedDict:
    """The file's mapping of `quote`, or ConfirmError when it is not where it was loaded."""
    moved = f"{Path(article.source.path).name} changed since it was loaded; nothing confirmed"
    entries = [entry for entry in articles_in(data) if entry.get("id") == article.id]
    if len(entries) != 1 or entries[0].get("body") != article.body:
        raise ConfirmError(moved)
    listed = entries[0].get("quotes")
    if not isinstance(listed, MarkedList):
        raise ConfirmError(moved)
    found = [
        entry
        for entry in listed
        if isinstance(entry, MarkedDict)
        and entry.get("text") == quote.text
        and entry.get("start", article.body.find(quote.text)) == quote.start
        and entry.get("speaker") == quote.speaker_id
    ]
    if len(found) != 1:
        raise ConfirmError(moved)
    if "check" not in found[0]:
        raise ConfirmError("the speaker is confirmed already")
    return found[0]


def confirm_speaker(article: Article, quote: Quote) -> Path:
    """Remove the `check` line of `quote` (of `article`) from the file it was read from.

    Returns the file written; raises ConfirmError with a one-line reason when the quotation
    cannot be found as it was loaded, or the file would change anywhere else."""
    path = Path(article.source.path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ConfirmError(f"cannot read {path.name}: {error.strerror or error}") from error
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    try:
        text = raw[len(bom) :].decode("utf-8")
    except UnicodeDecodeError as error:
        raise ConfirmError(f"{path.name} is not UTF-8; remove the check line by hand") from error
    data, problems = parse_yaml(text, str(path))
    if data is None and problems:
        raise ConfirmError(f"{path.name} does not parse now; nothing confirmed")
    entry = _entry(data, article, quote)
    line = entry.key_marks["check"][0]
    lines = _lines(text)
    removed = lines[line - 1]
    if removed.lstrip().startswith("-"):
        raise ConfirmError("the check line opens its quote; remove it by hand")
    new_text = "".join(lines[: line - 1] + lines[line:])
    del entry["check"]
    after, _ = parse_yaml(new_text, str(path))
    if after != data:
        raise ConfirmError("the check spans more than its line; remove it by hand")
    try:
        write_atomic(path, "\ufeff" + new_text if bom else new_text)
    except WriteError as error:
        raise ConfirmError(str(error)) from error
    return path


__all__ = ["ConfirmError", "confirm_speaker"]

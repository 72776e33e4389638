"""Adding articles to a briefing someone wrote, without changing a byte of what they wrote.

New entries go at the end of the file, under its last top-level list, when that list is
`articles:` (and new speakers can follow as a `speakers:` list the file does not have yet);
otherwise they go to a new file: in the briefing's folder, or beside a one-file briefing.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class Appendable:
    """How to append to a briefing file: its text, its line ending and the list's indent."""

    text: str
    newline: str
    dash_column: int
    has_speakers: bool
    articles: int


def appendable(path: str) -> tuple[Appendable | None, str]:
    """The file's layout when new articles can be appended at its end; else why not."""
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        return None, f"cannot read it: {error.strerror or error}"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, "it is UTF-16"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "it is not UTF-8"
    try:
        root = yaml.compose(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError:
        return None, "it does not parse as YAML"
    if not isinstance(root, yaml.MappingNode) or root.flow_style or not root.value:
        return None, "it is not a block mapping"
    key, value = root.value[-1]
    if getattr(key, "value", None) != "articles":
        return None, "its last top-level list is not `articles:`"
    if not isinstance(value, yaml.SequenceNode) or value.flow_style or not value.value:
        return None, "its `articles:` is not a block list"
    rest = text[value.end_mark.index :]
    if any(line.strip() and not line.lstrip().startswith("#") for line in rest.splitlines()):
        return None, "something follows its articles"
    start = value.start_mark
    if text[start.index : start.index + 1] != "-":
        return None, "its articles list has an unusual layout"
    keys = {getattr(k, "value", None) for k, _ in root.value}
    newline = "\r\n" if "\r\n" in text[:4096] else "\n"
    return Appendable(text, newline, start.column, "speakers" in keys, len(value.value)), ""


def append_text(layout: Appendable, addition: str) -> str:
    """The file's text, unchanged, with `addition` (YAML with `\n` line breaks) at its end
    in the file's own line endings."""
    text = layout.text
    if text and not text.endswith("\n"):
        text += layout.newline
    if layout.newline != "\n":
        addition = addition.replace("\n", layout.newline)
    return text + addition


def check_appended(text: str, before: int, added: int) -> bool:
    """The appended file parses, and its articles are the old ones and the new ones."""
    try:
        data = yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError:
        return False
    items = data.get("articles") if isinstance(data, dict) else None
    return isinstance(items, list) and len(items) == before + added


def free_name(folder: str, stem: str) -> str:
    """A path `folder/stem.yaml` that is not taken (`stem-2.yaml`, ... otherwise)."""
    candidate = os.path.join(folder, f"{stem}.yaml")
    number = 2
    while os.path.lexists(candidate):
        candidate = os.path.join(folder, f"{stem}-{number}.yaml")
        number += 1
    return candidate


__all__ = ["Appendable", "append_text", "appendable", "check_appended", "free_name"]

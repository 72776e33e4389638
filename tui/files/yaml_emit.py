"""A fast YAML writer for drafted briefings: block style, bodies as literal blocks.

PyYAML's pure-Python emitter takes about 20 ms an article, more than extracting it; this
writes the same plain shapes (mappings, lists, strings, numbers) in one pass, as people
write YAML by hand: list items indented under their key, multi-line text as `|` blocks.
A string is written plain only when YAML reads it back as that same string; anything else
is double-quoted with JSON's escapes (a subset of YAML's) plus YAML's own line breaks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

# Plain only when it starts with a letter, holds no `: ` or ` #`, does not end in `:` or a
# space, and holds nothing YAML reads specially; the words YAML 1.1 reads as booleans or
# null are quoted.
_PLAIN = re.compile(r"[^\W\d_][^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]*")
_SPECIAL_WORDS = {"yes", "no", "true", "false", "on", "off", "y", "n", "null"}
# Characters a literal block cannot hold: other line breaks, controls, surrogates.
_NOT_IN_BLOCK = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]"
)
_ESCAPE = re.compile(r"[\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")


def _plain_ok(text: str) -> bool:
    return (
        _PLAIN.fullmatch(text) is not None
        and ": " not in text
        and " #" not in text
        and not text.endswith((":", " "))
        and text.lower() not in _SPECIAL_WORDS
    )


def quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar."""
    inner = json.dumps(text, ensure_ascii=False)
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", inner)


def scalar(value: Any) -> str:
    """A one-line YAML scalar for a string, number, boolean or None."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if value == value and value not in (float("inf"), -float("inf")) else (
            ".nan" if value != value else (".inf" if value > 0 else "-.inf")
        )
    text = str(value)
    return text if _plain_ok(text) else quoted(text)


def _block(text: str, indent: int) -> Iterator[str] | None:
    """A multi-line string as a literal block's header and lines, if one can hold it."""
    if _NOT_IN_BLOCK.search(text) or "\r" in text:
        return None
    body = text.rstrip("\n")
    if not body.strip() or not body.split("\n")[-1].strip():
        return None  # only breaks, or a blank last line: a quoted string says it plainly
    trailing = len(text) - len(body)
    chomp = "-" if trailing == 0 else ("" if trailing == 1 else "+")
    indicator = "2" if body[:1] in (" ", "\t") or body[:1] == "" else ""
    pad = " " * indent
    lines = body.split("\n") + [""] * (trailing - 1 if trailing > 1 else 0)

    def generate() -> Iterator[str]:
        yield f"|{indicator}{chomp}"
        for line in lines:
            yield pad + line if line else ""

    return generate()


def _value_lines(key_prefix: str, value: Any, indent: int) -> Iterator[str]:
    """`key: value` (or `- value`) and what follows it, at `indent` for nested content."""
    if isinstance(value, Mapping):
        if not value:
            yield f"{key_prefix} {{}}"
            return
        yield key_prefix
        yield from mapping_lines(value, indent)
    elif isinstance(value, Sequence) and not isinstance(value, str):
        if not value:
            yield f"{key_prefix} []"
            return
        yield key_prefix
        yield from sequence_lines(value, indent)
    elif isinstance(value, str) and "\n" in value and (block := _block(value, indent)):
        lines = iter(block)
        yield f"{key_prefix} {next(lines)}"
        yield from lines
    else:
        yield f"{key_prefix} {scalar(value)}"


def mapping_lines(mapping: Mapping[str, Any], indent: int) -> Iterator[str]:
    pad = " " * indent
    for key, value in mapping.items():
        yield from _value_lines(f"{pad}{scalar(key)}:", value, indent + 2)


def sequence_lines(items: Sequence[Any], indent: int) -> Iterator[str]:
    """Items as `- ...` at `indent`; a mapping item's first key stands on the dash's line."""
    pad = " " * indent
    for item in items:
        if isinstance(item, Mapping) and item:
            lines = mapping_lines(item, indent + 2)
            first = next(lines)
            yield f"{pad}- {first[indent + 2:]}"
            yield from lines
        else:
            yield from _value_lines(f"{pad}-", item, indent + 2)


def dump(data: Mapping[str, Any]) -> str:
    """A document of one mapping, as YAML text ending in a line break."""
    return "\n".join(mapping_lines(data, 0)) + "\n"


def dump_items(items: Sequence[Any], indent: int = 2) -> str:
    """List items alone (to go under a key already written), ending in a line break."""
    return "\n".join(sequence_lines(items, indent)) + "\n" if items else ""

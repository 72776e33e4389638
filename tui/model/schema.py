"""The briefing file format: every key, its type and its meaning, in one place.

The loader's checks, the JSON Schema that editors use, and the documentation
all come from these tables, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FORMAT_VERSION = 2

BOUNDS = ("exact", "approximate", "more-than", "less-than")
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    kind: str
    """One of: id, string, text, number, offset, date, bound, boolean, strings, or an object
    name."""
    description: str
    required: bool = False
    many: bool = False
    """For an object kind: a list of them rather than one."""


OBJECTS: dict[str, tuple[Field, ...]] = {
    "document": (
        Field("briefing", "briefing", "What the briefing is about. One file of a folder holds it."),
        Field("speakers", "speaker", "People and organisations quoted in the articles.", many=True),
        Field("articles", "article", "Articles, each with its figures and quotations.", many=True),
        Field("article", "article", "A single article, for one-article files."),
    ),
    "briefing": (
        Field("title", "string", "The briefing's title.", required=True),
        Field("topic", "string", "The subject in a few words."),
        Field("date", "date", "When the briefing was prepared: 2025-07-22, 2025-07 or 2025."),
        Field(
            "bottom_line", "text", "The paragraph a reader takes away if they read nothing else."
        ),
        Field("tags", "strings", "Words to group and find briefings by."),
    ),
    "speaker": (
        Field("id", "id", "A stable id that quotes refer to, e.g. ishaq-dar.", required=True),
        Field("name", "string", "The fullest form of the name.", required=True),
        Field("role", "string", "Title or role, e.g. Foreign Minister of Pakistan."),
        Field(
            "aliases", "strings", "Other names the articles use: Dar, the deputy prime minister."
        ),
        Field(
            "named",
            "boolean",
            "false for an unnamed source, its name the description as written: a senior "
            "official. true (the default) for a name.",
        ),
    ),
    "article": (
        Field("id", "id", "A stable id, unique across the briefing.", required=True),
        Field("title", "string", "The headline.", required=True),
        Field("outlet", "string", "Who published it. Leave empty when unknown."),
        Field("url", "string", "Where it was published."),
        Field("author", "string", "Who wrote it."),
        Field("published", "date", "Publication date: 2025-07-22, 2025-07 or 2025."),
        Field("body", "text", "The full text, paragraphs separated by blank lines.", required=True),
        Field("figures", "figure", "Key figures found in the body.", many=True),
        Field("quotes", "quote", "Direct quotations found in the body.", many=True),
    ),
    "figure": (
        Field("value", "number", "The number itself: 5500000000 for $5.5 billion.", required=True),
        Field(
            "unit", "string", "What it counts: peacekeepers, missions, USD, percent.", required=True
        ),
        Field("text", "string", "The words exactly as they stand in the body.", required=True),
        Field(
            "start", "offset", "Character offset of the words in the body, when they occur twice."
        ),
        Field(
            "label", "string", "A short phrase for the panel: Pakistani peacekeepers who served."
        ),
        Field("bound", "bound", "exact (default), approximate, more-than or less-than."),
        Field("as_of", "date", "The date the figure refers to: 2025-07-22, 2025-07 or 2025."),
        Field("key", "id", "Ties the same measure across articles, e.g. peacekeepers-killed."),
    ),
    "quote": (
        Field("speaker", "id", "The id of the speaker; leave empty when unattributed."),
        Field(
            "text",
            "string",
            "The quoted words exactly as in the body, without the marks.",
            required=True,
        ),
        Field(
            "start", "offset", "Character offset of the words in the body, when they occur twice."
        ),
        Field("role", "string", "The speaker's role as this article gives it, if it says."),
        Field(
            "check",
            "string",
            "Why the speaker is unsure; the quote shows as unconfirmed until this is removed.",
        ),
    ),
}


def fields_of(kind: str) -> dict[str, Field]:
    return {field.name: field for field in OBJECTS[kind]}


_SCALARS: dict[str, dict[str, Any]] = {
    "id": {"type": "string", "pattern": ID_PATTERN},
    "string": {"type": "string"},
    "text": {"type": "string"},
    "number": {"type": "number"},
    "offset": {"type": "integer", "minimum": 0},
    "date": {
        "anyOf": [
            {"type": "string", "pattern": DATE_PATTERN},
            {"type": "string", "format": "date"},
            {"type": "integer", "minimum": 1000, "maximum": 9999},
        ]
    },
    "bound": {"enum": list(BOUNDS)},
    "boolean": {"type": "boolean"},
    "strings": {"type": "array", "items": {"type": "string"}},
}


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of a briefing file, for editors' YAML language servers."""

    def describe(field: Field) -> dict[str, Any]:
        if field.kind in OBJECTS:
            ref: dict[str, Any] = {"$ref": f"#/$defs/{field.kind}"}
            schema = {"type": "array", "items": ref} if field.many else dict(ref)
        else:
            schema = dict(_SCALARS[field.kind])
            if field.name == "speaker":
                schema = {"anyOf": [schema, {"type": "null"}]}
        schema["description"] = field.description
        return schema

    def object_schema(kind: str) -> dict[str, Any]:
        fields = OBJECTS[kind]
        schema: dict[str, Any] = {
            "type": "object",
            "additionalProperties": False,
            "properties": {field.name: describe(field) for field in fields},
        }
        required = [field.name for field in fields if field.required]
        if required:
            schema["required"] = required
        return schema

    document = object_schema("document")
    document.update(
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Briefing file",
            "description": "Articles, their key figures and quotations, and who said them.",
            "not": {"required": ["article", "articles"]},
            "$defs": {kind: object_schema(kind) for kind in OBJECTS if kind != "document"},
        }
    )
    return document

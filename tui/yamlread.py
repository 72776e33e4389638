"""Safe YAML reading that remembers where every key and item stood.

PyYAML's safe loaders forget positions once a document is built, and silently
keep the last of two equal keys. This loader keeps each mapping's and
sequence's marks so that later checks can point at a line and column, and
reports duplicate keys as problems instead of dropping data.
"""

from __future__ import annotations

from typing import Any

import yaml

from .problems import Problem

try:  # libyaml is several times faster; fall back to pure Python when absent
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Files larger than this are refused rather than parsed (20 MiB)."""

MAX_NODES = 1_000_000
"""Documents expanding to more nodes than this (say through aliases) are refused."""

Mark = tuple[int, int]
"""A 1-based (line, column)."""


class MarkedDict(dict[Any, Any]):
    """A mapping that knows where it, its keys and its values stand in the file."""

    __slots__ = ("key_marks", "mark", "value_marks")

    def __init__(self) -> None:
        super().__init__()
        self.mark: Mark = (1, 1)
        self.key_marks: dict[Any, Mark] = {}
        self.value_marks: dict[Any, Mark] = {}


class MarkedList(list[Any]):
    """A sequence that knows where it and each of its items stand in the file."""

    __slots__ = ("item_marks", "mark")

    def __init__(self) -> None:
        super().__init__()
        self.mark: Mark = (1, 1)
        self.item_marks: list[Mark] = []


def _mark(node: yaml.Node) -> Mark:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _MarkingLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """A safe loader whose mappings and sequences carry their marks."""

    def __init__(self, stream: str, path: str) -> None:
        super().__init__(stream)
        self.path = path
        self.problems: list[Problem] = []
        self.nodes_built = 0

    def _count(self, node: yaml.Node) -> None:
        self.nodes_built += 1
        if self.nodes_built > MAX_NODES:
            line, column = _mark(node)
            raise _TooLarge(line, column)


class _TooLarge(Exception):
    def __init__(self, line: int, column: int) -> None:
        super().__init__(line, column)
        self.line, self.column = line, column


def _construct_mapping(loader: _MarkingLoader, node: yaml.MappingNode) -> Any:
    data = MarkedDict()
    data.mark = _mark(node)
    yield data
    loader._count(node)
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=False)
        line, column = _mark(key_node)
        try:
            hash(key)
        except TypeError:
            loader.problems.append(
                Problem(
                    loader.path,
                    line,
                    column,
                    "(key)",
                    "a key must be a plain word, not a list or mapping",
                )
            )
            continue
        if key in data:
            first_line, first_column = data.key_marks[key]
            loader.problems.append(
                Problem(
                    loader.path,
                    line,
                    column,
                    str(key),
                    f"duplicate key '{key}' (first at line {first_line}, column {first_column}); "
                    "keep one of them",
                )
            )
            continue
        data[key] = loader.construct_object(value_node, deep=False)
        data.key_marks[key] = (line, column)
        data.value_marks[key] = _mark(value_node)


def _construct_sequence(loader: _MarkingLoader, node: yaml.SequenceNode) -> Any:
    data = MarkedList()
    data.mark = _mark(node)
    yield data
    loader._count(node)
    for item in node.value:
        data.append(loader.construct_object(item, deep=False))
        data.item_marks.append(_mark(item))


_MarkingLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_MarkingLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def parse_yaml(text: str, path: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML document safely; return its data (None if unreadable) and problems."""
    loader = _MarkingLoader(text, path)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        return None, [*loader.problems, _syntax_problem(error, path, text)]
    except yaml.YAMLError as error:
        return None, [*loader.problems, Problem(path, 1, 1, "(file)", f"not valid YAML: {error}")]
    except _TooLarge as error:
        return None, [
            Problem(
                path,
                error.line,
                error.column,
                "(file)",
                f"the document expands to more than {MAX_NODES:,} nodes (aliases that "
                "repeat without end?); write the content out instead of repeating aliases",
            )
        ]
    except RecursionError:
        return None, [
            Problem(path, 1, 1, "(file)", "nesting is too deep to read; flatten the document")
        ]
    finally:
        loader.dispose()
    return data, loader.problems


def _syntax_problem(error: yaml.MarkedYAMLError, path: str, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    unclosed = "end of stream" in (error.problem or "") and error.context_mark is not None
    if unclosed:
        mark = error.context_mark  # point at the opening mark, not at the end of the file
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = error.problem or "not valid YAML"
    if error.context:
        what = f"{error.context}, {what}"
    hint = "check the indentation and quoting around here"
    if "could not determine a constructor" in what:
        what = what.replace("could not determine a constructor for the tag", "unsupported tag")
        hint = "only plain YAML is read; remove the tag"
    elif "expected a single document" in what:
        hint = "a briefing file holds one document; remove the '---' line or split the file"
    lines = text.splitlines()
    if (
        hint.startswith("check")
        and 0 < line <= len(lines)
        and "\t" in lines[line - 1][: max(column, 1) + 1]
    ):
        hint = "YAML does not allow tabs for indentation; indent with spaces"
    if unclosed:
        hint = "this quotation mark or bracket is never closed"
    return Problem(path, line, column, "(syntax)", f"{what}; {hint}")

"""Safe YAML reading that remembers where every key and item stood.

PyYAML's safe loaders forget positions once a document is built, and silently
keep the last of two equal keys. This loader keeps each mapping's and
sequence's marks so that later checks can point at a line and column, and
reports duplicate keys as problems instead of dropping data.

Building a document from libyaml's node tree goes through `_build`, one loop over the
nodes that gives what PyYAML's generator-based constructor gives (same objects, marks,
problems, in the same order) at a fraction of its cost. Anything it does not handle
itself (merge keys, explicit collection tags, unknown tags, a scalar that fails to
convert) sends the whole document through PyYAML's own constructor, which then decides.
"""

from __future__ import annotations

import functools
import operator
from collections import deque
from collections.abc import Callable
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from tui.model.problems import Problem

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

_TAG = "tag:yaml.org,2002:"
_STR, _SEQ, _MAP = _TAG + "str", _TAG + "seq", _TAG + "map"
_NULL, _INT = _TAG + "null", _TAG + "int"


class MarkedDict(dict[Any, Any]):
    """A mapping that knows where it, its keys and its values stand in the file."""

    __slots__ = ("key_marks", "mark", "value_marks")

    def __init__(self) -> None:  # empty already: dict.__init__ would add nothing
        self.mark: Mark = (1, 1)
        self.key_marks: dict[Any, Mark] = {}
        self.value_marks: dict[Any, Mark] = {}


class MarkedList(list[Any]):
    """A sequence that knows where it and each of its items stand in the file."""

    __slots__ = ("item_marks", "mark")

    def __init__(self) -> None:  # empty already: list.__init__ would add nothing
        self.mark: Mark = (1, 1)
        self.item_marks: list[Mark] = []


def _mark(node: yaml.Node) -> Mark:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _implicit_table() -> dict[str, tuple[tuple[str, Any], ...]]:
    """The loader's implicit resolvers by first character, wildcards appended, as
    `BaseResolver.resolve` tries them."""
    resolvers = _BaseLoader.yaml_implicit_resolvers
    wildcard = resolvers.get(None, [])
    return {
        first: tuple(found + wildcard) for first, found in resolvers.items() if first is not None
    }


_IMPLICIT = _implicit_table()
_WILDCARD: tuple[tuple[str, Any], ...] = tuple(_BaseLoader.yaml_implicit_resolvers.get(None, []))
_RESOLVED: dict[str, str] = {}
"""Tags of plain scalars met before: mostly keys ("title", "text", "figures"...), which
every file repeats."""
_RESOLVED_MAX = 4096


def _resolve_plain(value: str) -> str:
    """The tag of a plain (unquoted) scalar, as `BaseResolver.resolve` finds it."""
    tag = _STR
    for candidate, regexp in _IMPLICIT.get(value[:1], _WILDCARD):
        if regexp.match(value):
            tag = candidate
            break
    if len(_RESOLVED) < _RESOLVED_MAX:
        _RESOLVED[value] = tag
    return tag


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

    def resolve(self, kind: type, value: str | None, implicit: Any) -> str:
        """`BaseResolver.resolve` without its general machinery: the safe loader has no
        path resolvers, so a tag depends only on the kind, the value and `implicit`."""
        if kind is not ScalarNode:
            return _SEQ if kind is SequenceNode else _MAP
        if not implicit[0]:
            return _STR
        return _RESOLVED.get(value) or _resolve_plain(value)  # type: ignore[arg-type]

    if not _BaseLoader.yaml_path_resolvers:
        # The composer calls these around every node to track paths for path resolvers,
        # of which the safe loader has none: two C built-ins that do nothing stand in
        # for two Python calls per node.
        descend_resolver = operator.is_
        ascend_resolver = tuple


class _TooLarge(Exception):
    def __init__(self, line: int, column: int) -> None:
        super().__init__(line, column)
        self.line, self.column = line, column


# -- PyYAML's constructor, kept as the reference for unusual documents --------------------


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
            loader.problems.append(_unhashable_key(loader.path, line, column))
            continue
        if key in data:
            first_line, first_column = data.key_marks[key]
            loader.problems.append(
                _duplicate_key(loader.path, line, column, key, first_line, first_column)
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


_MarkingLoader.add_constructor(_MAP, _construct_mapping)
_MarkingLoader.add_constructor(_SEQ, _construct_sequence)

_SCALAR_KINDS = {
    _TAG + "timestamp": (
        "a date",
        "write a real date such as 2025-07-14, or quote it to keep it as text",
    ),
    _TAG + "bool": ("true or false", "write true or false, or remove the tag"),
    _INT: ("a whole number", "write digits only, or remove the tag"),
    _TAG + "float": ("a number", "write a number such as 5.5, or remove the tag"),
    _TAG + "binary": ("base64 data", "remove the tag to keep it as text"),
}


def _tolerant(tag: str, method: Callable[[Any, ScalarNode], Any]) -> Callable[..., Any]:
    """A scalar constructor that reports a value it cannot convert (2020-02-30, `!!bool
    maybe`) as a problem at the value and keeps its text, instead of failing the file."""
    kind, hint = _SCALAR_KINDS[tag]

    def construct(loader: _MarkingLoader, node: ScalarNode) -> Any:
        try:
            return method(loader, node)
        except (ValueError, KeyError, OverflowError, TypeError, yaml.YAMLError) as error:
            line, column = _mark(node)
            detail = str(error).splitlines()[0] if isinstance(error, ValueError) else ""
            reason = f" ({detail})" if detail else ""
            loader.problems.append(
                Problem(
                    loader.path,
                    line,
                    column,
                    "(value)",
                    f"'{node.value}' cannot be read as {kind}{reason}; {hint}",
                )
            )
            return node.value

    return construct


for _tag, _method in (
    (_TAG + "timestamp", yaml.constructor.SafeConstructor.construct_yaml_timestamp),
    (_TAG + "bool", yaml.constructor.SafeConstructor.construct_yaml_bool),
    (_INT, yaml.constructor.SafeConstructor.construct_yaml_int),
    (_TAG + "float", yaml.constructor.SafeConstructor.construct_yaml_float),
    (_TAG + "binary", yaml.constructor.SafeConstructor.construct_yaml_binary),
):
    _MarkingLoader.add_constructor(_tag, _tolerant(_tag, _method))


def _unhashable_key(path: str, line: int, column: int) -> Problem:
    return Problem(path, line, column, "(key)", "a key must be a plain word, not a list or mapping")


def _duplicate_key(
    path: str, line: int, column: int, key: Any, first_line: int, first_column: int
) -> Problem:
    return Problem(
        path,
        line,
        column,
        str(key),
        f"duplicate key '{key}' (first at line {first_line}, column {first_column}); "
        "keep one of them",
    )


# -- the fast path ----------------------------------------------------------------------


class _Unusual(Exception):
    """The document needs PyYAML's own constructor."""


def _scalar_makers(loader: _MarkingLoader) -> dict[str, Callable[[ScalarNode], Any]]:
    """How each scalar tag is built: the safe constructor's own methods, bound to
    `loader`, with a shortcut for plain decimal integers."""

    constructors = loader.yaml_constructors
    construct_int = constructors[_INT]

    def make_int(node: ScalarNode) -> Any:
        value = node.value
        if value.isdigit() and value[0] != "0":  # what construct_yaml_int ends with
            return int(value)
        return construct_int(loader, node)

    makers: dict[str, Callable[[ScalarNode], Any]] = {_NULL: loader.construct_yaml_null}
    for tag in _SCALAR_KINDS:
        makers[tag] = functools.partial(constructors[tag], loader)
    makers[_INT] = make_int
    return makers


def _build(root: yaml.Node, loader: _MarkingLoader) -> tuple[Any, list[Problem]]:
    """The document under `root` and its problems, as `loader.construct_document` with
    `_construct_mapping` and `_construct_sequence` would give them.

    PyYAML builds a collection empty when it is first met and fills it when the
    constructor's queue comes round to it, so filling here is breadth first too: the
    same node trips MAX_NODES and problems come in the same order. Each node is built
    once (an alias gives the very same object). Raises `_Unusual` for anything else.
    """
    path = loader.path
    makers = _scalar_makers(loader)
    built: dict[yaml.Node, Any] = {}
    queue: deque[tuple[yaml.Node, Any]] = deque()
    problems = loader.problems  # shared with the scalar constructors, to keep the order

    def make(node: yaml.Node) -> Any:
        cls, tag = node.__class__, node.tag
        if cls is ScalarNode and tag == _STR:
            return node.value
        if node in built:
            return built[node]
        if cls is ScalarNode and tag in makers:
            data = makers[tag](node)
        elif cls is MappingNode and tag == _MAP:
            data = MarkedDict()
            data.mark = (node.start_mark.line + 1, node.start_mark.column + 1)
            queue.append((node, data))
        elif cls is SequenceNode and tag == _SEQ:
            data = MarkedList()
            data.mark = (node.start_mark.line + 1, node.start_mark.column + 1)
            queue.append((node, data))
        else:
            raise _Unusual
        built[node] = data
        return data

    data = make(root)
    count = 0
    while queue:
        node, into = queue.popleft()
        count += 1
        if count > MAX_NODES:
            raise _TooLarge(*into.mark)
        # Text is by far the most common node: it is taken in line, the rest through `make`.
        if into.__class__ is MarkedList:
            marks = into.item_marks
            for item in node.value:
                if item.tag == _STR and item.__class__ is ScalarNode:
                    into.append(item.value)
                else:
                    into.append(make(item))
                start = item.start_mark
                marks.append((start.line + 1, start.column + 1))
            continue
        key_marks, value_marks = into.key_marks, into.value_marks
        for key_node, value_node in node.value:
            # A merge ('<<') or value ('=') key has a tag `make` refuses: flatten_mapping
            # would rewrite this mapping, so PyYAML's constructor takes the document.
            if key_node.tag == _STR and key_node.__class__ is ScalarNode:
                key = key_node.value
            else:
                key = make(key_node)
            start = key_node.start_mark
            line, column = start.line + 1, start.column + 1
            if key.__class__ is not str:
                try:
                    hash(key)
                except TypeError:
                    problems.append(_unhashable_key(path, line, column))
                    continue
            if key in into:
                first_line, first_column = key_marks[key]
                problems.append(_duplicate_key(path, line, column, key, first_line, first_column))
                continue
            if value_node.tag == _STR and value_node.__class__ is ScalarNode:
                into[key] = value_node.value
            else:
                into[key] = make(value_node)
            key_marks[key] = (line, column)
            start = value_node.start_mark
            value_marks[key] = (start.line + 1, start.column + 1)
    return data, problems


def _construct(loader: _MarkingLoader) -> Any:
    """The single document in the loader's stream, problems kept in `loader.problems`."""
    root = loader.get_single_node()
    if root is None:
        return None
    reported = len(loader.problems)
    try:
        data, _ = _build(root, loader)
    except _TooLarge:
        raise
    except Exception:  # whatever it was, the reference constructor decides
        del loader.problems[reported:]
        return loader.construct_document(root)
    return data


def parse_yaml(text: str, path: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML document safely; return its data (None if unreadable) and problems."""
    loader = _MarkingLoader(text, path)
    try:
        data = _construct(loader)
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

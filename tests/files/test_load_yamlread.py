"""The fast YAML construction path gives exactly what PyYAML's own constructor gives.

`parse_yaml` builds documents with `yamlread._build` and hands anything unusual to
PyYAML's generator-based constructor. These tests run both on the same text and compare
data, marks, problems (in order), aliases and failures.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from tests.conftest import DATA
from tui.files import yaml_reader as yamlread
from tui.files.yaml_reader import MarkedDict, MarkedList, parse_yaml


def _reference(text: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    """parse_yaml through PyYAML's constructor only."""

    def refuse(root: Any, loader: Any) -> Any:
        raise yamlread._Unusual

    with monkeypatch.context() as patch:
        patch.setattr(yamlread, "_build", refuse)
        return _outcome(text)


def _outcome(text: str) -> Any:
    try:
        data, problems = parse_yaml(text, "p.yaml")
    except Exception as error:  # failures must match too
        return ("raised", type(error).__name__, str(error))
    return ("ok", _shape(data, {}), problems)


def _shape(value: Any, seen: dict[int, int]) -> Any:
    """A comparable picture of a document: types, values, marks and which objects are shared."""
    if isinstance(value, MarkedDict | MarkedList):
        if id(value) in seen:
            return ("same as", seen[id(value)])
        seen[id(value)] = len(seen)
        if isinstance(value, MarkedDict):
            return (
                "map",
                value.mark,
                [(_shape(k, seen), _shape(v, seen)) for k, v in value.items()],
                list(value.key_marks.items()),
                list(value.value_marks.items()),
            )
        return ("seq", value.mark, [_shape(item, seen) for item in value], value.item_marks)
    if isinstance(value, float) and math.isnan(value):
        return ("nan",)
    if isinstance(value, set | frozenset):
        return ("set", sorted(map(repr, value)))
    if isinstance(value, dict | list | tuple):
        return (type(value).__name__, repr(value))
    return (type(value).__name__, value)


def _assert_same(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _outcome(text) == _reference(text, monkeypatch), text


EDGE_CASES = [
    "",
    "a:\n",
    'a: !!str\nb: ""\n',
    "[a, , b]\n",
    "{a, b: }\n",
    "? \n: x\n",
    "# only a comment\n",
    "x",
    "~",
    "a: &x .nan\n*x : 2\n",
    ".nan: 1\n.nan: 2\n",
    "a: 1\na: 2\nb: {c: 1, c: 2}\nd: [{e: 1, e: 2}]\n",
    "{a: {b: {c: {d: 1, d: 2}}}, a: 3, x: {y: 1, y: 1}}",
    "? [1,2]\n: x\n? {a: 1}\n: y\nz: 1\n",
    "? {a: 1, a: 2}\n: v\n",
    "base: &b {a: 1, b: 2}\nderived:\n  <<: *b\n  c: 3\n",
    "a:\n  <<: [{x: 1}, {y: 2}]\n",
    "a:\n  <<: 3\n",
    "=: 1\n",
    "a: =\n",
    "a: <<\n",
    "a: !!set {x, y}\n",
    "a: !!omap [{x: 1}, {y: 2}]\n",
    "a: !!pairs [{x: 1}, {x: 2}]\n",
    "a: !!binary aGVsbG8=\n",
    "a: !!binary '!!!'\n",
    "a: 2020-01-01\nb: 2020-01-01 10:00:00\nc: 2001-12-14t21:59:43.10-05:00\n",
    "a: 0x1F\nb: 0o17\nc: 017\nd: 1_000\ne: +12\nf: -0\ng: 190:20:30\nh: 0b101\n",
    "i: 1e5\nj: 1.5e+5\nk: .inf\nl: -.Inf\nm: 1_0.5\n",
    "a: !!int '12'\nd: !!float '1'\ne: !!bool 'yes'\nf: !!bool maybe\n",
    "a: !!int '٣'\n",
    "a: !!str 12\nb: !!str [1]\n",
    "a: !!python/object:os.system x\n",
    "!!map [1, 2]\n",
    "!!seq {a: 1}\n",
    "a: !custom x\n",
    "a: ! x\nb: ! [1]\n",
    "a: &a [*a]\n",
    "a: &a {b: *a}\n",
    "&a {*a : 1}\n",
    "a: &x [1, {b: 2}]\nb: *x\nc: *x\n",
    "a: *nope\n",
    "a: &a 1\nb: &a 2\n",
    "--- a\n--- b\n",
    "a: [\n",
    "a: 'x\n",
    "\ta: 1\n",
    "yes: no\non: off\nTrue: 1\n",
    "1: a\n1.0: b\n",
    "[" * 1100 + "]" * 1100,
    "a: |\n  text\n  more\nb: >\n  folded\n  text\n",
    "- a\n-b: c\n",
    "null: 1\n~: 2\n",
    "[1, {a: b}, [c]]: x\n",
    "a: !!null ''\nb: !!null x\nc: !!null {}\n",
    "a: !!timestamp 2020-01-01\n",
    "a: &n 1\nb: {*n : x, 1: y}\n",
    "a: &s x\n*s : 1\nx: 2\n",
    "%YAML 1.1\n---\na: 1\n",
    "%TAG ! tag:yaml.org,2002:\n---\na: !str 1\n",
]


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_cases_build_as_pyyaml_builds_them(text: str, monkeypatch: pytest.MonkeyPatch):
    _assert_same(text, monkeypatch)


def test_every_data_file_builds_as_pyyaml_builds_it(monkeypatch: pytest.MonkeyPatch):
    for path in sorted(DATA.rglob("*.yaml")):
        raw = path.read_bytes()
        if b"\x00" in raw:
            continue
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            continue
        _assert_same(text, monkeypatch)


@pytest.mark.parametrize(
    "text",
    [
        "a: [[], [], {}, [], [], []]\n",
        "a: &a [[], []]\nb: [*a, *a, *a, *a, []]\n",
        "- {a: 1, a: 2}\n- [1]\n- {b: {c: [1, {d: 1}]}}\n- []\n- []\n- {x: 1, x: 2}\n",
        "a: [[], [], [], [], []]\nb: !!set {x}\n",
        "a: !!set {x}\nb: [[], [], [], [], []]\n",
    ],
)
def test_the_node_limit_trips_at_the_same_node(text: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(yamlread, "MAX_NODES", 5)
    _assert_same(text, monkeypatch)


def test_node_limit_message_points_at_the_node(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(yamlread, "MAX_NODES", 3)
    data, [problem] = parse_yaml("a:\n  - []\n  - []\n  - [x]\n", "p.yaml")
    assert data is None
    assert (problem.line, problem.column) == (3, 5)  # the root, 'a', the first [], then
    assert "more than 3 nodes" in problem.message


def test_aliases_give_the_same_object():
    data, problems = parse_yaml("a: &x [1, {b: 2}]\nb: *x\n", "p.yaml")
    assert problems == []
    assert data["a"] is data["b"] and data["a"][1] is data["b"][1]
    assert data.value_marks["b"] == (1, 4)  # an alias is marked where its anchor stands


def test_duplicate_keys_are_reported_breadth_first_as_pyyaml_meets_them():
    text = "a: {x: 1, x: 2}\na: 3\nb: [{y: 1, y: 2}]\n"
    _, problems = parse_yaml(text, "p.yaml")
    assert [(p.line, p.column, p.where) for p in problems] == [
        (2, 1, "a"),
        (1, 11, "x"),
        (3, 12, "y"),
    ]


# -- properties ------------------------------------------------------------------------------

_PLAIN = st.text(
    alphabet=st.sampled_from([*"0123456789+-._:eExXoObB~nNuUlLtTrRfFaAsSyYiI<=! \t", "é"]),
    max_size=12,
)


@settings(max_examples=600, deadline=None)
@given(_PLAIN, st.booleans(), st.booleans())
def test_resolve_gives_pyyamls_tag(value: str, plain: bool, quoted: bool):
    loader = yamlread._MarkingLoader("", "p.yaml")
    try:
        for kind in (ScalarNode, SequenceNode, MappingNode):
            implicit: Any = (plain, quoted) if kind is ScalarNode else plain
            ours = loader.resolve(kind, value if kind is ScalarNode else None, implicit)
            theirs = BaseResolver.resolve(
                loader, kind, value if kind is ScalarNode else None, implicit
            )
            assert ours == theirs
    finally:
        loader.dispose()


_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | st.text(max_size=20)
    | _PLAIN
    | st.dates(),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=6) | _PLAIN | st.integers(), children, max_size=5)
    ),
    max_leaves=30,
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    value=_values,
    flow=st.sampled_from([None, True, False]),
    style=st.sampled_from([None, "", "'", '"']),
)
def test_any_dumped_document_builds_as_pyyaml_builds_it(
    value: Any, flow: bool | None, style: str | None, monkeypatch: pytest.MonkeyPatch
):
    text = yaml.safe_dump(value, default_flow_style=flow, default_style=style, allow_unicode=True)
    _assert_same(text, monkeypatch)


_fragments = st.lists(
    st.sampled_from(
        [
            "a: 1\n",
            "a: 2\n",
            "b: &x [1, 2]\n",
            "c: *x\n",
            "d: {e: 1, e: 2}\n",
            "f:\n  - g: 1\n    g: 2\n  - [3]\n",
            "<<: {z: 1}\n",
            "? [k]\n: v\n",
            "h: !!set {p}\n",
            "i: 2020-02-30\n",
            "j: 0x_\n",
            "k: !!binary aGk=\n",
            "l: .NaN\n",
            "m:\n",
            "n: 'quoted: yes'\n",
            "o: |\n  block\n",
            "p: [~, null, Yes, 0o7, 1:20, -.inf]\n",
        ]
    ),
    max_size=8,
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(parts=_fragments)
def test_mixed_documents_build_as_pyyaml_builds_them(
    parts: list[str], monkeypatch: pytest.MonkeyPatch
):
    _assert_same("".join(parts), monkeypatch)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=120))
def test_any_text_builds_as_pyyaml_builds_it(text: str, monkeypatch: pytest.MonkeyPatch):
    _assert_same(text, monkeypatch)

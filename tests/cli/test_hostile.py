"""Hostile input: every bad file gets a located message, the good ones still load,
text stays inert, and nothing the tool writes is ever half-written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DATA, ROOT, SEED_BRIEFING
from tui.cli.main import main
from tui.files.loader import load, load_file
from tui.files.validate import check_document
from tui.files.yaml_reader import MAX_FILE_BYTES, parse_yaml
from tui.model.briefing import Article, Briefing, BriefingInfo, Figure, Quote, Speaker
from tui.model.problems import Problem
from tui.reports.summary import render

HOSTILE = DATA / "hostile"

EXPECTED = {
    "tabs.yaml": (2, 1, "does not allow tabs"),
    "bad-indent.yaml": (3, 10, "mapping values are not allowed"),
    "unclosed-quote.yaml": (2, 10, "never closed"),
    "wrong-type.yaml": (2, 10, "expected text, found a list"),
    "missing-title.yaml": (2, 3, "missing required key 'title'"),
    "unknown-key.yaml": (3, 3, "did you mean 'bottom_line'?"),
    "duplicate-key.yaml": (4, 3, "duplicate key 'title'"),
    "duplicate-id.yaml": (3, 10, "article id 'twin' is already used"),
    "alias-bomb.yaml": (1, 1, "unknown key 'a'"),
    "deep-nesting.yaml": (1, 1010, "exceeded maximum nesting depth"),
    "python-tag.yaml": (1, 11, "unsupported tag"),
    "binary.yaml": (1, 1, "binary file"),
    "latin-1.yaml": (2, 13, "not UTF-8 text (byte 0xe9)"),
    "empty.yaml": (1, 1, "the file is empty"),
    "only-comments.yaml": (1, 1, "the file is empty"),
    "not-a-mapping.yaml": (1, 1, "expected a mapping"),
    "words-not-in-article.yaml": (6, 37, "'three ships' are not in the article's body"),
    "impossible-date.yaml": (4, 14, "'2023-02-30' cannot be read as a date"),
    "bad-tagged-value.yaml": (3, 9, "'twenty' cannot be read as a whole number"),
}
CLEAN = {"utf-16-bom.yaml", "utf-8-bom.yaml", "crlf.yaml", "markup-and-escapes.yaml"}


def test_every_hostile_file_is_covered():
    assert {p.name for p in HOSTILE.iterdir()} == set(EXPECTED) | CLEAN


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file_gets_a_located_message(name: str):
    line, column, words = EXPECTED[name]
    problems = load([HOSTILE / name]).problems
    assert any((p.line, p.column) == (line, column) and words in p.message for p in problems), [
        str(p) for p in problems
    ]


@pytest.mark.parametrize("name", sorted(CLEAN))
def test_odd_but_valid_encodings_load(name: str):
    # crlf.yaml quotes the speaker that utf-8-bom.yaml defines.
    assert load([HOSTILE / name, HOSTILE / "utf-8-bom.yaml"]).problems == ()


def test_crlf_bom_and_utf16_files_load_their_content():
    briefing = load([HOSTILE / "crlf.yaml", HOSTILE / "utf-8-bom.yaml"]).briefing
    article = briefing.article("crlf")
    assert "\r" not in article.body
    assert article.quotes[0].speaker_id == "bom"
    assert load([HOSTILE / "utf-16-bom.yaml"]).briefing.info.title == "UTF-16 with a BOM"


def test_the_folder_loads_its_good_files_and_check_exits_1(capsys):
    result = load([HOSTILE, SEED_BRIEFING])
    ids = {a.id for a in result.briefing.articles}
    assert {"crlf", "hostile-text", "pakistan-un-peacekeeping-kashmir"} <= ids
    assert main(["check", str(HOSTILE)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert all(line.startswith(str(HOSTILE)) and line.count(":") >= 4 for line in out)


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path):
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    [problem] = load([big]).problems
    assert "over the 20 MiB limit" in problem.message


def test_folders_named_yaml_links_and_loops(tmp_path: Path):
    (tmp_path / "x.yaml").mkdir()
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "nowhere.yaml")
    (tmp_path / "loop").symlink_to(tmp_path)
    result = load([tmp_path, tmp_path / "x.yaml"])
    messages = [p.message for p in result.problems]
    assert any("cannot read the file" in m for m in messages)
    assert any("links back to one already read" in m for m in messages)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "secret.yaml"
    path.write_text("briefing: {title: x}\n")
    real_open = open

    def deny(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    [problem] = load_file(str(path)).problems
    assert "cannot read the file: Permission denied" in problem.message


# -- properties -----------------------------------------------------------------------------

yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "briefing",
                    "articles",
                    "article",
                    "speakers",
                    "id",
                    "title",
                    "body",
                    "figures",
                    "quotes",
                    "value",
                    "unit",
                    "text",
                    "start",
                    "speaker",
                    "bound",
                    "tags",
                    "x",
                ]
            )
            | st.text(max_size=8),
            children,
            max_size=5,
        )
    ),
    max_leaves=25,
)


def _check(text: str) -> list[Problem]:
    data, problems = parse_yaml(text, "prop.yaml")
    if data is not None or not problems:
        problems = [*problems, *check_document(data, "prop.yaml").problems]
    return problems


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text_gives_only_located_problems(text: str):
    for problem in _check(text):
        assert problem.path == "prop.yaml" and problem.line >= 1 and problem.column >= 1
        assert problem.message


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_values)
def test_any_yaml_structure_gives_only_located_problems(value):
    text = yaml.safe_dump(value, allow_unicode=True)
    for problem in _check(text):
        assert problem.line >= 1 and problem.column >= 1 and problem.message


hostile_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=60
)


@settings(max_examples=300, deadline=None)
@given(hostile_text, hostile_text, hostile_text)
def test_rendered_summaries_carry_no_control_characters(title: str, name: str, words: str):
    body = f"{words} 7 ships"
    article = Article(
        "a",
        title,
        body,
        figures=(Figure("a", 7, "ships", "7 ships", len(words) + 1, len(body), label=title),),
        quotes=(Quote("a", "s", words, 0, len(words)),),
    )
    briefing = Briefing(
        BriefingInfo(title=title, bottom_line=words), (article,), (Speaker("s", name, role=title),)
    )
    for fmt in ("text", "markdown", "html"):
        output = render(briefing, fmt)
        controls = [c for c in output if (ord(c) < 32 and c != "\n") or 0x7F <= ord(c) < 0xA0]
        assert controls == []
        assert not set(output) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


# -- nothing lost ---------------------------------------------------------------------------

_SLOW_WRITER = """
import os, sys, time
import tui.files.atomic as atomic

def slow_fsync(fd):
    print("writing", flush=True)
    time.sleep(30)

atomic.os.fsync = slow_fsync
atomic.write_atomic(sys.argv[1], "new content\\n" * 100000)
"""


def test_killing_the_writer_mid_write_leaves_the_old_file_intact(tmp_path: Path):
    target = tmp_path / "briefing.yaml"
    target.write_text("old content\n", encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITER, str(target)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "writing"
        time.sleep(0.1)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    assert target.read_text(encoding="utf-8") == "old content\n"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "briefing.yaml"]
    assert all(name.endswith(".tmp") for name in leftovers)

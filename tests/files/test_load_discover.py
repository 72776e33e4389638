"""Discovery: one folder listing per folder finds what os.walk found, in the same order."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import DATA
from tui.files import loader
from tui.model.problems import Problem


def _walk_reference(folder: str, problems: list[Problem]) -> Iterator[tuple[str, str]]:
    """The os.walk version `loader._walk` replaced (it asked the system about every file)."""
    visited: set[str] = set()
    for root, dirs, names in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in visited:
            problems.append(
                Problem(
                    root, 1, 1, "(folder)", "this folder links back to one already read; skipped"
                )
            )
            dirs[:] = []
            continue
        visited.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if name.endswith(loader.YAML_SUFFIXES) and not name.startswith("."):
                path = os.path.join(root, name)
                linked = os.path.islink(path)
                yield path, os.path.realpath(path) if linked else os.path.join(real, name)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Folders, hidden entries, links to files and folders, loops and a dangling link."""
    root = tmp_path / "tree"
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".hidden").mkdir()
    (root / "folder.yaml").mkdir()
    for name in ("one.yaml", "two.yml", ".dot.yaml", "notes.txt"):
        (root / name).write_text("briefing: {title: x}\n")
    (root / "a" / "x.yaml").write_text("briefing: {title: x}\n")
    (root / "b" / "deep" / "y.yaml").write_text("briefing: {title: y}\n")
    (root / ".hidden" / "z.yaml").write_text("briefing: {title: z}\n")
    (root / "link.yaml").symlink_to(root / "one.yaml")
    (root / "dangling.yaml").symlink_to(root / "missing.yaml")
    (root / "b" / "up").symlink_to(root)
    (root / "c").symlink_to(root / "b")
    (root / "a" / "again").symlink_to(root / "a")
    return root


def _both(folder: str) -> tuple[tuple[list[object], list[Problem]], ...]:
    ours: list[Problem] = []
    theirs: list[Problem] = []
    return (
        (list(loader._walk(folder, ours)), ours),
        (list(_walk_reference(folder, theirs)), theirs),
    )


@pytest.mark.parametrize("suffix", ["", "/", "//"])
def test_walk_finds_what_os_walk_found(tree: Path, suffix: str):
    ours, theirs = _both(str(tree) + suffix)
    assert sorted(ours[0]) == sorted(theirs[0])  # type: ignore[type-var]
    assert ours[1] == theirs[1]
    assert ours[1], "the tree has loops"


def test_walk_matches_on_the_test_data():
    ours, theirs = _both(str(DATA))
    assert sorted(ours[0]) == sorted(theirs[0])  # type: ignore[type-var]
    assert ours[1] == theirs[1]


def test_discover_lists_each_file_once(tree: Path):
    files, problems = loader.discover([tree, tree / "one.yaml", tree / "c"])
    names = [os.path.relpath(path, tree) for path in files]
    assert names == [
        "a/x.yaml",
        "b/deep/y.yaml",
        "dangling.yaml",
        "link.yaml",  # one.yaml by another name, sorted first
        "two.yml",
    ]
    assert all("links back" in problem.message for problem in problems)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads every folder"
)
def test_an_unreadable_folder_is_skipped_as_os_walk_skips_it(tree: Path):
    (tree / "a").chmod(0)
    try:
        ours, theirs = _both(str(tree))
        assert sorted(ours[0]) == sorted(theirs[0])  # type: ignore[type-var]
        assert ours[1] == theirs[1]
    finally:
        (tree / "a").chmod(0o755)

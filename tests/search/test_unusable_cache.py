"""A cache folder that cannot be used (missing and not makeable, a file, /dev/null, another
user's, the index's place a folder): every command works without it; `briefing search`
answers from an index in memory and says why in one line; the dashboard's search is ready.
And what the cache writes is private: folders 0700, files 0600, another user's files refused."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED_BRIEFING
from tui.files.loader import load
from tui.search.index import SearchIndex
from tui.search.service import SearchService, index_of

TIMEOUT = 60
OTHER = 12345
"""Another user's uid (tests run as root, who may give a file away)."""


def _as_file(tmp: Path) -> dict[str, str]:
    (tmp / "a-file").write_text("not a folder\n")
    return {"BRIEFING_CACHE_DIR": str(tmp / "a-file")}


def _under_a_file(tmp: Path) -> dict[str, str]:
    (tmp / "a-file").write_text("not a folder\n")
    return {"BRIEFING_CACHE_DIR": str(tmp / "a-file" / "cache")}


def _home_under_a_file(tmp: Path) -> dict[str, str]:
    """An unwritable home, as root can only have it: a home whose folders cannot be made."""
    (tmp / "a-file").write_text("not a folder\n")
    return {"BRIEFING_CACHE_DIR": "", "HOME": str(tmp / "a-file" / "home"),
            "XDG_CACHE_HOME": ""}


def _dev_null(tmp: Path) -> dict[str, str]:
    return {"BRIEFING_CACHE_DIR": os.devnull}


def _index_is_a_folder(tmp: Path) -> dict[str, str]:
    with SearchIndex.for_paths([str(SEED_BRIEFING)], tmp / "probe") as probe:
        name = Path(probe.path).name  # where the seed's index goes: a folder there
    (tmp / "cache" / "index" / name).mkdir(parents=True)
    return {"BRIEFING_CACHE_DIR": str(tmp / "cache")}


def _another_users_folder(tmp: Path) -> dict[str, str]:
    (tmp / "cache" / "index").mkdir(parents=True)
    (tmp / "cache" / "load").mkdir()
    os.chown(tmp / "cache" / "index", OTHER, OTHER)
    os.chown(tmp / "cache" / "load", OTHER, OTHER)
    return {"BRIEFING_CACHE_DIR": str(tmp / "cache")}


CASES: dict[str, tuple[Callable[[Path], dict[str, str]], str]] = {
    "cache-is-a-file": (_as_file, "cannot be made"),
    "cache-under-a-file": (_under_a_file, "cannot be made"),
    "home-unwritable": (_home_under_a_file, "cannot be made"),
    "cache-is-dev-null": (_dev_null, "cannot be made"),
    "index-is-a-folder": (_index_is_a_folder, "is a folder"),
    "another-users-folder": (_another_users_folder, "belongs to another user"),
}


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "BRIEFING_CONFIG"}
    environment.update(env)
    environment = {k: v for k, v in environment.items() if v != ""}
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], cwd=cwd, env=environment, capture_output=True,
        text=True, timeout=TIMEOUT,
    )


@pytest.mark.parametrize("case", sorted(CASES))
def test_commands_work_without_the_cache(tmp_path: Path, case: str):
    make, why = CASES[case]
    env = make(tmp_path)
    env["PYTHONPATH"] = str(ROOT)
    found = _run(["search", "kashmir", str(SEED_BRIEFING)], env, tmp_path)
    assert found.returncode == 0, found.stderr
    assert "kashmir" in found.stdout.lower()
    (line,) = found.stderr.strip().splitlines()
    assert "in memory" in line and why in line
    assert "internal error" not in line and "Traceback" not in line
    for command in ("summary", "check"):
        done = _run([command, str(SEED_BRIEFING)], env, tmp_path)
        assert done.returncode == 0, done.stderr
        assert "internal error" not in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_dashboards_search_is_ready_without_the_cache(
    tmp_path: Path, case: str, monkeypatch: pytest.MonkeyPatch
):
    from tui.session.session import BriefingSession, Indexed

    make, why = CASES[case]
    for name, value in make(tmp_path).items():
        if value:
            monkeypatch.setenv(name, value)
        else:
            monkeypatch.delenv(name, raising=False)
    session = BriefingSession([str(SEED_BRIEFING)])
    try:
        stages = list(session.refresh())
        indexed = stages[-1]
        assert isinstance(indexed, Indexed) and indexed.error is None
        assert session.search.ready
        assert session.search.fallback is not None and why in session.search.fallback
        assert session.search.search("kashmir")
    finally:
        session.close()


def test_a_cache_folder_that_cannot_be_made_is_worked_around(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """An unwritable home, simulated (root may write anywhere)."""

    def refused(path: object, mode: int = 0o777) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "mkdir", refused)
    briefing = load([SEED_BRIEFING]).briefing
    index, why = index_of([SEED_BRIEFING], briefing, tmp_path / "missing")
    with index:
        assert index.path == ":memory:"
        assert index.search("kashmir")
    assert why is not None and "Permission denied" in why
    service = SearchService([str(SEED_BRIEFING)], tmp_path / "missing")
    assert service.update(briefing) is None and service.ready
    service.close()
    from tui.store.cache import load_cached

    assert load_cached([SEED_BRIEFING], cache_dir=tmp_path / "missing") == load([SEED_BRIEFING])


# -- private ------------------------------------------------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_index_and_its_folders_are_private(tmp_path: Path):
    old = os.umask(0)
    try:
        briefing = load([SEED_BRIEFING]).briefing
        with SearchIndex.for_paths([SEED_BRIEFING], tmp_path / "cache") as index:
            index.update(briefing)
            path = Path(index.path)
            assert _mode(path.parent) == 0o700 and _mode(path.parent.parent) == 0o700
            for name in (path, Path(f"{path}-wal"), Path(f"{path}.lock")):
                assert _mode(name) == 0o600, name
    finally:
        os.umask(old)


@pytest.mark.parametrize("suffix", ["", "-wal", ".lock"])
def test_another_users_index_files_are_never_used(tmp_path: Path, suffix: str):
    briefing = load([SEED_BRIEFING]).briefing
    with SearchIndex.for_paths([SEED_BRIEFING], tmp_path) as index:
        index.update(briefing)
        path = Path(index.path)
    foreign = Path(f"{path}{suffix}")
    if not foreign.exists():
        foreign.write_bytes(b"")
    os.chown(foreign, OTHER, OTHER)
    found, why = index_of([SEED_BRIEFING], briefing, tmp_path)
    with found:
        assert found.search("kashmir")
        if suffix == ".lock":  # the lock cannot be replaced under whoever holds it
            assert found.path == ":memory:"
            assert why is not None and "another user's" in why
            assert foreign.stat().st_uid == OTHER
        else:  # the index is the user's again, built anew
            assert why is None and found.path == str(path)
            assert path.stat().st_uid == os.getuid()
            assert not foreign.exists() or foreign.stat().st_uid == os.getuid()


def test_an_index_folder_others_may_write_to_is_refused(tmp_path: Path):
    (tmp_path / "index").mkdir(mode=0o777)
    os.chmod(tmp_path / "index", 0o777)
    briefing = load([SEED_BRIEFING]).briefing
    found, why = index_of([SEED_BRIEFING], briefing, tmp_path)
    with found:
        assert found.path == ":memory:"
    assert why is not None and "may be written by other users" in why
    assert list((tmp_path / "index").iterdir()) == []

"""One on-disk index shared by several processes: a build another process is running is waited
for, never taken for a crash or for damage; a busy or locked file is never removed; when it
stays busy, search answers from an index in memory and says so."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import tui.search.database as database
from tests.conftest import ROOT, SEED_BRIEFING
from tui.files.loader import load
from tui.model.briefing import Briefing
from tui.search.database import IndexBusy, IndexLock, IndexUnavailable, damaged
from tui.search.index import SearchIndex
from tui.search.service import SearchService, index_of

TIMEOUT = 90
"""Seconds a `briefing search` may take here (a build of 300 articles takes well under one)."""
ARTICLES = 300


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    folder = tmp_path_factory.mktemp("generated") / "corpus"
    generate(ARTICLES, folder)
    return folder


@pytest.fixture
def seed() -> Briefing:
    return load([SEED_BRIEFING]).briefing


def _start(corpus: Path, cache: Path) -> subprocess.Popen[str]:
    environment = {k: v for k, v in os.environ.items() if k != "BRIEFING_CONFIG"}
    environment["BRIEFING_CACHE_DIR"] = str(cache)
    return subprocess.Popen(
        [sys.executable, "-m", "tui", "search", "kashmir minister", str(corpus), "--limit", "20"],
        cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    try:
        out, err = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise
    return process.returncode, out, err


def _state(path: str | Path) -> tuple[str, int]:
    with sqlite3.connect(path) as db:
        state = db.execute("SELECT value FROM meta WHERE name = 'state'").fetchone()[0]
        docs = db.execute("SELECT count(*) FROM docs").fetchone()[0]
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    return state, docs


@pytest.mark.parametrize("staggered", [False, True], ids=["at-once", "while-building"])
def test_concurrent_searches_share_one_index(generated: Path, tmp_path: Path, staggered: bool):
    cache = tmp_path / "cache"
    first = _start(generated, cache)
    if staggered:  # the others start once the first is writing the index
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline and first.poll() is None:
            wal = [p.stat().st_size for p in cache.glob("index/*.sqlite3-wal") if p.exists()]
            if wal and wal[0] > 100_000:
                break
            time.sleep(0.002)
    others = [_start(generated, cache) for _ in range(4)]
    results = [_finish(process) for process in [first, *others]]
    for code, out, err in results:
        assert code == 0, err
        assert err == ""
        assert out.count("\n") > 10
    assert len({out for _, out, _ in results}) == 1
    (index,) = (cache / "index").glob("*.sqlite3")
    assert _state(index) == ("ready", ARTICLES + 1)


def _built(tmp_path: Path, briefing: Briefing) -> str:
    with SearchIndex.for_paths([SEED_BRIEFING], tmp_path) as index:
        index.update(briefing)
        return index.path


def _mark(path: str, state: str) -> None:
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = ? WHERE name = 'state'", (state,))


def test_a_live_build_is_waited_for_and_never_undone(tmp_path: Path, seed: Briefing):
    path = _built(tmp_path, seed)
    _, docs = _state(path)
    builder = IndexLock(Path(path))  # another process, building: its lock held, marked so
    with builder.held():
        _mark(path, "building")
        started = time.monotonic()
        with pytest.raises(IndexBusy, match="being built by another process"):
            SearchIndex.for_paths([SEED_BRIEFING], tmp_path, wait=0.3)
        assert 0.3 <= time.monotonic() - started < 5
        assert _state(path) == ("building", docs)  # nothing dropped under the builder
        _mark(path, "ready")
    builder.close()
    with SearchIndex.for_paths([SEED_BRIEFING], tmp_path) as index:
        assert index.count() > 0
        assert index.update(seed) == 0  # the builder's work, kept


def test_a_build_a_crash_left_is_built_again(tmp_path: Path, seed: Briefing):
    path = _built(tmp_path, seed)
    _mark(path, "building")  # and no process holds the lock: the builder died
    with SearchIndex.for_paths([SEED_BRIEFING], tmp_path) as index:
        assert index.count() == 0
        assert index.update(seed) > 0
    assert _state(path)[0] == "ready"


def test_the_builder_is_waited_for_then_its_index_used(tmp_path: Path, seed: Briefing):
    path = _built(tmp_path, seed)
    builder = IndexLock(Path(path))
    with builder.held():
        _mark(path, "building")
        import threading

        def finish() -> None:
            time.sleep(0.3)
            _mark(path, "ready")
            builder.close()

        threading.Thread(target=finish).start()
        with SearchIndex.for_paths([SEED_BRIEFING], tmp_path, wait=10) as index:
            assert index.update(seed) == 0
            assert index.search("kashmir")


def test_a_locked_file_is_not_damaged(
    tmp_path: Path, seed: Briefing, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(database, "BUSY_MS", 100)
    with SearchIndex.for_paths([SEED_BRIEFING], tmp_path) as index:
        path = index.path
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another writer, outside our lock
        with (
            SearchIndex.for_paths([SEED_BRIEFING], tmp_path) as index,
            pytest.raises(IndexUnavailable, match="locked"),
        ):
            index.update(seed)
        assert Path(path).exists()
        found, why = index_of([SEED_BRIEFING], seed, tmp_path)
        with found:
            assert found.path == ":memory:"
            assert found.search("kashmir")
        assert why is not None and "locked" in why and "\n" not in why
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert Path(path).exists()
    with SearchIndex.for_paths([SEED_BRIEFING], tmp_path) as index:
        assert index.update(seed) > 0


def test_busy_errors_are_not_damage() -> None:
    assert not damaged(_error("database is locked", 5))  # SQLITE_BUSY
    assert not damaged(_error("database table is locked", 6))  # SQLITE_LOCKED
    assert not damaged(_error("disk I/O error", 10))
    assert damaged(_error("database disk image is malformed", 11))
    assert damaged(sqlite3.DatabaseError("file is not a database"))


def _error(message: str, code: int) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code
    return error


def test_a_search_service_answers_from_memory_while_another_builds(
    tmp_path: Path, seed: Briefing, monkeypatch: pytest.MonkeyPatch
):
    path = _built(tmp_path, seed)
    monkeypatch.setattr(database, "BUILD_WAIT", 0.2)
    builder = IndexLock(Path(path))
    with builder.held():
        _mark(path, "building")
        service = SearchService([str(SEED_BRIEFING)], tmp_path)
        assert service.update(seed) is None
        assert service.ready
        assert service.fallback is not None and "another process" in service.fallback
        assert service.search("kashmir")
        service.close()
        assert _state(path)[0] == "building"
    builder.close()

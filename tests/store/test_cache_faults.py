"""Ordinary faults around the load cache: another user's files and folders are never used,
what it writes is private, temporary files a killed write left are removed (never one a live
writer holds), and a killed cold load leaves no pool worker running."""

from __future__ import annotations

import fcntl
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

import tui.store.cache as cache
import tui.store.cache_parse as cache_parse
from tests.conftest import ROOT, SEED_BRIEFING
from tui.files.loader import load
from tui.store.private import STALE_SECONDS, prune_temporaries

OTHER = 12345
"""Another user's uid (tests run as root, who may give a file away)."""


@pytest.fixture(autouse=True)
def _no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_parse, "RACY_SECONDS", 0.0)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _cache_files(folder: Path) -> list[Path]:
    return sorted((folder / "load").glob("*.cache"))


# -- private --------------------------------------------------------------------------------


def test_the_cache_folders_and_file_are_private(tmp_path: Path):
    old = os.umask(0)
    try:
        cache.load_cached([SEED_BRIEFING], cache_dir=tmp_path / "a" / "cache")
    finally:
        os.umask(old)
    (stored,) = _cache_files(tmp_path / "a" / "cache")
    assert _mode(stored) == 0o600
    for folder in (tmp_path / "a", tmp_path / "a" / "cache", stored.parent):
        assert _mode(folder) == 0o700, folder


def test_another_users_cache_file_is_never_read(tmp_path: Path):
    cache.load_cached([SEED_BRIEFING], cache_dir=tmp_path)
    (stored,) = _cache_files(tmp_path)
    os.chown(stored, OTHER, OTHER)
    assert cache.load_cached([SEED_BRIEFING], cache_dir=tmp_path) == load([SEED_BRIEFING])
    assert cache.last_stats.reused == 0
    (stored,) = _cache_files(tmp_path)
    assert stored.stat().st_uid == os.getuid()  # replaced by the user's own


@pytest.mark.parametrize("fault", ["another-user", "group-writable"])
def test_a_cache_folder_not_private_is_not_written(tmp_path: Path, fault: str):
    (tmp_path / "load").mkdir()
    if fault == "another-user":
        os.chown(tmp_path / "load", OTHER, OTHER)
    else:
        os.chmod(tmp_path / "load", 0o777)
    assert cache.load_cached([SEED_BRIEFING], cache_dir=tmp_path) == load([SEED_BRIEFING])
    assert list((tmp_path / "load").iterdir()) == []


# -- temporaries ----------------------------------------------------------------------------


def _temporary(folder: Path, name: str, age: float) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(b"half a cache file")
    stamp = time.time() - age
    os.utime(path, (stamp, stamp))
    return path


@pytest.mark.parametrize("when", ["written", "opened"])
def test_stale_temporaries_are_removed(tmp_path: Path, when: str):
    if when == "opened":  # a warm load writes nothing: opening the cache prunes
        cache.load_cached([SEED_BRIEFING], cache_dir=tmp_path)
    folder = tmp_path / "load"
    stale = _temporary(folder, ".killed.tmp", STALE_SECONDS + 60)
    fresh = _temporary(folder, ".writing.tmp", 5)
    held = _temporary(folder, ".slow-writer.tmp", STALE_SECONDS + 60)
    mine = _temporary(folder, "notes.txt", STALE_SECONDS + 60)
    fd = os.open(held, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # a live writer, however slow
        cache.load_cached([SEED_BRIEFING], cache_dir=tmp_path)
        assert cache.last_stats.written == (when == "written")
        assert not stale.exists()
        assert fresh.exists() and held.exists() and mine.exists()
    finally:
        os.close(fd)
    assert prune_temporaries(folder) == 1  # the writer is gone: its file is stale
    assert not held.exists() and fresh.exists()


# -- pool workers ---------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    """Alive and not a zombie (a container's init may never reap an orphan)."""
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.skipif(cache_parse.worker_count() < 2, reason="one core: no process pool")
def test_pool_workers_exit_when_the_command_is_killed(tmp_path: Path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    corpus = tmp_path / "corpus"
    generate(cache_parse.PARALLEL_MIN_FILES * 3, corpus)  # a cold parse of this uses the pool
    environment = {k: v for k, v in os.environ.items() if k != "BRIEFING_CONFIG"}
    environment["BRIEFING_CACHE_DIR"] = str(tmp_path / "cache")
    command = subprocess.Popen(
        [sys.executable, "-m", "tui", "summary", str(corpus)], cwd=ROOT, env=environment,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while time.monotonic() < deadline and command.poll() is None:
            workers = _children(command.pid)
            if len(workers) >= 2:
                break
            time.sleep(0.005)
        assert len(workers) >= 2, "the pool never started"
        os.kill(command.pid, signal.SIGKILL)
        command.wait(timeout=10)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(map(_running, workers)):
            time.sleep(0.05)
        left = [pid for pid in workers if _running(pid)]
        for pid in left:  # not to leave them behind when the test fails
            os.kill(pid, signal.SIGKILL)
        assert left == []
    finally:
        if command.poll() is None:
            command.kill()
            command.wait(timeout=10)

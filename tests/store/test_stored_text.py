"""Bodies left in the cache file: read back exactly, whatever happens to the file meanwhile."""

from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path

import pytest

import tui.store.cache as cache
import tui.store.cache_file as cache_file
import tui.store.cache_parse as cache_parse
from tests.conftest import DATA, SEED_BRIEFING
from tui.files.loader import load
from tui.model.briefing import body_is_deferred, body_utf8, kept_body
from tui.reports.changes import article_key
from tui.store.seen import fingerprint
from tui.store.stored_text import BlobText, StoredText


@pytest.fixture(autouse=True)
def _no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_parse, "RACY_SECONDS", 0.0)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "briefing"
    shutil.copytree(DATA / "valid", folder)
    shutil.copy(SEED_BRIEFING, folder / "seed.yaml")
    return folder


def _warm(corpus: Path):
    cache.load_cached([corpus])
    loaded = cache.load_cached([corpus])
    assert cache.last_stats.parsed == 0
    assert all(body_is_deferred(article) for article in loaded.briefing.articles)
    return loaded


def _cache_file() -> Path:
    (found,) = (cache.cache_dir() / "load").glob("*.cache")
    return found


def test_deferred_bodies_read_back_what_the_files_hold(corpus: Path):
    loaded = _warm(corpus)
    expected = {article.id: article.body for article in load([corpus]).briefing.articles}
    assert {article.id: article.body for article in loaded.briefing.articles} == expected
    for article in loaded.briefing.articles:  # and their bytes without decoding, the same
        assert body_utf8(article) == article.body.encode("utf-8")
        assert article_key(article) == fingerprint(article.title, article.body)


def test_bodies_stay_readable_after_the_cache_file_is_replaced_or_removed(corpus: Path):
    loaded = _warm(corpus)
    expected = [article.body for article in load([corpus]).briefing.articles]
    store = _cache_file()
    store.write_bytes(b"x" * store.stat().st_size)  # another file at the same path
    assert [article.body for article in loaded.briefing.articles] == expected
    store.unlink()
    assert [article.body for article in loaded.briefing.articles] == expected


def test_bytes_damaged_after_loading_are_read_from_the_article_file(corpus: Path):
    loaded = _warm(corpus)
    expected = [article.body for article in load([corpus]).briefing.articles]
    store = _cache_file()
    data = bytearray(store.read_bytes())
    data[-200:] = bytes(200)  # in place: the open file sees it
    with open(store, "r+b") as handle:
        handle.write(data)
    assert [article.body for article in loaded.briefing.articles] == expected


def test_the_cache_file_is_closed_once_its_bodies_are_gone(corpus: Path):
    def opened(fd: int) -> str | None:
        """What descriptor `fd` of this process names now, if it is open."""
        try:
            return os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            return None

    if not os.path.isdir("/proc/self/fd"):
        pytest.skip("needs /proc")
    cache.load_cached([corpus])
    loaded = cache.load_cached([corpus])
    held = kept_body(loaded.briefing.articles[0])
    assert isinstance(held, StoredText)
    fd, store = held.file.fd, os.path.realpath(_cache_file())
    assert opened(fd) == store
    del loaded, held
    gc.collect()
    assert opened(fd) != store  # closed (the number may since name another file)


def test_a_parallel_cold_load_moves_its_bodies_to_the_cache_file_it_writes(corpus: Path):
    loaded = cache.load_cached([corpus], parallel=True)
    assert cache.last_stats.parallel and cache.last_stats.written
    articles = loaded.briefing.articles
    assert all(isinstance(kept_body(article), StoredText) for article in articles)
    expected = {article.id: article.body for article in load([corpus]).briefing.articles}
    assert {article.id: article.body for article in articles} == expected


def test_bodies_stay_in_memory_when_the_cache_cannot_be_written(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
):
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(cache_file, "write_private", refuse)
    loaded = cache.load_cached([corpus], parallel=True)
    assert not cache.last_stats.written
    articles = loaded.briefing.articles
    assert all(isinstance(kept_body(article), BlobText) for article in articles)
    expected = {article.id: article.body for article in load([corpus]).briefing.articles}
    assert {article.id: article.body for article in articles} == expected

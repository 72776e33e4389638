"""The parsed-file cache: the loader's result, only changed files parsed, bad caches rebuilt."""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

import pytest

import tui.store.cache as cache
import tui.store.cache_file as cache_file
import tui.store.cache_parse as cache_parse
from tests.conftest import DATA, ROOT, SEED_BRIEFING
from tui.files import loader
from tui.files.loader import load
from tui.model.briefing import body_is_deferred

PAST = 1_600_000_000


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A copy of the valid folder: three files that make one briefing."""
    folder = tmp_path / "briefing"
    shutil.copytree(DATA / "valid", folder)
    return folder


@pytest.fixture(autouse=True)
def _no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    # Test files are written moments before they are read; trust their timestamps.
    monkeypatch.setattr(cache_parse, "RACY_SECONDS", 0.0)


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files `load_file` parses (the cache calls it through tui.store.cache_parse)."""
    calls: list[str] = []
    real = loader.load_file

    def counting(path: str):
        calls.append(os.path.basename(path))
        return real(path)

    monkeypatch.setattr(cache_parse, "load_file", counting)
    return calls


_stamps = iter(range(PAST, PAST + 10_000))


def _touch(path: Path, text: str | None = None) -> None:
    """Rewrite a file and give it a new modification time (in the past, so not racy)."""
    if text is not None:
        path.write_text(text, encoding="utf-8")
    stamp = next(_stamps)
    os.utime(path, (stamp, stamp))


def _cache_files() -> list[Path]:
    return sorted((cache.cache_dir() / "load").glob("*.cache"))


def test_cache_folder_comes_from_the_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert cache.cache_dir() == tmp_path / "elsewhere"
    assert cache.cache_dir(tmp_path / "x") == tmp_path / "x"


def test_miss_then_hit_gives_the_loaders_result(corpus: Path, parsed: list[str]) -> None:
    expected = load([corpus])
    first = cache.load_cached([corpus])
    assert first == expected
    assert sorted(parsed) == ["council.yaml", "meta.yaml", "ministry.yaml"]
    assert cache.last_stats.written and len(_cache_files()) == 1

    parsed.clear()
    second = cache.load_cached([corpus])
    assert second == expected
    assert parsed == []
    assert cache.last_stats.reused == 3 and not cache.last_stats.written


def test_a_hit_without_shared_values_gives_the_same_result(corpus: Path, parsed: list[str]):
    expected = load([corpus])
    cache.load_cached([corpus])
    parsed.clear()
    assert cache.load_cached([corpus], share=False) == expected
    assert parsed == []


def test_the_seed_briefing(parsed: list[str]) -> None:
    expected = load([SEED_BRIEFING])
    assert cache.load_cached([SEED_BRIEFING]) == expected
    parsed.clear()
    assert cache.load_cached([SEED_BRIEFING]) == expected
    assert parsed == []


def test_problems_are_cached_too(parsed: list[str]) -> None:
    broken = [DATA / "broken"]
    expected = load(broken)
    assert expected.problems
    assert cache.load_cached(broken) == expected
    parsed.clear()
    assert cache.load_cached(broken) == expected
    assert parsed == []


def test_only_a_changed_file_is_parsed_again(corpus: Path, parsed: list[str]) -> None:
    cache.load_cached([corpus])
    council = corpus / "council.yaml"
    _touch(council, council.read_text().replace("Council approves", "Council backs"))
    parsed.clear()
    result = cache.load_cached([corpus])
    assert parsed == ["council.yaml"]
    assert result == load([corpus])
    assert result.briefing.article("council-vote").title == "Council backs harbour bridge"
    parsed.clear()
    assert cache.load_cached([corpus]) == result
    assert parsed == []


def test_same_size_edit_with_a_new_mtime_is_seen(corpus: Path, parsed: list[str]) -> None:
    cache.load_cached([corpus])
    council = corpus / "council.yaml"
    text = council.read_text()
    _touch(council, text.replace("$120 million", "$130 million"))
    assert council.stat().st_size == len(text.encode())
    result = cache.load_cached([corpus])
    assert next(result.briefing.figures).text == "$130 million"


def test_new_and_deleted_files(corpus: Path, parsed: list[str]) -> None:
    cache.load_cached([corpus])
    (corpus / "ministry.yaml").unlink()
    shutil.copy(DATA / "broken" / "missing-body.yaml", corpus / "extra.yaml")
    parsed.clear()
    result = cache.load_cached([corpus])
    assert parsed == ["extra.yaml"]
    assert result == load([corpus])
    assert result.briefing.article("ministry-estimate") is None
    assert result.problems


def test_a_file_that_turns_bad_and_good_again(corpus: Path, parsed: list[str]) -> None:
    council = corpus / "council.yaml"
    good = council.read_text()
    cache.load_cached([corpus])
    _touch(council, good + "  oops: [\n")
    assert cache.load_cached([corpus]) == load([corpus])
    assert cache.load_cached([corpus]).problems
    _touch(council, good)
    assert cache.load_cached([corpus]) == load([corpus])
    assert not cache.load_cached([corpus]).problems


def _zeroed_head(data: bytes) -> bytes:
    """The cache file with 20 bytes of its first block's pickled columns zeroed."""
    (header_size,) = struct.unpack_from("<I", data, 8)
    at = 12 + header_size + 8 + 16
    return data[:at] + bytes(20) + data[at + 20 :]


def test_a_damaged_body_is_read_from_its_file(corpus: Path, parsed: list[str]) -> None:
    expected = cache.load_cached([corpus])
    (store,) = _cache_files()
    store.write_bytes(store.read_bytes()[:-20] + bytes(20))  # the last body's end
    loaded = cache.load_cached([corpus])
    assert all(body_is_deferred(article) for article in loaded.briefing.articles)
    assert loaded == expected  # the damaged body was read again from its own file


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: _zeroed_head(data),  # crc mismatch
        lambda data: b"NOTCACHE" + data[8:],  # other magic
        lambda data: b"",  # empty
        lambda data: data[:40] + b"x" + data[41:],  # header damaged
    ],
    ids=["truncated", "corrupt", "magic", "empty", "header"],
)
def test_a_damaged_cache_is_rebuilt(corpus: Path, parsed: list[str], damage) -> None:
    expected = cache.load_cached([corpus])
    (store,) = _cache_files()
    store.write_bytes(damage(store.read_bytes()))
    parsed.clear()
    assert cache.load_cached([corpus]) == expected
    assert len(parsed) == 3
    parsed.clear()
    assert cache.load_cached([corpus]) == expected
    assert parsed == []


def test_a_damaged_pickle_with_a_matching_checksum_is_rebuilt(
    corpus: Path, parsed: list[str]
) -> None:
    expected = cache.load_cached([corpus])
    (store,) = _cache_files()
    stamp = cache._code_stamp()
    not_a_pickle = b"not a pickle"
    cache_file.write_cache(store, stamp, [struct.pack("<Q", len(not_a_pickle)) + not_a_pickle])
    parsed.clear()
    assert cache.load_cached([corpus]) == expected
    assert len(parsed) == 3


def test_another_version_is_not_trusted(
    corpus: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache.load_cached([corpus])
    monkeypatch.setattr(cache, "FORMAT_VERSION", 999)
    parsed.clear()
    cache.load_cached([corpus])
    assert len(parsed) == 3
    monkeypatch.setattr(cache, "__version__", "99.0")
    parsed.clear()
    cache.load_cached([corpus])
    assert len(parsed) == 3


def test_a_cache_writable_by_others_is_not_trusted(corpus: Path, parsed: list[str]) -> None:
    cache.load_cached([corpus])
    (store,) = _cache_files()
    store.chmod(0o666)
    parsed.clear()
    cache.load_cached([corpus])
    assert len(parsed) == 3


def test_a_file_changed_just_before_reading_is_parsed_again(
    corpus: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_parse, "RACY_SECONDS", 3600.0)
    cache.load_cached([corpus])
    parsed.clear()
    cache.load_cached([corpus])
    assert len(parsed) == 3  # nothing was settled enough to be trusted


def test_paths_as_given_are_kept(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(corpus.parent)
    relative = cache.load_cached(["briefing"])
    absolute = cache.load_cached([corpus])
    assert relative == load(["briefing"])
    assert absolute == load([corpus])
    assert relative.files != absolute.files


def test_missing_paths_and_empty_input(tmp_path: Path) -> None:
    assert cache.load_cached([tmp_path / "nope"]) == load([tmp_path / "nope"])
    assert cache.load_cached([]) == load([])


def test_progress_reaches_the_total(corpus: Path) -> None:
    seen: list[tuple[int, int]] = []
    cache.load_cached([corpus], progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (3, 3)
    seen.clear()
    cache.load_cached([corpus], progress=lambda done, total: seen.append((done, total)))
    assert seen == [(3, 3)]


def test_parallel_parse_gives_the_same_result(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    generate(70, tmp_path / "corpus")
    expected = load([tmp_path / "corpus"])
    result = cache.load_cached([tmp_path / "corpus"], parallel=True)
    assert cache.last_stats.parallel and cache.last_stats.parsed == 72
    assert result == expected
    assert cache.load_cached([tmp_path / "corpus"]) == expected
    assert cache.last_stats.reused == 72


def test_clear_removes_the_cache(corpus: Path) -> None:
    cache.load_cached([corpus])
    assert cache.clear() == 1
    assert _cache_files() == []


def test_the_parsing_code_is_stamped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stamp = cache._code_stamp()
    assert "=?" not in stamp and "tui.files.loader=" in stamp and "tui.files.validate=" in stamp
    # a change to the parser's source makes every cache stale
    changed = tmp_path / "validate.py"
    changed.write_text("# changed\n")
    monkeypatch.setattr(sys.modules["tui.files.validate"], "__file__", str(changed))
    assert cache._code_stamp() != stamp

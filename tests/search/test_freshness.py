"""`briefing search` on an index in step answers from it without loading any article; a
file edited, added or removed makes the next search load and see the change."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED_BRIEFING
from tui.files.loader import YAML_SUFFIXES, load
from tui.search import freshness
from tui.search.freshness import files_signature
from tui.search.service import fresh_index, index_of

ARTICLES = 30
TIMEOUT = 60
_SCRIPT = """
import json, sys
from tui.cli.main import main
code = main(sys.argv[1:])
loaded = [name for name in ("tui.store.cache", "tui.store.cache_parse", "tui.files.loader")
          if name in sys.modules]
print(json.dumps({"code": code, "loaded": loaded}))
"""


def _settle() -> None:
    """Wait until what was just written is older than the racy window."""
    time.sleep(freshness.RACY_SECONDS + 0.1)


@pytest.fixture
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    folder = tmp_path_factory.mktemp("generated") / "corpus"
    generate(ARTICLES, folder)
    _settle()
    return folder


def _search(corpus: Path, cache: Path, query: str = "kashmir") -> tuple[list[str], list[str]]:
    """The article ids a `briefing search` process found, and the cache modules it loaded."""
    environment = {k: v for k, v in os.environ.items() if k != "BRIEFING_CONFIG"}
    environment["BRIEFING_CACHE_DIR"] = str(cache)
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, "search", query, str(corpus), "--json", "--limit", "500"],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=TIMEOUT, check=False,
    )
    lines = done.stdout.splitlines()
    status = json.loads(lines[-1])
    assert status["code"] in (0, 1), done.stderr
    hits = [json.loads(line) for line in lines[:-1]]
    return [f"{hit['kind']}:{hit['article_id']}:{hit['start']}" for hit in hits], status["loaded"]


def _article(corpus: Path) -> Path:
    return sorted((corpus / "articles").rglob("*.yaml"))[0]


def test_an_index_in_step_answers_without_loading(corpus: Path, tmp_path: Path) -> None:
    first, loaded = _search(corpus, tmp_path / "cache")
    assert first and "tui.store.cache" in loaded
    again, loaded = _search(corpus, tmp_path / "cache")
    assert again == first
    assert loaded == []


def test_an_edited_file_is_seen(corpus: Path, tmp_path: Path) -> None:
    _search(corpus, tmp_path / "cache")
    assert _search(corpus, tmp_path / "cache", "zanzibarite")[0] == []
    article = _article(corpus)
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("  title: '", "  title: 'Zanzibarite ", 1), encoding="utf-8")
    hits, loaded = _search(corpus, tmp_path / "cache", "zanzibarite")
    assert len(hits) == 1 and "tui.store.cache" in loaded


def test_an_edit_of_the_same_size_and_time_is_seen(corpus: Path, tmp_path: Path) -> None:
    _search(corpus, tmp_path / "cache")
    article = _article(corpus)
    before = article.stat()
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("  title: 'The", "  title: 'Zzz", 1), encoding="utf-8")
    os.utime(article, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert article.stat().st_size == before.st_size
    assert len(_search(corpus, tmp_path / "cache", "zzz")[0]) == 1


def test_an_added_file_is_seen(corpus: Path, tmp_path: Path) -> None:
    _search(corpus, tmp_path / "cache")
    text = _article(corpus).read_text(encoding="utf-8")
    text = text.replace("  id: a000000", "  id: added", 1)
    text = text.replace("  title: '", "  title: 'Zanzibarite ", 1)
    (corpus / "articles" / "000" / "added.yaml").write_text(text, encoding="utf-8")
    hits, _loaded = _search(corpus, tmp_path / "cache", "zanzibarite")
    assert [hit.split(":")[1] for hit in hits] == ["added"]


def test_a_removed_file_is_seen(corpus: Path, tmp_path: Path) -> None:
    before, _loaded = _search(corpus, tmp_path / "cache")
    gone = before[0].split(":")[1]
    next(corpus.rglob(f"{gone}.yaml")).unlink()
    after, loaded = _search(corpus, tmp_path / "cache")
    assert "tui.store.cache" in loaded
    assert gone not in {hit.split(":")[1] for hit in after}
    assert {hit for hit in before if hit.split(":")[1] != gone} == set(after)


def test_a_signature_of_files_just_written_is_not_settled(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("article: {}\n", encoding="utf-8")
    first = files_signature([tmp_path])
    assert not first.settled
    (tmp_path / "notes.txt").write_text("not a briefing file\n", encoding="utf-8")
    assert files_signature([tmp_path]).digest != first.digest  # (the folder changed)


def test_suffixes_are_the_loaders() -> None:
    assert freshness.YAML_SUFFIXES == YAML_SUFFIXES


def test_an_update_without_a_signature_forgets_it(tmp_path: Path) -> None:
    """The dashboard updates the index without a signature: the one stored no longer holds."""
    paths = [str(SEED_BRIEFING)]
    briefing = load(paths).briefing
    index, fallback = index_of(paths, briefing, tmp_path, signature="s1", note="2")
    assert fallback is None
    with index:
        assert index.stamp() == ("s1", "2")
    found = fresh_index(paths, "s1", tmp_path)
    assert found is not None and found[1] == "2"
    found[0].close()
    assert fresh_index(paths, "s2", tmp_path) is None
    index, _fallback = index_of(paths, briefing, tmp_path)  # nothing changed: kept
    index.close()
    found = fresh_index(paths, "s1", tmp_path)
    assert found is not None
    found[0].close()
    with index_of(paths, briefing, tmp_path)[0] as index:
        index.clear()
    assert fresh_index(paths, "s1", tmp_path) is None

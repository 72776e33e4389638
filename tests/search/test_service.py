"""One search: the in-memory index and the on-disk one give the same hits; the service that
keeps the dashboard's index, its fallback, and a search in a 2 MB article."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT, SEED_BRIEFING
from tui.files.loader import load
from tui.model.briefing import Briefing
from tui.search.hits import Hit, Kind
from tui.search.index import SearchIndex
from tui.search.service import SearchService

QUERIES = [
    # single words, stemmed, names, numbers
    "kashmir", "peacekeeper", "peacekeeping", "Dar", "Lacroix", "Ishaq Dar", "182", "4.2",
    "235,000", "$5.5 billion", "ministry", "council", "the",
    # several words, phrases, words in quotes
    "peacekeeping reform", "line of control", '"Line of Control"', '"silver bullet"',
    'silver "bullet"', 'he said "we', '"security council" pakistan',
    # prefixes (as one types), punctuation, operators as words
    "peacek", "kash", "Jean-Pierre", "state-run", "U.N.", "NOT AND OR", "dar*", "(kashmir)",
    # nothing to find, nothing searchable
    "zeppelin", "xyzzy kashmir", '"', "", "   ", "-", "'",
]
CORPORA = {
    "seed": [SEED_BRIEFING],
    "valid": [DATA / "valid"],
    "wire": [ROOT / "tests" / "dashboard" / "data" / "wire"],
}


def _briefing(paths: list[Path]) -> Briefing:
    result = load(paths)
    assert result.briefing.articles
    return result.briefing


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_memory_and_disk_give_the_same_hits(tmp_path: Path, corpus: str) -> None:
    paths = CORPORA[corpus]
    briefing = _briefing(paths)
    found_any = 0
    with SearchIndex.open(":memory:") as memory, SearchIndex.for_paths(paths, tmp_path) as disk:
        memory.update(briefing)
        disk.update(briefing)
        assert disk.path != memory.path and Path(disk.path).is_file()
        own = [article.title for article in briefing.articles]
        own += [" ".join(article.body.split()[5:8]) for article in briefing.articles]
        own += [speaker.name for speaker in briefing.speakers]
        for query in QUERIES + own:
            for prefix in (False, True):
                in_memory = memory.search(query, limit=100, prefix=prefix)
                on_disk = disk.search(query, limit=100, prefix=prefix)
                assert in_memory == on_disk, (query, prefix)
                assert all(isinstance(hit, Hit) and isinstance(hit.kind, Kind) for hit in on_disk)
                found_any += bool(on_disk)
    assert found_any >= len(own)


def test_the_services_fallback_in_memory_gives_the_same_hits(tmp_path: Path) -> None:
    briefing = _briefing([SEED_BRIEFING])
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("the cache folder cannot be made here")
    on_disk = SearchService([str(SEED_BRIEFING)], tmp_path / "cache")
    in_memory = SearchService([str(SEED_BRIEFING)], not_a_folder)
    try:
        assert on_disk.update(briefing) is None and on_disk.fallback is None
        assert in_memory.update(briefing) is None and in_memory.fallback
        for query in QUERIES:
            assert in_memory.search(query) == on_disk.search(query), query
    finally:
        on_disk.close()
        in_memory.close()


def test_the_service_answers_none_until_ready_and_for_its_briefing_only(tmp_path: Path) -> None:
    briefing = _briefing([SEED_BRIEFING])
    service = SearchService([str(SEED_BRIEFING)], tmp_path)
    assert not service.ready and service.search("kashmir") is None
    assert service.update(briefing) is None
    assert service.ready and service.indexed is briefing
    assert service.search("kashmir", briefing=briefing)
    other = replace(briefing, articles=briefing.articles[:1])
    assert service.search("kashmir", briefing=other) is None
    assert service.update(other) is None
    assert service.search("kashmir", briefing=briefing) is None
    assert service.search("kashmir", briefing=other)
    service.close()
    assert service.search("kashmir") is None
    assert service.update(briefing) is not None, "closed"


def test_the_service_orders_hits_by_kind_and_points_text_hits_at_the_phrase(
    tmp_path: Path,
) -> None:
    briefing = _briefing([SEED_BRIEFING])
    service = SearchService([str(SEED_BRIEFING)], tmp_path)
    service.update(briefing)
    order = [Kind.SPEAKER, Kind.FIGURE, Kind.QUOTE, Kind.ARTICLE]
    for query in ("peacekeeping", "dar", "pakistan", "the"):
        hits = service.search(query) or []
        assert [order.index(h.kind) for h in hits] == sorted(order.index(h.kind) for h in hits)
    hits = service.search("line of control") or []
    text = [hit for hit in hits if hit.kind is Kind.ARTICLE and hit.span is not None]
    assert text
    article = briefing.article(text[0].article_id or "")
    assert article is not None and text[0].span is not None
    start, end = text[0].span
    assert article.body[start:end] == "Line of Control"
    service.close()


def test_a_search_waits_for_an_update_in_progress_then_answers(tmp_path: Path) -> None:
    briefing = _briefing([SEED_BRIEFING])
    service = SearchService([str(SEED_BRIEFING)], tmp_path)
    service.update(briefing)
    worker = threading.Thread(target=service.update, args=(briefing,))
    worker.start()
    worker.join()
    assert service.search("kashmir")
    service.close()


def _with_long_article(briefing: Briefing, size: int) -> tuple[Briefing, str]:
    article = briefing.articles[0]
    body = (article.body + "\n\n") * (size // (len(article.body) + 2) + 1)
    long = replace(article, id="long", title="A very long article", body=body)
    return replace(briefing, articles=(*briefing.articles, long)), body


def test_a_search_in_a_2_mb_article_answers_in_well_under_a_second(tmp_path: Path) -> None:
    briefing, body = _with_long_article(_briefing([SEED_BRIEFING]), 2_000_000)
    assert len(body) >= 2_000_000
    service = SearchService([str(SEED_BRIEFING)], tmp_path)
    assert service.update(briefing) is None
    slowest = 0.0
    for query in ("the", "peacekeeping", "line of control", "peacekeeping reform", "pak",
                  '"security council"', "kashmir dar", "zeppelin"):
        began = time.perf_counter()
        hits = service.search(query)
        slowest = max(slowest, time.perf_counter() - began)
        assert hits is not None
        for hit in hits:
            if hit.article_id == "long" and hit.kind is Kind.ARTICLE and hit.span:
                start, end = hit.span
                words = [word.strip('"').lower()[:3] for word in query.split()]
                assert any(word in body[start:end].lower() for word in words), query
                assert hit.snippet and len(hit.snippet) < 300
    assert slowest < 0.5, f"slowest search took {slowest:.2f} s"
    service.close()

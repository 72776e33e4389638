"""The search index on a generated corpus: ranking of selective queries, common words ordered
by recency, a half-built index rebuilt, edits reflected (no timing is asserted)."""

from __future__ import annotations

import sqlite3
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tui.files.loader import load
from tui.model.briefing import Briefing
from tui.search import index as index_module
from tui.search.index import SearchIndex

sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Briefing:
    folder = tmp_path_factory.mktemp("corpus") / "c"
    generate(60, folder)
    result = load([folder])
    assert result.ok
    first, *rest = result.briefing.articles
    marked = replace(first, title=first.title + " amid the zeppelin affair")
    return Briefing(result.briefing.info, (marked, *rest), result.briefing.speakers)


@pytest.fixture
def index(tmp_path: Path, corpus: Briefing):
    with SearchIndex.open(tmp_path) as opened:
        opened.update(corpus)
        yield opened


def test_a_selective_query_ranks_its_article_first(index: SearchIndex, corpus: Briefing) -> None:
    hits = index.search("zeppelin affair")
    assert hits and hits[0].article_id == corpus.articles[0].id
    assert hits[0].kind == "article" and "zeppelin" in hits[0].title
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)


def test_a_common_word_gives_the_newest_first(
    index: SearchIndex, corpus: Briefing, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_module, "RANK_CAP", 20)  # "the" matches far more rows than this
    hits = index.search("the", limit=30, kinds=["article"])
    assert len(hits) == 30
    published = {article.id: article.published or "" for article in corpus.articles}
    dates = [published[hit.article_id] for hit in hits]
    assert dates == sorted(dates, reverse=True)
    assert all(hit.snippet and hit.highlights for hit in hits)
    # quotes, figures and speakers too, each with its own snippet
    kinds = {hit.kind for hit in index.search("the", limit=500)}
    assert {"article", "quote"} <= kinds


def test_speakers_stay_among_the_newest(
    index: SearchIndex, corpus: Briefing, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_module, "RANK_CAP", 1)
    speaker = next(s for s in corpus.speakers if corpus.quotes_by_speaker.get(s.id))
    hits = index.search(speaker.name)
    assert hits[0].kind == "speaker" and hits[0].speaker_id == speaker.id


def test_phrases_and_a_lone_quote(index: SearchIndex) -> None:
    assert index.search('"') == [] and index.search('""') == []
    assert index.search('"collective credibility"')
    assert all(
        "collective credibility" in h.snippet.lower()
        for h in index.search('"collective credibility"', kinds=["quote"])
    )
    assert index.search('"credibility collective"') == []


def test_edits_are_searched_right_after_update(index: SearchIndex, corpus: Briefing) -> None:
    first, second, *rest = corpus.articles
    edited = replace(second, body=second.body + "\n\nA quokka was seen.", title="Quokka news")
    assert index.update(Briefing(corpus.info, (first, edited, *rest), corpus.speakers)) == 1
    hits = index.search("quokka")
    assert {hit.article_id for hit in hits} == {second.id}
    assert index.update(Briefing(corpus.info, (edited, *rest), corpus.speakers)) >= 1
    assert index.search("zeppelin") == []
    assert index.search("quokka")


def test_a_half_built_index_is_built_again(tmp_path: Path, corpus: Briefing) -> None:
    with SearchIndex.open(tmp_path) as opened:
        opened.update(corpus)
        path = opened.path
    with sqlite3.connect(path) as db:  # as a crash in the middle of a build leaves it
        db.execute("UPDATE meta SET value = 'building'")
    with SearchIndex.open(tmp_path) as opened:
        assert opened.count() == 0
        assert opened.update(corpus) == len(corpus.articles) + 1
        assert opened.search("zeppelin")


def test_a_damaged_document_is_rebuilt_on_search(tmp_path: Path, corpus: Briefing) -> None:
    with SearchIndex.open(tmp_path) as opened:
        opened.update(corpus)
        opened._db.execute("UPDATE docs SET parts = x'00'")
        hits = opened.search("zeppelin")
        assert hits and hits[0].article_id == corpus.articles[0].id


def test_a_figure_is_shown_with_its_value(index: SearchIndex, corpus: Briefing) -> None:
    figure = corpus.articles[3].figures[0]
    hits = index.search(figure.text, kinds=["figure"], limit=100)
    assert any(
        hit.title.startswith(figure.display_value)
        and (hit.start, hit.end) == (figure.start, figure.end)
        for hit in hits
    )

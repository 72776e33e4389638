"""How the search index stores quotes and figures (their text once, in the article's body),
and how it picks the rows it shows; no timing is asserted."""

from __future__ import annotations

import marshal
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import SEED_BRIEFING
from tui.files.loader import load
from tui.model.briefing import Briefing
from tui.search import index as index_module
from tui.search.index import SearchIndex, build_match, parse_query


@pytest.fixture
def seed() -> Briefing:
    result = load([SEED_BRIEFING])
    assert result.ok
    return result.briefing


def _stored_parts(index: SearchIndex, key: str) -> tuple:
    blob = index._db.execute("SELECT parts FROM docs WHERE key = ?", (key,)).fetchone()[0]
    return marshal.loads(blob)


def test_a_quote_taken_from_its_body_is_stored_once(tmp_path: Path, seed: Briefing) -> None:
    article = next(a for a in seed.articles if a.quotes)
    with SearchIndex.open(tmp_path) as opened:
        opened.update(seed)
        parts = _stored_parts(opened, article.id)
        assert all(part[5] is None for part in parts if part[0] in (1, 2))
        quote = article.quotes[0]
        hits = opened.search(f'"{quote.text}"', kinds=["quote"])
        assert any((hit.start, hit.end) == (quote.start, quote.end) for hit in hits)


def test_a_quote_unlike_its_body_keeps_its_text(tmp_path: Path, seed: Briefing) -> None:
    article = next(a for a in seed.articles if a.quotes)
    quote = replace(article.quotes[0], text="A zeppelin is no silver bullet")
    edited = replace(article, quotes=(quote, *article.quotes[1:]))
    briefing = Briefing(
        seed.info, tuple(edited if a.id == article.id else a for a in seed.articles), seed.speakers
    )
    with SearchIndex.open(tmp_path) as opened:
        opened.update(briefing)
        assert _stored_parts(opened, article.id)[0][5] == quote.text
        hits = opened.search("zeppelin", kinds=["quote"])
        assert [hit.snippet for hit in hits] == ["A zeppelin is no silver bullet"]
        assert [hit.highlights for hit in hits] == [((2, 10),)]
        opened.update(seed)  # taken out again with the words it was indexed with
        assert opened.search("zeppelin") == []
        assert opened.search(f'"{article.quotes[0].text}"', kinds=["quote"])


def test_figures_are_found_by_label_and_unit(tmp_path: Path, seed: Briefing) -> None:
    article = next(a for a in seed.articles if any(f.label for f in a.figures))
    figure = next(f for f in article.figures if f.label)
    with SearchIndex.open(tmp_path) as opened:
        opened.update(seed)
        hits = opened.search(figure.label, kinds=["figure"], limit=100)
        assert any(
            hit.title.startswith(figure.display_value) and hit.article_id == article.id
            for hit in hits
        )


def test_a_limit_above_the_rank_cap(
    tmp_path: Path, seed: Briefing, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_module, "RANK_CAP", 3)
    with SearchIndex.open(tmp_path) as opened:
        opened.update(seed)
        every = opened.search("the", limit=1000)
        assert len(every) > 10
        assert len(opened.search("the", limit=10)) == 10
        assert [hit.score for hit in every] == [0.0] * len(every)  # newest first, unranked


def test_parse_query_gives_the_phrases_of_build_match() -> None:
    assert parse_query('peace "state-run media" 4.2 kash', prefix=True) == [
        (("peace",), False),
        (("state", "run", "media"), False),
        (("4", "2"), False),
        (("kash",), True),
    ]
    assert build_match('peace "state-run media" 4.2 kash', prefix=True) == (
        '"peace" "state run media" "4 2" "kash"*'
    )
    assert parse_query("kash ", prefix=True) == [(("kash",), False)]
    assert parse_query('"kash"', prefix=True) == [(("kash",), False)]
    assert parse_query("ka", prefix=True) == [(("ka",), False)]
    assert parse_query('"') == [] and build_match('"') is None

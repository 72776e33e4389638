"""The FTS5 search index: ranking, snippets, incremental updates, hostile queries, the CLI."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import DATA, SEED_BRIEFING
from tui.cli.main import main
from tui.files.loader import load
from tui.model.briefing import Briefing
from tui.search import index as index_module
from tui.search.index import SearchIndex, build_match


@pytest.fixture
def seed() -> Briefing:
    result = load([SEED_BRIEFING])
    assert result.ok
    return result.briefing


@pytest.fixture
def index(tmp_path: Path, seed: Briefing):
    with SearchIndex.open(tmp_path) as opened:
        opened.update(seed)
        yield opened


def test_the_index_lives_in_the_cache_folder(tmp_path: Path, seed: Briefing) -> None:
    with SearchIndex.open(tmp_path, name="x") as opened:
        opened.update(seed)
    assert (tmp_path / "index" / "x.sqlite3").is_file()
    with SearchIndex.open(name="y") as opened:
        assert Path(opened.path).is_relative_to(index_module.default_path("y").parent)


def test_every_kind_is_found(index: SearchIndex) -> None:
    kinds = {hit.kind for hit in index.search("Dar", limit=50)}
    assert kinds == {"speaker", "quote", "figure", "article"}


def test_a_speaker_ranks_first_for_their_name(index: SearchIndex) -> None:
    hits = index.search("Ishaq Dar")
    assert hits[0].kind == "speaker" and hits[0].speaker_id == "ishaq-dar"
    assert hits[0].title == "Ishaq Dar"
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)


def test_quote_hits_point_at_the_quote(index: SearchIndex, seed: Briefing) -> None:
    hits = index.search("silver bullet", kinds=["quote"])
    assert hits
    hit = hits[0]
    article = seed.article(hit.article_id)
    assert hit.speaker_id == "asim-iftikhar-ahmad"
    assert "silver bullet" in article.body[hit.start : hit.end]
    assert "silver bullet" in hit.snippet
    marked = [hit.snippet[a:b].lower() for a, b in hit.highlights]
    assert marked == ["silver", "bullet"]


def test_figures_and_stemming(index: SearchIndex) -> None:
    hits = index.search("peacekeeper", kinds=["figure"])
    assert any("235,000" in hit.title for hit in hits)
    assert all(hit.kind == "figure" and hit.start is not None for hit in hits)
    assert index.search("5.5 billion", kinds=["figure"])[0].title.startswith("$5.5 billion")


def test_article_snippets_point_into_the_body(index: SearchIndex, seed: Briefing) -> None:
    hits = index.search("soldiers of fortune", kinds=["article"])
    assert len(hits) == 1
    hit = hits[0]
    body = seed.article(hit.article_id).body
    assert body[hit.start : hit.end].lower() == "soldiers"
    assert "soldiers of fortune" in hit.snippet
    assert "\n" not in hit.snippet and "\x02" not in hit.snippet


def test_a_phrase_must_stand_together(index: SearchIndex) -> None:
    assert index.search('"fortune soldiers"') == []
    assert index.search("fortune soldiers")


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "AND (",
        "OR",
        "NOT",
        "NEAR(a b",
        "*",
        "a*b OR c",
        "title:Dar",
        "-Dar",
        "^Dar",
        "{title text}: Dar",
        "'; DROP TABLE entries; --",
        "\x00\x1b[2J",
        "(" * 500,
        "word " * 1000,
        "ü ß 中文 🙂",
        "",
        "   ",
    ],
)
def test_hostile_queries_never_raise(index: SearchIndex, query: str) -> None:
    hits = index.search(query)
    assert isinstance(hits, list)
    assert index.count() > 0


def test_operators_are_words(index: SearchIndex) -> None:
    assert build_match("AND (") == '"AND"'
    assert build_match('say "hello there') == '"say" "hello" "there"'
    assert build_match('"') is None
    assert build_match("peace", prefix=True) == '"peace"*'
    assert build_match("4.2 billion") == '"4 2" "billion"'


def test_update_is_incremental(tmp_path: Path, seed: Briefing) -> None:
    with SearchIndex.open(tmp_path) as opened:
        assert opened.update(seed) == len(seed.articles) + 1
        assert opened.update(seed) == 0
        first, second = seed.articles
        changed = replace(second, title="Dar urges a zeppelin for peacekeeping")
        edited = Briefing(seed.info, (first, changed), seed.speakers)
        assert opened.update(edited) == 1
        hits = opened.search("zeppelin")
        assert [hit.article_id for hit in hits] == [second.id]
        assert opened.search("modernisation and unity") == []

        dropped = Briefing(seed.info, (first,), seed.speakers)
        opened.update(dropped)  # the article goes; speakers' quote counts change
        assert opened.search("zeppelin") == []
        assert all(hit.article_id != second.id for hit in opened.search("Dar", limit=100))
        dar = opened.search("Ishaq Dar", kinds=["speaker"])[0]
        assert "0 quotes" in dar.snippet


def test_a_damaged_index_is_rebuilt(tmp_path: Path, seed: Briefing) -> None:
    with SearchIndex.open(tmp_path) as opened:
        opened.update(seed)
        path = Path(opened.path)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(b"this is not a database" * 100)
    with SearchIndex.open(tmp_path) as opened:
        opened.update(seed)
        assert opened.search("Dar")


def test_an_older_schema_is_rebuilt(tmp_path: Path, seed: Briefing) -> None:
    with SearchIndex.open(tmp_path) as opened:
        opened.update(seed)
        path = opened.path
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 0")
    with SearchIndex.open(tmp_path) as opened:
        assert opened.count() == 0
        opened.update(seed)
        assert opened.search("Dar")


def test_memory_index(seed: Briefing) -> None:
    with SearchIndex.open(":memory:") as opened:
        opened.update(seed)
        assert opened.search("Kashmir")


# -- briefing search ----------------------------------------------------------------------------


def test_cli_search_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "silver bullet", str(SEED_BRIEFING)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("quote")
    assert "Asim Iftikhar Ahmad" in out and "silver bullet" in out


def test_cli_search_json_and_limit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "Dar", str(SEED_BRIEFING), "--json", "--limit", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    hits = [json.loads(line) for line in lines]
    assert hits[0]["kind"] == "speaker" and hits[0]["speaker_id"] == "ishaq-dar"
    assert set(hits[0]) >= {"kind", "article_id", "start", "end", "title", "snippet", "score"}


def test_cli_search_nothing_found_and_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "zeppelin", str(SEED_BRIEFING)]) == 1
    assert main(["search", '"', str(SEED_BRIEFING)]) == 1
    assert capsys.readouterr().out == ""
    assert main(["search", "Dar", str(SEED_BRIEFING), "--limit", "0"]) == 2
    assert main(["search"]) == 2


def test_cli_search_reports_problems_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "bridge", str(DATA / "broken")]) in (0, 1)
    assert "briefing check" in capsys.readouterr().err


def test_search_prints_article_text_as_inert_characters(capsys):
    from tests.conftest import DATA
    from tui.cli.main import main

    hostile = DATA / "hostile" / "markup-and-escapes.yaml"
    assert main(["search", "red", str(hostile)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    assert "[bold red]Loud[/] \\x1b[2J" in out  # shown as written, escapes visible

"""The loader: valid briefings load whole; every problem names its file, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA, SEED_BRIEFING
from tui.files.loader import load
from tui.model.briefing import Bound

BROKEN = DATA / "broken"


def test_seed_briefing_loads_without_problems():
    result = load([SEED_BRIEFING])
    assert result.problems == ()
    briefing = result.briefing
    assert briefing.counts == {"articles": 2, "speakers": 2, "quotes": 15, "figures": 23}
    assert {s.name for s in briefing.speakers} >= {"Asim Iftikhar Ahmad", "Ishaq Dar"}


def test_every_span_points_at_its_words():
    briefing = load([SEED_BRIEFING]).briefing
    for article in briefing.articles:
        for item in (*article.figures, *article.quotes):
            assert article.body[item.start : item.end] == item.text


def test_folder_of_one_article_files_merges_into_one_briefing():
    result = load([DATA / "valid"])
    assert result.problems == ()
    briefing = result.briefing
    assert briefing.info.title == "Harbour bridge"
    assert briefing.info.date == "2026-03"
    assert [a.id for a in briefing.articles] == ["council-vote", "ministry-estimate"]
    article = briefing.article("council-vote")
    assert article is not None and article.published == "2026-03-02"
    estimate = briefing.article("ministry-estimate").figures[0]
    assert (estimate.value, estimate.unit, estimate.bound) == (150e6, "USD", Bound.APPROXIMATE)
    assert briefing.quotes_by_speaker["ana-ruiz"][0].text == "We waited long enough,"


def _problems(name: str) -> list[tuple[int, int, str, str]]:
    result = load([BROKEN / name])
    return [(p.line, p.column, p.where, p.message) for p in result.problems]


@pytest.mark.parametrize(
    ("name", "line", "column", "where", "words"),
    [
        ("unknown-key.yaml", 2, 3, "briefing.titel", "unknown key 'titel' (did you mean 'title'?)"),
        ("duplicate-key.yaml", 3, 3, "title", "duplicate key 'title' (first at line 2, column 3)"),
        ("tab-indent.yaml", 2, 1, "(syntax)", "does not allow tabs"),
        ("unclosed-quote.yaml", 2, 10, "(syntax)", "never closed"),
        ("missing-body.yaml", 2, 5, "articles[0]", "missing required key 'body'"),
        ("empty.yaml", 1, 1, "(file)", "the file is empty"),
        (
            "quote-not-in-body.yaml",
            11,
            15,
            "articles[0].quotes[0].text",
            "are not in the article's body",
        ),
        (
            "quote-not-in-body.yaml",
            12,
            18,
            "articles[0].quotes[1].speaker",
            "no speaker has the id 'leee' (did you mean 'lee'?)",
        ),
    ],
)
def test_each_problem_is_located_and_explained(name, line, column, where, words):
    found = _problems(name)
    assert any((ln, col, w) == (line, column, where) and words in m for ln, col, w, m in found), (
        found
    )


def test_all_problems_of_a_file_are_reported_at_once():
    found = _problems("wrong-types.yaml")
    assert [(line, column, where) for line, column, where, _ in found] == [
        (6, 16, "articles[0].figures[0].value"),
        (12, 16, "articles[0].figures[1].bound"),
    ]
    assert "expected a number, found 'twelve'" in found[0][3]
    assert "use one of: exact, approximate, more-than, less-than" in found[1][3]


def test_duplicate_article_ids_across_files_name_both_places():
    result = load([BROKEN / "duplicate-id-a.yaml", BROKEN / "duplicate-id-b.yaml"])
    [problem] = result.problems
    assert (problem.path, problem.line, problem.column) == (
        str(BROKEN / "duplicate-id-b.yaml"),
        2,
        7,
    )
    assert f"{BROKEN / 'duplicate-id-a.yaml'}:2:7" in problem.message
    assert [a.title for a in result.briefing.articles] == ["First article"]


def test_one_bad_file_never_hides_the_good_ones(tmp_path: Path):
    for name in ("meta.yaml", "council.yaml"):
        (tmp_path / name).write_text((DATA / "valid" / name).read_text())
    (tmp_path / "bad.yaml").write_text("articles: [\n")
    result = load([tmp_path])
    assert [a.id for a in result.briefing.articles] == ["council-vote"]
    assert [p.path for p in result.problems] == [str(tmp_path / "bad.yaml")]


def test_a_bad_quote_costs_that_quote_not_its_article():
    result = load([BROKEN / "quote-not-in-body.yaml"])
    [article] = result.briefing.articles
    # The quote with the wrong words is dropped; the one with an unknown speaker is kept,
    # unattributed, so nothing the author wrote disappears from view.
    assert [(q.text, q.speaker_id) for q in article.quotes] == [("We will rebuild,", None)]


def test_problem_text_reads_path_line_column_where_message():
    problem = load([BROKEN / "unknown-key.yaml"]).problems[-1]
    assert str(problem).startswith(
        f"{BROKEN / 'unknown-key.yaml'}:2:3: briefing.titel: unknown key"
    )


def test_missing_path_is_a_problem_not_a_crash(tmp_path: Path):
    result = load([tmp_path / "nope.yaml"])
    assert result.briefing.articles == ()
    assert "no such file or folder" in result.problems[0].message


def test_start_offset_is_checked(tmp_path: Path):
    (tmp_path / "a.yaml").write_text(
        "article:\n  id: a\n  title: T\n  body: one two one\n"
        "  figures:\n    - {value: 1, unit: thing, text: one, start: 8}\n"
        "    - {value: 2, unit: thing, text: two, start: 0}\n"
    )
    result = load([tmp_path])
    [figure] = result.briefing.articles[0].figures
    assert (figure.start, figure.end) == (8, 11)
    [problem] = result.problems
    assert (problem.line, problem.where) == (7, "article.figures[1].start")
    assert "the words are at offset 4; set start: 4" in problem.message


def test_load_leaves_the_cycle_collector_as_it_was():
    import gc

    assert gc.isenabled()
    load([DATA / "valid"])
    assert gc.isenabled()
    gc.disable()
    try:
        load([DATA / "valid"])
        assert not gc.isenabled()
    finally:
        gc.enable()

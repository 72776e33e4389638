"""The data model: how values and dates read, and what a briefing counts."""

from __future__ import annotations

import pytest

from tui.model import (
    Article,
    Bound,
    Briefing,
    BriefingInfo,
    Figure,
    Problem,
    Quote,
    Speaker,
    describe_date,
    format_number,
)


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (5.5e9, "USD", "$5.5 billion"),
        (235000, "peacekeepers", "235,000"),
        (0.3, "percent", "0.3%"),
        (1947, "year", "1947"),
        (2.25e6, "", "2.25 million"),
        (1.5, "", "1.5"),
    ],
)
def test_values_read_as_a_reader_expects(value: float, unit: str, shown: str):
    assert format_number(value, unit) == shown


def test_display_value_carries_the_bound_and_spelled_units():
    figure = Figure("a", 8, "decades", "eight decades", 0, 13, bound=Bound.APPROXIMATE)
    assert figure.display_value == "~8 decades"
    assert Figure("a", 235000, "", "235,000", 0, 7, bound=Bound.MORE_THAN).display_value == (
        ">235,000"
    )


@pytest.mark.parametrize(
    ("stored", "read"),
    [("2025", "2025"), ("2025-07", "July 2025"), ("2025-07-02", "2 July 2025"),
     (None, ""), ("2025-13", "2025-13"), ("soon", "soon")],
)
def test_dates_read_as_people_write_them(stored: str | None, read: str):
    assert describe_date(stored) == read


def test_a_problem_prints_as_editors_link_it():
    problem = Problem("b.yaml", 3, 7, "articles[0].title", "expected text")
    assert str(problem) == "b.yaml:3:7: articles[0].title: expected text"


def test_counts_and_lookups_of_a_briefing():
    body = "First paragraph.\n\n\n  Second one.\n"
    quote = Quote("a", "ana", "Second one.", 20, 31)
    article = Article("a", "Title", body, quotes=(quote,))
    speakers = (Speaker("ana", "Ana Ruiz", "Mayor", ("Ruiz",)), Speaker("bo", "Bo", ""))
    briefing = Briefing(BriefingInfo(title="T"), (article,), speakers)
    assert briefing.counts == {"articles": 1, "speakers": 1, "quotes": 1, "figures": 0}
    assert briefing.speaker_name("ana") == "Ana Ruiz"
    assert briefing.article("a") is article and briefing.article("zz") is None
    assert [text for _, text in article.paragraphs] == ["First paragraph.", "  Second one."]
    assert [body[start:start + 6] for start, _ in article.paragraphs] == ["First ", "  Seco"]


def test_short_dates_abbreviate_the_month():
    assert describe_date("2025-07-02", short=True) == "2 Jul 2025"
    assert describe_date("2025-09", short=True) == "Sep 2025"

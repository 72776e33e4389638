"""The search module (no UI) and the search dialog."""

from __future__ import annotations

from tui.dashboard.screens import SearchScreen
from tui.dashboard.widgets import Reader
from tui.files.loader import load
from tui.search.memory import Kind, find_all, search

from .conftest import SEED, ready


def seed_briefing():
    return load([SEED]).briefing


def test_find_all_ignores_case_and_spans_line_breaks():
    assert find_all("Kashmir and KASHMIR", "kashmir") == [(0, 7), (12, 19)]
    assert find_all("the Security\nCouncil", "security council") == [(4, 20)]
    assert find_all("anything", "   ") == []
    assert find_all("a [b] c", "[b]") == [(2, 5)]


def test_every_kind_of_hit_points_at_its_place():
    briefing = seed_briefing()
    hits = search(briefing, "dar")
    assert hits[0].kind is Kind.SPEAKER and hits[0].speaker_id == "ishaq-dar"
    figures = search(briefing, "182")
    figure_hits = [h for h in figures if h.kind is Kind.FIGURE]
    assert figure_hits and figure_hits[0].title.startswith("182")
    article = briefing.article(figure_hits[0].article_id)
    assert article.body[figure_hits[0].start:figure_hits[0].end] == "182"
    quotes = [h for h in search(briefing, "silver bullet") if h.kind is Kind.QUOTE]
    assert len(quotes) == 1
    quote = quotes[0]
    body = briefing.article(quote.article_id).body
    assert "silver bullet" in body[quote.start:quote.end]
    for start, end in quote.highlights:
        assert quote.snippet[start:end].lower() in ("silver", "bullet")


def test_text_hits_outside_quotes_and_ranking():
    briefing = seed_briefing()
    hits = search(briefing, "line of control")
    assert hits and {h.kind for h in hits} == {Kind.TEXT}
    body = briefing.article(hits[0].article_id).body
    assert body[hits[0].start:hits[0].end].lower() == "line of control"
    kinds = [h.kind for h in search(briefing, "peacekeeping")]
    assert kinds == sorted(kinds, key=[Kind.SPEAKER, Kind.FIGURE, Kind.QUOTE, Kind.TITLE,
                                       Kind.TEXT].index)
    assert search(briefing, "") == []
    assert len(search(briefing, "the", limit=5)) == 5


async def test_search_jumps_to_the_place_and_esc_comes_back_to_the_search(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("s")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"silver bullet")
        hit = app.screen.hits[0]
        assert hit.kind is Kind.QUOTE
        await pilot.press("enter")
        reader = app.main.articles.reader
        assert app.screen is app.main
        assert isinstance(app.focused, Reader)
        assert reader.article.id == hit.article_id
        assert reader.highlight == (hit.start, hit.end)
        await pilot.press("escape")
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_text == "silver bullet"
        await pilot.press("escape")
        assert app.screen is app.main


async def test_search_text_hit_highlights_the_span_and_speaker_hit_shows_quotes(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+f", *"line of control", "enter")
        reader = app.main.articles.reader
        body = reader.article.body
        start, end = reader.highlight
        assert body[start:end] == "Line of Control"
        assert "Search hit" in str(app.main.query_one("#reader-status").render())
        await pilot.press("s")
        app.screen.query_one("Input").value = "Lacroix"
        await pilot.pause()
        assert app.screen.hits[0].kind is Kind.SPEAKER
        await pilot.press("down", "enter")
        assert app.main.view == "quotes"
        assert app.main.quotes.speaker_id == "jean-pierre-lacroix"


async def test_ctrl_f_opens_search_even_from_an_input(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2", "slash", "s")
        assert app.main.quotes.filter_input.value == "s", "s types into an input"
        await pilot.press("ctrl+f")
        assert isinstance(app.screen, SearchScreen)

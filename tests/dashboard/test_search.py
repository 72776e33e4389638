"""Finding in one article, the search service's hits on the seed, and the search dialog."""

from __future__ import annotations

import threading
from pathlib import Path

from tui.dashboard.screens import SearchScreen
from tui.dashboard.widgets import Reader
from tui.files.loader import load
from tui.search.find import find_all
from tui.search.hits import Hit, Kind
from tui.search.service import SearchService

from .conftest import SEED, ready


def seed_search(tmp_path: Path) -> tuple[SearchService, object]:
    briefing = load([SEED]).briefing
    service = SearchService([str(SEED)], tmp_path)
    assert service.update(briefing) is None
    return service, briefing


async def searched(pilot) -> None:
    """Wait for the dialog's searches (they run in worker threads) to be shown."""
    for _ in range(200):
        await pilot.pause()
        if not any(worker.group == "search" and not worker.is_finished
                   for worker in pilot.app.workers):
            break
    await pilot.pause()


def test_find_all_ignores_case_and_spans_line_breaks():
    assert find_all("Kashmir and KASHMIR", "kashmir") == [(0, 7), (12, 19)]
    assert find_all("the Security\nCouncil", "security council") == [(4, 20)]
    assert find_all("anything", "   ") == []
    assert find_all("a [b] c", "[b]") == [(2, 5)]


def test_every_kind_of_hit_points_at_its_place(tmp_path):
    service, briefing = seed_search(tmp_path)
    hits = service.search("dar")
    assert hits[0].kind is Kind.SPEAKER and hits[0].speaker_id == "ishaq-dar"
    figure_hits = [h for h in service.search("182") if h.kind is Kind.FIGURE]
    assert figure_hits and figure_hits[0].title.startswith("182")
    article = briefing.article(figure_hits[0].article_id)
    assert article.body[figure_hits[0].start:figure_hits[0].end] == "182"
    quotes = [h for h in service.search("silver bullet") if h.kind is Kind.QUOTE]
    assert len(quotes) == 1
    quote = quotes[0]
    body = briefing.article(quote.article_id).body
    assert "silver bullet" in body[quote.start:quote.end]
    for start, end in quote.highlights:
        assert quote.snippet[start:end].lower() in ("silver", "bullet")
    service.close()


def test_text_hits_and_ranking(tmp_path):
    service, briefing = seed_search(tmp_path)
    hits = service.search("line of control")
    assert hits and {h.kind for h in hits} == {Kind.ARTICLE}
    body = briefing.article(hits[0].article_id).body
    assert body[hits[0].start:hits[0].end].lower() == "line of control"
    kinds = [h.kind for h in service.search("peacekeeping")]
    order = [Kind.SPEAKER, Kind.FIGURE, Kind.QUOTE, Kind.ARTICLE]
    assert kinds == sorted(kinds, key=order.index)
    assert service.search("") == []
    assert len(service.search("the", limit=5)) == 5
    assert service.search("peacekeeping reform"), "all the words, not the phrase"
    service.close()


def test_hits_print_as_before():
    hit = Hit(Kind.ARTICLE, "Title", "a snippet", ((2, 9),), 1.23456, "a1", None, 3, 10)
    assert hit.as_dict() == {
        "kind": "article", "article_id": "a1", "speaker_id": None, "start": 3, "end": 10,
        "title": "Title", "snippet": "a snippet", "score": 1.2346, "highlights": [[2, 9]],
    }
    assert hit.span == (3, 10)
    assert Hit(Kind.SPEAKER, "Dar", "", (), 0.0, speaker_id="dar").span is None


async def test_search_jumps_to_the_place_and_esc_comes_back_to_the_search(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("s")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"silver bullet")
        await searched(pilot)
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
        await pilot.press("ctrl+f", *"line of control")
        await searched(pilot)
        await pilot.press("enter")
        reader = app.main.articles.reader
        body = reader.article.body
        start, end = reader.highlight
        assert body[start:end] == "Line of Control"
        assert "Search hit" in str(app.main.query_one("#reader-status").render())
        await pilot.press("s")
        app.screen.query_one("Input").value = "Lacroix"
        await searched(pilot)
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


async def test_a_slow_search_never_holds_up_typing(app_for):
    app = app_for()
    release = threading.Event()
    asked: list[str] = []

    def slow(query: str) -> list[Hit] | None:
        asked.append(query)
        release.wait(5)
        return app.search_hits(query)

    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        screen = SearchScreen(app.briefing, slow)
        await app.push_screen(screen)
        await pilot.press(*"kashmir")
        assert screen.query_text == "kashmir", "every key was taken while searches waited"
        assert asked and screen.hits == []
        release.set()
        await searched(pilot)
        assert screen.hits and screen.query_text == "kashmir"


async def test_the_dialog_waits_for_the_index_then_shows_hits(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        ready_now = False

        def search(query: str) -> list[Hit] | None:
            return app.search_hits(query) if ready_now else None

        screen = SearchScreen(app.briefing, search, "kashmir")
        await app.push_screen(screen)
        await searched(pilot)
        assert screen.hits == []
        assert "Indexing" in str(screen.query_one("#search-status").render())
        ready_now = True
        screen.index_ready()
        await searched(pilot)
        assert screen.hits
        assert "Indexing" not in str(screen.query_one("#search-status").render())

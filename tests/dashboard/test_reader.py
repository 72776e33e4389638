"""Pilot tests of the reader: stepping through marks, find, next/previous article."""

from __future__ import annotations

from tui.search.find import find_all

from .conftest import ready


async def open_first_article(pilot) -> None:
    await ready(pilot)
    await pilot.press("3", "enter")


async def test_enter_on_the_list_opens_the_reader(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_article(pilot)
        reader = app.main.articles.reader
        assert app.focused is reader
        assert reader.article.id == app.briefing.articles[0].id
        assert reader.highlight is None
        lines = reader.rendered_lines()
        assert lines[0].startswith("Pakistan calls for boosting UN peacekeeping")
        assert max(len(line) for line in lines) <= 80


async def test_n_and_shift_n_step_from_mark_to_mark(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_article(pilot)
        reader = app.main.articles.reader
        marks = reader.marks
        assert len(marks) == 14 + 11
        assert [m.start for m in marks] == sorted(m.start for m in marks)
        await pilot.press("n")
        assert reader.highlight == (marks[0].start, marks[0].end)
        await pilot.press("n", "n")
        assert reader.cursor == 2
        assert reader.highlight == (marks[2].start, marks[2].end)
        await pilot.press("N")
        assert reader.highlight == (marks[1].start, marks[1].end)
        await pilot.press("N", "N")
        assert reader.highlight == (marks[-1].start, marks[-1].end), "N wraps to the last mark"
        top = int(reader.scroll_offset.y)
        row = reader._row_of(marks[-1].start)
        assert top <= row < top + reader.scrollable_content_region.height, "the mark is in view"
        status = str(app.main.query_one("#reader-status").render())
        assert status.startswith(("Figure", "Quote"))


async def test_find_highlights_every_match_and_n_steps_through_them(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_article(pilot)
        articles = app.main.articles
        reader = articles.reader
        await pilot.press("slash")
        assert app.focused is articles.find_input
        await pilot.press(*"kashmir")
        expected = find_all(reader.article.body, "kashmir")
        assert len(expected) == reader.article.body.lower().count("kashmir") > 2
        assert reader.matches == expected
        assert reader.highlight == expected[0]
        await pilot.press("enter")
        assert app.focused is reader
        assert not articles.find_input.display
        await pilot.press("n")
        assert reader.highlight == expected[1]
        await pilot.press("N", "N")
        assert reader.highlight == expected[-1]
        assert "Match" in str(app.main.query_one("#reader-status").render())
        await pilot.press("escape")
        assert not reader.finding and reader.matches == []
        assert app.main.view == "articles", "the first Esc only clears the find"


async def test_find_without_a_match_says_so(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_article(pilot)
        await pilot.press("slash", *"zzzq")
        assert app.main.articles.reader.matches == []
        assert "No match" in str(app.main.query_one("#reader-status").render())
        await pilot.press("escape")
        assert app.focused is app.main.articles.reader


async def test_brackets_go_to_the_next_and_previous_article(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_article(pilot)
        reader = app.main.articles.reader
        ids = [a.id for a in app.briefing.articles]
        await pilot.press("right_square_bracket")
        assert reader.article.id == ids[1]
        assert app.main.articles.article_list.highlighted == 1
        await pilot.press("right_square_bracket")
        assert reader.article.id == ids[0]
        await pilot.press("left_square_bracket")
        assert reader.article.id == ids[1]


async def test_reader_scrolls_with_vim_keys(app_for):
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_article(pilot)
        reader = app.main.articles.reader
        await pilot.press("j", "j", "j")
        assert reader.scroll_offset.y == 3
        await pilot.press("k")
        assert reader.scroll_offset.y == 2
        await pilot.press("G")
        assert reader.scroll_offset.y == reader.max_scroll_y > 0
        await pilot.press("g")
        assert reader.scroll_offset.y == 0


async def test_narrow_screen_shows_list_or_reader_and_esc_returns_to_the_list(app_for):
    app = app_for()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("3")
        articles = app.main.articles
        assert articles.article_list.display and not articles.query_one("#reader-pane").display
        await pilot.press("enter")
        await pilot.pause()
        assert articles.reader.size.width > 0
        assert not articles.article_list.visible or articles.article_list.region.width == 0
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is articles.article_list
        assert not articles.reading


async def test_clicking_a_mark_makes_it_current(app_for):
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_article(pilot)
        reader = app.main.articles.reader
        mark = reader.marks[0]
        row = reader._row_of(mark.start)
        line = reader._rows[row]
        column = reader._margin + 2 + (reader._safe.shown(mark.start) - line.start)
        await pilot.click(reader, offset=(column, row))
        assert reader.highlight == (mark.start, mark.end)


async def test_a_warm_open_reads_the_article_from_the_cache_file_when_it_is_opened(
    app_for, seed_dir, monkeypatch
):
    import os

    import tui.store.cache_parse
    from tui.model.briefing import body_is_deferred

    monkeypatch.setattr(tui.store.cache_parse, "RACY_SECONDS", 0.0)
    for path in seed_dir.iterdir():  # as if written a while ago
        os.utime(path, (1_600_000_000, 1_600_000_000))
    async with app_for().run_test(size=(120, 40)) as pilot:  # fills the load cache
        await ready(pilot)
    app = app_for()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_article(pilot)
        assert all(body_is_deferred(article) for article in app.briefing.articles)
        lines = app.main.articles.reader.rendered_lines()
        assert lines[0].startswith("Pakistan calls for boosting UN peacekeeping")
        assert any("235,000" in line for line in lines)

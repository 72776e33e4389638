"""Article text is data: markup and escape sequences show literally. Edits show live."""

from __future__ import annotations

from pathlib import Path

from tui.dashboard.screens import SearchScreen

from .conftest import ready, until

LITERAL = Path(__file__).parent / "data" / "literal"


async def test_markup_and_escape_sequences_show_literally(app_for):
    app = app_for(LITERAL)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert not app.main.problems
        title = str(app.main.query_one("#briefing-title").render())
        assert title == "Markup [bold]test[/bold]"
        panel = app.main.summary.panels[0]
        assert "Apples [i]counted[/i]" in str(panel.render())
        await pilot.press("2")
        quotes = app.main.quotes
        speaker = str(quotes.speaker_list.get_option_at_index(0).prompt)
        assert "Sam [red]Red[/red]" in speaker
        quote = str(quotes.quote_list.get_option_at_index(0).prompt)
        assert "[bold]x[/bold] and \\x1b[2J cleared." in quote
        assert "\x1b" not in quote
        await pilot.press("enter", "enter")
        reader = app.main.articles.reader
        lines = reader.rendered_lines()
        body = "\n".join(lines)
        assert "A [bold]title[/bold]" in lines[0]
        assert "He said: [bold]x[/bold] and \\x1b[2J cleared." in body
        assert "\x1b" not in body
        start, end = reader.highlight
        assert reader.article.body[start:end] == "[bold]x[/bold] and \x1b[2J cleared."
        await pilot.press("n")
        figure = reader.article.figures[0]
        assert reader.highlight == (figure.start, figure.end), "offsets survive the escaping"
        await pilot.press("s", *"[bold]")
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.hits and all("\x1b" not in h.snippet for h in app.screen.hits)


async def test_editing_a_file_updates_the_views_and_keeps_the_readers_place(app_for, seed_dir):
    path = seed_dir / "pakistan-un-peacekeeping.yaml"
    app = app_for(watch_interval=0.1)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2", "enter", "down", "down", "enter")
        reader = app.main.articles.reader
        before = reader.highlight
        top = reader.scroll_offset.y
        assert before is not None and top > 0
        text = path.read_text(encoding="utf-8")
        new = text.replace("title: Pakistan and UN peacekeeping",
                           "title: Pakistan and UN peacekeeping (revised)", 1)
        new = new.replace("Pakistan calls for boosting UN peacekeeping missions’ role",
                          "Pakistan asks for stronger UN peacekeeping missions’ role", 1)
        assert new != text
        path.write_text(new, encoding="utf-8")
        await until(pilot, lambda: app.briefing.title.endswith("(revised)"), timeout=5)
        await pilot.pause()
        assert "(revised)" in str(app.main.query_one("#briefing-title").render())
        assert reader.article.title.startswith("Pakistan asks for stronger")
        assert reader.rendered_lines()[0].startswith("Pakistan asks for stronger")
        assert reader.highlight == before
        assert reader.scroll_offset.y == top
        assert app.main.view == "articles" and app.focused is reader


async def test_a_file_that_breaks_while_open_reports_the_problem(app_for, seed_dir):
    app = app_for(watch_interval=0.1)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        (seed_dir / "new.yaml").write_text("articles: [\n", encoding="utf-8")
        await until(pilot, lambda: bool(app.main.problems), timeout=5)
        await pilot.pause()
        assert app.main.query_one("#banner").display
        assert len(app.briefing.articles) == 2
